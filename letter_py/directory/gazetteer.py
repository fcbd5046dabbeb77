"""Illinois' towns from the Census Bureau's Gazetteer (public domain): the directory's list of places.

Pure: the files' text in, towns and refusals out. The places file lists every
incorporated place and census-designated place; only active incorporated
places (``FUNCSTAT`` A: cities, villages and towns) are governments a letter
can go to. The place-county file (``bdurand/us_geo``'s, from the Census
relationship files) and the counties file say which counties each town lies
in, which is how police agencies, listed by county, are matched to towns.
"""

from __future__ import annotations

from collections.abc import Mapping

from . import values
from .records import Refusal, Town
from .tables import WHERE, csv_rows

SOURCE = "gazetteer"
PLACES_FILE = "data/raw/gazetteer/2025_Gaz_place_national.txt"
COUNTIES_FILE = "data/raw/gazetteer/2025_Gaz_counties_national.txt"
PLACE_COUNTIES_FILE = "data/dist/place_counties.csv"
STATE = "IL"
STATE_FIPS = "17"
# The Census's legal/statistical area description codes of Illinois' governments.
KINDS = {"25": "city", "43": "town", "47": "village"}
PLACE_COLUMNS = ("USPS", "GEOID", "NAME", "LSAD", "FUNCSTAT")


def place_name(name: str, kind: str) -> str:
    """``"Elk Grove Village village"`` -> ``"Elk Grove Village"``: the name without its kind."""
    suffix = " " + kind
    return name[: -len(suffix)] if name.endswith(suffix) else name


def read_places(text: str, file: str = PLACES_FILE) -> tuple[list[Town], list[Refusal]]:
    """Illinois' active incorporated places as towns (``id``, ``name``, ``kind``), sorted by ID."""
    towns: list[Town] = []
    refused: list[Refusal] = []
    for row in csv_rows(text, PLACE_COLUMNS, file, delimiter="|"):
        if row["USPS"] != STATE or row["FUNCSTAT"] != "A":
            continue
        entry = f"{file} {row[WHERE]} ({row['NAME'][:60]})"
        kind = KINDS.get(row["LSAD"])
        place = row["GEOID"]
        if kind is None or len(place) != 7 or not place.isdigit() or not place.startswith(STATE_FIPS):
            refused.append(Refusal(SOURCE, entry, "GEOID/LSAD", f"not an Illinois city, village or town: "
                                                                f"{place!r}, LSAD {row['LSAD']!r}"))
            continue
        try:
            name = values.name(place_name(row["NAME"], kind))
        except values.Refused as exc:
            refused.append(Refusal(SOURCE, entry, "NAME", str(exc)))
            continue
        towns.append({"id": place, "name": name, "kind": kind})
    towns.sort(key=lambda town: str(town["id"]))
    return towns, refused


def read_counties(counties_text: str, place_counties_text: str) -> dict[str, list[str]]:
    """Each Illinois place's counties, by name (``"Cook"``), in the order of their FIPS codes."""
    names: dict[str, str] = {}
    for row in csv_rows(counties_text, ("USPS", "GEOID", "NAME"), COUNTIES_FILE, delimiter="|"):
        if row["USPS"] == STATE:
            names[row["GEOID"]] = row["NAME"].removesuffix(" County")
    found: dict[str, list[str]] = {}
    for row in csv_rows(place_counties_text, ("Place GEOID", "County GEOID"), PLACE_COUNTIES_FILE):
        place, county = row["Place GEOID"], row["County GEOID"]
        if place.startswith(STATE_FIPS) and county in names:
            found.setdefault(place, []).append(county)
    return {place: [names[c] for c in sorted(set(counties))] for place, counties in found.items()}


def with_counties(towns: list[Town], counties: Mapping[str, list[str]]) -> list[Town]:
    """The towns, each with its ``counties`` (left out where the file lists none)."""
    return [{**town, "counties": counties[str(town["id"])]} if counties.get(str(town["id"])) else town
            for town in towns]
