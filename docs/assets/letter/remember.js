// Remembering the visitor's details on this device: opt-in only, through the
// "Remember my details" checkbox, and only the sender's and community's
// fields (never the letter or the visitor's own words). The storage is
// passed in, so Node's test runner uses a fake (tests/js/remember.test.mjs).

import { text } from "./strings.js";

export const STORAGE_KEY = "letter.details.v1";
export const REMEMBERED_PREFIXES = ["sender.", "community."];

/** @param {string} name  a field path */
export function isRemembered(name) {
  return REMEMBERED_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/**
 * @param {Storage} storage
 * @param {Iterable<[string, string]>} entries  the form's [path, value] pairs
 * @returns {boolean} false: the browser refused to store them
 */
export function saveDetails(storage, entries) {
  const details = Object.fromEntries([...entries].filter(([name]) => isRemembered(name)));
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(details));
    return true;
  } catch {
    return false;
  }
}

/** @param {Storage} storage */
export function forgetDetails(storage) {
  try {
    storage.removeItem(STORAGE_KEY);
  } catch {
    // Storage blocked: nothing was stored either.
  }
}

/**
 * What was remembered, as [path, value] pairs, or null if nothing (or
 * nothing usable) was.
 * @param {Storage} storage
 * @returns {Array<[string, string]> | null}
 */
export function loadDetails(storage) {
  let saved = null;
  try {
    saved = JSON.parse(storage.getItem(STORAGE_KEY) || "null");
  } catch {
    saved = null;
  }
  if (!saved || typeof saved !== "object") return null;
  return Object.entries(saved).filter(([name, value]) => isRemembered(name) && typeof value === "string");
}

/**
 * Wires the checkbox and the form: restores what was remembered (and ticks
 * the box), saves on every change while the box is ticked, forgets when it is
 * unticked or "Forget my details" is pressed.
 * @param {{checkbox: HTMLInputElement, form: import("./form.js").LetterForm,
 *   storage: () => Storage, announce: (message: string) => void}} parts
 */
export function remember({ checkbox, form, storage, announce }) {
  const store = () => {
    try {
      return storage();
    } catch {
      return null; // localStorage itself can throw when storage is blocked
    }
  };
  const save = () => {
    const target = store();
    if (!checkbox.checked) return;
    if (!target || !saveDetails(target, form.entries())) announce(text("remember.blocked"));
  };
  const forget = () => {
    const target = store();
    if (target) forgetDetails(target);
    checkbox.checked = false;
    announce(text("remember.forgotten"));
  };
  const saved = store() && loadDetails(store());
  if (saved) {
    for (const [name, value] of saved) form.setField(name, value);
    checkbox.checked = true;
  }
  checkbox.addEventListener("change", () => (checkbox.checked ? save() : forget()));
  return {
    forget,
    /** Whether details were brought back when the page opened. */
    restored: Boolean(saved),
    /** After any input: keeps the stored copy up to date. */
    changed(name) { if (name && isRemembered(name)) save(); },
  };
}
