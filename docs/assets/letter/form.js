// The form: reading it as letter_py's input document, its repeatable rows
// (recipients, news articles), the fields shown for the chosen role, the
// officials picker and the #city=… fragment. Field names are letter_py's field
// paths (field-paths.js).

import { fragmentFields, inputDocument, renumbered } from "./field-paths.js";
import { text } from "./strings.js";

const FIRST_FIELD = "input, select, textarea";
const RENUMBERED_ATTRIBUTES = ["name", "id", "for", "aria-describedby"];
const OFFICIAL_FIELDS = ["role", "title", "name", "family_name", "organization", "email", "phone", "address"];
const KEEP_ONE = ["recipients", "officials"]; // rows that keep at least one (officials: the builder page's)

export class LetterForm {
  /**
   * @param {HTMLElement} root  the [data-letter-app] element
   * @param {{officials: object[], announce: (message: string) => void, form?: string}} options
   *   form: the form's selector (the builder page has its own form, of its own rows)
   */
  constructor(root, { officials, announce, form = "#letter-form" }) {
    this.root = root;
    this.element = root.querySelector(form);
    this.officials = officials;
    this.announce = announce;
    this.templates = Object.fromEntries(
      Array.from(root.querySelectorAll("template[data-template]"), (t) => [t.dataset.template, t]),
    );
  }

  /**
   * The fields as [path, value] pairs: text fields, selects and each group's
   * checked radio ("lang", "recipients.0.gender"). Checkboxes are not letter_py's.
   */
  entries() {
    return Array.from(this.element.elements)
      .filter((el) => el.name && el.type !== "checkbox" && (el.type !== "radio" || el.checked))
      .map((el) => [el.name, el.value]);
  }

  /** The letter's language: the checked "lang" radio (the page's language by default). */
  letterLanguage() {
    const checked = this.element.querySelector('input[name="lang"]:checked');
    return checked ? checked.value : document.documentElement.lang;
  }

  /** letter_py's input document, its messages in the page's language. */
  read() {
    return inputDocument(this.entries(), document.documentElement.lang);
  }

  setField(path, value) {
    const element = this.element.elements.namedItem(path);
    if (element && typeof value === "string") element.value = value;
  }

  rows(kind) {
    return Array.from(this.root.querySelectorAll(`[data-rows="${kind}"] > [data-row]`));
  }

  // Rows are renumbered after every add or remove, so field paths stay dense
  // (recipients.0, recipients.1, …) and match letter_py's error paths.
  renumber(kind) {
    const rows = this.rows(kind);
    rows.forEach((row, index) => {
      const old = row.dataset.index;
      row.dataset.index = String(index);
      for (const el of row.querySelectorAll("[name], [id], [for], [aria-describedby]")) {
        for (const attr of RENUMBERED_ATTRIBUTES) {
          const value = el.getAttribute(attr);
          if (value) el.setAttribute(attr, renumbered(value, kind, old, index));
        }
      }
      for (const el of row.querySelectorAll("[data-field]")) {
        el.dataset.field = renumbered(el.dataset.field, kind, old, index);
      }
      for (const n of row.querySelectorAll("[data-row-number]")) n.textContent = String(index + 1);
      const remove = row.querySelector("[data-remove-row]");
      if (remove && KEEP_ONE.includes(kind)) remove.hidden = rows.length === 1;
    });
    return rows;
  }

  addRow(kind, { focus = true } = {}) {
    const fragment = this.templates[kind].content.cloneNode(true);
    const row = fragment.querySelector("[data-row]");
    this.root.querySelector(`[data-rows="${kind}"]`).append(fragment);
    this.renumber(kind);
    this.updateRoleFields();
    if (focus) firstField(row).focus();
    return row;
  }

  removeRow(row) {
    const kind = row.dataset.row;
    const index = Number(row.dataset.index);
    row.remove();
    const rows = this.renumber(kind);
    const next = rows[Math.min(index, rows.length - 1)];
    (next ? firstField(next) : this.root.querySelector(`[data-add-row="${kind}"]`)).focus();
    this.announce(text(`rows.removed.${kind}`));
  }

  /**
   * Each recipient shows the fields its role asks for ("Their title" for
   * "other"), and the letter's language (the greeting's gender, for the languages that greet by it).
   */
  updateRoleFields() {
    const lang = this.letterLanguage();
    for (const row of [...this.rows("recipients"), ...this.rows("officials")]) {
      const role = row.querySelector('select[name$=".role"]').value;
      for (const box of row.querySelectorAll("[data-show-when-role]")) {
        box.hidden = box.dataset.showWhenRole !== role;
      }
      for (const box of row.querySelectorAll("[data-show-when-lang]")) {
        box.hidden = !box.dataset.showWhenLang.split(" ").includes(lang); // one language, or several: "es pl"
      }
    }
  }

  /**
   * Offer these officials in every recipient's picker (a campaign link's):
   * each option's words are text, the picker shows once there are some.
   * @param {{label: string, name: string}[]} officials
   */
  setOfficials(officials) {
    this.officials = officials;
    const pickers = [this.root, this.templates.recipients.content]
      .flatMap((scope) => Array.from(scope.querySelectorAll("[data-official-picker]")));
    for (const select of pickers) {
      select.length = 1; // "Someone else" stays first
      officials.forEach((o, index) => select.add(new Option(o.label || o.name, String(index))));
      select.closest("[data-official-field]").hidden = officials.length === 0;
    }
  }

  pickOfficial(select) {
    const official = this.officials[Number(select.value)];
    if (!official) return;
    const row = select.closest("[data-row]");
    const prefix = `recipients.${row.dataset.index}.`;
    for (const field of OFFICIAL_FIELDS) this.setField(prefix + field, official[field] || "");
    this.updateRoleFields();
    // officials.js shows where a directory official's facts come from.
    row.dispatchEvent(new CustomEvent("letter:official", { bubbles: true, detail: official }));
  }

  /** A fragment never reaches any server. */
  applyFragment(hash) {
    if (!hash.includes("=")) return;
    for (const [path, value] of fragmentFields(hash)) this.setField(path, value);
    this.updateRoleFields();
  }

  /**
   * Wires the form's own events; onChange(name) follows every change that
   * should reach the preview (name: the changed field's path, if any).
   */
  listen(onChange) {
    this.element.addEventListener("submit", (event) => event.preventDefault());
    this.element.addEventListener("input", ({ target }) => {
      if (target.matches("[data-official-picker]")) this.pickOfficial(target);
      if (target.name && (target.name.endsWith(".role") || target.name === "lang")) this.updateRoleFields();
      onChange(target.name);
    });
    this.root.addEventListener("click", (event) => {
      const add = event.target.closest("[data-add-row]");
      const remove = event.target.closest("[data-remove-row]");
      if (add) this.addRow(add.dataset.addRow);
      else if (remove) this.removeRow(remove.closest("[data-row]"));
      else return;
      onChange(null);
    });
  }
}

// The first field a row shows (the officials picker is hidden while there are none).
function firstField(row) {
  return Array.from(row.querySelectorAll(FIRST_FIELD)).find((el) => !el.closest("[hidden]"));
}
