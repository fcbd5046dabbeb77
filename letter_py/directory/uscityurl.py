"""Illinois towns' websites from UScityURL's ``UScityURL.csv`` (CC BY 4.0).

Pure: the file's text and the Gazetteer's towns in, websites by Census
place ID, refusals and skipped rows out. The towns themselves come from the
Census Gazetteer (:mod:`letter_py.directory.gazetteer`): UScityURL's list is
of 2020. A website that fails its checks is refused (160 Illinois rows list
an ``http://`` one: never shipped).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from . import values
from .records import Refusal, Skipped, Town
from .tables import WHERE, csv_rows

SOURCE = "uscityurl"
FILE = "UScityURL.csv"
STATE = "Illinois"
COLUMNS = ("GEOID", "MUNICIPALITY", "STATE", "WEBSITE_AVAILABLE", "WEBSITE_URL")
# 1600000US1714000: summary level 160 (place), then the 7-digit place ID (state 17 + place 14000).
_GEOID = re.compile(r"^1600000US(17\d{5})$")


def read_uscityurl(text: str, towns: Mapping[str, Town], file: str = FILE,
                   answered: Mapping[str, str] | None = None
                   ) -> tuple[dict[str, dict[str, str]], list[Refusal], list[Skipped]]:
    """The websites of ``towns`` (by Census place ID), joined on the row's GEOID.

    A row whose place is not one of ``towns`` (a village merged away since
    2020, a renumbered place) is skipped; a website that fails its checks,
    or whose host names another kind of body than a town, is refused. An
    ``http://`` website whose ``https://`` address is in ``answered`` (the
    address -> the day it answered, :func:`read_answered`) ships as that
    address, with that day as ``website_checked``.
    """
    websites: dict[str, dict[str, str]] = {}
    refused: list[Refusal] = []
    skipped: list[Skipped] = []
    for row in csv_rows(text, COLUMNS, file):
        if row["STATE"] != STATE:
            continue
        raw_name = row["MUNICIPALITY"][:60]
        entry = f"{file} {row[WHERE]} ({raw_name})"
        match = _GEOID.match(row["GEOID"])
        if match is None:
            refused.append(Refusal(SOURCE, entry, "GEOID",
                                   f"not an Illinois Census place GEOID like 1600000US1714000: {row['GEOID']!r}"))
            continue
        place = match[1]
        entry = f"{file} {row[WHERE]} ({raw_name}, {place})"
        town = towns.get(place)
        if town is None:
            skipped.append(Skipped(SOURCE, entry, "not an active Illinois town in the Census Gazetteer "
                                                  "(merged, dissolved or renumbered since 2020)"))
            continue
        if place in websites:
            refused.append(Refusal(SOURCE, entry, "GEOID", f"a second row for place {place}"))
            continue
        url = row["WEBSITE_URL"]
        secure = "https://" + url[len("http://"):] if url.lower().startswith("http://") else ""
        checked = (answered or {}).get(secure) if secure else None
        if url:
            try:
                website = {"website": values.town_website(secure if checked else url, str(town["name"]))}
            except values.Refused as exc:
                refused.append(Refusal(SOURCE, entry, "WEBSITE_URL", str(exc)))
                continue
            if checked:
                website["website_checked"] = checked
            websites[place] = website
    return websites, refused, skipped


def read_answered(text: str, file: str) -> tuple[dict[str, str], list[Refusal]]:
    """The refresh's list of ``https://`` addresses that answered: ``address<TAB>YYYY-MM-DD`` a line."""
    answered: dict[str, str] = {}
    refused: list[Refusal] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        url, _, day = line.partition("\t")
        try:
            answered[values.https_url(url.strip())] = values.iso_date(day.strip())
        except values.Refused as exc:
            refused.append(Refusal(SOURCE, f"{file} line {number}", "https", str(exc)))
    return answered, refused
