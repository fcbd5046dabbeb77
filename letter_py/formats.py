"""The command line's output formats, one string per letter.

The browser gets every format at once through the JSON entry point; the
command line and ``batch`` ask for one, and :class:`~letter_py.render.Draft`
computes only what that format needs.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from .render import Draft


@dataclass(frozen=True, slots=True)
class Format:
    """How one format is written: its file extension and its text."""

    name: str
    extension: str
    render: Callable[[Draft], str]
    help: str


def _json(draft: Draft) -> str:
    return json.dumps(draft.to_dict(), ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("email", "txt", lambda d: d.email_copy, "subject line and plain-text email body"),
        Format("letter", "txt", lambda d: d.letter_text, "printable letter as plain text"),
        Format("html", "html", lambda d: d.letter_html, "printable letter as an HTML fragment"),
        Format("mailto", "txt", lambda d: d.mailto + "\n", "mailto: link (body only when it fits)"),
        Format("eml", "eml", lambda d: d.eml, "RFC 5322 email marked X-Unsent: 1, which Outlook and Thunderbird open as a new message to send"),
        Format("ics", "ics", lambda d: d.ics, "follow-up reminder (RFC 5545) two weeks after the letter's date"),
        Format("json", "json", _json, "every output of the letter as JSON"),
    )
}
