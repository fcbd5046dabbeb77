"""``letter-py directory build``: the snapshot from local copies of its sources.

The only module here that reads files and runs git: each clone's commit and
date, and for every Open States person file the date its values last
changed (not the date of its last commit: many commits only re-format). The
FBI's and HIFLD's lists are single files (CSV, or HIFLD's shapefile zip as
archived: :mod:`tables`), recorded by their SHA-256. PyYAML
is imported here only, so the rest of letter_py never needs it (extra
``directory``).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from . import gazetteer, openstates, police, tables, uscityurl
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


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BuildError(f"cannot read {path}: {exc}") from None


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def value_date(folder: Path, path: str, substance: Callable[[object], object]) -> str:
    """The committer date of the commit that last changed what ``substance`` reads from the file.

    A commit that only re-orders keys or trims spaces changes the file but not
    its values, so the date a value was last set is found by comparing the
    parsed values back through the file's history (newest first).
    """
    log = [line.split() for line in _git(folder, "log", "--format=%H %cs", "--", path).splitlines()]
    if not log:
        raise BuildError(f"{folder}: {path} has no commit (is the clone shallow? clone with full history)")
    current, date = substance(_yaml_text(_git(folder, "show", f"{log[0][0]}:{path}"), path)), log[0][1]
    for commit, day in log[1:]:
        try:
            older = substance(_yaml_text(_git(folder, "show", f"{commit}:{path}"), path))
        except BuildError:  # the file did not exist there (a rename): its values start here
            break
        if older != current:
            break
        date = day
    return date


def _yaml_text(text: str, where: str):
    try:
        import yaml
    except ImportError:
        raise BuildError("directory build needs PyYAML: pip install 'letter-py[directory]'") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise BuildError(f"cannot read {where}: {exc}") from None


def _yaml(path: Path):
    return _yaml_text(_text(path), str(path))


def build(geo_dir: str | Path, uscityurl_dir: str | Path, openstates_dir: str | Path,
          fbi_file: str | Path, hifld_file: str | Path, https_file: str | Path | None = None) -> dict[str, object]:
    """Read every source and return the snapshot (refusals and skipped entries inside it).

    ``https_file`` lists the ``https://`` addresses of ``http://`` websites
    that answered when the refresh tried them (:func:`uscityurl.read_answered`).
    """
    geo, us_dir, os_dir = Path(geo_dir), Path(uscityurl_dir), Path(openstates_dir)
    answered, refused = ({}, []) if https_file is None else uscityurl.read_answered(
        _text(Path(https_file)), Path(https_file).name)
    try:
        towns, more_refused = gazetteer.read_places(_text(geo / gazetteer.PLACES_FILE))
        refused += more_refused
        counties = gazetteer.read_counties(_text(geo / gazetteer.COUNTIES_FILE),
                                           _text(geo / gazetteer.PLACE_COUNTIES_FILE))
        websites, more_refused, skipped = uscityurl.read_uscityurl(_text(us_dir / uscityurl.FILE),
                                                                   {str(t["id"]): t for t in towns},
                                                                   answered=answered)
    except tables.TableError as exc:
        raise BuildError(str(exc)) from None
    towns = gazetteer.with_counties(towns, counties)
    refused += more_refused
    index_path = os_dir / openstates.INDEX_FILE
    if not index_path.is_file():
        raise BuildError(f"{index_path} is missing: --openstates must be a clone of openstates/people")
    files = sorted((os_dir / openstates.PEOPLE_FOLDER).glob("*.yml"))
    relative = [path.relative_to(os_dir).as_posix() for path in files]
    people = [openstates.Person(rel, _yaml(path), value_date(os_dir, rel, openstates.substance))
              for rel, path in zip(relative, files)]
    officials, os_refused, os_skipped = openstates.read_openstates(_yaml(index_path), people, TownIndex(towns))
    try:
        fbi = tables.read_rows(Path(fbi_file), police.FBI_COLUMNS)
        hifld = tables.read_rows(Path(hifld_file), police.HIFLD_COLUMNS)
    except tables.TableError as exc:
        raise BuildError(str(exc)) from None
    found = police.read_police(fbi, hifld, towns, police.FBI_DATE, Path(fbi_file).name, Path(hifld_file).name)
    commits = {"gazetteer": commit_of(geo), "openstates": commit_of(os_dir), "uscityurl": commit_of(us_dir)}
    files_read = {"fbi": _sha256(Path(fbi_file)), "hifld": _sha256(Path(hifld_file))}
    return build_snapshot(towns, websites, officials, found, commits, files_read,
                          [*refused, *os_refused, *found.refused], [*skipped, *os_skipped, *found.skipped])
