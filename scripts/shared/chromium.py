"""Debian's Chromium, launched one way for the browser tests and the benchmark.

The tests (tests/site/conftest.py, and Lighthouse in tests/site/standards.py)
and the benchmark (``scripts/bench/``) all import this module, so what is measured is
the browser that is tested.
"""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Playwright

EXECUTABLE = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Keep Chromium from calling home: this machine has no network but the registries.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]


def missing(make_target: str) -> str | None:
    """Why Chromium cannot be launched (naming the make target that installs it), or None."""
    if Path(EXECUTABLE).exists():
        return None
    return f"{EXECUTABLE} is missing: `{make_target}` installs Debian's chromium"


def launch(playwright: Playwright) -> Browser:
    """A headless browser, for one fresh context per visitor."""
    return playwright.chromium.launch(executable_path=EXECUTABLE, args=ARGS)


def launch_persistent(playwright: Playwright, profile: Path) -> BrowserContext:
    """A headless browser with its own profile folder: a cold or warm HTTP cache on disk."""
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=EXECUTABLE, args=ARGS, headless=True)
