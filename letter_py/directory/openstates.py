"""Mayors from Open States' ``openstates/people`` (CC0), matched to the Gazetteer's towns.

Pure: decoded YAML in (the build command reads the files and their dates),
officials, refusals and skipped entries out. ``data/il/municipalities.yml``
names each jurisdiction; each ``data/il/municipalities/*.yml`` is one person.
A person's jurisdiction is matched to a town by name (:func:`records.name_key`).
Where a town has several mayors the one whose term ends last is kept (no end
date counts as current); the others are reported as superseded. An
official's ``checked`` is the day their values last changed in Open States
(:func:`substance` says which values), shown as "last changed", not "as of".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

from ..names import surname
from . import values
from .records import Official, Refusal, Skipped, TownIndex

SOURCE = "openstates"
INDEX_FILE = "data/il/municipalities.yml"
PEOPLE_FOLDER = "data/il/municipalities"
ROLE_TYPES = {"mayor": "mayor"}  # Open States role type -> the campaign's role id
_FAR_FUTURE = "9999-12-31"


class Person(NamedTuple):
    """One person's file: its path in the repository, its decoded YAML, the date its values last changed."""

    path: str
    data: object
    checked: str


def substance(data: object) -> object:
    """What the directory reads from a person's file, to tell a change of values from re-formatting.

    Strings are compared without surrounding spaces: Open States' lint commits
    trimmed trailing spaces from names without changing anyone's name.
    """
    if not isinstance(data, Mapping):
        return data

    def text(value: object) -> object:
        return value.strip() if isinstance(value, str) else value

    # Before October 2021 Open States called offices "contact_details" ("note: Primary Office").
    office = _office(data) or next((c for c in data.get("contact_details") or ()
                                    if isinstance(c, Mapping) and c.get("note") == "Primary Office"), {})
    roles = tuple((text(r.get("type")), text(r.get("jurisdiction")), str(r.get("end_date") or ""))
                  for r in data.get("roles") or () if isinstance(r, Mapping))
    sources = tuple(text(s.get("url") if isinstance(s, Mapping) else s) for s in data.get("sources") or ())
    return (text(data.get("name")), text(data.get("family_name")), text(data.get("email")), text(office.get("voice")),
            text(office.get("address")), roles, sources)


def jurisdictions(index: object) -> tuple[dict[str, str], list[Skipped]]:
    """``municipalities.yml`` as jurisdiction id -> town name."""
    names: dict[str, str] = {}
    skipped: list[Skipped] = []
    for number, item in enumerate(index if isinstance(index, list) else []):
        if isinstance(item, Mapping) and isinstance(item.get("id"), str) and isinstance(item.get("name"), str):
            names[item["id"]] = item["name"]
        else:
            skipped.append(Skipped(SOURCE, f"{INDEX_FILE} item {number + 1}", "not a jurisdiction with id and name"))
    if not isinstance(index, list):
        skipped.append(Skipped(SOURCE, INDEX_FILE, "not a list of jurisdictions"))
    return names, skipped


class _Reader:
    """Reads one person, noting refusals against the entry's label."""

    def __init__(self, path: str, label: str, refused: list[Refusal]) -> None:
        self.entry = f"{path} ({label})"
        self.refused = refused

    def value(self, field: str, raw: object, check: Callable[[object], object]) -> object | None:
        if raw is None or raw == "":
            return None
        try:
            return check(raw)
        except values.Refused as exc:
            self.refused.append(Refusal(SOURCE, self.entry, field, str(exc)))
            return None


def _office(data: Mapping) -> Mapping:
    """The primary office, or the first one."""
    offices = [office for office in data.get("offices") or () if isinstance(office, Mapping)]
    primary = [office for office in offices if office.get("classification") == "primary"]
    return (primary or offices or [{}])[0]


def _official(person: Person, role: Mapping, role_id: str, town_name: str,
              refused: list[Refusal]) -> Official | None:
    data = person.data
    assert isinstance(data, Mapping)
    read = _Reader(person.path, f"{town_name}, {role_id}", refused)
    name = read.value("name", data.get("name"), values.name)
    if name is None:  # an official without a name is left out (a refused name is already reported)
        if data.get("name") in (None, ""):
            refused.append(Refusal(SOURCE, read.entry, "name", "missing: the official is left out"))
        return None
    official: Official = {"role": role_id, "name": str(name)}
    family = read.value("family_name", data.get("family_name"), values.name)
    words, run = str(name).split(), str(family or "").split()
    # The family name is words of the name after the first ("López" or "López García" of "María López García").
    if family and not any(words[start:start + len(run)] == run for start in range(1, len(words))):
        refused.append(Refusal(SOURCE, read.entry, "family_name", f"not words of the name {str(name)!r} after "
                                                                  f"the first: {str(family)!r}"))
    elif family and str(family) != surname(str(name)):  # where the greeting would not find it in the name
        official["family_name"] = str(family)
    email = read.value("email", data.get("email"), values.email)
    if email:
        official["email"] = str(email)
    office = _office(data)
    phone = read.value("offices.voice", office.get("voice"), values.phone)
    if phone:
        official["phone"], official["tel"] = phone  # type: ignore[misc]
    address = read.value("offices.address", office.get("address"), values.address)
    if address:
        official["address"] = str(address)
    term_end = read.value("roles.end_date", role.get("end_date"), values.iso_date)
    if term_end:
        official["term_end"] = str(term_end)
    official["source"] = SOURCE
    for source in data.get("sources") or ():
        url = source.get("url") if isinstance(source, Mapping) else source
        found = read.value("sources.url", url, values.https_url)
        if found:
            official["source_url"] = str(found)
            break
    official["checked"] = person.checked
    official["file"] = person.path
    return official


def read_openstates(index: object, people: Iterable[Person], towns: TownIndex
                    ) -> tuple[dict[str, list[Official]], list[Refusal], list[Skipped]]:
    """Officials by town ID (one per role), with what was refused and what was skipped."""
    names, skipped = jurisdictions(index)
    for jurisdiction, town_name in sorted(names.items(), key=lambda item: item[1]):
        count = len(towns.find(town_name))
        if count != 1:
            why = "no town of that name" if not count else f"{count} towns of that name"
            skipped.append(Skipped(SOURCE, f"{INDEX_FILE} ({town_name})", f"unmatched: {why}"))
    refused: list[Refusal] = []
    candidates: dict[tuple[str, str], list[Official]] = {}
    for person in sorted(people, key=lambda p: p.path):
        data = person.data
        if not isinstance(data, Mapping):
            skipped.append(Skipped(SOURCE, person.path, "not a person (a YAML mapping)"))
            continue
        roles = [role for role in data.get("roles") or () if isinstance(role, Mapping)]
        if not roles:
            skipped.append(Skipped(SOURCE, person.path, "no roles: not known to hold any office"))
            continue
        found = False
        for role in roles:
            role_id = ROLE_TYPES.get(str(role.get("type")))
            if role_id is None:
                continue  # a state legislator's past seat and the like
            found = True
            jurisdiction = str(role.get("jurisdiction") or "")
            town_name = names.get(jurisdiction)
            if town_name is None:
                skipped.append(Skipped(SOURCE, person.path, f"jurisdiction {jurisdiction!r} is not in {INDEX_FILE}"))
                continue
            matches = towns.find(town_name)
            if len(matches) != 1:
                why = "no town of that name" if not matches else "more than one town of that name"
                skipped.append(Skipped(SOURCE, person.path, f"town {town_name!r}: {why}"))
                continue
            town = matches[0]
            official = _official(person, role, role_id, str(town["name"]), refused)
            if official is not None:
                candidates.setdefault((str(town["id"]), role_id), []).append(official)
        if not found:
            skipped.append(Skipped(SOURCE, person.path, f"no role of type {', '.join(ROLE_TYPES)}"))
    officials: dict[str, list[Official]] = {}
    for (town_id, _role), group in sorted(candidates.items()):
        group.sort(key=lambda o: (o.get("term_end", _FAR_FUTURE), o["checked"], o["file"]), reverse=True)
        kept, *superseded = group
        for old in superseded:
            skipped.append(Skipped(SOURCE, old["file"], f"superseded: {old['name']}'s term "
                                   f"{'ended ' + old['term_end'] if 'term_end' in old else 'has no end date'}; "
                                   f"{kept['name']} ({kept['file']}) is kept"))
        officials.setdefault(town_id, []).append(kept)
    return officials, refused, skipped
