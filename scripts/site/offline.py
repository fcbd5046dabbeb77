"""The service worker and its precache manifest, written from the finished site.

``write(root)`` runs after a build (``hooks.on_post_build``) and reads
the site folder as it will be published, every edition in it (the Spanish
one under ``es/`` is built after the English one, and its own build calls
this again, so the manifest always covers the whole folder). It writes
``sw.js`` at the root: ``scripts/site/service_worker/sw.js`` with the manifest in
it. The manifest lists every file a visitor may need, each with its sha256
(the worker checks each body before keeping it), in groups the pages ask for:

``pages:<lang>``
    Every page whose ``<html lang>`` is that language, and the files those
    pages share (styles, scripts, icons, that edition's search index).
``engine``
    The letter page's runtime and engine folders (versioned by name).
``builder``
    What only the "Set up your town" page adds to the engine (segno's wheel,
    under ``wheels/``): organizers' pages ask for it, visitors' pages do not,
    so a visitor's browser never downloads the QR library it will not run.

Its ``version`` is a hash of the manifest, so a build that changes any file
gives a new ``sw.js`` and browsers install it; an unchanged build gives the
same bytes, and nothing is downloaded again.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from .builder_page import SITE_FOLDER

HERE = Path(__file__).resolve().parent / "service_worker"
TEMPLATE = HERE / "sw.js"
RETIRE = HERE / "retire.js"
WORKER = "sw.js"
MARKER = "/*OFFLINE_MANIFEST*/ { version: \"\", files: {}, groups: {}, prefixes: {} }"

# Not served to visitors' pages, or not needed by them: precompressed twins,
# the host's header file, the worker itself, the sitemap (for crawlers).
SKIP_SUFFIXES = (".br", ".gz", ".map")
SKIP_NAMES = {"_headers", WORKER, "sitemap.xml"}
# Lunr's word splitters for Thai and Japanese, and its other languages'
# stemmers: each edition's search worker loads only its own language's (an
# edition has its own copy of Material's assets, under its folder).
LUNR = "assets/javascripts/lunr/"
LUNR_ALWAYS = ("min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js")
# At an edition's root, what belongs to that edition alone: its search index
# and its app manifest (the root's are the main edition's, not shared).
EDITION_OWN = ("search/", "manifest.webmanifest")
_LANG = re.compile(rb"<html[^>]*\blang=\"([A-Za-z-]+)\"", re.I)


def page_language(path: Path) -> str | None:
    match = _LANG.search(path.read_bytes()[:2048])
    return match.group(1).decode().split("-")[0].lower() if match else None


def url_of(rel: str) -> str:
    """The URL (relative to the site root) pages link to: folders, not index.html."""
    if rel == "index.html":
        return ""
    return rel[: -len("index.html")] if rel.endswith("/index.html") else rel


def _wanted(rel: str, editions: dict[str, str], root_lang: str) -> bool:
    name = rel.rsplit("/", 1)[-1]
    if name in SKIP_NAMES or name.endswith(SKIP_SUFFIXES) or name.startswith("."):
        return False
    top, _, inside = rel.partition("/")
    prefix, lang = (top + "/", editions[top]) if top in editions else ("", root_lang)
    if rel.startswith(prefix + LUNR):
        lunr = rel[len(prefix + LUNR):]
        return lunr in LUNR_ALWAYS or (lang != "en" and lunr == f"min/lunr.{lang}.min.js")
    return True


def collect(root: Path, versioned: tuple[str, ...] = ("pyodide/", "engine/")) -> dict:
    """The precache manifest of the site folder ``root`` (see the module docstring)."""
    root = Path(root)
    paths = sorted(p for p in root.rglob("*") if p.is_file())
    rels = [p.relative_to(root).as_posix() for p in paths]
    lang_of_page = {rel: page_language(root / rel) for rel in rels if rel.endswith(".html")}
    languages = {lang for lang in lang_of_page.values() if lang}
    # An edition is a top-level folder whose front page is in another language
    # than the root's: its files (its search index) belong to its language only.
    root_lang = lang_of_page.get("index.html") or "en"
    editions = {rel.split("/", 1)[0]: lang for rel, lang in lang_of_page.items()
                if rel.count("/") == 1 and rel.endswith("/index.html") and lang and lang != root_lang}
    files: dict[str, str] = {}
    groups: dict[str, list[str]] = {f"pages:{lang}": [] for lang in sorted(languages)}
    groups["engine"] = []
    groups["builder"] = []
    for rel in rels:
        if not _wanted(rel, editions, root_lang):
            continue
        url = url_of(rel)
        files[url] = hashlib.sha256((root / rel).read_bytes()).hexdigest()
        if rel.startswith(versioned):
            groups["engine"].append(url)
        elif rel.startswith(SITE_FOLDER):
            groups["builder"].append(url)
        elif rel in lang_of_page and lang_of_page[rel]:
            groups[f"pages:{lang_of_page[rel]}"].append(url)
        elif (top := rel.split("/", 1)[0]) in editions:
            groups[f"pages:{editions[top]}"].append(url)
        elif rel.startswith(EDITION_OWN):
            groups[f"pages:{root_lang}"].append(url)
        else:
            for lang in languages:  # shared by every edition
                groups[f"pages:{lang}"].append(url)
    body = {"files": files, "groups": groups,
            "prefixes": {"versioned": list(versioned), "engine": list(versioned), "builder": [SITE_FOLDER]}}
    version = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]
    return {"version": version, **body}


def worker_source(manifest: dict) -> str:
    template = TEMPLATE.read_text(encoding="utf-8")
    if MARKER not in template:
        raise ValueError(f"{TEMPLATE} has lost its manifest marker")
    return template.replace(MARKER, json.dumps(manifest, sort_keys=True, separators=(",", ":")))


def write(root: Path, *, retire: bool = False) -> dict | None:
    """Write ``root/sw.js``: the worker with the manifest, or the retiring worker.

    Returns the manifest (None when retiring).
    """
    target = Path(root) / WORKER
    if retire:
        target.write_text(RETIRE.read_text(encoding="utf-8"), encoding="utf-8")
        return None
    manifest = collect(root)
    target.write_text(worker_source(manifest), encoding="utf-8")
    return manifest
