// Registers the site's service worker (sw.js at the site root, written by
// scripts/site/offline.py) and, in idle time, asks it to keep the site's own files:
// the pages of this page's language, and the letter page's runtime and engine
// so that the letter page is ready on arrival and works offline. A page that
// runs the engine names what it runs on: <div data-offline-groups="engine">
// on the letter page, "engine builder" on "Set up your town" (segno's wheel,
// which only organizers' browsers download).
//
// Nothing personal is involved: the worker keeps only the site's public files
// its manifest lists. Nothing is fetched ahead when the visitor asked to save
// data or is on a 2G-class connection; on the letter page itself the engine
// is kept once it has loaded (then it comes from the browser's HTTP cache, not
// the network).
//
// <script src=".../offline.js" data-root="(relative URL of the site root)" defer>,
// from overrides/main.html. Once the worker has everything asked for,
// <html data-offline="ready"> (the tests and the benchmark wait for it).
(() => {
  const script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !window.isSecureContext) return;
  const root = new URL(script.dataset.root || "./", location.href);
  const connection = navigator.connection || {};
  const saveData = connection.saveData === true || /(^|-)2g$/.test(connection.effectiveType || "");
  const app = () => document.querySelector("[data-offline-groups]");
  const lang = (document.documentElement.lang || "en").split("-")[0].toLowerCase();

  function whenIdle() {
    return new Promise((resolve) => {
      const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 1000));
      const loaded = () => idle(() => resolve(), { timeout: 5000 });
      if (document.readyState === "complete") loaded();
      else window.addEventListener("load", loaded, { once: true });
    });
  }

  // A page that runs the engine keeps it once its own download is over, so
  // the two never compete for the connection.
  function engineSettled() {
    const root = app();
    if (!root) return Promise.resolve();
    return new Promise((resolve) => {
      const settled = () => ["ready", "failed"].includes(root.dataset.engine);
      if (settled()) return resolve();
      const observer = new MutationObserver(() => {
        if (settled()) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(root, { attributes: true, attributeFilter: ["data-engine"] });
    });
  }

  // In the order the worker fetches them: on a page that runs the engine it
  // is in the HTTP cache already; elsewhere it is what a visitor waits for next.
  function groupsWanted() {
    const own = (app()?.dataset.offlineGroups || "").split(/\s+/).filter(Boolean);
    if (own.length) return saveData ? own : [...own, `pages:${lang}`];
    return saveData ? [] : ["engine", `pages:${lang}`];
  }

  async function start() {
    await whenIdle();
    const registration = await navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.href });
    const groups = groupsWanted();
    if (!groups.length) return;
    await engineSettled();
    const ready = await navigator.serviceWorker.ready;
    if (ready !== registration && ready.scope !== registration.scope) return;
    navigator.serviceWorker.addEventListener("message", (event) => {
      if (event.data?.type === "cached") {
        document.documentElement.dataset.offline = event.data.complete ? "ready" : "partial";
      }
    });
    navigator.serviceWorker.startMessages();
    ready.active?.postMessage({ type: "cache", groups });
  }

  start().catch(() => {}); // no service worker (private mode, blocked): the site works as before
})();
