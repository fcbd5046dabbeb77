"""``site_data``: the exact form the letter page reads, and the staleness rule."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from letter_py.directory import Corrections, DirectoryError, is_stale, load_site_data, site_data
from letter_py.directory.corrections import EMPTY

POLICE = {"role": "police_chief", "organization": "Maple Grove Police Department", "source": "fbi",
          "checked": "2025-02-18", "ori": "IL0010100", "address": "100 MAIN STREET\nMAPLE GROVE, IL 62999",
          "phone": "(217) 555-0150", "tel": "+12175550150", "contact_source": "hifld", "contact_checked": "2018-11-01",
          "hifld_id": "9001"}
SHERIFF = {"role": "sheriff", "organization": "Sample County Sheriff's Office", "source": "fbi",
           "checked": "2025-02-18", "ori": "IL0010000"}
SNAPSHOT = {
    "version": 2, "state": "IL",
    "sources": {
        "openstates": {"name": "Open States", "url": "https://github.com/openstates/people", "licence": "CC0 1.0",
                       "files": "data/il/…", "commit": "a" * 40, "commit_date": "2026-08-05"},
        "uscityurl": {"name": "UScityURL", "url": "https://github.com/caimeng2/UScityURL", "licence": "CC BY 4.0",
                      "files": "UScityURL.csv", "collected": "2022-09", "citation": "Cai, Huang & Decaminada (2023)",
                      "commit": "b" * 40, "commit_date": "2025-02-17"},
        "fbi": {"name": "FBI", "url": "https://cde.ucr.cjis.gov/", "licence": "Public domain", "collected": "2025-02",
                "sha256": "c" * 64},
    },
    "towns": [
        {"id": "1799003", "name": "Maple Grove", "kind": "village", "counties": ["Sample"],
         "website": "https://www.maplegrove.example/", "website_source": "uscityurl",
         "officials": [{"role": "mayor", "name": "Alice Example", "email": "mayor@maplegrove.example",
                        "phone": "217-555-0100", "tel": "+12175550100", "address": "100 Main Street\nMaple Grove, IL",
                        "term_end": "2029-05-01", "source": "openstates", "source_url": "https://maplegrove.example/m",
                        "checked": "2026-07-30", "file": "data/il/municipalities/Alice.yml"}, POLICE]},
        {"id": "1799002", "name": "Acorn", "kind": "city", "website": "https://acorn.example/",
         "website_source": "uscityurl"},
        {"id": "1799009", "name": "Birch", "kind": "village", "counties": ["Sample"], "sheriff": "Sample"},
        {"id": "1799001", "name": "Acorn", "kind": "town"},
    ],
    "sheriffs": {"Sample": SHERIFF},
    "refused": [{"source": "uscityurl", "entry": "x", "field": "WEBSITE_URL", "reason": "http"}],
    "skipped": [],
}
CHIEF = {"role": "police_chief", "name": "Jordan Example", "source": "corrections",
         "source_url": "https://example.org/chief", "checked": "2026-12-01"}
NEW_MAYOR = {"role": "mayor", "name": "Casey Example", "email": "casey@maplegrove.example", "source": "corrections",
             "source_url": "https://example.org/mayor", "checked": "2026-12-02"}


def test_the_exact_shape_without_corrections():
    data = site_data(SNAPSHOT, EMPTY)
    assert data == {
        "version": 2, "state": "IL",
        "sources": {
            "openstates": {"name": "Open States", "url": "https://github.com/openstates/people",
                           "licence": "CC0 1.0", "date": "2026-08-05"},
            "uscityurl": {"name": "UScityURL", "url": "https://github.com/caimeng2/UScityURL",
                          "licence": "CC BY 4.0", "date": "2022-09", "citation": "Cai, Huang & Decaminada (2023)"},
            "fbi": {"name": "FBI", "url": "https://cde.ucr.cjis.gov/", "licence": "Public domain", "date": "2025-02"},
            "corrections": data["sources"]["corrections"],
        },
        "towns": [
            {"id": "1799001", "name": "Acorn", "kind": "town"},
            {"id": "1799002", "name": "Acorn", "kind": "city", "website": "https://acorn.example/",
             "website_source": "uscityurl"},
            {"id": "1799009", "name": "Birch", "kind": "village", "sheriff": "Sample"},
            {"id": "1799003", "name": "Maple Grove", "kind": "village", "website": "https://www.maplegrove.example/",
             "website_source": "uscityurl",
             "officials": [{"role": "mayor", "name": "Alice Example", "email": "mayor@maplegrove.example",
                            "phone": "217-555-0100", "tel": "+12175550100",
                            "address": "100 Main Street\nMaple Grove, IL", "term_end": "2029-05-01",
                            "source": "openstates", "source_url": "https://maplegrove.example/m",
                            "checked": "2026-07-30"},
                           {key: value for key, value in POLICE.items() if key not in ("ori", "hifld_id")}]},
        ],
        "sheriffs": {"Sample": {key: value for key, value in SHERIFF.items() if key != "ori"}},
    }
    assert set(data["sources"]["corrections"]) == {"name", "url", "licence"}
    json.dumps(data)  # JSON-serialisable


def test_corrections_add_an_official_replace_the_same_role_and_fix_a_website():
    corrections = Corrections(officials={"1799003": [NEW_MAYOR], "1799009": [CHIEF]},
                              websites={"1799001": {"website": "https://acorn-one.example/",
                                                    "source_url": "https://example.org/acorn", "checked": "2026-12-03"}})
    towns = {town["id"]: town for town in site_data(SNAPSHOT, corrections)["towns"]}
    assert [o.get("name") for o in towns["1799003"]["officials"]] == ["Casey Example", None]
    assert towns["1799003"]["officials"][0] == NEW_MAYOR
    # A police chief where the sheriff served: the town has a chief now, and no sheriff's note
    assert towns["1799009"] == {"id": "1799009", "name": "Birch", "kind": "village", "officials": [CHIEF]}
    assert towns["1799001"] == {"id": "1799001", "name": "Acorn", "kind": "town",
                                "website": "https://acorn-one.example/", "website_source": "corrections"}


def test_a_village_president_replaces_open_states_mayor_and_a_named_chief_keeps_the_departments_address():
    president = {**NEW_MAYOR, "role": "village_president"}
    corrections = Corrections(officials={"1799003": [president, CHIEF]}, websites={})
    officials = {town["id"]: town for town in site_data(SNAPSHOT, corrections)["towns"]}["1799003"]["officials"]
    assert [o["role"] for o in officials] == ["police_chief", "village_president"]
    assert officials[0] == {**CHIEF, "organization": POLICE["organization"], "address": POLICE["address"],
                            "phone": POLICE["phone"], "tel": POLICE["tel"], "contact_source": "hifld",
                            "contact_checked": "2018-11-01"}
    # A chief with an address of their own keeps the department's name only; a superintendent replaces it too
    own = {**CHIEF, "role": "superintendent", "address": "1 Own Street\nMaple Grove, IL"}
    officials = {t["id"]: t for t in site_data(SNAPSHOT, Corrections({"1799003": [own]}, {}))["towns"]}["1799003"]
    assert officials["officials"][1] == {**own, "organization": POLICE["organization"]}


def test_the_snapshot_itself_is_not_changed():
    before = json.dumps(SNAPSHOT, sort_keys=True)
    site_data(SNAPSHOT, Corrections({"1799003": [NEW_MAYOR]}, {}))
    assert json.dumps(SNAPSHOT, sort_keys=True) == before


@pytest.mark.parametrize(("term_end", "today", "stale"), [
    ("2025-04-30", dt.date(2026, 12, 4), True),
    ("2026-12-03", dt.date(2026, 12, 4), True),
    ("2026-12-04", dt.date(2026, 12, 4), False),  # the last day of the term is still in it
    ("2029-05-01", dt.date(2026, 12, 4), False),
    (None, dt.date(2026, 12, 4), False),
])
def test_stale_means_the_listed_term_ended_before_today(term_end, today, stale):
    official = {"name": "X"} if term_end is None else {"name": "X", "term_end": term_end}
    assert is_stale(official, today) is stale


def test_load_site_data_reads_the_committed_files():
    data = load_site_data()
    assert data["version"] == 2 and data["state"] == "IL" and len(data["towns"]) == 1294
    assert set(data["sources"]) == {"gazetteer", "openstates", "uscityurl", "fbi", "hifld", "corrections"}


def test_load_site_data_names_the_entry_and_field_of_a_bad_correction(tmp_path: Path):
    bad = tmp_path / "corrections.toml"
    bad.write_text('[[towns]]\ntown = "Springfield"\nwebsite = "javascript:alert(1)"\n'
                   'source_url = "https://example.org/"\nchecked = 2026-12-01\n', encoding="utf-8")
    with pytest.raises(DirectoryError, match=r"towns\[1\] \(Springfield\): website: not an https:// address"):
        load_site_data(corrections_path=str(bad))


def test_a_website_whose_https_address_answered_keeps_that_day():
    snapshot = json.loads(json.dumps(SNAPSHOT))
    snapshot["towns"][1]["website_checked"] = "2026-12-03"
    towns = {town["id"]: town for town in site_data(snapshot, EMPTY)["towns"]}
    assert towns["1799002"]["website_checked"] == "2026-12-03"
    assert "website_checked" not in towns["1799003"]
