"""The records the readers produce: a refused value, a skipped entry, a town lookup.

Towns and officials stay plain dicts of JSON values, in the snapshot's own
shape, so a reader's output is the snapshot and nothing converts it twice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

Town = dict[str, object]
Official = dict[str, str]


class Refusal(NamedTuple):
    """A value refused at build: which source, which entry, which field, why."""

    source: str
    entry: str
    field: str
    reason: str

    def message(self) -> str:
        """``openstates data/il/municipalities/X.yml (Des Plaines, mayor): email: not an email address: …``"""
        return f"{self.source} {self.entry}: {self.field}: {self.reason}"

    def to_json(self) -> dict[str, str]:
        return self._asdict()


class Skipped(NamedTuple):
    """A whole entry left out (no roles, no matching town, superseded), with the reason."""

    source: str
    entry: str
    reason: str

    def message(self) -> str:
        return f"{self.source} {self.entry}: {self.reason}"

    def to_json(self) -> dict[str, str]:
        return self._asdict()


_SAINT = re.compile(r"\bsaint\b")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def name_key(name: str) -> str:
    """A town name for matching: case, accents, punctuation and spaces ignored; "Saint" is "St".

    So Open States' "O Fallon" finds UScityURL's "O'Fallon", and "Saint Charles" "St. Charles".
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_WORD.sub("", _SAINT.sub("st", text))


class TownIndex:
    """Finds towns by Census place ID or by name (two towns may share a name)."""

    def __init__(self, towns: Iterable[Town]) -> None:
        self.towns = list(towns)
        self.by_id = {str(town["id"]): town for town in self.towns}
        self.by_key: dict[str, list[Town]] = {}
        for town in self.towns:
            self.by_key.setdefault(name_key(str(town["name"])), []).append(town)

    def find(self, text: str) -> list[Town]:
        """Every town ``text`` names: one, several (an ambiguous name) or none."""
        text = text.strip()
        if text in self.by_id:
            return [self.by_id[text]]
        return list(self.by_key.get(name_key(text), ()))

    def suggestions(self, text: str, count: int = 5) -> list[str]:
        """Close names for a message (difflib on the names as written)."""
        import difflib

        names = sorted({str(town["name"]) for town in self.towns})
        lowered = {name.lower(): name for name in names}
        close = difflib.get_close_matches(text.strip().lower(), list(lowered), n=count, cutoff=0.6)
        return [lowered[name] for name in close]


def describe(town: Town) -> str:
    """``Wilmington (1782049)``: a town with its ID, for messages about two of the same name."""
    return f"{town['name']} ({town['id']})"
