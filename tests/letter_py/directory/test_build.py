"""``letter-py directory build`` on small synthetic sources: good, stale, superseded and hostile entries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from letter_py.directory import values
from letter_py.directory.build import BuildError, build
from tests.letter_py.directory import sources
from tests.letter_py.directory.sources import Clones
from tests.letter_py.letter_helpers import run


@pytest.fixture(scope="module")
def built(clones: Clones, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str]:
    out = tmp_path_factory.mktemp("out") / "il.json"
    result = run("directory", "build", *clones.args(), "--out", str(out), "--today", "2026-12-04")
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text(encoding="utf-8")), result.stdout


def _towns(snapshot: dict) -> dict[str, dict]:
    return {town["id"]: town for town in snapshot["towns"]}


def test_the_towns_are_the_gazetteers_active_illinois_places_sorted_by_name_with_their_kind(built):
    snapshot, _ = built
    names = [(town["name"], town["id"]) for town in snapshot["towns"]]
    assert names == sorted(names)
    # 1799007's name has markup; 1799050 is a census-designated place (no government); 0699001 is in California
    assert {town_id for _, town_id in names} == {f"17990{n:02d}" for n in range(1, 12)} - {"1799007"}
    towns = _towns(snapshot)
    assert (towns["1799005"]["name"], towns["1799005"]["kind"]) == ("Twin Oaks", "village")
    assert (towns["1799006"]["name"], towns["1799006"]["kind"]) == ("Twin Oaks", "city")
    assert towns["1799010"]["kind"] == "town"
    assert towns["1799002"]["counties"] == ["Sample", "Example"]  # in the order of their FIPS codes


def test_a_website_is_joined_on_the_census_id_and_a_place_no_longer_listed_is_skipped(built):
    snapshot, summary = built
    towns = _towns(snapshot)
    assert towns["1799011"]["name"] == "New Heights" and "website" not in towns["1799011"]
    assert "Old Village" not in json.dumps(snapshot["towns"])
    assert (f"skipped: uscityurl UScityURL.csv line {sources.LINES['Old Village']} (Old Village, 1799012): "
            "not an active Illinois town in the Census Gazetteer") in summary


def _mayor(snapshot: dict, town_id: str) -> dict:
    return next(o for o in _towns(snapshot)[town_id]["officials"] if o["role"] == "mayor")


def test_a_good_mayor_is_shipped_with_every_value_and_the_date_their_values_last_changed(built):
    maple = _towns(built[0])["1799001"]
    assert maple["website"] == "https://www.maplegrove.example/"
    assert maple["website_source"] == "uscityurl"
    assert _mayor(built[0], "1799001") == {
        "role": "mayor", "name": "Alice Example", "email": "mayor@maplegrove.example",
        "phone": "217-555-0101", "tel": "+12175550101", "address": "100 Main Street\nMaple Grove, IL 62999",
        "term_end": "2029-05-01", "source": "openstates", "source_url": "https://www.maplegrove.example/mayor",
        "checked": sources.ALICE_AGAIN, "file": "data/il/municipalities/Alice-Example-0001.yml",
    }


def test_each_mayor_is_dated_by_the_last_change_of_their_own_values(built):
    checked = {o["file"].rsplit("/", 1)[1]: o["checked"] for t in built[0]["towns"] for o in t.get("officials", ())
               if o["source"] == "openstates"}
    assert checked == {name: sources.CHECKED.get(name, sources.KIM_ADDED) for name in checked}
    assert len(set(checked.values())) == len(checked) == 6


def test_a_family_name_is_shipped_where_the_greeting_would_not_find_it_in_the_name(built):
    lena = _mayor(built[0], "1799011")
    assert (lena["name"], lena["family_name"]) == ("Lena María López García", "López")
    assert "family_name" not in _mayor(built[0], "1799001")  # Open States gives none for Alice


def test_reformatting_a_file_is_not_a_change_of_its_values(built):
    """Open States' move to ``offices`` and a later lint commit leave Kim's values as they were added."""
    kim = _mayor(built[0], "1799010")
    assert kim["checked"] == sources.KIM_ADDED != sources.KIM_LINT
    assert (kim["name"], kim["phone"]) == ("Kim Reformatted", "217-555-0111")


def test_a_stale_mayor_is_kept_with_the_term_end_and_counted(built):
    snapshot, summary = built
    bob = _mayor(snapshot, "1799002")
    assert (bob["name"], bob["term_end"]) == ("Bob Stale", "2025-04-30")
    assert bob["phone"] == "618-555-0123 ext. 45" and bob["tel"] == "+16185550123"
    assert "mayors: 6 (1 stale as of 2026-12-04)" in summary


def test_a_superseded_mayor_is_dropped_for_the_current_one_and_saint_matches_st(built):
    snapshot, summary = built
    st_example = _towns(snapshot)["1799003"]
    assert [o["name"] for o in st_example["officials"]] == ["Dan New"]
    assert "term_end" not in st_example["officials"][0]
    assert "Carol Old" not in json.dumps(snapshot["towns"])
    assert ("Carol-Old-0003.yml: superseded: Carol Old's term ended 2021-05-01; Dan New "
            in summary)


def _police(snapshot: dict, town_id: str) -> dict | None:
    return next((o for o in _towns(snapshot)[town_id].get("officials", ()) if o["role"] == "police_chief"), None)


def test_a_department_has_the_fbis_name_and_hiflds_address_phone_and_validation_date(built):
    assert _police(built[0], "1799001") == {
        "role": "police_chief", "organization": "Maple Grove Police Department", "source": "fbi",
        "checked": sources.FBI_DATE, "ori": "IL0010100", "address": "100 MAIN STREET\nMAPLE GROVE, IL 62999-1234",
        "phone": "(217) 555-0150", "tel": "+12175550150", "contact_source": "hifld",
        "contact_checked": "2018-11-01", "hifld_id": "9001",
    }


def test_an_agency_is_matched_by_name_and_county_so_two_towns_of_one_name_are_told_apart(built):
    snapshot, summary = built
    city = _police(snapshot, "1799006")  # Twin Oaks city, Example County: the FBI's and HIFLD's agency
    assert city["organization"] == "Twin Oaks Police Department" and city["address"].startswith("7 OAK STREET")
    assert "phone" not in city  # HIFLD: NOT AVAILABLE
    assert _police(snapshot, "1799005") is None  # Twin Oaks village, Sample County
    assert ("skipped: fbi agencies.csv line 5 (Lansing Police Department, IL0010300): unmatched: no town of that "
            "name in its county (SAMPLE)") in summary
    assert "unmatched: no town of that name in its county (SAMPLE)" in summary  # and HIFLD's <script> row
    assert "<script>" not in json.dumps(snapshot["towns"]) and "Lansing" not in json.dumps(snapshot["towns"])


def test_a_town_with_several_stations_gets_its_headquarters_and_names_are_tidied(built):
    fort = _police(built[0], "1799002")  # an agency of two counties; "Fort Example  Police Department"
    assert fort["organization"] == "Fort Example Police Department"
    assert fort["address"] == "2 FORT ROAD\nFORT EXAMPLE, IL 62997" and fort["hifld_id"] == "9005"


def test_a_department_only_hifld_lists_is_named_in_the_towns_own_letters_and_dated_by_hifld(built):
    assert _police(built[0], "1799008") == {
        "role": "police_chief", "organization": "Cedar Falls Police Department", "source": "hifld",
        "address": "10 CAPITOL AVENUE\nCEDAR FALLS, IL 62992", "phone": "(217) 555-0110", "tel": "+12175550110",
        "checked": "2019-06-27", "hifld_id": "9003",
    }


def test_a_department_only_the_fbi_lists_has_no_address(built):
    assert _police(built[0], "1799009") == {
        "role": "police_chief", "organization": "O'Brien Police Department", "source": "fbi",
        "checked": sources.FBI_DATE, "ori": "IL0050100"}


def test_a_town_with_no_agency_of_its_own_in_one_county_is_served_by_its_sheriff(built):
    snapshot, summary = built
    towns = _towns(snapshot)
    assert towns["1799004"]["sheriff"] == "Sample"  # Lake Sample: no department (a park district's is not one)
    assert towns["1799010"]["sheriff"] == "Example"
    assert "sheriff" not in towns["1799003"]  # St. Example: the FBI lists an agency of its own
    assert towns["1799005"]["sheriff"] == "Sample"  # Twin Oaks village: the FBI's Twin Oaks is in Example County
    assert snapshot["sheriffs"]["Sample"] == {
        "role": "sheriff", "organization": "Sample County Sheriff's Office", "source": "fbi",
        "checked": sources.FBI_DATE, "ori": "IL0010000", "address": "1 COURTHOUSE SQUARE\nSAMPLEVILLE, IL 62990",
        "phone": "(217) 555-0190", "tel": "+12175550190", "contact_source": "hifld",
        "contact_checked": "2018-11-05", "hifld_id": "9006"}
    assert "address" not in snapshot["sheriffs"]["Example"]  # HIFLD has no office for it
    assert "police departments: 6, with a postal address: 4; towns a county's sheriff serves: 3 (sheriffs: 2)" in summary


def test_entries_that_match_no_single_town_or_hold_no_mayors_role_are_skipped_with_a_reason(built):
    snapshot, summary = built
    reasons = {s["entry"].rsplit("/", 1)[-1]: s["reason"] for s in snapshot["skipped"]}
    assert reasons["Hal-Noroles-0009.yml"] == "no roles: not known to hold any office"
    assert reasons["Ivy-Legislator-0010.yml"] == "no role of type mayor"
    assert "more than one town of that name" in reasons["Frank-Twin-0007.yml"]
    assert "no town of that name" in reasons["Gina-Nowhere-0008.yml"]
    assert reasons["municipalities.yml (Nowhere Junction)"] == "unmatched: no town of that name"
    for person in ("Hal Noroles", "Ivy Legislator", "Frank Twin", "Gina Nowhere"):
        assert person not in json.dumps(snapshot["towns"])
    assert "skipped entries: 12" in summary  # 8 from Open States, 2 rows of UScityURL's, 2 agencies


HOSTILE = [
    # (source, entry, field, what the reason says, the value that must never ship)
    ("uscityurl", "UScityURL.csv line 4 (Fort Example, 1799002)", "WEBSITE_URL", "not an https:// address",
     "http://www.fortexample.example/"),
    ("uscityurl", "UScityURL.csv line 6 (Lake Sample, 1799004)", "WEBSITE_URL", "not an https:// address",
     "javascript:alert(1)"),
    ("gazetteer", "data/raw/gazetteer/2025_Gaz_place_national.txt line 9 (<b>Bold</b> Town village)", "NAME",
     "markup", "<b>Bold</b>"),
    ("uscityurl", "UScityURL.csv line 10 (Cedar Falls, 1799008)", "WEBSITE_URL", "credentials", "user:secret"),
    ("uscityurl", "UScityURL.csv line 12 (Quiet Hollow, 1799010)", "WEBSITE_URL", "not an https:// address",
     "data:text/html"),
    ("uscityurl", "UScityURL.csv line 13 (New Heights, 1799011)", "WEBSITE_URL",
     "the host names another kind of body ('county')", "newheightscounty"),
    ("hifld", "hifld.csv line 9 (NEW HEIGHTS POLICE DEPARTMENT, 9008)", "ADDRESS", "markup", "1 HIGH STREET"),
    ("openstates", "data/il/municipalities/Kit-Whole-0013.yml (St. Example, mayor)", "family_name",
     "not words of the name 'Kit Whole' after the first", "Kit Whole\""),
    ("openstates", "data/il/municipalities/Bob-Stale-0002.yml (Fort Example, mayor)", "sources.url",
     "not an https:// address", "javascript:"),
    ("openstates", "data/il/municipalities/Script-Kid-0005.yml (O'Brien, mayor)", "name", "markup", "<script>"),
    ("openstates", "data/il/municipalities/Eve-Hostile-0006.yml (Lake Sample, mayor)", "email",
     "not an email address", "not-an-email"),
    ("openstates", "data/il/municipalities/Eve-Hostile-0006.yml (Lake Sample, mayor)", "offices.voice",
     "not a North American phone number", "555-CALL-NOW"),
    ("openstates", "data/il/municipalities/Eve-Hostile-0006.yml (Lake Sample, mayor)", "offices.address",
     "longer than 300 characters", "Very Long Avenue"),
    ("openstates", "data/il/municipalities/Eve-Hostile-0006.yml (Lake Sample, mayor)", "sources.url",
     "not an https:// address", "http://lakesample.example/mayor"),
]


@pytest.mark.parametrize(("source", "entry", "field", "reason", "value"), HOSTILE)
def test_a_hostile_value_is_refused_naming_entry_and_field_printed_and_never_shipped(
        built, source: str, entry: str, field: str, reason: str, value: str):
    snapshot, summary = built
    found = [r for r in snapshot["refused"] if (r["source"], r["entry"], r["field"]) == (source, entry, field)]
    assert len(found) == 1 and reason in found[0]["reason"], snapshot["refused"]
    assert f"refused: {source} {entry}: {field}: {found[0]['reason']}" in summary
    assert value not in json.dumps(snapshot["towns"])


def test_nothing_else_is_refused_and_the_summary_counts_by_field(built):
    snapshot, summary = built
    assert len(snapshot["refused"]) == len(HOSTILE)
    assert ("refused values: 14 (ADDRESS 1, NAME 1, WEBSITE_URL 5, email 1, family_name 1, name 1, offices.address 1, "
            "offices.voice 1, sources.url 2)") in summary


def test_an_official_keeps_what_passed_when_other_values_are_refused(built):
    eve = _towns(built[0])["1799004"]["officials"][0]
    assert set(eve) == {"role", "name", "term_end", "source", "checked", "file"}
    assert "website" not in _towns(built[0])["1799004"]


def test_a_town_whose_name_is_refused_is_left_out_and_an_official_without_a_name_too(built):
    towns = _towns(built[0])
    assert "1799007" not in towns
    assert [o["role"] for o in towns["1799009"]["officials"]] == ["police_chief"]  # the mayor's name had markup


def test_every_shipped_value_passes_its_check_again(built):
    for town in built[0]["towns"]:
        assert values.name(town["name"]) == town["name"]
        if "website" in town:
            assert values.https_url(town["website"]) == town["website"]
        for official in town.get("officials", ()):
            for key in ("name", "organization"):
                if key in official:
                    assert values.name(official[key]) == official[key]
            if "address" in official:
                assert values.address(official["address"]) == official["address"]


def test_the_sources_record_their_commits_and_dates(built, clones):
    import hashlib

    uscityurl, openstates = clones.uscityurl, clones.openstates
    recorded = built[0]["sources"]
    assert recorded["gazetteer"]["commit"] == sources.commit_of(clones.geo)
    assert recorded["gazetteer"]["commit_date"] == sources.GEO_DATE
    assert recorded["fbi"]["sha256"] == hashlib.sha256(sources.FBI_CSV.encode()).hexdigest()
    assert recorded["hifld"]["sha256"] == hashlib.sha256(sources.HIFLD_CSV.encode()).hexdigest()
    assert {recorded[key]["licence"] for key in ("gazetteer", "fbi")} == {"Public domain (US government work)"}
    assert recorded["openstates"]["commit"] == sources.commit_of(openstates)
    assert recorded["openstates"]["commit_date"] == sources.OPENSTATES_DATE
    assert recorded["uscityurl"]["commit"] == sources.commit_of(uscityurl)
    assert recorded["uscityurl"]["commit_date"] == sources.USCITYURL_DATE
    assert recorded["uscityurl"]["licence"] == "CC BY 4.0" and "doi.org" in recorded["uscityurl"]["citation"]
    assert recorded["openstates"]["licence"] == "CC0 1.0"


def test_the_build_is_reproducible_and_its_file_ends_with_a_newline(clones, tmp_path: Path):
    outs = []
    for name in ("a.json", "b.json"):
        result = run("directory", "build", *clones.args(), "--out", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1] and outs[0].endswith(b"}\n")


def test_a_folder_that_is_not_a_source_is_an_error(clones, tmp_path: Path):
    for source, says in (("uscityurl", "UScityURL.csv"), ("openstates", "municipalities.yml is missing"),
                         ("geo", "2025_Gaz_place_national.txt"), ("fbi", "cannot read")):
        result = run("directory", "build", *clones.args(**{source: tmp_path}), "--out", str(tmp_path / "x.json"))
        assert result.returncode == 1 and says in result.stderr, (source, result.stderr)
    result = run("directory", "build", *clones.args(hifld=clones.fbi), "--out", str(tmp_path / "x.json"))
    assert result.returncode == 1 and "missing columns" in result.stderr
    assert not (tmp_path / "x.json").exists()


def test_a_copy_without_history_is_refused_rather_than_dated_wrongly(clones, tmp_path: Path):
    import shutil

    copy = tmp_path / "openstates"
    shutil.copytree(clones.openstates, copy, ignore=shutil.ignore_patterns(".git"))
    with pytest.raises(BuildError, match="not a git clone with history"):
        build(clones.geo, clones.uscityurl, copy, clones.fbi, clones.hifld)


def test_an_http_website_whose_https_address_answered_ships_with_that_day(clones: Clones, tmp_path: Path):
    answered = tmp_path / "https.tsv"
    answered.write_text("https://www.fortexample.example/\t2026-12-03\n"
                        "http://plain.example/\t2026-12-03\n"  # not an https:// address: refused
                        "https://www.nowhere.example/\tsoon\n", encoding="utf-8")
    out = tmp_path / "il.json"
    result = run("directory", "build", *clones.args(), "--https", str(answered), "--out", str(out))
    assert result.returncode == 0, result.stderr
    snapshot = json.loads(out.read_text(encoding="utf-8"))
    fort = _towns(snapshot)["1799002"]
    assert (fort["website"], fort["website_checked"]) == ("https://www.fortexample.example/", "2026-12-03")
    assert "website_checked" not in _towns(snapshot)["1799001"]
    refused = {(r["entry"], r["field"]) for r in snapshot["refused"]}
    assert {("https.tsv line 2", "https"), ("https.tsv line 3", "https")} <= refused
    assert not any(r["entry"].startswith("UScityURL.csv line 4 ") for r in snapshot["refused"])
