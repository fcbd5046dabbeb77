"""Helpers shared by the letter_py tests (a plain module: conftest is not importable)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import letter_py

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
TODAY = dt.date(2026, 11, 29)
DEFAULT = Path(letter_py.__file__).parent / "campaigns" / "default"
BIN = Path(sys.executable).parent


def render(data: object, campaign: letter_py.Campaign | None = None) -> dict:
    """render_json on a Python value, decoded."""
    text = data if isinstance(data, str) else json.dumps(data)
    return json.loads(letter_py.render_json(text, campaign, today=TODAY))


def fields(result: dict) -> dict[str, str]:
    """Errors by field path -> code."""
    return {error["field"]: error["code"] for error in result["errors"]}


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``letter-py ARGS`` (the console script when installed, else ``python -m letter_py``)."""
    script = BIN / "letter-py"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "letter_py"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([*command, *args], input=stdin, capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=60)
