import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { test } from "node:test";

import { STRINGS, text } from "../../docs/assets/letter/strings.js";

const FOLDER = new URL("../../docs/assets/letter/", import.meta.url);

test("text() fills placeholders and refuses unknown keys", () => {
  assert.equal(text("progress.wheel", { file: "jinja2.whl" }), "Downloaded jinja2.whl");
  assert.equal(text("letter.heading", { recipient: "Mayor Lopez" }), "To Mayor Lopez");
  assert.equal(text("failure.load", { detail: "{x}" }), "Your browser could not load the letter writer: {x}");
  assert.throws(() => text("no.such.key"));
});

test("every progress stage and failure reason of the protocol has its words", () => {
  const protocol = readFileSync(new URL("protocol.js", FOLDER), "utf8");
  const stages = protocol.match(/@typedef \{([^}]+)\} ProgressStage/)[1].match(/"(\w+)"/g);
  const client = readFileSync(new URL("engine-client.js", FOLDER), "utf8");
  const reasons = client.match(/@typedef \{([^}]+)\} FailureReason/)[1].match(/"(\w+)"/g);
  for (const stage of stages) assert.ok(`progress.${JSON.parse(stage)}` in STRINGS, stage);
  for (const reason of reasons) assert.ok(`failure.${JSON.parse(reason)}` in STRINGS, reason);
});

test("every key the modules ask for is in the table, and the worker asks for none", () => {
  for (const name of readdirSync(FOLDER).filter((n) => n.endsWith(".js"))) {
    const source = readFileSync(new URL(name, FOLDER), "utf8");
    for (const [, key] of source.matchAll(/\btext\("([\w.]+)"/g)) assert.ok(key in STRINGS, `${name}: ${key}`);
    if (name === "worker.js") assert.doesNotMatch(source, /label/);
  }
});
