"""The site's editions, one per language, the way Material does it: one config each.

``mkdocs.yml`` builds the English site; each other language has its own config
(``mkdocs.es.yml``: ``INHERIT: mkdocs.yml``, its own ``docs_dir``,
``theme.language`` and nav), named in ``extra.alternate`` (Material's language
switcher) by a ``config`` key. The English build's ``on_post_build`` builds
each of them into its folder of the English ``site_dir`` (``site/es``), so
``mkdocs build``, ``mkdocs serve`` and the tests' build all make every
language, and each language gets its own search index and stemmer.

What the editions share, they share once, and the English build hands it
to each (:func:`build_editions`, :class:`.state.MainBuild`): the edition's
hooks reuse the English build's engine (no second engine build), its pages
load the root's runtime, engine and page scripts (``EditionBuild.root``), and
its inline-script hashes go into the same set, so the one ``_headers`` covers
both. A translated page names its original in ``translation_of:`` front
matter; :class:`Translations` pairs them, for the switcher, the
``hreflang`` links (:func:`alternates`) and the sitemap (:func:`sitemap_xml`).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data
from pathspec.gitignore import GitIgnoreSpec

from .state import MainBuild, hand_over

X_DEFAULT = "x-default"


@dataclass(frozen=True)
class Edition:
    """One language of the site: its switcher entry, config and folder."""

    lang: str
    name: str
    prefix: str  # where it lives in the main site: "" or "es/"
    config_file: Path | None  # None: the main config itself


@dataclass
class Translations:
    """Every page of every edition, and which pages translate which.

    ``urls[lang][src]`` is a page's URL within its edition; ``originals[lang]``
    maps an edition's page to the main edition's page it translates.
    """

    main: str
    editions: list[Edition]
    urls: dict[str, dict[str, str]] = field(default_factory=dict)
    originals: dict[str, dict[str, str]] = field(default_factory=dict)
    docs_dirs: dict[str, Path] = field(default_factory=dict)  # each other edition's pages' folder

    def original_of(self, lang: str, src: str) -> str | None:
        return src if lang == self.main else self.originals.get(lang, {}).get(src)

    def counterpart(self, original: str | None, lang: str) -> str | None:
        """The URL (within edition ``lang``) of the page translating ``original``."""
        if original is None:
            return None
        if lang == self.main:
            return self.urls[self.main].get(original)
        for src, of in self.originals.get(lang, {}).items():
            if of == original:
                return self.urls[lang][src]
        return None

    def site_url(self, lang: str, url: str) -> str:
        """A URL within edition ``lang`` as a path from the main site's root."""
        return self.edition(lang).prefix + url

    def edition(self, lang: str) -> Edition:
        return next(e for e in self.editions if e.lang == lang)


def editions(config) -> list[Edition]:
    """The editions ``extra.alternate`` lists, the main site's first."""
    found = []
    for alt in config.extra.get("alternate") or []:
        if alt.get("lang") == X_DEFAULT:
            continue
        config_file = alt.get("config")
        found.append(Edition(alt["lang"], alt["name"], _prefix(alt["link"]),
                             _find_config(config.config_file_path, config_file) if config_file else None))
    return sorted(found, key=lambda e: e.config_file is not None)


_INHERIT = re.compile(r"^INHERIT:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$", re.M)


def _find_config(config_file_path: str, name: str) -> Path:
    """An edition's config file, beside the main config or beside a config it
    inherits from: an organizer's mkdocs.yml that says ``INHERIT:`` this
    project's gets this project's Spanish edition (with the organizer's
    campaign, which the edition takes from the main build)."""
    current = Path(config_file_path).resolve()
    seen = set()
    while current not in seen:
        seen.add(current)
        if (candidate := current.parent / name).exists():
            return candidate.resolve()
        match = _INHERIT.search(current.read_text(encoding="utf-8")) if current.exists() else None
        if not match:
            break
        current = (current.parent / match.group(1).strip()).resolve()
    return (Path(config_file_path).parent / name).resolve()  # missing: MkDocs says so


def _prefix(link: str) -> str:
    link = link.strip("/").removeprefix(".").strip("/")
    return link + "/" if link else ""


def main_root_path(config, prefix: str = "") -> str:
    """The main site's path on its server ("/" without a site_url); ``prefix``
    is where this config's edition lives in the main site ("" or "es/")."""
    path = urlsplit(config.site_url or "/").path
    return (path.removesuffix(prefix) if prefix and path.endswith(prefix) else path) or "/"


def _page_urls(docs_dir: Path, use_directory_urls: bool) -> dict[str, str]:
    """Each page's URL as MkDocs gives it, the home page's as "" (not "./")."""
    urls = {}
    for src in sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")):
        url = File(src, str(docs_dir), "", use_directory_urls).url
        urls[src] = "" if url == "./" else url
    return urls


def translations(config) -> Translations:
    """Reads every edition's pages and their ``translation_of:`` (the main build's job)."""
    found = editions(config)
    main = found[0].lang
    result = Translations(main, found)
    configs = {edition.lang: load_config(config_file=str(edition.config_file)) for edition in found[1:]}
    result.docs_dirs = {lang: Path(edition_config.docs_dir).resolve() for lang, edition_config in configs.items()}
    exclude_editions(config, result)
    result.urls[main] = {
        src: url for src, url in _page_urls(Path(config.docs_dir), config.use_directory_urls).items()
        if not _excluded(src, config)
    }
    for edition in found[1:]:
        edition_config = configs[edition.lang]
        docs_dir = result.docs_dirs[edition.lang]
        result.urls[edition.lang] = _page_urls(docs_dir, edition_config.use_directory_urls)
        result.originals[edition.lang] = {}
        for src in result.urls[edition.lang]:
            meta = get_data((docs_dir / src).read_text(encoding="utf-8"))[1]
            original = meta.get("translation_of")
            if original:
                if original not in result.urls[main]:
                    raise ValueError(f"{docs_dir / src}: translation_of: {original} is no page of {main!r}")
                result.originals[edition.lang][src] = original
    return result


def exclude_editions(config, translations: Translations) -> None:
    """Leaves the other editions' pages out of this build (docs/es/ is inside
    docs/, but mkdocs.es.yml builds it): each edition's docs_dir that lies
    inside this config's is added to its ``exclude_docs``, so a new edition
    needs no line there."""
    docs = Path(config.docs_dir).resolve()
    folders = []
    for folder in translations.docs_dirs.values():
        if folder != docs and folder.is_relative_to(docs):
            folders.append("/" + folder.relative_to(docs).as_posix() + "/")
    if folders:
        spec = config.exclude_docs
        patterns = list(spec.patterns) if spec else []
        config.exclude_docs = GitIgnoreSpec(patterns + GitIgnoreSpec.from_lines(folders).patterns)


def _excluded(src: str, config) -> bool:
    spec = config.exclude_docs
    return bool(spec and spec.match_file(src))


def alternates(translations: Translations, lang: str, src: str | None,
               base: str | None = None) -> list[dict[str, Any]]:
    """Each language's version of one page, for the switcher and ``hreflang``.

    Without ``base``, links are from the edition's own root (what Material's
    ``| url`` expects). With it (the main site's path, or its whole URL), they
    are ``base`` + the path from the main site's root. The page's translation
    where there is one, else that edition's home page (always, without
    ``src``: the 404 page). ``x-default`` (the main language's page) comes
    last, for ``hreflang`` only; the switcher leaves it out.
    """
    original = translations.original_of(lang, src) if src else None
    up = "../" * translations.edition(lang).prefix.count("/")
    links = []
    for edition in translations.editions:
        url = translations.counterpart(original, edition.lang) or ""
        if base is not None:
            link = base + edition.prefix + url
        else:
            link = url if edition.lang == lang else up + edition.prefix + url
        links.append({"name": edition.name, "lang": edition.lang, "link": link or "./",
                      "current": edition.lang == lang})
    links.append({**links[0], "lang": X_DEFAULT, "current": False})
    return links


def page_alternates(config, translations: Translations, src: str | None,
                    prefix: str = "") -> list[dict[str, Any]]:
    """The switcher's links for a page (partials/alternate.html reads them as
    ``alternates``); sets ``config.extra.alternate``, from which Material's
    base.html writes the ``<link rel="alternate" hreflang>`` tags, to the same
    links as whole URLs, or to none without a ``site_url``: search engines
    (and Lighthouse) take only fully qualified ``hreflang`` URLs. ``prefix``:
    as for :func:`main_root_path`.
    """
    lang = config.theme["language"]
    root = main_root_path(config, prefix)
    site = urlsplit(config.site_url or "")
    config.extra["alternate"] = alternates(translations, lang, src, f"{site.scheme}://{site.netloc}{root}") \
        if config.site_url else []
    return alternates(translations, lang, src, None if src else root)


def sitemap_entries(translations: Translations, lang: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The pages a sitemap in edition ``lang``'s folder lists (paths from the main
    root), each with its alternates: the main edition's lists every edition's
    pages; another's, only its own (a sitemap lists URLs under its folder)."""
    entries = []
    for edition in translations.editions:
        if lang != translations.main and edition.lang != lang:
            continue
        for src, url in translations.urls[edition.lang].items():
            original = translations.original_of(edition.lang, src)
            alternates = []
            for other in translations.editions:
                other_url = translations.counterpart(original, other.lang)
                if other_url is not None:
                    alternates.append((other.lang, translations.site_url(other.lang, other_url)))
            if len(alternates) > 1:
                main_url = translations.counterpart(original, translations.main)
                alternates.append((X_DEFAULT, translations.site_url(translations.main, main_url)))
            entries.append((translations.site_url(edition.lang, url), alternates))
    return entries


def sitemap_xml(site_url: str, entries: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """A sitemap of both languages with ``xhtml:link`` alternates (sitemaps.org; Google's
    "Localized versions of your page"). Needs ``site_url``: a sitemap's URLs are absolute."""
    base = site_url.rstrip("/") + "/"
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
             ' xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for path, links in entries:
        lines.append(f"  <url>\n    <loc>{escape(base + path)}</loc>")
        lines += [f'    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} href={quoteattr(base + href)}/>'
                  for lang, href in links]
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def build_editions(config, main: MainBuild) -> None:
    """Builds every other edition into its folder of ``config.site_dir``.

    ``main`` is the main build's state, handed to each edition's config
    (:func:`.state.hand_over`) for its hooks; whatever they add to its
    ``script_hashes`` the main build's ``_headers`` includes.
    """
    for edition in main.translations.editions[1:]:
        options: dict[str, Any] = {
            "config_file": str(edition.config_file),
            "site_dir": str(Path(config.site_dir) / edition.prefix),
            "strict": config.strict,
        }
        if config.site_url:
            options["site_url"] = posixpath.join(config.site_url.rstrip("/") + "/", edition.prefix)
        edition_config = load_config(**options)
        hand_over(edition_config, main)
        edition_config.plugins.on_startup(command=main.command, dirty=False)
        mkdocs_build(edition_config)
        edition_config.plugins.on_shutdown()
