"""What the letter page gets: the snapshot with the corrections applied, in its compact form.

The page and the site build depend on this exact shape (``version`` 2). A
town with nothing but its name and kind is just ``{"id", "name", "kind"}``;
empty keys are left out. A town a county's sheriff serves names the county
(``"sheriff": "Kane"``), and ``sheriffs`` holds each county's office once. Staleness is not decided here: the page compares ``term_end`` with
the visitor's own today (:func:`is_stale` is the same rule, for the CLI).
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from importlib import resources

from ..dates import parse_iso_date
from .corrections import SOURCE as CORRECTIONS, Corrections, read_corrections
from .records import Official, TownIndex, name_key

SNAPSHOT_FILE = "il.json"
CORRECTIONS_FILE = "corrections.toml"
VERSION = 2
OFFICIAL_KEYS = ("role", "name", "family_name", "organization", "email", "phone", "tel", "address", "term_end", "source",
                 "source_url", "published", "checked", "contact_source", "contact_checked")
# What a correction replaces: the same office, whatever its title there. Open
# States files village presidents as mayors; Chicago's police has a superintendent.
OFFICES = {"village_president": "mayor", "superintendent": "police_chief"}
# What a correction naming a police chief keeps of the federal lists' department.
_DEPARTMENT = ("organization", "address", "phone", "tel", "contact_source", "contact_checked")
_CONTACT = ("email", "phone", "tel", "address")


def _same_person(a: Mapping[str, object], b: Mapping[str, object]) -> bool:
    return bool(a.get("name")) and name_key(str(a["name"])) == name_key(str(b.get("name", "")))
CORRECTIONS_SOURCE = {
    "name": "This project's corrections file (letter_py/directory/corrections.toml)",
    "url": "officials/",  # the page that explains it, relative to the site's root
    "licence": "MIT, like the rest of this project",
}


class DirectoryError(ValueError):
    """The packaged snapshot or the corrections file cannot be used; the message says where and why."""


def is_stale(official: Mapping[str, object], today: _dt.date) -> bool:
    """True when the official's listed term ended before ``today`` (no end date: not stale)."""
    end = parse_iso_date(str(official.get("term_end") or ""))
    return end is not None and end < today


def _official(official: Mapping[str, object]) -> Official:
    return {key: str(official[key]) for key in OFFICIAL_KEYS if official.get(key)}


def _officials(found: list[Mapping[str, object]], corrected: list[Official]) -> list[Official]:
    """The sources' officials with the corrections applied, one per office, sorted by role."""
    offices = {OFFICES.get(str(o["role"]), str(o["role"])): _official(o) for o in found}
    for official in corrected:
        office = OFFICES.get(official["role"], official["role"])
        found = offices.get(office)
        if found and office == "police_chief":  # the department's name, and its address and phone unless the correction has its own
            keys = ("organization",) if "address" in official or "phone" in official else _DEPARTMENT
            official = {**{key: found[key] for key in keys if key in found}, **official}
        elif found and _same_person(found, official) and not any(k in official for k in _CONTACT):
            # The source's own official, confirmed by a newer page: their contact details stay, dated by the source.
            official = {**{key: found[key] for key in _CONTACT if key in found}, **official,
                        "contact_source": found["source"], "contact_checked": found["checked"]}
        offices[office] = _official(official)
    return sorted(offices.values(), key=lambda o: o["role"])


def site_data(snapshot: Mapping[str, object], corrections: Corrections) -> dict[str, object]:
    """The directory as the page reads it (see the module docstring and docs/officials.md)."""
    sources = snapshot["sources"]
    assert isinstance(sources, Mapping)
    listed: dict[str, dict[str, str]] = {}
    for key, source in sources.items():
        entry = {"name": source["name"], "url": source["url"], "licence": source["licence"],
                 "date": source.get("collected") or source["commit_date"]}
        if "citation" in source:
            entry["citation"] = source["citation"]
        listed[key] = entry
    listed["corrections"] = dict(CORRECTIONS_SOURCE)
    towns = []
    for town in snapshot["towns"]:  # type: ignore[union-attr]
        town_id = str(town["id"])
        out: dict[str, object] = {"id": town_id, "name": town["name"], "kind": town["kind"]}
        fix = corrections.websites.get(town_id)
        if fix:
            out["website"], out["website_source"] = fix["website"], CORRECTIONS
        elif town.get("website"):
            out["website"], out["website_source"] = town["website"], town.get("website_source", "uscityurl")
            if town.get("website_checked"):  # an http:// address whose https:// one answered that day
                out["website_checked"] = town["website_checked"]
        officials = _officials(list(town.get("officials", ())), corrections.officials.get(town_id, []))
        if officials:
            out["officials"] = officials
        if town.get("sheriff") and not any(o["role"] in ("police_chief", "superintendent") for o in officials):
            out["sheriff"] = town["sheriff"]
        towns.append(out)
    towns.sort(key=lambda t: (str(t["name"]), str(t["id"])))
    sheriffs = {county: _official(o) for county, o in snapshot.get("sheriffs", {}).items()}  # type: ignore[union-attr]
    return {"version": VERSION, "state": snapshot["state"], "sources": listed, "towns": towns, "sheriffs": sheriffs}


def read_text(name: str) -> str:
    """A file packaged beside this module."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def load_snapshot(path: str | None = None) -> dict[str, object]:
    """The committed snapshot (or the one at ``path``)."""
    try:
        text = read_text(SNAPSHOT_FILE) if path is None else open(path, encoding="utf-8").read()
        data = json.loads(text)
    except (OSError, ValueError) as exc:
        raise DirectoryError(f"cannot read the directory snapshot {path or SNAPSHOT_FILE}: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise DirectoryError(f"{path or SNAPSHOT_FILE}: not a version {VERSION} directory snapshot")
    return data


def role_ids() -> list[str]:
    """The roles a corrections entry may name: the default campaign's."""
    from ..campaign import default_campaign

    return [role.id for role in default_campaign().roles]


def load_corrections(snapshot: Mapping[str, object], path: str | None = None) -> Corrections:
    """The corrections file (packaged, or at ``path``), validated against the snapshot's towns."""
    origin = path or CORRECTIONS_FILE
    try:
        text = read_text(CORRECTIONS_FILE) if path is None else open(path, encoding="utf-8").read()
    except (OSError, UnicodeDecodeError) as exc:
        raise DirectoryError(f"cannot read {origin}: {exc}") from None
    corrections, problems = read_corrections(text, TownIndex(snapshot["towns"]), role_ids(), origin)  # type: ignore[arg-type]
    if problems:
        raise DirectoryError("\n".join(problems))
    return corrections


def load_site_data(snapshot_path: str | None = None, corrections_path: str | None = None) -> dict[str, object]:
    """The page's directory from the committed snapshot and corrections, in one call.

    Raises :class:`DirectoryError` (one line per problem, each naming the
    entry and the field) when the corrections file is invalid.
    """
    snapshot = load_snapshot(snapshot_path)
    return site_data(snapshot, load_corrections(snapshot, corrections_path))
