"""Campaign links for the tests: a sample town, realistic towns of any size, crafted links.

Shared by the letter_py tests (tests/letter_py/test_campaign_link*.py,
test_qr.py) and the page tests (tests/site/test_campaign_link_page.py).
"""

from __future__ import annotations

import base64
import json
import zlib

import letter_py
from letter_py import campaign_link as cl

CAMPAIGN = letter_py.default_campaign()

SPRINGFIELD = {
    "organizer": "Springfield Neighbours",
    "defaults": {"city": "Springfield", "state": "Illinois"},
    "officials": [
        {"name": "Maria Lopez", "role": "mayor", "email": "mayor@springfield.example.gov",
         "address": "300 S. Seventh Street\nSpringfield, IL 62701"},
        {"name": "Ken Brown", "role": "police_chief", "email": "chief@springfield.example.gov"},
    ],
    "articles": [{"title": "Police arrest 12 in sting targeting sex buyers", "outlet": "Springfield Gazette",
                  "date": "2026-03-14", "url": "https://news.example.com/2026/03/14/sting"}],
}


def fragment_of(data: dict) -> str:
    """The checked campaign's fragment (no ``#``)."""
    local, errors = cl.read_campaign(data, CAMPAIGN)
    assert errors == [], errors
    return cl.encode(local)


def pack(payload: object) -> str:
    """A fragment with any payload, as a crafted link would carry it (unchecked)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = json.dumps(payload).encode()
    return cl.PREFIX + base64.urlsafe_b64encode(packer.compress(raw) + packer.flush()).decode().rstrip("=")


def link_for(officials: int) -> str:
    """A realistic town of ``officials`` officials, each with an article (at most five)."""
    roles = ["mayor", "police_chief", "states_attorney", "sheriff", "village_president"]
    local, errors = cl.read_campaign({
        "organizer": "Springfield Neighbours Against Trafficking",
        "defaults": {"city": "Springfield", "state": "IL"},
        "officials": [{"name": f"Alexandra Official-{i}", "role": roles[i % 5],
                       "email": f"office{i}@springfield.example.gov",
                       "address": f"{300 + i} S. Seventh Street, Room {i}\nSpringfield, IL 6270{i % 10}"}
                      for i in range(officials)],
        "articles": [{"title": f"Police arrest {i + 12} in sting targeting sex buyers, story {i}",
                      "outlet": "The State Journal-Register", "date": f"2026-03-{i + 10}",
                      "url": f"https://www.sj-r.com/story/news/local/2026/03/{i + 10}/sting-arrests/{7000000 + i}/"}
                     for i in range(min(officials, cl.MAX_ARTICLES))],
    }, CAMPAIGN)
    assert errors == []
    link, errors = cl.make_link("https://enddemand.example.org/write/", local)
    assert errors == []
    return link
