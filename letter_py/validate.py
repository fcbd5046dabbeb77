"""From untrusted JSON-like data to a :class:`LetterInput` plus field errors.

Validation never raises and never drops the letter: a bad value becomes an
error *and* an empty value (rendered as a placeholder), a too-long one is cut
to its limit, so the visitor always sees their letter while they fix it.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from .dates import parse_iso_date
from .model import Article, Community, FieldError, LetterInput, Recipient, Sender
from .states import state_code
from .text import clean_block, clean_line, thousands

if TYPE_CHECKING:
    from .campaign import Campaign

MAX_RECIPIENTS = 10
MAX_ARTICLES = 10

EMAIL_EXAMPLE = "like name@example.com"


class Field(NamedTuple):
    """How one input field is checked and how its errors read.

    ``noun`` names the field in messages; ``required`` is the message when it
    is empty (``None``: optional); ``invalid`` the message when a ``kind``
    other than free text does not match.
    """

    key: str
    limit: int
    noun: str
    required: str | None = None
    kind: str = "line"  # line, block, email, url, zip, state, phone, date
    invalid: str | None = None


SENDER_FIELDS = (
    Field(key="name", limit=100, noun="Your name", required="Enter your name"),
    Field(key="street", limit=200, noun="Your street address", required="Enter your street address"),
    Field(key="city", limit=100, noun="Your town or city", required="Enter your town or city"),
    Field(key="state", limit=50, noun="Your state", required="Enter your state", kind="state",
          invalid="Enter your state as a US state name or its two-letter code, like IL or Illinois"),
    Field(key="zip", limit=10, noun="Your ZIP code", required="Enter your ZIP code", kind="zip",
          invalid="Enter your ZIP code in the correct format, like 62701 or 62701-1234"),
    Field(key="email", limit=254, noun="Your email address", kind="email",
          invalid=f"Enter an email address in the correct format, {EMAIL_EXAMPLE}"),
    Field(key="phone", limit=30, noun="Your phone number", kind="phone",
          invalid="Enter your phone number in the correct format, like 217 555 0100"),
)
RECIPIENT_FIELDS = (
    Field(key="name", limit=100, noun="The name of the person you are writing to",
          required="Enter the name of the person you are writing to"),
    Field(key="title", limit=100, noun="The title of the person you are writing to",
          required="Enter the title of the person you are writing to, like Alderperson"),
    Field(key="email", limit=254, noun="The recipient's email address", kind="email",
          invalid=f"Enter the recipient's email address in the correct format, {EMAIL_EXAMPLE}"),
    Field(key="address", limit=500, noun="The recipient's postal address", kind="block"),
)
COMMUNITY_FIELDS = (
    Field(key="city", limit=100, noun="Your community's town or city"),
    Field(key="state", limit=50, noun="Your community's state", kind="state",
          invalid="Enter your community's state as a US state name or its two-letter code, like IL or Illinois"),
)
ARTICLE_FIELDS = (
    Field(key="title", limit=300, noun="The article's title", required="Enter the title of the news article"),
    Field(key="outlet", limit=100, noun="The name of the news outlet"),
    Field(key="date", limit=40, noun="The article's date"),
    Field(key="url", limit=500, noun="The article's link", required="Enter the link to the news article", kind="url",
          invalid="Enter the article's link in the correct format, like https://www.example.com/news/story"),
)
PERSONAL = Field(key="personal", limit=2000, noun="Your personal paragraph", kind="block")
DATE = Field(key="date", limit=10, noun="The date of the letter", kind="date",
             invalid="Enter the date of the letter as year-month-day, like 2026-11-29")
ROLE_LIMIT = 40
_RECIPIENT_TITLE = next(spec for spec in RECIPIENT_FIELDS if spec.key == "title")  # only for free-title roles
_FREE_TEXT = frozenset({"line", "block"})


def field_limits() -> dict[str, int]:
    """Every length limit by field path (``*`` stands for a list index)."""
    limits: dict[str, int] = {}
    for prefix, fields in (
        ("recipients.*.", RECIPIENT_FIELDS),
        ("sender.", SENDER_FIELDS),
        ("community.", COMMUNITY_FIELDS),
        ("articles.*.", ARTICLE_FIELDS),
    ):
        for spec in fields:
            limits[prefix + spec.key] = spec.limit
    limits["recipients.*.role"] = ROLE_LIMIT
    limits["personal"] = PERSONAL.limit
    limits["date"] = DATE.limit
    limits["recipients"] = MAX_RECIPIENTS
    limits["articles"] = MAX_ARTICLES
    return limits


# A pragmatic address check: what mail apps accept, and nothing that could
# break out of a mail header or a mailto: URL.
_EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)
_ZIP = re.compile(r"^\d{5}(?:-\d{4})?$")
_PHONE = re.compile(r"^\+?[0-9(][0-9().\- ]*[0-9](?: ?(?:x|ext\.?) ?[0-9]{1,6})?$", re.IGNORECASE)
_URL_BAD = re.compile(r"[\s<>\"{}|\\^`]")


def is_email(value: str) -> bool:
    return len(value) <= 254 and _EMAIL.match(value) is not None


def is_url(value: str) -> bool:
    """An absolute http(s) link with a dotted host name."""
    if _URL_BAD.search(value):
        return False
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and "." in host.strip(".") and "@" not in parts.netloc


def _is_phone(value: str) -> bool:
    return _PHONE.match(value) is not None and 7 <= sum(c.isdigit() for c in value) <= 20


class _Collector:
    """Collects errors while fields are read, so each reader stays small."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, path: str, code: str, message: str) -> None:
        self.errors.append(FieldError(path, code, message))

    def text(self, data: dict[str, object], spec: Field, path: str, required: bool | None = None) -> str:
        """Read, clean, limit and check one text field; ``""`` when missing or invalid."""
        raw = data.get(spec.key)
        needed = spec.required is not None if required is None else required
        if raw is None:
            raw = ""
        if not isinstance(raw, str):
            self.add(path, "wrong_type", f"{spec.noun} must be text")
            return ""
        value = clean_block(raw) if spec.kind == "block" else clean_line(raw)
        if not value:
            if needed:
                self.add(path, "required", spec.required or f"Enter {spec.noun.lower()}")
            return ""
        if len(value) > spec.limit:
            self.add(path, "too_long",
                     f"{spec.noun} must be {thousands(spec.limit)} characters or fewer")
            if spec.kind not in _FREE_TEXT:
                return ""
            value = value[: spec.limit].rstrip()
        if spec.kind in _FREE_TEXT:
            return value
        return self._check_kind(value, spec, path)

    def _check_kind(self, value: str, spec: Field, path: str) -> str:
        kind = spec.kind
        ok = True
        if kind == "email":
            ok = is_email(value)
        elif kind == "url":
            ok = is_url(value)
        elif kind == "zip":
            ok = _ZIP.match(value) is not None
        elif kind == "phone":
            ok = _is_phone(value)
        elif kind == "date":
            ok = parse_iso_date(value) is not None
        elif kind == "state":
            code = state_code(value)
            if code is not None:
                return code
            ok = False
        if ok:
            return value
        self.add(path, f"invalid_{kind}", spec.invalid or f"{spec.noun} is not valid")
        return ""

    def mapping(self, data: dict[str, object], key: str, path: str, noun: str) -> dict[str, object]:
        value = data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add(path, "wrong_type", f"{noun} must be a set of named fields (a JSON object)")
            return {}
        return value

    def items(self, data: dict[str, object], key: str, limit: int, noun: str) -> list[tuple[str, dict[str, object]]] | None:
        """The objects of a list field with their paths; ``None`` when absent."""
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            self.add(key, "wrong_type", f"The {noun} must be a list (a JSON array)")
            return []
        if len(value) > limit:
            self.add(key, "too_many", f"Enter no more than {limit} {noun}")
            value = value[:limit]
        found = []
        for index, item in enumerate(value):
            path = f"{key}.{index}"
            if isinstance(item, dict):
                found.append((path, item))
            else:
                self.add(path, "wrong_type", f"Each of the {noun} must be a set of named fields (a JSON object)")
        return found


def _read_role(c: _Collector, data: dict[str, object], path: str, campaign: Campaign) -> str:
    raw = data.get("role")
    if raw is None or raw == "":
        c.add(path, "required", "Choose who you are writing to")
        return ""
    if not isinstance(raw, str):
        c.add(path, "wrong_type", "The role of the person you are writing to must be text")
        return ""
    role = campaign.role_id(clean_line(raw)[:ROLE_LIMIT])
    if role is None:
        choices = ", ".join(role.label for role in campaign.roles)
        c.add(path, "invalid_role", f"Choose who you are writing to from the list: {choices}")
        return ""
    return role


def _read_recipient(c: _Collector, path: str, data: dict[str, object], campaign: Campaign) -> Recipient:
    role = _read_role(c, data, f"{path}.role", campaign)
    values = {spec.key: c.text(data, spec, f"{path}.{spec.key}") for spec in RECIPIENT_FIELDS if spec.key != "title"}
    title = ""
    if role and campaign.roles_by_id[role].free_title:
        title = c.text(data, _RECIPIENT_TITLE, f"{path}.title")
    return Recipient(role=role, title=title, **values)


def _is_blank(item: dict[str, object]) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in item.values())


def parse_input(data: object, campaign: Campaign) -> tuple[LetterInput, list[FieldError]]:
    """Validate decoded JSON; always returns a usable input (see module docstring)."""
    c = _Collector()
    if not isinstance(data, dict):
        return LetterInput(), []

    recipients: list[Recipient] = []
    found = c.items(data, "recipients", MAX_RECIPIENTS, "people you are writing to")
    for path, item in found or ():
        recipients.append(_read_recipient(c, path, item, campaign))
    if not found and not any(e.field.startswith("recipients") for e in c.errors):
        c.add("recipients", "required", "Add at least one person to write to")

    sender_data = c.mapping(data, "sender", "sender", "Your details")
    sender = Sender(**{spec.key: c.text(sender_data, spec, f"sender.{spec.key}") for spec in SENDER_FIELDS})

    community_data = c.mapping(data, "community", "community", "Your community")
    community = Community(**{spec.key: c.text(community_data, spec, f"community.{spec.key}") for spec in COMMUNITY_FIELDS})

    articles: list[Article] | None = None
    found_articles = c.items(data, "articles", MAX_ARTICLES, "news articles")
    if found_articles is not None:
        articles = [
            Article(**{spec.key: c.text(item, spec, f"{path}.{spec.key}") for spec in ARTICLE_FIELDS})
            for path, item in found_articles
            if not _is_blank(item)
        ]

    personal = c.text(data, PERSONAL, "personal")
    date_text = c.text(data, DATE, "date")
    letter_date: _dt.date | None = parse_iso_date(date_text) if date_text else None
    # Absent means today; an empty string or a bad date leaves a placeholder.
    date_blank = data.get("date") is not None and letter_date is None

    return (
        LetterInput(
            recipients=tuple(recipients),
            sender=sender,
            community=community,
            articles=None if articles is None else tuple(articles),
            personal=personal,
            date=letter_date,
            date_blank=date_blank,
        ),
        c.errors,
    )
