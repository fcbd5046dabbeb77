// letter_py's errors, shown in the GOV.UK Design System's manner: every
// problem at once in a summary at the top, linked to its field, and a message
// by each field. A link scrolls the field's label (or its fieldset's legend)
// into view, then focuses the field without scrolling again, so the label is
// in sight and screen readers announce it (GOV.UK Frontend's error-summary).

import { fieldId } from "./field-paths.js";
import { text } from "./strings.js";

/**
 * What to scroll into view for a field, as GOV.UK Frontend decides: the
 * fieldset's legend for a radio or a checkbox, or when the field would still
 * sit in the top half of the screen with the legend at the top; else the
 * field's label. null: neither (the link then just follows its #id).
 * @param {HTMLElement} input
 * @param {{findLabel: (id: string) => (Element | null), viewportHeight: number}} page
 * @returns {Element | null}
 */
export function scrollTargetFor(input, { findLabel, viewportHeight }) {
  const fieldset = input.closest("fieldset");
  const legend = fieldset && fieldset.querySelector("legend");
  if (legend) {
    if (input.type === "checkbox" || input.type === "radio") return legend;
    const legendTop = legend.getBoundingClientRect().top;
    const field = input.getBoundingClientRect();
    if (field.height && viewportHeight && field.top + field.height - legendTop < viewportHeight / 2) {
      return legend;
    }
  }
  return findLabel(input.id) || input.closest("label");
}

/**
 * The summary's link was followed: scroll, then focus. false: nothing to do,
 * let the link be a link.
 * @param {HTMLAnchorElement} link
 */
export function focusTarget(link) {
  const id = decodeURIComponent(link.hash.slice(1));
  const input = id && document.getElementById(id);
  if (!input) return false;
  const target = scrollTargetFor(input, {
    findLabel: (forId) => document.querySelector(`label[for="${CSS.escape(forId)}"]`),
    viewportHeight: window.innerHeight,
  });
  if (!target) return false;
  target.scrollIntoView();
  input.focus({ preventScroll: true });
  return true;
}

/**
 * The problems that hold an action back: all of them for the printed letter;
 * for an email (or a copy of it) not those only the printed letter needs
 * (letter_py marks them needed_for: "letter": the sender's street and ZIP code).
 * @param {{field: string, needed_for?: string}[]} errors  letter_py's
 * @param {boolean} printed
 */
export function blockingErrors(errors, printed) {
  return printed ? errors : errors.filter((error) => error.needed_for !== "letter");
}

export class ErrorSummary {
  /**
   * @param {HTMLElement} root  the [data-letter-app] element
   * @param {HTMLFormElement} form
   */
  constructor(root, form) {
    this.summary = root.querySelector("#error-summary");
    this.list = this.summary.querySelector("[data-error-list]");
    this.form = form;
    this.active = false; // errors show once the visitor tried an action, then follow the typing
  }

  /** A new output from letter_py: its errors show if the summary is active. */
  update(output) {
    if (this.active) this.show(output.errors);
  }

  /**
   * Before an action: true if the letter may go. Otherwise the problems show,
   * at the top and stay live from now on; by the button pressed too, when it
   * belongs to a letter, and focus goes there, so nobody is sent five screens
   * up; else focus goes to the summary at the top.
   * @param {{errors: object[]} | null} output  null: the engine is not there,
   *   the fallback letter is usable as is
   * @param {Element | null} [button]  the control pressed
   * @param {{printed?: boolean}} [options]  printed: the action gives the printed letter, which needs
   *   every field; anything else (an email, a copy of it) goes without those only the printed
   *   letter needs (letter_py's needed_for: "letter": the sender's street and ZIP code)
   */
  check(output, button = null, { printed = true } = {}) {
    if (!output) return true;
    this.active = true;
    this.show(output.errors);
    if (!blockingErrors(output.errors, printed).length) return true;
    const near = button && button.closest("[data-letter]")?.querySelector("[data-send-missing]");
    if (near) {
      near.hidden = false;
      this.showNear(near, output.errors);
      near.focus({ preventScroll: true });
      near.scrollIntoView({ block: "nearest" });
    } else {
      this.focus();
    }
    return false;
  }

  /** The problems by a letter's send buttons: the summary's links, again. */
  showNear(box, errors) {
    box.querySelector("[data-send-missing-list]").replaceChildren(...errors.map((error) => this.item(error)));
    if (!errors.length) box.hidden = true;
  }

  /** @param {{field: string, message: string}[]} errors  letter_py's */
  show(errors) {
    for (const field of this.form.querySelectorAll("[data-field]")) {
      const error = errors.find((e) => e.field === field.dataset.field);
      this.showFieldError(field, error);
    }
    this.list.replaceChildren(...errors.map((error) => this.item(error)));
    this.summary.hidden = errors.length === 0;
    for (const near of this.nearBoxes()) if (!near.hidden) this.showNear(near, errors);
  }

  nearBoxes() {
    return this.summary.ownerDocument.querySelectorAll("[data-send-missing]");
  }

  showFieldError(field, error) {
    const id = fieldId(field.dataset.field);
    const message = field.querySelector(".lw-error");
    const input = this.form.querySelector(`#${CSS.escape(id)}`);
    if (!message || !input) return;
    message.hidden = !error;
    field.classList.toggle("lw-field--error", Boolean(error));
    const describedBy = (input.getAttribute("aria-describedby") || "")
      .split(" ").filter((token) => token && token !== `${id}-error`);
    if (error) {
      const prefix = document.createElement("span");
      prefix.className = "lw-visually-hidden";
      prefix.textContent = text("error.prefix");
      message.replaceChildren(prefix, error.message);
      describedBy.unshift(`${id}-error`);
      input.setAttribute("aria-invalid", "true");
      // A field in a closed disclosure (the greeting's surname) is shown with its message.
      const details = field.closest("details");
      if (details) details.open = true;
    } else {
      input.removeAttribute("aria-invalid");
    }
    if (describedBy.length) input.setAttribute("aria-describedby", describedBy.join(" "));
    else input.removeAttribute("aria-describedby");
  }

  item(error) {
    const item = document.createElement("li");
    const id = fieldId(error.field);
    if (this.form.querySelector(`#${CSS.escape(id)}`)) {
      const link = document.createElement("a");
      link.href = `#${id}`;
      link.textContent = error.message;
      item.append(link);
    } else {
      item.textContent = error.message;
    }
    return item;
  }

  /** Moves focus to the summary, so the problems are read out first. */
  focus() {
    this.summary.focus();
    this.summary.scrollIntoView({ block: "start" });
  }

  listen() {
    const follow = (event) => {
      const link = event.target.closest("a");
      if (link && focusTarget(link)) event.preventDefault();
    };
    this.summary.addEventListener("click", follow);
    // The boxes by the send buttons come and go with the letters: listen above them.
    this.summary.parentElement.addEventListener("click", (event) => {
      if (event.target.closest("[data-send-missing]")) follow(event);
    });
  }
}
