// Run letter_py under Pyodide in Node and print render_json's answers as JSON.
// Usage: node pyodide_run.mjs PYODIDE_DIR PACKAGE_DIR CASES.json WHEEL...
// Used by test_pyodide.py to hold CPython and Pyodide to the same bytes.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, packageDir, casesFile, ...wheels] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const py = await loadPyodide({ indexURL: pyodideDir + "/" });
for (const wheel of wheels) {
  py.unpackArchive(new Uint8Array(fs.readFileSync(wheel)), "wheel");
}
const site = py.runPython("import sysconfig; sysconfig.get_path('purelib')");
function copy(src, dst) {
  py.FS.mkdirTree(dst);
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    if (entry.name === "__pycache__") continue;
    const from = path.join(src, entry.name);
    const to = dst + "/" + entry.name;
    if (entry.isDirectory()) copy(from, to);
    else py.FS.writeFile(to, new Uint8Array(fs.readFileSync(from)));
  }
}
copy(packageDir, site + "/letter_py");
py.globals.set("cases_json", fs.readFileSync(casesFile, "utf8"));
const answer = py.runPython(`
import datetime, json, sys, time
import letter_py
cases = json.loads(cases_json)
today = datetime.date(2026, 11, 29)
results = {name: letter_py.render_json(text, today=today) for name, text in cases.items()}
first = next(iter(cases.values()))
start = time.perf_counter()
for _ in range(100):
    letter_py.render_json(first, today=today)
json.dumps({"version": sys.version, "results": results, "ms_per_call": (time.perf_counter() - start) * 10})
`);
process.stdout.write(answer);
