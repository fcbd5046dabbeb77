"""The interface strings: one table per language (docs/strings/<language>.json).

Read by the templates (``t("key")``, :class:`Strings`) and, through the page's
``#page-strings``, by the page's scripts (assets/letter/strings.js).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from markupsafe import Markup

STRINGS = Path(__file__).resolve().parents[2] / "docs" / "strings"


def page_strings(language: str) -> dict[str, str]:
    """The interface strings of one language: docs/strings/<language>.json.

    One table per language, read by the templates (``t``) and, through the
    page's ``#page-strings``, by the page's scripts (assets/letter/strings.js).
    """
    return json.loads((STRINGS / f"{language}.json").read_text(encoding="utf-8"))


class Strings:
    """``t("key", name=value)`` in a template: the string, its {name}s filled.

    An unknown key is an error, so a missing translation fails the build. The
    result is HTML-escaped (``Markup``), text and attribute alike, and so are
    the values, unless they are markup themselves (``'<span>…</span>' | safe``).
    """

    def __init__(self, table: dict[str, str]):
        self.table = table

    def __call__(self, key: str, **values: Any) -> Markup:
        if key not in self.table:
            raise KeyError(f"docs/strings has no {key!r}")
        template = Markup.escape(self.table[key])
        return template.format_map(_Keep(values)) if values else template


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
