"""The other editions in the built site (Spanish, and every one mkdocs.yml's
extra.alternate adds): languages, links between them, search, sharing.

mkdocs.es.yml builds docs/es/ into site/es/ from the English build
(scripts/site/i18n_site.py). These read the files of the session's build; the
sitemap and the hreflang links, which need a ``site_url`` (their URLs are
whole), are checked on a second build that has one. The structural checks run
for every edition (tests.site.editions); the words checked on the Spanish
pages are Spanish.
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

import material
import pytest
from mkdocs.utils.meta import get_data

import letter_py
from tests.paths import ROOT
from tests.site.editions import HOMES, LANGS, LETTER_PATHS, TRANSLATED, docs_dir
from tests.site.standards import html_pages
from tests.strings import SAME_IN_EVERY_LANGUAGE, strings

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


def translations(lang: str = "es") -> dict[str, str]:
    """English page -> edition ``lang``'s page, from its pages' translation_of:."""
    pairs = {}
    for path in sorted(docs_dir(lang).glob("*.md")):
        original = get_data(path.read_text(encoding="utf-8"))[1].get("translation_of")
        if original:
            pairs[original] = path.name
    return pairs


def page_url(src: str, prefix: str) -> str:
    return "/" + prefix + ("" if src == "index.md" else src.removesuffix(".md") + "/")


def edition_of(site: Path, path: Path) -> str:
    """The edition a built file belongs to, by its folder."""
    folder = path.relative_to(site).parts[0] + "/"
    return next((lang for lang in TRANSLATED if HOMES[lang] == "/" + folder), "en")


# ---- languages -------------------------------------------------------------------


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_english_page_has_a_translation_in_each_edition(lang: str):
    english = sorted(p.name for p in ENGLISH_DOCS.glob("*.md"))
    assert sorted(translations(lang)) == english


def test_each_edition_has_its_language(site: Path):
    pages = html_pages(site)
    for lang in TRANSLATED:
        edition = [p for p in pages if edition_of(site, p) == lang]
        assert len(edition) == len(translations(lang)) + 1, lang  # and its 404 page
    wrong = {url_of(site, p): read(site, p).lang for p in pages if read(site, p).lang != edition_of(site, p)}
    assert wrong == {}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_editions_pages_have_material_in_their_language(site: Path, lang: str):
    """Material's own words (skip link, search, palette toggle) come from theme.language, not English."""
    for path in (HOMES[lang] + "index.html", HOMES[lang] + "404.html"):
        html = (site / path.lstrip("/")).read_text(encoding="utf-8")
        assert "Skip to content" not in html and "Switch to dark mode" not in html, path
        assert "404 - Not found" not in html, path


def test_spanish_pages_have_material_in_spanish(site: Path):
    html = (site / "es" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Buscar"' in html and "Saltar a contenido" in html
    assert "Skip to content" not in html
    assert "Cambiar al modo oscuro" in html and "Switch to dark mode" not in html


def test_spanish_404_page(site: Path):
    page = read(site, site / "es" / "404.html")
    assert page.lang == "es" and "404 - Página no encontrada" in page.text


# ---- links between the languages -------------------------------------------------


def versions() -> list[dict[str, str]]:
    """Each English page's URL and its translations' on the server, by language."""
    found = []
    for english in sorted(p.name for p in ENGLISH_DOCS.glob("*.md")):
        urls = {"en": page_url(english, "")}
        for lang in TRANSLATED:
            if english in translations(lang):
                urls[lang] = page_url(translations(lang)[english], HOMES[lang].lstrip("/"))
        found.append(urls)
    return found


def test_the_language_menu_goes_to_the_same_page_in_every_other_language(site: Path):
    """From every page of every edition to the same page in each (a three-way menu with Polish, not a pair)."""
    every = versions()
    assert len(every) >= 9 and all(len(urls) == len(LANGS) for urls in every), every
    for urls in every:
        for lang, url in urls.items():
            page = read(site, site / url.lstrip("/") / "index.html")
            links = {other: resolve(url, href) for other, href in page.switcher.items()}
            assert links == urls, url
            assert page.current == [lang], url
    for lang in LANGS:
        page = read(site, site / HOMES[lang].lstrip("/") / "404.html")
        assert page.switcher == HOMES and page.current == [lang], lang


def test_hreflang_links_are_whole_urls_or_none(site: Path):
    """Search engines and Lighthouse take only fully qualified hreflang URLs: without a
    site_url (as mkdocs.yml ships) the build cannot know them, and writes none."""
    assert {url_of(site, p): read(site, p).hreflang for p in html_pages(site) if read(site, p).hreflang} == {}


def whole(urls: dict[str, str]) -> dict[str, str]:
    """A page's versions as hreflang gives them: whole URLs, and x-default the English one."""
    links = {lang: SITE_URL + url.lstrip("/") for lang, url in urls.items()}
    return links | {"x-default": links["en"]}


def test_hreflang_links_join_every_page_to_all_its_translations(site_with_url: Path):
    for urls in versions():
        for url in urls.values():
            page = read(site_with_url, site_with_url / url.lstrip("/") / "index.html")
            assert page.hreflang == whole(urls), url
    for lang in LANGS:
        page = read(site_with_url, site_with_url / HOMES[lang].lstrip("/") / "404.html")
        assert page.hreflang == whole(HOMES), lang


# ---- search ----------------------------------------------------------------------


# The languages Material's search has a stemmer for (its copy of lunr-languages).
LUNR_LANGUAGES = {path.name.split(".")[1] for path in
                  (Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min").glob("lunr.*.min.js")}


def test_each_language_has_its_own_search_index(site: Path):
    english = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"]
    for lang in TRANSLATED:
        index = json.loads((site / HOMES[lang].lstrip("/") / "search" / "search_index.json").read_text(encoding="utf-8"))
        if lang in LUNR_LANGUAGES:
            assert index["config"]["lang"] == [lang]
        else:
            # lunr has no stemmer for it (Polish): no English stemming or stop words either,
            # which would cut Polish words at English endings and drop "a", "i", "to".
            assert index["config"]["lang"] == ["en"] and index["config"]["pipeline"] == ["trimmer"]
        assert not any(doc["location"].startswith(HOMES[lang].lstrip("/")) for doc in english["docs"])
    spanish = json.loads((site / "es" / "search" / "search_index.json").read_text(encoding="utf-8"))
    english_text = " ".join(doc["text"] for doc in english["docs"])
    spanish_text = " ".join(doc["text"] for doc in spanish["docs"])
    assert "trata de personas" in spanish_text and "trata de personas" not in english_text
    assert "commercial sexual exploitation" in english_text
    assert "commercial sexual exploitation" not in spanish_text


# ---- what the editions share ------------------------------------------------------


def test_every_edition_uses_the_roots_runtime_engine_and_page_scripts(site: Path):
    for lang in TRANSLATED:
        folder = site / HOMES[lang].lstrip("/")
        assert not (folder / "pyodide").exists() and not (folder / "engine").exists()
        assert not (folder / "assets" / "letter").exists()

    def loads(url: str) -> tuple[dict, list[str]]:
        html = (site / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
        page = Page(html)
        boot = json.loads(page.scripts["letter-boot"])
        worker = resolve(url, boot["worker"])
        engine = {key: resolve(worker.rsplit("/", 1)[0] + "/", value)
                  for key, value in boot["engine"].items() if key in ("runtime", "lockfile", "precompiled")}
        assets = sorted(resolve(url, href) for href in re.findall(r'(?:href|src)="([^"]*assets/letter/[^"]*)"', html))
        return {"worker": worker, **engine}, assets

    english = loads(LETTER_PATHS["en"])
    for lang in TRANSLATED:
        assert loads(LETTER_PATHS[lang]) == english, lang
    assert english[0]["worker"] == "/assets/letter/worker.js"
    for url in [*english[0].values(), *english[1]]:
        target = site / url.lstrip("/")
        assert target.is_file() or target.is_dir() or target.with_name(target.name + ".js").exists(), url


def test_headers_allow_the_inline_scripts_of_every_page_in_every_language(site: Path):
    """One _headers for both editions: an edition built later must not replace the other's hashes."""
    allowed = set(re.findall(r"'sha256-[^']+'", (site / "_headers").read_text()))
    for path in html_pages(site):
        meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', path.read_text(encoding="utf-8"))
        assert meta, path
        assert set(re.findall(r"'sha256-[^']+'", meta.group(1))) <= allowed, path


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_editions_pages_are_precompressed_too(site: Path, lang: str):
    page = site / LETTER_PATHS[lang].lstrip("/") / "index.html"
    assert page.with_name("index.html.br").exists() and page.with_name("index.html.gz").exists()


# ---- the letter page in Spanish ---------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_each_letter_page_carries_its_own_strings_and_no_others(site: Path, lang: str):
    """One string table per page, its language's: a third language costs the others' pages nothing."""
    html = (site / LETTER_PATHS[lang].lstrip("/") / "index.html").read_text(encoding="utf-8")
    page = Page(html)
    assert json.loads(page.scripts["page-strings"]) == strings(lang)
    assert html.count('id="page-strings"') == 1
    assert "strings/" not in " ".join(re.findall(r'(?:href|src)="([^"]*)"', html))


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_editions_letter_page_asks_in_its_language(site: Path, lang: str):
    page = read(site, site / LETTER_PATHS[lang].lstrip("/") / "index.html")
    table = strings(lang)
    assert table["recipient.gender"] in page.text
    assert table["lang.legend"] in page.text
    assert strings("en")["lang.legend"] not in page.text


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_editions_fallback_letter_is_its_letter(site: Path, lang: str):
    """Without JavaScript (or before Python), the page shows letter_py's letter in its language."""
    html = (site / LETTER_PATHS[lang].lstrip("/") / "index.html").read_text(encoding="utf-8")
    shown = re.search(r"<pre[^>]*data-email-text[^>]*>(.*?)</pre>", html, re.S).group(1)
    import html as html_module

    own = json.loads(letter_py.render_json(json.dumps({"date": "", "lang": lang})))["letters"][0]
    english = json.loads(letter_py.render_json(json.dumps({"date": ""})))["letters"][0]
    assert html_module.unescape(shown) == own["email_text"]
    assert own["email_text"] != english["email_text"]


def _english_only_strings(lang: str = "es") -> list[str]:
    """The English table's words that edition ``lang``'s page must not show: those its
    table says otherwise, split at their {placeholders}, long enough to be telling."""
    english, other = strings("en"), strings(lang)
    found = set()
    for key, value in english.items():
        if key in SAME_IN_EVERY_LANGUAGE or value == other.get(key):
            continue
        for part in re.split(r"\{\w+\}", value):
            part = part.strip(" .:…")
            if len(part) >= 8 or " " in part:
                found.add(part)
    return sorted(found)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_english_interface_string_on_another_editions_page(site: Path, lang: str):
    english = _english_only_strings(lang)
    assert "Copy letter" in english and "There is a problem" in english
    shown = {}
    for path in html_pages(site):
        if edition_of(site, path) != lang:
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


def test_the_engine_is_built_once_for_every_language(counted_build: CountedBuild):
    assert counted_build.calls == {"build": 1, "precompile_campaign": 1}
    for lang in TRANSLATED:
        assert (counted_build.site / LETTER_PATHS[lang].lstrip("/") / "index.html").exists()


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


def test_the_sitemap_lists_every_language_each_page_with_all_its_translations(site_with_url: Path):
    listed = sitemap(site_with_url / "sitemap.xml")
    expected = {}
    for urls in versions():
        links = whole(urls)
        expected |= {loc: links for lang, loc in links.items() if lang != "x-default"}
    assert listed == expected
    for lang in TRANSLATED:  # an edition's own sitemap: its pages only
        prefix = SITE_URL + HOMES[lang].lstrip("/")
        own = sitemap(site_with_url / HOMES[lang].lstrip("/") / "sitemap.xml")
        assert own == {loc: links for loc, links in expected.items() if loc.startswith(prefix)}, lang
