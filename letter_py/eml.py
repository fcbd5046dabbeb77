"""``.eml`` drafts (RFC 5322) that desktop mail apps open ready to send.

Headers are folded and encoded by the standard ``email`` package's policy and
header registry, the body as quoted-printable. Building a whole
``EmailMessage`` costs about a millisecond, most of it re-parsing headers, so
the pieces are assembled here and the header folds cached: a visitor typing
changes the body, rarely the recipient or subject.
"""

from __future__ import annotations

import binascii
from email import policy as _policy
from email.headerregistry import Address
from functools import lru_cache

from .text import clean_line
from .validate import is_email

POLICY = _policy.default.clone(linesep="\r\n", max_line_length=78)
CRLF = "\r\n"
_FIXED_HEADERS = (
    "X-Unsent: 1\r\n"
    "MIME-Version: 1.0\r\n"
    'Content-Type: text/plain; charset="utf-8"\r\n'
    "Content-Transfer-Encoding: quoted-printable\r\n"
)


@lru_cache(maxsize=256)
def _to_header(name: str, email: str) -> str:
    return POLICY.header_factory("To", Address(display_name=name, addr_spec=email)).fold(policy=POLICY)


@lru_cache(maxsize=256)
def _subject_header(subject: str) -> str:
    return POLICY.header_factory("Subject", subject).fold(policy=POLICY)


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
    headers = _to_header(clean_line(to_name), to_email) if is_email(to_email) else ""
    headers += _subject_header(clean_line(subject)) + _FIXED_HEADERS
    text = encode_body(body)
    if not text.endswith(CRLF):
        text += CRLF
    return headers + CRLF + text
