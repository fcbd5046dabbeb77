"""Towns to test the directory with, read from the built site's own directory file.

Tests choose towns by what the data says of them (a current mayor, a term that
has ended, no official), not by name, so refreshing the data does not break
them; a test that needs one kind the data lacks fails and says so.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path


def directory_file(site: Path) -> Path:
    files = sorted((site / "assets" / "directory").glob("il.*.json"))
    assert len(files) == 1, f"expected one directory file, found {files}"
    return files[0]


def load(site: Path) -> dict:
    return json.loads(directory_file(site).read_text(encoding="utf-8"))


def _unique(towns: list[dict], town: dict) -> bool:
    return sum(t["name"] == town["name"] for t in towns) == 1


def with_official(site: Path, *, stale: bool, today: date | None = None) -> tuple[dict, dict]:
    """A town (unique name) whose Open States mayor, with an email, has (or has not) a listed term that ended."""
    on = (today or date.today()).isoformat()
    towns = load(site)["towns"]
    for town in towns:
        officials = town.get("officials") or []
        first = officials[0] if officials else {}
        if first.get("role") == "mayor" and first.get("source") == "openstates" and first.get("email") \
                and _unique(towns, town):
            ended = bool(first.get("term_end")) and first["term_end"] < on
            if ended == stale:
                return town, first
    raise AssertionError(f"the directory has no town with a {'stale' if stale else 'current'} official")


def without_official(site: Path) -> dict:
    """A town (unique name) with a website, no known official and no sheriff's office filled in."""
    towns = load(site)["towns"]
    return next(t for t in towns if t.get("website") and not t.get("officials") and not t.get("sheriff")
                and _unique(towns, t))


def served_by_sheriff(site: Path) -> tuple[dict, dict]:
    """A town (unique name) with no department of its own, and its county's sheriff's office (with an address)."""
    data = load(site)
    towns = data["towns"]
    for town in towns:
        sheriff = data["sheriffs"].get(town.get("sheriff", ""))
        if sheriff and "address" in sheriff and not town.get("officials") and _unique(towns, town):
            return town, sheriff
    raise AssertionError("the directory has no town a sheriff with an address serves")


def town_named(site: Path, name: str) -> dict:
    """The one town of that name (for tests of what the issue names: Evanston, Skokie)."""
    found = [t for t in load(site)["towns"] if t["name"] == name]
    assert len(found) == 1, f"{len(found)} towns named {name}"
    return found[0]
