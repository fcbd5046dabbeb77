"""The sites the browser benchmark serves: the working tree's (or a git ref's) build, under a
root of symlinks with the bare Pyodide page and stock Pyodide beside it."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

from ..engine.wheels import DEPENDENCY_WHEELS
from .settings import BARE_FILES, BARE_PAGE, BASELINE_PAGE, ROOT, STOCK_DIR

def build_site(out: Path, source: Path = ROOT) -> None:
    print(f"Building the site of {source} into {out} …", file=sys.stderr)
    # PYTHONPATH first: another checkout's hooks import its own letter_py,
    # not the editable install of this one.
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out)],
        cwd=source, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(source)},
    )
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{result.stdout}{result.stderr}")


def build_baseline(ref: str, tmp: Path) -> Path:
    """The site as git ``ref`` built it, for an A/B of two versions in one run.

    A detached worktree of ``ref`` (removed afterwards) shares this checkout's
    node_modules and Python packages: only the project's own files differ.
    """
    tree = tmp / "baseline-src"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(tree), ref],
                   check=True)
    try:
        (tree / "node_modules").symlink_to(ROOT / "node_modules")
        out = tmp / "baseline-site"
        build_site(out, tree)
        return out
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)


def engine_paths(site: Path) -> tuple[str, str]:
    """The runtime folder and lockfile the letter page itself points at.

    Its boot config (#letter-boot, paths relative to the worker) or, in a page
    built before there was one, its data-runtime/data-lockfile attributes.
    """
    page = (site / "write" / "index.html").read_text()
    boot = re.search(r'<script type="application/json" id="letter-boot">(.*?)</script>', page, re.S)
    if boot:
        engine = json.loads(boot.group(1))["engine"]
        runtime, lockfile, base = engine["runtime"], engine["lockfile"], "/assets/letter/"
    else:
        found = [re.search(rf'data-{name}="([^"]+)"', page) for name in ("runtime", "lockfile")]
        if not all(found):
            sys.exit(f"{site}/write/index.html has no #letter-boot: is it the built site?")
        runtime, lockfile = (html.unescape(m.group(1)) for m in found)
        base = "/write/"

    def absolute(path: str) -> str:
        return path if path.startswith("/") else os.path.normpath(base + path) + ("/" if path.endswith("/") else "")

    return absolute(runtime), absolute(lockfile)


def make_root(site: Path, root: Path, baseline: Path | None = None) -> dict[str, str]:
    """Symlink the site into ``root`` and add the bare Pyodide page beside it.

    A ``baseline`` site (another version, for an A/B) goes under /baseline/:
    its pages' URLs are relative, so it runs there as at the root.
    Returns the paths the bare page loads and ``bare_page``, its URL with them.
    """
    root.mkdir()
    for entry in site.iterdir():
        (root / entry.name).symlink_to(entry.resolve())
    if baseline is not None:
        (root / BASELINE_PAGE.split("/")[1]).symlink_to(baseline.resolve())
    runtime, lockfile = engine_paths(site)
    (root / BARE_PAGE.strip("/")).symlink_to(BARE_FILES)
    # The standard library the letter page loads: the build's own (beside the
    # wheels) if it has one, else the runtime's.
    stdlib = lockfile.rsplit("/", 1)[0] + "/python_stdlib.zip"
    if not (site / stdlib.lstrip("/")).exists():
        stdlib = runtime + "python_stdlib.zip"
    paths = {"runtime": runtime, "lockfile": lockfile, "stdlib": stdlib}
    wheels = make_stock(root / STOCK_DIR.strip("/"), site / runtime.lstrip("/"))
    stock = {"runtime": STOCK_DIR, "wheels": ",".join(STOCK_DIR + w for w in wheels)}
    # The bare page's files are as they are: its URL tells it what to load.
    return {**paths, "bare_page": BARE_PAGE + "?" + urlencode(paths),
            "stock_page": BARE_PAGE + "?" + urlencode(stock)}


STOCK_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


def make_stock(folder: Path, runtime: Path) -> list[str]:
    """Stock Pyodide as npm publishes it, beside the Jinja2 and MarkupSafe wheels
    as published (the build's own download, before it byte-compiles them).

    Served with brotli twins too, so the precompressed server compresses it as
    it does the letter page (the wasm's is the build's, the same bytes).
    """
    import brotli  # in requirements.txt

    npm = ROOT / "node_modules" / "pyodide"
    folder.mkdir()
    for name in STOCK_FILES:
        (folder / name).symlink_to(npm / name)
        ours = runtime / (name + ".br")
        if name.endswith(".zip"):
            continue  # its members are deflated already; the build sends it as it is too
        if ours.exists() and (runtime / name).read_bytes() == (npm / name).read_bytes():
            (folder / (name + ".br")).symlink_to(ours)
        else:
            (folder / (name + ".br")).write_bytes(brotli.compress((npm / name).read_bytes(), quality=9))
    # By name: build/wheels also holds the builder page's segno, which the
    # letter page does not load.
    wheels = [name for _, name in DEPENDENCY_WHEELS.values()]
    for name in wheels:
        wheel = ROOT / "build" / "wheels" / name
        if not wheel.exists():
            sys.exit(f"{wheel} is missing: build the site first")
        (folder / name).symlink_to(wheel)
    return wheels
