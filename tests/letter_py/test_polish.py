"""The Polish letter as a Polish reader expects it (letter_py/locale/pl/LETTER.md).

Greetings by the title's vocative, agreeing with the gender the visitor chose,
never with the name; *Szanowni Państwo,* when no gender is given or a letter
goes to an office; nothing in the templates that gives away the writer's gender.
"""

from __future__ import annotations

import re

import pytest

import letter_py
from tests.letter_py.letter_helpers import DEFAULT, render

GREETINGS = {
    "mayor": ("Szanowny Panie Burmistrzu,", "Szanowna Pani Burmistrz,"),
    "police_chief": ("Szanowny Panie Komendancie,", "Szanowna Pani Komendant,"),
    "village_president": ("Szanowny Panie Przewodniczący,", "Szanowna Pani Przewodnicząca,"),
    "superintendent": ("Szanowny Panie Superintendencie,", "Szanowna Pani Superintendent,"),
    "sheriff": ("Szanowny Panie Szeryfie,", "Szanowna Pani Szeryf,"),
    "states_attorney": ("Szanowny Panie Prokuratorze,", "Szanowna Pani Prokurator,"),
    "other": ("Szanowny Panie,", "Szanowna Pani,"),
}


# Words that end like a first-person past tense and are not one (a present tense, a noun).
PRESENT = {"Wysyłam", "źródłem"}


def _letter(**recipient: str) -> dict:
    (letter,) = render({"lang": "pl", "date": "2026-12-07", "recipients": [recipient]})["letters"]
    return letter


def test_every_role_has_its_polish_greetings() -> None:
    assert set(GREETINGS) == {role.id for role in letter_py.default_campaign().roles}


@pytest.mark.parametrize("role", sorted(GREETINGS))
def test_greetings_agree_with_the_gender_and_hold_no_name(role: str) -> None:
    male, female = GREETINGS[role]
    for gender, greeting in (("m", male), ("f", female), ("", "Szanowni Państwo,")):
        letter = _letter(role=role, name="Małgorzata Wiśniewska", title="Radna", gender=gender)
        assert letter["recipient"]["salutation"] == greeting
        assert letter["email_text"].startswith(greeting + "\n\n")
        assert f"\n\n{greeting}\n\n" in letter["letter_text"]
        assert "Wiśniewska" not in greeting


def test_a_letter_to_an_office_reads_right() -> None:
    letter = _letter(role="police_chief", organization="Evanston Police Department")
    assert letter["recipient"]["salutation"] == "Szanowni Państwo,"
    assert "\nKomendant policji\nEvanston Police Department\n" in letter["letter_text"]
    assert letter["filename"] == "list-do-komendant-policji"
    assert _letter(role="sheriff", organization="Cook County", gender="m")["recipient"]["salutation"] == (
        "Szanowny Panie Szeryfie,")


def test_the_reminder_and_file_names_use_the_nominative_and_ascii() -> None:
    letter = _letter(role="mayor", name="Małgorzata Wiśniewska", gender="f")
    assert letter["filename"] == "list-do-burmistrz-malgorzata-wisniewska"
    assert letter["reminder"]["filename"] == "przypomnienie-burmistrz-malgorzata-wisniewska.ics"
    ics = letter["reminder"]["ics"].replace("\r\n ", "")
    assert "SUMMARY:Sprawdź\\, czy jest odpowiedź na Twój list: burmistrz Małgorzata Wiśniewska\r\n" in ics
    assert "Data listu: 7 grudnia 2026." in ics
    neutral = _letter(role="police_chief", name="Agnieszka Łęcka")
    assert neutral["recipient"]["label"] == "Agnieszka Łęcka, Komendant policji"


def test_polish_dates_take_the_month_in_the_genitive() -> None:
    months = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
              "października", "listopada", "grudnia"]
    for number, month in enumerate(months, 1):
        (letter,) = render({"lang": "pl", "date": f"2027-{number:02d}-07"})["letters"]
        assert f"\n\n7 {month} 2027\n\n" in letter["letter_text"]


def test_the_closing_has_no_comma_and_the_templates_no_gendered_first_person() -> None:
    letter = _letter(role="mayor", name="Anna Nowak", gender="f")
    assert "\n\nZ wyrazami szacunku\n" in letter["email_text"] and "Z wyrazami szacunku," not in letter["email_text"]
    # A first-person past tense (napisałem / napisałam) or an adjective about the writer would give their gender.
    for template in (DEFAULT / "pl").glob("*.j2"):
        text = template.read_text(encoding="utf-8")
        past = set(re.findall(r"\w+(?:łem|łam|łabym|łbym)\b", text)) - PRESENT
        assert not past, (template.name, past)
        assert not re.search(r"\b(zaniepokojony|zaniepokojona|zatroskany|mieszkaniec|mieszkanka)\b", text), \
            template.name
