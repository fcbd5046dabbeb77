"""A campaign folder: the letter's words and settings, owned by organizers.

A campaign is ``campaign.toml`` (read by :mod:`letter_py.config`) plus Jinja2
templates: English ones at the top of the folder, and every other language's
in a subfolder named by its two-letter code (``es/body.txt.j2``), declared by
a ``[lang.es]`` table. An English-only folder, as organizers have always
written them, is a campaign in one language. It is built from a mapping of file names to text
(:meth:`Campaign.from_files`) so that the same code runs in the browser, where
the build ships the folder as JSON, and on the command line, where
:func:`load_campaign` reads it from disk. Templates are compiled once, here,
and reused for every letter; a :class:`~letter_py.precompiled.CompileCache`
serves whatever the build compiled ahead and says what it served.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .config import (
    CONFIG, DEFAULT_PLACEHOLDERS, SOURCE_LANGUAGE, CampaignConfig, CampaignError, Language, Official, Role, parse_config,
)
from .model import Article
from .precompiled import CompileCache, Precompiled
from .states import state_name

__all__ = [
    "CONFIG", "DEFAULT_PLACEHOLDERS", "OPTIONAL_TEMPLATES", "TEMPLATES", "Campaign", "CampaignConfig",
    "CampaignError", "Language", "Official", "Role", "campaign_files", "default_campaign", "load_campaign",
    "template_name",
]

TEMPLATES = ("subject.txt.j2", "body.txt.j2", "email.txt.j2", "letter.txt.j2", "letter.html.j2")
# Newer than the letter: a folder forked before one was added still works without
# it (a call then has its link but no script), so each is used only where present.
OPTIONAL_TEMPLATES = ("call.txt.j2",)
TEXT_SUFFIXES = (".toml", ".j2", ".txt", ".html", ".md")
_LANGUAGE_FOLDER = re.compile(r"^([a-z]{2})/")


def template_name(lang: str, name: str) -> str:
    """A template's file name in a language: ``("es", "body.txt.j2")`` -> ``"es/body.txt.j2"``."""
    return name if lang == SOURCE_LANGUAGE else f"{lang}/{name}"


def folder_languages(files: Mapping[str, str]) -> list[str]:
    """The two-letter subfolders holding templates: the languages besides English."""
    found = {match[1] for name in files if name.endswith(".j2") and (match := _LANGUAGE_FOLDER.match(name))}
    return sorted(found)


class _Environment(jinja2.Environment):
    """Jinja2's environment, where a language's template includes its own language's files first.

    ``{% include "part.j2" %}`` in ``es/body.txt.j2`` reads ``es/part.j2`` when
    there is one, and the top-level ``part.j2`` otherwise.
    """

    def join_path(self, template: str, parent: str) -> str:
        match = _LANGUAGE_FOLDER.match(parent)
        if match and not _LANGUAGE_FOLDER.match(template):
            local = match[0] + template
            if local in self.loader.files:  # type: ignore[union-attr]
                return local
        return template


class _FilesLoader(jinja2.BaseLoader):
    """Templates from the campaign's mapping of file names to text."""

    def __init__(self, files: Mapping[str, str]) -> None:
        self.files = files

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, object]:
        if template not in self.files:
            raise jinja2.TemplateNotFound(template)
        return self.files[template], template, _always_fresh


def _always_fresh() -> bool:
    return True


def _nl2br(value: object) -> Markup:
    """Escape, then keep line breaks visible in HTML."""
    return Markup(str(escape(value)).replace("\n", "<br>\n"))


class Campaign:
    """A parsed, compiled campaign; immutable and safe to share between calls.

    Its settings are :attr:`config`'s (``campaign.name`` is ``campaign.config.name``,
    which templates see as ``campaign``); :attr:`cache` holds the compiled code.
    """

    def __init__(self, files: Mapping[str, str], origin: str = "<campaign>",
                 precompiled: Precompiled | None = None) -> None:
        self.origin = origin
        self.files: dict[str, str] = {name: files[name] for name in sorted(files)}
        text = self.files.get(CONFIG)
        if text is None:
            raise CampaignError(f"{origin}/{CONFIG}: file missing")
        self.env = self._environment()
        folders = folder_languages(self.files)
        names = tuple(template_name(lang, name) for lang in (SOURCE_LANGUAGE, *folders) for name in TEMPLATES)
        names += tuple(found for lang in (SOURCE_LANGUAGE, *folders) for name in OPTIONAL_TEMPLATES
                       if (found := template_name(lang, name)) in self.files)
        self.cache = CompileCache.attach(self.env, names, precompiled)
        self.config: CampaignConfig = parse_config(text, origin, self.cache.config_for(text))
        self._check_languages(folders)
        self.template_names = names
        # Each language's file name for each template it has: {"es": {"body.txt.j2": "es/body.txt.j2"}}.
        self.names: dict[str, dict[str, str]] = {
            lang: {name: found for name in (*TEMPLATES, *OPTIONAL_TEMPLATES)
                   if (found := template_name(lang, name)) in names}
            for lang in self.config.languages}
        self.roles_by_id: dict[str, Role] = {role.id: role for role in self.config.roles}
        self._role_lookup = {role.id.lower(): role.id for role in self.config.roles}
        self._role_lookup.update({role.label.lower(): role.id for role in self.config.roles})
        for role in self.config.roles:  # a role may be named by its label in any language
            for words in role.translations.values():
                for label in (words.label, words.label_f, words.label_m):
                    self._role_lookup.setdefault(label.lower(), role.id)
        self._globals = dict(self.env.globals)
        self.templates: dict[str, jinja2.Template] = {}
        self.per_recipient: dict[str, bool] = {}
        self._compile(self.cache.analysis_for(self.files))

    def _check_languages(self, folders: list[str]) -> None:
        """Every language folder is declared in ``campaign.toml``, and every declared one has a folder."""
        declared = [code for code in self.languages if code != SOURCE_LANGUAGE]
        if "en" in {name.split("/", 1)[0] for name in self.files if "/" in name and name.endswith(".j2")}:
            raise CampaignError(f"{self.origin}/en/: English templates stay at the top of the campaign folder")
        for code in folders:
            if code not in declared:
                raise CampaignError(f"{self.origin}/{CONFIG}: the folder {code}/ holds templates, but no "
                                    f"[lang.{code}] table declares that language (see docs/reference.md)")
        for code in declared:
            if code not in folders:
                raise CampaignError(f"{self.origin}/{code}/: [lang.{code}] is declared in {CONFIG}, but the "
                                    f"folder {code}/ with its templates ({', '.join(TEMPLATES)}) is missing")

    def language(self, lang: str) -> Language:
        """A language's settings (English's for a language the campaign does not have)."""
        languages = self.config.languages
        return languages.get(lang) or languages[SOURCE_LANGUAGE]

    def lang_code(self, text: str) -> str | None:
        """A language of this campaign from a BCP 47 tag: ``"es"``, ``"es-US"``, ``"ES"`` -> ``"es"``."""
        primary = text.strip().replace("_", "-").split("-", 1)[0].lower()
        return primary if primary in self.config.languages else None

    @classmethod
    def from_files(cls, files: Mapping[str, str], origin: str = "<campaign>",
                   precompiled: Precompiled | None = None) -> Campaign:
        """Build a campaign from file names (relative to the folder) and their text."""
        return cls(files, origin, precompiled)

    def precompile(self) -> Precompiled:
        """This campaign, compiled, for :class:`Campaign` to reuse (see :mod:`letter_py.precompiled`)."""
        return self.cache.precompiled((self.files[CONFIG], self.config.toml), self.files, self.per_recipient)

    # The settings, where templates (as ``campaign``) and callers have always read them.

    @property
    def name(self) -> str:
        """What the campaign is called."""
        return self.config.name

    @property
    def default_city(self) -> str:
        """The town a letter is about when the visitor gives none."""
        return self.config.default_city

    @property
    def default_state(self) -> str:
        """Its state (USPS code, or ``""``)."""
        return self.config.default_state

    @property
    def home_state(self) -> str:
        """The campaign's own state (USPS code)."""
        return self.config.home_state

    @property
    def mailto_max_length(self) -> int:
        """The longest ``mailto:`` link offered on a desktop."""
        return self.config.mailto_max_length

    @property
    def mailto_phone_max_length(self) -> int:
        """The longest ``mailto:`` link offered on a phone (iOS, Android)."""
        return self.config.mailto_phone_max_length

    @property
    def placeholders(self) -> dict[str, str]:
        """What an English letter shows for each missing value (see :meth:`language` for others)."""
        return self.config.placeholders

    @property
    def roles(self) -> tuple[Role, ...]:
        """Whom a letter can be addressed to."""
        return self.config.roles

    @property
    def languages(self) -> Mapping[str, Language]:
        """The letter languages by code, English first (``"en"``, then ``[lang.xx]``'s)."""
        return self.config.languages

    @property
    def officials(self) -> tuple[Official, ...]:
        """Known officials the page offers as recipients."""
        return self.config.officials

    @property
    def articles(self) -> tuple[Article, ...]:
        """The articles cited when the input gives none."""
        return self.config.articles

    def _compile(self, analysis: Mapping[str, bool] | None) -> None:
        """Compile every template and note which use ``recipient`` (``analysis``, if shipped).

        With a shipped analysis, the exact same files were compiled by the
        build without error, so the other languages' templates are loaded
        only when a letter in that language is first rendered: an English
        page's start does not pay for the Spanish templates.
        """
        for name in self.template_names:
            if name not in self.files:
                english = name.split("/", 1)[-1]
                hint = f" (every language needs every template: translate {english})" if "/" in name else ""
                raise CampaignError(f"{self.origin}/{name}: file missing{hint}")
            try:
                if analysis is None or name not in analysis:
                    self.templates[name] = self.env.get_template(name)
                    self.per_recipient[name] = self._mentions_recipient(name, set())
                else:
                    if "/" not in name:
                        self.templates[name] = self.env.get_template(name)
                    self.per_recipient[name] = analysis[name]
            except jinja2.TemplateSyntaxError as exc:
                raise CampaignError(f"{self.origin}/{exc.name or name}, line {exc.lineno}: {exc.message}") from None

    def template(self, name: str) -> jinja2.Template:
        """A compiled template, loaded on first use if it was deferred (see :meth:`_compile`)."""
        found = self.templates.get(name)
        if found is None:
            found = self.templates[name] = self.env.get_template(name)
        return found

    def _environment(self) -> jinja2.Environment:
        env = _Environment(
            loader=_FilesLoader(self.files),
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
        template = self.templates.get(name) or self.template(name)
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

    def template_variables(self, name: str) -> set[str]:
        """The values a template reads: ``recipient``, ``community.state_name``, ...

        The names it does not set itself, and the attributes read from them,
        as ``jinja2.meta`` finds them (with the templates it includes).
        """
        from jinja2 import meta, nodes  # only for check-campaign

        tree = self.env.parse(self.files[name], name)
        free = meta.find_undeclared_variables(tree)
        found = set(free)
        for node in tree.find_all(nodes.Getattr):
            path = [node.attr]
            inner = node.node
            while isinstance(inner, nodes.Getattr):
                path.append(inner.attr)
                inner = inner.node
            if isinstance(inner, nodes.Name) and inner.name in free:
                found.add(".".join([inner.name, *reversed(path)]))
        return found

    def translation_problems(self) -> list[str]:
        """What differs between a language's templates and the English ones, each naming the file.

        A translation must read the same values as the English template (the
        same variables and attributes), so that no language silently drops a
        condition or a piece of the letter, and the engine must have the
        language's message catalogue. ``check-campaign`` reports these.
        """
        from .i18n import has_catalogue

        problems = []
        for lang in self.languages:
            if lang == SOURCE_LANGUAGE:
                continue
            if self.language(SOURCE_LANGUAGE).prompts and not self.language(lang).prompts:
                problems.append(f"[lang.{lang}] has no prompts, which the top level has: translate them "
                                f"(without them, letters in {lang!r} offer no sentence starters)")
            if not has_catalogue(lang):
                problems.append(f"the engine has no messages in {lang!r} (dates and errors would be English): "
                                f"add letter_py/locale/{lang}/LC_MESSAGES/letter_py.po (see docs/reference.md)")
            for name in (*TEMPLATES, *OPTIONAL_TEMPLATES):
                local = template_name(lang, name)
                if name not in self.files or local not in self.files:
                    if name in self.files:
                        problems.append(f"{local} is missing: translate {name} (without it, letters in "
                                        f"{lang!r} have no {name.split('.', 1)[0]} script)")
                    elif local in self.files:
                        problems.append(f"{local} has no English original: add {name} too")
                    continue
                english, translated = self.template_variables(name), self.template_variables(local)
                extra, missing = _outermost(translated - english), _outermost(english - translated)
                if missing:
                    problems.append(f"{template_name(lang, name)} does not use {', '.join(missing)}, "
                                    f"which {name} does")
                if extra:
                    problems.append(f"{template_name(lang, name)} uses {', '.join(extra)}, which {name} does not")
        return problems

    def sample_inputs(self) -> dict[str, dict[str, object]]:
        """Inputs that reach every branch a campaign's words have: for ``check-campaign``."""
        samples: dict[str, dict[str, object]] = {"an empty input": {}}
        for lang in self.languages:
            for role in self.roles:
                for gender in ("", "f", "m"):
                    samples[f"a letter in {lang!r} to role {role.id!r}, gender {gender!r}"] = {
                        "lang": lang, "recipients": [{"role": role.id, "name": "Sam Example",
                                                      "title": "Council Member", "gender": gender,
                                                      "phone": "217-555-0100"}]}
        return samples

    def __repr__(self) -> str:
        return f"<Campaign {self.name!r} from {self.origin}>"


def _outermost(names: set[str]) -> list[str]:
    """``{"sender", "sender.phone"}`` -> ``["sender.phone"]``: the most precise names only."""
    return sorted(name for name in names if not any(other.startswith(name + ".") for other in names))


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
    for name in (CONFIG, *TEMPLATES, *OPTIONAL_TEMPLATES):
        if name not in OPTIONAL_TEMPLATES or (root / name).is_file():
            files[name] = (root / name).read_text(encoding="utf-8")
    for folder in root.iterdir():
        if folder.is_dir() and _LANGUAGE_FOLDER.match(folder.name + "/"):
            for name in (*TEMPLATES, *OPTIONAL_TEMPLATES):
                if name not in OPTIONAL_TEMPLATES or (folder / name).is_file():
                    files[f"{folder.name}/{name}"] = (folder / name).read_text(encoding="utf-8")
    return Campaign.from_files(files, origin="letter_py/campaigns/default")
