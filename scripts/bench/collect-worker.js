// Evaluated in each of the page's workers (visit.py's _collect): what
// the worker fetched and its stage marks ("letter:…", worker.js), with its own
// time origin so they can be put on the page's clock. One function expression.
() => ({
  url: self.location.href,
  timeOrigin: performance.timeOrigin,
  resources: performance.getEntriesByType("resource").map((e) => ({
    name: e.name, start: e.startTime, end: e.responseEnd, encoded: e.encodedBodySize,
    transfer: e.transferSize, initiator: e.initiatorType })),
  marks: performance.getEntriesByType("mark").map((e) => ({ name: e.name, start: e.startTime })),
})
