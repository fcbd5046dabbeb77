"""The committed snapshot, ``il.json``: the sources, read, validated and merged.

Pure: the readers' output in, one JSON document out. Everything is sorted and
nothing depends on when it was built, so a refresh's diff shows only what the
sources changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from .police import Police
from .records import Official, Refusal, Skipped, Town

VERSION = 2
STATE = "IL"

GAZETTEER = {
    "name": "US Census Bureau, 2025 Gazetteer Files (places) and place-county relationships",
    "url": "https://www.census.gov/geographies/reference-files/time-series/geo/gazetteer-files.html",
    "licence": "Public domain (US government work)",
    "copy": "https://github.com/bdurand/us_geo",
    "files": "data/raw/gazetteer/2025_Gaz_place_national.txt, 2025_Gaz_counties_national.txt, "
             "data/dist/place_counties.csv",
    "collected": "2025",
}
OPENSTATES = {
    "name": "Open States",
    "url": "https://github.com/openstates/people",
    "licence": "CC0 1.0",
    "files": "data/il/municipalities.yml, data/il/municipalities/*.yml",
}
USCITYURL = {
    "name": "UScityURL",
    "url": "https://github.com/caimeng2/UScityURL",
    "licence": "CC BY 4.0",
    "files": "UScityURL.csv",
    "collected": "2022-09",  # codebook.txt: "The dataset was collected in September 2022."
    "citation": "Cai, Meng, Huang, Huiqing, & Decaminada, Travis (2023). Local data at a national scale: "
                "Introducing a dataset of official municipal websites in the United States for text-based "
                "analytics. Environment and Planning B, 50(7), 1988–1993. "
                "https://doi.org/10.1177/23998083231190961",
}
FBI = {
    "name": "FBI Crime Data Explorer, law enforcement agency list",
    "url": "https://cde.ucr.cjis.gov/",
    "licence": "Public domain (US government work)",
    "copy": "https://github.com/rfordatascience/tidytuesday/blob/6486e79da29bdda15f26dc8006cc385ab049aa54/"
            "data/2025/2025-02-18/agencies.csv",
    "collected": "2025-02",
}
HIFLD = {
    "name": "HIFLD Open, Local Law Enforcement Locations",
    "url": "https://www.datalumos.org/datalumos/project/239493",
    "licence": "Public domain (US government work: \"None (Public Domain Information)\")",
    "copy": "https://github.com/deportationdata/ice-detention-facilities/blob/"
            "f18da2ca277568989aeee946f3d559e82b924c8d/inputs/local-law-enforcement-locations-shapefile/"
            "local-law-enforcement-locations-shapefile.zip",
    "collected": "2018-11",  # most Illinois rows were validated (VAL_DATE) in October-November 2018
}
_SOURCES = {"gazetteer": GAZETTEER, "openstates": OPENSTATES, "uscityurl": USCITYURL, "fbi": FBI, "hifld": HIFLD}


def build_snapshot(towns: Iterable[Town], websites: Mapping[str, Mapping[str, str]],
                   officials: Mapping[str, list[Official]],
                   found: Police, commits: Mapping[str, tuple[str, str]], files: Mapping[str, str],
                   refused: Iterable[Refusal], skipped: Iterable[Skipped]) -> dict[str, object]:
    """The snapshot; ``commits`` maps a cloned source to (commit hash, commit date), ``files`` a file's to its SHA-256."""
    sources: dict[str, dict[str, str]] = {}
    for key, base in _SOURCES.items():
        sources[key] = dict(base)
        if key in commits:
            sources[key]["commit"], sources[key]["commit_date"] = commits[key]
        if key in files:
            sources[key]["sha256"] = files[key]
    listed: list[Town] = []
    for town in sorted(towns, key=lambda t: (str(t["name"]), str(t["id"]))):
        town_id = str(town["id"])
        entry = dict(town)
        if town_id in websites:
            entry.update(websites[town_id])
            entry["website_source"] = "uscityurl"
        found_here = list(officials.get(town_id, ()))
        if town_id in found.departments:
            found_here.append(found.departments[town_id])
        if found_here:
            entry["officials"] = sorted(found_here, key=lambda o: o["role"])
        if town_id in found.served_by_sheriff:
            entry["sheriff"] = found.served_by_sheriff[town_id]
        listed.append(entry)
    return {
        "version": VERSION,
        "state": STATE,
        "sources": sources,
        "towns": listed,
        "sheriffs": dict(sorted(found.sheriffs.items())),
        "refused": [r.to_json() for r in refused],  # in the order read: source by source, file by line
        "skipped": [s.to_json() for s in sorted(skipped)],
    }


def dumps(snapshot: Mapping[str, object]) -> str:
    """The file's text: one key per line at the top, a town per line, a newline at the end."""
    lines = ["{"]
    items = list(snapshot.items())
    for number, (key, value) in enumerate(items):
        comma = "," if number < len(items) - 1 else ""
        if isinstance(value, list):
            rows = [json.dumps(item, ensure_ascii=False, sort_keys=False) for item in value]
            body = (",\n  ".join(rows))
            lines.append(f" {json.dumps(key)}: [\n  {body}\n ]{comma}" if rows else f" {json.dumps(key)}: []{comma}")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False, indent=1)}{comma}"
                         .replace("\n", "\n "))
    lines.append("}")
    return "\n".join(lines) + "\n"
