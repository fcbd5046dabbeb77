"""``campaign.toml``, read and checked: the settings half of a campaign.

:func:`parse_config` turns the file's text into a :class:`CampaignConfig`, an
immutable record, and knows nothing about templates or the precompiled file;
:class:`~letter_py.campaign.Campaign` hands it the table the build already
parsed when there is one (see :mod:`letter_py.precompiled`), so the browser
skips the TOML parser. Every error names the file and, where it can, the line.

The records are ``typing.NamedTuple`` classes, like those of
:mod:`letter_py.model` and for the same reason: this module is imported on
every start of the engine in the browser. It does without ``from __future__
import annotations``: before Python 3.14, ``NamedTuple`` compiles each field's
annotation when it is a string, ten ``compile()`` calls for
:class:`CampaignConfig` alone.
"""

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from .model import Article
from .states import state_code
from .text import clean_block, clean_line

if TYPE_CHECKING:
    from .campaign import Campaign

CONFIG = "campaign.toml"
SOURCE_LANGUAGE = "en"  # the top of the campaign folder; other languages are subfolders
GENDERS = ("", "f", "m")  # not given (neutral), female, male: the visitor's choice, never guessed

DEFAULT_PLACEHOLDERS: dict[str, str] = {
    "recipient": "(Mayor/Police Chief Name)",
    "recipient_name": "(Name)",
    "recipient_title": "(Title)",
    "recipient_address": "(Mayor/Police Chief Address)\n(City, State, ZIP code)",
    "sender_name": "(Your name)",
    "sender_address": "(Your address)",
    "street": "(Street address)",
    "city": "(City)",
    "state": "(State)",
    "zip": "(ZIP code)",
    "date": "(Date)",
    "article_title": "(Title of the article)",
    "article_url": "(Link to the article)",
}


class CampaignError(ValueError):
    """A campaign folder that cannot be used; the message names the file and line."""


class RoleWords(NamedTuple):
    """A role in one language: its label and salutation word, neutral, female and male.

    Where a language does not mark gender (English), the three forms are the same.
    ``office`` names whoever holds the role, for a letter to an office with no
    name ("Dear Chief of Police,", "Estimado/a jefe/jefa de policía:"); empty,
    the label is used.
    """

    label: str
    label_f: str
    label_m: str
    salutation: str
    salutation_f: str
    salutation_m: str
    office: str = ""

    def for_gender(self, gender: str) -> tuple[str, str]:
        """``(label, salutation word)`` for ``""``, ``"f"`` or ``"m"``."""
        if gender == "f":
            return self.label_f, self.salutation_f
        if gender == "m":
            return self.label_m, self.salutation_m
        return self.label, self.salutation

    @property
    def gendered(self) -> bool:
        """Whether the label has a female and a male form (*Alcaldesa* / *Alcalde*)."""
        return self.label_f != self.label_m


class Role(NamedTuple):
    """Someone a letter can be addressed to: ``salutation`` is the word after "Dear".

    ``label`` and ``salutation`` are English; ``translations`` holds its words
    in every language, English's and those of ``[roles.es]`` (written after
    the role's ``[[roles]]`` table) and the like.
    """

    id: str
    label: str
    salutation: str
    free_title: bool = False
    translations: Mapping[str, RoleWords] = {}

    def words(self, lang: str = SOURCE_LANGUAGE) -> RoleWords:
        """The role's words in ``lang`` (English for a language it has none in)."""
        found = self.translations.get(lang)
        if found is None:
            found = RoleWords(self.label, self.label, self.label, self.salutation, self.salutation, self.salutation)
        return found


class Language(NamedTuple):
    """How letters in one language greet and name their recipient (``[lang.xx]``).

    ``dear`` is the greeting's word, neutral, female and male (*Estimado/a*,
    *Estimada*, *Estimado*); ``salutation_end`` the punctuation after the
    salutation; ``salutation_name`` ``"last"`` (the last word of the name, as in
    "Dear Mayor Lopez"), ``"full"`` (the name as typed, as Spanish letters do)
    or ``"none"`` (no name at all: Polish greets by the title's vocative alone,
    "Szanowny Panie Burmistrzu,");
    ``neutral_label`` the recipient block's format when no gender is given and
    the role's label has two forms (``"{name}, {title}"``); ``prompts`` the
    sentence starters the page offers by "In your own words" (:func:`_prompts`);
    ``salutation_title`` how a title the visitor types stands in the greeting:
    ``"capital"`` (English: "Dear Alderperson Dowell,", however it was typed), ``"lower"`` (Spanish:
    "Estimada concejala Ana Dowell:") or ``"none"`` (left out: a language whose greeting needs a
    form the engine cannot make of a typed title, Polish's vocative). The address block always
    starts it with a capital.
    """

    code: str
    name: str
    dear: tuple[str, str, str]
    salutation_end: str
    salutation_name: str
    neutral_label: str
    placeholders: dict[str, str]
    prompts: tuple[str, ...] = ()
    salutation_title: str = "capital"

    def dear_for(self, gender: str) -> str:
        return self.dear[GENDERS.index(gender) if gender in GENDERS else 0]


def english(placeholders: dict[str, str], prompts: tuple[str, ...] = ()) -> Language:
    """The source language's settings: the English letter as it always was."""
    return Language(SOURCE_LANGUAGE, "English", ("Dear", "Dear", "Dear"), ",", "last", "{title} {name}",
                    placeholders, prompts)


class Official(NamedTuple):
    """A known local official the page can offer as a recipient.

    ``family_name``: the surname they go by, where the name alone would
    mislead the greeting (letter_py's ``recipients.*.family_name``).
    """

    name: str
    role: str
    title: str = ""
    email: str = ""
    address: str = ""
    family_name: str = ""

    def label(self, campaign: "Campaign", lang: str = SOURCE_LANGUAGE) -> str:
        """``"Mayor Maria Lopez"``: how the page lists the official (gender not given)."""
        role = campaign.roles_by_id[self.role]
        words = role.words(lang)
        if role.free_title and self.title:
            return f"{self.title} {self.name}"
        if words.gendered:
            return campaign.language(lang).neutral_label.format(title=words.label, name=self.name)
        return f"{words.label} {self.name}"


class CampaignConfig(NamedTuple):
    """What ``campaign.toml`` says, checked and cleaned; states are USPS codes.

    ``toml`` is the table it was read from, kept for the precompiled file.
    """

    name: str
    default_city: str
    default_state: str
    home_state: str
    mailto_max_length: int
    mailto_phone_max_length: int
    placeholders: dict[str, str]
    roles: tuple[Role, ...]
    officials: tuple[Official, ...]
    articles: tuple[Article, ...]
    toml: Mapping[str, object]
    languages: Mapping[str, Language] = {}


class _Source:
    """Where a TOML value came from, for error messages."""

    def __init__(self, origin: str, name: str, text: str) -> None:
        self.origin, self.name, self.lines = origin, name, text.splitlines()

    def where(self, needle: str = "", occurrence: int = 0) -> str:
        seen = 0
        if needle:
            for number, line in enumerate(self.lines, 1):
                if line.strip().startswith(needle):
                    if seen == occurrence:
                        return f"{self.origin}/{self.name}, line {number}"
                    seen += 1
        return f"{self.origin}/{self.name}"

    def fail(self, message: str, needle: str = "", occurrence: int = 0) -> CampaignError:
        return CampaignError(f"{self.where(needle, occurrence)}: {message}")


def _string(src: _Source, table: Mapping[str, object], key: str, needle: str, index: int = 0,
            default: str | None = None, block: bool = False) -> str:
    value = table.get(key, default)
    if value is None:
        raise src.fail(f"missing key {key!r}", needle, index)
    if not isinstance(value, str):
        raise src.fail(f"{key!r} must be a string", needle, index)
    return clean_block(value) if block else clean_line(value)


def _tables(src: _Source, data: Mapping[str, object], key: str) -> list[Mapping[str, object]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
        raise src.fail(f"{key!r} must be written as [[{key}]] tables", f"[[{key}]]")
    return value


_TOML_AT = re.compile(r"\s*\(at line (\d+), column \d+\)$|\s*\(at end of document\)$")


def _toml_error(exc: ValueError, text: str) -> str:
    """``", line 2: Expected ']'..."``, read from the message as every Python words it."""
    message = str(exc)
    match = _TOML_AT.search(message)
    if match is None:
        return f": {message}"
    line = int(match[1]) if match[1] else max(1, len(text.splitlines()))
    return f", line {line}: {message[: match.start()]}"


def read_toml(text: str, origin: str = "<campaign>") -> dict[str, object]:
    """``campaign.toml``'s table, unchecked; a syntax error names the line."""
    # Imported here: the browser gets campaign.toml already parsed (see
    # letter_py.precompiled), and tomllib's import alone takes ~20 ms there.
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CampaignError(f"{origin}/{CONFIG}{_toml_error(exc, text)}") from None


def _state(src: _Source, table: Mapping[str, object], key: str, default: str = "") -> str:
    """A USPS code (``""`` when unset) from a state's name or code."""
    text = _string(src, table, key, key, default=default)
    code = state_code(text) if text else ""
    if code is None:
        raise src.fail(f"unknown US state {text!r}", key)
    return code


def _mailto_max_lengths(src: _Source, data: Mapping[str, object]) -> tuple[int, int]:
    """``[mailto]``'s two limits: ``max_length`` (desktops) and ``phone_max_length``."""
    mailto = data.get("mailto", {})
    if not isinstance(mailto, Mapping):
        raise src.fail("[mailto] must be a table", "[mailto]")
    limits = []
    for key, default in (("max_length", 2000), ("phone_max_length", 32000)):
        value = mailto.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 100:
            raise src.fail(f"[mailto] {key} must be a whole number of at least 100", key)
        limits.append(value)
    return limits[0], limits[1]


def _placeholders(src: _Source, data: Mapping[str, object]) -> dict[str, str]:
    placeholders = data.get("placeholders", {})
    if not isinstance(placeholders, Mapping):
        raise src.fail("[placeholders] must be a table", "[placeholders]")
    found = dict(DEFAULT_PLACEHOLDERS)
    for key in placeholders:
        if key not in DEFAULT_PLACEHOLDERS:
            raise src.fail(f"unknown placeholder {key!r}", key)
        found[key] = _string(src, placeholders, key, key, block=True)
    return found


# Sentence starters for "In your own words": a visitor presses one to begin a
# sentence of their own. Few and short, so they read as a nudge and never as
# a letter written for them; text, never a template: the page fills {town}
# by plain replacement and inserts the result as text (docs/assets/letter/own-words.js).
PROMPTS_MIN, PROMPTS_MAX, PROMPT_LIMIT = 3, 6, 80
PROMPT_TOWN = "{town}"
CONTINUE = "\u2026"  # "…": where the visitor goes on; the page selects it, so typing replaces it
_PROMPT_MARKUP = re.compile(r"[<>]|&#?\w+;")


def _prompts(src: _Source, table: Mapping[str, object], where: str, at: int = 0) -> tuple[str, ...]:
    """A ``prompts`` list: none, or three to six short one-line starters, text only.

    ``{town}`` is the one placeholder; any other brace, markup or entity is
    refused, so nothing an organizer writes can be read as a template or HTML.
    ``at`` counts the ``prompts`` keys before this one in the file, so an
    error names this one's line.
    """
    raw = table.get("prompts", [])
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise src.fail(f"{where} prompts must be a list of strings, like prompts = [\"As a parent, \u2026\"]",
                       "prompts", at)
    if raw and not PROMPTS_MIN <= len(raw) <= PROMPTS_MAX:
        raise src.fail(f"{where} prompts: write {PROMPTS_MIN} to {PROMPTS_MAX} sentence starters "
                       f"(there are {len(raw)}), or none", "prompts", at)
    found: list[str] = []
    for number, text in enumerate(raw, 1):
        name = f"{where} prompt {number} ({text[:30]!r})"
        if any(mark in text.strip() for mark in "\r\n\u2028\u2029"):
            raise src.fail(f"{name}: write it on one line", "prompts", at)
        value = clean_line(text)
        if not value:
            raise src.fail(f"{name} is empty", "prompts", at)
        if len(value) > PROMPT_LIMIT:
            raise src.fail(f"{name} is {len(value)} characters long: keep it to {PROMPT_LIMIT} or fewer", "prompts", at)
        if _PROMPT_MARKUP.search(value):
            raise src.fail(f"{name}: no markup (<, >, &...;): a prompt is plain text", "prompts", at)
        if "{" in value.replace(PROMPT_TOWN, "") or "}" in value.replace(PROMPT_TOWN, ""):
            raise src.fail(f"{name}: the only placeholder is {PROMPT_TOWN}, and no other braces", "prompts", at)
        if value.count(CONTINUE) > 1:
            raise src.fail(f"{name}: mark where the visitor goes on with one {CONTINUE} at most", "prompts", at)
        if value in found:
            raise src.fail(f"{name} is there twice", "prompts", at)
        found.append(value)
    return tuple(found)


_LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")
_NAME_STYLES = ("last", "full", "none")
_TITLE_CASES = ("capital", "lower", "none")


def _language(src: _Source, code: str, table: object, prompts_at: int = 0) -> Language:
    """One ``[lang.xx]`` table, with its ``[lang.xx.placeholders]``: every key is needed.

    ``prompts_at``: how many ``prompts`` keys come before this table's (see :func:`_prompts`).
    """
    where = f"[lang.{code}]"
    if not _LANGUAGE_CODE.match(code) or code == SOURCE_LANGUAGE:
        raise src.fail(f"[lang.{code}]: a language is a two-letter code (ISO 639-1) other than "
                       f"{SOURCE_LANGUAGE!r}, whose settings are the file's top-level keys", where)
    if not isinstance(table, Mapping):
        raise src.fail(f"[lang.{code}] must be a table", where)
    for key in table:
        if key not in ("name", "dear", "dear_f", "dear_m", "salutation_end", "salutation_name", "neutral_label",
                       "placeholders", "prompts", "salutation_title"):
            raise src.fail(f"[lang.{code}]: unknown key {key!r}", where)
    dear = _string(src, table, "dear", where)
    style = _string(src, table, "salutation_name", where, default="last")
    if style not in _NAME_STYLES:
        raise src.fail(f"[lang.{code}] salutation_name must be \"last\", \"full\" or \"none\", not {style!r}", where)
    title_case = _string(src, table, "salutation_title", where, default="capital")
    if title_case not in _TITLE_CASES:
        raise src.fail(f"[lang.{code}] salutation_title must be \"capital\", \"lower\" or \"none\", not {title_case!r}", where)
    neutral = _string(src, table, "neutral_label", where, default="{title} {name}")
    if sorted(re.findall(r"{(\w*)}", neutral)) != ["name", "title"] or neutral.count("{") != 2:
        raise src.fail(f"[lang.{code}] neutral_label must hold {{title}} and {{name}} once each, "
                       f"like \"{{name}}, {{title}}\"", where)
    placeholders = table.get("placeholders")
    if not isinstance(placeholders, Mapping):
        raise src.fail(f"[lang.{code}.placeholders] is missing: every language needs every placeholder "
                       f"({', '.join(DEFAULT_PLACEHOLDERS)})", where)
    found: dict[str, str] = {}
    for key in DEFAULT_PLACEHOLDERS:
        if key not in placeholders:
            raise src.fail(f"[lang.{code}.placeholders] is missing {key!r} (the English one is "
                           f"{DEFAULT_PLACEHOLDERS[key]!r})", f"[lang.{code}.placeholders]")
        found[key] = _string(src, placeholders, key, key, block=True)
    for key in placeholders:
        if key not in DEFAULT_PLACEHOLDERS:
            raise src.fail(f"[lang.{code}.placeholders]: unknown placeholder {key!r}", key)
    return Language(
        code=code, name=_string(src, table, "name", where),
        dear=(dear, _string(src, table, "dear_f", where, default=dear), _string(src, table, "dear_m", where, default=dear)),
        salutation_end=_string(src, table, "salutation_end", where, default=","),
        salutation_name=style, neutral_label=neutral, placeholders=found,
        prompts=_prompts(src, table, f"[lang.{code}]", prompts_at), salutation_title=title_case,
    )


def _languages(src: _Source, data: Mapping[str, object], placeholders: dict[str, str]) -> dict[str, Language]:
    tables = data.get("lang", {})
    if not isinstance(tables, Mapping):
        raise src.fail("[lang] must hold one table per language, like [lang.es]", "[lang")
    languages = {SOURCE_LANGUAGE: english(placeholders, _prompts(src, data, "The top-level"))}
    prompts_at = 1 if "prompts" in data else 0
    for code, table in tables.items():
        languages[code] = _language(src, code, table, prompts_at)
        prompts_at += isinstance(table, Mapping) and "prompts" in table
    return languages


def _role_words(src: _Source, role: Mapping[str, object], role_id: str, index: int,
                languages: Mapping[str, Language]) -> dict[str, RoleWords]:
    """A role's ``[roles.xx]`` tables: one for each language besides English, with a label."""
    words = {}
    for code in languages:
        if code == SOURCE_LANGUAGE:
            continue
        table = role.get(code)
        if not isinstance(table, Mapping) or "label" not in table:
            raise src.fail(f"role {role_id!r} has no label in {languages[code].name} ({code!r}): add "
                           f"[roles.{code}] with label = \"...\" after its [[roles]] table", "[[roles]]", index)
        for key in table:
            if key not in ("label", "label_f", "label_m", "salutation", "salutation_f", "salutation_m", "office"):
                raise src.fail(f"[roles.{code}] of role {role_id!r}: unknown key {key!r}", "[[roles]]", index)
        label = _string(src, table, "label", "[[roles]]", index)
        salutation = _string(src, table, "salutation", "[[roles]]", index, default="")
        words[code] = RoleWords(
            label=label,
            label_f=_string(src, table, "label_f", "[[roles]]", index, default=label),
            label_m=_string(src, table, "label_m", "[[roles]]", index, default=label),
            salutation=salutation,
            salutation_f=_string(src, table, "salutation_f", "[[roles]]", index, default=salutation),
            salutation_m=_string(src, table, "salutation_m", "[[roles]]", index, default=salutation),
            office=_string(src, table, "office", "[[roles]]", index, default=""),
        )
    for key, value in role.items():
        if isinstance(value, Mapping) and key == SOURCE_LANGUAGE:
            raise src.fail(f"[roles.{key}] of role {role_id!r}: the English words are the role's own label and "
                           "salutation", "[[roles]]", index)
        if isinstance(value, Mapping) and key not in languages:
            raise src.fail(f"[roles.{key}] of role {role_id!r}: no [lang.{key}] table declares that language",
                           "[[roles]]", index)
    return words


def _roles(src: _Source, data: Mapping[str, object], languages: Mapping[str, Language]) -> tuple[Role, ...]:
    roles = []
    for index, table in enumerate(_tables(src, data, "roles")):
        free = table.get("free_title", False)
        if not isinstance(free, bool):
            raise src.fail("'free_title' must be true or false", "[[roles]]", index)
        role_id = _string(src, table, "id", "[[roles]]", index)
        label = _string(src, table, "label", "[[roles]]", index)
        salutation = _string(src, table, "salutation", "[[roles]]", index, default="")
        office = _string(src, table, "office", "[[roles]]", index, default="")
        english = RoleWords(label, label, label, salutation, salutation, salutation, office)
        roles.append(Role(
            id=role_id, label=label, salutation=salutation, free_title=free,
            translations={SOURCE_LANGUAGE: english, **_role_words(src, table, role_id, index, languages)},
        ))
    if not roles:
        raise src.fail("at least one [[roles]] table is needed")
    if len({role.id for role in roles}) != len(roles):
        raise src.fail("two roles share an id", "[[roles]]")
    return tuple(roles)


def _officials(src: _Source, data: Mapping[str, object], roles: tuple[Role, ...]) -> tuple[Official, ...]:
    ids = {role.id for role in roles}
    officials = []
    for index, table in enumerate(_tables(src, data, "officials")):
        role = _string(src, table, "role", "[[officials]]", index)
        if role not in ids:
            raise src.fail(f"unknown role {role!r}", "[[officials]]", index)
        officials.append(Official(
            name=_string(src, table, "name", "[[officials]]", index),
            role=role,
            title=_string(src, table, "title", "[[officials]]", index, default=""),
            email=_string(src, table, "email", "[[officials]]", index, default=""),
            address=_string(src, table, "address", "[[officials]]", index, default="", block=True),
            family_name=_string(src, table, "family_name", "[[officials]]", index, default=""),
        ))
    return tuple(officials)


def _articles(src: _Source, data: Mapping[str, object]) -> tuple[Article, ...]:
    return tuple(
        Article(
            title=_string(src, table, "title", "[[articles]]", index),
            outlet=_string(src, table, "outlet", "[[articles]]", index, default=""),
            date=_string(src, table, "date", "[[articles]]", index, default=""),
            url=_string(src, table, "url", "[[articles]]", index),
        )
        for index, table in enumerate(_tables(src, data, "articles"))
    )


def parse_config(text: str, origin: str = "<campaign>", parsed: Mapping[str, object] | None = None) -> CampaignConfig:
    """Read and check ``campaign.toml``; ``origin`` is the folder, for error messages.

    ``parsed`` is ``text`` already read by :func:`read_toml` (the precompiled
    file's copy), which spares the parser; it is checked like a fresh one.
    """
    data = read_toml(text, origin) if parsed is None else parsed
    src = _Source(origin, CONFIG, text)
    name = _string(src, data, "name", "name")
    defaults = data.get("defaults", {})
    if not isinstance(defaults, Mapping):
        raise src.fail("[defaults] must be a table", "[defaults]")
    city = _string(src, defaults, "city", "city", default="")
    state = _state(src, defaults, "state")
    home_state = _state(src, data, "home_state", default=state)
    max_length, phone_max_length = _mailto_max_lengths(src, data)
    placeholders = _placeholders(src, data)
    languages = _languages(src, data, placeholders)
    roles = _roles(src, data, languages)
    return CampaignConfig(
        name=name, default_city=city, default_state=state, home_state=home_state,
        mailto_max_length=max_length, mailto_phone_max_length=phone_max_length, placeholders=placeholders, roles=roles,
        officials=_officials(src, data, roles), articles=_articles(src, data), toml=data,
        languages=languages,
    )
