// The error summary's choice of what to scroll into view, with hand-made
// elements: only what scrollTargetFor reads.
import "./page-strings.mjs"; // the English table, as on the page
import assert from "node:assert/strict";
import { test } from "node:test";

import { blockingErrors, scrollTargetFor } from "../../docs/assets/letter/error-summary.js";

function element(name, { top = 0, height = 20, type, id, parent = null, legend = null } = {}) {
  return {
    name, type, id, parent, legend,
    getBoundingClientRect: () => ({ top, height }),
    closest(selector) {
      for (let el = this.parent; el; el = el.parent) if (el.name === selector) return el;
      return null;
    },
    querySelector(selector) {
      return selector === "legend" ? this.legend : null;
    },
  };
}

function page(labels = {}, viewportHeight = 800) {
  return { findLabel: (id) => labels[id] || null, viewportHeight };
}

test("a text field far below its fieldset's legend scrolls its own label into view", () => {
  const legend = element("legend", { top: 0 });
  const fieldset = element("fieldset", { legend });
  const input = element("input", { top: 700, type: "email", id: "sender-email", parent: fieldset });
  const label = element("label");
  assert.equal(scrollTargetFor(input, page({ "sender-email": label })), label);
});

test("a text field near its legend scrolls the legend, so both are in view", () => {
  const legend = element("legend", { top: 100 });
  const fieldset = element("fieldset", { legend });
  const input = element("input", { top: 300, height: 40, type: "text", id: "recipients-0-name", parent: fieldset });
  // 300 + 40 - 100 = 240 < 800 / 2
  assert.equal(scrollTargetFor(input, page({ "recipients-0-name": element("label") })), legend);
});

test("a radio or a checkbox always scrolls its fieldset's legend", () => {
  const legend = element("legend", { top: 0 });
  const fieldset = element("fieldset", { legend });
  for (const type of ["radio", "checkbox"]) {
    const input = element("input", { top: 5000, type, id: "x", parent: fieldset });
    assert.equal(scrollTargetFor(input, page({ x: element("label") })), legend);
  }
});

test("outside any fieldset, or with no size known, the label it is", () => {
  const label = element("label");
  const loose = element("textarea", { top: 10, id: "personal" });
  assert.equal(scrollTargetFor(loose, page({ personal: label })), label);
  const legend = element("legend", { top: 0 });
  const unsized = element("input", { top: 10, height: 0, type: "text", id: "a", parent: element("fieldset", { legend }) });
  assert.equal(scrollTargetFor(unsized, page({ a: label })), label);
});

test("no label for it: the label around it, else nothing (the link stays a plain link)", () => {
  const wrapping = element("label");
  const inside = element("input", { top: 10, type: "text", id: "y", parent: wrapping });
  assert.equal(scrollTargetFor(inside, page()), wrapping);
  assert.equal(scrollTargetFor(element("input", { type: "text", id: "z" }), page()), null);
});

test("an email goes without what only the printed letter needs; the printed letter waits for everything", () => {
  const street = { field: "sender.street", code: "required", needed_for: "letter" };
  const zip = { field: "sender.zip", code: "invalid_zip", needed_for: "letter" };
  const name = { field: "sender.name", code: "required" };
  assert.deepEqual(blockingErrors([street, zip], false), []);
  assert.deepEqual(blockingErrors([street, zip], true), [street, zip]);
  assert.deepEqual(blockingErrors([street, name], false), [name]);
});
