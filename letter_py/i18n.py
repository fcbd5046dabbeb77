"""The engine's own words in the letter's language, through stdlib :mod:`gettext`.

Validation messages, the reminder's text, month names and download names are
msgids here; each language's ``locale/<lang>/LC_MESSAGES/letter_py.po`` holds
their translation, compiled to ``.mo`` with Babel at build time
(``scripts/engine/catalogues.py``: into the wheel by the engine build, beside
the ``.po`` by ``make deps``).

English is the source language: it needs no catalogue, so an English letter
reads no file, imports no :mod:`gettext` and costs nothing more than before.
Another language's catalogue is read once, on first use, and handed to
``gettext.GNUTranslations``: ``gettext.translation(domain, localedir,
languages=[lang])`` would look for it in a real folder, and in the browser
the wheel is imported as a zip file. The language is always passed in, never
read from ``LANG``: Pyodide's locale is ``C.UTF-8``.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable

SOURCE_LANGUAGE = "en"
DOMAIN = "letter_py"
_PACKAGE = os.path.dirname(__file__)


def N_(message: str) -> str:
    """Mark a msgid that is translated later (a field's message, kept in a table)."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a msgid with a number, kept in a table: its singular and plural (``babel.cfg`` names the marker)."""
    return singular, plural


def _same(message: str) -> str:
    return message


def _english_plural(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


@functools.cache
def translations(lang: str):  # noqa: ANN201 - gettext.GNUTranslations | None
    """The catalogue for ``lang``; ``None`` for English, or a language without one.

    Read through the package's own loader (``get_data``), which reads a file
    inside a zip-imported wheel as well as from a folder, and costs no import
    (``importlib.resources`` would bring ``zipfile`` and ``pathlib`` into the
    browser's start). :mod:`gettext` itself is only imported here.
    """
    if lang == SOURCE_LANGUAGE or not lang.isalpha() or not lang.isascii():
        return None
    path = os.path.join(_PACKAGE, "locale", lang, "LC_MESSAGES", f"{DOMAIN}.mo")
    try:
        data = __spec__.loader.get_data(path)  # type: ignore[union-attr]
    except OSError:
        return None
    import gettext
    import io

    return gettext.GNUTranslations(io.BytesIO(data))


def has_catalogue(lang: str) -> bool:
    """Whether ``lang``'s messages exist (English always does)."""
    return lang == SOURCE_LANGUAGE or translations(lang) is not None


def gettext_for(lang: str) -> Callable[[str], str]:
    """``_`` for ``lang``: a msgid in, its translation (or the msgid itself) out."""
    catalogue = translations(lang)
    return _same if catalogue is None else catalogue.gettext


def ngettext_for(lang: str) -> Callable[[str, str, int], str]:
    """``ngettext`` for ``lang``: the form a number takes, by the catalogue's ``Plural-Forms``.

    English has two forms (1 / other); Polish three (1; 2-4, 22-24...; 5-21, 25...),
    so a message with a number is always one msgid with its plural, never a
    number put before a word chosen in code.
    """
    catalogue = translations(lang)
    return _english_plural if catalogue is None else catalogue.ngettext
