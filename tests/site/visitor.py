"""One visitor's details, typed into the letter page by several test files,
and the letters CPython's letter_py makes of them, to compare with the page's."""

from __future__ import annotations

import json
from datetime import date

import letter_py
from letter_py.web import Engine
from tests.paths import ROOT
from tests.site.letter_page import LetterPage

# The visitor lives in Fox Lake Hills, an unincorporated place (a Census-designated
# place, no town government), so the officials directory has nothing to fill in
# for it: these tests are about the letter, not the directory (test_town_lookup.py).
VISITOR = {
    "recipient": "Maria Lopez",
    "recipient_email": "mayor@example.gov",
    "name": "Sam Rivera",
    "street": "12 Elm Street",
    "city": "Fox Lake Hills",
    "state": "IL",
    "zip": "60020",
    "email": "sam@example.org",
    "personal": "I walk my children past Harlem Avenue every morning.",
}


def fill_visitor(letter: LetterPage, v: dict = VISITOR, *, role: str = "Mayor") -> None:
    """Type the visitor's details; ``role`` is the mayor's label in the page's language."""
    letter.fill_recipient(role=role, name=v["recipient"], email=v["recipient_email"])
    letter.fill_sender(name=v["name"], street=v["street"], city=v["city"], state=v["state"],
                       zip=v["zip"], email=v["email"])
    letter.fill_community(city=v["city"], state=v["state"])
    letter.fill_personal(v["personal"])


def expected_input(v: dict = VISITOR, *, lang: str = "en", gender: str = "") -> dict:
    """What letter_py gets from the form above, as CPython would be called: the
    letter's language and the recipient's greeting as the form's radios give them."""
    return {
        "lang": lang,
        "recipients": [{"role": "mayor", "name": v["recipient"], "title": "", "gender": gender,
                        "email": v["recipient_email"], "address": ""}],
        "sender": {"name": v["name"], "street": v["street"], "city": v["city"], "state": v["state"],
                   "zip": v["zip"], "email": v["email"], "phone": ""},
        "community": {"city": v["city"], "state": v["state"]},
        "personal": v["personal"],
        "date": date.today().isoformat(),
    }


def cpython_letters(data: dict) -> list[dict]:
    return json.loads(letter_py.render_json(json.dumps(data)))["letters"]


def role_label(lang: str, role: str = "mayor") -> str:
    """A role's label in the form, as letter_py describes the campaign in ``lang``."""
    files = json.dumps(letter_py.campaign_files(ROOT / "letter_py" / "campaigns" / "default"))
    roles = json.loads(Engine(files).describe(lang))["roles"]
    return next(r["label"] for r in roles if r["id"] == role)
