// The letter engine: letter_py running under Pyodide in a module Web Worker,
// so loading and rendering never freeze the page. Pyodide 314 is an ES module
// and needs a module worker (classic workers and importScripts no longer work).
//
// The messages between the page (engine-client.js) and this worker, and the
// boot config this worker reads from its own URL, are written down once, in
// protocol.js. This worker holds no interface text: progress reports name a
// stage, and the page words it.

let engine = null;
let booting = null; // Pyodide loading, started as soon as this module runs
let precompiled = null; // the compiled campaign's bytes (or null), fetched alongside
let lockfile = null; // the site's lockfile, parsed: fetched once
let replies = null; // the BroadcastChannel for render replies, if the page named one
const startedAt = performance.now();

function post(message) {
  self.postMessage(message);
}

function reply(message) {
  (replies || self).postMessage(message);
}

// The boot config (protocol.js, EngineBoot), its URLs resolved against ours.
const config = readBoot(import.meta.url);

function readBoot(url) {
  const raw = new URL(url).searchParams.get("boot");
  if (!raw) return null;
  const boot = JSON.parse(raw);
  const resolve = (path) => (path ? new URL(path, url).href : null);
  return {
    ...boot,
    runtime: resolve(boot.runtime),
    lockfile: resolve(boot.lockfile),
    precompiled: resolve(boot.precompiled),
    wheels: (boot.wheels || []).map((wheel) => ({ ...wheel, url: resolve(wheel.file) })),
  };
}

// The progress stage (protocol.js, ProgressStage) each runtime file completes.
const STAGES = {
  "pyodide.asm.mjs": "loader",
  "pyodide.asm.wasm": "runtime",
  "python_stdlib.zip": "stdlib",
};
const RUNTIME_FILES = Object.keys(STAGES);

// A load failure of our own making, named for the page to word
// (protocol.js, LoadProblem); Pyodide's and the browser's own errors travel
// as their message only.
function problem(code, values) {
  const error = new Error(`${code} ${JSON.stringify(values)}`);
  error.problem = { code, ...values };
  return error;
}

// Count the runtime files and wheels as they arrive, so the progress bar shows
// what has really been fetched rather than a guess.
function watchDownloads(onFile) {
  if (typeof PerformanceObserver !== "function") return () => {};
  const seen = new Set();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const name = entry.name.split("?")[0].split("/").pop();
      if ((RUNTIME_FILES.includes(name) || name.endsWith(".whl")) && !seen.has(name)) {
        seen.add(name);
        onFile(seen.size, name);
      }
    }
  });
  try {
    observer.observe({ type: "resource", buffered: true });
  } catch {
    return () => {};
  }
  return () => observer.disconnect();
}

// A missing or broken file only costs time: Python compiles the campaign itself.
function fetchPrecompiled(url) {
  precompiled ??= url
    ? fetch(url).then((r) => (r.ok ? r.arrayBuffer() : null)).then((b) => b && new Uint8Array(b)).catch(() => null)
    : Promise.resolve(null);
  return precompiled;
}

function fetchLockfile(url) {
  lockfile ??= fetch(url).then((response) => {
    if (!response.ok) throw problem("lockfile", { status: response.status });
    return response.json();
  });
  return lockfile;
}

// The wheels the build listed (letter_py and what it depends on, worked out
// once by scripts/engine/build.py), each fetched with its sha256 as
// Subresource Integrity: the browser refuses a changed file, as Pyodide's
// loadPackage would.
function fetchWheels(wheels) {
  return Promise.all(wheels.map(async ({ url, sha256 }) => {
    const name = url.split("/").pop();
    let response;
    try {
      response = await fetch(url, { integrity: integrity(sha256) });
      if (response.ok) return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
    } catch {
      throw problem("wheelIntact", { file: name });
    }
    throw problem("wheelStatus", { file: name, status: response.status });
  }));
}

function integrity(sha256hex) {
  const bytes = sha256hex.match(/../g).map((pair) => parseInt(pair, 16));
  return "sha256-" + btoa(String.fromCharCode(...bytes));
}

// The wheels go on Python's path as they are, zip files, the way Pyodide
// serves its own standard library (zipimport). Pyodide's loadPackage would
// unpack every file with Python's zipfile on each start (~80 ms); our wheels
// are pure Python, compiled at build time, so nothing needs unpacking.
const WHEELS_DIR = "/lib/wheels";

// Pyodide 314 never settles loadPyodide when its WebAssembly cannot be
// instantiated (a 404, a host that serves .wasm as text, too little memory):
// it catches the error and only warns "wasm instantiation failed!"
// (pyodide/pyodide#6296). That warning is the one signal, so the worker turns
// it into a failure at once; the page's 15 s limit stays for anything else.
const WASM_FAILED = "wasm instantiation failed!";

function wasmFailure() {
  return new Promise((_, reject) => {
    const warn = console.warn;
    console.warn = (...args) => {
      if (args[0] === WASM_FAILED) reject(problem("runtime", { file: "pyodide.asm.wasm" }));
      warn.apply(console, args);
    };
  });
}

function boot({ runtime: runtimeURL, lockfile: lockFileURL, wheels: wheelList }) {
  // The marks (letter:…) time the stages for scripts/bench/browser.py.
  booting ??= (async () => {
    const wheels = fetchWheels(wheelList); // downloads while Python starts
    wheels.catch(() => {}); // awaited below, once Python is up
    const { loadPyodide } = await import(runtimeURL + "pyodide.mjs");
    const pyodide = await Promise.race([wasmFailure(), loadPyodide({
      indexURL: runtimeURL,
      lockFileContents: fetchLockfile(lockFileURL),
      // The build's standard library, partly compiled to bytecode, sits with
      // the wheels (scripts/engine/build.py explains why).
      stdLibURL: new URL("python_stdlib.zip", lockFileURL).href,
      stdout: () => {},
      stderr: () => {},
    })]);
    const sys = pyodide.pyimport("sys");
    pyodide.FS.mkdirTree(WHEELS_DIR);
    for (const { name, bytes } of await wheels) {
      pyodide.FS.writeFile(`${WHEELS_DIR}/${name}`, bytes);
      sys.path.append(`${WHEELS_DIR}/${name}`);
    }
    sys.destroy();
    performance.mark("letter:python");
    return pyodide;
  })();
  return booting;
}

async function load(campaign) {
  if (!config) throw problem("noBoot", {});
  const compiled = fetchPrecompiled(config.precompiled);
  // Everything starts at once: the runtime download must not wait for anything.
  const total = RUNTIME_FILES.length + config.wheels.length + 1;
  let done = 0;
  const report = (stage, file) => post({ type: "progress", done, total, stage, ...(file && { file }) });
  const stop = watchDownloads((count, name) => {
    done = Math.min(count, total - 1);
    if (STAGES[name]) report(STAGES[name]);
    else report("wheel", name);
  });
  report("download");
  let pyodide;
  try {
    pyodide = await boot(config);
  } finally {
    stop(); // no progress reports after a failure
  }
  done = total - 1;
  report("engine");
  const web = pyodide.pyimport(config.entry);
  performance.mark("letter:imported");
  engine = web.Engine(campaign, await compiled, config.precompiledSha256 || null);
  web.destroy();
  performance.mark("letter:engine");
  done = total;
  report("ready");
  post({ type: "ready", ms: Math.round(performance.now() - startedAt), precompiled: engine.precompiled });
}

self.onmessage = async ({ data }) => {
  if (data.type === "init") {
    if (data.replyChannel && typeof BroadcastChannel === "function") {
      replies = new BroadcastChannel(data.replyChannel);
    }
    try {
      await load(data.campaign);
    } catch (error) {
      post({ type: "failed", phase: "load", message: String(error && error.message || error), problem: error && error.problem });
    }
  } else if (data.type === "call") {
    call(data);
  } else if (data.type === "render") {
    if (!engine) {
      reply({ type: "failed", phase: "render", id: data.id, message: "The engine is not ready" });
      return;
    }
    try {
      reply({ type: "rendered", id: data.id, output: engine.render(data.input) });
    } catch (error) {
      reply({ type: "failed", phase: "render", id: data.id, message: String(error && error.message || error) });
    }
  }
};

// The Engine's other methods (protocol.js, CallMessage): only these, and the
// input only ever as a string argument.
const CALLS = new Set(["read_link", "build_link", "qr_svg"]);

function call({ id, method, input }) {
  if (!engine || !CALLS.has(method) || typeof input !== "string") {
    post({ type: "called", id, error: engine ? "unknown call" : "The engine is not ready" });
    return;
  }
  try {
    post({ type: "called", id, output: engine[method](input) });
  } catch (error) {
    post({ type: "called", id, error: String(error && error.message || error) });
  }
}

// Begin at once, with the URLs in this module's own URL: a message would
// wait for the page's main thread (letter.html says why).
if (config) {
  boot(config).catch(() => {}); // "init" reports a failure
  fetchPrecompiled(config.precompiled);
}
