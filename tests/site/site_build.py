"""The site the browser tests run against: built fresh, or one already built."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.paths import ROOT


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


def prebuilt_site() -> Build | None:
    """The site named by ``TEST_SITE_DIR`` (say ``site``), if any: quicker while
    working on the tests themselves."""
    prebuilt = os.environ.get("TEST_SITE_DIR")
    return Build(0, "", Path(prebuilt).resolve()) if prebuilt else None


def build_site(out: Path) -> Build:
    """``mkdocs build --strict`` into ``out``, exactly as ``make site`` does."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True,
    )
    return Build(result.returncode, result.stdout + result.stderr, out)
