"""What the main build's ``on_post_build`` writes beside the pages: the engine's
files, the officials directory, and ``.br``/``.gz`` siblings of the text files."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import letter_py.directory
from mkdocs.exceptions import PluginError

from ..engine.runtime import precompress_file

# The officials directory the letter page looks towns up in, on the visitor's
# device: one file for every edition, named by its content so a host may cache
# it for good (docs/assets/letter/directory.js fetches it whole, once).
DIRECTORY_FOLDER = "assets/directory/"

# The site's own text files get .br/.gz siblings too (the runtime's come from
# the engine build), for hosts that serve precompressed files. Skipped by
# `mkdocs serve`: it rebuilds often.
TEXT_SUFFIXES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


def directory_file() -> tuple[str, str]:
    """The directory's site path and JSON text: the committed snapshot with the
    corrections file applied (letter_py.directory); a bad correction stops the build."""
    try:
        data = letter_py.directory.load_site_data()
    except letter_py.directory.DirectoryError as error:
        raise PluginError(f"The officials directory: {error}") from None
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    return f"{DIRECTORY_FOLDER}{data['state'].lower()}.{digest}.json", text


def write_directory(site: Path, directory: tuple[str, str]) -> None:
    directory_path, directory_text = directory
    shutil.rmtree(site / DIRECTORY_FOLDER, ignore_errors=True)  # an older build's file
    (site / directory_path).parent.mkdir(parents=True, exist_ok=True)
    (site / directory_path).write_text(directory_text, encoding="utf-8")


def copy(source: Path, dest: Path) -> None:
    """``dest`` as ``source``, hard-linked where it can be, unless it is up to date already."""
    if dest.exists() and dest.stat().st_size == source.stat().st_size \
            and dest.stat().st_mtime >= source.stat().st_mtime:
        return
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        if dest.exists():
            dest.unlink()
        os.link(source, dest)  # the 13 MB runtime need not be copied on every rebuild
    except OSError:
        shutil.copy2(source, dest)


def precompress_site(site: Path, engine_folders: tuple[Path, ...]) -> None:
    """``.br``/``.gz`` siblings of the site's text files, outside the engine's own folders.

    Each edition has its own copy of Material's assets: compressed once, copied.
    """
    compressed: dict[str, Path] = {}
    for path in sorted(site.rglob("*")):
        if path.suffix in TEXT_SUFFIXES and path.is_file() and path.stat().st_size >= 1024 \
                and not any(folder in path.parents for folder in engine_folders):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if first := compressed.get(digest):
                for suffix in (".gz", ".br"):
                    if (sibling := first.with_name(first.name + suffix)).exists():
                        copy(sibling, path.with_name(path.name + suffix))
            else:
                compressed[digest] = path
                precompress_file(path)
