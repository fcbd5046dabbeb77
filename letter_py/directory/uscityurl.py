"""Illinois towns and their websites from UScityURL's ``UScityURL.csv`` (CC BY 4.0).

Pure: the file's text in, towns and refusals out. A town's name or ID that
fails its check drops the town; a website that fails drops only the website
(160 Illinois rows list an ``http://`` one: refused, never shipped).
"""

from __future__ import annotations

import csv
import io
import re

from . import values
from .records import Refusal, Town

SOURCE = "uscityurl"
FILE = "UScityURL.csv"
STATE = "Illinois"
COLUMNS = ("GEOID", "MUNICIPALITY", "STATE", "WEBSITE_AVAILABLE", "WEBSITE_URL")
# 1600000US1714000: summary level 160 (place), then the 7-digit place ID (state 17 + place 14000).
_GEOID = re.compile(r"^1600000US(17\d{5})$")


class FormatError(ValueError):
    """The file is not UScityURL's CSV (missing columns): nothing can be read from it."""


def read_uscityurl(text: str, file: str = FILE) -> tuple[list[Town], list[Refusal]]:
    """The Illinois rows as towns (``id``, ``name``, ``website`` if any), sorted by ID."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    missing = [column for column in COLUMNS if column not in (reader.fieldnames or ())]
    if missing:
        raise FormatError(f"{file}: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
    towns: list[Town] = []
    refused: list[Refusal] = []
    seen: set[str] = set()
    for row in reader:
        if row.get("STATE") != STATE:
            continue
        raw_name = row.get("MUNICIPALITY") or ""
        entry = f"{file} line {reader.line_num} ({raw_name[:60]})"

        def refuse(field: str, reason: str) -> None:
            refused.append(Refusal(SOURCE, entry, field, reason))

        match = _GEOID.match(row.get("GEOID") or "")
        if match is None:
            refuse("GEOID", f"not an Illinois Census place GEOID like 1600000US1714000: {row.get('GEOID')!r}")
            continue
        place = match[1]
        entry = f"{file} line {reader.line_num} ({raw_name[:60]}, {place})"
        if place in seen:
            refuse("GEOID", f"a second row for place {place}")
            continue
        try:
            town_name = values.name(raw_name)
        except values.Refused as exc:
            refuse("MUNICIPALITY", str(exc))
            continue
        town: Town = {"id": place, "name": town_name}
        url = (row.get("WEBSITE_URL") or "").strip()
        if url:
            try:
                town["website"] = values.https_url(url)
            except values.Refused as exc:
                refuse("WEBSITE_URL", str(exc))
        seen.add(place)
        towns.append(town)
    towns.sort(key=lambda town: str(town["id"]))
    return towns, refused
