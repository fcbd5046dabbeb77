"""What every step of the engine build uses: the project's root, the log, the
subprocess runner, and :func:`cache_key`, which names every cache the build
keeps (so nothing is rebuilt when its inputs have not changed)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# A fixed timestamp makes the wheels byte-for-byte reproducible, so an unchanged
# letter_py keeps its engine folder name and visitors keep their cached copy.
SOURCE_DATE_EPOCH = "315532800"


def log(message: str) -> None:
    print(f"engine build: {message}", file=sys.stderr)


def cache_key(*parts: str | bytes | Path, length: int = 16) -> str:
    """A short hex digest naming what ``parts`` build: every cache here is keyed so.

    A :class:`~pathlib.Path` stands for its contents (a marker if missing);
    pass a name beside it where the name matters too. Each part is
    length-prefixed, so no two different lists of parts give the same key.
    """
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, Path):
            data = part.read_bytes() if part.exists() else b"\xff(missing)"
        else:
            data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()[:length]


def run(args: list[str], **kwargs) -> str:
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout

