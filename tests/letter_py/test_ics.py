"""The follow-up reminder (RFC 5545), read back by a real iCalendar parser."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.hostile import HOSTILE_STRINGS
from letter_py.ics import LINE_OCTETS, escape_text, fold, reminder_ics
from tests.letter_py.letter_helpers import TODAY, render


def parse(text: str) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(text)
    (event,) = calendar.walk("VEVENT")
    return event


def test_reminder_for_the_example(example: dict) -> None:
    letter = render(example)["letters"][0]
    reminder = letter["reminder"]
    event = parse(reminder["ics"])
    day = dt.date.fromisoformat(example["date"]) + dt.timedelta(days=14)
    assert reminder["date"] == day.isoformat()
    assert event.decoded("DTSTART") == day
    assert event.decoded("DTEND") == day + dt.timedelta(days=1)
    assert str(event["SUMMARY"]) == "Follow up on your letter to Mayor Lopez"
    description = str(event["DESCRIPTION"])
    assert letter["subject"] in description
    assert "mayor@springfield.example.gov" in description
    assert reminder["filename"] == "follow-up-to-mayor-maria-lopez.ics"
    assert event.decoded("DTSTAMP") == dt.datetime(2026, 11, 29, tzinfo=dt.timezone.utc)
    assert str(event["UID"]).endswith("@letter-py")
    (alarm,) = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"


def test_reminder_holds_nothing_of_the_sender_or_the_letter(example: dict) -> None:
    letter = render(example)["letters"][0]
    text = letter["reminder"]["ics"]
    unfolded = str(parse(text)["DESCRIPTION"]) + str(parse(text)["SUMMARY"])
    sender = example["sender"]
    for value in (sender["name"], sender["street"], sender["email"], sender["phone"], example["personal"]):
        assert value not in unfolded
    body_sentence = letter["email_text"].split("\n\n")[1][:60]
    assert body_sentence not in unfolded


def test_crlf_and_folding(example: dict) -> None:
    text = render(example)["letters"][0]["reminder"]["ics"]
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n")[:-1]:
        assert len(line.encode("utf-8")) <= LINE_OCTETS


def test_without_a_date_uses_today() -> None:
    letter = render({"recipients": [{"role": "police_chief", "name": "Ken Brown"}]})["letters"][0]
    assert letter["reminder"]["date"] == (TODAY + dt.timedelta(days=14)).isoformat()
    assert str(parse(letter["reminder"]["ics"])["SUMMARY"]) == "Follow up on your letter to Chief Brown"


def test_the_latest_date_still_gives_a_day() -> None:
    letter = render({"date": "9999-12-31"})["letters"][0]
    assert parse(letter["reminder"]["ics"]).decoded("DTSTART") <= dt.date.max


def test_same_letter_same_bytes_and_uid(example: dict) -> None:
    first = render(example)["letters"][0]["reminder"]["ics"]
    assert render(example)["letters"][0]["reminder"]["ics"] == first
    other = dict(example, recipients=[dict(example["recipients"][0], name="Ana Ruiz")])
    assert str(parse(render(other)["letters"][0]["reminder"]["ics"])["UID"]) != str(parse(first)["UID"])


def test_escaping_rules() -> None:
    assert escape_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"
    assert escape_text("bell\x07\r\nnext") == "bell\\nnext"


@pytest.mark.parametrize("text", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_text_stays_in_its_property(text: str) -> None:
    raw = reminder_ics(uid="u@letter-py", stamp=TODAY, day=TODAY, summary=text[:500], description=text)
    event = parse(raw)
    assert set(event.keys()) == {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "TRANSP"}
    clean = text.replace("\r\n", "\n").replace("\r", "\n")
    clean = "".join(c for c in clean if c == "\n" or c == "\t" or not (ord(c) < 32 or ord(c) == 127))
    assert str(event["DESCRIPTION"]) == clean
    assert str(event["SUMMARY"]) == clean[:len(str(event["SUMMARY"]))]


@pytest.mark.parametrize("text", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_fields_through_the_engine(text: str) -> None:
    answer = render({"recipients": [{"role": "mayor", "name": text, "email": "mayor@example.gov",
                                     "address": text}], "community": {"city": text}})
    for letter in answer["letters"]:
        event = parse(letter["reminder"]["ics"])
        assert len(event.walk("VEVENT")) == 1 and len(event.walk("VALARM")) == 1
        assert letter["subject"] in str(event["DESCRIPTION"])


@given(st.text(max_size=300))
def test_fold_never_splits_a_character(text: str) -> None:
    text = text.encode("utf-8", "replace").decode("utf-8")
    line = "DESCRIPTION:" + escape_text(text)
    folded = fold(line)
    assert folded.endswith("\r\n")
    physical = folded[:-2].split("\r\n")
    assert all(len(p.encode("utf-8")) <= LINE_OCTETS for p in physical)
    assert physical[0] + "".join(p[1:] for p in physical[1:]) == line
