"""``letter-py directory build`` on small synthetic clones: good, stale, superseded and hostile entries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from letter_py.directory import values
from letter_py.directory.build import BuildError, build
from tests.letter_py.directory import sources
from tests.letter_py.letter_helpers import run


@pytest.fixture(scope="module")
def clones(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("sources")
    return sources.make_uscityurl(root / "uscityurl"), sources.make_openstates(root / "openstates")


@pytest.fixture(scope="module")
def built(clones: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str]:
    uscityurl, openstates = clones
    out = tmp_path_factory.mktemp("out") / "il.json"
    result = run("directory", "build", "--uscityurl", str(uscityurl), "--openstates", str(openstates),
                 "--out", str(out), "--today", "2026-12-04")
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text(encoding="utf-8")), result.stdout


def _towns(snapshot: dict) -> dict[str, dict]:
    return {town["id"]: town for town in snapshot["towns"]}


def test_the_illinois_rows_become_towns_sorted_by_name_with_their_census_ids(built):
    snapshot, _ = built
    names = [(town["name"], town["id"]) for town in snapshot["towns"]]
    assert names == sorted(names)
    assert {town_id for _, town_id in names} == {f"17990{n:02d}" for n in range(1, 11)} - {"1799007"}
    assert "0699001" not in _towns(snapshot)  # California's Maple Grove


def test_a_good_mayor_is_shipped_with_every_value_and_the_date_their_file_last_changed(built):
    maple = _towns(built[0])["1799001"]
    assert maple["website"] == "https://www.maplegrove.example/"
    assert maple["website_source"] == "uscityurl"
    assert maple["officials"] == [{
        "role": "mayor", "name": "Alice Example", "email": "mayor@maplegrove.example",
        "phone": "217-555-0101", "tel": "+12175550101", "address": "100 Main Street\nMaple Grove, IL 62999",
        "term_end": "2029-05-01", "source": "openstates", "source_url": "https://www.maplegrove.example/mayor",
        "checked": sources.ALICE_AGAIN, "file": "data/il/municipalities/Alice-Example-0001.yml",
    }]


def test_each_official_is_checked_on_the_last_commit_of_their_own_file(built):
    checked = {o["file"].rsplit("/", 1)[1]: o["checked"] for t in built[0]["towns"] for o in t.get("officials", ())}
    assert checked == {name: sources.CHECKED[name] for name in checked}
    assert len(set(checked.values())) == len(checked) == 4


def test_a_stale_mayor_is_kept_with_the_term_end_and_counted(built):
    snapshot, summary = built
    bob = _towns(snapshot)["1799002"]["officials"][0]
    assert (bob["name"], bob["term_end"]) == ("Bob Stale", "2025-04-30")
    assert bob["phone"] == "618-555-0123 ext. 45" and bob["tel"] == "+16185550123"
    assert "officials: 4 (1 stale as of 2026-12-04)" in summary


def test_a_superseded_mayor_is_dropped_for_the_current_one_and_saint_matches_st(built):
    snapshot, summary = built
    st_example = _towns(snapshot)["1799003"]
    assert [o["name"] for o in st_example["officials"]] == ["Dan New"]
    assert "term_end" not in st_example["officials"][0]
    assert "Carol Old" not in json.dumps(snapshot["towns"])
    assert ("Carol-Old-0003.yml: superseded: Carol Old's term ended 2021-05-01; Dan New "
            in summary)


def test_entries_that_match_no_single_town_or_hold_no_mayors_role_are_skipped_with_a_reason(built):
    snapshot, summary = built
    reasons = {s["entry"].rsplit("/", 1)[-1]: s["reason"] for s in snapshot["skipped"]}
    assert reasons["Hal-Noroles-0009.yml"] == "no roles: not known to hold any office"
    assert reasons["Ivy-Legislator-0010.yml"] == "no role of type mayor"
    assert "more than one UScityURL town" in reasons["Frank-Twin-0007.yml"]
    assert "no UScityURL town" in reasons["Gina-Nowhere-0008.yml"]
    assert reasons["municipalities.yml (Nowhere Junction)"] == "unmatched: no UScityURL town of that name"
    for person in ("Hal Noroles", "Ivy Legislator", "Frank Twin", "Gina Nowhere"):
        assert person not in json.dumps(snapshot["towns"])
    assert "skipped entries: 7" in summary


HOSTILE = [
    # (source, entry, field, what the reason says, the value that must never ship)
    ("uscityurl", "UScityURL.csv line 4 (Fort Example, 1799002)", "WEBSITE_URL", "not an https:// address",
     "http://www.fortexample.example/"),
    ("uscityurl", "UScityURL.csv line 6 (Lake Sample, 1799004)", "WEBSITE_URL", "not an https:// address",
     "javascript:alert(1)"),
    ("uscityurl", "UScityURL.csv line 9 (<b>Bold</b> Town, 1799007)", "MUNICIPALITY", "markup", "<b>Bold</b>"),
    ("uscityurl", "UScityURL.csv line 10 (Cedar Falls, 1799008)", "WEBSITE_URL", "credentials", "user:secret"),
    ("uscityurl", "UScityURL.csv line 12 (Quiet Hollow, 1799010)", "WEBSITE_URL", "not an https:// address",
     "data:text/html"),
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
    assert ("refused values: 11 (MUNICIPALITY 1, WEBSITE_URL 4, email 1, name 1, offices.address 1, "
            "offices.voice 1, sources.url 2)") in summary


def test_an_official_keeps_what_passed_when_other_values_are_refused(built):
    eve = _towns(built[0])["1799004"]["officials"][0]
    assert set(eve) == {"role", "name", "term_end", "source", "checked", "file"}
    assert "website" not in _towns(built[0])["1799004"]


def test_a_town_whose_name_is_refused_is_left_out_and_an_official_without_a_name_too(built):
    towns = _towns(built[0])
    assert "1799007" not in towns
    assert "officials" not in towns["1799009"]  # O'Brien's only mayor had markup for a name


def test_every_shipped_value_passes_its_check_again(built):
    for town in built[0]["towns"]:
        assert values.name(town["name"]) == town["name"]
        if "website" in town:
            assert values.https_url(town["website"]) == town["website"]
        for official in town.get("officials", ()):
            assert values.name(official["name"]) == official["name"]


def test_the_sources_record_their_commits_and_dates(built, clones):
    uscityurl, openstates = clones
    recorded = built[0]["sources"]
    assert recorded["openstates"]["commit"] == sources.commit_of(openstates)
    assert recorded["openstates"]["commit_date"] == sources.OPENSTATES_DATE
    assert recorded["uscityurl"]["commit"] == sources.commit_of(uscityurl)
    assert recorded["uscityurl"]["commit_date"] == sources.USCITYURL_DATE
    assert recorded["uscityurl"]["licence"] == "CC BY 4.0" and "doi.org" in recorded["uscityurl"]["citation"]
    assert recorded["openstates"]["licence"] == "CC0 1.0"


def test_the_build_is_reproducible_and_its_file_ends_with_a_newline(clones, tmp_path: Path):
    outs = []
    for name in ("a.json", "b.json"):
        result = run("directory", "build", "--uscityurl", str(clones[0]), "--openstates", str(clones[1]),
                     "--out", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1] and outs[0].endswith(b"}\n")


def test_a_folder_that_is_not_a_source_is_an_error(clones, tmp_path: Path):
    result = run("directory", "build", "--uscityurl", str(tmp_path), "--openstates", str(clones[1]),
                 "--out", str(tmp_path / "x.json"))
    assert result.returncode == 1 and "UScityURL.csv" in result.stderr
    result = run("directory", "build", "--uscityurl", str(clones[0]), "--openstates", str(tmp_path),
                 "--out", str(tmp_path / "x.json"))
    assert result.returncode == 1 and "municipalities.yml is missing" in result.stderr
    assert not (tmp_path / "x.json").exists()


def test_a_copy_without_history_is_refused_rather_than_dated_wrongly(clones, tmp_path: Path):
    import shutil

    copy = tmp_path / "openstates"
    shutil.copytree(clones[1], copy, ignore=shutil.ignore_patterns(".git"))
    with pytest.raises(BuildError, match="not a git clone with history"):
        build(clones[0], copy)
