"""The curated file, ``corrections.toml``: officials and websites this project (or a fork) adds.

Pure: TOML text in, validated entries or a list of problems out. Unlike the
upstream sources, this file is ours, so every problem is an error: an entry
is used only when the whole file is valid (``letter-py directory check``).
Every entry names the public page it was read from and the date it was read.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Collection, Mapping
from typing import NamedTuple

from . import values
from .records import Official, TownIndex, describe

SOURCE = "corrections"
FILE = "corrections.toml"
OFFICIAL_KEYS = ("town", "role", "name", "family_name", "organization", "email", "phone", "address", "term_end", "source_url",
                 "published", "checked")
TOWN_KEYS = ("town", "website", "source_url", "checked")


class Corrections(NamedTuple):
    """Valid entries: officials by town ID, and website fixes by town ID."""

    officials: dict[str, list[Official]]
    websites: dict[str, dict[str, str]]


EMPTY = Corrections({}, {})


class _Entry:
    """One table of the file, collecting its problems with the entry named."""

    def __init__(self, origin: str, label: str, problems: list[str]) -> None:
        self.label = f"{origin} {label}"
        self.problems = problems

    def problem(self, field: str, message: str) -> None:
        self.problems.append(f"{self.label}: {field}: {message}")

    def value(self, table: Mapping, field: str, check: Callable[[object], object],
              required: bool = False) -> object | None:
        raw = table.get(field)
        if raw is None or raw == "":
            if required:
                self.problem(field, "missing (it is required)")
            return None
        try:
            return check(raw)
        except values.Refused as exc:
            self.problem(field, str(exc))
            return None


def _tables(data: Mapping, key: str, origin: str, problems: list[str]) -> list[Mapping]:
    items = data.get(key, [])
    if not isinstance(items, list) or not all(isinstance(item, Mapping) for item in items):
        problems.append(f"{origin}: {key}: must be a list of [[{key}]] tables")
        return []
    return items


def _town(entry: _Entry, table: Mapping, towns: TownIndex) -> str | None:
    raw = table.get("town")
    if not isinstance(raw, str) or not raw.strip():
        entry.problem("town", "missing: give the town's name or its 7-digit Census place ID")
        return None
    found = towns.find(raw)
    if len(found) == 1:
        return str(found[0]["id"])
    if found:
        entry.problem("town", f"{raw!r} names {len(found)} towns: {', '.join(map(describe, found))}; "
                              "give the Census place ID instead")
    else:
        close = towns.suggestions(raw)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        entry.problem("town", f"no Illinois town {raw!r}{hint}")
    return None


def _unknown_keys(entry: _Entry, table: Mapping, allowed: tuple[str, ...]) -> None:
    for key in table:
        if key not in allowed:
            entry.problem(str(key), f"not a key of this table (the keys are {', '.join(allowed)})")


def _official(entry: _Entry, table: Mapping, roles: Collection[str]) -> Official | None:
    role = table.get("role")
    if not isinstance(role, str) or role not in roles:
        entry.problem("role", f"{role!r} is not a role of the default campaign: use one of {', '.join(roles)}")
        role = None
    organization = entry.value(table, "organization", values.name)
    # A name, or the office alone ("Chief of Police, Evanston Police Department").
    name = entry.value(table, "name", values.name, required=organization is None)
    official: Official = {"role": str(role)}
    if name:
        official["name"] = str(name)
    family = entry.value(table, "family_name", values.name)
    if family:
        official["family_name"] = str(family)
    if organization:
        official["organization"] = str(organization)
    email = entry.value(table, "email", values.email)
    if email:
        official["email"] = str(email)
    phone = entry.value(table, "phone", values.phone)
    if phone:
        official["phone"], official["tel"] = phone  # type: ignore[misc]
    address = entry.value(table, "address", values.address)
    if address:
        official["address"] = str(address)
    term_end = entry.value(table, "term_end", values.iso_date)
    if term_end:
        official["term_end"] = str(term_end)
    official["source"] = SOURCE
    source_url = entry.value(table, "source_url", values.https_url, required=True)
    published = entry.value(table, "published", values.iso_date)
    checked = entry.value(table, "checked", values.iso_date, required=True)
    if role is None or (name is None and organization is None) or source_url is None or checked is None:
        return None
    official["source_url"], official["checked"] = str(source_url), str(checked)
    if published:
        official["published"] = str(published)
    return official


def read_corrections(text: str, towns: TownIndex, roles: Collection[str],
                     origin: str = FILE) -> tuple[Corrections, list[str]]:
    """The file's entries, or (when it has any problem) :data:`EMPTY` and one line per problem."""
    problems: list[str] = []
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return EMPTY, [f"{origin}: not valid TOML: {exc}"]
    for key in data:
        if key not in ("officials", "towns"):
            problems.append(f"{origin}: {key}: not a key of this file (it has [[officials]] and [[towns]])")
    officials: dict[str, list[Official]] = {}
    for number, table in enumerate(_tables(data, "officials", origin, problems), start=1):
        label = f"{table.get('town', '?')}, {table.get('role', '?')}"
        entry = _Entry(origin, f"officials[{number}] ({label})", problems)
        _unknown_keys(entry, table, OFFICIAL_KEYS)
        town_id = _town(entry, table, towns)
        official = _official(entry, table, roles)
        if town_id is None or official is None:
            continue
        same = [o for o in officials.get(town_id, ()) if o["role"] == official["role"]]
        if same:
            entry.problem("role", f"a second {official['role']} for {describe(towns.by_id[town_id])}")
            continue
        officials.setdefault(town_id, []).append(official)
    websites: dict[str, dict[str, str]] = {}
    for number, table in enumerate(_tables(data, "towns", origin, problems), start=1):
        entry = _Entry(origin, f"towns[{number}] ({table.get('town', '?')})", problems)
        _unknown_keys(entry, table, TOWN_KEYS)
        town_id = _town(entry, table, towns)
        website = entry.value(table, "website", values.https_url, required=True)
        source_url = entry.value(table, "source_url", values.https_url, required=True)
        checked = entry.value(table, "checked", values.iso_date, required=True)
        if town_id is None or website is None or source_url is None or checked is None:
            continue
        if town_id in websites:
            entry.problem("town", f"a second website for {describe(towns.by_id[town_id])}")
            continue
        websites[town_id] = {"website": str(website), "source_url": str(source_url), "checked": str(checked)}
    if problems:
        return EMPTY, problems
    return Corrections(officials, websites), []
