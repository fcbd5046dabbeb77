"""The Spanish edition in the built site: languages, links between them, search, sharing.

mkdocs.es.yml builds docs/es/ into site/es/ from the English build
(scripts/site/i18n_site.py). These read the files of the session's build; the
sitemap and the hreflang links, which need a ``site_url`` (their URLs are
whole), are checked on a second build that has one.
"""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

import letter_py
from tests.paths import ROOT
from tests.site.standards import html_pages
from tests.strings import SAME_IN_EVERY_LANGUAGE, strings

SPANISH_DOCS = ROOT / "docs" / "es"
ENGLISH_DOCS = ROOT / "docs"
SITE_URL = "https://example.org/letters/"


class Page(HTMLParser):
    """What these tests read of one built page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.hreflang: dict[str, str] = {}  # <link rel="alternate" hreflang>
        self.switcher: dict[str, str] = {}  # the language menu's links
        self.current: list[str] = []
        self.scripts: dict[str, str] = {}  # data blocks by id (and code, pre)
        self.text: list[str] = []  # what a visitor reads, but code and letters (pre)
        self._in: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.hreflang[a["hreflang"]] = a["href"]
        if tag == "a" and "md-select__link" in (a.get("class") or ""):
            self.switcher[a["hreflang"]] = a["href"]
            if a.get("aria-current") == "true":
                self.current.append(a["hreflang"])
        if tag in ("script", "style", "pre", "code"):
            self._in.append(a.get("id") or tag)
        for name in ("aria-label", "title", "placeholder", "data-invite-subject", "data-invite-text"):
            if a.get(name):
                self.text.append(a[name])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "pre", "code") and self._in:
            self._in.pop()

    def handle_data(self, data):
        if self._in:
            self.scripts[self._in[-1]] = self.scripts.get(self._in[-1], "") + data
        elif data.strip():
            self.text.append(data)


def read(site: Path, path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def url_of(site: Path, path: Path) -> str:
    """A page's path on the server: /es/escribir/ for site/es/escribir/index.html."""
    rel = path.relative_to(site).as_posix()
    return "/" + rel.removesuffix("index.html")


def resolve(page_url: str, href: str) -> str:
    if href.startswith("/"):
        return href
    joined = posixpath.normpath(posixpath.join(page_url, href))
    return joined + ("/" if (href.endswith("/") or href.endswith(".")) and joined != "/" else "")


def content_pages(site: Path) -> list[Path]:
    return [p for p in html_pages(site) if p.name == "index.html"]


def translations() -> dict[str, str]:
    """English page -> Spanish page, from the Spanish pages' translation_of:."""
    pairs = {}
    for path in sorted(SPANISH_DOCS.glob("*.md")):
        original = get_data(path.read_text(encoding="utf-8"))[1].get("translation_of")
        if original:
            pairs[original] = path.name
    return pairs


def page_url(src: str, prefix: str) -> str:
    return "/" + prefix + ("" if src == "index.md" else src.removesuffix(".md") + "/")


# ---- languages -------------------------------------------------------------------


def test_every_english_page_has_a_spanish_translation():
    english = sorted(p.name for p in ENGLISH_DOCS.glob("*.md"))
    assert sorted(translations()) == english


def test_each_edition_has_its_language(site: Path):
    pages = html_pages(site)
    spanish = [p for p in pages if p.relative_to(site).parts[0] == "es"]
    assert len(spanish) == len(translations()) + 1  # and its 404 page
    wrong = {url_of(site, p): read(site, p).lang for p in pages
             if read(site, p).lang != ("es" if p in spanish else "en")}
    assert wrong == {}


def test_spanish_pages_have_material_in_spanish(site: Path):
    html = (site / "es" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Buscar"' in html and "Saltar a contenido" in html
    assert "Skip to content" not in html
    assert "Cambiar al modo oscuro" in html and "Switch to dark mode" not in html


def test_spanish_404_page(site: Path):
    page = read(site, site / "es" / "404.html")
    assert page.lang == "es" and "404 - Página no encontrada" in page.text


# ---- links between the languages -------------------------------------------------


def pairs() -> list[tuple[str, str]]:
    """(English page's URL, its Spanish translation's URL) on the server."""
    return [(page_url(english, ""), page_url(spanish, "es/")) for english, spanish in translations().items()]


def test_the_language_menu_goes_to_the_same_page_in_the_other_language_both_ways(site: Path):
    for en_url, es_url in pairs():
        for url, lang in ((en_url, "en"), (es_url, "es")):
            page = read(site, site / url.lstrip("/") / "index.html")
            links = {lang: resolve(url, href) for lang, href in page.switcher.items()}
            assert links == {"en": en_url, "es": es_url}, url
            assert page.current == [lang], url
    for path, lang in (("404.html", "en"), ("es/404.html", "es")):
        page = read(site, site / path)
        assert page.switcher == {"en": "/", "es": "/es/"} and page.current == [lang], path


def test_hreflang_links_are_whole_urls_or_none(site: Path):
    """Search engines and Lighthouse take only fully qualified hreflang URLs: without a
    site_url (as mkdocs.yml ships) the build cannot know them, and writes none."""
    assert {url_of(site, p): read(site, p).hreflang for p in html_pages(site) if read(site, p).hreflang} == {}


def test_hreflang_links_join_every_page_to_its_translation_both_ways(site_with_url: Path):
    for en_url, es_url in pairs():
        en, es = SITE_URL + en_url.lstrip("/"), SITE_URL + es_url.lstrip("/")
        for url in (en_url, es_url):
            page = read(site_with_url, site_with_url / url.lstrip("/") / "index.html")
            assert page.hreflang == {"en": en, "es": es, "x-default": en}, url
    for path in ("404.html", "es/404.html"):
        page = read(site_with_url, site_with_url / path)
        assert page.hreflang == {"en": SITE_URL, "es": SITE_URL + "es/", "x-default": SITE_URL}, path


# ---- search ----------------------------------------------------------------------


def test_each_language_has_its_own_search_index(site: Path):
    english = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    spanish = json.loads((site / "es" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"] and spanish["config"]["lang"] == ["es"]
    assert not any(doc["location"].startswith("es/") for doc in english["docs"])
    english_text = " ".join(doc["text"] for doc in english["docs"])
    spanish_text = " ".join(doc["text"] for doc in spanish["docs"])
    assert "trata de personas" in spanish_text and "trata de personas" not in english_text
    assert "commercial sexual exploitation" in english_text
    assert "commercial sexual exploitation" not in spanish_text


# ---- what the editions share ------------------------------------------------------


def test_the_spanish_edition_uses_the_roots_runtime_engine_and_page_scripts(site: Path):
    assert not (site / "es" / "pyodide").exists() and not (site / "es" / "engine").exists()
    assert not (site / "es" / "assets" / "letter").exists()

    def loads(url: str) -> tuple[dict, list[str]]:
        html = (site / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
        page = Page(html)
        boot = json.loads(page.scripts["letter-boot"])
        worker = resolve(url, boot["worker"])
        engine = {key: resolve(worker.rsplit("/", 1)[0] + "/", value)
                  for key, value in boot["engine"].items() if key in ("runtime", "lockfile", "precompiled")}
        assets = sorted(resolve(url, href) for href in re.findall(r'(?:href|src)="([^"]*assets/letter/[^"]*)"', html))
        return {"worker": worker, **engine}, assets

    english, spanish = loads("/write/"), loads("/es/escribir/")
    assert spanish == english
    assert english[0]["worker"] == "/assets/letter/worker.js"
    for url in [*english[0].values(), *english[1]]:
        target = site / url.lstrip("/")
        assert target.is_file() or target.is_dir() or target.with_name(target.name + ".js").exists(), url


def test_headers_allow_the_inline_scripts_of_every_page_in_both_languages(site: Path):
    """One _headers for both editions: an edition built later must not replace the other's hashes."""
    allowed = set(re.findall(r"'sha256-[^']+'", (site / "_headers").read_text()))
    for path in html_pages(site):
        meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', path.read_text(encoding="utf-8"))
        assert meta, path
        assert set(re.findall(r"'sha256-[^']+'", meta.group(1))) <= allowed, path


def test_spanish_pages_are_precompressed_too(site: Path):
    assert (site / "es" / "escribir" / "index.html.br").exists()
    assert (site / "es" / "escribir" / "index.html.gz").exists()


# ---- the letter page in Spanish ---------------------------------------------------


def test_the_spanish_letter_page_carries_the_spanish_strings(site: Path):
    page = read(site, site / "es" / "escribir" / "index.html")
    assert json.loads(page.scripts["page-strings"]) == strings("es")
    assert "¿Cómo quiere dirigirse a esta persona?" in page.text
    assert "¿En qué idioma quiere escribir su carta?" in page.text


def test_the_spanish_fallback_letter_is_the_spanish_letter(site: Path):
    """Without JavaScript (or before Python), the page shows letter_py's Spanish letter."""
    html = (site / "es" / "escribir" / "index.html").read_text(encoding="utf-8")
    shown = re.search(r"<pre[^>]*data-email-text[^>]*>(.*?)</pre>", html, re.S).group(1)
    import html as html_module

    spanish = json.loads(letter_py.render_json(json.dumps({"date": "", "lang": "es"})))["letters"][0]
    english = json.loads(letter_py.render_json(json.dumps({"date": ""})))["letters"][0]
    assert html_module.unescape(shown) == spanish["email_text"]
    assert spanish["email_text"] != english["email_text"]


def _english_only_strings() -> list[str]:
    """The English table's words that a Spanish page must not show: those the Spanish
    table says otherwise, split at their {placeholders}, long enough to be telling."""
    english, spanish = strings("en"), strings("es")
    found = set()
    for key, value in english.items():
        if key in SAME_IN_EVERY_LANGUAGE or value == spanish[key]:
            continue
        for part in re.split(r"\{\w+\}", value):
            part = part.strip(" .:…")
            if len(part) >= 8 or " " in part:
                found.add(part)
    return sorted(found)


def test_no_english_interface_string_on_a_spanish_page(site: Path):
    english = _english_only_strings()
    assert "Copy letter" in english and "There is a problem" in english
    shown = {}
    for path in html_pages(site):
        if path.relative_to(site).parts[0] != "es":
            continue
        text = " ".join(read(site, path).text)
        hits = [s for s in english if s in text]
        if hits:
            shown[url_of(site, path)] = hits
    assert shown == {}


def test_the_english_check_finds_english_on_english_pages(site: Path):
    """The check above can fail: the same scan finds the strings on the English letter page."""
    text = " ".join(read(site, site / "write" / "index.html").text)
    assert "Copy letter" in text and "There is a problem" in text


# ---- the sitemap (a second build, with a site_url) ----------------------------------


@dataclass
class CountedBuild:
    site: Path
    calls: Counter
    editions: dict  # language -> that edition's build state (scripts/site/state.py), as its hooks kept it


@pytest.fixture(scope="module")
def counted_build(tmp_path_factory) -> CountedBuild:
    """``mkdocs build --strict`` with a ``site_url``, in this process, counting the
    engine build's calls (the Spanish edition's build must reuse the English one's)
    and keeping each edition's build state."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from scripts.engine import build as engine_build
    from scripts.engine import campaign as engine_campaign
    from scripts.site import state

    out = tmp_path_factory.mktemp("site-with-url")
    calls: Counter = Counter()
    editions: dict = {}
    keep = state.keep

    def kept(config, edition):
        editions[config.theme["language"]] = edition
        return keep(config, edition)

    def counted(module, name):
        real = getattr(module, name)

        def wrapper(*args, **kwargs):
            calls[name] += 1
            return real(*args, **kwargs)
        return wrapper

    with pytest.MonkeyPatch.context() as patch:
        for module, name in ((engine_build, "build"), (engine_campaign, "precompile_campaign")):
            patch.setattr(module, name, counted(module, name))
        patch.setattr(state, "keep", kept)
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_url=SITE_URL, site_dir=str(out), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        config.plugins.on_shutdown()
    return CountedBuild(out, calls, editions)


@pytest.fixture(scope="module")
def site_with_url(counted_build: CountedBuild) -> Path:
    return counted_build.site


def test_the_engine_is_built_once_for_both_languages(counted_build: CountedBuild):
    assert counted_build.calls == {"build": 1, "precompile_campaign": 1}
    assert (counted_build.site / "es" / "escribir" / "index.html").exists()


def test_each_edition_keeps_its_own_state_and_shares_only_what_it_was_handed(counted_build: CountedBuild):
    """The English build hands the Spanish one its MainBuild; nothing else is shared (issue 23)."""
    from scripts.site import hooks, state

    english, spanish = counted_build.editions["en"], counted_build.editions["es"]
    assert english is not spanish
    assert spanish.main is english.main  # handed over, not rebuilt
    assert (english.nested, english.prefix, english.root) == (False, "", "")
    assert (spanish.nested, spanish.prefix, spanish.root) == (True, "es/", "../")
    assert (english.letter_url, spanish.letter_url) == ("write/", "escribir/")
    assert english.describe != spanish.describe and english.fallback != spanish.fallback
    # Both editions' inline scripts are in the one set the main build's _headers is written from.
    headers = (counted_build.site / "_headers").read_text()
    assert english.main.script_hashes and all(h in headers for h in english.main.script_hashes)
    # The hooks' module keeps no build's state between builds.
    assert not [name for name, value in vars(hooks).items() if not name.startswith("__") and (
                isinstance(value, (state.MainBuild, state.EditionBuild, set, list))
                or (isinstance(value, dict) and name != "FALLBACK_INPUT" and value.keys() != {"command"}))]


NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(path: Path) -> dict[str, dict[str, str]]:
    """loc -> {hreflang: href} of a sitemap."""
    root = ET.parse(path).getroot()
    return {url.find("s:loc", NS).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
            for url in root.findall("s:url", NS)}


def test_the_sitemap_lists_both_languages_each_with_its_translation(site_with_url: Path):
    listed = sitemap(site_with_url / "sitemap.xml")
    expected = {}
    for english, spanish in translations().items():
        en, es = SITE_URL + page_url(english, "").lstrip("/"), SITE_URL + page_url(spanish, "es/").lstrip("/")
        expected[en] = expected[es] = {"en": en, "es": es, "x-default": en}
    assert listed == expected
    spanish_only = sitemap(site_with_url / "es" / "sitemap.xml")
    assert spanish_only == {loc: links for loc, links in expected.items() if loc.startswith(SITE_URL + "es/")}
