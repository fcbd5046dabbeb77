"""The Pyodide runtime the page loads, copied from ``node_modules/pyodide``.

``build/runtime/<pyodide version>/`` holds only the three files a page loads,
their loaders scrubbed of Pyodide's CDN (the site names no other host).
Versioned, so hosts may cache it for a year. The big files also get ``.br``
and ``.gz`` siblings for hosts that serve precompressed files
(:func:`precompress_file`, which the site build uses for its own text files).
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

from ..site import vendored

try:
    import brotli  # in requirements.txt; without it only .gz files are written
except ImportError:
    brotli = None

RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
COMPRESSIBLE = (".wasm", ".mjs")  # the zips and wheels are deflated already


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

