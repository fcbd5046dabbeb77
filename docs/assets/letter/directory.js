// The officials directory on the visitor's device: one static file of the
// site (letter_py.directory.site_data, written by the build), fetched whole
// once, in idle time or when the town field is first used. Looking a town up
// is a search of that file in memory: what the visitor types is never sent.
// Pure functions apart from load(); tests/js/directory.test.mjs.

const loads = new Map(); // url -> Promise<Directory>: one request per page, whoever asks

/**
 * The directory at url (letter_py's site_data), with each town's search key.
 * @returns {Promise<{state: string, sources: object, towns: object[]}>}
 */
export function load(url, fetcher = fetch) {
  if (!loads.has(url)) {
    const loading = fetcher(url, { credentials: "same-origin" })
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return response.json();
      })
      .then(prepare);
    loading.catch(() => loads.delete(url)); // a later focus may try again
    loads.set(url, loading);
  }
  return loads.get(url);
}

/** Adds each town's search key and marks names shared by two towns. */
export function prepare(directory) {
  const seen = new Map();
  for (const town of directory.towns) {
    town.key = normalize(town.name);
    seen.set(town.key, (seen.get(town.key) || 0) + 1);
  }
  for (const town of directory.towns) town.shared = seen.get(town.key) > 1;
  return directory;
}

/** Case, accents and punctuation do not matter: "st. charles" finds "St. Charles", "OFallon" "O'Fallon". */
export function normalize(value) {
  return String(value)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’.]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * The towns matching what was typed, best first: names that begin with it as
 * a whole word ("Oak" → Oak Brook, Oak Park), then names that begin with it
 * (Oakbrook Terrace), then names with a later word that is it (Royal Oak) or
 * begins with it (Lake Oakwood);
 * alphabetical within each. At most limit towns.
 */
export function match(towns, query, limit = 8) {
  const q = normalize(query);
  if (!q) return [];
  const ranked = [];
  for (const town of towns) {
    const key = town.key ?? normalize(town.name);
    let rank;
    if (key === q || key.startsWith(q + " ")) rank = 0;
    else if (key.startsWith(q)) rank = 1;
    else if (key.includes(" " + q + " ") || key.endsWith(" " + q)) rank = 2;
    else if (key.includes(" " + q)) rank = 3;
    else continue;
    ranked.push([rank, town]);
  }
  ranked.sort((a, b) => a[0] - b[0] || a[1].name.localeCompare(b[1].name, "en") || a[1].id.localeCompare(b[1].id));
  return ranked.slice(0, limit).map(([, town]) => town);
}

/** The town whose name is exactly this (ignoring case and punctuation), if only one is. */
export function exact(towns, name) {
  const key = normalize(name);
  const found = towns.filter((town) => (town.key ?? normalize(town.name)) === key);
  return found.length === 1 ? found[0] : null;
}

/** Today as YYYY-MM-DD on the visitor's clock (a term ends on a local date). */
export function today(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether the listed term ended before today (term_end is the last day in office). */
export function isStale(official, on = today()) {
  return Boolean(official.term_end) && official.term_end < on;
}

/** "April 1, 2025" / "1 de abril de 2025"; "September 2022" for a month alone. */
export function formatDate(iso, lang) {
  const [year, month, day] = iso.split("-").map(Number);
  const options = day ? { day: "numeric", month: "long", year: "numeric" } : { month: "long", year: "numeric" };
  const date = new Date(Date.UTC(year, month - 1, day || 1));
  return new Intl.DateTimeFormat(lang, { ...options, timeZone: "UTC" }).format(date);
}

/** The website's host, which tells two towns of one name apart ("wilmington-il.com"). */
export function host(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}
