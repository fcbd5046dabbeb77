"""Checks for one value read from a source: every value is untrusted input.

Each check returns the value as it will be shipped, or raises
:class:`Refused` with the reason. The readers catch it and name the entry and
the field, so a bad value upstream is reported and dropped, never shipped.
The limits are those of the letter's own fields where they exist
(:mod:`letter_py.validate`), tighter where a directory value needs less.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..dates import parse_iso_date
from ..text import clean_block, clean_line
from ..validate import is_email, is_url

NAME_LIMIT = 100
ADDRESS_LIMIT = 300
EMAIL_LIMIT = 254
URL_LIMIT = 300
PHONE_LIMIT = 40

# C0/C1 controls and the invisible format characters text.py also removes:
# a value holding one is refused rather than silently cleaned, because a
# source that sends them is not to be trusted with the rest of the value.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
_MARKUP = re.compile("[<>]")
# A host name of dotted labels ending in a letters-only top-level domain:
# no IP literals, no userinfo, no port tricks.
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
# North American numbers: optional +1 or 1, area code and exchange starting 2-9,
# separators - . or space, (area) allowed; an optional extension.
_PHONE = re.compile(
    r"^(?:\+?1[-. ]?)?\(?([2-9]\d{2})\)?[-. ]?([2-9]\d{2})[-. ]?(\d{4})"
    r"(?:\s*(?:,|;)?\s*(?:ext\.?|extension|x)\s*(\d{1,6}))?$",
    re.IGNORECASE,
)


class Refused(ValueError):
    """A value that must not be shipped; the message says why."""


def _shown(value: str, limit: int = 80) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "…")


def _plain(value: object, limit: int, what: str, lines: bool = False) -> str:
    if not isinstance(value, str):
        raise Refused(f"not text: {_shown(str(value))}")
    if _CONTROL.search(value.replace("\n", "") if lines else value):
        raise Refused(f"control or invisible characters in {what}: {_shown(value)}")
    if _MARKUP.search(value):
        raise Refused(f"markup characters (< or >) in {what}: {_shown(value)}")
    if len(value) > limit:
        raise Refused(f"longer than {limit} characters: {_shown(value)}")
    return value


def name(value: object) -> str:
    """A person's or a town's name: one line of plain text."""
    text = clean_line(_plain(value, NAME_LIMIT, "a name"))
    if not text:
        raise Refused("empty")
    return text


def address(value: object) -> str:
    """A postal address: plain text lines (Open States separates them with ``;``)."""
    if isinstance(value, str):
        value = "\n".join(line.strip() for line in value.replace(";", "\n").split("\n"))
    text = clean_block(_plain(value, ADDRESS_LIMIT, "an address", lines=True))
    if not text:
        raise Refused("empty")
    return text


def email(value: object) -> str:
    """An address a mail app accepts (the letter's own check)."""
    text = _plain(value, EMAIL_LIMIT, "an email address").strip()
    if not is_email(text):
        raise Refused(f"not an email address: {_shown(text)}")
    return text


def https_url(value: object) -> str:
    """A web address shipped as a link: ``https://`` only, with a real host name."""
    text = _plain(value, URL_LIMIT, "a web address").strip()
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").rstrip(".")
        port = parts.port
    except ValueError:
        raise Refused(f"not a web address: {_shown(text)}") from None
    if parts.scheme.lower() != "https":
        raise Refused(f"not an https:// address: {_shown(text)}")
    if "@" in parts.netloc or port is not None:
        raise Refused(f"an address with credentials or a port: {_shown(text)}")
    if not is_url(text) or not _HOST.match(host.lower()):
        raise Refused(f"not a web address with a real host name: {_shown(text)}")
    return text


# Words in a website's host that name another kind of body than a town's
# government: a county, a township, a park or school district, a bank, an inn.
_OTHER_BODIES = ("county", "township", "twp", "park", "school", "cusd", "district", "bank", "theinn", "innat",
                 "hotel", "church", "chamber", "realty", "library")


def town_website(value: object, town: str) -> str:
    """A town's website: :func:`https_url`, and a host that names no other kind of body.

    "countyofkane.org" is Kane County's, not the village of Kane's; but
    "oak-park.us" is Oak Park's own, since the town's name has the word too.
    """
    text = https_url(value)
    host = (urlsplit(text).hostname or "").lower().removeprefix("www.")
    label = re.sub(r"[^a-z0-9]", "", host.rsplit(".", 1)[0])
    name = re.sub(r"[^a-z0-9]", "", town.lower())
    for word in _OTHER_BODIES:
        if word in label and word not in name:
            raise Refused(f"the host names another kind of body ({word!r}), not the town: {_shown(text)}")
    return text


def phone(value: object) -> tuple[str, str]:
    """A North American number as written, and its E.164 form for ``tel:``.

    The extension stays in the written form only: dialers treat ``;ext=``
    differently, and a caller who reaches the switchboard can ask for it.
    """
    text = clean_line(_plain(value, PHONE_LIMIT, "a phone number"))
    match = _PHONE.match(text)
    if match is None:
        raise Refused(f"not a North American phone number: {_shown(text)}")
    return text, f"+1{match[1]}{match[2]}{match[3]}"


def iso_date(value: object) -> str:
    """A date as ``YYYY-MM-DD`` (YAML may hand over a date object)."""
    text = value.isoformat() if hasattr(value, "isoformat") else value
    if not isinstance(text, str) or parse_iso_date(text) is None:
        raise Refused(f"not a date like 2026-05-20: {_shown(str(value))}")
    return text
