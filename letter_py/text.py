"""Cleaning of user text.

Everything a visitor types passes through here before it reaches a template,
so that control characters, invisible bidi overrides, lone surrogates (which
browsers can hand over) and stray line breaks never reach a letter, a URL or a
mail header. The character classes are spelled out rather than read from
``unicodedata`` so that CPython 3.12 and Pyodide's 3.14 clean text the same way.
"""

from __future__ import annotations

import re
import unicodedata

# C0/C1 controls except tab and line feed, which are handled separately.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Unicode format characters (category Cf) that are invisible and can reorder
# or hide text; ZWNJ/ZWJ (U+200C/D) stay because emoji and scripts need them.
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001"
)
_REMOVE = re.compile(f"[{_CONTROLS}{_FORMAT}]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Horizontal white space, listed by hand (see module docstring).
_SPACE = "\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SPACES = re.compile(f"[{_SPACE}]+")
_LINEBREAK = re.compile("\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_ALL_BREAKS = re.compile("\r\n|[\r\n\u2028\u2029\x85\x0b\x0c]")
_BLANK_RUN = re.compile("\n{3,}")


def fix_surrogates(text: str) -> str:
    """Replace lone surrogates with U+FFFD so encoding never fails."""
    if text.isascii():
        return text
    return _SURROGATE.sub("\ufffd", text)


def _normalise(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFC", fix_surrogates(text))
    return text


def clean_line(text: str) -> str:
    """One line of text: no line breaks, no controls, single spaces."""
    if text.isascii() and text.isprintable():
        # The common case, kept cheap: it runs for every field on every keystroke.
        text = text.strip(" ")
        return _SPACES.sub(" ", text) if "  " in text else text
    text = _normalise(text)
    text = _ALL_BREAKS.sub(" ", text)
    text = _REMOVE.sub("", text)
    return _SPACES.sub(" ", text).strip(" ")


def clean_block(text: str) -> str:
    """Several lines (a paragraph, an address): keeps ``\\n``, at most one blank line."""
    text = _normalise(text)
    text = _LINEBREAK.sub("\n", text)
    text = _REMOVE.sub("", text)
    lines = [_SPACES.sub(" ", line).strip(" ") for line in text.split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")


_SLUG_DROP = re.compile(r"[^a-z0-9]+")
# Letters that NFKD does not take apart into an ASCII letter and a mark, so a
# slug (or a state's name typed without accents, letter_py.states) would lose them: Polish ł (Wiśniewska's "ł" in "Małgorzata"), and their
# European neighbours.
SEPARATE_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss",
                               "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ħ": "h", "Ħ": "H", "ı": "i",
                               "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D"})


def slugify(text: str, max_length: int = 60) -> str:
    """A safe ASCII file-name stem: lower case letters, digits and hyphens."""
    ascii_text = (
        unicodedata.normalize("NFKD", fix_surrogates(text).translate(SEPARATE_LETTERS))
        .encode("ascii", "ignore")
        .decode("ascii")
        .lower()
    )
    slug = _SLUG_DROP.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rstrip("-")
    return slug


def thousands(number: int) -> str:
    """``2000`` -> ``"2,000"`` without the locale module."""
    return f"{number:,}"
