"""The committed snapshot, ``il.json``: complete, sourced, every value valid again, and small."""

from __future__ import annotations

import gzip
import json

import brotli

from letter_py.dates import parse_iso_date
from letter_py.directory import load_site_data, load_snapshot, values
from letter_py.directory.site import read_text
from letter_py.directory.snapshot import dumps

SNAPSHOT = load_snapshot()
BUDGET = 60_000  # bytes of brotli: issue 20's budget for the whole directory


def test_every_illinois_municipality_once_with_its_census_place_id():
    towns = SNAPSHOT["towns"]
    assert len(towns) == 1298
    ids = [town["id"] for town in towns]
    assert len(set(ids)) == 1298 and all(len(i) == 7 and i.startswith("17") and i.isdigit() for i in ids)
    assert [(t["name"], t["id"]) for t in towns] == sorted((t["name"], t["id"]) for t in towns)


def test_the_sources_are_recorded_with_commit_date_and_licence():
    openstates, uscityurl = SNAPSHOT["sources"]["openstates"], SNAPSHOT["sources"]["uscityurl"]
    for source in (openstates, uscityurl):
        assert len(source["commit"]) == 40 and int(source["commit"], 16) >= 0
        assert parse_iso_date(source["commit_date"]) is not None
        assert values.https_url(source["url"]) == source["url"]
    assert openstates["licence"] == "CC0 1.0"
    assert uscityurl["licence"] == "CC BY 4.0" and uscityurl["collected"] == "2022-09"
    assert "https://doi.org/10.1177/23998083231190961" in uscityurl["citation"]


def test_every_shipped_value_passes_validation_again():
    officials = 0
    for town in SNAPSHOT["towns"]:
        assert set(town) <= {"id", "name", "website", "website_source", "officials"}
        assert values.name(town["name"]) == town["name"]
        if "website" in town:
            assert values.https_url(town["website"]) == town["website"]
            assert town["website_source"] == "uscityurl"
        for official in town.get("officials", ()):
            officials += 1
            assert official["role"] == "mayor" and official["source"] == "openstates"
            assert values.name(official["name"]) == official["name"]
            if "email" in official:
                assert values.email(official["email"]) == official["email"]
            if "phone" in official:
                assert values.phone(official["phone"]) == (official["phone"], official["tel"])
            if "address" in official:
                assert values.address(official["address"]) == official["address"]
            if "source_url" in official:
                assert values.https_url(official["source_url"]) == official["source_url"]
            for key in ("term_end", "checked"):
                if key in official:
                    assert values.iso_date(official[key]) == official[key]
            assert "checked" in official and official["file"].startswith("data/il/municipalities/")
    assert officials >= 30


def test_no_refused_value_reaches_the_towns():
    assert all(r["field"] and r["reason"] for r in SNAPSHOT["refused"])
    shipped = json.dumps(SNAPSHOT["towns"])
    assert "http://" not in shipped
    for refused in SNAPSHOT["refused"]:
        assert refused["source"] in ("openstates", "uscityurl")


def test_the_file_is_what_the_build_writes():
    assert read_text("il.json") == dumps(SNAPSHOT)


def test_the_pages_directory_fits_the_budget():
    text = json.dumps(load_site_data(), ensure_ascii=False, separators=(",", ":")).encode()
    assert len(brotli.compress(text, quality=11)) <= BUDGET
    assert len(gzip.compress(text, 9)) < len(text)
