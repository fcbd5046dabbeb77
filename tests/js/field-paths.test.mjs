import assert from "node:assert/strict";
import { test } from "node:test";

import {
  fieldId, fragmentFields, inputDocument, renumbered,
} from "../../docs/assets/letter/field-paths.js";

test("a field's id is its path with dashes", () => {
  assert.equal(fieldId("sender.name"), "sender-name");
  assert.equal(fieldId("recipients.10.email"), "recipients-10-email");
  assert.equal(fieldId("personal"), "personal");
});

test("the form's entries become letter_py's input document, rows as lists", () => {
  const document = inputDocument([
    ["recipients.0.role", "mayor"],
    ["recipients.0.name", "Maria Lopez"],
    ["recipients.1.role", "police_chief"],
    ["sender.name", "Sam Rivera"],
    ["community.city", "Oak Park"],
    ["personal", "My words."],
  ]);
  assert.deepEqual(document, {
    recipients: [{ role: "mayor", name: "Maria Lopez" }, { role: "police_chief" }],
    sender: { name: "Sam Rivera" },
    community: { city: "Oak Park" },
    personal: "My words.",
  });
  assert.ok(Array.isArray(document.recipients));
});

test("the letter's language and each recipient's greeting reach letter_py where the contract puts them", () => {
  const document = inputDocument([
    ["lang", "es"],
    ["recipients.0.role", "mayor"],
    ["recipients.0.gender", "f"],
    ["recipients.1.role", "police_chief"],
    ["recipients.1.gender", ""],
  ]);
  assert.deepEqual(document, {
    lang: "es",
    recipients: [{ role: "mayor", gender: "f" }, { role: "police_chief", gender: "" }],
  });
});

test("the page's language words letter_py's messages, apart from the letter's language", () => {
  assert.deepEqual(inputDocument([["lang", "en"], ["sender.email", "no"]], "es"), {
    messages_lang: "es",
    lang: "en",
    sender: { email: "no" },
  });
  assert.deepEqual(inputDocument([["lang", "es"]], ""), { lang: "es" });
});

test("values travel as they are: no trimming, no escaping, nothing evaluated", () => {
  const hostile = '<script>"</script> {{ 7*7 }} \u202e\ud800';
  assert.deepEqual(inputDocument([["sender.name", hostile]]), { sender: { name: hostile } });
  assert.deepEqual(inputDocument([]), {});
});

test("renumbering moves both a row's paths and its ids, and nothing else", () => {
  assert.equal(renumbered("recipients.2.name", "recipients", 2, 1), "recipients.1.name");
  assert.equal(renumbered("recipients-2-name-hint recipients-2-name-error", "recipients", "2", 1),
    "recipients-1-name-hint recipients-1-name-error");
  assert.equal(renumbered("articles.2.title", "recipients", 2, 1), "articles.2.title");
  assert.equal(renumbered("recipients.12.name", "recipients", 2, 1), "recipients.12.name");
  assert.equal(renumbered("recipients.99999.role", "recipients", 99999, 0), "recipients.0.role");
});

test("a fragment fills only the campaign fields, each at most 200 characters", () => {
  assert.deepEqual(fragmentFields("#city=Springfield&state=IL&role=police_chief&sender.name=X"), [
    ["community.city", "Springfield"],
    ["community.state", "IL"],
    ["recipients.0.role", "police_chief"],
  ]);
  assert.deepEqual(fragmentFields("city=S%C3%A3o%20Paulo"), [["community.city", "São Paulo"]]);
  assert.equal(fragmentFields("#name=" + "x".repeat(500))[0][1].length, 200);
});

test("a fragment without key=value pairs (an anchor) fills nothing", () => {
  assert.deepEqual(fragmentFields("#sender-email"), []);
  assert.deepEqual(fragmentFields(""), []);
});
