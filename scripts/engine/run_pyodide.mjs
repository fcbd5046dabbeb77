// Run one Python file in Pyodide's own CPython under Node.
//
// The one Pyodide-under-Node harness of the project: the engine build's
// bytecode compiler (compile.py), its campaign precompiler (precompile.py) and
// the parity test (tests/letter_py/pyodide_parity.py) each describe what they
// need in a job file, and run_pyodide (scripts/engine/pyodide.py) writes it and runs this.
//
// Usage: node run_pyodide.mjs JOB.json
//
// JOB (JSON), every path a host path:
//   indexURL      the Pyodide core's folder (node_modules/pyodide/)
//   lockFileURL?  a lockfile other than the core's (the engine folder's)
//   stdLibURL?    a standard library zip other than the core's
//   packages?     package names from that lockfile, loaded while Python boots
//   wheels?       wheel files installed by path (loadPackage: no dependencies
//                 resolved, no hash checked)
//   mounts?       {"/folder/in/python": "/host/folder"}, mounted with NODEFS
//   env?          environment variables for Python
//   script        the Python file to run, as __main__
//   args?         its sys.argv[1:]
//
// The script's stdout is this process's stdout (a job may answer there); its
// stderr and Pyodide's loading messages go to stderr.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const log = (line) => process.stderr.write(line + "\n");
const { loadPyodide } = await import(pathToFileURL(path.join(job.indexURL, "pyodide.mjs")).href);

// Only the options the job sets: an undefined one would hide Pyodide's default.
const options = { indexURL: job.indexURL, stdout: (line) => process.stdout.write(line + "\n"), stderr: log };
for (const key of ["lockFileURL", "stdLibURL", "packages", "env"]) {
  if (job[key] !== undefined) options[key] = job[key];
}
const py = await loadPyodide(options);

for (const [at, host] of Object.entries(job.mounts ?? {})) {
  py.FS.mkdirTree(at);
  py.FS.mount(py.FS.filesystems.NODEFS, { root: host }, at);
}
if (job.wheels?.length) {
  await py.loadPackage(job.wheels, { messageCallback: log });
}
const sys = py.pyimport("sys");
sys.argv = py.toPy([job.script, ...(job.args ?? [])]);
sys.destroy();
py.runPython(readFileSync(job.script, "utf8"), { filename: job.script });
