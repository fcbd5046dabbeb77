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
from .i18n import N_, N_plural, gettext_for, has_catalogue, ngettext_for
from .model import Article, Community, FieldError, LetterInput, Recipient, Sender
from .phone import parse_phone
from .config import GENDERS, SOURCE_LANGUAGE
from .states import state_code
from .text import clean_block, clean_line

if TYPE_CHECKING:
    from .campaign import Campaign

MAX_RECIPIENTS = 10
MAX_ARTICLES = 10

# Every message is an English msgid, translated where it is given (_Collector.add)
# into the letter's language by its catalogue (letter_py.i18n).


class Field(NamedTuple):
    """How one input field is checked and how its errors read.

    ``noun`` names the field in messages; ``required`` is the message when it
    is empty (``None``: optional); ``invalid`` the message when a ``kind``
    other than free text does not match. All three are msgids.
    """

    key: str
    limit: int
    noun: str
    required: str | None = None
    kind: str = "line"  # line, block, email, url, zip, state, phone, tel, date
    invalid: str | None = None
    needed_for: str = ""  # "letter": only the printed letter needs it (FieldError.needed_for)


SENDER_FIELDS = (
    Field(key="name", limit=100, noun=N_("Your name"), required=N_("Enter your name")),
    Field(key="street", limit=200, noun=N_("Your street address"), required=N_("Enter your street address"),
          needed_for="letter"),
    Field(key="city", limit=100, noun=N_("Your town or city"), required=N_("Enter your town or city")),
    Field(key="state", limit=50, noun=N_("Your state"), required=N_("Enter your state"), kind="state",
          invalid=N_("Enter your state as a US state name or its two-letter code, like IL or Illinois")),
    Field(key="zip", limit=10, noun=N_("Your ZIP code"), required=N_("Enter your ZIP code"), kind="zip",
          invalid=N_("Enter your ZIP code in the correct format, like 62701 or 62701-1234"), needed_for="letter"),
    Field(key="email", limit=254, noun=N_("Your email address"), kind="email",
          invalid=N_("Enter an email address in the correct format, like name@example.com")),
    Field(key="phone", limit=30, noun=N_("Your phone number"), kind="phone",
          invalid=N_("Enter your phone number in the correct format, like 217 555 0100")),
)
RECIPIENT_FIELDS = (
    Field(key="name", limit=100, noun=N_("The name of the person you are writing to"),
          required=N_("Enter the name of the person you are writing to")),
    # The surname the greeting uses, where the typed name would mislead (letter_py.names).
    Field(key="family_name", limit=100, noun=N_("The surname of the person you are writing to")),
    Field(key="title", limit=100, noun=N_("The title of the person you are writing to"),
          required=N_("Enter the title of the person you are writing to, like Alderperson")),
    Field(key="email", limit=254, noun=N_("The recipient's email address"), kind="email",
          invalid=N_("Enter the recipient's email address in the correct format, like name@example.com")),
    Field(key="address", limit=500, noun=N_("The recipient's postal address"), kind="block"),
    # The office they work in; given it, the name may be left out ("Dear Chief of Police,").
    Field(key="organization", limit=150, noun=N_("The office or department you are writing to")),
    # Dialled from a tel: link, so stricter than the sender's own phone (letter_py.phone).
    Field(key="phone", limit=40, noun=N_("The recipient's phone number"), kind="tel",
          invalid=N_("Enter the recipient's phone number with its area code, like 847-391-5301 "
                     "or 618-624-4500 ext. 8730")),
)
COMMUNITY_FIELDS = (
    Field(key="city", limit=100, noun=N_("Your community's town or city")),
    Field(key="state", limit=50, noun=N_("Your community's state"), kind="state",
          invalid=N_("Enter your community's state as a US state name or its two-letter code, like IL or Illinois")),
)
ARTICLE_FIELDS = (
    Field(key="title", limit=300, noun=N_("The article's title"), required=N_("Enter the title of the news article")),
    Field(key="outlet", limit=100, noun=N_("The name of the news outlet")),
    Field(key="date", limit=40, noun=N_("The article's date")),
    Field(key="url", limit=500, noun=N_("The article's link"), required=N_("Enter the link to the news article"),
          kind="url", invalid=N_("Enter the article's link in the correct format, like https://www.example.com/news/story")),
)
PERSONAL = Field(key="personal", limit=2000, noun=N_("Your personal paragraph"), kind="block")
# A subject of the visitor's own, so that letters from one town do not all
# arrive word for word the same; absent or empty, the campaign's is used.
SUBJECT = Field(key="subject", limit=150, noun=N_("The subject line"))
DATE = Field(key="date", limit=10, noun=N_("The date of the letter"), kind="date",
             invalid=N_("Enter the date of the letter as year-month-day, like 2026-11-29"))


class ListMessages(NamedTuple):
    """What a list field's errors say: not a list, too many items, an item not an object (msgids)."""

    wrong_type: str
    too_many: tuple[str, str]  # singular and plural: the number decides (ngettext)
    item_wrong_type: str


RECIPIENT_LIST = ListMessages(
    wrong_type=N_("The people you are writing to must be a list (a JSON array)"),
    too_many=N_plural("Enter no more than {limit} person you are writing to",
                      "Enter no more than {limit} people you are writing to"),
    item_wrong_type=N_("Each of the people you are writing to must be a set of named fields (a JSON object)"),
)
ARTICLE_LIST = ListMessages(
    wrong_type=N_("The news articles must be a list (a JSON array)"),
    too_many=N_plural("Enter no more than {limit} news article", "Enter no more than {limit} news articles"),
    item_wrong_type=N_("Each of the news articles must be a set of named fields (a JSON object)"),
)
SENDER_NOT_OBJECT = N_("Your details must be a set of named fields (a JSON object)")
COMMUNITY_NOT_OBJECT = N_("Your community must be a set of named fields (a JSON object)")
LANG_LIMIT = 35  # the longest BCP 47 tag worth reading
_ENGLISH = gettext_for(SOURCE_LANGUAGE)  # messages before the letter's language is known
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
    limits["subject"] = SUBJECT.limit
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
        self._ = _ENGLISH
        self.n_ = ngettext_for(SOURCE_LANGUAGE)

    def speak(self, lang: str) -> None:
        """Give the messages from now on in ``lang``."""
        self._ = gettext_for(lang)
        self.n_ = ngettext_for(lang)

    def add(self, path: str, code: str, message: str | tuple[str, str], noun: str | None = None,
            count: int | None = None, **values: object) -> None:
        """Note an error; ``message`` is a msgid, ``noun`` (a msgid too) and ``values`` fill its placeholders.

        A message with a number is a singular and plural pair (:func:`~letter_py.i18n.N_plural`),
        whose form ``count`` chooses in the language's own way.
        """
        text = self._(message) if isinstance(message, str) else self.n_(*message, count or 0)
        if noun is not None:
            values["noun"] = self._(noun)
        if values:
            text = text.format(**values)
        self.errors.append(FieldError(path, code, text))

    def text(self, data: dict[str, object], spec: Field, path: str, required: bool | None = None) -> str:
        """Read, clean, limit and check one text field; ``""`` when missing or invalid.

        Its errors say what needs the field where only the printed letter does.
        """
        before = len(self.errors)
        value = self._text(data, spec, path, required)
        if spec.needed_for:
            self.errors[before:] = [error._replace(needed_for=spec.needed_for) for error in self.errors[before:]]
        return value

    def _text(self, data: dict[str, object], spec: Field, path: str, required: bool | None) -> str:
        raw = data.get(spec.key)
        needed = spec.required is not None if required is None else required
        if raw is None:
            raw = ""
        if not isinstance(raw, str):
            self.add(path, "wrong_type", N_("{noun} must be text"), noun=spec.noun)
            return ""
        value = clean_block(raw) if spec.kind == "block" else clean_line(raw)
        if not value:
            if needed and spec.required:
                self.add(path, "required", spec.required)
            elif needed:
                self.add(path, "required", N_("{noun} is needed"), noun=spec.noun)
            return ""
        if len(value) > spec.limit:
            # Translators: {limit:,} writes 2000 as 2,000; a language that writes it otherwise drops the ",".
            self.add(path, "too_long", N_plural("{noun} must be {limit:,} character or fewer",
                                                "{noun} must be {limit:,} characters or fewer"),
                     noun=spec.noun, count=spec.limit, limit=spec.limit)
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
        elif kind == "tel":
            ok = parse_phone(value) is not None
        elif kind == "date":
            ok = parse_iso_date(value) is not None
        elif kind == "state":
            code = state_code(value)
            if code is not None:
                return code
            ok = False
        if ok:
            return value
        code = "invalid_phone" if kind == "tel" else f"invalid_{kind}"
        if spec.invalid:
            self.add(path, code, spec.invalid)
        else:
            self.add(path, code, N_("{noun} is not valid"), noun=spec.noun)
        return ""

    def mapping(self, data: dict[str, object], key: str, path: str, message: str) -> dict[str, object]:
        """An object field's value (``{}`` when absent); ``message`` when it is not an object."""
        value = data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add(path, "wrong_type", message)
            return {}
        return value

    def items(self, data: dict[str, object], key: str, limit: int,
              messages: ListMessages) -> list[tuple[str, dict[str, object]]] | None:
        """The objects of a list field with their paths; ``None`` when absent."""
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            self.add(key, "wrong_type", messages.wrong_type)
            return []
        if len(value) > limit:
            self.add(key, "too_many", messages.too_many, count=limit, limit=limit)
            value = value[:limit]
        found = []
        for index, item in enumerate(value):
            path = f"{key}.{index}"
            if isinstance(item, dict):
                found.append((path, item))
            else:
                self.add(path, "wrong_type", messages.item_wrong_type)
        return found


def _read_lang(c: _Collector, data: dict[str, object], campaign: Campaign) -> str:
    """The letter's language; a bad one is an error and gives the campaign's first (English)."""
    raw = data.get("lang")
    if raw is None or raw == "":
        return SOURCE_LANGUAGE
    if not isinstance(raw, str):
        c.add("lang", "wrong_type", N_('The letter\'s language must be text, a language code like "en" or "es"'))
        return SOURCE_LANGUAGE
    code = campaign.lang_code(clean_line(raw)[:LANG_LIMIT])
    if code is None:
        choices = ", ".join(f'"{lang}" ({campaign.language(lang).name})' for lang in campaign.languages)
        c.add("lang", "invalid_lang", N_("Choose the letter's language from those this campaign has: {choices}"),
              choices=choices)
        return SOURCE_LANGUAGE
    return code


def _read_messages_lang(c: _Collector, data: dict[str, object]) -> str | None:
    """The language of the messages, apart from the letter's: the page's, on a page in another language.

    ``None`` when absent (the messages follow the letter), or when it is bad:
    then an error, in the letter's language like the rest.
    """
    raw = data.get("messages_lang")
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str):
        c.add("messages_lang", "wrong_type",
              N_('The language of the messages must be text, a language code like "en" or "es"'))
        return None
    code = clean_line(raw)[:LANG_LIMIT].replace("_", "-").split("-", 1)[0].lower()
    if not (code.isascii() and code.isalpha() and has_catalogue(code)):
        c.add("messages_lang", "invalid_lang",
              N_('Enter the language of the messages as a language letter_py has messages in, like "en" or "es"'))
        return None
    return code


def _read_role(c: _Collector, data: dict[str, object], path: str, campaign: Campaign, lang: str) -> str:
    raw = data.get("role")
    if raw is None or raw == "":
        c.add(path, "required", N_("Choose who you are writing to"))
        return ""
    if not isinstance(raw, str):
        c.add(path, "wrong_type", N_("The role of the person you are writing to must be text"))
        return ""
    role = campaign.role_id(clean_line(raw)[:ROLE_LIMIT])
    if role is None:
        choices = ", ".join(role.words(lang).label for role in campaign.roles)
        c.add(path, "invalid_role", N_("Choose who you are writing to from the list: {choices}"), choices=choices)
        return ""
    return role


def _read_gender(c: _Collector, data: dict[str, object], path: str) -> str:
    """How to greet the recipient: ``"f"``, ``"m"`` or ``""`` (neutral); a bad value is an error and ``""``."""
    raw = data.get("gender")
    if raw is None or raw == "":
        return ""
    if not isinstance(raw, str):
        c.add(path, "wrong_type", N_('The greeting of the person you are writing to must be text: "f", "m" or empty'))
        return ""
    value = clean_line(raw).lower()
    if value not in GENDERS:
        c.add(path, "invalid_gender", N_('Choose how to greet the person you are writing to: "f" (a woman), '
                                         '"m" (a man), or leave it empty if you prefer not to say'))
        return ""
    return value


def _read_recipient(c: _Collector, path: str, data: dict[str, object], campaign: Campaign, lang: str) -> Recipient:
    role = _read_role(c, data, f"{path}.role", campaign, lang)
    gender = "" if data.get("gender") in (None, "") else _read_gender(c, data, f"{path}.gender")
    # A letter to an office needs no name: whoever holds the role there reads it.
    office = isinstance(data.get("organization"), str) and bool(clean_line(str(data["organization"])))
    values = {spec.key: c.text(data, spec, f"{path}.{spec.key}", required=False if office and spec.key == "name" else None)
              for spec in RECIPIENT_FIELDS if spec.key != "title"}
    title = ""
    if role and campaign.roles_by_id[role].free_title:
        title = c.text(data, _RECIPIENT_TITLE, f"{path}.title")
    return Recipient(role=role, title=title, gender=gender, **values)


_LINE_BREAK = re.compile("[\r\n\u2028\u2029\x85\x0b\x0c]")


def _read_subject(c: _Collector, data: dict[str, object]) -> str:
    """The visitor's subject line: one line (a line break is an error, and becomes a space)."""
    raw = data.get("subject")
    if not (isinstance(raw, str) and _LINE_BREAK.search(raw.strip())):
        return c.text(data, SUBJECT, "subject")
    before = len(c.errors)
    value = c.text(data, SUBJECT, "subject")
    del c.errors[before:]  # one error for the field (GOV.UK): the line break first
    c.add("subject", "multiple_lines", N_("Write the subject line on one line, without line breaks"))
    return value


def _is_blank(item: dict[str, object]) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in item.values())


def parse_input(data: object, campaign: Campaign) -> tuple[LetterInput, list[FieldError]]:
    """Validate decoded JSON; always returns a usable input (see module docstring)."""
    c = _Collector()
    if not isinstance(data, dict):
        return LetterInput(), []
    lang = SOURCE_LANGUAGE if data.get("lang") in (None, "") else _read_lang(c, data, campaign)
    if lang != SOURCE_LANGUAGE:
        c.speak(lang)
    messages_lang = _read_messages_lang(c, data) or lang
    if messages_lang != lang:
        c.speak(messages_lang)
    # A role's label in a message is worded in the messages' language when the campaign has it.
    label_lang = messages_lang if campaign.lang_code(messages_lang) else lang

    recipients: list[Recipient] = []
    found = c.items(data, "recipients", MAX_RECIPIENTS, RECIPIENT_LIST)
    for path, item in found or ():
        recipients.append(_read_recipient(c, path, item, campaign, label_lang))
    if not found and not any(e.field.startswith("recipients") for e in c.errors):
        c.add("recipients", "required", N_("Add at least one person to write to"))

    sender_data = c.mapping(data, "sender", "sender", SENDER_NOT_OBJECT)
    sender = Sender(**{spec.key: c.text(sender_data, spec, f"sender.{spec.key}") for spec in SENDER_FIELDS})

    community_data = c.mapping(data, "community", "community", COMMUNITY_NOT_OBJECT)
    community = Community(**{spec.key: c.text(community_data, spec, f"community.{spec.key}") for spec in COMMUNITY_FIELDS})

    articles: list[Article] | None = None
    found_articles = c.items(data, "articles", MAX_ARTICLES, ARTICLE_LIST)
    if found_articles is not None:
        articles = [
            Article(**{spec.key: c.text(item, spec, f"{path}.{spec.key}") for spec in ARTICLE_FIELDS})
            for path, item in found_articles
            if not _is_blank(item)
        ]

    personal = c.text(data, PERSONAL, "personal")
    subject = _read_subject(c, data)
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
            lang=lang,
            subject=subject,
        ),
        c.errors,
    )
