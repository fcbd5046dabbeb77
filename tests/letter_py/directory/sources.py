"""Small synthetic copies of the directory's sources, as git clones with fixed dates and as files.

Made-up towns and people in the sources' exact formats (``.example`` domains,
555 numbers), never copies of the real files. Each file is committed on a
date of its own, so the build's "checked" dates (the last commit that changed
a person's file) are known: see ``CHECKED``.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

USCITYURL_CSV = """GEOID,MUNICIPALITY,STATE,WEBSITE_AVAILABLE,WEBSITE_URL
1600000US0699001,Maple Grove,California,1,https://www.maplegrove-ca.example/
1600000US1799001,Maple Grove,Illinois,1,https://www.maplegrove.example/
1600000US1799002,Fort Example,Illinois,1,http://www.fortexample.example/
1600000US1799003,St. Example,Illinois,0,
1600000US1799004,Lake Sample,Illinois,1,javascript:alert(1)
1600000US1799005,Twin Oaks,Illinois,0,
1600000US1799006,Twin Oaks,Illinois,1,https://twinoaks.example/
1600000US1799007,<b>Bold</b> Town,Illinois,1,https://bold.example/
1600000US1799008,Cedar Falls,Illinois,1,https://user:secret@cedar.example/
1600000US1799009,O'Brien,Illinois,1,https://obrien.example/
1600000US1799010,Quiet Hollow,Illinois,1,"data:text/html;base64,PHNjcmlwdD4="
1600000US1799011,New Heights,Illinois,1,https://www.newheightscounty.example/
1600000US1799012,Old Village,Illinois,1,https://oldvillage.example/
"""
# line numbers in the CSV (the header is line 1)
LINES = {"Fort Example": 4, "Lake Sample": 6, "Bold": 9, "Cedar Falls": 10, "Quiet Hollow": 12, "New Heights": 13,
         "Old Village": 14}

# The Census Gazetteer (pipe-separated, its header's last column padded as the Census pads it): the towns.
_GAZ_HEADER = "USPS|GEOID|GEOIDFQ|ANSICODE|NAME|LSAD|FUNCSTAT|ALAND|AWATER|ALAND_SQMI|AWATER_SQMI|INTPTLAT|INTPTLONG   "
GAZ_PLACES = _GAZ_HEADER + "\n" + "".join(
    f"{state}|{place}|1600000US{place}|0000000|{name}|{lsad}|{status}|1|0|1.0|0.0|40.0|-89.0\n"
    for state, place, name, lsad, status in (
        ("CA", "0699001", "Maple Grove city", "25", "A"),
        ("IL", "1799001", "Maple Grove village", "47", "A"),
        ("IL", "1799002", "Fort Example city", "25", "A"),
        ("IL", "1799003", "St. Example village", "47", "A"),
        ("IL", "1799004", "Lake Sample village", "47", "A"),
        ("IL", "1799005", "Twin Oaks village", "47", "A"),
        ("IL", "1799006", "Twin Oaks city", "25", "A"),
        ("IL", "1799007", "<b>Bold</b> Town village", "47", "A"),
        ("IL", "1799008", "Cedar Falls city", "25", "A"),
        ("IL", "1799009", "O'Brien village", "47", "A"),
        ("IL", "1799010", "Quiet Hollow town", "43", "A"),
        ("IL", "1799011", "New Heights city", "25", "A"),
        ("IL", "1799050", "Sample Acres CDP", "57", "S"),
    ))
GAZ_COUNTIES = ("USPS|GEOID|GEOIDFQ|ANSICODE|NAME|ALAND|AWATER|ALAND_SQMI|AWATER_SQMI|INTPTLAT|INTPTLONG\n"
                "IL|17901|0500000US17901|0|Sample County|1|0|1|0|40|-89\n"
                "IL|17903|0500000US17903|0|Example County|1|0|1|0|40|-89\n"
                "IL|17905|0500000US17905|0|Faraway County|1|0|1|0|40|-89\n"
                "CA|06901|0500000US06901|0|Sample County|1|0|1|0|37|-120\n")
PLACE_COUNTIES = "Place GEOID,County GEOID\n" + "".join(f"{place},{county}\n" for place, county in (
    ("0699001", "06901"), ("1799001", "17901"), ("1799002", "17901"), ("1799002", "17903"), ("1799003", "17901"),
    ("1799004", "17901"), ("1799005", "17901"), ("1799006", "17903"), ("1799008", "17903"), ("1799009", "17905"),
    ("1799010", "17903"), ("1799011", "17903"),
))
GEO_DATE = "2025-12-30"

# The FBI's agency list (the TidyTuesday columns): Twin Oaks is two towns, told apart by county; Lansing is no
# town here; St. Example's agency has no type (so the town has one of its own, name unknown).
FBI_CSV = "ori,county,latitude,longitude,state_abbr,state,agency_name,agency_type,is_nibrs,nibrs_start_date\n" + "".join(
    f"{ori},{county},NA,NA,IL,Illinois,{name},{kind},TRUE,2021-01-01\n" for ori, county, name, kind in (
        ("IL0010100", "SAMPLE", "Maple Grove Police Department", "City"),
        ("IL0010200", '"SAMPLE, EXAMPLE"', "Fort Example  Police Department", "City"),
        ("IL0030100", "EXAMPLE", "Twin Oaks Police Department", "City"),
        ("IL0010300", "SAMPLE", "Lansing Police Department", "City"),
        ("IL0010000", "SAMPLE", "Sample County Sheriff's Office", "County"),
        ("IL0030000", "EXAMPLE", "Example County Sheriff's Office", "County"),
        ("IL0010400", "SAMPLE", "St. Example", "NA"),
        ("IL0030200", "EXAMPLE", "Example State University", "University or College"),
        ("IL0050100", "FARAWAY", "O'Brien Police Department", "City"),
    ))
# HIFLD's Local Law Enforcement Locations (the columns the build reads, and one it does not).
_HIFLD_HEADER = "ID,NAME,ADDRESS,CITY,STATE,ZIP,ZIP4,TELEPHONE,TYPE,STATUS,COUNTY,COUNTYFIPS,VAL_DATE,FTSWORN"
HIFLD_CSV = _HIFLD_HEADER + "\n" + "".join(",".join(row) + "\n" for row in (
    ("9001", "MAPLE GROVE POLICE DEPARTMENT", "100 MAIN STREET", "MAPLE GROVE", "IL", "62999", "1234",
     "(217) 555-0150", "LOCAL POLICE DEPARTMENT", "OPEN", "SAMPLE", "17901", "2018-11-01", "12"),
    ("9002", "TWIN OAKS POLICE DEPT", "7 OAK STREET", "TWIN OAKS", "IL", "62994", "NOT AVAILABLE",
     "NOT AVAILABLE", "LOCAL POLICE DEPARTMENT", "OPEN", "EXAMPLE", "17903", "2018-11-02", "3"),
    ("9003", "CEDAR FALLS POLICE DEPARTMENT", "10 CAPITOL AVENUE", "CEDAR FALLS", "IL", "62992", "NOT AVAILABLE",
     "(217) 555-0110", "LOCAL POLICE DEPARTMENT", "OPEN", "EXAMPLE", "17903", "2019-06-27", "4"),
    ("9004", "FORT EXAMPLE POLICE DEPARTMENT - NORTH STATION", "9 NORTH ROAD", "FORT EXAMPLE", "IL", "62997",
     "NOT AVAILABLE", "(618) 555-0199", "LOCAL POLICE DEPARTMENT", "OPEN", "SAMPLE", "17901", "2018-10-30", "2"),
    ("9005", "FORT EXAMPLE POLICE DEPARTMENT - HEADQUARTERS", "2 FORT ROAD", "FORT EXAMPLE", "IL", "62997",
     "NOT AVAILABLE", "(618) 555-0100", "LOCAL POLICE DEPARTMENT", "OPEN", "SAMPLE", "17901", "2018-10-31", "20"),
    ("9006", "SAMPLE COUNTY SHERIFF'S OFFICE", "1 COURTHOUSE SQUARE", "SAMPLEVILLE", "IL", "62990",
     "NOT AVAILABLE", "(217) 555-0190", "SHERIFF'S OFFICE", "OPEN", "SAMPLE", "17901", "2018-11-05", "30"),
    ("9007", "<script> POLICE DEPARTMENT", "1 EVIL STREET", "NOWHERE", "IL", "62900", "NOT AVAILABLE",
     "(217) 555-0666", "LOCAL POLICE DEPARTMENT", "OPEN", "SAMPLE", "17901", "2018-11-01", "1"),
    ("9008", "NEW HEIGHTS POLICE DEPARTMENT", "<b>1 HIGH STREET</b>", "NEW HEIGHTS", "IL", "62980",
     "NOT AVAILABLE", "555-CALL-NOW", "LOCAL POLICE DEPARTMENT", "OPEN", "EXAMPLE", "17903", "2018-11-01", "5"),
    ("9009", "LAKE SAMPLE PARK DISTRICT POLICE", "4 SHORE DRIVE", "LAKE SAMPLE", "IL", "62998", "NOT AVAILABLE",
     "(217) 555-0140", "SPECIAL JURISDICTION", "OPEN", "SAMPLE", "17901", "2018-11-01", "1"),
))
FBI_DATE = "2025-02-18"


def _jurisdiction(slug: str) -> str:
    return f"ocd-jurisdiction/country:us/state:il/place:{slug}/government"


MUNICIPALITIES_YML = "".join(f"- name: {name}\n  id: {_jurisdiction(slug)}\n" for name, slug in (
    ("Maple Grove", "maple_grove"), ("Fort Example", "fort_example"), ("Saint Example", "st_example"),
    ("O Brien", "o_brien"), ("Lake Sample", "lake_sample"), ("Twin Oaks", "twin_oaks"),
    ("Nowhere Junction", "nowhere_junction"), ("Cedar Falls", "cedar_falls"), ("Quiet Hollow", "quiet_hollow"),
    ("New Heights", "new_heights"),
))

LONG_ADDRESS = "1 " + "Very Long Avenue " * 20 + ";Lake Sample, IL 62998"


def _person(uuid: str, name: str, slug: str, end: str | None, email: str, address: str, voice: str,
            sources: list[str], role_type: str = "mayor") -> str:
    role = f"- end_date: '{end}'\n  type: {role_type}\n" if end else f"- type: {role_type}\n"
    return (f"id: ocd-person/{uuid}\nname: {name}\nemail: {email}\nroles:\n{role}"
            f"  jurisdiction: {_jurisdiction(slug)}\noffices:\n- classification: primary\n"
            f"  address: {address}\n  voice: {voice}\nsources:\n"
            + "".join(f"- url: {url}\n" for url in sources))


FOLDER = "data/il/municipalities"
PEOPLE = {
    # good, current
    "Alice-Example-0001.yml": _person("0001", "Alice Example", "maple_grove", "2029-05-01", "mayor@maplegrove.example",
                                      "100 Main Street;Maple Grove, IL 62999", "217-555-0100",
                                      ["https://www.maplegrove.example/mayor"]),
    # stale (term ended), a hostile first source, a phone with an extension
    "Bob-Stale-0002.yml": _person("0002", "Bob Stale", "fort_example", "2025-04-30", "bob@fortexample.example",
                                  "2 Fort Road, PO Box 9;Fort Example, IL 62997", "618-555-0123 ext. 45",
                                  ["javascript:alert(1)", "https://www.fortexample.example/mayor"]),
    # superseded (term ended) and current (no end date) mayors of "Saint Example" (St. Example)
    "Carol-Old-0003.yml": _person("0003", "Carol Old", "st_example", "2021-05-01", "carol@stexample.example",
                                  "3 Church Street;St. Example, IL 62996", "(309) 555-0199",
                                  ["https://stexample.example/old"]),
    "Dan-New-0004.yml": _person("0004", "Dan New", "st_example", None, "dan@stexample.example",
                                "3 Church Street;St. Example, IL 62996", "309.555.0142",
                                ["https://stexample.example/mayor"]),
    # markup in the name: dropped whole
    "Script-Kid-0005.yml": _person("0005", "<script>alert(1)</script>", "o_brien", "2029-01-01",
                                   "kid@obrien.example", "5 Elm Street;O'Brien, IL 62995", "815-555-0105",
                                   ["https://obrien.example/mayor"]),
    # hostile values kept out one by one; the name is fine, so the official stays
    "Eve-Hostile-0006.yml": _person("0006", "Eve Hostile", "lake_sample", "2028-12-31", "not-an-email",
                                    f"'{LONG_ADDRESS}'", "555-CALL-NOW", ["http://lakesample.example/mayor"]),
    # a town name two towns share
    "Frank-Twin-0007.yml": _person("0007", "Frank Twin", "twin_oaks", "2029-05-01", "frank@twinoaks.example",
                                   "7 Oak Street;Twin Oaks, IL 62994", "217-555-0107",
                                   ["https://twinoaks.example/mayor"]),
    # a family name the greeting would not find in the name, and one that is the whole name (refused)
    "Lena-Family-0012.yml": _person("0012", "Lena María López García", "new_heights", "2029-05-01",
                                    "lena@newheights.example", "12 High Street;New Heights, IL 62980",
                                    "217-555-0112", ["https://newheights.example/mayor"]).replace(
        "email:", "family_name: López\nemail:", 1),
    "Kit-Whole-0013.yml": _person("0013", "Kit Whole", "st_example", "2020-01-02", "kit@stexample.example",
                                  "13 Church Street;St. Example, IL 62996", "309-555-0113",
                                  ["https://stexample.example/kit"]).replace("email:", "family_name: Kit Whole\nemail:", 1),
    # no such town in UScityURL
    "Gina-Nowhere-0008.yml": _person("0008", "Gina Nowhere", "nowhere_junction", "2029-05-01",
                                     "gina@nowhere.example", "8 Road;Nowhere Junction, IL 62993", "217-555-0108",
                                     ["https://nowhere.example/mayor"]),
    # no roles at all
    "Hal-Noroles-0009.yml": "id: ocd-person/0009\nname: Hal Noroles\nemail: hal@cedar.example\n",
    # a role that is not a mayor's
    "Ivy-Legislator-0010.yml": _person("0010", "Ivy Legislator", "cedar_falls", "2023-01-11", "ivy@cedar.example",
                                       "10 Capitol Ave;Cedar Falls, IL 62992", "217-555-0110",
                                       ["https://cedar.example/ivy"], role_type="lower"),
}
# The committer date of each person file's last commit (Alice's file is changed twice).
CHECKED = {name: f"2026-0{1 + index % 8}-{10 + index}" for index, name in enumerate(PEOPLE)}
ALICE_AGAIN = "2026-07-30"
CHECKED["Alice-Example-0001.yml"] = ALICE_AGAIN
OPENSTATES_DATE = "2026-08-05"
USCITYURL_DATE = "2025-02-17"


def _git(folder: Path, date: str, *args: str) -> str:
    stamp = f"{date}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp,
           "GIT_AUTHOR_NAME": "Fixture", "GIT_AUTHOR_EMAIL": "fixture@example.org",
           "GIT_COMMITTER_NAME": "Fixture", "GIT_COMMITTER_EMAIL": "fixture@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", "-C", str(folder), *args], env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


def _commit(folder: Path, date: str, files: dict[str, str], message: str) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _git(folder, date, "add", *files)
    _git(folder, date, "commit", "-q", "-m", message)


# A person whose file was re-formatted twice without a value changing: Open States' move from
# contact_details to offices (2021-10-07), then re-ordered keys and a trimmed name (2022-12-30).
# Their values last changed when the file was added.
KIM = "Kim-Reformatted-0011.yml"
KIM_ADDED, KIM_OFFICES, KIM_LINT = "2021-05-17", "2021-10-07", "2022-12-30"
_KIM_ROLE = f"roles:\n- end_date: '2029-05-01'\n  type: mayor\n  jurisdiction: {_jurisdiction('quiet_hollow')}\n"
KIM_VERSIONS = (
    (KIM_ADDED, "id: ocd-person/0011\nname: 'Kim Reformatted '\n" + _KIM_ROLE
     + "contact_details:\n- note: Primary Office\n  address: 11 Hollow Lane;Quiet Hollow, IL 62991\n"
       "  voice: 217-555-0111\nsources:\n- url: https://quiethollow.example/mayor\nemail: kim@quiethollow.example\n"),
    (KIM_OFFICES, "id: ocd-person/0011\nname: 'Kim Reformatted '\n" + _KIM_ROLE
     + "offices:\n- classification: primary\n  address: 11 Hollow Lane;Quiet Hollow, IL 62991\n"
       "  voice: 217-555-0111\nsources:\n- url: https://quiethollow.example/mayor\nemail: kim@quiethollow.example\n"),
    (KIM_LINT, "id: ocd-person/0011\nname: Kim Reformatted\nemail: kim@quiethollow.example\n" + _KIM_ROLE
     + "sources:\n- url: https://quiethollow.example/mayor\noffices:\n- classification: primary\n"
       "  address: 11 Hollow Lane;Quiet Hollow, IL 62991\n  voice: 217-555-0111\n"),
)


def make_uscityurl(folder: Path, csv_text: str = USCITYURL_CSV) -> Path:
    folder.mkdir(parents=True)
    _git(folder, USCITYURL_DATE, "init", "-q", "-b", "main")
    _commit(folder, USCITYURL_DATE, {"UScityURL.csv": csv_text, "codebook.txt": "Collected September 2022.\n"},
            "the dataset")
    return folder


def make_openstates(folder: Path) -> Path:
    folder.mkdir(parents=True)
    _git(folder, "2020-01-01", "init", "-q", "-b", "main")
    _commit(folder, "2020-01-01", {"data/il/municipalities.yml": MUNICIPALITIES_YML}, "jurisdictions")
    for name, text in PEOPLE.items():
        date = CHECKED[name] if name != "Alice-Example-0001.yml" else "2025-01-02"
        _commit(folder, date, {f"{FOLDER}/{name}": text}, f"add {name}")
    for date, text in KIM_VERSIONS:
        _commit(folder, date, {f"{FOLDER}/{KIM}": text}, f"{KIM} on {date}")
    alice = PEOPLE["Alice-Example-0001.yml"].replace("217-555-0100", "217-555-0101")
    _commit(folder, ALICE_AGAIN, {f"{FOLDER}/Alice-Example-0001.yml": alice}, "Alice's new number")
    _commit(folder, OPENSTATES_DATE, {"README.md": "people\n"}, "a later commit that touches no person")
    return folder


def make_geo(folder: Path) -> Path:
    """A clone laid out like ``bdurand/us_geo``: the Gazetteer files and the place-county relationships."""
    folder.mkdir(parents=True)
    _git(folder, GEO_DATE, "init", "-q", "-b", "main")
    _commit(folder, GEO_DATE, {"data/raw/gazetteer/2025_Gaz_place_national.txt": GAZ_PLACES,
                               "data/raw/gazetteer/2025_Gaz_counties_national.txt": GAZ_COUNTIES,
                               "data/dist/place_counties.csv": PLACE_COUNTIES}, "the 2025 Gazetteer")
    return folder


def dbf(fields: list[tuple[str, str, int]], records: list[list[str]], deleted: tuple[int, ...] = ()) -> bytes:
    """A dBASE III table, as a shapefile keeps its attributes: ``fields`` are (name, type, width)."""
    import struct

    length = 1 + sum(width for _, _, width in fields)
    header = 32 + 32 * len(fields) + 1
    out = bytearray(struct.pack("<BBBBIHH20x", 3, 124, 2, 27, len(records), header, length))
    for name, kind, width in fields:
        out += struct.pack("<11sc4xB15x", name.encode("ascii"), kind.encode("ascii"), width)
    out += b"\r"
    for number, record in enumerate(records):
        out += b"*" if number in deleted else b" "
        for (_, kind, width), value in zip(fields, record):
            data = value.encode("utf-8")
            out += data.rjust(width) if kind == "N" else data.ljust(width)
    return bytes(out + b"\x1a")


def hifld_shapefile(folder: Path) -> Path:
    """HIFLD_CSV's rows as the archived layer has them: a zip holding the shapefile's ``.dbf`` (dates as YYYYMMDD)."""
    import csv
    import io
    import zipfile

    rows = list(csv.DictReader(io.StringIO(HIFLD_CSV)))
    fields = [(name, "D" if name == "VAL_DATE" else "N" if name == "FTSWORN" else "C",
               8 if name == "VAL_DATE" else max(len(row[name].encode()) for row in rows) + 2) for name in rows[0]]
    records = [[row[name].replace("-", "") if name == "VAL_DATE" else row[name] for name in row] for row in rows]
    path = folder / "Local_Law_Enforcement.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Local_Law_Enforcement.dbf", dbf(fields, records))
        archive.writestr("Local_Law_Enforcement.prj", "GEOGCS[...]")
    return path


def write_police(folder: Path) -> tuple[Path, Path]:
    """The FBI's and HIFLD's lists as the files the build reads."""
    folder.mkdir(parents=True, exist_ok=True)
    fbi, hifld = folder / "agencies.csv", folder / "hifld.csv"
    fbi.write_text(FBI_CSV, encoding="utf-8")
    hifld.write_text(HIFLD_CSV, encoding="utf-8")
    return fbi, hifld


def commit_of(folder: Path) -> str:
    return _git(folder, "2020-01-01", "rev-parse", "HEAD")


class Clones(tuple):
    """The sources the build reads, by name (a tuple so module fixtures can share it)."""

    geo = property(lambda self: self[0])
    uscityurl = property(lambda self: self[1])
    openstates = property(lambda self: self[2])
    fbi = property(lambda self: self[3])
    hifld = property(lambda self: self[4])

    def args(self, **changes: Path) -> list[str]:
        """The build's arguments, with some sources changed (``geo=other``)."""
        paths = {"geo": self.geo, "uscityurl": self.uscityurl, "openstates": self.openstates, "fbi": self.fbi,
                 "hifld": self.hifld, **changes}
        return [part for key, path in paths.items() for part in (f"--{key}", str(path))]
