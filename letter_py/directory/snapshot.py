"""The committed snapshot, ``il.json``: the two sources, read, validated and merged.

Pure: the readers' output in, one JSON document out. Everything is sorted and
nothing depends on when it was built, so a refresh's diff shows only what the
sources changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from .records import Official, Refusal, Skipped, Town

VERSION = 1
STATE = "IL"

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


def build_snapshot(towns: Iterable[Town], officials: Mapping[str, list[Official]],
                   commits: Mapping[str, tuple[str, str]],
                   refused: Iterable[Refusal], skipped: Iterable[Skipped]) -> dict[str, object]:
    """The snapshot; ``commits`` maps ``"openstates"``/``"uscityurl"`` to (commit hash, commit date)."""
    sources: dict[str, dict[str, str]] = {}
    for key, base in (("openstates", OPENSTATES), ("uscityurl", USCITYURL)):
        commit, date = commits[key]
        sources[key] = {**base, "commit": commit, "commit_date": date}
    listed: list[Town] = []
    for town in sorted(towns, key=lambda t: (str(t["name"]), str(t["id"]))):
        entry = dict(town)
        if "website" in entry:
            entry["website_source"] = "uscityurl"
        found = sorted(officials.get(str(town["id"]), ()), key=lambda o: o["role"])
        if found:
            entry["officials"] = found
        listed.append(entry)
    return {
        "version": VERSION,
        "state": STATE,
        "sources": sources,
        "towns": listed,
        "refused": [r.to_json() for r in refused],  # in the order read: the CSV by line, then people by file
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
