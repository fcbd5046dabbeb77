// The string table a page would carry, for modules tested outside a page:
// import this first, and text() words things as the English page does.
import { readFileSync } from "node:fs";

import { useStrings } from "../../docs/assets/letter/strings.js";

/** The table of one language, as docs/strings/<lang>.json holds it. */
export function table(lang) {
  return JSON.parse(readFileSync(new URL(`../../docs/strings/${lang}.json`, import.meta.url), "utf8"));
}

useStrings(table("en"), "en");
