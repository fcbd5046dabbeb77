"""``mailto:`` links per RFC 6068.

Spaces become ``%20`` (Outlook shows ``+`` literally) and line breaks
``%0D%0A``. Every character outside the unreserved set is percent-encoded, so
no header (``&cc=``, ``&bcc=``) can be smuggled in through the text.
"""

from __future__ import annotations

_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# One table lookup per UTF-8 byte (str.translate runs in C); urllib's quote()
# calls Python code per byte, which is most of a keystroke's budget.
_TABLE = {b: (chr(b) if b in _UNRESERVED else f"%{b:02X}") for b in range(256)}
_TABLE[ord("\n")] = "%0D%0A"
_TABLE[ord("\r")] = ""
_ADDRESS_TABLE = dict(_TABLE)
_ADDRESS_TABLE[ord("@")] = "@"


def encode(text: str, table: dict[int, str] = _TABLE) -> str:
    """Percent-encode UTF-8 text, every line break as ``%0D%0A``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.encode("utf-8", "replace").decode("latin-1").translate(table)


def mailto_url(to: str, subject: str, body: str, max_length: int) -> tuple[str, bool]:
    """The link and whether it carries the body.

    Mail apps silently fail on long links, so when the full link is longer than
    ``max_length`` only the recipient and subject are kept.
    """
    head = "mailto:" + encode(to, _ADDRESS_TABLE) + "?subject=" + encode(subject)
    body = body.rstrip("\n")
    # Encoding never shortens text: skip it when the raw body cannot fit.
    if len(head) + len("&body=") + len(body) <= max_length:
        full = head + "&body=" + encode(body)
        if len(full) <= max_length:
            return full, True
    return head, False
