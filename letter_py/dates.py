"""Dates written out by hand, so no locale can change a letter."""

from __future__ import annotations

import datetime as _dt
import re

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_iso_date(text: str) -> _dt.date | None:
    """``"2026-11-29"`` -> a date, or ``None`` when it is not a real date."""
    match = _ISO_DATE.match(text)
    if match is None:
        return None
    try:
        return _dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def format_date(day: _dt.date) -> str:
    """``date(2026, 11, 29)`` -> ``"November 29, 2026"`` (US letter style)."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
