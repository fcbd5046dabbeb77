import assert from "node:assert/strict";
import { test } from "node:test";

import { CONTINUE, fillTown, placeStarter } from "../../docs/assets/letter/own-words.js";

/** The value and selection after placing starter at [start, end). */
function apply(value, start, end, starter) {
  const place = placeStarter(value, start, end, starter);
  const result = value.slice(0, place.from) + place.text + value.slice(place.to);
  return { value: result, start: place.start, end: place.end };
}

test("the town goes in as text, in one pass", () => {
  assert.equal(fillTown("I want {town} to …", "Oak Park"), "I want Oak Park to …");
  assert.equal(fillTown("{town}, {town}", "Elgin"), "Elgin, Elgin");
  assert.equal(fillTown("I want {town} to …", "{town}"), "I want {town} to …");
  assert.equal(fillTown("I want {town} to …", "$& $1 {{ 7*7 }}"), "I want $& $1 {{ 7*7 }} to …");
  assert.equal(fillTown("I want {town} to …", "<b>x</b>"), "I want <b>x</b> to …");
  assert.equal(fillTown("No town here", "Elgin"), "No town here");
});

test("into an empty field: the starter, its … selected", () => {
  const got = apply("", 0, 0, "I want Elgin to …");
  assert.deepEqual(got, { value: "I want Elgin to …", start: 16, end: 17 });
  assert.equal(got.value.slice(got.start, got.end), CONTINUE);
});

test("mid-line: on a new line of its own, the rest of the line after it", () => {
  const got = apply("Hello there", 5, 5, "As a parent, I …");
  assert.equal(got.value, "Hello\nAs a parent, I …\n there");
  assert.equal(got.value.slice(got.start, got.end), CONTINUE);
  assert.equal(got.start, "Hello\nAs a parent, I ".length);
});

test("at the end of a line, or the start of one: no empty line added", () => {
  assert.equal(apply("One.\n", 5, 5, "Two …").value, "One.\nTwo …");
  assert.equal(apply("One.", 4, 4, "Two …").value, "One.\nTwo …");
  assert.equal(apply("One.\nThree.", 5, 5, "Two …").value, "One.\nTwo …\nThree.");
});

test("a selection is replaced; a starter without … leaves the caret at its end", () => {
  const got = apply("Keep REPLACE keep", 5, 12, "Plain start");
  assert.equal(got.value, "Keep \nPlain start\n keep");
  assert.equal(got.start, got.end);
  assert.equal(got.start, "Keep \nPlain start".length);
});
