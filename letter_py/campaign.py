"""A campaign folder: the letter's words and settings, owned by organizers.

A campaign is ``campaign.toml`` plus Jinja2 templates. It is built from a
mapping of file names to text (:meth:`Campaign.from_files`) so that the same
code runs in the browser, where the build ships the folder as JSON, and on the
command line, where :func:`load_campaign` reads it from disk. Templates are
compiled once, here, and reused for every letter.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import NamedTuple
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .model import Article
from .precompiled import CodeCache, Precompiled, checksum, files_checksum, fingerprint, marshallable
from .states import state_code, state_name
from .text import clean_block, clean_line

CONFIG = "campaign.toml"
TEMPLATES = ("subject.txt.j2", "body.txt.j2", "email.txt.j2", "letter.txt.j2", "letter.html.j2")
TEXT_SUFFIXES = (".toml", ".j2", ".txt", ".html", ".md")

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


class Role(NamedTuple):
    """Someone a letter can be addressed to: ``salutation`` is the word after "Dear"."""

    id: str
    label: str
    salutation: str
    free_title: bool = False


class Official(NamedTuple):
    """A known local official the page can offer as a recipient."""

    name: str
    role: str
    title: str = ""
    email: str = ""
    address: str = ""

    def label(self, campaign: Campaign) -> str:
        """``"Mayor Maria Lopez"``: how the page lists the official."""
        role = campaign.roles_by_id[self.role]
        return f"{self.title if role.free_title and self.title else role.label} {self.name}"


def _nl2br(value: object) -> Markup:
    """Escape, then keep line breaks visible in HTML."""
    return Markup(str(escape(value)).replace("\n", "<br>\n"))


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


def _parse_toml(origin: str, text: str) -> dict[str, object]:
    # Imported here: the browser gets campaign.toml already parsed (see
    # letter_py.precompiled), and tomllib's import alone takes ~20 ms there.
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CampaignError(f"{origin}/{CONFIG}{_toml_error(exc, text)}") from None


class Campaign:
    """A parsed, compiled campaign; immutable and safe to share between calls."""

    def __init__(self, files: Mapping[str, str], origin: str = "<campaign>",
                 precompiled: Precompiled | None = None) -> None:
        self.origin = origin
        self.files: dict[str, str] = {name: files[name] for name in sorted(files)}
        if CONFIG not in self.files:
            raise CampaignError(f"{origin}/{CONFIG}: file missing")
        src = _Source(origin, CONFIG, self.files[CONFIG])
        data = precompiled.config_for(self.files[CONFIG]) if precompiled else None
        self.config_from_precompiled = data is not None
        if data is None:
            data = _parse_toml(origin, self.files[CONFIG])
        self._config_data = data
        self._read_config(src, data)
        self.env = self._environment()
        self._fingerprint = fingerprint(self.env, TEMPLATES)
        if precompiled and precompiled.fingerprint == self._fingerprint:
            self._code_cache = CodeCache(precompiled.codes)
            analysis = precompiled.analysis_for(self.files)
        else:
            self._code_cache, analysis = CodeCache(), None
        self.env.bytecode_cache = self._code_cache
        self._globals = dict(self.env.globals)
        self.per_recipient: dict[str, bool] = {}
        self.templates: dict[str, jinja2.Template] = {}
        for name in TEMPLATES:
            if name not in self.files:
                raise CampaignError(f"{origin}/{name}: file missing")
            try:
                self.templates[name] = self.env.get_template(name)
                if analysis is None or name not in analysis:
                    self.per_recipient[name] = self._mentions_recipient(name, set())
                else:
                    self.per_recipient[name] = analysis[name]
            except jinja2.TemplateSyntaxError as exc:
                raise CampaignError(f"{origin}/{exc.name or name}, line {exc.lineno}: {exc.message}") from None
        self.analysis_from_precompiled = analysis is not None

    @classmethod
    def from_files(cls, files: Mapping[str, str], origin: str = "<campaign>",
                   precompiled: Precompiled | None = None) -> Campaign:
        """Build a campaign from file names (relative to the folder) and their text."""
        return cls(files, origin, precompiled)

    @property
    def templates_from_precompiled(self) -> int:
        """How many templates (includes too) came compiled from ``precompiled``."""
        return self._code_cache.hits

    def precompile(self) -> Precompiled:
        """This campaign, compiled, for :class:`Campaign` to reuse (see :mod:`letter_py.precompiled`)."""
        config = (checksum(self.files[CONFIG]), self._config_data) if marshallable(self._config_data) else None
        return Precompiled(self._fingerprint, config, (files_checksum(self.files), dict(self.per_recipient)),
                           self._code_cache.codes)

    def _read_config(self, src: _Source, data: Mapping[str, object]) -> None:
        self.name = _string(src, data, "name", "name")
        defaults = data.get("defaults", {})
        if not isinstance(defaults, Mapping):
            raise src.fail("[defaults] must be a table", "[defaults]")
        self.default_city = _string(src, defaults, "city", "city", default="")
        state = _string(src, defaults, "state", "state", default="")
        code = state_code(state) if state else ""
        if code is None:
            raise src.fail(f"unknown US state {state!r}", "state")
        self.default_state = code
        home = _string(src, data, "home_state", "home_state", default=code)
        home_code = state_code(home) if home else ""
        if home_code is None:
            raise src.fail(f"unknown US state {home!r}", "home_state")
        self.home_state = home_code

        mailto = data.get("mailto", {})
        max_length = mailto.get("max_length", 2000) if isinstance(mailto, Mapping) else None
        if not isinstance(max_length, int) or isinstance(max_length, bool) or max_length < 100:
            raise src.fail("[mailto] max_length must be a whole number of at least 100", "max_length")
        self.mailto_max_length = max_length

        placeholders = data.get("placeholders", {})
        if not isinstance(placeholders, Mapping):
            raise src.fail("[placeholders] must be a table", "[placeholders]")
        self.placeholders = dict(DEFAULT_PLACEHOLDERS)
        for key in placeholders:
            if key not in DEFAULT_PLACEHOLDERS:
                raise src.fail(f"unknown placeholder {key!r}", key)
            self.placeholders[key] = _string(src, placeholders, key, key, block=True)

        roles = []
        for index, table in enumerate(_tables(src, data, "roles")):
            free = table.get("free_title", False)
            if not isinstance(free, bool):
                raise src.fail("'free_title' must be true or false", "[[roles]]", index)
            roles.append(Role(
                id=_string(src, table, "id", "[[roles]]", index),
                label=_string(src, table, "label", "[[roles]]", index),
                salutation=_string(src, table, "salutation", "[[roles]]", index, default=""),
                free_title=free,
            ))
        if not roles:
            raise src.fail("at least one [[roles]] table is needed")
        self.roles: tuple[Role, ...] = tuple(roles)
        self.roles_by_id = {role.id: role for role in roles}
        if len(self.roles_by_id) != len(roles):
            raise src.fail("two roles share an id", "[[roles]]")
        self._role_lookup = {role.id.lower(): role.id for role in roles}
        self._role_lookup.update({role.label.lower(): role.id for role in roles})

        officials = []
        for index, table in enumerate(_tables(src, data, "officials")):
            role = _string(src, table, "role", "[[officials]]", index)
            if role not in self.roles_by_id:
                raise src.fail(f"unknown role {role!r}", "[[officials]]", index)
            officials.append(Official(
                name=_string(src, table, "name", "[[officials]]", index),
                role=role,
                title=_string(src, table, "title", "[[officials]]", index, default=""),
                email=_string(src, table, "email", "[[officials]]", index, default=""),
                address=_string(src, table, "address", "[[officials]]", index, default="", block=True),
            ))
        self.officials: tuple[Official, ...] = tuple(officials)

        articles = []
        for index, table in enumerate(_tables(src, data, "articles")):
            articles.append(Article(
                title=_string(src, table, "title", "[[articles]]", index),
                outlet=_string(src, table, "outlet", "[[articles]]", index, default=""),
                date=_string(src, table, "date", "[[articles]]", index, default=""),
                url=_string(src, table, "url", "[[articles]]", index),
            ))
        self.articles: tuple[Article, ...] = tuple(articles)

    def _environment(self) -> jinja2.Environment:
        files = self.files

        def load(name: str) -> tuple[str, str, object] | None:
            if name not in files:
                return None
            return files[name], name, lambda: True

        env = jinja2.Environment(
            loader=jinja2.FunctionLoader(load),
            autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default=False),
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            auto_reload=False,
        )
        env.filters["nl2br"] = _nl2br
        return env

    def _mentions_recipient(self, name: str, seen: set[str]) -> bool:
        """Whether a template (or one it includes) uses ``recipient``.

        A body that does not is rendered once for all of a call's recipients.
        """
        from jinja2 import meta  # only when not precompiled (letter_py.precompiled)

        seen.add(name)
        tree = self.env.parse(self.files[name], name)
        if "recipient" in meta.find_undeclared_variables(tree):
            return True
        for child in meta.find_referenced_templates(tree):
            if child is None or (child not in seen and child in self.files and self._mentions_recipient(child, seen)):
                return True
        return False

    def render(self, name: str, context: dict[str, object]) -> str:
        """Render a compiled template.

        What ``Template.render`` does, less copying the environment's globals
        into a fresh context on every call (they are merged once, here).
        """
        template = self.templates[name]
        try:
            return "".join(template.root_render_func(template.new_context({**self._globals, **context}, shared=True)))
        except Exception:
            return self.env.handle_exception()

    def role_id(self, text: str) -> str | None:
        """A role id from its id or label, in any case."""
        return self._role_lookup.get(text.lower())

    @property
    def home_state_name(self) -> str:
        return state_name(self.home_state) if self.home_state else ""

    def __repr__(self) -> str:
        return f"<Campaign {self.name!r} from {self.origin}>"


def _is_campaign_file(path: Path) -> bool:
    return path.is_file() and path.suffix in TEXT_SUFFIXES and not path.name.startswith(".")


def campaign_files(path: str | Path) -> dict[str, str]:
    """The folder's text files by relative POSIX name: what the build ships to the browser."""
    root = Path(path)
    if not root.is_dir():
        raise CampaignError(f"{root}: not a folder")
    files = {}
    for file in sorted(root.rglob("*")):
        if _is_campaign_file(file):
            name = file.relative_to(root).as_posix()
            try:
                files[name] = file.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                raise CampaignError(f"{root}/{name}: not UTF-8 text ({exc.reason})") from None
    return files


def load_campaign(path: str | Path) -> Campaign:
    """Read and compile a campaign folder."""
    return Campaign.from_files(campaign_files(path), origin=str(path))


@functools.cache
def default_campaign() -> Campaign:
    """The packaged campaign: the seed letter, for Illinois."""
    from importlib import resources  # not needed in the browser, which gets the files

    root = resources.files("letter_py") / "campaigns" / "default"
    files = {}
    for name in (CONFIG, *TEMPLATES):
        files[name] = (root / name).read_text(encoding="utf-8")
    return Campaign.from_files(files, origin="letter_py/campaigns/default")
