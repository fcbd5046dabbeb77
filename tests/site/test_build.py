"""The real site build: strict, self-contained, and shipping only what pages need."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import zipfile
from pathlib import Path

from tests.paths import ROOT
from tests.site.site_build import Build

THIRD_PARTY = re.compile(r"""(?:src|href|action|poster|srcset)\s*=\s*["']?(?:https?:)?//""", re.I)


def test_mkdocs_build_strict_passes(build: Build):
    assert build.returncode == 0, build.output


def test_no_page_loads_anything_from_another_origin(site: Path):
    """Links to sources are fine (they are only followed on a click); loads are not."""
    offenders = []
    for page in site.rglob("*.html"):
        html = page.read_text()
        for tag in re.findall(r"<(?:script|img|link|iframe|source|video|audio|embed|object)\b[^>]*>", html, re.I):
            if THIRD_PARTY.search(tag):
                offenders.append(f"{page.relative_to(site)}: {tag}")
    assert offenders == []
    for css in site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", css.read_text()), css


def _contents(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        return gzip.decompress(data)
    if path.suffix == ".br":
        import brotli
        return brotli.decompress(data)
    return data


def test_no_file_names_a_third_party_host(site: Path):
    """Vendored scripts name no other host and no source maps ship (scripts/site/vendored.py),
    precompressed siblings included."""
    from scripts.site.vendored import THIRD_PARTY_HOSTS

    named = {str(path.relative_to(site)): host for path in site.rglob("*") if path.is_file()
             for host in THIRD_PARTY_HOSTS if host.encode() in _contents(path)}
    assert named == {}
    assert list(site.rglob("*.map")) == []


def test_scrub_makes_host_urls_same_origin_paths_and_drops_map_links():
    from scripts.site.vendored import scrub

    source = 'load(`https://cdn.jsdelivr.net/pyodide/v${v}/full/`);\n//# sourceMappingURL=a.mjs.map\n'
    assert scrub(source) == "load(`/pyodide/v${v}/full/`);\n"
    assert scrub("a{}\n/*# sourceMappingURL=main.css.map */") == "a{}\n"
    assert scrub('fetch("https://example.org/x")') == 'fetch("https://example.org/x")'


def test_ships_the_versioned_runtime_and_a_hashed_engine(site: Path):
    version = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"]
    runtime = site / "pyodide" / version
    assert sorted(p.name for p in runtime.iterdir()) == sorted(  # with .br/.gz for hosts that serve them
        name + suffix for name in ("pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs")
        for suffix in ("", ".br", ".gz")
    )
    (engine,) = (site / "engine").iterdir()
    lock = json.loads((engine / "pyodide-lock.json").read_text())
    assert set(lock["packages"]) == {"letter-py", "jinja2", "markupsafe"}
    for package in lock["packages"].values():
        wheel = engine / package["file_name"]
        # Compiled to bytecode for Pyodide's Python 3.14 by the build.
        assert wheel.name.endswith("-py314-none-any.whl"), wheel.name
        assert not [n for n in zipfile.ZipFile(wheel).namelist() if n.endswith(".py")], wheel.name
        assert hashlib.sha256(wheel.read_bytes()).hexdigest() == package["sha256"]
    # The standard library: what the engine imports is compiled, the rest stays
    # source, and what a letter renderer never reaches is left out.
    stdlib = zipfile.ZipFile(engine / "python_stdlib.zip").namelist()
    assert {"json/__init__.pyc", "asyncio/__init__.pyc", "email/message.pyc", "encodings/utf_8.pyc"} <= set(stdlib)
    assert "fractions.py" in stdlib and "json/__init__.py" not in stdlib
    assert not {"pydoc.py", "unittest/__init__.py", "unittest/", "encodings/cp1251.py", "difflib.py",
                "argparse.py", "_pydatetime.py"} & set(stdlib)
    (precompiled,) = engine.glob("campaign-*.bin")  # the campaign, compiled by the build
    assert sorted(p.name for p in engine.iterdir()) == sorted(
        ["pyodide-lock.json", "python_stdlib.zip", precompiled.name,
         *(p["file_name"] for p in lock["packages"].values())]
    )


def test_text_files_have_precompressed_siblings(site: Path):
    """For hosts that serve .br/.gz as they are (nginx brotli_static, Caddy precompressed)."""
    import brotli

    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 9
    for path in [*pages, *site.glob("assets/**/*.js"), *site.glob("assets/**/*.css")]:
        if path.stat().st_size < 1024:
            continue
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == path.read_bytes(), path
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == path.read_bytes(), path
    assert not list(site.rglob("*.map.br"))


def test_letter_page_references_the_built_engine(site: Path):
    html = (site / "write" / "index.html").read_text()
    (engine,) = (site / "engine").iterdir()
    assert f"engine/{engine.name}/pyodide-lock.json" in html
    assert 'type="module" src="../assets/letter/app.js"' in html


def test_fallback_letter_is_the_default_letter_from_letter_py(site: Path):
    """The no-JavaScript letter is rendered at build time by the same module."""
    import html as html_lib

    import letter_py

    expected = json.loads(letter_py.render_json(json.dumps({"date": ""})))["letters"][0]
    page = (site / "write" / "index.html").read_text()
    shown = re.search(r"<pre[^>]*data-email-text[^>]*>(.*?)</pre>", page, re.S).group(1)
    assert html_lib.unescape(shown) == expected["email_text"]
    assert expected["letter_html"] in page


def test_rebuilding_reuses_everything_when_nothing_changed():
    """A rebuild with unchanged inputs writes no file (so ``mkdocs serve`` stays quick)."""
    from scripts.engine import build as build_engine

    first = build_engine.build(ROOT)
    before = {path: src.stat().st_mtime_ns for path, src in first.site_files().items()}
    second = build_engine.build(ROOT)
    after = {path: src.stat().st_mtime_ns for path, src in second.site_files().items()}
    assert second == first
    assert after == before
