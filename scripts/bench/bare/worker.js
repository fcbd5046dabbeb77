// Bare Pyodide, the runtime's floor (browser.py): the same vendored
// runtime, lockfile and standard library as the letter page, loaded the way
// Pyodide documents it, then Jinja2 imported and one template rendered.
// Its URL's query string names them: runtime (a folder), lockfile, stdlib.
//
// With `wheels` (comma-separated URLs) instead of lockfile and stdlib, it is
// stock Pyodide as published on npm: the runtime folder's own lockfile and
// python_stdlib.zip, and the two wheels loaded by URL, as a developer would
// write the page without this project's build.
const config = new URL(self.location.href).searchParams;
const at = (name) => new URL(config.get(name), self.location).href;

try {
  const { loadPyodide } = await import(at("runtime") + "pyodide.mjs");
  let pyodide;
  if (config.get("wheels")) {
    pyodide = await loadPyodide({ indexURL: at("runtime") });
    await pyodide.loadPackage(config.get("wheels").split(",").map((w) => new URL(w, self.location).href));
  } else {
    pyodide = await loadPyodide({
      indexURL: at("runtime"),
      lockFileURL: at("lockfile"),
      stdLibURL: at("stdlib"),
      packages: ["jinja2"],
    });
  }
  performance.mark("letter:python"); // as the letter page's worker marks it
  const text = pyodide.runPython(
    "import jinja2\njinja2.Template('Dear {{ name }}, thank you.').render(name='Mayor')");
  postMessage({ text });
} catch (error) {
  postMessage({ error: String(error) });
}
