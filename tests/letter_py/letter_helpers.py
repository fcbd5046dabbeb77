"""Helpers shared by the letter_py tests (a plain module: conftest is not importable)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import letter_py

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
TODAY = dt.date(2026, 11, 29)


def render(data: object, campaign: letter_py.Campaign | None = None) -> dict:
    """render_json on a Python value, decoded."""
    text = data if isinstance(data, str) else json.dumps(data)
    return json.loads(letter_py.render_json(text, campaign, today=TODAY))


def fields(result: dict) -> dict[str, str]:
    """Errors by field path -> code."""
    return {error["field"]: error["code"] for error in result["errors"]}
