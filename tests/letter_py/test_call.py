"""The call to a recipient's office: its link, and the script from the campaign's call.txt.j2."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import letter_py
from letter_py.campaign import Campaign
from letter_py.cli import EXAMPLES
from tests.hostile import HOSTILE_STRINGS
from tests.letter_py.letter_helpers import DEFAULT, render, run

MAYOR = {"role": "mayor", "name": "Maria Lopez", "phone": "618-624-4500 ext. 8730"}


def called(lang: str, **recipient: str) -> dict:
    """The example letter in ``lang``, to the mayor with a phone (and ``recipient``'s changes)."""
    data = {**EXAMPLES[lang], "recipients": [{**EXAMPLES[lang]["recipients"][0], **MAYOR, **recipient}]}
    (letter,) = render(data)["letters"]
    return letter


def words(text: str) -> int:
    return len(text.split())


def test_no_phone_no_call(example: dict) -> None:
    for letter in render(example)["letters"]:
        assert "call" not in letter


def test_call_link_and_number() -> None:
    call = called("en")["call"]
    assert call["tel"] == "tel:+16186244500;ext=8730"
    assert call["number"] == "618-624-4500 ext. 8730"
    assert called("en", phone="(847) 391-5301")["call"]["tel"] == "tel:+18473915301"


def test_english_script() -> None:
    letter = called("en")
    script = letter["call"]["script"]
    assert script.startswith("Hello, my name is Alex Doe, and I live in Springfield. ")
    assert "hold the people who buy sex accountable" in script
    assert "connect the people who are sold with services instead of arresting them" in script
    assert f'"{letter["subject"]}"' in script
    assert script.endswith("Thank you for your time, and for passing on my message.")
    assert 60 <= words(script) <= 90
    assert "\n" not in script


def test_spanish_script_is_formal_and_greets_no_one_by_gender() -> None:
    letter = called("es", gender="f")
    script = letter["call"]["script"]
    assert script.startswith("Hola, me llamo Alex Doe y vivo en Springfield. ")
    assert "su oficina" in script and "Gracias por su tiempo" in script
    assert f'"{letter["subject"]}"' in script
    assert "personas que son vendidas" in script and "en lugar de arrestarlas" in script
    assert not re.search(r"\b(tú|tu|te|vosotros|Estimad[oa]|alcaldesa)\b", script, re.IGNORECASE)
    assert 60 <= words(script) <= 90
    assert called("es", gender="m")["call"]["script"] == script == called("es", gender="")["call"]["script"]


@pytest.mark.parametrize(("lang", "name", "town"), [("en", "(Your name)", "(Your town)"),
                                                      ("es", "(Su nombre)", "(Su localidad)")])
def test_script_placeholders(lang: str, name: str, town: str) -> None:
    (letter,) = render({"lang": lang, "recipients": [MAYOR]})["letters"]
    assert f" {name}" in letter["call"]["script"] and f" {town}." in letter["call"]["script"]


@pytest.mark.parametrize("text", HOSTILE_STRINGS[:-1], ids=range(len(HOSTILE_STRINGS) - 1))
def test_typed_text_stays_text(text: str) -> None:
    """A name or town typed as a template or markup reaches the script as the same characters."""
    (letter,) = render({"recipients": [MAYOR], "sender": {"name": text[:100]},
                        "community": {"city": text[:100]}})["letters"]
    data, _ = letter_py.parse_input({"sender": {"name": text[:100]}}, letter_py.default_campaign())
    typed = data.sender.name or "(Your name)"  # as cleaned by validation, like every field
    assert letter["call"]["script"].startswith(f"Hello, my name is {typed}, and I live in ")


def files_without(*names: str) -> dict[str, str]:
    files = letter_py.campaign_files(DEFAULT)
    for name in names:
        del files[name]
    return files


def test_a_campaign_without_call_templates_gets_the_link_and_no_script() -> None:
    """An organizer's folder from before calls: letters as before, a call without words of ours."""
    languages = list(letter_py.default_campaign().languages)
    campaign = Campaign.from_files(files_without("call.txt.j2", *(f"{lang}/call.txt.j2" for lang in languages[1:])))
    for lang in languages:
        data = {"lang": lang, "recipients": [MAYOR, {"role": "police_chief", "name": "Ken Brown"}]}
        mayor, chief = render(data, campaign)["letters"]
        assert mayor["call"] == {"tel": "tel:+16186244500;ext=8730", "number": "618-624-4500 ext. 8730",
                                 "script": ""}
        assert "call" not in chief
        assert mayor["email_text"] == render(data)["letters"][0]["email_text"]
    assert campaign.translation_problems() == []


def test_check_campaign_passes_without_call_templates(tmp_path: Path) -> None:
    folder = tmp_path / "fork"
    shutil.copytree(DEFAULT, folder)
    for script in folder.rglob("call.txt.j2"):  # every language's
        script.unlink()
    result = run("check-campaign", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")


def test_a_missing_translation_gives_no_script_and_is_reported() -> None:
    campaign = Campaign.from_files(files_without("es/call.txt.j2"))
    (letter,) = render({"lang": "es", "recipients": [MAYOR]}, campaign)["letters"]
    assert letter["call"]["script"] == ""  # never the English words in a Spanish letter
    assert any("es/call.txt.j2 is missing: translate call.txt.j2" in p for p in campaign.translation_problems())
    (letter,) = render({"recipients": [MAYOR]}, campaign)["letters"]
    assert letter["call"]["script"].startswith("Hello")


def test_a_translation_must_read_the_same_values() -> None:
    files = letter_py.campaign_files(DEFAULT)
    files["es/call.txt.j2"] = "Hola, me llamo {{ sender.name }}."
    problems = Campaign.from_files(files).translation_problems()
    assert any(p.startswith("es/call.txt.j2 does not use community.city, subject") for p in problems), problems


def test_an_organizers_script_may_name_the_recipient() -> None:
    files = letter_py.campaign_files(DEFAULT)
    files["call.txt.j2"] = "Hello, this is a message for {{ recipient.short }}: {{ subject }}."
    campaign = Campaign.from_files(files)
    data = {"recipients": [MAYOR, {"role": "police_chief", "name": "Ken Brown", "phone": "847-391-5301"}]}
    scripts = [letter["call"]["script"] for letter in render(data, campaign)["letters"]]
    assert scripts[0].startswith("Hello, this is a message for Mayor Lopez: Please help")
    assert scripts[1].startswith("Hello, this is a message for Chief Brown: ")


def test_check_campaign_renders_the_script(tmp_path: Path) -> None:
    """check-campaign's samples have a phone, so a call template that breaks on render is caught there."""
    samples = letter_py.default_campaign().sample_inputs()
    assert all(s["recipients"][0]["phone"] for s in samples.values() if "recipients" in s)
    folder = tmp_path / "fork"
    shutil.copytree(DEFAULT, folder)
    (folder / "call.txt.j2").write_text("{{ sender.nickname.first }}", encoding="utf-8")
    result = run("check-campaign", str(folder))
    assert result.returncode != 0
    assert "call.txt.j2" in result.stderr and "nickname" in result.stderr
