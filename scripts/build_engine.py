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
    cached forever. Beside them, ``engine.json`` (not served): the entry
    module and the wheels in dependency order with their sha256, which
    :attr:`EngineBuild.manifest` reads and the hooks hand the page as its boot
    config, so the page never works the list out again.

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

What runs in Pyodide is in files of its own under ``scripts/engine/``:
``compile.py`` (the probe and the bytecode compiler), ``precompile.py`` (the
campaign) and ``run_pyodide.mjs``, the one harness that runs either (and the
parity test's script) from a job file; :func:`run_pyodide` writes the job.

The big runtime files also get ``.br`` and ``.gz`` siblings for hosts that
serve precompressed files.

Nothing is rebuilt when its inputs have not changed, which keeps
``mkdocs serve`` rebuilds fast. Every cache is named by :func:`cache_key` of
its inputs, the recipe's own files included (this script and those it runs
in Pyodide), so editing one rebuilds what it makes: the ``letter_py`` wheel by
its sources and recipe, the engine folder by Pyodide's lockfile, the recipe and the
wheels, the compiled campaign by the engine folder's name, the campaign and
its recipe. Run it directly to see what it does:
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
from functools import cached_property
from pathlib import Path

import msgfmt  # scripts/ is on sys.path: this file's own folder
import vendored

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
# The module the page's worker imports (its Engine renders the letters): the
# probe in compile.py and the precompiler import it too, and the page is told
# it through the manifest (EngineBuild.manifest).
ENTRY_MODULE = "letter_py.web"
# The programs this build runs in Pyodide under Node, and the one harness that
# runs them: files, so linters and editors see them.
THIS = Path(__file__).resolve()
SCRIPTS = THIS.parent
HARNESS = SCRIPTS / "engine" / "run_pyodide.mjs"
COMPILER = SCRIPTS / "engine" / "compile.py"
PRECOMPILER = SCRIPTS / "engine" / "precompile.py"
# The files that decide what each cache holds besides its inputs: editing
# one rebuilds what it makes (cache_key hashes the files themselves).
MSGFMT = SCRIPTS / "msgfmt.py"
WHEEL_RECIPE = (THIS, MSGFMT)
ENGINE_RECIPE = (THIS, HARNESS, COMPILER)
PRECOMPILE_RECIPE = (THIS, HARNESS, PRECOMPILER)
MANIFEST = "engine.json"  # in the engine folder; the page gets it in its boot config
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

    @cached_property
    def manifest(self) -> dict:
        """What the page's worker loads: ``{"entry": module, "wheels": [{"file", "sha256"}]}``.

        ``wheels`` in dependency order (each after what it depends on), ``file``
        relative to the engine folder, ``sha256`` in hex as the lockfile has it
        (the worker fetches each with it as Subresource Integrity).
        """
        return json.loads((self.engine_dir / MANIFEST).read_text())

    def site_files(self) -> dict[str, Path]:
        """Map each site-relative path to the file that provides it.

        The manifest stays out: the page has it in its boot config.
        """
        files = {self.runtime_path + p.name: p for p in sorted(self.runtime_dir.iterdir())}
        files.update({self.engine_path + p.name: p for p in sorted(self.engine_dir.iterdir())
                      if p.name != MANIFEST})
        return files


def _log(message: str) -> None:
    print(f"build_engine: {message}", file=sys.stderr)


def cache_key(*parts: str | bytes | Path, length: int = 16) -> str:
    """A short hex digest naming what ``parts`` build: every cache here is keyed so.

    A :class:`~pathlib.Path` stands for its contents (a marker if missing);
    pass a name beside it where the name matters too. Each part is
    length-prefixed, so no two different lists of parts give the same key.
    """
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, Path):
            data = part.read_bytes() if part.exists() else b"\xff(missing)"
        else:
            data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()[:length]


def _run(args: list[str], **kwargs) -> str:
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def run_pyodide(core: Path, job: dict, timeout: float | None = None) -> str:
    """Run ``job["script"]`` in Pyodide's CPython under Node; return its stdout.

    ``job`` is what ``scripts/engine/run_pyodide.mjs`` takes (its header lists
    the keys), without ``indexURL``: the Pyodide core in ``core``. Needs Node.
    """
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node not found: Pyodide runs under Node")
    with tempfile.TemporaryDirectory() as tmp:
        job_file = Path(tmp) / "job.json"
        job_file.write_text(json.dumps({"indexURL": str(core) + "/", **job}))
        return _run([node, str(HARNESS), str(job_file)], timeout=timeout)


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


# letter_py's parts the browser never runs: the officials directory (its
# build, data and CLI; the page reads the JSON the site build ships instead).
# Left out of the wheel and of its inputs, so a directory refresh rebuilds no engine.
NOT_IN_BROWSER = ("directory",)


def _in_browser(relative: Path) -> bool:
    """Whether a path inside letter_py/ belongs in the browser's wheel."""
    return not (relative.parts and relative.parts[0] in NOT_IN_BROWSER)


def _source_files(root: Path) -> list[Path]:
    package = root / "letter_py"
    # The .mo catalogues are made from the .po sources (msgfmt), so they are not inputs.
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".mo"
             and _in_browser(p.relative_to(package))]
    return sorted(files) + [root / "pyproject.toml", root / "README.md"]


def _copy_ignore(package: Path):
    """shutil.copytree's ignore: caches, stale catalogues, and what the browser never runs."""
    plain = shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo")

    def ignore(folder: str, names: list[str]) -> set[str]:
        here = Path(folder).relative_to(package)
        return set(plain(folder, names)) | {name for name in names if not _in_browser(here / name)}

    return ignore


def letter_py_wheel(root: Path, cache: Path) -> Path:
    """Build the letter_py wheel from a clean copy of its sources.

    Building in a temporary copy keeps setuptools from reusing a stale
    ``build/lib`` that could still hold a deleted module. The message
    catalogues are compiled there from their ``.po`` sources (``msgfmt``), so
    the wheel never carries a stale ``.mo`` from the checkout.
    """
    sources = (part for path in _source_files(root) for part in (path.relative_to(root).as_posix(), path))
    target = cache / "letter_py" / cache_key(*WHEEL_RECIPE, *sources)
    existing = sorted(target.glob("letter_py-*.whl")) if target.exists() else []
    if existing:
        return existing[0]
    _log("building the letter_py wheel")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(root / "letter_py", src / "letter_py", ignore=_copy_ignore(root / "letter_py"))
        msgfmt.compile_all(src / "letter_py")
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


def dependency_order(packages: dict, name: str) -> list[str]:
    """``name`` and what it needs from a lockfile's packages, each after its dependencies."""
    order: list[str] = []

    def visit(current: str) -> None:
        if current not in order:
            for dependency in sorted(packages[current]["depends"]):
                visit(dependency)
            order.append(current)

    visit(name)
    return order


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
    # A Spanish letter with an error: the catalogue (gettext) and Spanish dates.
    {"lang": "es", "recipients": [{"role": "mayor", "name": "María López", "gender": "f"}],
     "sender": {"zip": "6"}, "date": "2026-12-01"},
]


def _compiled_name(wheel: str, tag: str) -> str:
    name, version, _ = wheel.split("-", 2)
    return f"{name}-{version}-{tag}.whl"


def compile_for_pyodide(core: Path, wheels: list[Path], out: Path) -> list[Path] | None:
    """Compile the wheels and the engine's stdlib modules to ``.pyc`` in ``out``.

    Returns the compiled wheels (the stdlib zip is ``out/python_stdlib.zip``),
    or None when Node is missing.
    """
    if shutil.which("node") is None:
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
            "entry": ENTRY_MODULE, "in": "/job/in", "out": "/job/out", "stdlib": STDLIB, "tag": tag,
            "samples": _PROBE_SAMPLES, "drop": _STDLIB_DROP, "keep_encodings": _KEEP_ENCODINGS,
            "wheels": [[w.name, _compiled_name(w.name, tag)] for w in wheels],
        }
        (job_dir / "job.json").write_text(json.dumps(job))
        run_pyodide(core, {
            # No column ranges in the bytecode (as python -X no_debug_ranges):
            # ~10 % smaller, and tracebacks only lose their ^^^^ markers.
            "env": {"PYTHONNODEBUGRANGES": "1"},
            # Installed from the zip files, as the browser imports them, which
            # needs no further standard library module before the probe.
            "wheels": [str(job_dir / "in" / w.name) for w in wheels],
            "mounts": {"/job": str(job_dir)},
            "script": str(COMPILER), "args": ["/job/job.json"],
        })
        result = json.loads((job_dir / "out" / "result.json").read_text())
        modules = result["modules"]
        _log(f"compiled the wheels and {len(modules)} standard library modules to bytecode, "
             f"left out {len(result['dropped'])} files the engine never uses")
        out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(job_dir / "out" / STDLIB, out / STDLIB)
        return [Path(shutil.copyfile(job_dir / "out" / dst, out / dst)) for _, dst in job["wheels"]]


def write_engine(core: Path, wheels: list[Path], build: Path) -> Path:
    """Write the lockfile, wheels and stdlib into ``engine/<hash>/`` and return it."""
    recipe = ENGINE_RECIPE if shutil.which("node") else ("source",)
    target = build / "engine" / cache_key(
        core / "pyodide-lock.json", *recipe, *(part for w in wheels for part in (w.name, w)), length=12)
    if (target / MANIFEST).exists():
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
        order = dependency_order(lock["packages"], ENGINE_PACKAGE)
        lock["packages"] = {k: v for k, v in sorted(lock["packages"].items()) if k in order}
        full.unlink()
        (staging / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n")
        # The page's worker loads these wheels and imports the entry module:
        # written once here, so the page need not walk the lockfile again.
        manifest = {"entry": ENTRY_MODULE, "wheels": [
            {"file": lock["packages"][name]["file_name"], "sha256": lock["packages"][name]["sha256"]}
            for name in order]}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(staging, target)
    return target


def precompile_campaign(built: EngineBuild, campaign_json: str, root: Path = ROOT) -> Path | None:
    """The campaign compiled by the browser's own Python, for the page to ship.

    Loads the engine folder's lockfile, wheels and stdlib in Pyodide under
    Node, exactly as the browser does, and writes what
    ``letter_py.web.Engine.precompile`` returns (see ``letter_py.precompiled``):
    the worker then skips Jinja2's compiler and the TOML parser at start-up.
    Named by a hash of its inputs, so it is only rebuilt when the campaign or
    the engine changes; None without Node (the page compiles it, more slowly).
    """
    if shutil.which("node") is None:
        return None
    key = cache_key(built.engine_dir.name, campaign_json, *PRECOMPILE_RECIPE)
    target = root / "build" / "precompiled" / f"campaign-{key}.bin"
    if target.exists():
        return target
    core, _ = pyodide_core(root)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        job_dir = Path(tmp)
        (job_dir / "campaign.json").write_text(campaign_json, encoding="utf-8")
        job = {"entry": built.manifest["entry"], "campaign": "/job/campaign.json", "out": "/job/campaign.bin"}
        (job_dir / "job.json").write_text(json.dumps(job))
        run_pyodide(core, {
            "lockFileURL": str(built.engine_dir / "pyodide-lock.json"),
            "stdLibURL": str(built.engine_dir / STDLIB),
            "packages": [ENGINE_PACKAGE], "env": {"PYTHONNODEBUGRANGES": "1"},
            "mounts": {"/job": str(job_dir)},
            "script": str(PRECOMPILER), "args": ["/job/job.json"],
        })
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
