"""``.eml`` drafts (RFC 5322) that desktop mail apps open ready to send.

Headers are folded and encoded by the standard ``email`` package's policy and
header registry (plain short ones, which it leaves as they are, are written
directly), the body as quoted-printable. Building a whole ``EmailMessage``
costs about a millisecond, most of it re-parsing headers, so the pieces are
assembled here and the header folds cached: a visitor typing changes the
body, rarely the recipient or subject.
"""

from __future__ import annotations

import binascii
import re
from functools import lru_cache

from .text import clean_line
from .validate import is_email

CRLF = "\r\n"
MAX_LINE = 78
_FIXED_HEADERS = (
    "X-Unsent: 1\r\n"
    "MIME-Version: 1.0\r\n"
    'Content-Type: text/plain; charset="utf-8"\r\n'
    "Content-Transfer-Encoding: quoted-printable\r\n"
)
# Values the email package would write out unchanged: printable ASCII words
# (for a name, RFC 5322 atoms, which need no quoting) with single spaces, no
# "=?" that could read as an encoded word, on a line short enough not to fold.
# These skip importing `email` (~50 ms of the page's start under Pyodide); a
# test holds both paths equal.
_PLAIN_TEXT = re.compile(r"[\x21-\x7e]+(?: [\x21-\x7e]+)*\Z")
_PLAIN_NAME = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?: [A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*\Z")


@lru_cache(maxsize=1)
def _policy():  # noqa: ANN202 - email.policy.EmailPolicy, imported on first use
    from email import policy

    return policy.default.clone(linesep=CRLF, max_line_length=MAX_LINE)


def _plain(line: str, value: str, pattern: re.Pattern[str]) -> bool:
    return len(line) <= MAX_LINE and "=?" not in value and pattern.match(value) is not None


@lru_cache(maxsize=256)
def to_header(name: str, email: str) -> str:
    """``To:``, folded and encoded as the ``email`` package does it."""
    line = f"To: {name} <{email}>" if name else f"To: {email}"
    if (not name or _plain(line, name, _PLAIN_NAME)) and _plain(line, email, _PLAIN_TEXT):
        return line + CRLF
    return email_package_to_header(name, email)


def email_package_to_header(name: str, email: str) -> str:
    from email.headerregistry import Address

    policy = _policy()
    return policy.header_factory("To", Address(display_name=name, addr_spec=email)).fold(policy=policy)


@lru_cache(maxsize=256)
def subject_header(subject: str) -> str:
    """``Subject:``, folded and encoded as the ``email`` package does it.

    Except for one case: a plain subject a little too long for one line
    (71 to 77 characters, "… in Arlington Heights") the package moves whole
    onto a continuation line, leaving ``Subject:`` bare, and its own parser
    then reads the subject back with a leading space. Plain text is folded
    here instead, at spaces, as the package folds any longer value.
    """
    line = f"Subject: {subject}"
    if _plain(line, subject, _PLAIN_TEXT):
        return line + CRLF
    if "=?" not in subject and _PLAIN_TEXT.match(subject):
        return fold_plain(line)
    return email_package_subject_header(subject)


def fold_plain(line: str) -> str:
    """Printable ASCII words folded at spaces, lines of at most 78 characters (RFC 5322 2.2.3).

    A continuation line starts with the space it was folded at; a word longer
    than a line stays whole (the hard limit is 998), and the first one stays
    beside the field name, so that no reader sees a value with a leading space.
    """
    name, _, rest = line.partition(" ")
    lines: list[str] = []
    current = name
    for index, word in enumerate(rest.split(" ")):
        if index and len(current) + 1 + len(word) > MAX_LINE:
            lines.append(current)
            current = " " + word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return CRLF.join(lines) + CRLF


def email_package_subject_header(subject: str) -> str:
    policy = _policy()
    return policy.header_factory("Subject", subject).fold(policy=policy)


def encode_body(body: str) -> str:
    """UTF-8, quoted-printable, CRLF line ends.

    The same text as ``email.quoprimime.body_encode`` (a test holds them
    equal), from its C twin in ``binascii``, which is several times faster.
    """
    data = body.replace("\r\n", "\n").replace("\n", CRLF).encode("utf-8")
    return binascii.b2a_qp(data, istext=True).decode("ascii")


def build_eml(to_name: str, to_email: str, subject: str, body: str) -> str:
    """A draft message; without ``From`` the mail app sends from its own account.

    Header values are cleaned again here, so no caller can put a line break
    (and so a header of its own) into the draft.
    """
    headers = to_header(clean_line(to_name), to_email) if is_email(to_email) else ""
    headers += subject_header(clean_line(subject)) + _FIXED_HEADERS
    text = encode_body(body)
    if not text.endswith(CRLF):
        text += CRLF
    return headers + CRLF + text
