"""The campaign's sentence starters for "In your own words" (``prompts`` in campaign.toml)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import letter_py
from letter_py.config import CampaignError
from letter_py.jsonapi import describe
from letter_py.text import clean_line
from tests.hostile import HOSTILE_STRINGS
from tests.letter_py.letter_helpers import DEFAULT, run

ENGLISH = ["I have lived in {town} for … years.", "I care about this because …", "As a parent, I …",
           "I want {town} to …", "I would like your office to …"]


def toml_string(text: str) -> str:
    """A TOML basic string holding exactly ``text``."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ch == "\x7f":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def with_prompts(english: list[str] | None = None, spanish: list[str] | None = None) -> letter_py.Campaign:
    """The default campaign with other starters (``None``: the key left out)."""
    files = dict(letter_py.default_campaign().files)
    text = files["campaign.toml"]
    start, end = text.index("prompts = [\n"), text.index("]\n", text.index("prompts = [\n")) + 2
    text = text[:start] + ("" if english is None else f"prompts = [{', '.join(map(toml_string, english))}]\n") + text[end:]
    start = text.index("prompts = [\n")
    end = text.index("]\n", start) + 2
    text = text[:start] + ("" if spanish is None else f"prompts = [{', '.join(map(toml_string, spanish))}]\n") + text[end:]
    files["campaign.toml"] = text
    return letter_py.Campaign.from_files(files, origin="test")


def test_the_default_campaign_has_them_in_both_languages(campaign: letter_py.Campaign) -> None:
    assert describe(campaign)["prompts"] == {"starters": ENGLISH, "town": "(City)"}
    spanish = describe(campaign, "es")["prompts"]
    assert spanish["town"] == "(Ciudad)" and len(spanish["starters"]) == len(ENGLISH)
    assert sum("{town}" in starter for starter in spanish["starters"]) == 2
    for starter in ENGLISH + spanish["starters"]:
        assert starter.count("…") == 1 and len(starter) <= 80


def test_left_out_there_are_none() -> None:
    campaign = with_prompts(None, None)
    assert describe(campaign)["prompts"]["starters"] == []
    assert campaign.translation_problems() == []


@pytest.mark.parametrize(("prompts", "says"), [
    (["A …", "B …"], "write 3 to 6 sentence starters (there are 2), or none"),
    ([f"{n} …" for n in range(7)], "(there are 7)"),
    (["A …", "B …", "x" * 81], "is 81 characters long: keep it to 80 or fewer"),
    (["A …", "B …", "two\nlines"], "write it on one line"),
    (["A …", "B …", "<b>bold</b> …"], "no markup"),
    (["A …", "B …", "Tom &amp; Jerry"], "no markup"),
    (["A …", "B …", "I want {city} to …"], "the only placeholder is {town}"),
    (["A …", "B …", "{{ town }}"], "the only placeholder is {town}"),
    (["A …", "B …", "… and …"], "one … at most"),
    (["A …", "B …", "A …"], "is there twice"),
    (["A …", "B …", "   "], "is empty"),
])
def test_check_refuses_with_a_reason(prompts: list[str], says: str) -> None:
    with pytest.raises(CampaignError, match="campaign.toml") as raised:
        with_prompts(prompts, ENGLISH)
    assert says in str(raised.value)
    with pytest.raises(CampaignError, match=r"\[lang\.es\] prompt"):
        with_prompts(ENGLISH, prompts)


def test_not_a_list_of_strings() -> None:
    files = dict(letter_py.default_campaign().files)
    files["campaign.toml"] = files["campaign.toml"].replace('prompts = [\n  "I have', 'prompts = [1,\n  "I have', 1)
    with pytest.raises(CampaignError, match="must be a list of strings"):
        letter_py.Campaign.from_files(files)


def test_a_language_without_them_is_a_translation_problem() -> None:
    problems = with_prompts(ENGLISH, None).translation_problems()
    assert problems == ["[lang.es] has no prompts, which the top level has: translate them "
                        "(without them, letters in 'es' offer no sentence starters)"]


def test_check_campaign_reports_them(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(DEFAULT, broken)
    toml = broken / "campaign.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("I care about this because …", "<i>I care</i>"),
                    encoding="utf-8")
    result = run("check-campaign", str(broken))
    assert result.returncode == 1
    assert f"{broken}/campaign.toml, line" in result.stderr and "no markup" in result.stderr


@pytest.mark.parametrize("hostile", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_prompts_are_refused_or_stay_literal(hostile: str) -> None:
    """Never a template, never markup: refused with a reason, or text exactly as cleaned."""
    try:
        campaign = with_prompts(["A …", "B …", hostile], ENGLISH)
    except CampaignError as exc:
        assert "campaign.toml" in str(exc)
        return
    assert describe(campaign)["prompts"]["starters"] == ["A …", "B …", clean_line(hostile)]
    assert not any(mark in clean_line(hostile) for mark in "<>{}")


def test_an_error_names_the_line_of_its_own_list(campaign: letter_py.Campaign) -> None:
    text = campaign.files["campaign.toml"]
    lines = [number for number, line in enumerate(text.splitlines(), 1) if line.startswith("prompts")]
    tables = ["", *(f"[lang.{lang}]" for lang in campaign.languages if lang != "en")]
    assert len(lines) == len(tables) == 3  # the English list, then [lang.es]'s and [lang.pl]'s
    for table, line in zip(tables, lines, strict=True):
        files = dict(campaign.files)
        start = text.index("prompts = [\n", text.index(table) if table else 0)
        files["campaign.toml"] = text[:start] + 'prompts = ["<b>x</b> …", "B …", "C …"]\n' + \
            text[text.index("]\n", start) + 2:]
        with pytest.raises(CampaignError, match=rf"campaign\.toml, line {line}: .*no markup"):
            letter_py.Campaign.from_files(files)
