"""The interface string tables (docs/strings/<lang>.json), as the tests read them."""

from __future__ import annotations

import json

from babel import Locale

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


# A plural base's keys end in CLDR plural categories ("town.status.one",
# ".few", ".many", ".other"); a base is plural when it has ".other", which the
# page's plural() (assets/letter/strings.js) falls back to, and another
# category ("send.other", alone, is a way to send, not a count).
CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def plural_category(lang: str, count: int) -> str:
    """CLDR's plural category of ``count`` in ``lang`` (Babel's rules; the page's Intl.PluralRules agree)."""
    return Locale.parse(lang).plural_form(count)


def plural_bases(table: dict[str, str]) -> dict[str, set[str]]:
    """Each plural base of a table and the categories it has."""
    bases = {key.removesuffix(".other") for key in table if key.endswith(".other")}
    found = {base: {key.rsplit(".", 1)[1] for key in table
                    if key.rsplit(".", 1)[0] == base and key.rsplit(".", 1)[1] in CATEGORIES}
             for base in bases}
    return {base: categories for base, categories in found.items() if len(categories) > 1}


def needed_categories(lang: str) -> set[str]:
    """The categories a count of things (0 to 999) takes in ``lang``, and "other", the fallback."""
    return {plural_category(lang, n) for n in range(1000)} | {"other"}


def plural(table: dict[str, str], lang: str, base: str, count: int, **values: object) -> str:
    """What the page's plural() shows: base's words for ``count``, filled in."""
    key = f"{base}.{plural_category(lang, count)}"
    return table[key if key in table else f"{base}.other"].format(count=count, **values)
