"""``letter-py directory show`` and ``letter-py example --town`` on the committed directory."""

from __future__ import annotations

import datetime as dt
import json

from letter_py import default_campaign
from letter_py.dates import format_date, parse_iso_date
from letter_py.directory import is_stale, load_site_data
from letter_py.validate import parse_input
from tests.letter_py.letter_helpers import run

DATA = load_site_data()
TOWNS = DATA["towns"]
TODAY = dt.date(2026, 12, 4)


def _town(test) -> dict:
    return next(town for town in TOWNS if test(town))


def test_show_prints_a_towns_officials_with_sources_and_dates():
    town = _town(lambda t: any(not is_stale(o, TODAY) and "source_url" in o and o["source"] == "openstates"
                               for o in t.get("officials", ())))
    official = next(o for o in town["officials"] if o["source"] == "openstates")
    result = run("directory", "show", town["name"] if sum(t["name"] == town["name"] for t in TOWNS) == 1
                 else town["id"], "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{town['name']}, IL ({town['kind']}, Census place {town['id']})\n")
    assert f"  {official['role']}: {official['name']}\n" in result.stdout
    assert (f"source: Open States (CC0 1.0), {official['source_url']}, values last changed there "
            f"{official['checked']}") in result.stdout
    assert "term listed as ending" not in result.stdout


def test_show_prints_a_police_department_with_both_its_sources_and_a_sheriffs_town_its_sheriff():
    result = run("directory", "show", "Evanston")
    assert result.returncode == 0, result.stderr
    assert "  police_chief: Evanston Police Department\n    phone: (847) 866-5000\n" in result.stdout
    assert ("source: FBI Crime Data Explorer, law enforcement agency list (Public domain (US government work)), "
            "list of 2025-02; contact details: HIFLD Open, Local Law Enforcement Locations") in result.stdout
    town = _town(lambda t: "sheriff" in t)
    result = run("directory", "show", town["id"])
    assert result.returncode == 0, result.stderr
    assert (f"police: no department of its own in the FBI's or HIFLD's lists; {town['sheriff']} County's sheriff "
            f"serves it\n  sheriff: {town['sheriff']} County Sheriff's Office") in result.stdout


def test_show_marks_an_official_whose_listed_term_has_ended():
    town = _town(lambda t: any(is_stale(o, TODAY) for o in t.get("officials", ())))
    end = parse_iso_date(town["officials"][0]["term_end"])
    result = run("directory", "show", town["id"], "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    assert (f"term listed as ending {format_date(end)}: check the town's website before you send"
            in result.stdout)


def test_show_a_town_without_officials_says_so_and_gives_the_website_with_its_source():
    town = _town(lambda t: "officials" not in t and "website" in t)
    result = run("directory", "show", town["id"])
    assert result.returncode == 0
    assert f"website: {town['website']}  (source: UScityURL, CC BY 4.0, collected 2022-09)" in result.stdout
    assert "officials: none known" in result.stdout


def test_an_unknown_town_suggests_close_names_and_an_ambiguous_one_lists_ids():
    result = run("directory", "show", "Oak Prk")
    assert result.returncode == 1
    assert "no Illinois town 'Oak Prk' in the directory; did you mean Oak Park" in result.stderr
    result = run("example", "--town", "Wilmington")
    assert result.returncode == 1
    assert "'Wilmington' names 2 Illinois towns: Wilmington (1782088), Wilmington (1782101)" in result.stderr
    assert result.stdout == ""


def test_example_town_gives_a_valid_input_addressed_to_the_towns_officials():
    town = _town(lambda t: "officials" in t and "sheriff" not in t and sum(u["name"] == t["name"] for u in TOWNS) == 1)
    result = run("example", "--town", town["name"].upper())
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["community"] == {"city": town["name"], "state": "Illinois"}
    assert document["sender"]["city"] == town["name"]
    assert document["recipients"] == [{key: o[key] for key in ("role", "name", "organization", "email", "phone",
                                                               "address") if key in o} for o in town["officials"]]
    assert "articles" not in document  # no other town's news: the campaign's own are cited
    _, errors = parse_input(document, default_campaign())
    assert errors == []
    for official in town["officials"]:  # a stale official is still offered, with a note
        assert (f"note: {official.get('name')}: term listed as ending" in result.stderr) is is_stale(
            official, dt.date.today())


def test_example_town_served_by_a_sheriff_writes_to_the_sheriffs_office():
    town = _town(lambda t: "sheriff" in t and "officials" not in t)
    result = run("example", "--town", town["id"])
    assert result.returncode == 0, result.stderr
    sheriff = DATA["sheriffs"][town["sheriff"]]
    assert json.loads(result.stdout)["recipients"] == [
        {key: sheriff[key] for key in ("role", "organization", "phone", "address") if key in sheriff}]
    assert f"note: {town['name']} has no police department of its own in the federal lists" in result.stderr


def test_example_town_in_spanish_and_for_a_town_without_officials():
    town = _town(lambda t: "officials" not in t and "sheriff" not in t)
    result = run("example", "--town", town["id"], "--lang", "es")
    assert result.returncode == 0
    document = json.loads(result.stdout)
    assert document["lang"] == "es" and document["community"]["city"] == town["name"]
    assert [r["name"] for r in document["recipients"]] == ["", ""]  # never a guessed name
    assert f"no official is known for {town['name']}" in result.stderr
