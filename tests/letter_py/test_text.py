"""Cleaning of user text: what reaches letters, URLs and headers."""

from __future__ import annotations

import unicodedata

import pytest

from letter_py.dates import format_date, parse_iso_date
from letter_py.states import state_code, state_name
from letter_py.text import _FORMAT, clean_block, clean_line, fix_surrogates, slugify, thousands


@pytest.mark.parametrize(("raw", "clean"), [
    ("  Alex   Doe ", "Alex Doe"),
    ("Alex\r\nDoe", "Alex Doe"),
    ("Alex\tDoe", "Alex Doe"),
    ("Al\x00ex\x07 \x1bDoe\x7f", "Alex Doe"),
    ("Alex\u202eeoD", "AlexeoD"),          # bidi override removed
    ("zero\u200bwidth", "zerowidth"),
    ("caf\u0065\u0301", "caf\u00e9"),      # NFC
    ("a\u2028b\u2029c\x85d", "a b c d"),
    ("a\u00a0\u3000b", "a b"),
    ("\ud800bad", "\ufffdbad"),            # lone surrogate replaced
    ("{{ 7*7 }} <script>", "{{ 7*7 }} <script>"),
    ("family \U0001f468\u200d\U0001f469", "family \U0001f468\u200d\U0001f469"),  # ZWJ kept
])
def test_clean_line(raw: str, clean: str) -> None:
    assert clean_line(raw) == clean


def test_clean_block_keeps_line_breaks_and_one_blank_line() -> None:
    raw = "  First  line \r\nsecond\r\r\n\n\n\nthird\u2028fourth\n\n"
    assert clean_block(raw) == "First line\nsecond\n\nthird\nfourth"


def test_no_control_character_survives() -> None:
    everything = "".join(chr(c) for c in range(0x20)) + "".join(chr(c) for c in range(0x7F, 0xA0))
    assert clean_line(f"a{everything}b") == "a b"
    assert set(clean_block(f"a{everything}b")) <= {"a", "b", "\n", " "}


def test_removed_format_characters_are_format_characters() -> None:
    """The hand-written class matches this Python's Unicode data (bar ZWNJ/ZWJ and emoji tags)."""
    listed = set()
    parts = _FORMAT.encode("utf-32-le").decode("utf-32-le")
    index = 0
    while index < len(parts):
        if index + 2 < len(parts) and parts[index + 1] == "-":
            listed.update(map(chr, range(ord(parts[index]), ord(parts[index + 2]) + 1)))
            index += 3
        else:
            listed.add(parts[index])
            index += 1
    assert all(unicodedata.category(char) == "Cf" for char in listed)
    known = {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"}
    kept = {"\u200c", "\u200d", *map(chr, range(0xE0020, 0xE0080))}
    assert known - listed <= kept


def test_fix_surrogates() -> None:
    assert fix_surrogates("ok") == "ok"
    assert fix_surrogates("a\udc80b\ud83d") == "a\ufffdb\ufffd"


@pytest.mark.parametrize(("text", "slug"), [
    ("Mayor Maria López", "mayor-maria-lopez"),
    ("Pat O'Brien Jr.", "pat-o-brien-jr"),
    ("../../etc/passwd", "etc-passwd"),
    ("李", ""),
    ("a" * 100, "a" * 60),
    # Letters NFKD does not take apart: Polish ł, and its neighbours.
    ("Burmistrz Małgorzata Wiśniewska", "burmistrz-malgorzata-wisniewska"),
    ("ŁUKASZ Żółkiewski, Łódź", "lukasz-zolkiewski-lodz"),
    ("Søren Kierkegaard, Straße, Æsir", "soren-kierkegaard-strasse-aesir"),
])
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_dates_are_written_by_hand() -> None:
    assert format_date(parse_iso_date("2026-11-29")) == "November 29, 2026"
    assert format_date(parse_iso_date("2027-01-01")) == "January 1, 2027"
    assert parse_iso_date("2026-02-30") is None
    assert parse_iso_date("29/11/2026") is None
    assert parse_iso_date("2026-1-1") is None


def test_states() -> None:
    assert state_code("IL") == state_code("il") == state_code(" Illinois ") == "IL"
    assert state_code("new   york") == "NY"
    assert state_code("Washington, D.C.") == "DC"
    assert state_code("Ontario") is None
    assert state_name("WI") == "Wisconsin"


def test_thousands() -> None:
    assert thousands(2000) == "2,000"
