"""What a language's glossary rules read, and how they are checked.

A glossary test (``test_spanish_words.py``, ``test_polish_words.py``) holds
its language's word choices where the visitor reads them: the interface (the
string table, the engine's message catalogue, the letter templates) and the
pages. A rule is a regular expression and what to say instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

from tests.paths import ROOT
from tests.strings import strings

_CODE_SPAN = re.compile(r"`[^`\n]*`")


def catalogue(lang: str) -> Path:
    return ROOT / "letter_py" / "locale" / lang / "LC_MESSAGES" / "letter_py.po"


def templates(lang: str) -> list[Path]:
    return sorted((ROOT / "letter_py" / "campaigns" / "default" / lang).glob("*.j2"))


def pages(lang: str) -> list[Path]:
    return sorted((ROOT / "docs" / lang).glob("*.md"))


def catalogue_texts(lang: str) -> list[tuple[str, str]]:
    """Every translated form of every message: (where, text)."""
    with catalogue(lang).open("rb") as source:
        messages = read_po(source, locale=lang)
    found = []
    for message in messages:
        if message.id:
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            found += [(f"letter_py.po: {message.id!r}", form) for form in forms]
    return found


def interface_texts(lang: str) -> list[tuple[str, str]]:
    texts = [(f"{lang}.json: {key}", value) for key, value in strings(lang).items()]
    texts += catalogue_texts(lang)
    texts += [(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")) for path in templates(lang)]
    return texts


def page_texts(lang: str) -> list[tuple[str, str]]:
    return [(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")) for path in pages(lang)]


def breaches(texts: list[tuple[str, str]], rules: dict[str, str], *, prose_only: bool = False) -> list[str]:
    """Each place a rule's pattern matches: "where: 'found', say instead". ``prose_only``
    leaves out code spans (what a visitor types, file names), which are not prose."""
    found = []
    for where, text in texts:
        if prose_only:
            text = _CODE_SPAN.sub("", text)
        for pattern, instead in rules.items():
            for m in re.finditer(pattern, text, re.IGNORECASE):
                found.append(f"{where}: {m.group(0)!r}, say {instead}")
    return found
