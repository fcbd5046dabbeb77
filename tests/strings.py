"""The interface string tables (docs/strings/<lang>.json), as the tests read them."""

from __future__ import annotations

import json

from tests.paths import ROOT

STRINGS = ROOT / "docs" / "strings"

# Words that are the same in English and Spanish: names.
SAME_IN_EVERY_LANGUAGE = {"webmail.gmail", "webmail.outlook", "webmail.office", "error.prefix", "app.shortName",
                          "official.label"}  # "{name}, {role}": the role is in the page's language already


def languages() -> list[str]:
    return sorted(p.stem for p in STRINGS.glob("*.json"))


def strings(lang: str) -> dict[str, str]:
    """A language's interface strings, as the page's template and scripts read them."""
    return json.loads((STRINGS / f"{lang}.json").read_text(encoding="utf-8"))
