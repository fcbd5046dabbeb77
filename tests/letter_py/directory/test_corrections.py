"""The curated corrections file through ``letter-py directory check``: ours, so every problem fails."""

from __future__ import annotations

import re

from pathlib import Path

import pytest

from letter_py.directory import load_corrections, load_snapshot
from letter_py.directory.site import DirectoryError
from letter_py.directory.site import read_text
from tests.letter_py.letter_helpers import run

GOOD = '''
[[officials]]
town = "Springfield"
role = "police_chief"
name = "Jordan Example"
email = "chief@springfield.example.org"
phone = "217-555-0100 ext. 12"
address = """Police Department
800 E. Monroe Street
Springfield, IL 62701"""
term_end = 2029-05-01
source_url = "https://www.example.org/police/chief"
checked = 2026-12-01

[[officials]]
town = "1714000"   # Chicago, by its Census place ID: replaces the sources' mayor
role = "mayor"
name = "Casey Example"
source_url = "https://www.example.org/chicago/mayor"
checked = 2026-12-02

[[towns]]
town = "Eldorado"
website = "https://www.eldorado.example/"
source_url = "https://www.example.org/eldorado"
checked = 2026-12-03
'''


def _check(tmp_path: Path, text: str):
    path = tmp_path / "corrections.toml"
    path.write_text(text, encoding="utf-8")
    return run("directory", "check", str(path)), str(path)


def test_the_shipped_file_is_valid_and_each_entry_quotes_its_source_above_it():
    result = run("directory", "check")
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"ok: corrections\.toml: \d+ officials, \d+ websites?\n", result.stdout)
    text = read_text("corrections.toml")
    tables = text.split("\n[[")[1:]
    assert len(tables) >= 60
    before = text.split("\n[[officials]]")[:-1]
    for preceding in before[1:]:  # the first part is the file's header
        last = preceding.rstrip("\n").rsplit("\n", 1)[-1]
        assert last.startswith("# ") and '"' in last, last  # the source's own words, quoted


def test_a_valid_file_passes_with_its_counts(tmp_path: Path):
    result, path = _check(tmp_path, GOOD)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"ok: {path}: 2 officials, 1 website\n"


def test_entries_add_replace_and_fix_a_website(tmp_path: Path):
    path = tmp_path / "corrections.toml"
    path.write_text(GOOD, encoding="utf-8")
    corrections = load_corrections(load_snapshot(), str(path))
    (chief,) = corrections.officials["1772000"]
    assert chief == {"role": "police_chief", "name": "Jordan Example", "email": "chief@springfield.example.org",
                     "phone": "217-555-0100 ext. 12", "tel": "+12175550100",
                     "address": "Police Department\n800 E. Monroe Street\nSpringfield, IL 62701",
                     "term_end": "2029-05-01", "source": "corrections",
                     "source_url": "https://www.example.org/police/chief", "checked": "2026-12-01"}
    assert corrections.officials["1714000"][0]["name"] == "Casey Example"
    assert corrections.websites == {"1723009": {"website": "https://www.eldorado.example/",
                                                "source_url": "https://www.example.org/eldorado",
                                                "checked": "2026-12-03"}}


def _entry(**fields: str) -> str:
    base = {"town": '"Springfield"', "role": '"police_chief"', "name": '"Jordan Example"',
            "source_url": '"https://www.example.org/police"', "checked": "2026-12-01"}
    base.update(fields)
    return "[[officials]]\n" + "".join(f"{key} = {value}\n" for key, value in base.items() if value is not None)


BAD = [
    (_entry(town='"Wilmington"'), "officials[1] (Wilmington, police_chief): town: 'Wilmington' names 2 towns: "
                                  "Wilmington (1782088), Wilmington (1782101); give the Census place ID instead"),
    (_entry(town='"Windsor"'), "Windsor (1782309), Windsor (1782322)"),
    (_entry(town='"Sprngfield"'), "town: no Illinois town 'Sprngfield' (did you mean Springfield"),
    (_entry(role='"chief"'), "(Springfield, chief): role: 'chief' is not a role of the default campaign: "
                             "use one of mayor, police_chief"),
    (_entry(source_url=None), "(Springfield, police_chief): source_url: missing (it is required)"),
    (_entry(checked=None), "(Springfield, police_chief): checked: missing (it is required)"),
    (_entry(name=None), "name: missing (it is required)"),
    (_entry(name='"<b>Jordan</b>"'), "name: markup characters (< or >) in a name"),
    (_entry(email='"chief at springfield"'), "email: not an email address: 'chief at springfield'"),
    (_entry(phone='"CALL-ME-NOW"'), "phone: not a North American phone number"),
    (_entry(address='"' + "x" * 301 + '"'), "address: longer than 300 characters"),
    (_entry(source_url='"http://www.example.org/police"'), "source_url: not an https:// address"),
    (_entry(source_url='"javascript:alert(1)"'), "source_url: not an https:// address"),
    (_entry(checked='"yesterday"'), "checked: not a date like 2026-05-20: 'yesterday'"),
    (_entry(term_end='"2029-02-30"'), "term_end: not a date"),
    (_entry(nickname='"JJ"'), "nickname: not a key of this table"),
    (_entry() + _entry(name='"Sam Example"'), "officials[2] (Springfield, police_chief): role: a second "
                                               "police_chief for Springfield (1772000)"),
    ('[[towns]]\ntown = "Springfield"\nwebsite = "http://springfield.example/"\n'
     'source_url = "https://www.example.org/"\nchecked = 2026-12-01\n',
     "towns[1] (Springfield): website: not an https:// address"),
    ('[[towns]]\ntown = "Springfield"\nwebsite = "https://springfield.example/"\n',
     "towns[1] (Springfield): source_url: missing (it is required)"),
    ("[officials]\nname = 1\n", "officials: must be a list of [[officials]] tables"),
    ("mayor = 'x'\n", "mayor: not a key of this file"),
    ("[[officials]\n", "not valid TOML"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_each_problem_fails_the_check_naming_the_entry_and_the_field(tmp_path: Path, text: str, message: str):
    result, path = _check(tmp_path, text)
    assert result.returncode == 1
    assert message in result.stderr, result.stderr
    assert result.stderr.startswith(path)
    assert result.stdout == ""


def test_one_line_per_problem_and_a_count(tmp_path: Path):
    result, path = _check(tmp_path, _entry(email='"bad"', phone='"bad"', checked=None))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[:3] == [
        f"{path} officials[1] (Springfield, police_chief): email: not an email address: 'bad'",
        f"{path} officials[1] (Springfield, police_chief): phone: not a North American phone number: 'bad'",
        f"{path} officials[1] (Springfield, police_chief): checked: missing (it is required)",
    ]
    assert lines[3] == f"letter-py: error: {path}: 3 problems"


def test_a_file_with_a_problem_is_never_used_in_part(tmp_path: Path):
    path = tmp_path / "corrections.toml"
    path.write_text(GOOD + _entry(town='"Wilmington"'), encoding="utf-8")
    with pytest.raises(DirectoryError, match="Wilmington"):
        load_corrections(load_snapshot(), str(path))


def test_a_missing_file_is_an_error(tmp_path: Path):
    result = run("directory", "check", str(tmp_path / "nope.toml"))
    assert result.returncode == 1 and "cannot read" in result.stderr
