"""Campaign links: a town's officials and local news, carried in a URL fragment.

An organizer without a toolchain describes their town (who to write to, which
local news to cite) and gets a link to the letter page; everyone who opens it
gets a letter already addressed. The fragment (``#c1.…``) never reaches any
server. A local campaign is data only, never template text, with the keys of
``campaign.toml``::

    organizer = "Springfield Neighbours"   # optional, shown to visitors
    [defaults]
    city = "Springfield"
    state = "IL"
    [[officials]]                          # name, role, title, email, address, family_name
    [[articles]]                           # title, outlet, date, url

The encoding is ``c1.`` + base64url (no padding) of raw-deflated JSON with
positional arrays instead of keys, versioned by its prefix so a later encoding
can sit beside it. A decoded link is checked exactly like a fresh input, so a
crafted link can do no more than a typed one. Nothing here raises on bad
input: every reader answers with a value and a list of
:class:`~letter_py.model.FieldError` naming the field and saying how to fix it.
"""

from __future__ import annotations

import base64
import binascii
import json
import textwrap
import zlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from .config import SOURCE_LANGUAGE, Official, read_toml
from .i18n import N_, N_plural, gettext_for, ngettext_for
from .model import Article, FieldError
from .states import STATES, state_name
from .text import clean_line
from .validate import ROLE_LIMIT, Field, ListMessages, _Collector

if TYPE_CHECKING:
    from .campaign import Campaign

PREFIX = "c1."
MAX_OFFICIALS = 10
MAX_ARTICLES = 5
# A link longer than this no longer scans reliably as a QR code on a phone
# (QR version 40 holds 2,331 bytes at error correction level M); a message
# app may cut it too.
MAX_LINK = 2000
# Refused before decompressing, and the most decompression may produce: a
# crafted link cannot make the page inflate a "zip bomb".
MAX_FRAGMENT = 4 * MAX_LINK
MAX_JSON = 64_000


# Every message is an English msgid (N_), worded in the language asked for
# (``lang``: the builder page's) by letter_py's catalogues, as validate's are.


ORGANIZER = Field(key="organizer", limit=100, noun=N_("The organizer's name"))
DEFAULT_FIELDS = (
    Field(key="city", limit=100, noun=N_("The town or city"), required=N_("Enter the town or city")),
    Field(key="state", limit=50, noun=N_("The state"), kind="state",
          invalid=N_("Enter the state as a US state name or its two-letter code, like IL or Illinois")),
)
OFFICIAL_FIELDS = (
    Field(key="name", limit=100, noun=N_("The official's name"), required=N_("Enter the official's name")),
    Field(key="title", limit=100, noun=N_("The official's title"),
          required=N_("Enter the official's title, like Alderperson")),
    Field(key="email", limit=254, noun=N_("The official's email address"), kind="email",
          invalid=N_("Enter the official's email address in the correct format, like name@example.com")),
    Field(key="address", limit=300, noun=N_("The official's postal address"), kind="block"),
    Field(key="family_name", limit=100, noun=N_("The official's surname")),
)
ARTICLE_FIELDS = (
    Field(key="title", limit=300, noun=N_("The article's title"), required=N_("Enter the title of the news article")),
    Field(key="outlet", limit=100, noun=N_("The name of the news outlet")),
    Field(key="date", limit=40, noun=N_("The article's date")),
    Field(key="url", limit=500, noun=N_("The article's link"), required=N_("Enter the link to the news article"),
          kind="url",
          invalid=N_("Enter the article's link in the correct format, starting with https://, "
                    "like https://www.example.com/news/story")),
)
# The keys a file may hold besides ours: the rest of a full campaign.toml.
# A link does not carry "prompts" (the sentence starters): a link's page
# offers the site's own, and a town with starters of its own forks the campaign.
CAMPAIGN_KEYS = frozenset({"name", "home_state", "mailto", "placeholders", "roles", "lang", "prompts"})
TOP_KEYS = frozenset({"organizer", "defaults", "officials", "articles"})
# The link's order: a key added later goes last, so links made before it still read.
OFFICIAL_KEYS = ("name", "role", "title", "email", "address", "family_name")
OFFICIALS = ListMessages(
    wrong_type=N_("The officials must be a list (a JSON array)"),
    too_many=N_plural("Enter no more than {limit} official", "Enter no more than {limit} officials"),
    item_wrong_type=N_("Each official must be a set of named fields (a JSON object)"),
)
ARTICLES = ListMessages(
    wrong_type=N_("The news articles must be a list (a JSON array)"),
    too_many=N_plural("Enter no more than {limit} news article", "Enter no more than {limit} news articles"),
    item_wrong_type=N_("Each of the news articles must be a set of named fields (a JSON object)"),
)
ARTICLE_KEYS = ("title", "outlet", "date", "url")


class LocalCampaign(NamedTuple):
    """One town's campaign, checked and cleaned; ``state`` is a USPS code."""

    organizer: str = ""
    city: str = ""
    state: str = ""
    officials: tuple[Official, ...] = ()
    articles: tuple[Article, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The TOML-shaped table (the input of :func:`read_campaign`)."""
        data: dict[str, object] = {}
        if self.organizer:
            data["organizer"] = self.organizer
        data["defaults"] = {"city": self.city, "state": self.state}
        data["officials"] = [{k: v for k, v in o._asdict().items() if v or k in ("name", "role")}
                             for o in self.officials]
        if self.articles:
            data["articles"] = [{k: v for k, v in a._asdict().items() if v or k in ("title", "url")}
                                for a in self.articles]
        return data


def _unknown(c: _Collector, data: Mapping[str, object], known: frozenset[str] | tuple[str, ...],
             path: str) -> None:
    for key in data:
        if key not in known:
            where = f"{path}.{key}" if path else str(key)
            c.add(where, "unknown_key", N_("Remove \"{key}\": the keys here are {keys}"),
                  key=key, keys=", ".join(sorted(k for k in known if path or k not in CAMPAIGN_KEYS)))


def _role(c: _Collector, data: Mapping[str, object], path: str, campaign: Campaign, lang: str) -> str:
    raw = data.get("role")
    choices = ", ".join(f"{role.id} ({role.words(lang).label})" for role in campaign.roles)
    if not isinstance(raw, str) or not raw.strip():
        c.add(path, "required", N_("Choose the official's role: {choices}"), choices=choices)
        return ""
    role = campaign.role_id(clean_line(raw)[:ROLE_LIMIT])
    if role is None:
        c.add(path, "invalid_role", N_("Choose the official's role from the list: {choices}"), choices=choices)
        return ""
    return role


def _official(c: _Collector, path: str, data: Mapping[str, object], campaign: Campaign, lang: str) -> Official:
    _unknown(c, data, OFFICIAL_KEYS, path)
    role = _role(c, data, f"{path}.role", campaign, lang)
    values = {spec.key: c.text(dict(data), spec, f"{path}.{spec.key}") for spec in OFFICIAL_FIELDS
              if spec.key != "title"}
    title = ""
    if role and campaign.roles_by_id[role].free_title:
        title = c.text(dict(data), OFFICIAL_FIELDS[1], f"{path}.title")
    return Official(role=role, title=title, **values)


def _article(c: _Collector, path: str, data: Mapping[str, object]) -> Article:
    _unknown(c, data, ARTICLE_KEYS, path)
    return Article(**{spec.key: c.text(dict(data), spec, f"{path}.{spec.key}") for spec in ARTICLE_FIELDS})


def _is_blank(item: Mapping[str, object], ignore: tuple[str, ...] = ()) -> bool:
    """A row left empty (the builder page's form sends its empty rows): skipped, not refused."""
    return all(isinstance(value, str) and not value.strip() for key, value in item.items() if key not in ignore)


def read_campaign(data: object, campaign: Campaign, lang: str = SOURCE_LANGUAGE) -> tuple[LocalCampaign, list[FieldError]]:
    """Check a TOML-shaped table against the site's ``campaign`` (its roles).

    Always returns a campaign: a bad value is left empty, a too-long text is
    cut, and each is reported by field path (``officials.0.email``), worded
    in ``lang``.
    """
    c = _Collector()
    if lang != SOURCE_LANGUAGE:
        c.speak(lang)
    if not isinstance(data, Mapping):
        c.add("", "not_object", N_("The campaign must be a table of settings, like organizer = \"…\""))
        return LocalCampaign(), c.errors
    data = dict(data)
    _unknown(c, data, TOP_KEYS | CAMPAIGN_KEYS, "")
    organizer = c.text(data, ORGANIZER, "organizer")
    defaults = c.mapping(data, "defaults", "defaults", N_("[defaults] must be a set of named fields (a JSON object)"))
    _unknown(c, defaults, ("city", "state"), "defaults")
    city, state = (c.text(defaults, spec, f"defaults.{spec.key}") for spec in DEFAULT_FIELDS)
    officials = tuple(_official(c, path, item, campaign, lang)
                      for path, item in c.items(data, "officials", MAX_OFFICIALS, OFFICIALS) or ()
                      if not _is_blank(item, ignore=("role",)))
    if not officials and not any(e.field.startswith("officials") for e in c.errors):
        c.add("officials", "required", N_("Add at least one official to write to"))
    articles = tuple(_article(c, path, item)
                     for path, item in c.items(data, "articles", MAX_ARTICLES, ARTICLES) or ()
                     if not _is_blank(item))
    return LocalCampaign(organizer, city, state, officials, articles), c.errors


def read_toml_campaign(text: str, campaign: Campaign, origin: str = "campaign",
                       lang: str = SOURCE_LANGUAGE) -> tuple[LocalCampaign, list[FieldError]]:
    """:func:`read_campaign` of a TOML file's text; a syntax error names the line."""
    from .config import CampaignError

    try:
        data = read_toml(text, origin)
    except CampaignError as exc:
        return LocalCampaign(), [FieldError("", "invalid_toml", str(exc))]
    return read_campaign(data, campaign, lang)


# ---- the link ---------------------------------------------------------------

def _trimmed(values: tuple[str, ...]) -> list[str]:
    """Positional values without their empty tail: ``["Ann", "mayor"]``."""
    items = list(values)
    while items and not items[-1]:
        items.pop()
    return items


def encode(local: LocalCampaign) -> str:
    """The fragment, without ``#``: ``c1.`` + base64url(raw deflate(JSON))."""
    payload = {
        "o": local.organizer, "c": local.city, "s": local.state,
        "f": [_trimmed(tuple(getattr(o, k) for k in OFFICIAL_KEYS)) for o in local.officials],
        "a": [_trimmed(tuple(getattr(a, k) for k in ARTICLE_KEYS)) for a in local.articles],
    }
    payload = {k: v for k, v in payload.items() if v}
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(raw) + packer.flush()
    return PREFIX + base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def fragment_of(link: str) -> str:
    """The part after ``#`` of a link (or the fragment itself), stripped."""
    link = link.strip() if isinstance(link, str) else ""
    return link.split("#", 1)[1] if "#" in link else link


def is_campaign_fragment(text: str) -> bool:
    """Whether a fragment (or link) is meant as a campaign link of any version."""
    fragment = fragment_of(text)
    return len(fragment) > 2 and fragment[0] == "c" and fragment[1:2].isdigit()


_DAMAGED = N_("This campaign link is damaged or incomplete. Ask the person who sent it for the link again, "
             "or copy the whole link, including the part after #")


def _error(lang: str, field: str, code: str, message: str | tuple[str, str], count: int = 0,
           **values: object) -> FieldError:
    """A whole-link error, its msgid worded in ``lang`` (a singular and plural pair: by ``count``)."""
    text = gettext_for(lang)(message) if isinstance(message, str) else ngettext_for(lang)(*message, count)
    return FieldError(field, code, text.format(**values) if values else text)


def _unpack(fragment: str, lang: str) -> tuple[object, list[FieldError]]:
    """The decoded JSON payload, or ``None`` and the reason."""
    if not fragment.startswith(PREFIX):
        if is_campaign_fragment(fragment):
            return None, [_error(lang, "", "unknown_version", N_(
                "This campaign link was made by a newer version of this site. Open it on the site that made it"))]
        return None, [_error(lang, "", "not_campaign", N_("This is not a campaign link: it should contain #c1."))]
    if len(fragment) > MAX_FRAGMENT:
        return None, [_error(lang, "", "too_long", N_plural(
            "This campaign link is too long to be read ({length:,} character, at most {limit:,})",
            "This campaign link is too long to be read ({length:,} characters, at most {limit:,})"),
            count=len(fragment), length=len(fragment), limit=MAX_FRAGMENT)]
    body = fragment[len(PREFIX):]
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        unpacker = zlib.decompressobj(-15)
        raw = unpacker.decompress(packed, MAX_JSON)
        if unpacker.unconsumed_tail or not unpacker.eof:
            return None, [_error(lang, "", "damaged", _DAMAGED)]
        return json.loads(raw.decode("utf-8")), []
    except (binascii.Error, ValueError, zlib.error, RecursionError):
        # json.JSONDecodeError and UnicodeDecodeError are ValueErrors.
        return None, [_error(lang, "", "damaged", _DAMAGED)]


def _rows(value: object, keys: tuple[str, ...]) -> object:
    """Positional rows back to tables; anything else is passed on to be refused."""
    if not isinstance(value, list):
        return value
    return [dict(zip(keys, row, strict=False)) if isinstance(row, list) and len(row) <= len(keys) else row
            for row in value]


def decode(link: str, campaign: Campaign, lang: str = SOURCE_LANGUAGE) -> tuple[LocalCampaign, list[FieldError]]:
    """A link (or its fragment) back to a checked campaign, its errors in ``lang``; never raises."""
    payload, errors = _unpack(fragment_of(link), lang)
    if errors:
        return LocalCampaign(), errors
    if not isinstance(payload, dict):
        return LocalCampaign(), [_error(lang, "", "damaged", _DAMAGED)]
    data = {"organizer": payload.get("o"), "defaults": {"city": payload.get("c"), "state": payload.get("s")},
            "officials": _rows(payload.get("f", []), OFFICIAL_KEYS),
            "articles": _rows(payload.get("a", []), ARTICLE_KEYS)}
    unknown = set(payload) - {"o", "c", "s", "f", "a"}
    local, errors = read_campaign(data, campaign, lang)
    if unknown:
        errors.append(_error(lang, "", "unknown_key", _DAMAGED))
    return local, errors


def check_base(base: str) -> str | None:
    """Why ``base`` cannot start a link (``None``: it can): an http(s) page address (a msgid)."""
    parts = urlsplit(base) if isinstance(base, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or any(
            ch.isspace() for ch in base):
        return N_("Enter the letter page's address, starting with https://, like https://example.org/write/")
    if parts.fragment:
        return N_("Enter the letter page's address without a # part")
    return None


def make_link(base: str, local: LocalCampaign, lang: str = SOURCE_LANGUAGE) -> tuple[str, list[FieldError]]:
    """``base#c1.…``, or ``""`` and why not (a bad base, a link too long), worded in ``lang``."""
    problem = check_base(base)
    if problem:
        return "", [_error(lang, "base", "invalid_url", problem)]
    link = base.split("#", 1)[0] + "#" + encode(local)
    if len(link) > MAX_LINK:
        return "", [_error(lang, "", "too_long", N_plural(
            "The link would be {length:,} character long, and a QR code of more than {limit:,} does not scan "
            "reliably. Remove an official or a news article, or shorten the addresses",
            "The link would be {length:,} characters long, and a QR code of more than {limit:,} does not scan "
            "reliably. Remove an official or a news article, or shorten the addresses"),
            count=len(link), length=len(link), limit=MAX_LINK)]
    return link, []


# ---- what the visitor's form gets, and the files ----------------------------

def visitor_input(local: LocalCampaign) -> dict[str, object]:
    """The part of letter_py's input document a link prefills (field paths)."""
    document: dict[str, object] = {
        "recipients": [{k: getattr(o, k) for k in OFFICIAL_KEYS} for o in local.officials],
        "community": {"city": local.city, "state": local.state},
    }
    if local.articles:
        document["articles"] = [a._asdict() for a in local.articles]
    return document


def _toml_string(value: str) -> str:
    """A TOML basic string; JSON's escapes are TOML's, once DEL is escaped too."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _table_lines(data: Mapping[str, object]) -> list[str]:
    return [f"{key} = {_toml_value(value)}" for key, value in data.items()
            if not isinstance(value, Mapping) and not _is_tables(value)]


def _is_tables(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def dump_toml(data: Mapping[str, object]) -> str:
    """TOML for a table of strings, numbers, booleans, tables and arrays of tables."""
    lines = _table_lines(data)
    for key, value in data.items():
        if isinstance(value, Mapping):
            lines += ["", f"[{key}]", *_table_lines(value)]
        elif _is_tables(value):
            for table in value:
                lines += ["", f"[[{key}]]", *_table_lines(table)]
    return "\n".join(lines).lstrip("\n") + "\n"


def to_toml(local: LocalCampaign) -> str:
    """The campaign as the TOML ``campaign-link`` reads (and ``--decode`` prints)."""
    return dump_toml(local.to_dict())


def campaign_toml(local: LocalCampaign, campaign: Campaign, lang: str = SOURCE_LANGUAGE) -> str:
    """A whole ``campaign.toml`` for a copy of the site: the site's own, with this town
    (its opening comment in ``lang``)."""
    base = dict(campaign.config.toml)
    base.pop("officials", None)
    base.pop("articles", None)
    merged = {**base, **local.to_dict()}
    _ = gettext_for(lang)
    header = _("campaign.toml for {town}: put it in your copy's campaign folder and check it with "
               "`letter-py check-campaign FOLDER`. See docs/reference.md for every key.")
    comment = header.format(town=local.city.replace("\n", " ") or _("your town"))
    return textwrap.fill(comment, 88, initial_indent="# ", subsequent_indent="# ") + "\n\n" + dump_toml(merged)


def describe_local(local: LocalCampaign, campaign: Campaign, lang: str = SOURCE_LANGUAGE) -> dict[str, object]:
    """The campaign as JSON for the page: officials with their labels in ``lang``."""
    return {
        "organizer": local.organizer, "city": local.city, "state": local.state,
        "state_name": state_name(local.state, lang) if local.state in STATES else "",
        "officials": [{**o._asdict(), "label": o.label(campaign, lang) if o.role in campaign.roles_by_id else o.name} for o in local.officials],
        "articles": [a._asdict() for a in local.articles],
    }


# ---- JSON in, JSON out (the browser worker and the builder page) -----------

def _errors(errors: list[FieldError]) -> list[dict[str, str]]:
    return [error.to_dict() for error in errors]


def _internal(exc: Exception, lang: str) -> list[dict[str, str]]:
    reason = f"{type(exc).__name__}: {str(exc)[:300]}"
    return [_error(lang, "", "internal_error", N_("The campaign could not be read ({reason})"), reason=reason).to_dict()]


def _language(data: Mapping[str, object], campaign: Campaign) -> str:
    """The language the builder page asks its messages in (``"lang"``): one of the campaign's, else English."""
    raw = data.get("lang")
    code = campaign.lang_code(clean_line(raw)[:20]) if isinstance(raw, str) and raw.strip() else None
    return code or SOURCE_LANGUAGE


def build_json(input_json: str, campaign: Campaign) -> str:
    """The builder's answer for ``{"base": URL, "campaign": {TOML-shaped}, "lang": "es"}``; never raises.

    ``{"ok", "errors", "link", "fragment", "toml", "campaign_toml", "letter_input", "campaign"}``:
    the link is ``""`` while there are errors, everything else is always there.
    Messages and role labels are in ``lang`` (the page's; English by default).
    """
    lang = SOURCE_LANGUAGE
    try:
        data = json.loads(input_json) if isinstance(input_json, str) and len(input_json) <= MAX_JSON * 4 else None
        if not isinstance(data, dict):
            data = {}
        lang = _language(data, campaign)
        local, errors = read_campaign(data.get("campaign", {}), campaign, lang)
        link, link_errors = make_link(data.get("base", ""), local, lang)
        errors += link_errors
        return json.dumps({
            "ok": not errors, "errors": _errors(errors),
            "link": "" if errors else link, "fragment": encode(local), "length": len(link),
            "toml": to_toml(local), "campaign_toml": campaign_toml(local, campaign, lang),
            "letter_input": visitor_input(local), "campaign": describe_local(local, campaign, lang),
        })
    except Exception as exc:  # the promise is: never raise
        return json.dumps({"ok": False, "errors": _internal(exc, lang), "link": "", "fragment": "", "length": 0,
                           "toml": "", "campaign_toml": "", "letter_input": {}, "campaign": None})


def read_link_json(link: str, campaign: Campaign, lang: str = SOURCE_LANGUAGE) -> str:
    """The visitor page's answer for a fragment, its messages in ``lang``; never raises.

    ``{"ok", "errors", "campaign": {…} | null, "letter_input": {…}}``: when the
    link cannot be read at all, ``campaign`` is null and the page keeps its
    ordinary letter; a link with some bad values still prefills the rest.
    """
    try:
        lang = _language({"lang": lang}, campaign)
        local, errors = decode(link, campaign, lang)
        readable = not errors or all(e.field for e in errors)
        return json.dumps({
            "ok": not errors, "errors": _errors(errors),
            "campaign": describe_local(local, campaign, lang) if readable else None,
            "letter_input": visitor_input(local) if readable else {},
        })
    except Exception as exc:  # the promise is: never raise
        return json.dumps({"ok": False, "errors": _internal(exc, lang), "campaign": None, "letter_input": {}})
