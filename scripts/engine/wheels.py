"""The engine's wheels: ``letter_py`` built from a clean copy of its sources,
Jinja2 as published, and a pure-Python MarkupSafe.

Each is cached under ``build/wheels/``; the ``letter_py`` wheel by a
:func:`~.common.cache_key` of its sources and of this recipe (this file and
the catalogue compiler), so editing either rebuilds it.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from . import catalogues
from .common import SOURCE_DATE_EPOCH, cache_key, log, run

# Pinned to the versions Pyodide 314's own lockfile lists, so the browser runs
# what CPython runs (requirements.txt pins the same for the build and tests).
DEPENDENCY_WHEELS = {
    "jinja2": ("3.1.6", "jinja2-3.1.6-py3-none-any.whl"),
    "markupsafe": ("3.0.3", "markupsafe-3.0.3-py3-none-any.whl"),
}
# The files that decide what the letter_py wheel holds besides its sources.
WHEEL_RECIPE = (Path(__file__).resolve(), Path(catalogues.__file__).resolve())


def dependency_wheels(cache: Path) -> list[Path]:
    """Jinja2 as published; MarkupSafe built from its sdist without the C speed-up.

    PyPI has no wasm wheel of MarkupSafe, and its setup falls back to pure Python
    when the compiler fails, which ``CC=false`` guarantees.
    """
    cache.mkdir(parents=True, exist_ok=True)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    jinja_version, jinja_file = DEPENDENCY_WHEELS["jinja2"]
    if not (cache / jinja_file).exists():
        log(f"downloading Jinja2 {jinja_version}")
        run([*pip, "download", "--no-deps", "--only-binary", ":all:", "-d", str(cache),
              f"jinja2=={jinja_version}"])
    ms_version, ms_file = DEPENDENCY_WHEELS["markupsafe"]
    if not (cache / ms_file).exists():
        log(f"building a pure-Python MarkupSafe {ms_version} wheel")
        env = {**os.environ, "CC": "false", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
        run([*pip, "wheel", "--no-deps", "--no-binary", "markupsafe", "-w", str(cache),
              f"markupsafe=={ms_version}"], env=env)
    return [cache / jinja_file, cache / ms_file]


# letter_py's parts the browser never runs: the officials directory (its
# build, data and CLI; the page reads the JSON the site build ships instead)
# and the command line (``letter-py``, ``python -m letter_py``, CSV batches).
# Left out of the wheel and of its inputs, so a directory refresh or a CLI edit
# rebuilds no engine. tests/site/test_build_engine.py checks no module the
# wheel keeps imports them.
NOT_IN_BROWSER = ("directory", "cli.py", "campaign_link_cli.py", "batch.py", "__main__.py")
# The wheel's METADATA is never read in a browser tab, and the project's README
# in it would be some 5 KB of every visitor's first download: the wheel's
# README says where the real one is.
WHEEL_README = "letter_py, as the letter page's engine runs it: see README.md in the project.\n"


def _in_browser(relative: Path) -> bool:
    """Whether a path inside letter_py/ belongs in the browser's wheel."""
    return not (relative.parts and relative.parts[0] in NOT_IN_BROWSER)


def _source_files(root: Path) -> list[Path]:
    package = root / "letter_py"
    # The .mo catalogues are made from the .po sources (Babel), so they are not inputs.
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".mo"
             and _in_browser(p.relative_to(package))]
    return sorted(files) + [root / "pyproject.toml"]


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
    catalogues are compiled there from their ``.po`` sources (Babel, :mod:`.catalogues`), so
    the wheel never carries a stale ``.mo`` from the checkout.
    """
    sources = (part for path in _source_files(root) for part in (path.relative_to(root).as_posix(), path))
    target = cache / "letter_py" / cache_key(*WHEEL_RECIPE, *sources)
    existing = sorted(target.glob("letter_py-*.whl")) if target.exists() else []
    if existing:
        return existing[0]
    log("building the letter_py wheel")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(root / "letter_py", src / "letter_py", ignore=_copy_ignore(root / "letter_py"))
        catalogues.compile_all(src / "letter_py")
        shutil.copy(root / "pyproject.toml", src / "pyproject.toml")
        (src / "README.md").write_text(WHEEL_README, encoding="utf-8")
        out = Path(tmp) / "out"
        env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
        run([sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", "wheel",
              "--no-deps", "--no-build-isolation", "-w", str(out), str(src)], env=env)
        target.mkdir(parents=True, exist_ok=True)
        (wheel,) = out.glob("letter_py-*.whl")
        return Path(shutil.copy(wheel, target / wheel.name))

