"""Offline after one visit, new deploys reaching returning visitors, no
prefetch when the visitor saves data, and what the service worker keeps.

The real build's sw.js (scripts/site/offline.py) in Debian's Chromium: the site's
server is the test server, and ``context.set_offline(True)`` cuts the
network as airplane mode would.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import time
import struct
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from scripts.shared.static_server import StaticServer
from scripts.site import offline
from tests.site.cache_storage import CACHE_PREFIX, entries, precache_manifest, wait_offline_ready
from tests.site import directory_towns
from tests.site.editions import HOMES, LANGS, LETTER_PATHS, page_path
from tests.site.letter_page import LetterPage, wait_for_engine
from tests.site.visits import Visit, new_visit
from tests.strings import strings

MARKER = "Qv8Offline"  # typed into the form; must never be in Cache Storage


def until(page: Page, script: str, arg=None, timeout_s: float = 30) -> None:
    """Until the async ``script`` gives a truthy value (wait_for_function
    takes the promise an async function returns as the truthy value itself)."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"timed out: {script}"
        page.wait_for_timeout(200)


def language_pages(site: Path, lang: str = "en") -> list[str]:
    """Every page of one language, as the visitor's browser requests it."""
    manifest = precache_manifest(site)
    return ["/" + key for key in manifest["groups"][f"pages:{lang}"]
            if key == "" or key.endswith("/") or key.endswith(".html")]


def type_into_letter(page: Page, text: str, lang: str = "en") -> None:
    """Types the sender's name and a personal line, by the edition's labels."""
    t = strings(lang)
    page.get_by_role("group", name=t["section.sender"]).get_by_label(t["sender.name"]).fill(text)
    page.get_by_label(t["personal.label"]).fill(f"{text} cares.")


@pytest.mark.parametrize("lang", LANGS)
def test_offline_after_one_visit(visit: Visit, site: Path, lang: str):
    letter_page = LETTER_PATHS[lang]
    page = visit.open_letter_page(letter_page)
    wait_offline_ready(page)
    page.close()
    visit.context.set_offline(True)
    try:
        page = visit.open_letter_page(letter_page)
        type_into_letter(page, "Offline Writer", lang)
        expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text("Offline Writer cares.")
        expect(page.locator("#engine-failed")).to_be_hidden()
        # The officials directory is part of the offline copy: a town is looked up with no network.
        town, official = directory_towns.with_official(site, stale=False)
        letter = LetterPage(page, lang)
        letter.choose_town(town["name"])
        expect(letter.recipient(1).get_by_label(letter.t["recipient.name"])).to_have_value(official["name"])
        pages = language_pages(site, lang)
        assert letter_page in pages and HOMES[lang] in pages and page_path(lang, "privacy.md") in pages, pages
        for path in pages:
            response = page.goto(visit.server.origin + path)
            assert response is not None and response.ok, path
            assert page.title(), path
            assert page.locator("html").get_attribute("lang") == lang, path
            if not path.endswith("404.html"):
                expect(page.locator("article h1").first).to_be_visible()
    finally:
        visit.context.set_offline(False)


def test_cache_holds_only_the_sites_files_and_nothing_typed(visit: Visit, site: Path):
    page = visit.open_letter_page()
    type_into_letter(page, MARKER)
    expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text(MARKER)
    wait_offline_ready(page)
    page.reload()  # a visit served by the worker, with the form typed into again
    wait_for_engine(page)
    type_into_letter(page, MARKER)
    expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text(MARKER)
    manifest = precache_manifest(site)
    cached = entries(page)
    assert cached, "the service worker kept nothing"
    names = {e.cache for e in cached}
    assert names == {f"{CACHE_PREFIX}/:{manifest['version']}"}
    for entry in cached:
        url = urlsplit(entry.url)
        assert f"{url.scheme}://{url.netloc}" == visit.server.origin, entry.url
        assert url.query == "" and url.fragment == "", entry.url
        key = url.path.removeprefix("/")
        assert key in manifest["files"], entry.url
        assert hashlib.sha256(entry.body).hexdigest() == manifest["files"][key], entry.url
        assert MARKER.lower().encode() not in entry.body.lower(), entry.url
        assert MARKER.lower() not in entry.url.lower()
    keys = {urlsplit(e.url).path.removeprefix("/") for e in cached}
    assert set(manifest["groups"]["engine"]) <= keys
    assert set(manifest["groups"]["pages:en"]) <= keys
    assert not keys & set(manifest["groups"]["builder"])  # the organizers' page's wheel


# navigator.connection cannot be set by a request header (Save-Data is a
# header the browser sends, not one it reads), and Chromium's network
# emulation sets no saveData; so an init script gives the page the
# connection object a browser with data saving on (or a 2G link) reports.
CONNECTION = """Object.defineProperty(Navigator.prototype, "connection", {
    configurable: true,
    get: () => ({saveData: %s, effectiveType: "%s", downlink: 0.2, rtt: 1800,
                 addEventListener() {}, removeEventListener() {}}),
});"""


@pytest.mark.parametrize("save_data, effective_type, prefetches", [
    (True, "4g", False),
    (False, "2g", False),
    (False, "slow-2g", False),
    (False, "4g", True),  # the control: the same visit does prefetch otherwise
])
def test_no_prefetch_when_saving_data(make_visit, site: Path, save_data: bool, effective_type: str,
                                      prefetches: bool):
    visit = make_visit()
    visit.context.add_init_script(CONNECTION % ("true" if save_data else "false", effective_type))
    page = visit.open("/")
    assert page.evaluate("navigator.connection.saveData") is save_data
    # The worker registers either way (pages visited are kept as they load).
    until(page, "async () => !!(await navigator.serviceWorker.getRegistration())", timeout_s=20)
    if prefetches:
        wait_offline_ready(page)
    else:
        page.wait_for_timeout(4000)
    engine = [p for p in visit.server.state.paths() if p.startswith(("/pyodide/", "/engine/"))]
    cached = [e.url for e in entries(page) if "/pyodide/" in e.url or "/engine/" in e.url]
    if prefetches:
        assert engine and cached
    else:
        assert engine == [] and cached == []
        assert page.evaluate("document.documentElement.dataset.offline") is None


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    assert zlib.crc32(data[12:29]) == struct.unpack(">I", data[29:33])[0]
    return width, height


def test_web_app_manifest_and_icons(visit: Visit, site: Path):
    page = visit.open("/privacy/")
    href = page.locator("link[rel='manifest']").get_attribute("href")
    url = page.evaluate("(href) => new URL(href, location.href).href", href)
    assert url == visit.server.origin + "/manifest.webmanifest"
    response = page.request.get(url)
    assert response.ok and response.headers["content-type"].startswith("application/manifest+json")
    manifest = response.json()
    assert manifest["name"] and manifest["short_name"] and manifest["lang"] == "en"
    assert manifest["start_url"] == "write/" and manifest["scope"] == "./"
    assert manifest["theme_color"] == page.locator("meta[name='theme-color']").first.get_attribute("content")
    sizes = set()
    for icon in manifest["icons"]:
        data = (site / icon["src"]).read_bytes()
        width, height = png_size(data)
        assert icon["sizes"] == f"{width}x{height}" and icon["type"] == "image/png"
        sizes.add(width)
    assert sizes == {192, 512}
    # Every page links it.
    for html in site.rglob("*.html"):
        assert 'rel="manifest"' in html.read_text(encoding="utf-8"), html


def test_tampered_wheel_in_the_cache_is_refused(visit: Visit, site: Path):
    """The worker's Subresource Integrity check holds for files the service worker serves."""
    page = visit.open_letter_page()
    wait_offline_ready(page)
    (folder,) = (site / "engine").iterdir()
    (wheel,) = [p for p in folder.iterdir() if p.name.startswith("letter_py-") and p.suffix == ".whl"]
    url = f"{visit.server.origin}/engine/{folder.name}/{wheel.name}"
    # Changed as test_faults changes it: still a zip Python would open.
    original = wheel.read_bytes()
    tampered = original.replace(b"Dear", b"Deer") if b"Dear" in original else original + b"\0"
    replaced = page.evaluate("""async ([url, b64]) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        let replaced = 0;
        for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            if (!(await cache.match(url))) continue;
            await cache.put(url, new Response(bytes, {headers: {"Content-Type": "application/zip"}}));
            replaced += 1;
        }
        return replaced;
    }""", [url, base64.b64encode(tampered).decode()])
    assert replaced == 1
    # Online, the worker fetches the runtime and engine through the HTTP cache
    # (sw.js, respondVersioned); offline, Cache Storage answers.
    visit.context.set_offline(True)
    try:
        page.reload()
        failed = page.locator("#engine-failed")
        expect(failed).to_be_visible(timeout=20_000)
        expect(failed).to_contain_text("could not start")
        assert page.locator("[data-letter-app]").get_attribute("data-engine") != "ready"
    finally:
        visit.context.set_offline(False)


# ---- a new deploy ---------------------------------------------------------------

def copy_site(site: Path, to: Path) -> Path:
    """A copy to change as a new deploy would (hard links: unchanged files cost nothing)."""
    shutil.copytree(site, to, copy_function=os.link)
    return to


def redeploy(root: Path, page: str, old: str, new: str) -> None:
    """Change one page's text and write the new build's sw.js, as a build would."""
    path = root / page
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.unlink()  # a hard link: the original site stays as it was
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    (root / offline.WORKER).unlink()
    offline.write(root)


def test_new_deploy_reaches_a_returning_visitor_within_two_visits(browser: Browser, site: Path, tmp_path: Path):
    root = copy_site(site, tmp_path / "deploy")
    with StaticServer(root) as server:
        visit = new_visit(browser, server)
        try:
            page = visit.open_letter_page()
            wait_offline_ready(page)
            old_version = precache_manifest(root)["version"]
            page.goto(server.origin + "/privacy/")
            expect(page.locator("article h1")).not_to_contain_text("updated")
            redeploy(root, "privacy/index.html", 'id="privacy">Privacy<', 'id="privacy">Privacy, updated<')
            new_version = precache_manifest(root)["version"]
            assert new_version != old_version
            seen = []
            for _ in range(2):  # two visits, a little apart, as a returning visitor's are
                page.goto(server.origin + "/privacy/")
                seen.append(page.locator("article h1").inner_text())
                # Between visits the new worker installs and takes over: its cache alone is left.
                until(page, "async (name) => (await caches.keys()).join() === name",
                      f"{CACHE_PREFIX}/:{new_version}")
            assert "Privacy, updated" in seen[-1], (seen, server.state.paths()[-12:])
            # The old cache is gone, and the visitor is still ready offline with the new build.
            names = page.evaluate("caches.keys()")
            assert names == [f"{CACHE_PREFIX}/:{new_version}"]
            until(page, "async (n) => (await (await caches.open(n)).keys()).length >= 40", names[0])
            visit.context.set_offline(True)
            page.goto(server.origin + "/privacy/")
            expect(page.locator("article h1")).to_contain_text("Privacy, updated")
            page = visit.open_letter_page()
            expect(page.locator("#engine-failed")).to_be_hidden()
        finally:
            visit.context.close()
        assert visit.foreign == []
