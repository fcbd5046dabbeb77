"""The default letter is the seed letter, and every format of it is pinned.

Run with ``LETTER_PY_UPDATE_GOLDEN=1`` to rewrite the golden files after an
intended change, then read the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import letter_py
from letter_py.cli import EXAMPLE, EXAMPLE_ES, EXAMPLE_PL
from letter_py.formats import FORMATS
from letter_py.render import render_letters
from tests.letter_py.letter_helpers import GOLDEN, TODAY

SEED_COPY = GOLDEN / "seed-letter.txt"
SHARED_SEED = Path(__file__).resolve().parents[3] / "shared" / "seed-letter.txt"
UPDATE = os.environ.get("LETTER_PY_UPDATE_GOLDEN") == "1"

# The seed's one sentence that must change: an email cannot carry attachments,
# so with articles it points to the list of links, and without any it stops.
ATTACHED = "Our own neighborhood is no exception, as you'll see from the attached news articles."
WITH_ARTICLES = "Our own neighborhood is no exception, as you'll see from the news articles listed below."
WITHOUT_ARTICLES = "Our own neighborhood is no exception."


def seed_parts() -> tuple[str, list[str], list[str]]:
    """The seed's salutation, body paragraphs and closing placeholders."""
    text = SEED_COPY.read_text(encoding="utf-8").replace("\\$", "$")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    start = next(i for i, p in enumerate(paragraphs) if p.startswith("Dear "))
    end = paragraphs.index("---")
    closing = [p for p in paragraphs[end:] if p != "---"]
    return paragraphs[start], paragraphs[start + 1:end], closing


def sentences(paragraph: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", paragraph)


def expected_paragraphs(with_articles: bool) -> list[str]:
    _, body, _ = seed_parts()
    return [p.replace(ATTACHED, WITH_ARTICLES if with_articles else WITHOUT_ARTICLES) for p in body]


def test_seed_copy_matches_shared_seed() -> None:
    if not SHARED_SEED.exists():
        pytest.skip("../shared/seed-letter.txt is not beside this checkout")
    assert SEED_COPY.read_text(encoding="utf-8") == SHARED_SEED.read_text(encoding="utf-8")


def test_seed_is_parsed_as_expected() -> None:
    salutation, body, closing = seed_parts()
    assert salutation == "Dear (Mayor/Police Chief Name),"
    assert len(body) == 6
    assert closing == ["(Your signature)", "(Your name)", "(Your address)"]
    assert "fines of $1,000 or more." in body[3]


@pytest.mark.parametrize("with_articles", [False, True])
def test_default_letter_is_the_seed_paragraph_by_paragraph(campaign: letter_py.Campaign, with_articles: bool) -> None:
    articles = [{"title": "T", "url": "https://news.example.com/t"}] if with_articles else []
    data, _ = letter_py.parse_input({"articles": articles}, campaign)
    (draft,) = render_letters(data, campaign, TODAY)
    expected = expected_paragraphs(with_articles)
    assert draft.paragraphs == expected
    for paragraph in expected:
        assert f"\n\n{paragraph}\n\n" in draft.email_text
        assert f"\n\n{paragraph}\n\n" in draft.letter_text


def test_every_seed_sentence_in_order(campaign: letter_py.Campaign) -> None:
    """With articles, every seed sentence is there in order, bar the one about attachments."""
    data, _ = letter_py.parse_input({"articles": [{"title": "T", "url": "https://news.example.com/t"}],
                                     "personal": "My own sentence."}, campaign)
    (draft,) = render_letters(data, campaign, TODAY)
    _, body, _ = seed_parts()
    position = 0
    for paragraph in body:
        for sentence in sentences(paragraph):
            sentence = WITH_ARTICLES if sentence == ATTACHED else sentence
            found = draft.letter_text.find(sentence, position)
            assert found >= 0, sentence
            position = found + len(sentence)


def test_empty_input_keeps_the_seed_placeholders() -> None:
    salutation, _, closing = seed_parts()
    letter = json.loads(letter_py.render_json("{}", today=TODAY))["letters"][0]
    assert f"\n{salutation}\n" in letter["letter_text"]
    assert letter["email_text"].startswith(salutation)
    for placeholder in closing[1:]:
        assert f"\n{placeholder}\n" in letter["letter_text"]
    assert letter["letter_text"].startswith("(Your name)\n(Your address)\n")
    assert "(Mayor/Police Chief Name)\n(Mayor/Police Chief Address)\n" in letter["letter_text"]


# Every role once, with a name whose file name must spell Polish letters.
ROLE_NAMES_M = [("mayor", "Łukasz Żółkiewski"), ("police_chief", "Paweł Zając"),
                ("village_president", "Jerzy Wróbel"), ("superintendent", "Larry Snelling"),
                ("sheriff", "Tom Dart"), ("states_attorney", "Mikołaj Kędzierski"), ("other", "Bogdan Ślusarczyk")]
ROLE_NAMES_F = [("mayor", "Małgorzata Wiśniewska"), ("police_chief", "Agnieszka Łęcka"),
                ("village_president", "Grażyna Nowak"), ("superintendent", "Ewa Kowalczyk"),
                ("sheriff", "Joanna Dźwigaj"), ("states_attorney", "Eileen O'Neill Burke"), ("other", "Anna Dowell")]

CASES = {
    "example": EXAMPLE,
    "empty": {},
    "placeholders": {"recipients": [{"role": "police_chief", "name": "Ken Brown"}], "date": "",
                     "community": {"state": "Wisconsin"}},
    # The Spanish letter: both genders, the neutral greeting, a free title, a
    # one-form role, Spanish placeholders, a state with a Spanish name.
    "example-es": EXAMPLE_ES,
    "empty-es": {"lang": "es"},
    "placeholders-es": {"lang": "es", "recipients": [{"role": "police_chief", "name": "Ken Brown", "gender": "m"}],
                        "date": "", "community": {"state": "North Carolina"}},
    "neutral-es": {"lang": "es", "date": "2026-12-01", "recipients": [
        {"role": "mayor", "name": "María López García, PhD"},
        {"role": "other", "title": "Concejala", "name": "Ana Dowell", "gender": "f"},
        {"role": "states_attorney", "name": "Eileen O'Neill Burke", "gender": "f"},
        {"role": "sheriff", "name": "Tom Dart"}]},
    # A call for each recipient with a phone (none for the one without), in
    # both languages; the Spanish one with the placeholders a script can show.
    "call": {"date": "2026-11-29", "sender": {"name": "Alex Doe", "city": "Springfield", "state": "IL"},
             "recipients": [
                 {"role": "mayor", "name": "Maria Lopez", "email": "mayor@springfield.example.gov",
                  "phone": "217-555-0123 ext. 8730"},
                 {"role": "police_chief", "name": "Ken Brown"}]},
    "call-es": {"lang": "es", "date": "2026-11-29", "recipients": [
        {"role": "mayor", "name": "María López García", "gender": "f", "phone": "217.555.0123 x8730"}]},
    # A subject of the visitor's own, in every output (the .eml's in RFC 2047,
    # the call script's too), with a sentence of their own, in both languages.
    "subject": {"date": "2026-11-29", "subject": "Oak Park can lead: hold sex buyers accountable",
                "personal": "I have lived in Oak Park for 12 years.",
                "sender": {"name": "Alex Doe", "city": "Oak Park", "state": "IL"},
                "recipients": [{"role": "mayor", "name": "Vicki Scaman", "email": "mayor@oak-park.example.gov",
                                "phone": "708-358-5770"}]},
    # Surnames as people write them (letter_py.names): particles in their own
    # case, a suffix and initials left out, a one-word name as it is, and a
    # family name given (from the data, or the visitor's correction) in every
    # output: email, letter, html, .eml, mailto, webmail, the call, the .ics.
    "names": {"date": "2026-12-07", "sender": {"name": "Alex Doe", "city": "Skokie", "state": "IL"},
              "recipients": [
                  {"role": "mayor", "name": "George Van Dusen", "email": "mayor@skokie.example.gov"},
                  {"role": "mayor", "name": "Maria de la Cruz"},
                  {"role": "police_chief", "name": "Martin O'Brien Jr."},
                  {"role": "village_president", "name": "J. R. Smith"},
                  {"role": "sheriff", "name": "Cher"},
                  {"role": "other", "title": "alderperson", "name": "John St. John"},
                  {"role": "states_attorney", "name": "Eileen O'Neill Burke", "family_name": "O'Neill Burke",
                   "email": "sa@cook.example.gov", "phone": "312-555-0100"}]},
    "names-es": {"lang": "es", "date": "2026-12-07", "sender": {"name": "Alex Doe", "city": "Skokie", "state": "IL"},
                 "recipients": [
                     {"role": "mayor", "name": "George Van Dusen", "gender": "m", "family_name": "Van Dusen"},
                     {"role": "mayor", "name": "María López García", "gender": "f", "family_name": "López",
                      "email": "alcaldesa@example.gov", "phone": "312-555-0100"},
                     {"role": "other", "title": "Concejal", "name": "Juan Pérez", "gender": "m"},
                     {"role": "other", "title": "miembro de la junta del municipio", "name": "Ana Dowell",
                      "gender": "f"}]},
    "subject-es": {"lang": "es", "date": "2026-11-29", "subject": "Señora alcaldesa: Oak Park puede dar el ejemplo",
                   "personal": "Vivo en Oak Park desde hace 12 años.",
                   "sender": {"name": "Alex Doe", "city": "Oak Park", "state": "IL"},
                   "recipients": [{"role": "mayor", "name": "Vicki Scaman", "gender": "f",
                                   "email": "mayor@oak-park.example.gov", "phone": "708-358-5770"}]},
    # To an office, not a person (the directory's police departments): no name
    # and no error, "Dear Chief of Police,", the department on the address
    # block's second line; a named mayor with their office; both languages.
    "office": {"date": "2026-12-07", "sender": {"name": "Alex Doe", "city": "Evanston", "state": "IL"},
               "recipients": [
                   {"role": "police_chief", "organization": "Evanston Police Department",
                    "address": "1454 Elmwood Avenue\nEvanston, IL 60201", "phone": "847-866-5000"},
                   {"role": "mayor", "name": "Daniel Biss", "organization": "City of Evanston",
                    "address": "2100 Ridge Avenue\nEvanston, IL 60201"}]},
    "office-es": {"lang": "es", "date": "2026-12-07", "recipients": [
        {"role": "police_chief", "organization": "Evanston Police Department",
         "address": "1454 Elmwood Avenue\nEvanston, IL 60201"},
        {"role": "other", "title": "Concejal", "organization": "Ayuntamiento de Evanston"}]},
    # The Polish letter: greetings by the title's vocative and no name, for
    # every role as a man, as a woman and with no gender given (Szanowni
    # Państwo,); a typed title (Szanowny Panie,); Polish placeholders and state
    # names; names with diacritics in file names; letters to offices; the call.
    "example-pl": EXAMPLE_PL,
    "empty-pl": {"lang": "pl"},
    "placeholders-pl": {"lang": "pl", "recipients": [{"role": "police_chief", "name": "Ken Brown", "gender": "m"}],
                        "date": "", "community": {"state": "North Carolina"}},
    "roles-m-pl": {"lang": "pl", "date": "2026-12-07", "recipients": [
        {"role": role, "name": name, "gender": "m", **({"title": "Radny"} if role == "other" else {})}
        for role, name in ROLE_NAMES_M]},
    "roles-f-pl": {"lang": "pl", "date": "2026-12-07", "recipients": [
        {"role": role, "name": name, "gender": "f", **({"title": "Radna"} if role == "other" else {})}
        for role, name in ROLE_NAMES_F]},
    "neutral-pl": {"lang": "pl", "date": "2026-12-07", "recipients": [
        {"role": role, "name": name, **({"title": "Alderperson"} if role == "other" else {})}
        for role, name in ROLE_NAMES_F]},
    "names-pl": {"lang": "pl", "date": "2026-12-07",
                 "sender": {"name": "Łucja Dąbrowska-Żak", "city": "Niles", "state": "Illinois"},
                 "community": {"state": "Pensylwania"},
                 "recipients": [
                     {"role": "mayor", "name": "Grzegorz Brzęczyszczykiewicz", "gender": "m",
                      "email": "burmistrz@niles.example.gov"},
                     {"role": "states_attorney", "name": "Eileen O'Neill Burke", "family_name": "O'Neill Burke",
                      "gender": "f", "email": "sa@cook.example.gov", "phone": "312-555-0100"},
                     {"role": "other", "title": "członek zarządu wsi", "name": "Ćwiek Ślęzak", "gender": "m"}]},
    "office-pl": {"lang": "pl", "date": "2026-12-07", "sender": {"name": "Łucja Dąbrowska", "city": "Evanston",
                                                                   "state": "IL"},
                  "recipients": [
                      {"role": "police_chief", "organization": "Evanston Police Department",
                       "address": "1454 Elmwood Avenue\nEvanston, IL 60201", "phone": "847-866-5000"},
                      {"role": "sheriff", "organization": "Cook County Sheriff's Office", "gender": "m"},
                      {"role": "other", "title": "Radny", "organization": "City of Evanston"}]},
    "call-pl": {"lang": "pl", "date": "2026-11-29", "recipients": [
        {"role": "mayor", "name": "Małgorzata Wiśniewska", "gender": "f", "phone": "217.555.0123 x8730"},
        {"role": "police_chief", "organization": "Niles Police Department", "phone": "847-588-6500"}]},
    "subject-pl": {"lang": "pl", "date": "2026-11-29", "subject": "Pani Burmistrz, Oak Park może dać przykład",
                   "personal": "Mieszkam w Oak Park od 12 lat.",
                   "sender": {"name": "Łucja Dąbrowska", "city": "Oak Park", "state": "IL"},
                   "articles": [{"title": "Policja zatrzymała 12 osób", "url": "https://news.example.com/a"}],
                   "recipients": [{"role": "mayor", "name": "Vicki Scaman", "gender": "f",
                                   "email": "mayor@oak-park.example.gov", "phone": "708-358-5770"}]},
}


def _check(path: Path, actual: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
    assert path.exists(), f"{path} missing: run with LETTER_PY_UPDATE_GOLDEN=1"
    assert path.read_bytes().decode("utf-8") == actual, f"{path.name} differs from the golden file"


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_golden_files(campaign: letter_py.Campaign, case: str, fmt: str) -> None:
    data, _ = letter_py.parse_input(CASES[case], campaign)
    for draft in render_letters(data, campaign, TODAY):
        spec = FORMATS[fmt]
        suffix = fmt if fmt == spec.extension else f"{fmt}.{spec.extension}"
        _check(GOLDEN / case / f"{draft.filename}.{suffix}", spec.render(draft))


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden_json_entry_point(case: str) -> None:
    _check(GOLDEN / case / "render_json.json", letter_py.render_json(json.dumps(CASES[case]), today=TODAY))
