// Making the letter the visitor's own: the campaign's sentence starters as
// buttons by "In your own words", a subject line of their own, and a gentle
// word by the send buttons while the letter has no sentence of theirs.
// Offices set aside letters that arrive word for word the same (issue 22).
// All three are enhancements: without this script the field is a plain
// textarea, and the subject field is inert like the rest of the form.
//
// Starters are letter_py's (describe()["prompts"], per letter language, the
// build writes them into #letter-prompts). They are text: {town} is filled by
// plain replacement and the result goes into the textarea as text, never as
// markup or a template, so a town holding braces or tags stays as typed.

/** The one placeholder a starter may hold (letter_py/config.py, PROMPT_TOWN). */
export const TOWN = "{town}";
/** Where the visitor goes on ("…"): selected after a press, so typing replaces it. */
export const CONTINUE = "\u2026";

/**
 * A starter with the town in it: plain replacement, one pass, so the town's
 * own text ("{town}", "<b>") is never read again.
 * @param {string} starter
 * @param {string} town
 */
export function fillTown(starter, town) {
  return starter.split(TOWN).join(town);
}

/**
 * The textarea's value after a starter goes in at the selection, on a line of
 * its own, and the selection to leave: the starter's "…" (typing replaces it),
 * or its end when it has none. Pure, for Node's tests.
 * @param {string} value
 * @param {number} start  selectionStart
 * @param {number} end  selectionEnd
 * @param {string} starter  already filled (fillTown)
 * @returns {{text: string, from: number, to: number, start: number, end: number}}
 *   text replaces value.slice(from, to); start/end: the selection afterwards
 */
export function placeStarter(value, start, end, starter) {
  const before = value.slice(0, start);
  const after = value.slice(end);
  const lead = before === "" || before.endsWith("\n") ? "" : "\n";
  const tail = after === "" || after.startsWith("\n") ? "" : "\n";
  const at = start + lead.length;
  const mark = starter.indexOf(CONTINUE);
  const caret = at + (mark >= 0 ? mark : starter.length);
  return {
    text: lead + starter + tail, from: start, to: end,
    start: caret, end: mark >= 0 ? caret + CONTINUE.length : caret,
  };
}

export class OwnWords {
  /**
   * @param {HTMLElement} root  the [data-letter-app] element
   * @param {{element: HTMLFormElement, letterLanguage: () => string}} form  the LetterForm
   * @param {Record<string, {starters: string[], town: string}>} prompts  by letter language
   * @param {{render: () => void}} options  render: ask letter_py for the letters again
   */
  constructor(root, form, prompts, { render }) {
    this.form = form;
    this.prompts = prompts || {};
    this.render = render;
    this.personal = root.querySelector("#personal");
    this.box = root.querySelector("[data-prompts]");
    this.list = root.querySelector("[data-prompt-list]");
    this.subject = root.querySelector("#subject");
    this.nudge = root.querySelector("[data-nudge]");
    /** Whether the subject is the visitor's own: until they type in it, it follows letter_py's. */
    this.edited = false;
  }

  /** The starters of the letter's language. */
  words() {
    return this.prompts[this.form.letterLanguage()] || { starters: [], town: "" };
  }

  /** The town the letter is about, as letter_py picks it; the language's placeholder without one. */
  town() {
    const value = (name) => {
      const element = this.form.element.elements.namedItem(name);
      return element && typeof element.value === "string" ? element.value.trim() : "";
    };
    return value("community.city") || value("sender.city") || this.words().town;
  }

  /** The buttons, one per starter, worded with the town (as text). */
  drawPrompts() {
    if (!this.list) return;
    const { starters } = this.words();
    const town = this.town();
    let buttons = Array.from(this.list.children);
    if (buttons.length !== starters.length) {
      buttons = starters.map((_, index) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "md-button lw-prompt";
        button.dataset.prompt = String(index);
        return button;
      });
      this.list.replaceChildren(...buttons);
    }
    starters.forEach((starter, index) => { buttons[index].textContent = fillTown(starter, town); });
    this.box.hidden = starters.length === 0;
  }

  /** A press: the starter on a new line at the caret, the caret where the visitor goes on. */
  insert(index) {
    const starter = this.words().starters[index];
    if (starter === undefined) return;
    const field = this.personal;
    const place = placeStarter(field.value, field.selectionStart, field.selectionEnd,
      fillTown(starter, this.town()));
    field.focus();
    field.setSelectionRange(place.from, place.to);
    // As if typed: insertText puts the starter in the field's undo history (so
    // Ctrl+Z, or a phone's undo, takes it back) and fires the input event the
    // preview and the nudge follow (form.js listens). execCommand is the only
    // way a script's edit joins that history; where it does nothing, the
    // starter goes in all the same.
    const typed = typeof document.execCommand === "function"
      && document.execCommand("insertText", false, place.text)
      && field.value.slice(place.from, place.from + place.text.length) === place.text;
    if (!typed) {
      field.setRangeText(place.text, place.from, field.selectionEnd, "end");
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }
    field.setSelectionRange(place.start, place.end);
  }

  /** The gentle word shows while "In your own words" is empty; it never blocks sending. */
  updateNudge() {
    if (this.nudge) this.nudge.hidden = this.personal.value.trim() !== "";
  }

  /**
   * letter_py's input document as the form gives it, less the subject while
   * the visitor has not made it their own (letter_py then uses the
   * campaign's, which names the town as it changes).
   * @param {Record<string, unknown>} input
   */
  input(input) {
    if (!this.edited) delete input.subject;
    return input;
  }

  /** letter_py's letters came: the subject field shows the campaign's until it is the visitor's. */
  follow(output) {
    const first = output && output.letters && output.letters[0];
    if (this.subject && !this.edited && first && this.subject.value !== first.subject) {
      this.subject.value = first.subject;
    }
    this.drawPrompts();
  }

  /** A field changed (its path): keep the starters, the nudge and the subject in step. */
  changed(name) {
    if (name === "subject") this.edited = true;
    if (name === "personal") this.updateNudge();
    if (name === "lang" || name === "community.city" || name === "sender.city") this.drawPrompts();
  }

  start() {
    if (!this.personal) return;
    this.list?.addEventListener("click", (event) => {
      const button = event.target.closest("[data-prompt]");
      if (button) this.insert(Number(button.dataset.prompt));
    });
    this.nudge?.querySelector("a")?.addEventListener("click", (event) => {
      event.preventDefault();
      this.personal.focus();
    });
    // Emptied and left: the campaign's subject again, rather than none.
    this.subject?.addEventListener("blur", () => {
      if (this.edited && this.subject.value.trim() === "") {
        this.edited = false;
        this.render();
      }
    });
    this.drawPrompts();
    this.updateNudge();
  }
}
