"""One visitor's details, typed into the letter page by several test files,
and the letters CPython's letter_py makes of them, to compare with the page's."""

from __future__ import annotations

import json
from datetime import date

import letter_py
from tests.site.letter_page import LetterPage

VISITOR = {
    "recipient": "Maria Lopez",
    "recipient_email": "mayor@example.gov",
    "name": "Sam Rivera",
    "street": "12 Elm Street",
    "city": "Oak Park",
    "state": "IL",
    "zip": "60302",
    "email": "sam@example.org",
    "personal": "I walk my children past Harlem Avenue every morning.",
}


def fill_visitor(letter: LetterPage, v: dict = VISITOR) -> None:
    letter.fill_recipient(role="Mayor", name=v["recipient"], email=v["recipient_email"])
    letter.fill_sender(name=v["name"], street=v["street"], city=v["city"], state=v["state"],
                       zip=v["zip"], email=v["email"])
    letter.fill_community(city=v["city"], state=v["state"])
    letter.fill_personal(v["personal"])


def expected_input(v: dict = VISITOR) -> dict:
    """What letter_py gets from the form above, as CPython would be called."""
    return {
        "recipients": [{"role": "mayor", "name": v["recipient"], "title": "", "email": v["recipient_email"], "address": ""}],
        "sender": {"name": v["name"], "street": v["street"], "city": v["city"], "state": v["state"],
                   "zip": v["zip"], "email": v["email"], "phone": ""},
        "community": {"city": v["city"], "state": v["state"]},
        "personal": v["personal"],
        "date": date.today().isoformat(),
    }


def cpython_letters(data: dict) -> list[dict]:
    return json.loads(letter_py.render_json(json.dumps(data)))["letters"]
