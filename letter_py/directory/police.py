"""Each town's police: the FBI's agency list for who polices it, HIFLD for where to write.

Pure: the two files' text and the towns in, police entries, sheriffs,
refusals and skipped rows out. Both sources are US government data (public
domain):

- the FBI Crime Data Explorer's agency list (``ori``, ``agency_name``,
  ``agency_type``, ``county``): which towns have a police department of their
  own, under its official name;
- HIFLD's Local Law Enforcement Locations (``NAME``, ``ADDRESS``, ``CITY``,
  ``ZIP``, ``TELEPHONE``, ``COUNTYFIPS``, ``VAL_DATE``): the department's
  postal address and phone, as last validated (2018-2019).

An agency is matched to a town by its name *and* county, never by name
alone: "Lansing" is also in Michigan, Wilmington and Windsor are two towns
each, and the FBI's coordinates are often a county's centre. Only a match to
exactly one town is kept; every other row is reported as skipped. A town with
no agency of its own in either list is served by its county's sheriff (said
only where the town lies in one county).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from . import values
from .records import Official, Refusal, Skipped, Town, name_key
from .tables import WHERE

FBI = "fbi"
HIFLD = "hifld"
# The FBI list's date: the TidyTuesday extract of the Crime Data API, published for 2025-02-18.
FBI_DATE = "2025-02-18"
FBI_COLUMNS = ("ori", "county", "agency_name", "agency_type")
HIFLD_COLUMNS = ("ID", "NAME", "ADDRESS", "CITY", "STATE", "ZIP", "ZIP4", "TELEPHONE", "TYPE", "COUNTY",
                 "COUNTYFIPS", "VAL_DATE")
MISSING = {"", "NOT AVAILABLE", "NA", "-999"}
# What follows a town's name in an agency's name ("Evanston Police Department",
# "GOLF POLICE DEPT", "CHANDLERVILLE POLICE DEPARTMENT HEADQUARTERS"), and what may precede it.
_SUFFIX = re.compile(r"\s+(police(\s+(department|dept\.?))?(\s+headquarters)?|department of public safety.*)$",
                     re.IGNORECASE)
_KIND = re.compile(r"\s+(village|city)$", re.IGNORECASE)
_PREFIX = re.compile(r"^(village|city|town) of\s+", re.IGNORECASE)
# "ALPHA POLICE DEPARTMENT", "GOLF POLICE DEPT.": the usual name, written in capitals.
_USUAL = re.compile(r"^([A-Z .'-]+?) POLICE (?:DEPARTMENT|DEPT\.?)$")
_SHERIFF = re.compile(r"^(.*?)\s+county\s+sheriff", re.IGNORECASE)


class Police(NamedTuple):
    """What the build found: police entries by town ID, sheriffs by county, towns a sheriff serves."""

    departments: dict[str, Official]
    sheriffs: dict[str, Official]
    served_by_sheriff: dict[str, str]  # town ID -> county
    refused: list[Refusal]
    skipped: list[Skipped]


def stems(agency_name: str) -> list[str]:
    """The town names an agency's name may start with, most likely first.

    ``"CALUMET CITY POLICE DEPARTMENT"`` -> ``["CALUMET CITY", "CALUMET"]``;
    ``"VILLAGE OF BURNHAM POLICE DEPARTMENT"`` -> ``["BURNHAM"]``;
    ``"CISSNA PARK VILLAGE POLICE"`` -> ``["CISSNA PARK VILLAGE", "CISSNA PARK"]``.
    """
    first = re.sub(r"\s+", " ", agency_name.split(" / ")[0].split(" - ")[0]).strip()
    name = _PREFIX.sub("", _SUFFIX.sub("", first))
    shorter = _KIND.sub("", name)
    return [name, shorter] if shorter != name else [name]


class _Towns:
    """Towns by name key and county key, so a match needs both."""

    def __init__(self, towns: Iterable[Town]) -> None:
        self.by_key: dict[str, list[Town]] = {}
        for town in towns:
            self.by_key.setdefault(name_key(str(town["name"])), []).append(town)

    def find(self, agency_name: str, counties: Iterable[str]) -> list[Town]:
        """The towns in one of ``counties`` the agency's name starts with (the first name that finds any)."""
        wanted = {name_key(county) for county in counties}
        for name in stems(agency_name):
            found = [town for town in self.by_key.get(name_key(name), ())
                     if wanted & {name_key(c) for c in town.get("counties", ())}]  # type: ignore[union-attr]
            if found:
                return found
        return []


def _address(row: Mapping[str, str], entry: str, refused: list[Refusal]) -> str | None:
    zip_code = row["ZIP"] + (f"-{row['ZIP4']}" if row["ZIP4"] not in MISSING else "")
    text = f"{row['ADDRESS']}\n{row['CITY']}, {row['STATE']} {zip_code}"
    try:
        return values.address(text)
    except values.Refused as exc:
        refused.append(Refusal(HIFLD, entry, "ADDRESS", str(exc)))
        return None


def _located(official: Official, row: Mapping[str, str], entry: str, refused: list[Refusal]) -> Official:
    """The entry with HIFLD's address and phone, and the day HIFLD last validated them."""
    address = _address(row, entry, refused)
    if address is None:
        return official
    official = {**official, "address": address}
    if row["TELEPHONE"] not in MISSING:
        try:
            official["phone"], official["tel"] = values.phone(row["TELEPHONE"])
        except values.Refused as exc:
            refused.append(Refusal(HIFLD, entry, "TELEPHONE", str(exc)))
    try:
        validated = values.iso_date(row["VAL_DATE"])
    except values.Refused as exc:
        refused.append(Refusal(HIFLD, entry, "VAL_DATE", str(exc)))
        validated = None
    if official["source"] == HIFLD:
        official["checked"] = validated or ""
    else:
        official["contact_source"] = HIFLD
        if validated:
            official["contact_checked"] = validated
    official["hifld_id"] = row["ID"]
    return official


def _clean_name(name: str, entry: str, source: str, refused: list[Refusal]) -> str | None:
    try:
        return values.name(re.sub(r"\s+", " ", name))
    except values.Refused as exc:
        refused.append(Refusal(source, entry, "name", str(exc)))
        return None


Station = tuple[str, dict[str, str]]  # a HIFLD row and its entry's name for messages


def _fbi_departments(fbi: list[dict[str, str]], index: _Towns, fbi_date: str, file: str, refused: list[Refusal],
                     skipped: list[Skipped]) -> tuple[dict[str, Official], set[str]]:
    """The FBI's list: the towns with a department, under its name; and every town with an agency of its own
    (an agency of type NA named like a town says the town has one, its name unknown)."""
    departments: dict[str, Official] = {}
    has_agency: set[str] = set()
    for row in fbi:
        kind, name = row["agency_type"], row["agency_name"]
        if kind not in ("City", "NA"):
            continue
        entry = f"{file} {row[WHERE]} ({name[:60]}, {row['ori']})"
        found = index.find(name, row["county"].split(","))
        if len(found) != 1:
            if kind == "City":
                why = "no town of that name in its county" if not found else "several towns of that name"
                skipped.append(Skipped(FBI, entry, f"unmatched: {why} ({row['county']})"))
            continue
        town_id = str(found[0]["id"])
        has_agency.add(town_id)
        if kind != "City":
            continue
        if town_id in departments:
            skipped.append(Skipped(FBI, entry, f"a second department for {found[0]['name']}: "
                                               f"{departments[town_id]['organization']} is kept"))
            continue
        clean = _clean_name(name, entry, FBI, refused)
        if clean:
            departments[town_id] = {"role": "police_chief", "organization": clean, "source": FBI,
                                    "checked": fbi_date, "ori": row["ori"]}
    return departments, has_agency


def _hifld_stations(hifld: list[dict[str, str]], index: _Towns, file: str, skipped: list[Skipped]
                    ) -> tuple[dict[str, list[Station]], dict[str, list[Station]]]:
    """HIFLD's Illinois stations: local departments by town ID, sheriff's offices by county key."""
    stations: dict[str, list[Station]] = {}
    sheriffs: dict[str, list[Station]] = {}
    for row in hifld:
        if row["STATE"] != "IL":
            continue
        entry = f"{file} {row[WHERE]} ({row['NAME'][:60]}, {row['ID']})"
        if row["TYPE"] == "SHERIFF'S OFFICE":
            county = _SHERIFF.match(row["NAME"])
            if county and name_key(county[1]) == name_key(row["COUNTY"]):
                sheriffs.setdefault(name_key(row["COUNTY"]), []).append((entry, row))
            continue
        if row["TYPE"] != "LOCAL POLICE DEPARTMENT":
            continue
        found = index.find(row["NAME"], [row["COUNTY"]])
        if len(found) != 1:
            why = "no town of that name in its county" if not found else "several towns of that name"
            skipped.append(Skipped(HIFLD, entry, f"unmatched: {why} ({row['COUNTY']})"))
            continue
        stations.setdefault(str(found[0]["id"]), []).append((entry, row))
    return stations, sheriffs


def _station(town: Town, rows: list[Station], skipped: list[Skipped]) -> Station | None:
    """A town's one station: its headquarters, or the one named for the whole department."""
    if len(rows) > 1:
        rows = ([r for r in rows if "HEADQUARTERS" in r[1]["NAME"]]
                or [r for r in rows if " - " not in r[1]["NAME"] and " / " not in r[1]["NAME"]] or rows)
    if len(rows) > 1:
        skipped.append(Skipped(HIFLD, rows[0][0], f"{len(rows)} stations for {town['name']}, none the "
                                                  "headquarters: no address kept"))
    return rows[0] if len(rows) == 1 else None


def _hifld_department(town: Town, entry: str, row: Mapping[str, str], refused: list[Refusal]) -> Official | None:
    """A department only HIFLD lists: its own name, in the town's own letters where it is the usual one."""
    written = row["NAME"].split(" / ")[0].split(" - ")[0]
    usual = _USUAL.match(written)
    if usual and name_key(usual[1]) == name_key(str(town["name"])):
        written = f"{town['name']} Police Department"
    clean = _clean_name(written, entry, HIFLD, refused)
    return {"role": "police_chief", "organization": clean, "source": HIFLD} if clean else None


def _sheriffs(fbi: list[dict[str, str]], stations: Mapping[str, list[Station]], towns: list[Town], fbi_date: str,
              refused: list[Refusal]) -> dict[str, Official]:
    """Each county's sheriff's office, by the Gazetteer's spelling of the county ("LaSalle", "DuPage")."""
    counties = {name_key(county): county for town in towns for county in town.get("counties", ())}  # type: ignore[union-attr]
    sheriffs: dict[str, Official] = {}
    for row in fbi:
        county = _SHERIFF.match(row["agency_name"])
        if row["agency_type"] != "County" or not county:
            continue
        key = name_key(county[1])
        official: Official = {"role": "sheriff", "organization": re.sub(r"\s+", " ", row["agency_name"]),
                              "source": FBI, "checked": fbi_date, "ori": row["ori"]}
        found = stations.get(key, [])
        if len(found) == 1:
            official = _located(official, found[0][1], found[0][0], refused)
        sheriffs[counties.get(key, county[1])] = official
    return sheriffs


def read_police(fbi: list[dict[str, str]], hifld: list[dict[str, str]], towns: Iterable[Town], fbi_date: str,
                fbi_file: str = "agencies.csv", hifld_file: str = "hifld.csv") -> Police:
    """Match both lists' rows (:mod:`tables`) to the towns (each with its ``counties``); see the module docstring.

    Messages name each row by its place in its file (``tables.WHERE``).
    """
    towns = list(towns)
    index = _Towns(towns)
    refused: list[Refusal] = []
    skipped: list[Skipped] = []
    departments, has_agency = _fbi_departments(fbi, index, fbi_date, fbi_file, refused, skipped)
    stations, sheriff_stations = _hifld_stations(hifld, index, hifld_file, skipped)
    for town in towns:
        town_id = str(town["id"])
        station = _station(town, stations.get(town_id, []), skipped)
        if station is None:
            continue
        entry, row = station
        official = departments.get(town_id) or _hifld_department(town, entry, row, refused)
        if official is not None:
            departments[town_id] = _located(official, row, entry, refused)
    sheriffs = _sheriffs(fbi, sheriff_stations, towns, fbi_date, refused)
    served: dict[str, str] = {}
    by_key = {name_key(county): county for county in sheriffs}
    for town in towns:
        counties = list(town.get("counties", ()))  # type: ignore[arg-type]
        if str(town["id"]) in departments or str(town["id"]) in has_agency or len(counties) != 1:
            continue
        county = by_key.get(name_key(counties[0]))
        if county:
            served[str(town["id"])] = county
    return Police(departments, sheriffs, served, refused, skipped)
