import assert from "node:assert/strict";
import { test } from "node:test";

import {
  EngineClient, LOAD_TIMEOUT_MS, RENDER_TIMEOUT_MS,
} from "../../docs/assets/letter/engine-client.js";
import { FakeChannel, FakeTimers, FakeWorker } from "./fake-worker.mjs";

const OUTPUT = (text) => JSON.stringify({ letters: [{ email_text: text }], errors: [] });

function setUp({ early = null, channel = true, createWorker } = {}) {
  const workers = [];
  const timers = new FakeTimers();
  const form = { text: "first" };
  const seen = { states: [], rendered: [], progress: [] };
  const client = new EngineClient({
    adoptWorker: () => { const w = early; early = null; return w; },
    createWorker: createWorker || (() => { const w = new FakeWorker(); workers.push(w); return w; }),
    campaign: '{"campaign.toml": ""}',
    readInput: () => ({ personal: form.text }),
    BroadcastChannel: channel ? FakeChannel : undefined,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    now: () => 42,
    channelName: () => "letter-replies-test",
  });
  client.on("state", ({ state }) => seen.states.push(state));
  client.on("rendered", (event) => seen.rendered.push(event));
  client.on("progress", (event) => seen.progress.push(event.stage));
  const worker = () => workers.at(-1);
  return { client, workers, worker, timers, form, seen };
}

function ready(setup) {
  setup.client.start();
  setup.worker().send({ type: "ready", ms: 900, precompiled: true });
  return setup.worker().renders().at(-1);
}

test("start posts init with the campaign and the reply channel only", () => {
  const { client, worker } = setUp();
  client.start();
  assert.equal(client.state, "starting");
  assert.deepEqual(worker().posted, [
    { type: "init", campaign: '{"campaign.toml": ""}', replyChannel: "letter-replies-test" },
  ]);
});

test("the early worker from the page's head is adopted, once", () => {
  const early = new FakeWorker();
  const setup = setUp({ early });
  setup.client.start();
  assert.equal(setup.client.worker, early);
  assert.equal(setup.workers.length, 0);
  setup.client.restart();
  assert.equal(early.terminated, true);
  assert.equal(setup.workers.length, 1, "a restart starts a new worker");
});

test("ready: the state, the timings, and the first render of the form", () => {
  const setup = setUp();
  const first = ready(setup);
  assert.equal(setup.client.state, "ready");
  assert.deepEqual(setup.client.info, { ms: 900, precompiled: true });
  assert.deepEqual(first, { type: "render", id: 1, input: JSON.stringify({ personal: "first" }) });
  assert.deepEqual(setup.seen.states, ["starting", "ready"]);
});

test("progress is passed on while starting, and not after a failure", () => {
  const setup = setUp();
  setup.client.start();
  setup.worker().send({ type: "progress", done: 1, total: 7, stage: "runtime" });
  setup.timers.fire(LOAD_TIMEOUT_MS);
  setup.worker().send({ type: "progress", done: 2, total: 7, stage: "stdlib" });
  assert.deepEqual(setup.seen.progress, ["runtime"]);
});

test("one render in flight; typing meanwhile goes as one render of the latest form", () => {
  const setup = setUp();
  ready(setup);
  setup.form.text = "second";
  setup.client.render();
  setup.form.text = "third";
  setup.client.render();
  assert.equal(setup.worker().renders().length, 1, "nothing queued behind the one in flight");
  setup.worker().send({ type: "rendered", id: 1, output: OUTPUT("first") });
  const renders = setup.worker().renders();
  assert.equal(renders.length, 2);
  assert.deepEqual(renders[1], { type: "render", id: 2, input: JSON.stringify({ personal: "third" }) });
  assert.deepEqual(setup.seen.rendered.map((r) => [r.id, r.output.letters[0].email_text, r.sentAt]),
    [[1, "first", 42]]);
});

test("replies come on the page's own channel too", () => {
  const setup = setUp();
  ready(setup);
  setup.client.replies.send({ type: "rendered", id: 1, output: OUTPUT("by channel") });
  assert.equal(setup.seen.rendered[0].output.letters[0].email_text, "by channel");
});

test("without BroadcastChannel the replies come from the worker itself", () => {
  const setup = setUp({ channel: false });
  setup.client.start();
  assert.equal(setup.worker().posted[0].replyChannel, undefined);
  setup.worker().send({ type: "ready", ms: 1, precompiled: false });
  setup.worker().send({ type: "rendered", id: 1, output: OUTPUT("direct") });
  assert.equal(setup.seen.rendered.length, 1);
});

test("a stale or repeated reply never overwrites a newer one", () => {
  const setup = setUp();
  ready(setup);
  setup.client.render();
  setup.worker().send({ type: "rendered", id: 1, output: OUTPUT("one") });
  setup.worker().send({ type: "rendered", id: 2, output: OUTPUT("two") });
  setup.worker().send({ type: "rendered", id: 1, output: OUTPUT("one again") });
  assert.deepEqual(setup.seen.rendered.map((r) => r.id), [1, 2]);
});

test("replies from a replaced worker are ignored", () => {
  const setup = setUp();
  ready(setup);
  const old = setup.worker();
  setup.client.restart();
  old.send({ type: "ready", ms: 1, precompiled: false });
  old.send({ type: "rendered", id: 1, output: OUTPUT("old") });
  assert.equal(setup.client.state, "starting");
  assert.equal(setup.seen.rendered.length, 0);
});

test("starting too slowly fails with 'slow'; a late ready still recovers", () => {
  const setup = setUp();
  setup.client.start();
  setup.timers.fire(LOAD_TIMEOUT_MS);
  assert.equal(setup.client.state, "failed");
  assert.deepEqual(setup.client.failure, { reason: "slow" });
  setup.worker().send({ type: "ready", ms: 20000, precompiled: true });
  assert.equal(setup.client.state, "ready");
  assert.equal(setup.client.failure, null);
});

test("a load failure carries the worker's message and named problem", () => {
  const setup = setUp();
  setup.client.start();
  setup.worker().send({ type: "failed", phase: "load", message: "lockfile", problem: { code: "lockfile", status: 404 } });
  assert.deepEqual(setup.client.failure, { reason: "load", detail: "lockfile", problem: { code: "lockfile", status: 404 } });
  assert.equal(setup.timers.pending.size, 0, "the load timer is cleared");
});

test("no module workers: failed with 'unsupported'", () => {
  const setup = setUp({ createWorker: () => { throw new TypeError("module workers"); } });
  setup.client.start();
  assert.equal(setup.client.state, "failed");
  assert.equal(setup.client.failure.reason, "unsupported");
});

test("the worker crashes after ready: failed, not ready", () => {
  const setup = setUp();
  ready(setup);
  assert.equal(setup.worker().crash(), true, "the error is handled");
  assert.equal(setup.client.state, "failed");
  assert.equal(setup.client.failure.reason, "crashed");
  assert.deepEqual(setup.seen.states, ["starting", "ready", "failed"]);
  setup.client.render();
  assert.equal(setup.worker().renders().length, 1, "nothing is sent to a failed engine");
});

test("a render that never comes back fails with 'unresponsive'", () => {
  const setup = setUp();
  ready(setup);
  setup.timers.fire(RENDER_TIMEOUT_MS);
  assert.equal(setup.client.state, "failed");
  assert.equal(setup.client.failure.reason, "unresponsive");
  setup.worker().send({ type: "rendered", id: 1, output: OUTPUT("too late") });
  assert.equal(setup.seen.rendered.length, 0);
});

test("a render's reply clears its timeout", () => {
  const setup = setUp();
  ready(setup);
  setup.worker().send({ type: "rendered", id: 1, output: OUTPUT("in time") });
  setup.timers.fire(RENDER_TIMEOUT_MS);
  assert.equal(setup.client.state, "ready");
});

test("retry after a crash: a new worker and channel, starting, then ready, rendering the form", () => {
  const setup = setUp();
  ready(setup);
  const first = setup.worker();
  const firstChannel = setup.client.replies;
  first.crash();
  setup.form.text = "typed after the crash";
  setup.client.render();
  setup.client.restart();
  assert.equal(first.terminated, true);
  assert.equal(firstChannel.closed, true);
  assert.notEqual(setup.worker(), first);
  assert.equal(setup.client.state, "starting");
  setup.worker().send({ type: "ready", ms: 800, precompiled: true });
  assert.deepEqual(setup.seen.states, ["starting", "ready", "failed", "starting", "ready"]);
  assert.equal(JSON.parse(setup.worker().renders()[0].input).personal, "typed after the crash");
});

test("whenFresh: null when the preview is up to date, else resolves after the render", async () => {
  const setup = setUp();
  ready(setup);
  const waiting = setup.client.whenFresh();
  assert.ok(waiting instanceof Promise, "a render is in flight");
  let done = false;
  waiting.then(() => { done = true; });
  setup.worker().send({ type: "rendered", id: 1, output: OUTPUT("fresh") });
  await waiting;
  assert.equal(done, true);
  assert.equal(setup.client.whenFresh(), null);
});

test("whenFresh waits through a queued render, and is released by a failure", async () => {
  const setup = setUp();
  ready(setup);
  setup.client.render(); // queued behind render 1
  const waiting = setup.client.whenFresh();
  setup.worker().send({ type: "rendered", id: 1, output: OUTPUT("one") });
  assert.equal(setup.worker().renders().length, 2, "the queued render went");
  setup.worker().crash();
  await waiting; // released, not left hanging
  assert.equal(setup.client.whenFresh(), null, "no waiting on a failed engine");
});

test("call: refused before ready, answered by id once ready, rejected when the engine fails", async () => {
  const setup = setUp();
  setup.client.start();
  await assert.rejects(setup.client.call("read_link", "#c1.x"), /not ready/);
  setup.worker().send({ type: "ready", ms: 900, precompiled: true });
  const first = setup.client.call("read_link", "#c1.x");
  const second = setup.client.call("qr_svg", "{}");
  const calls = setup.worker().posted.filter((m) => m.type === "call");
  assert.deepEqual(calls.map(({ method, input }) => [method, input]), [["read_link", "#c1.x"], ["qr_svg", "{}"]]);
  setup.worker().send({ type: "called", id: calls[1].id, output: '{"svg": ""}' });
  setup.worker().send({ type: "called", id: calls[0].id, error: "boom" });
  assert.deepEqual(await second, { svg: "" });
  await assert.rejects(first, /boom/);
  const third = setup.client.call("read_link", "#c1.y");
  setup.worker().crash();
  await assert.rejects(third, /crashed/);
});
