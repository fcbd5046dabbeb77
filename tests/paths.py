"""Where the tests find the project: its root folder."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
