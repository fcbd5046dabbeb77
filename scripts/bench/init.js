// Runs in every page before its own scripts (runs.py's fresh_context adds it to each
// browser context): records when a preview was rendered (app.js dispatches
// "letter:rendered"; so does the bare page), the keystrokes, and the main
// thread's long tasks and long animation frames, in window.__bench.
(() => {
  const b = window.__bench = { rendered: [], inputs: [], replies: [], longtasks: [], loaf: [] };
  // When each "rendered" reply reaches the page, to split a keystroke's time
  // between the worker (and the message hops) and the page's DOM update. The
  // replies come on a BroadcastChannel (worker.js says why) or, without one,
  // from the worker itself.
  const noteReply = ({ data }) => {
    if (data && data.type === "rendered") b.replies.push({ id: data.id, at: performance.now() });
  };
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", noteReply);
    }
  };
  const NativeChannel = window.BroadcastChannel;
  if (NativeChannel) {
    window.BroadcastChannel = class extends NativeChannel {
      constructor(...args) {
        super(...args);
        this.addEventListener("message", noteReply);
      }
    };
  }
  document.addEventListener("letter:rendered", (event) => {
    const entry = { at: performance.now(), ...event.detail };
    b.rendered.push(entry);
    requestAnimationFrame(() => { entry.frame = performance.now(); });
  }, true);
  document.addEventListener("input", (event) => { b.inputs.push(event.timeStamp); }, true);
  const watch = (type, keep) => {
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) b[type === "longtask" ? "longtasks" : "loaf"].push(keep(e)); })
        .observe({ type, buffered: true });
    } catch (error) { /* not supported by this browser */ }
  };
  watch("longtask", (e) => ({ start: e.startTime, duration: e.duration }));
  watch("long-animation-frame", (e) => ({
    start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
    scripts: (e.scripts || []).map((s) => ({
      url: s.sourceURL, fn: s.sourceFunctionName, invoker: s.invoker, duration: s.duration,
    })),
  }));
})();
