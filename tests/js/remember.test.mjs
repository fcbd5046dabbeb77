import "./page-strings.mjs"; // the English table, as on the page
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  STORAGE_KEY, forgetDetails, isRemembered, loadDetails, saveDetails,
} from "../../docs/assets/letter/remember.js";

class FakeStorage {
  constructor(items = {}, { blocked = false } = {}) {
    this.items = { ...items };
    this.blocked = blocked;
  }

  getItem(key) {
    if (this.blocked) throw new DOMException("denied", "SecurityError");
    return key in this.items ? this.items[key] : null;
  }

  setItem(key, value) {
    if (this.blocked) throw new DOMException("quota", "QuotaExceededError");
    this.items[key] = String(value);
  }

  removeItem(key) {
    if (this.blocked) throw new DOMException("denied", "SecurityError");
    delete this.items[key];
  }
}

const FORM = [
  ["recipients.0.name", "Maria Lopez"],
  ["sender.name", "Sam Rivera"],
  ["sender.email", "sam@example.org"],
  ["community.city", "Oak Park"],
  ["personal", "My own words."],
];

test("only the sender's and community's fields are remembered, under the one key", () => {
  const storage = new FakeStorage();
  assert.equal(saveDetails(storage, FORM), true);
  assert.deepEqual(Object.keys(storage.items), [STORAGE_KEY]);
  assert.equal(STORAGE_KEY, "letter.details.v1");
  assert.deepEqual(JSON.parse(storage.items[STORAGE_KEY]), {
    "sender.name": "Sam Rivera", "sender.email": "sam@example.org", "community.city": "Oak Park",
  });
  assert.equal(isRemembered("personal"), false);
  assert.equal(isRemembered("recipients.0.name"), false);
});

test("the letter's language and the recipients' greetings are never remembered", () => {
  const storage = new FakeStorage();
  saveDetails(storage, [...FORM, ["lang", "es"], ["recipients.0.gender", "f"]]);
  assert.deepEqual(Object.keys(JSON.parse(storage.items[STORAGE_KEY])), ["sender.name", "sender.email", "community.city"]);
  assert.equal(isRemembered("lang"), false);
  assert.equal(isRemembered("recipients.0.gender"), false);
});

test("what was remembered comes back; forgetting removes it", () => {
  const storage = new FakeStorage();
  saveDetails(storage, FORM);
  assert.deepEqual(loadDetails(storage), [
    ["sender.name", "Sam Rivera"], ["sender.email", "sam@example.org"], ["community.city", "Oak Park"],
  ]);
  forgetDetails(storage);
  assert.deepEqual(storage.items, {});
  assert.equal(loadDetails(storage), null);
});

test("a stored copy that is broken or names other fields restores nothing of them", () => {
  assert.equal(loadDetails(new FakeStorage({ [STORAGE_KEY]: "{not json" })), null);
  assert.equal(loadDetails(new FakeStorage({ [STORAGE_KEY]: '"a string"' })), null);
  const tampered = new FakeStorage({ [STORAGE_KEY]: JSON.stringify({ personal: "x", "sender.zip": 60302, "sender.city": "Oak Park" }) });
  assert.deepEqual(loadDetails(tampered), [["sender.city", "Oak Park"]]);
});

test("blocked storage: saving says so, loading and forgetting do not throw", () => {
  const storage = new FakeStorage({}, { blocked: true });
  assert.equal(saveDetails(storage, FORM), false);
  assert.equal(loadDetails(storage), null);
  assert.doesNotThrow(() => forgetDetails(storage));
});
