"""A recipient's phone: which numbers a tel: link may dial, and how it and the number read."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from letter_py.phone import Phone, parse_phone
from tests.hostile import HOSTILE_STRINGS


@pytest.mark.parametrize(("text", "tel", "display"), [
    ("847-391-5301", "tel:+18473915301", "847-391-5301"),
    ("618-624-4500 ext. 8730", "tel:+16186244500;ext=8730", "618-624-4500 ext. 8730"),
    ("(847) 391-5301", "tel:+18473915301", "847-391-5301"),
    ("+1 847 391 5301", "tel:+18473915301", "847-391-5301"),
    ("1-847-391-5301", "tel:+18473915301", "847-391-5301"),
    ("847.391.5301", "tel:+18473915301", "847-391-5301"),
    ("8473915301", "tel:+18473915301", "847-391-5301"),
    ("847-391-5301 x12", "tel:+18473915301;ext=12", "847-391-5301 ext. 12"),
    ("847-391-5301, Ext 12", "tel:+18473915301;ext=12", "847-391-5301 ext. 12"),
    ("847-391-5301 extension 123456", "tel:+18473915301;ext=123456", "847-391-5301 ext. 123456"),
])
def test_north_american_numbers(text: str, tel: str, display: str) -> None:
    phone = parse_phone(text)
    assert phone is not None
    assert (phone.tel, phone.display) == (tel, display)


@pytest.mark.parametrize("text", [
    "", "call me", "391-5301",  # no area code
    "047-391-5301", "147-391-5301",  # an area code cannot start with 0 or 1
    "847-191-5301",  # nor an exchange
    "+44 20 7946 0000", "+2 847 391 5301",  # other countries
    "847-391-53011", "847-391-5301 ext. 1234567",  # too many digits
    "847-391-5301 ext.", "847-391-5301;ext=12",  # an extension needs digits; RFC 3966 is output only
    "847-391-5301<b>", "<a href=x>847-391-5301</a>", "tel:+18473915301",
    "８４７-３９１-５３０１",  # fullwidth digits: re's [0-9] takes ASCII only
])
def test_refused(text: str) -> None:
    assert parse_phone(text) is None


@pytest.mark.parametrize("text", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_text_never_makes_a_link(text: str) -> None:
    phone = parse_phone(text)
    assert phone is None or (phone.tel[len("tel:+1"):].split(";ext=")[0].isdigit())


@given(st.text(max_size=40))
def test_any_link_is_rfc3966_global(text: str) -> None:
    """Only digits after ``tel:+1``: nothing typed can add a parameter or leave the scheme."""
    phone = parse_phone(text)
    if phone is not None:
        number, _, ext = phone.tel.removeprefix("tel:+1").partition(";ext=")
        assert len(number) == 10 and number.isascii() and number.isdigit()
        assert ext == "" or (ext.isascii() and ext.isdigit())


def test_phone_is_a_record() -> None:
    assert Phone("8473915301") == parse_phone("847 391 5301")
    assert Phone("8473915301").extension == ""
