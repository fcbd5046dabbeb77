"""The "Set up your town" page (template builder.html): its data and its one extra wheel.

The page runs the letter page's engine (the same worker, wheels and campaign)
plus ``segno``, a pure-Python QR code library, to draw the campaign link's QR
code. segno's wheel is served from the site like the engine's and listed only
in this page's boot config, so the letter page never downloads it
(tests/site/test_builder_page.py checks the letter page's requests).

:func:`prepare` fetches the wheel once (pip, from the index the build uses,
checked against the sha256 that ``requirements.txt`` pins too); the hooks call
:func:`page_context` for the page and :func:`site_files` after the build.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path
from typing import Any

from letter_py.campaign_link import MAX_ARTICLES, MAX_OFFICIALS
from mkdocs.utils import get_relative_url

TEMPLATE = "builder.html"
SEGNO_VERSION = "1.6.6"
SEGNO_WHEEL = f"segno-{SEGNO_VERSION}-py3-none-any.whl"
# The same digest as requirements.txt's first hash for segno (the wheel).
SEGNO_SHA256 = "28c7d081ed0cf935e0411293a465efd4d500704072cdb039778a2ab8736190c7"
SITE_FOLDER = "wheels/"  # served at /wheels/, beside neither engine folder
WORKER = "assets/letter/worker.js"


class BuilderError(RuntimeError):
    """The page's wheel could not be had intact."""


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def segno_wheel(root: Path) -> Path:
    """segno's wheel in ``build/wheels/``, downloaded once and checked every time."""
    target = root / "build" / "wheels" / SEGNO_WHEEL
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        print(f"builder_page: downloading segno {SEGNO_VERSION}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", "download",
                        "--no-deps", "--only-binary", ":all:", "-d", str(target.parent),
                        f"segno=={SEGNO_VERSION}"], check=True)
    digest = _sha256(target)
    if digest != SEGNO_SHA256:
        raise BuilderError(f"{target} has sha256 {digest}, not the pinned {SEGNO_SHA256}: delete it and rebuild")
    return target


def prepare(root: Path) -> dict[str, Any]:
    """What the hooks keep for the page: the wheel's file."""
    return {"segno": segno_wheel(root)}


def boot_config(letter_boot: dict[str, Any]) -> dict[str, Any]:
    """The letter page's boot config, with segno's wheel after the engine's."""
    segno = {"file": get_relative_url(SITE_FOLDER + SEGNO_WHEEL, WORKER), "sha256": SEGNO_SHA256}
    engine = {**letter_boot["engine"], "wheels": [*letter_boot["engine"]["wheels"], segno]}
    return {**letter_boot, "engine": engine}


def letter_page_url(page, nav) -> str:
    """The letter page's URL relative to this page, from its front matter ``letter_page: write.md``."""
    wanted = page.meta.get("letter_page", "write.md")
    for other in nav.pages:
        if other.file.src_uri == wanted:
            return get_relative_url(other.url or ".", page.url or ".")
    raise BuilderError(f"{page.file.src_uri}: letter_page {wanted!r} is not a page of the site")


def page_context(page, nav, letter_boot: dict[str, Any], root: str, campaign_json: str, describe: dict[str, Any],
                 strings: dict[str, str], directory: str) -> dict[str, Any]:
    """Everything builder.html needs; ``root`` leads from an edition's root to the
    main site's, where the page scripts are (``EditionBuild.root``), and the
    officials directory is (``directory``: its site path)."""
    return {
        "directory": root + directory,
        "boot": boot_config(letter_boot),
        "root": root,
        "campaign_json": campaign_json,
        "roles": [role for role in describe["roles"]],
        "states": describe["states"],
        "letter_page": letter_page_url(page, nav),
        "max_officials": MAX_OFFICIALS,
        "max_articles": MAX_ARTICLES,
        "strings": strings,
    }


def site_files(state: dict[str, Any]) -> dict[str, Path]:
    """Site path -> file, for the hooks' on_post_build."""
    return {SITE_FOLDER + SEGNO_WHEEL: state["segno"]}
