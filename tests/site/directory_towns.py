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
    """A town (unique name) whose first official's listed term has (or has not) ended, and that official."""
    on = (today or date.today()).isoformat()
    towns = load(site)["towns"]
    for town in towns:
        officials = town.get("officials") or []
        if len(officials) == 1 and _unique(towns, town) and officials[0].get("email"):
            ended = bool(officials[0].get("term_end")) and officials[0]["term_end"] < on
            if ended == stale:
                return town, officials[0]
    raise AssertionError(f"the directory has no town with a {'stale' if stale else 'current'} official")


def without_official(site: Path) -> dict:
    """A town (unique name) with a website and no known official."""
    towns = load(site)["towns"]
    return next(t for t in towns if t.get("website") and not t.get("officials") and _unique(towns, t))
