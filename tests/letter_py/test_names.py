"""The surname a greeting uses (letter_py.names), and how it reaches every output."""

from __future__ import annotations

import json
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

import letter_py
from letter_py.names import PARTICLES, SUFFIXES, full_name, is_initial, name_words, surname
from letter_py.render import render_letters
from tests.letter_py.letter_helpers import TODAY


@pytest.mark.parametrize(("name", "expected"), [
    ("George Van Dusen", "Van Dusen"),
    ("Maria de la Cruz", "de la Cruz"),
    ("Maria  De La Cruz", "De La Cruz"),  # particles in their own case
    ("Ana Del Valle", "Del Valle"),
    ("Ángel Di María", "Di María"),
    ("John St. John", "St. John"),
    ("Paul Le Blanc", "Le Blanc"),
    ("Ludwig van Beethoven", "van Beethoven"),
    ("José Ortega y Gasset", "Ortega y Gasset"),
    ("Martin O'Brien Jr.", "O'Brien"),
    ("Martin O'Brien, Jr.", "O'Brien"),
    ("Robert Smith III", "Smith"),
    ("Maria Lopez, PhD", "Lopez"),
    ("Jane Doe Ph.D.", "Doe"),
    ("J. R. Smith", "Smith"),
    ("Mary Jo E Smith", "Smith"),  # a capital E is an initial, not "e" joining two surnames
    ("George W.", "George"),  # a trailing initial is never the surname
    ("Cher", "Cher"),
    ("Jr.", "Jr."),  # one word: as it is
    ("Van Morrison", "Morrison"),  # a first word that looks like a particle is a given name
    ("de la Cruz", "de la Cruz"),  # a surname on its own keeps its particles
    ("Ken Brown", "Brown"),
    ("", ""),
])
def test_surname_of_a_typed_name(name: str, expected: str) -> None:
    assert surname(name) == expected


@pytest.mark.parametrize(("name", "family", "expected"), [
    ("Eileen O'Neill Burke", "O'Neill Burke", "O'Neill Burke"),
    ("María López García", "  López   García ", "López García"),
    ("", "Van Dusen", "Van Dusen"),
])
def test_a_given_family_name_is_used_as_it_is(name: str, family: str, expected: str) -> None:
    assert surname(name, family) == expected


@pytest.mark.parametrize(("name", "family", "expected"), [
    ("María López García, PhD", "", "María López García"),  # the whole name, as the Spanish letter always had
    ("George Van Dusen", "Van Dusen", "George Van Dusen"),  # the data's surname changes nothing
    ("María López García", "López", "María López"),  # the visitor's correction: given names and their surname
    ("Juan Pérez", "Pérez Gómez", "Juan Pérez Gómez"),
    ("Martin O'Brien Jr.", "O'Brien", "Martin O'Brien"),
    ("", "Dowell", "Dowell"),
])
def test_full_name_with_and_without_a_family_name(name: str, family: str, expected: str) -> None:
    assert full_name(name, family) == expected


def test_the_word_lists() -> None:
    assert "van" in PARTICLES and "de" in PARTICLES and "jr" in SUFFIXES
    assert is_initial("J.") and is_initial("J.R.") and is_initial("Q")
    assert not is_initial("Ng") and not is_initial("Al") and not is_initial("Wu")
    assert name_words("Ana Ruiz, MD") == ["Ana", "Ruiz"]


# ---- properties -------------------------------------------------------------

word = st.text(st.characters(categories=["L"]), min_size=1, max_size=8) | st.sampled_from(
    ["van", "Van", "de", "la", "St.", "y", "Jr.", "III", "PhD", "J.", "O'Brien", "E"])
names = st.lists(word, min_size=1, max_size=6).map(" ".join)


@given(names)
def test_the_surname_is_whole_words_that_end_the_name(name: str) -> None:
    """Never empty, never part of a word: the last words of the name (before any suffixes and initials)."""
    words = name.split()
    found = surname(name).split()
    assert found
    ends = [at for at in range(len(words)) if words[at:at + len(found)] == found]
    assert ends, (name, found)
    after = words[ends[-1] + len(found):]
    assert all(w.lower().replace(".", "") in SUFFIXES or is_initial(w) for w in after), (name, found)


@given(names, names)
def test_a_family_name_ends_every_greeting_name(name: str, family: str) -> None:
    assert surname(name, family) == " ".join(family.split())
    assert full_name(name, family).split()[-len(family.split()):] == family.split()
    assert all(w in name.split() for w in full_name(name, family).split()[:-len(family.split())])


# ---- every output --------------------------------------------------------------

def _letter(campaign: letter_py.Campaign, recipient: dict[str, str], lang: str = "en") -> letter_py.render.Draft:
    data, errors = letter_py.parse_input({"lang": lang, "recipients": [recipient], "date": "2026-12-07"}, campaign)
    assert [e for e in errors if e.field.startswith("recipients")] == []
    (draft,) = render_letters(data, campaign, TODAY)
    return draft


@pytest.mark.parametrize(("lang", "recipient", "greeting", "wrong"), [
    ("en", {"role": "mayor", "name": "George Van Dusen"}, "Dear Mayor Van Dusen,", "Dear Mayor Dusen,"),
    ("en", {"role": "police_chief", "name": "Eileen O'Neill Burke", "family_name": "O'Neill Burke"},
     "Dear Chief O'Neill Burke,", "Dear Chief Burke,"),
    ("es", {"role": "mayor", "name": "María López García", "gender": "f", "family_name": "López"},
     "Estimada alcaldesa María López:", "Estimada alcaldesa María López García:"),
])
def test_a_surname_reaches_every_output(campaign: letter_py.Campaign, lang: str, recipient: dict[str, str],
                                         greeting: str, wrong: str) -> None:
    # A mailto: link long enough to carry the body, as on a phone.
    files = dict(campaign.files)
    files["campaign.toml"] = files["campaign.toml"].replace("max_length = 2000", "max_length = 100000")
    campaign = letter_py.Campaign.from_files(files)
    draft = _letter(campaign, {**recipient, "email": "office@example.gov", "phone": "847-555-0100"}, lang)
    assert draft.email_text.startswith(greeting + "\n")
    assert f"\n{greeting}\n" in draft.letter_text
    assert f">{greeting}</p>" in draft.letter_html.replace("&#39;", "'")
    assert greeting in unquote(draft.mailto)
    for link in draft.webmail:
        assert greeting in unquote(str(link["url"]))
    assert greeting in _eml_body(draft.eml)
    assert draft.to_dict()["recipient"]["salutation"] == greeting
    for text in (draft.email_text, draft.letter_text, unquote(draft.mailto)):
        assert wrong not in text
    # The call is said to whoever answers: its script names no one, so no surname can be cut there.
    assert draft.call is not None and recipient["name"] not in draft.call["script"]


def _eml_body(eml: str) -> str:
    import email

    message = email.message_from_string(eml)
    return message.get_payload(decode=True).decode("utf-8")


@pytest.mark.parametrize(("value", "code"), [(7, "wrong_type"), ("x" * 101, "too_long")])
def test_the_family_name_is_checked_like_any_field(campaign: letter_py.Campaign, value: object, code: str) -> None:
    data, errors = letter_py.parse_input({"recipients": [{"role": "mayor", "name": "Ann Wu", "family_name": value}]},
                                         campaign)
    errors = [e for e in errors if e.field.startswith("recipients")]
    assert [(e.field, e.code) for e in errors] == [("recipients.0.family_name", code)]
    assert "surname" in errors[0].message
    answer = json.loads(letter_py.render_json(json.dumps({"lang": "es", "recipients": [
        {"role": "mayor", "name": "Ann Wu", "family_name": value}]}), today=TODAY))
    assert "apellido" in next(e for e in answer["errors"] if e["field"] == "recipients.0.family_name")["message"]


@pytest.mark.parametrize(("lang", "title", "label", "greeting"), [
    ("es", "concejal", "Concejal Juan Pérez", "Estimado concejal Juan Pérez:"),
    ("es", "Concejal", "Concejal Juan Pérez", "Estimado concejal Juan Pérez:"),
    ("es", "DA", "DA Juan Pérez", "Estimado DA Juan Pérez:"),  # an acronym keeps its capitals
    ("en", "alderperson", "Alderperson Juan Pérez", "Dear Alderperson Pérez,"),
    ("en", "Village Trustee", "Village Trustee Juan Pérez", "Dear Village Trustee Pérez,"),
])
def test_a_typed_title_in_the_address_block_and_the_greeting(campaign: letter_py.Campaign, lang: str, title: str,
                                                             label: str, greeting: str) -> None:
    draft = _letter(campaign, {"role": "other", "title": title, "name": "Juan Pérez", "gender": "m"}, lang)
    assert draft.view.label == label
    assert draft.view.salutation == greeting
    assert f"\n{label}\n" in draft.letter_text
