"""Dates written out by hand, so no locale can change a letter.

English is US letter style (``November 29, 2026``); Spanish writes the day,
*de*, the month in lower case, *de*, the year (``29 de noviembre de 2026``).
The month names and the order come from the language's catalogue
(:mod:`letter_py.i18n`), so a third language needs no code here.
"""

from __future__ import annotations

import datetime as _dt
import re

from .i18n import N_, gettext_for

# The English names, and the msgids the catalogues translate.
MONTHS = (
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
)
# Translators: a date in a letter; {month} is a month's name, {day} and {year} numbers.
_DATE = N_("{month} {day}, {year}")
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


def format_date(day: _dt.date, lang: str = "en") -> str:
    """``date(2026, 11, 29)`` -> ``"November 29, 2026"``; in Spanish ``"29 de noviembre de 2026"``."""
    if lang == "en":
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    _ = gettext_for(lang)
    return _(_DATE).format(month=_(MONTHS[day.month - 1]), day=day.day, year=day.year)
