"""Messages with a number take the form that number needs, in every language.

Polish has three forms (1 znak; 2-4, 22-24 znaki; 5-21, 25 znaków), English and
Spanish two. Each such message is one msgid with its plural (ngettext), never a
word chosen in code and put after the number; these tests read the compiled
catalogues through the engine, as a letter does.
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import letter_py
from letter_py.i18n import ngettext_for
from letter_py.validate import ARTICLE_LIST, RECIPIENT_LIST
from scripts.engine import catalogues
from tests.letter_py.letter_helpers import render

PACKAGE = Path(letter_py.__file__).parent
COUNTS = (1, 2, 3, 4, 5, 12, 22, 25)
FILES = ("{count} file", "{count} files")
CHARACTERS = ("{noun} must be {limit:,} character or fewer", "{noun} must be {limit:,} characters or fewer")


def _forms(lang: str, message: tuple[str, str], **values: object) -> list[str]:
    return [ngettext_for(lang)(*message, n).format(count=n, limit=n, **values) for n in COUNTS]


def test_polish_has_three_forms_by_the_last_digits() -> None:
    assert _forms("pl", FILES) == ["1 plik", "2 pliki", "3 pliki", "4 pliki", "5 plików", "12 plików", "22 pliki",
                                   "25 plików"]
    assert _forms("pl", CHARACTERS, noun="Temat") == [
        f"Temat: może mieć najwyżej {n} {word}" for n, word in zip(
            COUNTS, ("znak", "znaki", "znaki", "znaki", "znaków", "znaków", "znaki", "znaków"), strict=True)]


def test_polish_counts_people_and_articles_in_their_cases() -> None:
    people = _forms("pl", RECIPIENT_LIST.too_many)
    assert people[0] == "Dodaj najwyżej 1 osobę, do której piszesz"
    assert people[1] == "Dodaj najwyżej 2 osoby, do których piszesz"
    assert people[4] == "Dodaj najwyżej 5 osób, do których piszesz"
    assert people[6] == "Dodaj najwyżej 22 osoby, do których piszesz"
    assert [text.split(" ", 3)[3] for text in _forms("pl", ARTICLE_LIST.too_many)] == [
        "artykuł prasowy", "artykuły prasowe", "artykuły prasowe", "artykuły prasowe", "artykułów prasowych",
        "artykułów prasowych", "artykuły prasowe", "artykułów prasowych"]


@pytest.mark.parametrize(("lang", "one", "other"), [
    ("en", "1 file", "files"), ("es", "1 archivo", "archivos")])
def test_english_and_spanish_have_two_forms(lang: str, one: str, other: str) -> None:
    forms = _forms(lang, FILES)
    assert forms[0] == one
    assert forms[1:] == [f"{n} {other}" for n in COUNTS[1:]]
    assert _forms(lang, CHARACTERS, noun="X")[0].startswith("X ")


def test_thousands_are_written_as_each_language_writes_them() -> None:
    """The msgid's {limit:,} gives 2,000 in English and US Spanish; Polish writes 2000 (glossary)."""
    assert ngettext_for("en")(*CHARACTERS, 2000).format(noun="It", limit=2000) == "It must be 2,000 characters or fewer"
    assert "2,000 caracteres" in ngettext_for("es")(*CHARACTERS, 2000).format(noun="X", limit=2000)
    assert ngettext_for("pl")(*CHARACTERS, 2000).format(noun="X", limit=2000) == "X: może mieć najwyżej 2000 znaków"


def test_a_letter_in_polish_reports_a_long_field_and_too_many_people_in_polish() -> None:
    answer = render({"lang": "pl", "personal": "x" * 2001, "recipients": [{"role": "mayor", "name": "A"}] * 11})
    messages = {error["field"]: error["message"] for error in answer["errors"]}
    assert messages["personal"] == "Twój akapit osobisty: może mieć najwyżej 2000 znaków"
    assert messages["recipients"] == "Dodaj najwyżej 10 osób, do których piszesz"


def _plural_entries(po: Path):
    with po.open("rb") as handle:
        return [message for message in read_po(handle) if message.id and message.pluralizable]


@pytest.mark.parametrize("po", catalogues.catalogues(PACKAGE), ids=lambda po: po.parts[-3])
def test_every_plural_form_is_translated_and_keeps_its_placeholders(po: Path) -> None:
    entries = _plural_entries(po)
    assert len(entries) >= 12
    mo = gettext.GNUTranslations(io.BytesIO(catalogues.mo_bytes(po)))
    for message in entries:
        assert all(form.strip() for form in message.string), message.id
        wanted = sorted(set(_names(message.id[1])))
        for form in message.string:
            assert sorted(set(_names(form))) == wanted, (message.id, form)
        assert {mo.plural(n) for n in COUNTS} == set(range(len(message.string))), po


def _names(text: str) -> list[str]:
    import re

    return re.findall(r"{(\w*)(?::[^{}]*)?}", text)


def test_the_polish_catalogue_declares_three_forms() -> None:
    po = PACKAGE / "locale" / "pl" / "LC_MESSAGES" / "letter_py.po"
    header = po.read_text(encoding="utf-8")
    assert "nplurals=3;" in header
    mo = gettext.GNUTranslations(io.BytesIO(catalogues.mo_bytes(po)))
    assert [mo.plural(n) for n in (0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 24, 25, 102, 112, 122)] == [
        2, 0, 1, 1, 2, 2, 2, 2, 2, 1, 1, 2, 1, 2, 1]
