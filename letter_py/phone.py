"""A recipient's phone number: North American, so a ``tel:`` link can dial it.

An official's office number is what a visitor calls, so it must be one a
phone can dial as written: ten digits of the North American Numbering Plan
(an area code and an exchange that do not start with 0 or 1), with an
optional leading ``1`` or ``+1`` and an optional extension (``ext. 8730``,
``x8730``). The sender's own phone (printed on the letter) stays free-form
(:mod:`letter_py.validate`); only this one becomes a link.

The link is RFC 3966's global form, E.164 digits with the extension as a
parameter (``tel:+16186244500;ext=8730``), so it dials the same from any
country; the number is shown the way Illinois directories print it
(``618-624-4500 ext. 8730``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

_NUMBER = re.compile(
    r"(?:\+?1[ .\-]?)?"  # country code
    r"(?:\(([2-9][0-9]{2})\)|([2-9][0-9]{2}))[ .\-]?"  # area code, bare or in brackets
    r"([2-9][0-9]{2})[ .\-]?([0-9]{4})"  # exchange and line
    r"(?:[ ,]*(?:ext\.?|extension|x|#)[ ]*([0-9]{1,6}))?",  # extension
    re.IGNORECASE,
)


class Phone(NamedTuple):
    """A dialable number: ten digits and an extension (``""`` for none)."""

    digits: str
    extension: str = ""

    @property
    def tel(self) -> str:
        """The ``tel:`` URL: ``tel:+18473915301``, ``tel:+16186244500;ext=8730``."""
        ext = f";ext={self.extension}" if self.extension else ""
        return f"tel:+1{self.digits}{ext}"

    @property
    def display(self) -> str:
        """The number as shown: ``847-391-5301``, ``618-624-4500 ext. 8730``."""
        d = self.digits
        ext = f" ext. {self.extension}" if self.extension else ""
        return f"{d[:3]}-{d[3:6]}-{d[6:]}{ext}"


def parse_phone(text: str) -> Phone | None:
    """The number in ``text``, or ``None`` when it is not a North American one."""
    match = _NUMBER.fullmatch(text.strip())
    if match is None:
        return None
    area = match[1] or match[2]
    return Phone(area + match[3] + match[4], match[5] or "")
