"""scripts/site/offline.py: the precache manifest of the real build, and of a site
folder with a second edition in it (the Spanish one under es/, built after
the English one into the same folder)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from scripts.site import builder_page, offline, security_headers

from tests.site.cache_storage import precache_manifest


def test_manifest_lists_the_sites_files_with_their_hashes(site: Path):
    manifest = precache_manifest(site)
    assert manifest == offline.collect(site)  # the build wrote what the folder holds now
    for key, sha in manifest["files"].items():
        path = site / (key + "index.html" if key == "" or key.endswith("/") else key)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == sha, key
        assert not key.endswith((".br", ".gz", ".map")) and "?" not in key
    assert "sw.js" not in manifest["files"] and "_headers" not in manifest["files"]
    assert "write/" in manifest["groups"]["pages:en"] and "" in manifest["groups"]["pages:en"]
    engine = manifest["groups"]["engine"]
    assert any(k.endswith("pyodide.asm.wasm") for k in engine) and any(k.endswith(".whl") for k in engine)
    assert all(k.startswith(("pyodide/", "engine/")) for k in engine)
    # segno's wheel is the builder page's alone: no visitor's page asks for it.
    assert manifest["groups"]["builder"] == [f"wheels/{builder_page.SEGNO_WHEEL}"]
    # Its folder, as the engine's, lets an update carry the group over when
    # the wheel's name (its version) changes.
    assert manifest["prefixes"]["builder"] == ["wheels/"]
    assert not any(k.startswith("wheels/") for name, group in manifest["groups"].items()
                   if name != "builder" for k in group)
    # Lunr's other languages stay out; the search worker needs none of them for English.
    assert not any("lunr.ar" in k or "wordcut" in k for k in manifest["files"])
    # Each edition's search worker needs only its own stemmer.
    assert "es/assets/javascripts/lunr/min/lunr.es.min.js" in manifest["files"]
    assert not any("lunr.es" in k for k in manifest["files"] if not k.startswith("es/"))
    # Every page of the site is in its language's group, and only there.
    assert "es/escribir/" in manifest["groups"]["pages:es"] and "es/" in manifest["groups"]["pages:es"]
    for path in site.rglob("index.html"):
        folder = path.relative_to(site).parent.as_posix()
        url = "" if folder == "." else folder + "/"
        lang = offline.page_language(path)
        assert url in manifest["groups"][f"pages:{lang}"], url
        assert not any(url in group for name, group in manifest["groups"].items()
                       if name.startswith("pages:") and name != f"pages:{lang}"), url


def page(lang: str) -> str:
    return f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head><body></body></html>'


def test_a_second_edition_gets_its_own_group(tmp_path: Path):
    (tmp_path / "write").mkdir()
    (tmp_path / "index.html").write_text(page("en"))
    (tmp_path / "write" / "index.html").write_text(page("en"))
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text("{}")
    (tmp_path / "es" / "escribir").mkdir(parents=True)
    (tmp_path / "es" / "index.html").write_text(page("es"))
    (tmp_path / "es" / "escribir" / "index.html").write_text(page("es"))
    (tmp_path / "es" / "search").mkdir()
    (tmp_path / "es" / "search" / "search_index.json").write_text("{}")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("body{}")
    (tmp_path / "index.html.br").write_bytes(b"x")
    manifest = offline.collect(tmp_path)
    assert set(manifest["groups"]["pages:en"]) == {"assets/site.css", "", "search/search_index.json", "write/"}
    assert set(manifest["groups"]["pages:es"]) == {"assets/site.css", "es/", "es/escribir/", "es/search/search_index.json"}
    assert manifest["groups"]["engine"] == []
    # A change to any file gives a new version, so a new sw.js.
    (tmp_path / "es" / "escribir" / "index.html").write_text(page("es") + " ")
    assert offline.collect(tmp_path)["version"] != manifest["version"]


def test_retiring_worker(tmp_path: Path):
    offline.write(tmp_path, retire=True)
    source = (tmp_path / "sw.js").read_text()
    assert "unregister()" in source and "OFFLINE" not in source


def test_the_worker_is_always_revalidated_and_allowed(site: Path):
    headers = (site / "_headers").read_text()
    assert "/sw.js\n  Cache-Control: no-cache" in headers
    assert "worker-src 'self';" in security_headers.policy([])
    manifest = json.loads((site / "manifest.webmanifest").read_text())
    assert (site / manifest["start_url"] / "index.html").exists()
