// The "Write your letter" page: reads the form, asks the engine worker
// (worker.js, which documents the message protocol) to render, and shows the
// result. The page works without this script (the build rendered a fallback
// letter into it) and without the engine (the fallback stays, the form keeps
// what was typed).

const LOAD_TIMEOUT_MS = 15000;
const RENDER_TIMEOUT_MS = 8000;
const STORAGE_KEY = "letter.details.v1";
const REMEMBERED_PREFIXES = ["sender.", "community."];
const FRAGMENT_FIELDS = {
  city: "community.city",
  state: "community.state",
  role: "recipients.0.role",
  name: "recipients.0.name",
  email: "recipients.0.email",
};

const app = document.querySelector("[data-letter-app]");
if (app) start(app);

function start(app) {
  const $ = (selector, root = app) => root.querySelector(selector);
  const $$ = (selector, root = app) => Array.from(root.querySelectorAll(selector));
  const form = $("#letter-form");
  const lettersBox = $("[data-letters]");
  const announcer = $("[data-announcer]");
  const status = $("#engine-status");
  const failed = $("#engine-failed");
  const summary = $("#error-summary");
  const campaignFiles = $("#letter-campaign").textContent;
  const officials = JSON.parse($("#letter-officials").textContent || "[]");
  const templates = Object.fromEntries(
    $$("template[data-template]").map((t) => [t.dataset.template, t]),
  );

  let worker = null;
  let replies = null; // the BroadcastChannel the worker answers renders on (worker.js says why)
  let ready = false;
  let nextId = 1;
  let inFlight = null; // {id, timer}
  let dirty = true;
  let shownId = 0;
  let result = null; // the latest output from letter_py
  let showErrors = false;
  let loadTimer = null;
  let waiters = []; // actions waiting for the render of what was just typed

  // ---- the form ----------------------------------------------------------

  function fieldId(path) {
    return path.replaceAll(".", "-");
  }

  // The form as letter_py's input document: names are field paths.
  function readForm() {
    const data = {};
    for (const element of form.elements) {
      if (!element.name || element.type === "radio" || element.type === "checkbox") continue;
      let target = data;
      const parts = element.name.split(".");
      parts.forEach((part, i) => {
        const key = /^\d+$/.test(part) ? Number(part) : part;
        if (i === parts.length - 1) {
          target[key] = element.value;
        } else {
          const nextIsIndex = /^\d+$/.test(parts[i + 1]);
          target[key] ??= nextIsIndex ? [] : {};
          target = target[key];
        }
      });
    }
    return data;
  }

  function setField(path, value) {
    const element = form.elements.namedItem(path);
    if (element && typeof value === "string") element.value = value;
  }

  // Rows are renumbered after every add or remove, so field paths stay dense
  // (recipients.0, recipients.1, …) and match letter_py's error paths.
  function renumber(kind) {
    const rows = $$(`[data-rows="${kind}"] > [data-row]`);
    rows.forEach((row, index) => {
      const old = row.dataset.index;
      row.dataset.index = String(index);
      for (const el of row.querySelectorAll("[name], [id], [for], [aria-describedby]")) {
        for (const attr of ["name", "id", "for", "aria-describedby"]) {
          const value = el.getAttribute(attr);
          if (value) {
            el.setAttribute(attr, value
              .replaceAll(`${kind}.${old}.`, `${kind}.${index}.`)
              .replaceAll(`${kind}-${old}-`, `${kind}-${index}-`));
          }
        }
      }
      for (const el of row.querySelectorAll("[data-field]")) {
        el.dataset.field = el.dataset.field.replace(`${kind}.${old}.`, `${kind}.${index}.`);
      }
      for (const n of row.querySelectorAll("[data-row-number]")) n.textContent = String(index + 1);
      const remove = row.querySelector("[data-remove-row]");
      if (remove && kind === "recipients") remove.hidden = rows.length === 1;
    });
    return rows;
  }

  function addRow(kind, focus = true) {
    const box = $(`[data-rows="${kind}"]`);
    const fragment = templates[kind].content.cloneNode(true);
    const row = fragment.querySelector("[data-row]");
    box.append(fragment);
    renumber(kind);
    updateRoleFields();
    if (focus) row.querySelector("input, select, textarea").focus();
    return row;
  }

  function removeRow(row) {
    const kind = row.dataset.row;
    const index = Number(row.dataset.index);
    row.remove();
    const rows = renumber(kind);
    const next = rows[Math.min(index, rows.length - 1)];
    (next ? next.querySelector("input, select, textarea") : $(`[data-add-row="${kind}"]`)).focus();
    announce(kind === "recipients" ? "Recipient removed" : "News article removed");
  }

  function updateRoleFields() {
    for (const row of $$('[data-rows="recipients"] > [data-row]')) {
      const role = row.querySelector('select[name$=".role"]').value;
      for (const box of row.querySelectorAll("[data-show-when-role]")) {
        box.hidden = box.dataset.showWhenRole !== role;
      }
    }
  }

  function pickOfficial(select) {
    const official = officials[Number(select.value)];
    if (!official) return;
    const row = select.closest("[data-row]");
    const prefix = `recipients.${row.dataset.index}.`;
    setField(prefix + "role", official.role || "");
    setField(prefix + "title", official.title || "");
    setField(prefix + "name", official.name || "");
    setField(prefix + "email", official.email || "");
    setField(prefix + "address", official.address || "");
    updateRoleFields();
  }

  // ---- remembering (opt-in only) -----------------------------------------

  const remember = $("[data-remember]");

  function rememberedFields() {
    return Array.from(form.elements).filter(
      (el) => el.name && REMEMBERED_PREFIXES.some((p) => el.name.startsWith(p)),
    );
  }

  function saveDetails() {
    if (!remember.checked) return;
    const details = Object.fromEntries(rememberedFields().map((el) => [el.name, el.value]));
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(details));
    } catch {
      announce("Your browser would not let this page remember your details.");
    }
  }

  function forgetDetails() {
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Storage blocked: nothing was stored either.
    }
    remember.checked = false;
    announce("Your details are forgotten on this device.");
  }

  function restoreDetails() {
    let saved = null;
    try {
      saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || "null");
    } catch {
      saved = null;
    }
    if (!saved || typeof saved !== "object") return;
    for (const [name, value] of Object.entries(saved)) {
      if (REMEMBERED_PREFIXES.some((p) => name.startsWith(p))) setField(name, value);
    }
    remember.checked = true;
  }

  // Organizers can link to the page with #city=Springfield&role=police_chief.
  // A fragment never reaches any server.
  function applyFragment() {
    const hash = location.hash.slice(1);
    if (!hash.includes("=")) return;
    const params = new URLSearchParams(hash);
    for (const [key, path] of Object.entries(FRAGMENT_FIELDS)) {
      if (params.has(key)) setField(path, params.get(key).slice(0, 200));
    }
    updateRoleFields();
  }

  // ---- the engine --------------------------------------------------------

  function showProgress(done, total, label) {
    if (!failed.hidden) return; // a late report from a worker that already failed
    status.hidden = false;
    $("#engine-progress").value = total ? Math.round((100 * done) / total) : 0;
    $("#engine-status-text").textContent = label;
  }

  function fail(message) {
    clearTimeout(loadTimer);
    ready = false;
    releaseWaiters();
    status.hidden = true;
    $("[data-failure-text]").textContent = message;
    failed.hidden = false;
    // The preview keeps the last letter rendered, or the build's fallback
    // letter; either can still be copied, downloaded and printed.
    for (const actions of $$("[data-actions]")) actions.hidden = false;
    $("[data-format-switch]").hidden = false;
    $("[data-print-row]").hidden = false;
  }

  function startEngine() {
    ready = false;
    inFlight = null;
    dirty = true;
    failed.hidden = true;
    showProgress(0, 1, "Starting…");
    clearTimeout(loadTimer);
    loadTimer = setTimeout(() => {
      if (!ready) {
        fail("It is taking too long to start. Your connection may be slow, or your browser may block WebAssembly.");
      }
    }, LOAD_TIMEOUT_MS);
    try {
      worker = takeEarlyWorker() || new Worker(app.dataset.worker, { type: "module" });
    } catch (error) {
      fail("Your browser cannot run the letter writer (it needs module workers and WebAssembly). Please update your browser.");
      return;
    }
    worker.onmessage = ({ data }) => onWorkerMessage(data);
    replies = openReplyChannel();
    worker.onerror = (event) => {
      event.preventDefault();
      fail("The letter writer stopped unexpectedly.");
    };
    worker.postMessage({
      type: "init",
      runtimeURL: new URL(app.dataset.runtime, document.baseURI).href,
      lockFileURL: new URL(app.dataset.lockfile, document.baseURI).href,
      precompiledURL: app.dataset.precompiled ? new URL(app.dataset.precompiled, document.baseURI).href : null,
      precompiledSha256: app.dataset.precompiledSha256 || null,
      campaign: campaignFiles,
      replyChannel: replies ? replies.name : null,
    });
  }

  // A name no other tab can guess, so two letter pages never hear each
  // other's replies (crypto.getRandomValues works on plain http too).
  function openReplyChannel() {
    if (typeof BroadcastChannel !== "function") return null;
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const name = "letter-replies-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    const channel = new BroadcastChannel(name);
    channel.onmessage = ({ data }) => onWorkerMessage(data);
    return channel;
  }

  // The page's head (letter.html) may have started the worker already, so
  // that Python loads while the page does; it is adopted once.
  function takeEarlyWorker() {
    const early = window.letterWorker || null;
    window.letterWorker = null;
    return early;
  }

  function restartEngine() {
    if (worker) worker.terminate();
    if (replies) replies.close();
    worker = null;
    replies = null;
    startEngine();
  }

  function onWorkerMessage(message) {
    switch (message.type) {
      case "progress":
        showProgress(message.done, message.total, message.label);
        break;
      case "ready":
        ready = true;
        clearTimeout(loadTimer);
        status.hidden = true;
        failed.hidden = true;
        app.dataset.engine = "ready";
        app.dataset.engineMs = String(message.ms);
        app.dataset.enginePrecompiled = String(Boolean(message.precompiled));
        render();
        break;
      case "rendered": {
        const sentAt = inFlight && inFlight.id === message.id ? inFlight.sentAt : null;
        if (inFlight && inFlight.id === message.id) {
          clearTimeout(inFlight.timer);
          inFlight = null;
        }
        if (message.id > shownId) {
          shownId = message.id;
          show(JSON.parse(message.output));
          // A timing hook (scripts/bench_browser.py listens): the preview now
          // shows what the form held at sentAt (performance.now() time).
          app.dispatchEvent(new CustomEvent("letter:rendered", {
            bubbles: true, detail: { id: message.id, sentAt },
          }));
        }
        if (dirty) render();
        else releaseWaiters();
        break;
      }
      case "failed":
        if (message.phase === "load") {
          fail("Your browser could not load the letter writer: " + message.message);
        } else {
          inFlight = null;
          fail("The letter writer stopped unexpectedly.");
        }
        break;
    }
  }

  function whenFresh() {
    if (!ready || (!inFlight && !dirty)) return null;
    return new Promise((resolve) => waiters.push(resolve));
  }

  function releaseWaiters() {
    const waiting = waiters;
    waiters = [];
    for (const resolve of waiting) resolve();
  }

  // One request in flight at a time; whatever is typed meanwhile is sent as a
  // single request when the reply comes back, so a fast typist never queues
  // work and no stale reply overwrites a newer one.
  function render() {
    dirty = true;
    if (!ready || inFlight) return;
    dirty = false;
    const id = nextId++;
    const timer = setTimeout(() => {
      if (inFlight && inFlight.id === id) {
        ready = false;
        fail("The letter writer stopped responding.");
      }
    }, RENDER_TIMEOUT_MS);
    inFlight = { id, timer, sentAt: performance.now() };
    worker.postMessage({ type: "render", id, input: JSON.stringify(readForm()) });
  }

  // ---- showing the result ------------------------------------------------

  function currentFormat() {
    const checked = app.querySelector('input[name="lw-format"]:checked');
    return checked ? checked.value : "email";
  }

  function letterText(letter) {
    return currentFormat() === "letter"
      ? letter.letter_text
      : `Subject: ${letter.subject}\n\n${letter.email_text}`;
  }

  function show(output) {
    result = output;
    const articles = $$("[data-letter]", lettersBox);
    output.letters.forEach((letter, index) => {
      let article = articles[index];
      if (!article) {
        const fragment = templates.letter.content.cloneNode(true);
        article = fragment.querySelector("[data-letter]");
        lettersBox.append(fragment);
      }
      article.dataset.letter = String(index);
      article.setAttribute("aria-labelledby", `letter-${index}-heading`);
      const heading = article.querySelector(".lw-letter-heading");
      heading.id = `letter-${index}-heading`;
      heading.textContent = `To ${letter.recipient.label}`;
      article.querySelector("[data-subject]").textContent = letter.subject;
      article.querySelector("[data-email-text]").textContent = letter.email_text;
      // letter_html comes from letter_py, which escapes every user value.
      article.querySelector("[data-letter-html]").innerHTML = letter.letter_html;
      article.querySelector('[data-action="email"]').href = letter.mailto;
      article.querySelector("[data-actions]").hidden = false;
    });
    for (const extra of articles.slice(output.letters.length)) extra.remove();
    $("[data-format-switch]").hidden = false;
    $("[data-print-row]").hidden = false;
    if (showErrors) showFieldErrors(output.errors);
  }

  function showFieldErrors(errors) {
    for (const field of $$("[data-field]", form)) {
      const id = fieldId(field.dataset.field);
      const message = field.querySelector(".lw-error");
      const input = form.querySelector(`#${CSS.escape(id)}`);
      if (!message || !input) continue;
      const error = errors.find((e) => e.field === field.dataset.field);
      message.hidden = !error;
      field.classList.toggle("lw-field--error", Boolean(error));
      const describedBy = (input.getAttribute("aria-describedby") || "")
        .split(" ").filter((token) => token && token !== `${id}-error`);
      if (error) {
        message.innerHTML = "";
        const prefix = document.createElement("span");
        prefix.className = "lw-visually-hidden";
        prefix.textContent = "Error: ";
        message.append(prefix, error.message);
        describedBy.unshift(`${id}-error`);
        input.setAttribute("aria-invalid", "true");
      } else {
        input.removeAttribute("aria-invalid");
      }
      if (describedBy.length) input.setAttribute("aria-describedby", describedBy.join(" "));
      else input.removeAttribute("aria-describedby");
    }
    const list = $("[data-error-list]");
    list.innerHTML = "";
    for (const error of errors) {
      const item = document.createElement("li");
      const target = form.querySelector(`#${CSS.escape(fieldId(error.field))}`);
      if (target) {
        const link = document.createElement("a");
        link.href = `#${fieldId(error.field)}`;
        link.textContent = error.message;
        link.addEventListener("click", (event) => {
          event.preventDefault();
          target.focus();
          target.scrollIntoView({ block: "center" });
        });
        item.append(link);
      } else {
        item.textContent = error.message;
      }
      list.append(item);
    }
    summary.hidden = errors.length === 0;
  }

  // Actions wait for a valid letter, in the GOV.UK manner: show every problem
  // at once, at the top, and move focus there.
  function checkBeforeAction() {
    if (!result) return true; // engine not ready: the fallback letter is usable as is
    showErrors = true;
    showFieldErrors(result.errors);
    if (result.errors.length) {
      summary.focus();
      summary.scrollIntoView({ block: "start" });
      return false;
    }
    return true;
  }

  function announce(text) {
    // Clearing first makes screen readers repeat a message such as "Copied".
    announcer.textContent = "";
    setTimeout(() => { announcer.textContent = text; }, 50);
  }

  function letterFor(button) {
    const article = button.closest("[data-letter]");
    const index = Number(article.dataset.letter);
    if (result) return result.letters[index];
    // No engine: use the fallback text the build put into the page.
    return {
      subject: article.querySelector("[data-subject]").textContent,
      email_text: article.querySelector("[data-email-text]").textContent,
      letter_text: article.querySelector("[data-letter-html]").innerText,
      filename: "letter",
    };
  }

  // Synchronous on purpose: Safari refuses a clipboard write after an await.
  function copyText(text, fromButton) {
    const done = () => announce("Copied. Paste it into your email or document.");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, () => legacyCopy(text, fromButton) && done());
    } else if (legacyCopy(text, fromButton)) {
      done();
    } else {
      announce("Copying did not work. Select the letter and copy it yourself.");
    }
  }

  function legacyCopy(text, fromButton) {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "lw-offscreen";
    document.body.append(area);
    area.focus();
    area.select();
    area.setSelectionRange(0, text.length);
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    area.remove();
    if (fromButton) fromButton.focus();
    return ok;
  }

  function download(filename, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    announce(`Downloaded ${filename}`);
  }

  // An action pressed while a render is still on its way waits for it, so a
  // letter never leaves without the last thing typed (a render takes ~1 ms).
  function onAction(event) {
    const button = event.target.closest("[data-action]");
    if (!button) return;
    const action = button.dataset.action;
    if (action === "retry") return restartEngine();
    if (action === "forget") return forgetDetails();
    const pending = whenFresh();
    if (!pending) return perform(action, button, event);
    event.preventDefault();
    if (action === "copy") return copyWhenFresh(pending, button);
    pending.then(() => perform(action, button, null));
  }

  function perform(action, button, event) {
    if (!checkBeforeAction()) {
      if (event) event.preventDefault();
      return;
    }
    if (action === "print") return window.print();
    const letter = letterFor(button);
    if (action === "copy") {
      copyText(letterText(letter), button);
    } else if (action === "email") {
      emailNote(button, letter);
      // Deferred: the click's own navigation was held back, so follow the link now.
      if (!event) location.href = letter.mailto;
    } else if (action === "download-txt") {
      download(`${letter.filename}.txt`, "text/plain;charset=utf-8", letterText(letter));
    } else if (action === "download-eml") {
      download(`${letter.filename}.eml`, "message/rfc822", letter.eml);
    }
  }

  // The link itself opens the mail app. When the letter is too long for a mail
  // link it carries only the address and subject, so the text is copied too.
  function emailNote(button, letter) {
    const note = button.closest("[data-letter]").querySelector("[data-letter-note]");
    if (letter.mailto_complete === false) {
      copyText(letter.email_text, null);
      note.textContent = "Your letter is too long to go in an email link. Your email app opens with the address and subject: paste the letter into it (it is already copied). If no email app opens, use Copy letter instead.";
    } else {
      note.textContent = "If no email app opens, use Copy letter and paste it into your email instead.";
    }
    note.hidden = false;
  }

  // Safari allows a clipboard write after an await only through a
  // ClipboardItem holding a promise, written inside the click itself.
  function copyWhenFresh(pending, button) {
    const text = pending.then(() => {
      if (!checkBeforeAction()) throw new Error("The letter has problems to fix first");
      return letterText(letterFor(button));
    });
    text.catch(() => {});
    if (window.ClipboardItem && navigator.clipboard && navigator.clipboard.write && window.isSecureContext) {
      const blob = text.then((t) => new Blob([t], { type: "text/plain" }));
      navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]).then(
        () => announce("Copied. Paste it into your email or document."),
        () => text.then((t) => copyText(t, button), () => {}),
      );
    } else {
      text.then((t) => copyText(t, button), () => {});
    }
  }

  // ---- wiring ------------------------------------------------------------

  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", (event) => {
    if (event.target.matches("[data-official-picker]")) pickOfficial(event.target);
    if (event.target.name && event.target.name.endsWith(".role")) updateRoleFields();
    if (event.target.name && REMEMBERED_PREFIXES.some((p) => event.target.name.startsWith(p))) saveDetails();
    render();
  });
  remember.addEventListener("change", () => (remember.checked ? saveDetails() : forgetDetails()));
  app.addEventListener("click", (event) => {
    const add = event.target.closest("[data-add-row]");
    const remove = event.target.closest("[data-remove-row]");
    if (add) {
      addRow(add.dataset.addRow);
      render();
    } else if (remove) {
      removeRow(remove.closest("[data-row]"));
      render();
    } else {
      onAction(event);
    }
  });
  for (const radio of $$('input[name="lw-format"]')) {
    radio.addEventListener("change", () => { lettersBox.dataset.format = currentFormat(); });
  }
  window.addEventListener("hashchange", () => { applyFragment(); render(); });
  window.addEventListener("beforeprint", () => { lettersBox.dataset.printing = "true"; });
  window.addEventListener("afterprint", () => { delete lettersBox.dataset.printing; });

  restoreDetails();
  applyFragment();
  renumber("recipients");
  updateRoleFields();
  startEngine();
}
