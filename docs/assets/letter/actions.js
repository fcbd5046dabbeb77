// What the visitor does with a letter: copy it (or its subject, or the
// address), download it (.txt, .eml, the .ics reminder), open it in the email
// app or in webmail, print. An action waits for a valid letter (the
// error summary says what to fix), and one pressed while a render is on its
// way waits for it, so a letter never leaves without the last thing typed
// (a render takes ~1 ms).

import { text } from "./strings.js";

export class Actions {
  /**
   * @param {{whenFresh: () => (Promise<void> | null),
   *   preview: import("./preview.js").Preview,
   *   errors: import("./error-summary.js").ErrorSummary,
   *   announce: (message: string) => void}} parts
   */
  constructor({ whenFresh, preview, errors, announce }) {
    this.whenFresh = whenFresh;
    this.preview = preview;
    this.errors = errors;
    this.announce = announce;
  }

  /** @param {MouseEvent} event  a click on a [data-action] element */
  onClick(event, button) {
    const action = button.dataset.action;
    const pending = this.whenFresh();
    if (!pending) return this.perform(action, button, event);
    event.preventDefault();
    if (action === "copy") return this.copyWhenFresh(pending, button);
    pending.then(() => this.perform(action, button, null));
  }

  /** @param {Event | null} event  null: deferred, the click's default was held back */
  perform(action, button, event) {
    if (!this.errors.check(this.preview.output, button, { printed: this.printed(action) })) {
      if (event) event.preventDefault();
      return;
    }
    if (action === "print") return window.print();
    const letter = this.preview.letterFor(button);
    if (action === "copy") {
      this.copyText(this.preview.letterText(letter), button);
    } else if (action === "email") {
      this.emailNote(button, letter);
      if (!event) location.href = button.href; // deferred: follow the link (this device's) now
    } else if (action === "download-txt") {
      this.download(`${letter.filename}.txt`, "text/plain;charset=utf-8", this.preview.letterText(letter), button);
    } else if (action === "download-eml") {
      this.download(`${letter.filename}.eml`, "message/rfc822", letter.eml, button);
    } else if (action === "webmail") {
      this.webmailNote(button, letter);
      // Deferred: the click's own navigation was held back, so open it now.
      if (!event) window.open(button.href, "_blank", "noopener,noreferrer");
    } else if (action === "copy-subject") {
      this.copyText(letter.subject, button, "copy.subject");
    } else if (action === "copy-address") {
      this.copyText(letter.recipient.email, button, "copy.address");
    } else if (action === "download-ics") {
      this.download(letter.reminder.filename, "text/calendar;charset=utf-8", letter.reminder.ics);
    }
  }

  // Synchronous on purpose: Safari refuses a clipboard write after an await.
  copyText(value, fromButton, doneKey = "copy.done") {
    const done = () => this.tell(fromButton, text(doneKey));
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(value).then(done, () => legacyCopy(value, fromButton) && done());
    } else if (legacyCopy(value, fromButton)) {
      done();
    } else {
      this.tell(fromButton, text("copy.failed"));
    }
  }

  /** Says what happened: to screen readers, and in sight, by the button pressed (its letter's note). */
  tell(button, message) {
    this.announce(message);
    const note = button && button.closest("[data-letter]")?.querySelector("[data-letter-note]");
    if (!note) return;
    note.textContent = message;
    note.hidden = false;
  }

  /** Whether the action gives the printed letter (which needs the sender's postal address). */
  printed(action) {
    return action === "print" || (["copy", "download-txt"].includes(action) && this.preview.format() === "letter");
  }

  // Safari allows a clipboard write after an await only through a
  // ClipboardItem holding a promise, written inside the click itself.
  copyWhenFresh(pending, button) {
    const value = pending.then(() => {
      if (!this.errors.check(this.preview.output, button, { printed: this.printed("copy") })) {
        throw new Error("The letter has problems to fix first");
      }
      return this.preview.letterText(this.preview.letterFor(button));
    });
    value.catch(() => {});
    if (window.ClipboardItem && navigator.clipboard && navigator.clipboard.write && window.isSecureContext) {
      const blob = value.then((t) => new Blob([t], { type: "text/plain" }));
      navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]).then(
        () => this.tell(button, text("copy.done")),
        () => value.then((t) => this.copyText(t, button), () => {}),
      );
    } else {
      value.then((t) => this.copyText(t, button), () => {});
    }
  }

  download(filename, type, body, button = null) {
    const url = URL.createObjectURL(new Blob([body], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    this.tell(button, text("download.done", { filename }));
  }

  // The link itself opens the mail app. When the letter is too long for this
  // device's mail link (mail-link.js) the link carries only the address and
  // subject: the paste step said so before the press, and the text is copied.
  emailNote(button, letter) {
    if (button.dataset.complete === "false") {
      this.copyText(letter.email_text, button, "email.tooLong");
    } else {
      this.tell(button, text("email.note"));
    }
  }

  // The link opens the provider's compose window in a new tab. A letter too
  // long for the provider's links goes without its body (letter_py/webmail.py),
  // so the text is copied for pasting, and the note says so.
  webmailNote(button, letter) {
    const note = button.closest("[data-letter]").querySelector("[data-letter-note]");
    const provider = text(`webmail.${button.dataset.provider}`);
    if (button.dataset.complete === "false") {
      this.copyText(letter.email_text, null);
      note.textContent = text("webmail.tooLong", { provider });
    } else {
      note.textContent = text("webmail.note", { provider });
    }
    note.hidden = false;
  }
}

// The fallback for browsers without the async clipboard: it needs a focused,
// selected textarea (iOS 18.4+).
function legacyCopy(value, fromButton) {
  const area = document.createElement("textarea");
  area.value = value;
  area.setAttribute("readonly", "");
  area.className = "lw-offscreen";
  document.body.append(area);
  area.focus();
  area.select();
  area.setSelectionRange(0, value.length);
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
