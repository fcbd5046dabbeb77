"""``.eml`` drafts (RFC 5322) marked ``X-Unsent: 1``, so that a mail app opens them as a new message.

Outlook documents the header; Thunderbird 153 was seen to honour it (a compose window,
only with an account set up); Apple Mail is untested. docs/send.md says the same.

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
    """``Subject:``, folded, and encoded where it must be (RFC 2047).

    Plain text is written as the ``email`` package writes it, folded at spaces
    (the package itself leaves ``Subject:`` bare for a plain subject of 71 to 77
    characters, and its own parser then reads it back with a leading space).
    Anything else (accents, as in every Spanish subject, or text that looks
    encoded) becomes encoded words (:func:`encoded_words`): the package's
    folding of mixed text doubles a space before an encoded word and can write
    two encoded words with no space between, so what a reader decodes was not
    the subject.
    """
    line = f"Subject: {subject}"
    if _plain(line, subject, _PLAIN_TEXT):
        return line + CRLF
    if "=?" not in subject and _PLAIN_TEXT.match(subject):
        return fold_plain(line)
    if not subject:
        return "Subject:" + CRLF  # as the package writes it
    return encoded_words("Subject", subject)


# RFC 2047 5(3): the characters a "Q"-encoded word may carry as they are.
_Q_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!*+-/")
_WORD_START, _WORD_END = "=?utf-8?q?", "?="
_MAX_WORD = 75  # RFC 2047 2: an encoded word's longest


def _q(char: str) -> str:
    if char in _Q_SAFE:
        return char
    if char == " ":
        return "_"
    return "".join(f"={byte:02X}" for byte in char.encode("utf-8"))


def encoded_words(name: str, value: str) -> str:
    """``name: value`` as UTF-8 "Q" encoded words, one per line, each line at most 78 characters.

    A reader ignores the folding space between two encoded words, so the
    value's own spaces travel inside them (as ``_``) and it reads back exactly;
    a character's bytes are never split between words (RFC 2047 5).
    """
    lines: list[str] = []
    room = min(_MAX_WORD, MAX_LINE - len(name) - 2) - len(_WORD_START) - len(_WORD_END)
    current = ""
    for char in value:
        encoded = _q(char)
        if current and len(current) + len(encoded) > room:
            lines.append(_WORD_START + current + _WORD_END)
            room = _MAX_WORD - len(_WORD_START) - len(_WORD_END)  # " " + word <= 76 < 78
            current = ""
        current += encoded
    lines.append(_WORD_START + current + _WORD_END)
    return f"{name}: " + (CRLF + " ").join(lines) + CRLF


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
