// plural() in strings.js: a count's words by the CLDR plural category of the
// table's language (Intl.PluralRules), not by "=== 1". Polish has four
// categories, so a made-up Polish table shows every branch.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import { plural, useStrings } from "../../docs/assets/letter/strings.js";
import { table } from "./page-strings.mjs";

// Test-only words: each says which key was picked.
const POLISH = {
  "town.status.one": "one {count}",
  "town.status.few": "few {count}",
  "town.status.many": "many {count}",
  "town.status.other": "other {count}",
  "town.found.one": "{count} w {town}: one",
  "town.found.other": "{count} w {town}: other",
};

afterEach(() => useStrings(table("en"), "en"));

test("Polish counts take one, few and many, as CLDR says", () => {
  useStrings(POLISH, "pl");
  for (const n of [1]) assert.equal(plural("town.status", n), `one ${n}`);
  for (const n of [2, 3, 4, 22, 23, 24, 102]) assert.equal(plural("town.status", n), `few ${n}`);
  for (const n of [0, 5, 11, 12, 13, 14, 21, 25, 112]) assert.equal(plural("town.status", n), `many ${n}`);
});

test("a category the table lacks falls back to .other, with the other values filled in", () => {
  useStrings(POLISH, "pl");
  assert.equal(plural("town.found", 1, { town: "Niles" }), "1 w Niles: one");
  assert.equal(plural("town.found", 3, { town: "Niles" }), "3 w Niles: other");
  assert.equal(plural("town.found", 5, { town: "Niles" }), "5 w Niles: other");
});

test("English and Spanish: one for 1, other for the rest", () => {
  for (const lang of ["en", "es"]) {
    useStrings(table(lang), lang);
    const words = table(lang);
    assert.equal(plural("town.status", 1), words["town.status.one"].replace("{count}", "1"));
    for (const n of [0, 2, 5, 22]) assert.equal(plural("town.status", n), words["town.status.other"].replace("{count}", String(n)));
  }
});

test("a plural base without .other is an error, as an unknown key is", () => {
  useStrings({ "x.one": "one" }, "en");
  assert.equal(plural("x", 1), "one");
  assert.throws(() => plural("x", 2), /No string x.other/);
});

test("the scripts choose no count's words by === 1: every count goes through plural()", async () => {
  const { readdirSync, readFileSync } = await import("node:fs");
  const folder = new URL("../../docs/assets/letter/", import.meta.url);
  for (const name of readdirSync(folder).filter((n) => n.endsWith(".js"))) {
    const source = readFileSync(new URL(name, folder), "utf8");
    assert.doesNotMatch(source, /\.(one|many)"\s*[:)]/, name);
  }
});
