// Every visitor-facing string of the page's scripts comes from here, so an
// edition in another language translates a table, never code. The tables are
// docs/strings/<lang>.json, one per language; the page's template (and so the
// page's own HTML) reads the same table, and writes the one for its language
// into <script type="application/json" id="page-strings">, which this module
// reads once. {name} marks a value filled in by text(). A count's words are
// a plural base's keys, one per CLDR plural category of the table's language
// ("town.status.one", ".few", ".many", ".other"); plural() picks one.

/** @type {Record<string, string> | null} */
let table = null;
/** @type {string | null} the table's language (the page's <html lang> unless given) */
let language = null;
/** @type {Intl.PluralRules | null} */
let rules = null;

/**
 * Use this table instead of the page's (for tests, or a page that has none).
 * @param {Record<string, string>} strings
 * @param {string} [lang] its language, for plural(); the page's by default
 */
export function useStrings(strings, lang) {
  table = strings;
  language = lang || null;
  rules = null;
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

function pluralRules() {
  if (rules === null) {
    const lang = language || (typeof document === "undefined" ? "" : document.documentElement.lang) || "en";
    rules = new Intl.PluralRules(lang);
  }
  return rules;
}

/**
 * The words for a number of things: base's key for count's plural category in
 * the table's language (CLDR's, through Intl.PluralRules: Polish 2 is "few",
 * 5 "many"), else base.other; {count} and values filled in as by text().
 * @param {string} base a plural base, say "town.status"
 * @param {number} count
 * @param {Record<string, string>} [values]
 * @returns {string}
 */
export function plural(base, count, values = {}) {
  const key = `${base}.${pluralRules().select(count)}`;
  return text(has(key) ? key : `${base}.other`, { count: String(count), ...values });
}
