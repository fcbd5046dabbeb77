"""The committed snapshot, ``il.json``: complete, sourced, every value valid again, and small."""

from __future__ import annotations

import gzip
import json

import brotli

import datetime as dt

from letter_py.dates import parse_iso_date
from letter_py.directory import is_stale, load_site_data, load_snapshot, values
from letter_py.directory.site import read_text
from letter_py.directory.snapshot import dumps
from tests.letter_py.directory.large_towns import LARGE_TOWNS

SNAPSHOT = load_snapshot()
BUDGET = 60_000  # bytes of brotli: issue 20's budget for the whole directory
TOWN_KEYS = {"id", "name", "kind", "counties", "website", "website_source", "website_checked", "officials", "sheriff"}


def test_every_active_illinois_municipality_of_the_2025_gazetteer_once_with_its_census_place_id():
    towns = SNAPSHOT["towns"]
    assert len(towns) == 1294
    ids = [town["id"] for town in towns]
    assert len(set(ids)) == 1294 and all(len(i) == 7 and i.startswith("17") and i.isdigit() for i in ids)
    assert [(t["name"], t["id"]) for t in towns] == sorted((t["name"], t["id"]) for t in towns)
    kinds = {town["kind"] for town in towns}
    assert kinds == {"city", "village", "town"}
    by_id = {town["id"]: town for town in towns}
    assert by_id["1710373"]["name"] == "Cahokia Heights"  # formed in 2021 from Alorton, Cahokia and Centreville
    assert not {"1700958", "1710370", "1712203", "1714845", "1775419"} & set(by_id)


def test_the_sources_are_recorded_with_commit_date_and_licence():
    sources = SNAPSHOT["sources"]
    openstates, uscityurl = sources["openstates"], sources["uscityurl"]
    for source in (openstates, uscityurl, sources["gazetteer"]):
        assert len(source["commit"]) == 40 and int(source["commit"], 16) >= 0
        assert parse_iso_date(source["commit_date"]) is not None
        assert values.https_url(source["url"]) == source["url"]
    for key in ("fbi", "hifld"):
        assert len(sources[key]["sha256"]) == 64 and sources[key]["licence"].startswith("Public domain")
    assert openstates["licence"] == "CC0 1.0"
    assert uscityurl["licence"] == "CC BY 4.0" and uscityurl["collected"] == "2022-09"
    assert "https://doi.org/10.1177/23998083231190961" in uscityurl["citation"]


def test_every_shipped_value_passes_validation_again():
    officials = 0
    for town in SNAPSHOT["towns"]:
        assert set(town) <= TOWN_KEYS
        assert values.name(town["name"]) == town["name"]
        if "website" in town:
            assert values.town_website(town["website"], town["name"]) == town["website"]
            assert town["website_source"] == "uscityurl"
        if "sheriff" in town:
            assert town["sheriff"] in SNAPSHOT["sheriffs"] and town["counties"] == [town["sheriff"]]
        for official in [*town.get("officials", ()), *SNAPSHOT["sheriffs"].values()]:
            officials += 1
            if official["source"] == "openstates":
                assert official["role"] == "mayor"
                assert "checked" in official and official["file"].startswith("data/il/municipalities/")
            else:
                assert official["source"] in ("fbi", "hifld") and official["role"] in ("police_chief", "sheriff")
                assert "name" not in official and values.name(official["organization"]) == official["organization"]
            if "name" in official:
                assert values.name(official["name"]) == official["name"]
            if "email" in official:
                assert values.email(official["email"]) == official["email"]
            if "phone" in official:
                assert values.phone(official["phone"]) == (official["phone"], official["tel"])
            if "address" in official:
                assert values.address(official["address"]) == official["address"]
            if "source_url" in official:
                assert values.https_url(official["source_url"]) == official["source_url"]
            for key in ("term_end", "checked", "contact_checked"):
                if key in official:
                    assert values.iso_date(official[key]) == official[key]
    assert officials >= 900


def test_no_refused_value_reaches_the_towns():
    assert all(r["field"] and r["reason"] for r in SNAPSHOT["refused"])
    shipped = json.dumps(SNAPSHOT["towns"])
    assert "http://" not in shipped
    for refused in SNAPSHOT["refused"]:
        assert refused["source"] in ("gazetteer", "openstates", "uscityurl", "fbi", "hifld")


def test_the_file_is_what_the_build_writes():
    assert read_text("il.json") == dumps(SNAPSHOT)


def test_the_pages_directory_fits_the_budget():
    text = json.dumps(load_site_data(), ensure_ascii=False, separators=(",", ":")).encode()
    assert len(brotli.compress(text, quality=11)) <= BUDGET
    assert len(gzip.compress(text, 9)) < len(text)


def _page_towns() -> dict[str, dict]:
    return {town["id"]: town for town in load_site_data()["towns"]}


def test_coverage_police_departments_with_an_address_for_at_least_600_towns_and_55_of_the_66_large():
    towns = _page_towns()
    with_address = {town_id for town_id, town in towns.items()
                    if any(o["role"] in ("police_chief", "superintendent") and "address" in o
                           for o in town.get("officials", ()))}
    assert len(with_address) >= 600
    assert len(with_address & set(LARGE_TOWNS)) >= 55
    assert len([t for t in towns.values() if "sheriff" in t]) >= 300


def test_coverage_a_current_sourced_head_of_government_for_at_least_55_of_the_66_large_towns():
    towns = _page_towns()
    today = dt.date(2026, 12, 7)
    current = {town_id for town_id in LARGE_TOWNS
               if any(o["role"] in ("mayor", "village_president") and o.get("name") and "source_url" in o
                      and not is_stale(o, today) for o in towns[town_id].get("officials", ()))}
    assert len(current) >= 55, sorted(LARGE_TOWNS[t][0] for t in set(LARGE_TOWNS) - current)
