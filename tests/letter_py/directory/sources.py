"""Small synthetic copies of the directory's two sources, as git clones with fixed dates.

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
"""
# line numbers in the CSV (the header is line 1)
LINES = {"Fort Example": 4, "Lake Sample": 6, "Bold": 9, "Cedar Falls": 10, "Quiet Hollow": 12}


def _jurisdiction(slug: str) -> str:
    return f"ocd-jurisdiction/country:us/state:il/place:{slug}/government"


MUNICIPALITIES_YML = "".join(f"- name: {name}\n  id: {_jurisdiction(slug)}\n" for name, slug in (
    ("Maple Grove", "maple_grove"), ("Fort Example", "fort_example"), ("Saint Example", "st_example"),
    ("O Brien", "o_brien"), ("Lake Sample", "lake_sample"), ("Twin Oaks", "twin_oaks"),
    ("Nowhere Junction", "nowhere_junction"), ("Cedar Falls", "cedar_falls"),
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
CHECKED = {name: f"2026-0{1 + index % 8}-1{index}" for index, name in enumerate(PEOPLE)}
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
    alice = PEOPLE["Alice-Example-0001.yml"].replace("217-555-0100", "217-555-0101")
    _commit(folder, ALICE_AGAIN, {f"{FOLDER}/Alice-Example-0001.yml": alice}, "Alice's new number")
    _commit(folder, OPENSTATES_DATE, {"README.md": "people\n"}, "a later commit that touches no person")
    return folder


def commit_of(folder: Path) -> str:
    return _git(folder, "2020-01-01", "rev-parse", "HEAD")
