// The "Write your letter" page: finds [data-letter-app], wires its parts and
// starts the engine. protocol.js describes the parts and the messages. The
// page works without this script (the build rendered a fallback letter into
// it) and without the engine (the fallback stays, the form keeps what was typed).

import { Actions } from "./actions.js";
import { makeAnnouncer } from "./announcer.js";
import { CampaignLink, isCampaignHash } from "./campaign-link.js";
import { EngineClient } from "./engine-client.js";
import { showEngineStatus } from "./engine-status.js";
import { ErrorSummary } from "./error-summary.js";
import { LetterForm } from "./form.js";
import { Friend, shareURL } from "./friend.js";
import { showGreetings } from "./greeting.js";
import { TownOfficials } from "./officials.js";
import { OwnWords } from "./own-words.js";
import { Preview } from "./preview.js";
import { workerURL } from "./protocol.js";
import { remember } from "./remember.js";

const root = document.querySelector("[data-letter-app]");
if (root) start(root);

function jsonOf(id) {
  return JSON.parse(document.getElementById(id).textContent || "null");
}

// The page's head (letter.html) may have started the worker already, so
// that Python loads while the page does; it is adopted once.
function takeEarlyWorker() {
  const early = window.letterWorker || null;
  window.letterWorker = null;
  return early;
}

function start(root) {
  const boot = jsonOf("letter-boot");
  const announce = makeAnnouncer(root.querySelector("[data-announcer]"));
  const campaignOfficials = jsonOf("letter-officials") || [];
  const form = new LetterForm(root, { officials: campaignOfficials, announce });
  const preview = new Preview(root);
  const errors = new ErrorSummary(root, form.element);
  // The starters by "In your own words", the subject line, the nudge.
  const ownWords = new OwnWords(root, form, jsonOf("letter-prompts"), { render: () => client.render() });
  const client = new EngineClient({
    adoptWorker: takeEarlyWorker,
    createWorker: () => new Worker(workerURL(boot), { type: "module" }),
    campaign: document.getElementById("letter-campaign").textContent,
    readInput: () => ownWords.input(form.read()),
  });
  const actions = new Actions({ whenFresh: () => client.whenFresh(), preview, errors, announce });
  const friendBox = root.querySelector("[data-friend]");
  const friend = new Friend(friendBox, {
    url: shareURL(location, location.hash),
    announce,
    copy: (value, button, doneKey) => actions.copyText(value, button, doneKey),
    share: navigator.share ? (data) => navigator.share(data) : undefined,
  });
  const link = new CampaignLink(root, form);
  // The town's officials from the directory, unless the campaign names its own.
  const town = new TownOfficials(root, form, {
    campaignOfficials: () => campaignOfficials.length > 0 || link.officials.length > 0,
    onChange: () => client.render(),
  });
  const remembered = remember({
    checkbox: root.querySelector("[data-remember]"),
    form: link.rememberedForm(), // never the campaign link's own values
    storage: () => window.localStorage,
    announce,
  });

  // A chosen town is the visitor's (to remember, if asked); chosen by touch,
  // its result comes in sight and in focus (the keyboard has closed).
  root.addEventListener("town:chosen", ({ detail }) => {
    remembered.changed("community.city");
    if (!detail.touch) return;
    const result = root.querySelector("[data-town-result]");
    if (!result || result.hidden) return;
    result.tabIndex = -1;
    result.focus({ preventScroll: true });
    result.scrollIntoView({ block: "nearest" });
  });

  showEngineStatus(root, client, { onFailed: () => preview.revealActions() });
  // A campaign link is read by letter_py once the engine is ready.
  const readLink = () => link.read(client, town)?.then(() => client.render());
  client.on("state", ({ state }) => {
    if (state === "ready") {
      readLink();
      // The directory in idle time once Python is ready, so it never delays the engine.
      (window.requestIdleCallback || setTimeout)(() => town.preload());
    }
    else if (state === "failed" && isCampaignHash(location.hash)) link.unread();
  });
  client.on("rendered", ({ id, output, sentAt }) => {
    preview.show(output);
    showGreetings(form.rows("recipients"), output);
    ownWords.follow(output);
    errors.update(output);
    // A timing hook (scripts/bench/browser.py listens): the preview now
    // shows what the form held at sentAt (performance.now() time).
    root.dispatchEvent(new CustomEvent("letter:rendered", { bubbles: true, detail: { id, sentAt } }));
  });

  form.listen((name) => {
    ownWords.changed(name);
    remembered.changed(name);
    client.render();
  });
  preview.listen();
  errors.listen();
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (!button) return;
    if (button.dataset.action === "retry") client.restart();
    else if (button.dataset.action === "forget") remembered.forget();
    else if (friendBox.contains(button)) friend.onClick(event, button);
    else actions.onClick(event, button);
  });
  window.addEventListener("hashchange", () => {
    form.applyFragment(location.hash);
    if (client.state === "ready") readLink();
    client.render();
  });

  friend.start();
  town.start();
  // Remembered details bring back the town: look it up again, for its officials.
  const city = root.querySelector("[data-town-picker] input");
  if (remembered.restored && city && city.value) city.dispatchEvent(new Event("change"));
  ownWords.start();
  form.applyFragment(location.hash);
  form.renumber("recipients");
  form.updateRoleFields();
  client.start();
}
