"""The engine's own words in the letter's language, through stdlib :mod:`gettext`.

Validation messages, the reminder's text, month names and download names are
msgids here; each language's ``locale/<lang>/LC_MESSAGES/letter_py.po`` holds
their translation, compiled to ``.mo`` by ``scripts/msgfmt.py`` (into the
wheel by ``scripts/build_engine.py``, beside the ``.po`` by ``make deps``).

English is the source language: it needs no catalogue, so an English letter
reads no file and costs nothing more than before. Another language's catalogue
is read once, on first use, with :mod:`importlib.resources`, because in the
browser the wheel is imported as a zip file, where ``gettext.translation``'s
``localedir`` (a real folder) cannot reach. The language is always passed in,
never read from ``LANG``: Pyodide's locale is ``C.UTF-8``.
"""

from __future__ import annotations

import functools
import gettext

SOURCE_LANGUAGE = "en"
DOMAIN = "letter_py"


def N_(message: str) -> str:
    """Mark a msgid that is translated later (a field's message, kept in a table)."""
    return message


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue for ``lang``; English, or a language without one, translates nothing."""
    if lang == SOURCE_LANGUAGE or not lang.isalpha():
        return gettext.NullTranslations()
    from importlib import resources  # only for a language other than English

    mo = resources.files("letter_py") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except (FileNotFoundError, NotADirectoryError):
        return gettext.NullTranslations()


def has_catalogue(lang: str) -> bool:
    """Whether ``lang``'s messages exist (English always does)."""
    return lang == SOURCE_LANGUAGE or isinstance(translations(lang), gettext.GNUTranslations)


def gettext_for(lang: str):  # noqa: ANN201 - Callable[[str], str]
    """``_`` for ``lang``: a msgid in, its translation (or the msgid) out."""
    return translations(lang).gettext
