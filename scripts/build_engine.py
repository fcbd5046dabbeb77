"""Build the files the browser needs to run ``letter_py`` under Pyodide.

The site self-hosts everything (no CDN: a visitor's browser talks to no one
else), so this script assembles two folders under ``build/``:

``runtime/<pyodide version>/``
    The Pyodide core copied from ``node_modules/pyodide``: only the four files
    a page loads. Versioned, so hosts may cache it for a year.

``engine/<content hash>/``
    The ``letter_py`` wheel, Jinja2, a pure-Python MarkupSafe wheel and a
    ``pyodide-lock.json`` written by ``pyodide lockfile add-wheels`` (which
    records each wheel's sha256; Pyodide checks it before installing). The
    folder name is a hash of its contents, so it too can be cached forever.

Nothing is rebuilt when its inputs have not changed, which keeps
``mkdocs serve`` rebuilds fast. Run it directly to see what it does:
``python scripts/build_engine.py``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
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


def copy_runtime(core: Path, version: str, build: Path) -> Path:
    target = build / "runtime" / version
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        source, dest = core / name, target / name
        if not dest.exists() or dest.stat().st_size != source.stat().st_size:
            shutil.copyfile(source, dest)
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


def write_engine(core: Path, wheels: list[Path], build: Path) -> Path:
    """Write the lockfile and wheels into ``engine/<hash>/`` and return it."""
    digest = hashlib.sha256((core / "pyodide-lock.json").read_bytes())
    for wheel in wheels:
        digest.update(wheel.name.encode() + b"\0" + wheel.read_bytes())
    target = build / "engine" / digest.hexdigest()[:12]
    if (target / "pyodide-lock.json").exists():
        return target
    _log(f"writing the Pyodide lockfile into {target.relative_to(build.parent)}")
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp)
        for wheel in wheels:
            shutil.copy(wheel, staging / wheel.name)
        full = staging / "full-lock.json"
        pyodide = Path(sys.executable).with_name("pyodide")
        _run([str(pyodide), "lockfile", "add-wheels", "--input", str(core / "pyodide-lock.json"),
              "--output", str(full), "--base-path", str(staging),
              *[str(staging / w.name) for w in wheels]])
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
