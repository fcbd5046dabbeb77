// Evaluated in the page once its first preview is shown (visit.py's
// _collect): what init.js recorded, the navigation and paint timings, and
// every resource the page fetched. The file is one function expression.
() => {
  const b = window.__bench;
  const nav = performance.getEntriesByType("navigation")[0];
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const app = document.querySelector("[data-letter-app]");
  return {
    ready: b.rendered.length ? b.rendered[0].at : null,
    fcp: fcp ? fcp.startTime : null,
    engineMs: app && app.dataset.engineMs ? Number(app.dataset.engineMs) : null,
    timeOrigin: performance.timeOrigin,
    nav: nav ? { responseEnd: nav.responseEnd, domInteractive: nav.domInteractive,
                 domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
                 encoded: nav.encodedBodySize, transfer: nav.transferSize } : null,
    longtasks: b.longtasks, loaf: b.loaf,
    resources: performance.getEntriesByType("resource").map((e) => ({
      name: e.name, start: e.startTime, end: e.responseEnd, encoded: e.encodedBodySize,
      transfer: e.transferSize, initiator: e.initiatorType })),
  };
}
