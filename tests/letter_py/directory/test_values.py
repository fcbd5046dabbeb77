"""Every value from a source is untrusted: each check refuses what must not be shipped."""

from __future__ import annotations

import datetime as dt

import pytest

from letter_py.directory import values
from letter_py.directory.values import Refused


@pytest.mark.parametrize("text", ["Maria Lopez", "Eric Van Hook", "Chodri Ma Khokhar", "José Núñez", "O'Fallon"])
def test_plain_names_pass(text: str):
    assert values.name(text) == text


@pytest.mark.parametrize(("text", "reason"), [
    ("<script>alert(1)</script>", "markup"),
    ("Bob <b>Bold</b>", "markup"),
    ("Bob\x00Nul", "control"),
    ("Bob\u202eReversed", "control"),
    ("Bob\nSecond line", "control"),
    ("x" * 101, "longer than 100"),
    ("   ", "empty"),
    (42, "not text"),
])
def test_names_are_refused(text: object, reason: str):
    with pytest.raises(Refused, match=reason):
        values.name(text)


def test_an_address_turns_semicolons_into_lines_and_keeps_a_limit():
    assert values.address("1420 Miner Street;Des Plaines, IL 60016") == "1420 Miner Street\nDes Plaines, IL 60016"
    assert values.address("1528 Third Avenue ;Rock Island, IL 61201") == "1528 Third Avenue\nRock Island, IL 61201"
    with pytest.raises(Refused, match="longer than 300"):
        values.address("1 Main Street;" * 30)
    with pytest.raises(Refused, match="markup"):
        values.address("1 Main <img src=x onerror=alert(1)>;Town, IL")


@pytest.mark.parametrize("text", ["agoczkowski@desplaines.org", "Deb.Feinen@champaignil.gov",
                                  "SChalmers-Currin@villageofmatteson.org"])
def test_emails_pass(text: str):
    assert values.email(text) == text


@pytest.mark.parametrize("text", ["not-an-email", "a@b", "mayor@town.example\r\nBcc: x@y.example",
                                  "<mayor@town.example>", "a" * 250 + "@x.example"])
def test_emails_are_refused(text: str):
    with pytest.raises(Refused):
        values.email(text)


@pytest.mark.parametrize("text", ["https://www.chicago.gov/", "https://www.ofallon.org/348/Mayors-Office",
                                  "https://www.lake-villa.org/egov/apps/staff/directory.egov?view=detail;id=23"])
def test_https_addresses_pass(text: str):
    assert values.https_url(text) == text


@pytest.mark.parametrize(("text", "reason"), [
    ("http://www.example.org/", "not an https"),
    ("javascript:alert(1)", "not an https"),
    ("data:text/html;base64,PHNjcmlwdD4=", "not an https"),
    ("JAVASCRIPT://www.example.org/%0aalert(1)", "not an https"),
    ("https://user:secret@example.org/", "credentials"),
    ("https://example.org:8443/", "port"),
    ("https://localhost/", "real host"),
    ("https://192.168.0.1/", "real host"),
    ("https://exa mple.org/", "real host"),
    ("https://example.org/a b", "real host"),
    ("https://" + "a" * 300 + ".org/", "longer than 300"),
])
def test_web_addresses_are_refused(text: str, reason: str):
    with pytest.raises(Refused, match=reason):
        values.https_url(text)


@pytest.mark.parametrize(("text", "tel"), [
    ("847-391-5301", "+18473915301"),
    ("618-624-4500 ext. 8730", "+16186244500"),
    ("630-654-8181 ext. 1000", "+16306548181"),
    ("(309) 555-0199", "+13095550199"),
    ("309.555.0142", "+13095550142"),
    ("+1 217 555 0100", "+12175550100"),
    ("217-555-0100 x12", "+12175550100"),
])
def test_north_american_phones_keep_their_text_and_get_an_e164_tel(text: str, tel: str):
    assert values.phone(text) == (text, tel)


@pytest.mark.parametrize("text", ["555-CALL-NOW", "123-456-7890", "217-055-0100", "+44 20 7946 0958",
                                  "217-555-010", "217-555-0100; rm -rf", "<217-555-0100>"])
def test_other_phones_are_refused(text: str):
    with pytest.raises(Refused):
        values.phone(text)


def test_dates_are_iso_and_real():
    assert values.iso_date("2027-05-16") == "2027-05-16"
    assert values.iso_date(dt.date(2026, 12, 1)) == "2026-12-01"  # TOML hands over a date
    for bad in ("2025-02-30", "05/16/2027", "2027-5-16", "", dt.datetime(2026, 12, 1, 10, 0)):
        with pytest.raises(Refused, match="not a date"):
            values.iso_date(bad)
