import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { test } from "node:test";

import { failureDetail } from "../../docs/assets/letter/engine-status.js";
import { text } from "../../docs/assets/letter/strings.js";
import { table } from "./page-strings.mjs";

const STRINGS = table("en");

const FOLDER = new URL("../../docs/assets/letter/", import.meta.url);

test("text() fills placeholders and refuses unknown keys", () => {
  assert.equal(text("download.done", { filename: "letter.txt" }), "Downloaded letter.txt");
  assert.equal(text("letter.heading", { recipient: "Mayor Lopez" }), "To Mayor Lopez");
  assert.equal(text("failure.load", { detail: "{x}" }), "Your browser could not load the letter writer: {x}");
  assert.throws(() => text("no.such.key"));
});

test("the progress messages name no file: a visitor reads what is happening, not a wheel's name", () => {
  for (const lang of ["en", "es"]) {
    const progress = Object.entries(table(lang)).filter(([key]) => key.startsWith("progress."));
    assert.ok(progress.length >= 8);
    for (const [key, words] of progress) assert.ok(!/\{file\}|\.whl|\.zip|Python/.test(words), `${lang} ${key}: ${words}`);
  }
});

test("every progress stage and failure reason of the protocol has its words", () => {
  const protocol = readFileSync(new URL("protocol.js", FOLDER), "utf8");
  const stages = protocol.match(/@typedef \{([^}]+)\} ProgressStage/)[1].match(/"(\w+)"/g);
  const client = readFileSync(new URL("engine-client.js", FOLDER), "utf8");
  const reasons = client.match(/@typedef \{([^}]+)\} FailureReason/)[1].match(/"(\w+)"/g);
  const problems = protocol.match(/code: ([^,]+),/)[1].match(/"(\w+)"/g);
  assert.ok(problems.length >= 4, problems); // the regex found the whole list
  for (const code of problems) assert.ok(`problem.${JSON.parse(code)}` in STRINGS, code);
  for (const stage of stages) assert.ok(`progress.${JSON.parse(stage)}` in STRINGS, stage);
  for (const reason of reasons) assert.ok(`failure.${JSON.parse(reason)}` in STRINGS, reason);
});

test("every key the modules ask for is in the table, and the worker asks for none", () => {
  for (const folder of [FOLDER, new URL("../builder/", FOLDER)]) {
    for (const name of readdirSync(folder).filter((n) => n.endsWith(".js"))) {
      const source = readFileSync(new URL(name, folder), "utf8");
      for (const [, key] of source.matchAll(/\btext\("([\w.]+)"/g)) assert.ok(key in STRINGS, `${name}: ${key}`);
      if (name === "worker.js") assert.doesNotMatch(source, /label/);
    }
  }
});

test("every campaign link and builder string is in the Spanish table too", () => {
  const spanish = table("es");
  for (const key of Object.keys(STRINGS).filter((k) => /^(campaign|builder)\.|^rows\.removed\.officials$/.test(k))) {
    assert.ok(key in spanish, key);
  }
});

test("a load failure the worker names is worded by the page; any other keeps its own message", () => {
  assert.equal(failureDetail({ reason: "load", detail: "wheelStatus {}", problem: { code: "wheelStatus", file: "jinja2-3.1.6-py3-none-any.whl", status: 404 } }),
    "jinja2-3.1.6-py3-none-any.whl could not be downloaded (404)");
  assert.equal(failureDetail({ reason: "load", detail: "WebAssembly.instantiate(): expected magic word" }),
    "WebAssembly.instantiate(): expected magic word");
  assert.equal(failureDetail({ reason: "load", detail: "x", problem: { code: "fromANewerWorker" } }), "x");
  assert.equal(failureDetail({ reason: "slow" }), "");
});
