"""Build the files the browser needs to run ``letter_py`` under Pyodide.

The site self-hosts everything (no CDN: a visitor's browser talks to no one
else), so this script assembles two folders under ``build/``:

``runtime/<pyodide version>/``
    The Pyodide core copied from ``node_modules/pyodide``: only the three
    files a page loads. Versioned, so hosts may cache it for a year.

``engine/<content hash>/``
    The ``letter_py`` wheel, Jinja2, a pure-Python MarkupSafe wheel, the
    standard library zip and a ``pyodide-lock.json`` written by ``pyodide
    lockfile add-wheels`` (which records each wheel's sha256: the page's
    worker fetches each wheel with it as Subresource Integrity, so the
    browser refuses a changed file, then puts the wheels on Python's path as
    they are). The folder name is a hash of its inputs, so it too can be
    cached forever.

Compiled ahead: Pyodide ships its standard library, and PyPI its wheels, as
``.py`` source, so every page load compiled some 180 modules to bytecode
before the first letter. This script compiles the wheels, and the standard
library modules the engine imports, to ``.pyc`` with Pyodide's own CPython
run under Node (bytecode is version-specific, and the build machine's Python
is another version). Modules the engine does not import stay as source, so
anything else still works, except a listed few a letter renderer never
reaches (``_STDLIB_DROP``: debuggers, test runners, network clients, legacy
codecs), which are left out: the zip shrinks from 2.9 MB to 2.0 MB. Without
Node it ships Pyodide's own zip and the source, and says so.
``scripts/bench_browser.py`` measures the effect.

:func:`precompile_campaign` runs the same Pyodide once more to compile the
site's campaign (``letter_py.precompiled``), so the page's worker skips
Jinja2's compiler and the TOML parser.

The big runtime files also get ``.br`` and ``.gz`` siblings for hosts that
serve precompressed files.

Nothing is rebuilt when its inputs have not changed, which keeps
``mkdocs serve`` rebuilds fast. Run it directly to see what it does:
``python scripts/build_engine.py``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import vendored  # scripts/ is on sys.path: this file's own folder

try:
    import brotli  # in requirements.txt; without it only .gz files are written
except ImportError:
    brotli = None

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# The standard library goes into the engine folder instead (see the module
# docstring): which modules are compiled depends on what letter_py imports.
STDLIB = "python_stdlib.zip"
COMPRESSIBLE = (".wasm", ".mjs")  # the zips and wheels are deflated already
# Pinned to the versions Pyodide 314's own lockfile lists, so the browser runs
# what CPython runs (requirements.txt pins the same for the build and tests).
DEPENDENCY_WHEELS = {
    "jinja2": ("3.1.6", "jinja2-3.1.6-py3-none-any.whl"),
    "markupsafe": ("3.0.3", "markupsafe-3.0.3-py3-none-any.whl"),
}
ENGINE_PACKAGE = "letter-py"
# A fixed timestamp makes the wheel byte-for-byte reproducible, so an unchanged
# letter_py keeps its engine folder name and visitors keep their cached copy.
SOURCE_DATE_EPOCH = "315532800"


@dataclass(frozen=True)
class EngineBuild:
    """Where the built files are, and the site paths they are served under."""

    runtime_dir: Path
    engine_dir: Path
    pyodide_version: str

    @property
    def runtime_path(self) -> str:
        return f"pyodide/{self.pyodide_version}/"

    @property
    def engine_path(self) -> str:
        return f"engine/{self.engine_dir.name}/"

    def site_files(self) -> dict[str, Path]:
        """Map each site-relative path to the file that provides it."""
        files = {self.runtime_path + p.name: p for p in sorted(self.runtime_dir.iterdir())}
        files.update({self.engine_path + p.name: p for p in sorted(self.engine_dir.iterdir())})
        return files


def _log(message: str) -> None:
    print(f"build_engine: {message}", file=sys.stderr)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(args: list[str], **kwargs) -> None:
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")


def pyodide_core(root: Path = ROOT) -> tuple[Path, str]:
    core = root / "node_modules" / "pyodide"
    package = core / "package.json"
    if not package.exists():
        raise RuntimeError("node_modules/pyodide is missing: run `npm ci` (or `make site`) first")
    return core, json.loads(package.read_text())["version"]


def precompress_file(path: Path) -> None:
    """Write ``path.gz`` and ``path.br`` unless they are already newer than ``path``."""
    mtime = path.stat().st_mtime_ns
    data = None  # read once, and only if a sibling is missing or stale
    for suffix in (".gz", ".br") if brotli is not None else (".gz",):
        sibling = path.with_name(path.name + suffix)
        if sibling.exists() and sibling.stat().st_mtime_ns >= mtime:
            continue
        data = path.read_bytes() if data is None else data
        sibling.write_bytes(gzip.compress(data, 9, mtime=0) if suffix == ".gz"
                            else brotli.compress(data, quality=11))


def precompress(folder: Path) -> None:
    """Write ``x.br`` and ``x.gz`` beside each compressible file in ``folder``.

    Hosts that serve precompressed files (nginx ``gzip_static``/``brotli_static``,
    Caddy's ``precompressed``) send them to browsers that accept them: the wasm
    shrinks from 9.6 MB to 2.7 MB. Zips and wheels are compressed already.
    Brotli at its best level takes ~30 s for the wasm, once per Pyodide version.
    """
    for path in sorted(folder.iterdir()):
        if path.suffix in COMPRESSIBLE:
            precompress_file(path)


def copy_runtime(core: Path, version: str, build: Path) -> Path:
    target = build / "runtime" / version
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        source, dest = core / name, target / name
        # The loaders name Pyodide's CDN (vendored.py says why that goes).
        scrubbed = vendored.scrub(source.read_text(encoding="utf-8")).encode() if name.endswith(".mjs") else None
        fresh = dest.exists() and (dest.read_bytes() == scrubbed if scrubbed is not None
                                   else dest.stat().st_size == source.stat().st_size)
        if not fresh:
            for old in (dest, dest.with_name(name + ".br"), dest.with_name(name + ".gz")):
                old.unlink(missing_ok=True)
            if scrubbed is not None:
                dest.write_bytes(scrubbed)
            else:
                shutil.copyfile(source, dest)
    wanted = {n + suffix for n in RUNTIME_FILES for suffix in ("", ".br", ".gz")}
    for stale in {p.name for p in target.iterdir()} - wanted:
        (target / stale).unlink()  # e.g. the stdlib zip an older build put here
    precompress(target)
    return target


def dependency_wheels(cache: Path) -> list[Path]:
    """Jinja2 as published; MarkupSafe built from its sdist without the C speed-up.

    PyPI has no wasm wheel of MarkupSafe, and its setup falls back to pure Python
    when the compiler fails, which ``CC=false`` guarantees.
    """
    cache.mkdir(parents=True, exist_ok=True)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    jinja_version, jinja_file = DEPENDENCY_WHEELS["jinja2"]
    if not (cache / jinja_file).exists():
        _log(f"downloading Jinja2 {jinja_version}")
        _run([*pip, "download", "--no-deps", "--only-binary", ":all:", "-d", str(cache),
              f"jinja2=={jinja_version}"])
    ms_version, ms_file = DEPENDENCY_WHEELS["markupsafe"]
    if not (cache / ms_file).exists():
        _log(f"building a pure-Python MarkupSafe {ms_version} wheel")
        env = {**os.environ, "CC": "false", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
        _run([*pip, "wheel", "--no-deps", "--no-binary", "markupsafe", "-w", str(cache),
              f"markupsafe=={ms_version}"], env=env)
    return [cache / jinja_file, cache / ms_file]


def _source_files(root: Path) -> list[Path]:
    package = root / "letter_py"
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return sorted(files) + [root / "pyproject.toml", root / "README.md"]


def letter_py_wheel(root: Path, cache: Path) -> Path:
    """Build the letter_py wheel from a clean copy of its sources.

    Building in a temporary copy keeps setuptools from reusing a stale
    ``build/lib`` that could still hold a deleted module.
    """
    digest = hashlib.sha256()
    for path in _source_files(root):
        if path.exists():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    key = digest.hexdigest()[:16]
    target = cache / "letter_py" / key
    existing = sorted(target.glob("letter_py-*.whl")) if target.exists() else []
    if existing:
        return existing[0]
    _log("building the letter_py wheel")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(root / "letter_py", src / "letter_py",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        for name in ("pyproject.toml", "README.md"):
            if (root / name).exists():
                shutil.copy(root / name, src / name)
        out = Path(tmp) / "out"
        env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
        _run([sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", "wheel",
              "--no-deps", "--no-build-isolation", "-w", str(out), str(src)], env=env)
        target.mkdir(parents=True, exist_ok=True)
        (wheel,) = out.glob("letter_py-*.whl")
        return Path(shutil.copy(wheel, target / wheel.name))


def _closure(packages: dict, name: str) -> set[str]:
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(packages[current]["depends"])
    return seen


# Bump when the compile step changes: the engine folder name covers it.
COMPILE_RECIPE = "pyc-4"

# Runs inside Pyodide under Node (see compile_for_pyodide). The wheels are
# installed with loadPackage (the browser imports them from the zip files,
# which needs no further standard library module); the probe then does what
# the page's worker does, so sys.modules holds every standard library module a
# visitor's browser imports before the first letter.
_COMPILER_PY = r"""
import json, os, sys

job = json.load(open("/job/job.json"))
STDLIB = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip"


def probe():
    # Only what the worker does (json and os are imported at boot anyway), so
    # the modules this script needs for itself are not counted.
    import letter_py
    from letter_py.web import Engine
    root = os.path.join(os.path.dirname(letter_py.__file__), "campaigns", "default")
    files = {}
    for name in os.listdir(root):
        with open(os.path.join(root, name), encoding="utf-8") as f:
            files[name] = f.read()
    engine = Engine(json.dumps(files))
    for sample in job["samples"]:
        engine.render(json.dumps(sample))


probe()
modules = sorted({m.__file__[len(STDLIB) + 1:] for m in list(sys.modules.values())
                  if (getattr(m, "__file__", None) or "").startswith(STDLIB + "/")
                  and m.__file__.endswith(".py")})

import base64, hashlib, importlib.util, sysconfig, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

SITE = sysconfig.get_path("purelib")


def pyc(source, filename):
    # Unchecked hash-based .pyc, loaded without its source (PEP 552).
    code = compile(source, filename, "exec", dont_inherit=True)
    return _code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)


def entry(info, name):
    item = zipfile.ZipInfo(name, date_time=info.date_time)
    item.external_attr = info.external_attr
    item.compress_type = zipfile.ZIP_DEFLATED
    return item


def left_out(name, wanted):
    if name in wanted:
        return False
    if name.startswith("encodings/") and name != "encodings/":
        return name[len("encodings/"):].removesuffix(".py") not in job["keep_encodings"]
    return any(name == d or (d.endswith("/") and name.startswith(d)) for d in job["drop"])


def compile_stdlib(dst_path, wanted):
    dropped = []
    with zipfile.ZipFile(STDLIB) as src, zipfile.ZipFile(dst_path, "w") as out:
        for info in src.infolist():
            name = info.filename
            if left_out(name, wanted):
                dropped.append(name)
                continue
            data = src.read(info)
            if name in wanted:
                name, data = name + "c", pyc(data, f"{STDLIB}/{name}")
            out.writestr(entry(info, name), data, compresslevel=9)
    return dropped


def compile_wheel(src_path, dst_path, tag):
    rows = []
    with zipfile.ZipFile(src_path) as src, zipfile.ZipFile(dst_path, "w") as out:
        record = None
        for info in src.infolist():
            name, data = info.filename, src.read(info)
            if name.endswith(".dist-info/RECORD"):
                record = info
                continue
            if name.endswith(".py"):
                name, data = name + "c", pyc(data, f"{SITE}/{name}")
            elif name.endswith(".dist-info/WHEEL"):
                data = b"".join(b"Tag: " + tag.encode() + b"\n" if line.startswith(b"Tag:") else line
                                for line in data.splitlines(keepends=True))
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            rows.append(f"{name},sha256={digest},{len(data)}\n")
            out.writestr(entry(info, name), data, compresslevel=9)
        rows.append(f"{record.filename},,\n")
        out.writestr(entry(record, record.filename), "".join(rows), compresslevel=9)


# Deflated, as Pyodide ships it: stored members would let brotli shrink the
# zip further, but hosts that compress on the fly skip zips, and would then
# send several times the 2 MB of the deflated one.
dropped = compile_stdlib("/job/out/" + job["stdlib"], set(modules))
for src, dst in job["wheels"]:
    compile_wheel("/job/in/" + src, "/job/out/" + dst, job["tag"])
json.dump({"modules": modules, "dropped": dropped}, open("/job/out/result.json", "w"))
"""

_COMPILER_JS = """
import { readFileSync } from "node:fs";
const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { loadPyodide } = await import(job.pyodide);
const log = (line) => process.stderr.write(line + "\\n");
// No column ranges in the bytecode (as python -X no_debug_ranges): ~10 %
// smaller, and tracebacks only lose their ^^^^ markers.
const py = await loadPyodide({ indexURL: job.indexURL, env: { PYTHONNODEBUGRANGES: "1" },
                               stdout: log, stderr: log });
await py.loadPackage(job.wheels.map(([name]) => job.dir + "/in/" + name), { messageCallback: () => {} });
py.FS.mkdirTree("/job");
py.FS.mount(py.FS.filesystems.NODEFS, { root: job.dir }, "/job");
py.runPython(readFileSync(job.dir + "/compile.py", "utf8"));
"""

# Left out of the standard library zip (0.9 MB of its 2.9 MB, deflated): tools,
# servers, clients and codecs a letter renderer in a browser tab never reaches
# (interactive consoles, debuggers, test runners, XML, HTTP and mail clients,
# process pools, and the character sets other than UTF-8/16/32, ASCII and
# Latin-1: letter_py only ever decodes and encodes UTF-8). A module the probe
# imports is kept even if listed. Trailing "/" means a whole package.
_STDLIB_DROP = [
    "_pyrepl/", "unittest/", "multiprocessing/", "xml/", "xmlrpc/", "http/", "wsgiref/",
    "sqlite3/", "ctypes/", "__phello__/", "__hello__.py", "antigravity.py", "this.py",
    "pdb.py", "bdb.py", "doctest.py", "pydoc.py", "_pyio.py", "pickletools.py", "tabnanny.py",
    "trace.py", "profile.py", "cProfile.py", "pstats.py", "timeit.py", "zipapp.py", "pyclbr.py",
    "mailbox.py", "imaplib.py", "smtplib.py", "poplib.py", "ftplib.py", "optparse.py",
    "statistics.py", "webbrowser.py",
]
_KEEP_ENCODINGS = [
    "__init__", "aliases", "ascii", "latin_1", "utf_8", "utf_8_sig", "utf_16", "utf_16_be",
    "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "idna", "punycode", "charmap", "cp1252",
    "raw_unicode_escape", "unicode_escape", "undefined", "base64_codec", "hex_codec",
    "quopri_codec", "uu_codec", "zlib_codec", "bz2_codec", "rot_13",
]

# What the probe renders: an empty form, a full one, and a name the email
# package has to encode (plain headers skip it; see letter_py.eml).
_PROBE_SAMPLES = [
    {},
    {"recipients": [{"role": "mayor", "name": "Zoë Núñez, Jr.", "email": "mayor@example.gov"}]},
    {"sender": {"name": "Sam Example", "street": "1 Main St", "city": "Springfield", "state": "IL",
                "zip": "62701", "email": "sam@example.org"},
     "recipients": [{"role": "mayor", "name": "Maria Lopez", "email": "mayor@example.gov",
                     "address": "City Hall\nSpringfield, IL"}],
     "articles": [{"title": "A story", "outlet": "The Paper", "date": "1 March 2026",
                   "url": "https://example.org/story"}],
     "personal": "It matters to me."},
]


def _compiled_name(wheel: str, tag: str) -> str:
    name, version, _ = wheel.split("-", 2)
    return f"{name}-{version}-{tag}.whl"


def compile_for_pyodide(core: Path, wheels: list[Path], out: Path) -> list[Path] | None:
    """Compile the wheels and the engine's stdlib modules to ``.pyc`` in ``out``.

    Returns the compiled wheels (the stdlib zip is ``out/python_stdlib.zip``),
    or None when Node is missing.
    """
    node = shutil.which("node")
    if node is None:
        return None
    info = json.loads((core / "pyodide-lock.json").read_text())["info"]
    major, minor = info["python"].split(".")[:2]
    # Bytecode is for this Python only. `pyodide py-compile` would say cp314,
    # which `pyodide lockfile add-wheels` refuses for a pure wheel; py314 it takes.
    tag = f"py{major}{minor}-none-any"
    with tempfile.TemporaryDirectory() as tmp:
        job_dir = Path(tmp)
        (job_dir / "in").mkdir()
        (job_dir / "out").mkdir()
        for wheel in wheels:
            shutil.copy(wheel, job_dir / "in" / wheel.name)
        job = {
            "pyodide": (core / "pyodide.mjs").as_uri(), "indexURL": str(core) + "/",
            "dir": str(job_dir), "stdlib": STDLIB, "tag": tag,
            "samples": _PROBE_SAMPLES, "drop": _STDLIB_DROP, "keep_encodings": _KEEP_ENCODINGS,
            "wheels": [[w.name, _compiled_name(w.name, tag)] for w in wheels],
        }
        (job_dir / "job.json").write_text(json.dumps(job))
        (job_dir / "compile.py").write_text(_COMPILER_PY)
        (job_dir / "compile.mjs").write_text(_COMPILER_JS)
        _run([node, str(job_dir / "compile.mjs"), str(job_dir / "job.json")])
        result = json.loads((job_dir / "out" / "result.json").read_text())
        modules = result["modules"]
        _log(f"compiled the wheels and {len(modules)} standard library modules to bytecode, "
             f"left out {len(result['dropped'])} files the engine never uses")
        out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(job_dir / "out" / STDLIB, out / STDLIB)
        return [Path(shutil.copyfile(job_dir / "out" / dst, out / dst)) for _, dst in job["wheels"]]


def write_engine(core: Path, wheels: list[Path], build: Path) -> Path:
    """Write the lockfile, wheels and stdlib into ``engine/<hash>/`` and return it."""
    node = shutil.which("node")
    digest = hashlib.sha256((core / "pyodide-lock.json").read_bytes())
    digest.update((COMPILE_RECIPE if node else "source").encode())
    for wheel in wheels:
        digest.update(wheel.name.encode() + b"\0" + wheel.read_bytes())
    target = build / "engine" / digest.hexdigest()[:12]
    if (target / "pyodide-lock.json").exists():
        return target
    _log(f"writing the engine into {target.relative_to(build.parent)}")
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp)
        compiled = compile_for_pyodide(core, wheels, staging)
        if compiled is None:
            _log("WARNING: node not found: shipping Python source, so the page starts slower")
            shutil.copy(core / STDLIB, staging / STDLIB)
            compiled = [Path(shutil.copy(wheel, staging / wheel.name)) for wheel in wheels]
        full = staging / "full-lock.json"
        pyodide = Path(sys.executable).with_name("pyodide")
        _run([str(pyodide), "lockfile", "add-wheels", "--input", str(core / "pyodide-lock.json"),
              "--output", str(full), "--base-path", str(staging), *map(str, compiled)])
        lock = json.loads(full.read_text())
        # Pyodide's lockfile lists ~360 packages the page never loads: ship only
        # what letter_py needs, so the browser downloads and parses less.
        keep = _closure(lock["packages"], ENGINE_PACKAGE)
        lock["packages"] = {k: v for k, v in sorted(lock["packages"].items()) if k in keep}
        full.unlink()
        (staging / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n")
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(staging, target)
    return target


_PRECOMPILE_JS = """
import { readFileSync, writeFileSync } from "node:fs";
const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { loadPyodide } = await import(job.pyodide);
const log = (line) => process.stderr.write(line + "\\n");
const py = await loadPyodide({
  indexURL: job.indexURL, lockFileURL: job.lockFileURL, stdLibURL: job.stdLibURL,
  packages: ["letter-py"], env: { PYTHONNODEBUGRANGES: "1" }, stdout: log, stderr: log,
});
const engine = py.pyimport("letter_py.web").Engine(readFileSync(job.campaign, "utf8"));
writeFileSync(job.out, engine.precompile().toJs());
"""


def precompile_campaign(built: EngineBuild, campaign_json: str, root: Path = ROOT) -> Path | None:
    """The campaign compiled by the browser's own Python, for the page to ship.

    Loads the engine folder's lockfile, wheels and stdlib in Pyodide under
    Node, exactly as the browser does, and writes what
    ``letter_py.web.Engine.precompile`` returns (see ``letter_py.precompiled``):
    the worker then skips Jinja2's compiler and the TOML parser at start-up.
    Named by a hash of its inputs, so it is only rebuilt when the campaign or
    the engine changes; None without Node (the page compiles it, more slowly).
    """
    node = shutil.which("node")
    if node is None:
        return None
    key = hashlib.sha256(built.engine_dir.name.encode() + b"\0" + campaign_json.encode()).hexdigest()[:16]
    target = root / "build" / "precompiled" / f"campaign-{key}.bin"
    if target.exists():
        return target
    core, _ = pyodide_core(root)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        job_dir = Path(tmp)
        (job_dir / "campaign.json").write_text(campaign_json, encoding="utf-8")
        (job_dir / "precompile.mjs").write_text(_PRECOMPILE_JS)
        job = {
            "pyodide": (core / "pyodide.mjs").as_uri(), "indexURL": str(core) + "/",
            "lockFileURL": str(built.engine_dir / "pyodide-lock.json"),
            "stdLibURL": str(built.engine_dir / STDLIB),
            "campaign": str(job_dir / "campaign.json"), "out": str(job_dir / "campaign.bin"),
        }
        (job_dir / "job.json").write_text(json.dumps(job))
        _run([node, str(job_dir / "precompile.mjs"), str(job_dir / "job.json")])
        shutil.copyfile(job_dir / "campaign.bin", target)
    _log(f"precompiled the campaign into {target.relative_to(root)}")
    return target


def build(root: Path = ROOT) -> EngineBuild:
    """Build (or reuse) the runtime and engine folders; cheap when nothing changed."""
    out = root / "build"
    core, version = pyodide_core(root)
    runtime = copy_runtime(core, version, out)
    wheels = [letter_py_wheel(root, out / "wheels"), *dependency_wheels(out / "wheels")]
    engine = write_engine(core, wheels, out)
    return EngineBuild(runtime_dir=runtime, engine_dir=engine, pyodide_version=version)


def main() -> None:
    result = build()
    for site_path, source in result.site_files().items():
        print(f"{site_path}\t{source.stat().st_size:>10,d} bytes")


if __name__ == "__main__":
    main()
