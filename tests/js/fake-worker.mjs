// Test doubles for the engine client: a Worker that records what the page
// posts and answers only when the test says so, a BroadcastChannel, and
// timers the test fires by hand.

export class FakeWorker {
  constructor() {
    this.posted = [];
    this.terminated = false;
    this.onmessage = null;
    this.onerror = null;
  }

  postMessage(message) {
    this.posted.push(structuredClone(message));
  }

  terminate() {
    this.terminated = true;
  }

  /** The worker says something, as the worker's postMessage would. */
  send(message) {
    this.onmessage({ data: message });
  }

  /** An uncaught error in the worker; returns whether the page handled it. */
  crash() {
    let prevented = false;
    this.onerror({ preventDefault: () => { prevented = true; } });
    return prevented;
  }

  renders() {
    return this.posted.filter((m) => m.type === "render");
  }
}

export class FakeChannel {
  static opened = [];

  constructor(name) {
    this.name = name;
    this.closed = false;
    this.onmessage = null;
    FakeChannel.opened.push(this);
  }

  close() {
    this.closed = true;
  }

  send(message) {
    this.onmessage({ data: message });
  }
}

export class FakeTimers {
  constructor() {
    this.next = 1;
    this.pending = new Map();
    this.setTimeout = (fn, ms) => {
      const id = this.next++;
      this.pending.set(id, { fn, ms });
      return id;
    };
    this.clearTimeout = (id) => { this.pending.delete(id); };
  }

  /** Fires every pending timer set for exactly ms. */
  fire(ms) {
    for (const [id, timer] of [...this.pending]) {
      if (timer.ms === ms) {
        this.pending.delete(id);
        timer.fn();
      }
    }
  }
}
