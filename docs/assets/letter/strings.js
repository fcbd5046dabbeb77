// Every visitor-facing string of the page's scripts comes from here, so an
// edition in another language translates a table, never code. The tables are
// docs/strings/<lang>.json, one per language; the page's template (and so the
// page's own HTML) reads the same table, and writes the one for its language
// into <script type="application/json" id="page-strings">, which this module
// reads once. {name} marks a value filled in by text().

/** @type {Record<string, string> | null} */
let table = null;

/**
 * Use this table instead of the page's (for tests, or a page that has none).
 * @param {Record<string, string>} strings
 */
export function useStrings(strings) {
  table = strings;
}

function strings() {
  if (table === null) {
    const element = typeof document === "undefined" ? null : document.getElementById("page-strings");
    table = element ? JSON.parse(element.textContent || "{}") : {};
  }
  return table;
}

/** Whether the table has words for key. */
export function has(key) {
  return Object.hasOwn(strings(), key);
}

/**
 * The string for key, with its {name} placeholders filled from values.
 * @param {string} key
 * @param {Record<string, string>} [values]
 * @returns {string}
 */
export function text(key, values = {}) {
  const template = strings()[key];
  if (template === undefined) throw new Error(`No string ${key}`);
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}
