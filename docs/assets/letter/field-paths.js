// Field paths, letter_py's names for the form's fields ("sender.name",
// "recipients.0.role"), and what the page derives from them. Pure: no DOM, so
// Node's test runner covers it (tests/js/field-paths.test.mjs).

/** Organizers can link to the page with #city=Springfield&role=police_chief. */
export const FRAGMENT_FIELDS = {
  city: "community.city",
  state: "community.state",
  role: "recipients.0.role",
  name: "recipients.0.name",
  email: "recipients.0.email",
};
const FRAGMENT_MAX_LENGTH = 200;

/**
 * A field's element id: the path with dots turned into dashes (letter.html
 * renders ids so, which is how an error finds its field).
 * @param {string} path
 */
export function fieldId(path) {
  return path.replaceAll(".", "-");
}

const isIndex = (part) => /^\d+$/.test(part);

/**
 * letter_py's input document from the form's [name, value] pairs: "a.0.b"
 * becomes {a: [{b}]}. messagesLang, the page's language, words letter_py's
 * messages (the error summary, the message by each field) apart from the
 * letter's own language: a Spanish page with an English letter reads them
 * in Spanish.
 * @param {Iterable<[string, string]>} entries
 * @param {string} [messagesLang]
 * @returns {object}
 */
export function inputDocument(entries, messagesLang) {
  const data = messagesLang ? { messages_lang: messagesLang } : {};
  for (const [name, value] of entries) {
    const parts = name.split(".");
    let target = data;
    parts.forEach((part, i) => {
      const key = isIndex(part) ? Number(part) : part;
      if (i === parts.length - 1) {
        target[key] = value;
      } else {
        target[key] ??= isIndex(parts[i + 1]) ? [] : {};
        target = target[key];
      }
    });
  }
  return data;
}

/**
 * An attribute value (a name, id, for or aria-describedby) of a row that
 * moved from index `from` to `to`: both its paths and its ids follow.
 * @param {string} value
 * @param {string} kind  the rows' path prefix: "recipients" or "articles"
 * @param {number | string} from
 * @param {number | string} to
 */
export function renumbered(value, kind, from, to) {
  return value
    .replaceAll(`${kind}.${from}.`, `${kind}.${to}.`)
    .replaceAll(`${kind}-${from}-`, `${kind}-${to}-`);
}

/**
 * The fields a fragment such as "city=Springfield&role=police_chief" fills,
 * as [path, value] pairs. Anything else in it is ignored.
 * @param {string} hash  location.hash, with or without its "#"
 * @returns {Array<[string, string]>}
 */
export function fragmentFields(hash) {
  const raw = hash.replace(/^#/, "");
  if (!raw.includes("=")) return [];
  const params = new URLSearchParams(raw);
  return Object.entries(FRAGMENT_FIELDS)
    .filter(([key]) => params.has(key))
    .map(([key, path]) => [path, params.get(key).slice(0, FRAGMENT_MAX_LENGTH)]);
}
