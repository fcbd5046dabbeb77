"""A follow-up reminder as an iCalendar file (RFC 5545), standard library only.

A letter counts for more when the writer follows up if no answer comes, so
after sending, the page offers one all-day event some days later. The file
holds the official's contact details and the letter's subject, never the
letter or the sender's details: a calendar is often shared or synced.

Written by hand rather than with a library, because the format needed is
small and its rules are few: CRLF line ends, lines folded at 75 octets
(never inside a UTF-8 sequence), and TEXT values escaped (backslash,
semicolon, comma, line break), so nothing typed can end a property or start
another.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re

CRLF = "\r\n"
LINE_OCTETS = 75
PRODID = "-//End Demand//letter-py//EN"
# TEXT may hold any character but the controls other than tab (RFC 5545 3.3.11).
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


def escape_text(value: str) -> str:
    """A TEXT value: backslash, ``;`` and ``,`` escaped, line breaks as ``\\n``."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _CONTROLS.sub("", value.replace("\n", "\\n"))


def fold(line: str) -> str:
    """One content line, folded to 75 octets a line, with its CRLF."""
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return line + CRLF
    parts: list[str] = []
    start, limit = 0, LINE_OCTETS
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # inside a UTF-8 sequence
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, LINE_OCTETS - 1  # a continuation line starts with a space
    return (CRLF + " ").join(parts) + CRLF


def _date(day: _dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def reminder_uid(*parts: str) -> str:
    """A UID that is the same for the same letter, so importing twice updates one event."""
    digest = hashlib.sha256("\0".join(parts).encode("utf-8", "replace")).hexdigest()[:32]
    return f"{digest}@letter-py"


def reminder_ics(*, uid: str, stamp: _dt.date, day: _dt.date, summary: str, description: str) -> str:
    """A calendar with one all-day event on ``day`` and an alert that morning.

    ``stamp`` is when the reminder was made (``DTSTAMP``, midnight UTC of that
    day: the engine has no clock of its own, so the same letter always gives
    the same bytes).
    """
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:{escape_text(uid)}",
        f"DTSTAMP:{_date(stamp)}T000000Z",
        f"DTSTART;VALUE=DATE:{_date(day)}",
        f"DTEND;VALUE=DATE:{_date(day + _dt.timedelta(days=1))}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape_text(summary)}",
        "TRIGGER;RELATED=START:PT9H",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) for line in lines)
