import "./page-strings.mjs"; // the English table, as on the page
import assert from "node:assert/strict";
import { test } from "node:test";

import { exact, formatDate, host, isStale, load, match, normalize, prepare, today } from "../../docs/assets/letter/directory.js";
import { nextOption } from "../../docs/assets/letter/town-picker.js";

const names = ["Oak Park", "Oakbrook Terrace", "Oak Lawn", "Oak Brook", "Oakdale", "Oak Forest", "Royal Oak",
  "Lake Oakwood", "Chicago", "O'Fallon", "St. Charles", "Wilmington", "Wilmington", "Cañon"];
const directory = () => prepare({
  state: "IL",
  towns: names.map((name, i) => ({ id: String(1700000 + i), name, ...(name === "Wilmington" ? { website: `https://www.wilmington${i}.example/` } : {}) })),
});

test("typing the first letters offers the towns that begin with them, whole words first", () => {
  const towns = directory().towns;
  assert.deepEqual(match(towns, "Oak").map((t) => t.name),
    ["Oak Brook", "Oak Forest", "Oak Lawn", "Oak Park", "Oakbrook Terrace", "Oakdale", "Royal Oak", "Lake Oakwood"]);
  assert.deepEqual(match(towns, "oak p").map((t) => t.name), ["Oak Park"]);
  assert.deepEqual(match(towns, "Oak", 3).map((t) => t.name), ["Oak Brook", "Oak Forest", "Oak Lawn"]);
});

test("case, accents and punctuation do not matter", () => {
  const towns = directory().towns;
  assert.deepEqual(match(towns, "ofallon").map((t) => t.name), ["O'Fallon"]);
  assert.deepEqual(match(towns, "st charles").map((t) => t.name), ["St. Charles"]);
  assert.deepEqual(match(towns, "CANON").map((t) => t.name), ["Cañon"]);
  assert.equal(normalize("  O’Fallon "), "ofallon");
});

test("nothing typed, or nothing that matches, offers nothing", () => {
  const towns = directory().towns;
  assert.deepEqual(match(towns, ""), []);
  assert.deepEqual(match(towns, "   "), []);
  assert.deepEqual(match(towns, "Springfield"), []);
  assert.deepEqual(match(towns, "<script>"), []);
});

test("two towns of one name are both offered and marked, and neither is an exact match", () => {
  const towns = directory().towns;
  const both = match(towns, "Wilmington");
  assert.equal(both.length, 2);
  assert.ok(both.every((t) => t.shared));
  assert.equal(exact(towns, "wilmington"), null);
  assert.equal(exact(towns, "oak park")?.name, "Oak Park");
  assert.equal(exact(towns, "Oak"), null);
  assert.equal(host("https://www.wilmington11.example/"), "wilmington11.example");
  assert.equal(host("not a url"), "");
});

test("a term is stale from the day after its listed end", () => {
  assert.equal(isStale({ term_end: "2025-04-01" }, "2025-04-01"), false);
  assert.equal(isStale({ term_end: "2025-04-01" }, "2025-04-02"), true);
  assert.equal(isStale({}, "2099-01-01"), false);
  assert.equal(today(new Date(2026, 11, 4, 23, 30)), "2026-12-04");
});

test("dates read in the page's language", () => {
  assert.equal(formatDate("2025-04-01", "en"), "April 1, 2025");
  assert.equal(formatDate("2025-04-01", "es"), "1 de abril de 2025");
  assert.equal(formatDate("2022-09", "en"), "September 2022");
  assert.equal(formatDate("2022-09", "es"), "septiembre de 2022");
});

test("the directory is fetched once, however many ask, and again after a failure", async () => {
  const calls = [];
  let fail = true;
  const fetcher = async (url) => {
    calls.push(url);
    if (fail) return { ok: false, status: 503 };
    return { ok: true, json: async () => ({ state: "IL", towns: [{ id: "1", name: "Oak Park" }] }) };
  };
  await assert.rejects(load("/d1.json", fetcher), /503/);
  fail = false;
  const [a, b] = await Promise.all([load("/d1.json", fetcher), load("/d1.json", fetcher)]);
  assert.equal(a, b);
  assert.equal(a.towns[0].key, "oak park");
  assert.deepEqual(calls, ["/d1.json", "/d1.json"]);
});

test("arrow keys move through the suggestions and back to the text field", () => {
  assert.equal(nextOption("ArrowDown", -1, 3), 0);
  assert.equal(nextOption("ArrowDown", 2, 3), 2);
  assert.equal(nextOption("ArrowUp", 0, 3), -1);
  assert.equal(nextOption("ArrowUp", -1, 3), 2);
  assert.equal(nextOption("ArrowDown", -1, 0), -1);
});

test("suggestions for every Illinois town come well within one frame (16 ms)", () => {
  // As many towns as the directory has, with names of the same shape.
  const words = ["Oak", "Park", "Lake", "River", "Forest", "Grove", "Hills", "Spring", "Field", "Mount", "North", "West"];
  const towns = prepare({
    state: "IL",
    towns: Array.from({ length: 1300 }, (_, i) => ({
      id: String(1700000 + i),
      name: `${words[i % 12]}${i % 5 ? " " : ""}${words[(i * 7) % 12].toLowerCase()}${i % 3 ? ` ${words[(i * 5) % 12]}` : ""} ${i}`,
    })),
  }).towns;
  const times = [];
  for (const query of ["O", "Oa", "Oak", "Oak p", "La", "Riv", "Mount f", "z"].flatMap((q) => [q, q, q])) {
    const start = performance.now();
    match(towns, query);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  assert.ok(median < 4, `median ${median.toFixed(2)} ms`);
});
