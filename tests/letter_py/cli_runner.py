"""The letter-py command, run as a person would: in a subprocess (for the CLI tests)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``letter-py ARGS`` (the console script when installed, else ``python -m letter_py``)."""
    script = BIN / "letter-py"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "letter_py"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([*command, *args], input=stdin, capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=60)
