"""Each edition's build state: its own, and what the main build hands it.

MkDocs imports a hooks file once per process, and runs its events for every
edition: the English (main) build, then, from its ``on_post_build``, each
other edition's (:func:`.i18n_site.build_editions`). So the hooks' module keeps
no build state: a build's state lives on its own MkDocs config, where each
event finds it (:func:`keep`, :func:`of`). What an edition takes from the main
build, the main build makes once, as a :class:`MainBuild`, and hands to the
edition's config before building it (:func:`hand_over`, :func:`handed`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..engine.build import EngineBuild
    from .i18n_site import Translations

# The attributes a MkDocs config carries them in (not options: MkDocs never sees them).
_MAIN = "letter_main_build"
_EDITION = "letter_edition_build"


@dataclass
class MainBuild:
    """What the main build makes once and every edition's build reuses."""

    command: str  # "build" or "serve", as MkDocs' on_startup said
    engine: EngineBuild
    precompiled: Path | None  # the campaign compiled ahead (None without Node)
    precompiled_sha256: str
    campaign_dir: Path
    campaign_json: str
    translations: Translations
    docs_dir: Path  # the main edition's: the page scripts' folder, shared by the editions
    builder: dict[str, Any]  # builder_page.prepare()
    directory: tuple[str, str]  # the officials directory's site path and text
    # Every edition's inline-script hashes: the one _headers the main build writes covers them all.
    script_hashes: set[str] = field(default_factory=set)

    @property
    def serving(self) -> bool:
        """``mkdocs serve``'s local preview rather than a build to publish."""
        return self.command == "serve"


@dataclass
class EditionBuild:
    """One edition's build: the main build's (``main``, itself for the main edition) and its own."""

    main: MainBuild
    nested: bool  # an edition the main build builds, not the main build itself
    prefix: str  # where the edition lives in the main site: "" or "es/"
    describe: dict[str, Any]  # the campaign's form settings in this language
    languages: list[dict[str, Any]]  # the letter's languages, each named in itself
    fallback: dict[str, Any]  # the no-JavaScript letter, in this language
    # The sentence starters by "In your own words", in every letter language
    # (the letter's may differ from the page's): assets/letter/own-words.js.
    prompts: dict[str, Any]
    letter_url: str = ""  # this edition's letter page, for its app manifest

    @property
    def root(self) -> str:
        """From this edition's root to the main site's: "" for the main site, "../" for /es/."""
        return "../" * self.prefix.count("/")


def hand_over(config, main: MainBuild) -> None:
    """Give an edition's config the main build's state, before it is built."""
    setattr(config, _MAIN, main)


def handed(config) -> MainBuild | None:
    """The main build's state, if ``config`` is an edition's that was handed it."""
    return getattr(config, _MAIN, None)


def keep(config, build: EditionBuild) -> EditionBuild:
    setattr(config, _EDITION, build)
    return build


def of(config) -> EditionBuild:
    """This config's build state (``on_config`` made it)."""
    return getattr(config, _EDITION)
