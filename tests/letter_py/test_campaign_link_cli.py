"""``letter-py campaign-link``: a town's TOML to a link and QR code, and back (in a subprocess)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from letter_py import campaign_link as cl
from letter_py import default_campaign
from tests.hostile import HOSTILE_STRINGS
from tests.letter_py.letter_helpers import run
from tests.letter_py.qr_decoder import decode_svg_matrix

BASE = "https://example.org/write/"
TOWN = '''organizer = "Springfield Neighbours"

[defaults]
city = "Springfield"
state = "Illinois"

[[officials]]
name = "Maria Lopez"
role = "mayor"
email = "mayor@springfield.example.gov"
address = """300 S. Seventh Street
Springfield, IL 62701"""

[[officials]]
name = "Ken Brown"
role = "Police Chief"

[[articles]]
title = "Police arrest 12 in sting targeting sex buyers"
outlet = "Springfield Gazette"
date = "2026-03-14"
url = "https://news.example.com/2026/03/14/sting"
'''


@pytest.fixture
def town(tmp_path: Path) -> Path:
    path = tmp_path / "town.toml"
    path.write_text(TOWN, encoding="utf-8")
    return path


def test_link_and_decode_round_trip(town: Path, tmp_path: Path):
    made = run("campaign-link", str(town), "--base", BASE, "--qr", str(tmp_path / "qr.svg"))
    assert made.returncode == 0, made.stderr
    link = made.stdout.strip()
    assert link.startswith(BASE + "#c1.") and "\n" not in link
    back = run("campaign-link", "--decode", link)
    assert back.returncode == 0, back.stderr
    data = tomllib.loads(back.stdout)
    assert data["defaults"] == {"city": "Springfield", "state": "IL"}
    assert [o["role"] for o in data["officials"]] == ["mayor", "police_chief"]
    assert data["officials"][0]["address"] == "300 S. Seventh Street\nSpringfield, IL 62701"
    # The printed TOML makes the same link again.
    (tmp_path / "again.toml").write_text(back.stdout, encoding="utf-8")
    assert run("campaign-link", str(tmp_path / "again.toml"), "--base", BASE).stdout.strip() == link
    assert decode_svg_matrix((tmp_path / "qr.svg").read_text()) == link


@pytest.mark.parametrize(("change", "reason"), [
    (('url = "https://news', 'url = "javascript:alert(1)//news'), "articles.0.url: Enter the article's link"),
    (('email = "mayor@', 'email = "mayor at '), "officials.0.email: Enter the official's email address"),
    (('role = "mayor"', 'role = "king"'), "officials.0.role: Choose the official's role from the list"),
    (('[defaults]', '[defaults\n'), "line 3"),
    (('city = "Springfield"', 'town = "Springfield"'), 'defaults.town: Remove "town"'),
])
def test_bad_files_name_the_field(town: Path, change: tuple[str, str], reason: str):
    town.write_text(TOWN.replace(*change), encoding="utf-8")
    result = run("campaign-link", str(town), "--base", BASE)
    assert result.returncode == 1 and result.stdout == ""
    assert reason in result.stderr and result.stderr.count("\n") == 1


def test_with_lang_es_the_problems_are_in_spanish(town: Path):
    town.write_text(TOWN.replace('email = "mayor@', 'email = "mayor at '), encoding="utf-8")
    result = run("campaign-link", str(town), "--base", BASE, "--lang", "es")
    assert result.returncode == 1
    assert "officials.0.email: Escriba el correo electrónico de la autoridad en el formato correcto" in result.stderr
    good = town.with_name("good.toml")
    good.write_text(TOWN, encoding="utf-8")
    bad_base = run("campaign-link", str(good), "--base", "ftp://x", "--lang", "es-US")
    assert bad_base.returncode == 2 and "--base: Escriba la dirección de la página de la carta" in bad_base.stderr
    damaged = run("campaign-link", "--decode", BASE + "#c1.AAAA", "--lang", "es")
    assert damaged.returncode == 1 and "Este enlace de campaña está dañado o incompleto" in damaged.stderr
    unknown = run("campaign-link", "--decode", BASE + "#c1.AAAA", "--lang", "fr")
    assert unknown.returncode == 2 and "--lang: the campaign's languages are en, es, pl, not 'fr'" in unknown.stderr


@pytest.mark.parametrize(("args", "status", "reason"), [
    (["--base", "javascript:alert(1)"], 2, "--base: Enter the letter page's address"),
    ([], 2, "give FILE.toml and --base URL"),
])
def test_bad_arguments(town: Path, args: list[str], status: int, reason: str):
    result = run("campaign-link", str(town), *args)
    assert result.returncode == status and reason in result.stderr


@pytest.mark.parametrize("link", ["https://example.org/write/#c1.AAAA", "#c9.x", "city=Springfield", ""])
def test_an_unreadable_link_says_so(link: str):
    result = run("campaign-link", "--decode", link)
    assert result.returncode == 1 and result.stdout == "" and "campaign link" in result.stderr


@pytest.mark.parametrize("hostile", [h for h in HOSTILE_STRINGS if len(h) < 1000])
def test_hostile_values_round_trip_as_data(tmp_path: Path, hostile: str):
    """Whatever survives the checks comes back as the same data, in TOML that still parses."""
    local, _ = cl.read_campaign({"organizer": hostile, "defaults": {"city": hostile + "x"},
                                 "officials": [{"name": hostile + "y", "role": "mayor", "address": hostile}],
                                 "articles": [{"title": hostile + "z", "url": "https://example.com/a"}]},
                                default_campaign())
    path = tmp_path / "town.toml"
    path.write_text(cl.to_toml(local), encoding="utf-8")
    made = run("campaign-link", str(path), "--base", BASE)
    assert made.returncode == 0, made.stderr
    back = run("campaign-link", "--decode", made.stdout.strip())
    assert cl.read_campaign(tomllib.loads(back.stdout), default_campaign()) == (local, [])


def test_with_lang_pl_the_problems_are_counted_in_polish(town: Path):
    """One message with its plural (ngettext), never "problem" + "s": 1 problem, 2 problemy, 5 problemów."""
    damaged = run("campaign-link", "--decode", BASE + "#c1.AAAA", "--lang", "pl")
    assert damaged.returncode == 1 and "error: 1 problem w linku: Ten link kampanii jest uszkodzony" in damaged.stderr
    broken = TOWN.replace('email = "mayor@', 'email = "mayor at ').replace('state = "Illinois"', 'state = "Atlantis"')
    town.write_text(broken, encoding="utf-8")
    two = run("campaign-link", str(town), "--base", BASE, "--lang", "pl")
    assert two.returncode == 1 and f"error: 2 problemy w {town}: " in two.stderr, two.stderr
