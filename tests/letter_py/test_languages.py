"""Letters in more than one language: the campaign's language folders and keys, the
document's ``lang`` and each recipient's ``gender``, Spanish dates, citations and
state names, ``describe`` per language, and the command line's ``--lang``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

import letter_py
from letter_py import CampaignError
from letter_py.cli import EXAMPLE_ES
from letter_py.dates import format_date
from letter_py.states import NAMES, STATES, STATES_ES, STATES_PL, listed, state_code, state_name
from letter_py.web import Engine
from tests.hostile import HOSTILE_STRINGS
from tests.letter_py.letter_helpers import DEFAULT, fields, render, run

FILES = letter_py.campaign_files(DEFAULT)
TOML = FILES["campaign.toml"]


def campaign(**changes: str | None) -> letter_py.Campaign:
    files = dict(FILES)
    for name, text in changes.items():
        name = name.replace("__", "/").replace("_j2", ".j2").replace("_txt", ".txt").replace("_html", ".html").replace("_toml", ".toml")
        if text is None:
            files.pop(name)
        else:
            files[name] = text
    return letter_py.Campaign.from_files(files)


def first(data: dict) -> dict:
    return render(data)["letters"][0]


def salutation(data: dict) -> str:
    return first(data)["email_text"].split("\n", 1)[0]


# The document's language and the recipient's gender.

@pytest.mark.parametrize(("gender", "expected", "label"), [
    ("f", "Estimada alcaldesa María López García:", "Alcaldesa María López García"),
    ("m", "Estimado alcalde María López García:", "Alcalde María López García"),
    ("", "Estimado/a María López García:", "María López García, Alcalde/Alcaldesa"),
])
def test_spanish_salutation_agrees_with_the_chosen_gender(gender: str, expected: str, label: str) -> None:
    letter = first({"lang": "es", "recipients": [{"role": "mayor", "name": "María López García", "gender": gender}]})
    assert letter["email_text"].startswith(expected + "\n")
    assert f"\n{label}\n" in letter["letter_text"]
    assert letter["recipient"]["label"] == label


def test_gender_changes_nothing_in_english() -> None:
    letters = [first({"recipients": [{"role": "mayor", "name": "Maria Lopez", "gender": g}]}) for g in ("", "f", "m")]
    assert letters[0] == letters[1] == letters[2]
    assert letters[0]["email_text"].startswith("Dear Mayor Lopez,\n")


@pytest.mark.parametrize("value", ["es", "ES", "es-US", "es_419", " es "])
def test_lang_is_a_bcp47_tag(value: str) -> None:
    answer = render({"lang": value})
    assert "lang" not in fields(answer)
    assert answer["letters"][0]["email_text"].startswith("Estimado/a ")


@pytest.mark.parametrize(("value", "code"), [("fr", "invalid_lang"), ("english", "invalid_lang"), (3, "wrong_type"),
                                             (["es"], "wrong_type")])
def test_a_bad_lang_is_an_error_and_english(value: object, code: str) -> None:
    answer = render({"lang": value})
    assert fields(answer)["lang"] == code
    assert answer["letters"][0]["email_text"].startswith("Dear ")


@pytest.mark.parametrize(("value", "code"), [("x", "invalid_gender"), ("female", "invalid_gender"),
                                             (1, "wrong_type")])
def test_a_bad_gender_is_an_error_and_neutral(value: object, code: str) -> None:
    answer = render({"lang": "es", "recipients": [{"role": "mayor", "name": "Ana Ruiz", "gender": value}]})
    assert fields(answer)["recipients.0.gender"] == code
    assert answer["letters"][0]["email_text"].startswith("Estimado/a Ana Ruiz:")
    assert render({"lang": "es", "recipients": [{"role": "mayor", "name": "A", "gender": "F"}]})["letters"][0][
        "email_text"].startswith("Estimada alcaldesa A:")


def test_spanish_names_keep_every_word_but_suffixes() -> None:
    assert salutation({"lang": "es", "recipients": [{"role": "police_chief", "gender": "m",
                                                      "name": "José Luis Pérez Soto, Jr."}]}) == \
        "Estimado jefe José Luis Pérez Soto:"
    assert salutation({"recipients": [{"role": "police_chief", "name": "José Luis Pérez Soto, Jr."}]}) == \
        "Dear Chief Soto,"


def test_spanish_placeholders_and_roles_by_spanish_label() -> None:
    letter = first({"lang": "es", "recipients": [{"role": "Alcaldesa", "gender": "f"}], "date": ""})
    assert letter["email_text"].startswith("Estimada alcaldesa (Nombre):")
    text = letter["letter_text"]
    assert text.startswith("(Su nombre)\n(Su dirección)\n\n(Fecha)\n")
    assert "(Ciudad, estado, código postal)" in text and "Atentamente," in text


def test_spanish_dates_citations_and_states() -> None:
    assert format_date(dt.date(2026, 12, 1), "es") == "1 de diciembre de 2026"
    assert format_date(dt.date(2026, 12, 1)) == "December 1, 2026"
    letter = first({"lang": "es", "date": "2026-12-01", "community": {"state": "nuevo mexico"},
                    "articles": [{"title": "T", "outlet": "O", "date": "2026-05-03", "url": "https://e.example/t"}]})
    assert "\n1 de diciembre de 2026\n" in letter["letter_text"]
    assert '1. "T", O, 3 de mayo de 2026\n' in letter["email_text"]
    assert "explotación sexual en Nuevo México si" in letter["email_text"]
    assert " locales " not in letter["email_text"]  # "local research" only for the campaign's own state
    english = first({"date": "2026-12-01", "articles": [{"title": "T", "outlet": "O", "date": "2026-05-03",
                                                         "url": "https://e.example/t"}]})
    assert '1. "T," O, May 3, 2026\n' in english["email_text"]


def test_every_state_has_its_spanish_name() -> None:
    assert set(STATES_ES) == set(STATES)
    assert all(STATES_ES.values())
    for code, name in STATES_ES.items():
        assert state_code(name) == code
        assert state_name(code, "es") == name
    assert STATES_ES["NC"] == "Carolina del Norte" and STATES_ES["PA"] == "Pensilvania"
    assert STATES_ES["LA"] == "Luisiana" and STATES_ES["IL"] == "Illinois"
    assert state_code("carolina  del norte") == state_code("CAROLINA DEL NORTE") == "NC"
    assert state_code("Hawai") == "HI" and state_name("NC", "fr") == "North Carolina"


@pytest.mark.parametrize("lang", sorted(NAMES))
def test_every_language_names_every_state(lang: str) -> None:
    names = NAMES[lang]
    assert set(names) == set(STATES) and all(names.values())
    for code, name in names.items():
        assert state_code(name) == code, name
        assert state_name(code, lang) == name
    assert len(listed(lang)) == len(STATES)


def test_polish_state_names_follow_the_glossary() -> None:
    assert STATES_PL["NC"] == "Karolina Północna" and STATES_PL["CA"] == "Kalifornia"
    assert STATES_PL["NY"] == "Nowy Jork" and STATES_PL["NJ"] == "New Jersey" and STATES_PL["IL"] == "Illinois"
    assert STATES_PL["HI"] == "Hawaje" and STATES_PL["PR"] == "Portoryko" and STATES_PL["GA"] == "Georgia"
    assert state_code("karolina polnocna") == state_code("KAROLINA PÓŁNOCNA") == "NC"
    names = [name for _code, name in listed("pl")]
    assert names.index("Kalifornia") < names.index("Kansas") and names[-5] == "Guam"


def test_addresses_stay_as_typed() -> None:
    address = "Oficina de la Alcaldía\n121 N. LaSalle St.\nChicago, IL 60602"
    letter = first({"lang": "es", "sender": {"street": "1 N. State St.", "city": "Chicago", "state": "Illinois",
                                             "zip": "60602"},
                    "recipients": [{"role": "mayor", "name": "A", "address": address}]})
    assert f"\n{address}\n" in letter["letter_text"]
    assert "\n1 N. State St.\nChicago, IL 60602\n" in letter["letter_text"]


def test_spanish_file_names_and_reminder() -> None:
    letter = first(EXAMPLE_ES)
    assert letter["filename"] == "carta-a-alcaldesa-maria-lopez-garcia"
    assert letter["reminder"]["filename"] == "seguimiento-a-alcaldesa-maria-lopez-garcia.ics"
    ics = letter["reminder"]["ics"].replace("\r\n ", "")
    assert "SUMMARY:Dar seguimiento a su carta: alcaldesa María López García" in ics
    assert "29 de noviembre de 2026" in ics


# The campaign folder: language subfolders and campaign.toml's keys.

def test_default_campaign_has_english_spanish_and_polish() -> None:
    default = letter_py.default_campaign()
    assert list(default.languages) == ["en", "es", "pl"]
    assert default.language("es").name == "Español"
    assert default.language("pl").name == "Polski"
    assert default.roles_by_id["mayor"].words("es").for_gender("f") == ("Alcaldesa", "alcaldesa")
    assert default.roles_by_id["mayor"].words("pl").for_gender("m") == ("Burmistrz", "Burmistrzu")
    assert default.files == FILES
    assert default.translation_problems() == []


def test_an_english_only_folder_still_works() -> None:
    files = {name: text for name, text in FILES.items() if "/" not in name}
    files["campaign.toml"] = 'name = "Town"\n\n[[roles]]\nid = "mayor"\nlabel = "Mayor"\nsalutation = "Mayor"\n'
    english = letter_py.Campaign.from_files(files)
    assert list(english.languages) == ["en"]
    assert fields(render({"lang": "es"}, english))["lang"] == "invalid_lang"


@pytest.mark.parametrize(("changes", "message"), [
    ({"es__body_txt_j2": None}, r"es/body\.txt\.j2: file missing \(every language needs every template"),
    ({"fr__body_txt_j2": "x"}, r"the folder fr/ holds templates, but no \[lang\.fr\] table"),
    ({"en__body_txt_j2": "x"}, r"en/: English templates stay at the top"),
    ({"campaign_toml": TOML.replace('[roles.es]\nlabel = "Sheriff"\n', "[roles.es]\n")},
     r"line \d+: role 'sheriff' has no label in Español \('es'\): add \[roles\.es\]"),
    ({"campaign_toml": TOML.replace('zip = "(Código postal)"\n', "")},
     r"\[lang\.es\.placeholders\] is missing 'zip'"),
    ({"campaign_toml": TOML.replace('salutation_name = "full"', 'salutation_name = "first"')},
     r"salutation_name must be \"last\", \"full\" or \"none\""),
    ({"campaign_toml": TOML.replace('neutral_label = "{name}, {title}"', 'neutral_label = "{name}"')},
     r"neutral_label must hold \{title\} and \{name\}"),
    ({"campaign_toml": TOML + '\n[lang.fr]\nname = "Français"\ndear = "Madame, Monsieur"\n'},
     r"\[lang\.fr\.placeholders\] is missing"),
    ({"campaign_toml": TOML.replace("[lang.es]\n", "[lang.es]\ncolour = 1\n")}, r"\[lang\.es\]: unknown key 'colour'"),
    ({"campaign_toml": TOML.replace('[roles.es]\nlabel = "Sheriff"\n', '[roles.en]\nlabel = "S"\n\n[roles.es]\nlabel = "Sheriff"\n')},
     r"\[roles\.en\] of role 'sheriff': the English words are the role's own"),
    ({"campaign_toml": TOML.replace('[roles.es]\nlabel = "Sheriff"\n', '[roles.de]\nlabel = "S"\n\n[roles.es]\nlabel = "Sheriff"\n')},
     r"\[roles\.de\] of role 'sheriff': no \[lang\.de\] table declares that language"),
])
def test_missing_translations_name_the_file_or_key(changes: dict, message: str) -> None:
    with pytest.raises(CampaignError, match=message):
        campaign(**changes)


def test_check_campaign_catches_a_missing_translation(tmp_path: Path) -> None:
    broken = tmp_path / "c"
    shutil.copytree(DEFAULT, broken)
    (broken / "es" / "subject.txt.j2").unlink()
    result = run("check-campaign", str(broken))
    assert result.returncode == 1
    assert "es/subject.txt.j2: file missing" in result.stderr


def test_check_campaign_catches_mismatched_variables(tmp_path: Path) -> None:
    broken = tmp_path / "c"
    shutil.copytree(DEFAULT, broken)
    body = (broken / "es" / "body.txt.j2").read_text(encoding="utf-8")
    body = body.replace("{% if community.is_home_state %} locales{% endif %}", " locales")
    (broken / "es" / "body.txt.j2").write_text(body + "\n{{ sender.phone }}\n", encoding="utf-8")
    result = run("check-campaign", str(broken))
    assert result.returncode == 1
    assert "es/body.txt.j2 does not use community.is_home_state, which body.txt.j2 does" in result.stderr
    assert "es/body.txt.j2 uses sender.phone, which body.txt.j2 does not" in result.stderr


def test_check_campaign_renders_every_language_and_gender() -> None:
    result = run("check-campaign", str(DEFAULT))
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("letters in en, es, pl")
    samples = letter_py.default_campaign().sample_inputs()
    assert {(d.get("lang"), d.get("recipients", [{}])[0].get("gender")) for d in samples.values()} >= {
        ("es", "f"), ("es", "m"), ("es", ""), ("en", ""), ("pl", "f"), ("pl", "m"), ("pl", "")}


def test_includes_prefer_the_language_folder() -> None:
    parts = campaign(part_j2="English part", es__part_j2="Parte",
                     subject_txt_j2='{% include "part.j2" %}', es__subject_txt_j2='{% include "part.j2" %}')
    assert render({"lang": "es"}, parts)["letters"][0]["subject"] == "Parte"
    assert render({}, parts)["letters"][0]["subject"] == "English part"


# What the page and the command line use.

def test_describe_in_spanish_has_the_same_keys() -> None:
    engine = Engine(json.dumps(FILES))
    english, spanish = json.loads(engine.describe()), json.loads(engine.describe("es"))
    assert engine.describe() == engine.describe("en") == engine.describe("xx")
    assert english.keys() == spanish.keys()
    assert spanish["roles"][0] == {"id": "mayor", "label": "Alcalde/Alcaldesa", "free_title": False}
    assert {"code": "NC", "name": "Carolina del Norte"} in spanish["states"]
    names = [state["name"] for state in spanish["states"]]
    assert names.index("Carolina del Norte") < names.index("Colorado") < names.index("Dakota del Norte")
    assert names.index("Misuri") < names.index("Montana") and names[-5:][0] == "Guam"
    assert [state["code"] for state in english["states"]] == list(STATES)
    assert spanish["limits"] == english["limits"]
    assert json.loads(engine.languages()) == [{"code": "en", "name": "English"}, {"code": "es", "name": "Español"},
                                              {"code": "pl", "name": "Polski"}]


def test_officials_are_listed_in_the_letter_language() -> None:
    files = dict(FILES)
    files["campaign.toml"] += '\n[[officials]]\nname = "María López"\nrole = "mayor"\n'
    engine = Engine(json.dumps(files))
    assert json.loads(engine.describe("es"))["officials"][0]["label"] == "María López, Alcalde/Alcaldesa"
    assert json.loads(engine.describe())["officials"][0]["label"] == "Mayor María López"


def test_engine_renders_the_documents_language() -> None:
    engine = Engine(json.dumps(FILES))
    answer = json.loads(engine.render(json.dumps(EXAMPLE_ES), "2026-11-29"))
    assert answer["ok"], answer["errors"]
    assert answer["letters"][0]["email_text"].startswith("Estimada alcaldesa María López García:")


def test_cli_example_and_render_in_spanish(tmp_path: Path) -> None:
    result = run("example", "--lang", "es")
    assert result.returncode == 0 and json.loads(result.stdout) == EXAMPLE_ES
    english = run("example").stdout
    rendered = run("render", "--input", "-", "--lang", "es", "--format", "letter", stdin=english)
    assert rendered.returncode == 0, rendered.stderr
    assert "\nEstimado/a Maria Lopez:\n" in rendered.stdout
    kept = run("render", "--input", "-", "--lang", "en", "--format", "json", stdin=result.stdout)
    assert "Estimada alcaldesa" in kept.stdout  # the document's own lang wins
    bad = run("render", "--input", "-", "--lang", "fr", stdin=english)
    assert bad.returncode == 1 and "lang: Choose the letter's language" in bad.stderr
    assert run("example", "--lang", "fr").returncode == 2


def test_batch_lang_and_gender_columns(tmp_path: Path) -> None:
    senders = tmp_path / "s.csv"
    with senders.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([
            ["name", "street", "city", "state", "zip", "lang", "recipients.0.role", "recipients.0.name",
             "recipients.0.gender"],
            ["Alex", "1 Main", "Peoria", "IL", "61602", "es", "mayor", "Ana Wu", "f"],
            ["Sam", "2 Main", "Peoria", "IL", "61602", "", "mayor", "Ann Wu", ""],
        ])
    out = tmp_path / "o"
    result = run("batch", str(senders), "--out", str(out), "--lang", "en")
    assert result.returncode == 0, result.stderr
    spanish = (out / "line0002-alex-carta-a-alcaldesa-ana-wu.txt").read_text(encoding="utf-8")
    assert "\nEstimada alcaldesa Ana Wu:\n" in spanish
    assert "\nDear Mayor Wu,\n" in (out / "line0003-sam-letter-to-mayor-ann-wu.txt").read_text(encoding="utf-8")
    result = run("batch", str(senders), "--out", str(tmp_path / "p"), "--lang", "es")
    assert (tmp_path / "p" / "line0003-sam-carta-a-ann-wu-alcalde-alcaldesa.txt").exists()


def test_check_campaign_wants_the_engines_messages_in_each_language() -> None:
    files = {**FILES, **{name.replace("es/", "fr/"): text for name, text in FILES.items() if name.startswith("es/")}}
    es_table = TOML[TOML.index("[lang.es]"):TOML.index("[lang.pl]")]
    toml = TOML + "\n" + es_table.replace("lang.es", "lang.fr").replace('"Español"', '"Français"')
    toml = toml.replace("\n[roles.es]\n", "\n[roles.fr]\nlabel = \"x\"\n\n[roles.es]\n")
    french = letter_py.Campaign.from_files({**files, "campaign.toml": toml})
    assert list(french.languages) == ["en", "es", "pl", "fr"]
    assert french.translation_problems() == [
        "the engine has no messages in 'fr' (dates and errors would be English): "
        "add letter_py/locale/fr/LC_MESSAGES/letter_py.po (see docs/reference.md)"]


@pytest.mark.parametrize("text", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_input_through_the_spanish_templates(text: str) -> None:
    answer = render({"lang": "es", "sender": {"name": text, "city": text}, "personal": text,
                     "community": {"city": text},
                     "recipients": [{"role": "other", "title": text, "name": text, "gender": "f", "address": text}],
                     "articles": [{"title": text, "outlet": text, "date": text, "url": "https://e.example/x"}]})
    for letter in answer["letters"]:
        assert not any(tag in letter["letter_html"] for tag in ("<script", "<img", "<svg", "<b>", "</textarea"))
        assert "\n" not in letter["subject"] and "\r" not in letter["subject"]
        assert letter["email_text"].startswith("Estimada ")
        head = letter["eml"].split("\r\n\r\n", 1)[0]
        assert [line.split(":", 1)[0] for line in head.split("\r\n") if not line.startswith((" ", "\t"))] == [
            "Subject", "X-Unsent", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"]
    if text == "{{ 7*7 }}":
        assert "{{ 7*7 }}" in answer["letters"][0]["letter_text"]
