// The engine worker's life, seen from the page: starts it (or adopts the one the page's
// head started), talks to it (protocol.js), and keeps the one engine state, "starting" |
// "ready" | "failed", that everything the page shows about the engine derives from
// (engine-status.js). No DOM: Node's test runner drives it with a fake Worker (tests/js/engine-client.test.mjs).

export const LOAD_TIMEOUT_MS = 15000;
export const RENDER_TIMEOUT_MS = 8000;

/**
 * Why the engine failed; strings.js words each ("failure.<reason>").
 * @typedef {"slow" | "unsupported" | "load" | "crashed" | "unresponsive"} FailureReason
 */

/**
 * @typedef {object} EngineClientOptions
 * @property {() => Worker} createWorker  a new worker, booted from its URL
 * @property {() => (Worker | null)} [adoptWorker]  the early worker, once
 * @property {string} campaign  the campaign's files, JSON text ("init")
 * @property {() => object} readInput  the form as letter_py's input document,
 *   read when a render is sent, so the latest typing goes
 * @property {typeof BroadcastChannel | undefined} [BroadcastChannel]
 * @property {typeof setTimeout} [setTimeout]
 * @property {typeof clearTimeout} [clearTimeout]
 * @property {() => number} [now]
 * @property {() => string} [channelName]
 * @property {number} [loadTimeoutMs]
 * @property {number} [renderTimeoutMs]
 */

export class EngineClient {
  /** @param {EngineClientOptions} options */
  constructor(options) {
    this.options = {
      adoptWorker: () => null,
      BroadcastChannel: globalThis.BroadcastChannel,
      setTimeout: globalThis.setTimeout.bind(globalThis),
      clearTimeout: globalThis.clearTimeout.bind(globalThis),
      now: () => performance.now(),
      channelName: randomChannelName,
      loadTimeoutMs: LOAD_TIMEOUT_MS,
      renderTimeoutMs: RENDER_TIMEOUT_MS,
      ...options,
    };
    /** @type {"starting" | "ready" | "failed"} */
    this.state = "starting";
    /** @type {{reason: FailureReason, detail?: string, problem?: object} | null} */
    this.failure = null;
    /** @type {{ms: number, precompiled: boolean} | null} the last "ready" */
    this.info = null;
    this.listeners = { state: [], progress: [], rendered: [] };
    this.worker = null;
    this.replies = null;
    this.nextId = 1;
    this.shownId = 0;
    this.inFlight = null; // {id, timer, sentAt}
    this.dirty = true; // the form changed since the last render was sent
    this.loadTimer = null;
    this.waiters = [];
    this.calls = new Map(); // id -> {resolve, reject}, for call()
    this.nextCall = 1;
  }

  /**
   * Listen: "state" (the client itself), "progress" (ProgressMessage),
   * "rendered" ({id, output, sentAt}: output parsed; sentAt: now() when sent).
   * @returns {() => void} stops listening
   */
  on(type, listener) {
    this.listeners[type].push(listener);
    return () => { this.listeners[type] = this.listeners[type].filter((l) => l !== listener); };
  }

  emit(type, value) {
    for (const listener of this.listeners[type]) listener(value);
  }

  setState(state, failure = null) {
    this.state = state;
    this.failure = failure;
    this.emit("state", this);
  }

  start() {
    const o = this.options;
    this.inFlight = null;
    this.dirty = true;
    this.setState("starting");
    o.clearTimeout(this.loadTimer);
    this.loadTimer = o.setTimeout(() => {
      if (this.state === "starting") this.fail("slow");
    }, o.loadTimeoutMs);
    let worker;
    try {
      worker = o.adoptWorker() || o.createWorker();
    } catch {
      this.fail("unsupported");
      return;
    }
    this.worker = worker;
    // Messages from a worker this client has since replaced are ignored.
    const receive = ({ data }) => { if (this.worker === worker) this.receive(data); };
    worker.onmessage = receive;
    worker.onerror = (event) => {
      event.preventDefault();
      if (this.worker === worker) this.fail("crashed");
    };
    this.replies = this.openReplyChannel(receive);
    worker.postMessage({ type: "init", campaign: o.campaign, replyChannel: this.replies ? this.replies.name : undefined });
  }

  /** "Try again": a new worker, from the start. */
  restart() {
    if (this.worker) this.worker.terminate();
    if (this.replies) this.replies.close();
    this.worker = null;
    this.replies = null;
    this.start();
  }

  // A name no other tab can guess, so two letter pages never hear each
  // other's replies (protocol.js says why the replies use a channel).
  openReplyChannel(receive) {
    const Channel = this.options.BroadcastChannel;
    if (typeof Channel !== "function") return null;
    const channel = new Channel(this.options.channelName());
    channel.onmessage = receive;
    return channel;
  }

  /**
   * @param {FailureReason} reason
   * @param {string} [detail]  the worker's message, for "load"
   * @param {import("./protocol.js").LoadProblem} [problem]  what it was, if the worker knows
   */
  fail(reason, detail, problem) {
    const o = this.options;
    o.clearTimeout(this.loadTimer);
    if (this.inFlight) o.clearTimeout(this.inFlight.timer);
    this.inFlight = null;
    this.setState("failed", { reason, ...(detail !== undefined && { detail }), ...(problem && { problem }) });
    this.releaseWaiters();
    for (const { reject } of this.calls.values()) reject(new Error(reason));
    this.calls.clear();
  }

  /** @param {import("./protocol.js").WorkerMessage} message */
  receive(message) {
    switch (message.type) {
      case "progress":
        if (this.state === "starting") this.emit("progress", message);
        break;
      case "ready":
        // Also after "slow": a late start still gives a working engine.
        this.options.clearTimeout(this.loadTimer);
        this.info = { ms: message.ms, precompiled: Boolean(message.precompiled) };
        this.setState("ready");
        this.render();
        break;
      case "rendered":
        if (this.state === "ready") this.rendered(message);
        break;
      case "called":
        this.called(message);
        break;
      case "failed":
        if (message.phase === "load") this.fail("load", message.message, message.problem);
        else this.fail("crashed");
        break;
    }
  }

  rendered(message) {
    const inFlight = this.inFlight && this.inFlight.id === message.id ? this.inFlight : null;
    if (inFlight) {
      this.options.clearTimeout(inFlight.timer);
      this.inFlight = null;
    }
    if (message.id > this.shownId) { // an older reply never overwrites a newer one
      this.shownId = message.id;
      this.emit("rendered", { id: message.id, output: JSON.parse(message.output), sentAt: inFlight ? inFlight.sentAt : null });
    }
    if (this.dirty) this.render();
    else this.releaseWaiters();
  }

  /**
   * The form changed. One request is in flight at a time; whatever is typed
   * meanwhile goes as a single request when the reply comes back, so a fast
   * typist never queues work and no stale reply overwrites a newer one.
   */
  render() {
    this.dirty = true;
    if (this.state !== "ready" || this.inFlight) return;
    this.dirty = false;
    const o = this.options;
    const id = this.nextId++;
    const timer = o.setTimeout(() => {
      if (this.inFlight && this.inFlight.id === id) this.fail("unresponsive");
    }, o.renderTimeoutMs);
    this.inFlight = { id, timer, sentAt: o.now() };
    this.worker.postMessage({ type: "render", id, input: JSON.stringify(o.readInput()) });
  }

  /**
   * One of the Engine's other methods (protocol.js, CallMessage), once the
   * engine is ready: resolves with its answer, parsed; rejects if the engine
   * is not ready or Python failed.
   * @param {"read_link" | "build_link" | "qr_svg"} method
   * @param {string} input
   * @returns {Promise<object>}
   */
  call(method, input) {
    if (this.state !== "ready") return Promise.reject(new Error("The engine is not ready"));
    const id = `call-${this.nextCall++}`;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      this.worker.postMessage({ type: "call", id, method, input });
    });
  }

  called({ id, output, error }) {
    const waiting = this.calls.get(id);
    if (!waiting) return;
    this.calls.delete(id);
    if (error !== undefined) waiting.reject(new Error(error));
    else waiting.resolve(JSON.parse(output));
  }

  /**
   * For an action pressed while a render is on its way: resolves once the
   * preview shows what was last typed (or the engine failed). null: it does now.
   * @returns {Promise<void> | null}
   */
  whenFresh() {
    if (this.state !== "ready" || (!this.inFlight && !this.dirty)) return null;
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  releaseWaiters() {
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve();
  }
}

// crypto.getRandomValues works on plain http too.
function randomChannelName() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return "letter-replies-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
