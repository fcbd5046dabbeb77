"""The site's editions as the build makes them, for tests that run in each.

Read from the same place the build reads them (``extra.alternate`` in
mkdocs.yml, each edition's config and pages: scripts/site/i18n_site.py), so an
edition added there (Polish, a fourth) gets every test parametrised by
:data:`LANGS` or :data:`TRANSLATED` without a change here.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from letter_py import default_campaign
from letter_py.jsonapi import languages
from scripts.site import i18n_site
from tests.paths import ROOT


@functools.cache
def translations(config_file: str = str(ROOT / "mkdocs.yml")) -> i18n_site.Translations:
    """Every edition's pages, as the build pairs them."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return i18n_site.translations(load_config(config_file=config_file))


def page_path(lang: str, original: str) -> str | None:
    """The path on the server of edition ``lang``'s page translating ``original``
    (a main-edition page, "privacy.md"), or None where it has none."""
    found = translations()
    url = found.counterpart(original, lang)
    return None if url is None else "/" + found.site_url(lang, url)


def _template_page(lang: str, template: str) -> str:
    """The path on the server of edition ``lang``'s page with this ``template:``."""
    found = translations()
    edition = found.edition(lang)
    docs = docs_dir(lang)
    for src, url in found.urls[lang].items():
        if get_data((docs / src).read_text(encoding="utf-8"))[1].get("template") == template:
            return "/" + found.site_url(lang, url)
    raise LookupError(f"edition {lang!r} has no page with template: {template}")


@functools.cache
def docs_dir(lang: str) -> Path:
    """Edition ``lang``'s pages' folder, as its config says."""
    edition = translations().edition(lang)
    config = ROOT / "mkdocs.yml" if edition.config_file is None else edition.config_file
    return Path(load_config(config_file=str(config)).docs_dir)


LANGS: list[str] = [edition.lang for edition in translations().editions]  # the main edition's first
TRANSLATED: list[str] = LANGS[1:]  # every edition but the main one
NAMES: dict[str, str] = {edition.lang: edition.name for edition in translations().editions}
HOMES: dict[str, str] = {edition.lang: "/" + edition.prefix for edition in translations().editions}
LETTER_PATHS: dict[str, str] = {lang: _template_page(lang, "letter.html") for lang in LANGS}
BUILDER_PATHS: dict[str, str] = {lang: _template_page(lang, "builder.html") for lang in LANGS}
# The letter's languages (the campaign's: letter_py's languages()), each named in itself.
LETTER_LANGUAGES: dict[str, str] = {item["code"]: item["name"] for item in languages(default_campaign())}
