"""``letter-py directory build``: the snapshot from local clones of the two sources.

The only module here that reads files and runs git: each source's commit and
date, and for every Open States person file the date of the last commit that
changed it (the date that official was last checked). PyYAML is imported
here only, so the rest of letter_py never needs it (extra ``directory``).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from . import openstates, uscityurl
from .records import TownIndex
from .snapshot import build_snapshot


class BuildError(Exception):
    """A source cannot be read at all (not a clone, a missing file, broken YAML)."""


def _git(folder: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as exc:
        raise BuildError(f"{folder}: git {' '.join(args)} failed: {exc}") from None
    if result.returncode != 0:
        said = (result.stderr.strip().splitlines() or ["no message"])[0]
        raise BuildError(f"{folder}: not a git clone with history ({said}): clone the source, don't copy it")
    return result.stdout.strip()


def commit_of(folder: Path) -> tuple[str, str]:
    """The clone's commit hash and committer date (YYYY-MM-DD)."""
    line = _git(folder, "log", "-1", "--format=%H %cs")
    if not line:
        raise BuildError(f"{folder}: not a git clone with history (clone the source, don't download it)")
    commit, date = line.split()
    return commit, date


def file_date(folder: Path, path: str) -> str:
    """The committer date of the last commit that changed ``path`` (``git log -1 --format=%cs -- FILE``)."""
    date = _git(folder, "log", "-1", "--format=%cs", "--", path)
    if not date:
        raise BuildError(f"{folder}: {path} has no commit (is the clone shallow? clone with full history)")
    return date


def _yaml(path: Path):
    try:
        import yaml
    except ImportError:
        raise BuildError("directory build needs PyYAML: pip install 'letter-py[directory]'") from None
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise BuildError(f"cannot read {path}: {exc}") from None


def build(uscityurl_dir: str | Path, openstates_dir: str | Path) -> dict[str, object]:
    """Read both clones and return the snapshot (refusals and skipped entries inside it)."""
    us_dir, os_dir = Path(uscityurl_dir), Path(openstates_dir)
    csv_path = us_dir / uscityurl.FILE
    try:
        text = csv_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BuildError(f"cannot read {csv_path}: {exc}") from None
    try:
        towns, refused = uscityurl.read_uscityurl(text)
    except uscityurl.FormatError as exc:
        raise BuildError(str(exc)) from None
    index_path = os_dir / openstates.INDEX_FILE
    if not index_path.is_file():
        raise BuildError(f"{index_path} is missing: --openstates must be a clone of openstates/people")
    files = sorted((os_dir / openstates.PEOPLE_FOLDER).glob("*.yml"))
    relative = [path.relative_to(os_dir).as_posix() for path in files]
    people = [openstates.Person(rel, _yaml(path), file_date(os_dir, rel)) for rel, path in zip(relative, files)]
    officials, more_refused, skipped = openstates.read_openstates(_yaml(index_path), people, TownIndex(towns))
    commits = {"openstates": commit_of(os_dir), "uscityurl": commit_of(us_dir)}
    return build_snapshot(towns, officials, commits, [*refused, *more_refused], skipped)
