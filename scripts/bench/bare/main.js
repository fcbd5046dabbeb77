// The bare Pyodide page (browser.py): start the worker, show its answer,
// and signal the first render as the letter page does ("letter:rendered").
// The page's query string (runtime, lockfile, stdlib) goes on to the worker.
const out = document.getElementById("out");
const worker = new Worker(new URL("worker.js" + location.search, import.meta.url), { type: "module" });
worker.onmessage = ({ data }) => {
  out.textContent = data.error || data.text;
  if (data.error) return;
  out.dispatchEvent(new CustomEvent("letter:rendered", { bubbles: true, detail: { id: 1, sentAt: null } }));
};
