"""Source tables from their files: CSV, a dBASE table, a shapefile's zip, and files that are none of these."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from letter_py.directory import police, tables
from tests.letter_py.directory import sources
from tests.letter_py.directory.sources import Clones
from tests.letter_py.letter_helpers import run

FIELDS = [("NAME", "C", 12), ("VAL_DATE", "D", 8), ("FTSWORN", "N", 4)]


def test_a_dbase_table_reads_as_text_with_iso_dates_and_without_deleted_records():
    data = sources.dbf(FIELDS, [["GOLF PD", "20181101", "3"], ["GONE", "20080630", "1"], ["Ñandú", "20190627", "12"]],
                       deleted=(1,))
    assert tables.dbf_rows(data, "x.dbf") == [
        {tables.WHERE: "record 1", "NAME": "GOLF PD", "VAL_DATE": "2018-11-01", "FTSWORN": "3"},
        {tables.WHERE: "record 3", "NAME": "Ñandú", "VAL_DATE": "2019-06-27", "FTSWORN": "12"},
    ]


@pytest.mark.parametrize("damage", [
    lambda data: data[:20],                       # cut inside the header
    lambda data: data[:-30],                      # records missing
    lambda data: data[:10] + b"\x07\x00" + data[12:],  # a record length that does not fit the fields
])
def test_a_damaged_table_is_an_error_naming_the_file(damage):
    data = sources.dbf(FIELDS, [["GOLF PD", "20181101", "3"], ["OAK PD", "20181102", "4"]])
    with pytest.raises(tables.TableError, match=r"x\.dbf: not a dBASE table"):
        tables.dbf_rows(damage(data), "x.dbf")


def test_a_shapefiles_zip_reads_like_its_csv_copy(tmp_path: Path):
    from_zip = tables.read_rows(sources.hifld_shapefile(tmp_path), police.HIFLD_COLUMNS)
    csv_path = tmp_path / "hifld.csv"
    csv_path.write_text(sources.HIFLD_CSV, encoding="utf-8")
    from_csv = tables.read_rows(csv_path, police.HIFLD_COLUMNS)
    assert [{k: v for k, v in row.items() if k != tables.WHERE} for row in from_zip] == \
        [{k: v for k, v in row.items() if k != tables.WHERE} for row in from_csv]
    assert [row[tables.WHERE] for row in from_zip][:2] == ["record 1", "record 2"]
    assert [row[tables.WHERE] for row in from_csv][:2] == ["line 2", "line 3"]


def test_a_zip_without_one_table_or_a_table_without_the_columns_is_an_error(tmp_path: Path):
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("readme.txt", "no table here")
    with pytest.raises(tables.TableError, match="holds one .dbf table, this one 0"):
        tables.read_rows(empty, police.HIFLD_COLUMNS)
    other = tmp_path / "other.dbf"
    other.write_bytes(sources.dbf(FIELDS, [["GOLF PD", "20181101", "3"]]))
    with pytest.raises(tables.TableError, match="missing fields ID, ADDRESS"):
        tables.read_rows(other, police.HIFLD_COLUMNS)


def test_the_build_from_hiflds_archived_zip_ships_what_it_ships_from_the_csv(clones: Clones, tmp_path: Path):
    built = {}
    for name, hifld in (("csv", clones.hifld), ("zip", sources.hifld_shapefile(tmp_path))):
        out = tmp_path / f"{name}.json"
        result = run("directory", "build", *clones.args(hifld=hifld), "--out", str(out))
        assert result.returncode == 0, result.stderr
        built[name] = json.loads(out.read_text(encoding="utf-8"))
    assert built["zip"]["towns"] == built["csv"]["towns"] and built["zip"]["sheriffs"] == built["csv"]["sheriffs"]
    assert "hifld-shapefile" not in json.dumps(built["zip"]["towns"])
    assert any("Local_Law_Enforcement.zip record 8 (NEW HEIGHTS" in r["entry"] for r in built["zip"]["refused"])
