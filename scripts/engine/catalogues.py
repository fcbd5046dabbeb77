"""letter_py's message catalogues, with Babel: extracted by ``babel.cfg``, compiled to ``.mo``.

Babel runs at build time only: the browser's engine reads the compiled ``.mo``
with the standard library's ``gettext`` (``letter_py.i18n``). ``make deps``
compiles each catalogue beside its ``.po`` source for the command line and
the tests (``python -m scripts.engine.catalogues``), and the wheel build
(:mod:`.wheels`) compiles a clean copy with :func:`compile_all`, so no
compiled file is committed. Fuzzy and untranslated entries are left out, as
``msgfmt`` and ``pybabel compile`` do.

A ``.po`` without a ``POT-Creation-Date`` gets the build's fixed date
(``SOURCE_DATE_EPOCH``), not the clock's, in its ``.mo`` header: Babel writes
one, and the wheel, named by its bytes, must be the same on every build.

New messages and new languages are Babel's own commands (docs/reference.md)::

    pybabel extract -F babel.cfg -o build/letter_py.pot .
    pybabel init -i build/letter_py.pot -d letter_py/locale -D letter_py -l fr
    pybabel update -i build/letter_py.pot -d letter_py/locale -D letter_py
"""

from __future__ import annotations

import datetime
import io
import sys
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from .common import ROOT, SOURCE_DATE_EPOCH

DOMAIN = "letter_py"
MAPPING = ROOT / "babel.cfg"
FIXED_DATE = datetime.datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), datetime.timezone.utc)


def catalogues(package: Path) -> list[Path]:
    """Every ``.po`` file of a package's ``locale`` folder."""
    return sorted((package / "locale").glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def mo_bytes(po: Path) -> bytes:
    """``po`` compiled to a ``.mo`` file's bytes (its language from its folder)."""
    text = po.read_bytes()
    catalog = read_po(io.BytesIO(text), locale=po.parts[-3], domain=DOMAIN)
    if b"POT-Creation-Date:" not in text:
        catalog.creation_date = FIXED_DATE
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def compile_po(po: Path, mo: Path | None = None) -> Path:
    """Write ``po``'s ``.mo`` (beside it unless ``mo`` is given); the same bytes are not rewritten."""
    target = mo or po.with_suffix(".mo")
    data = mo_bytes(po)
    if not target.exists() or target.read_bytes() != data:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    else:
        target.touch()  # up to date: newer than its source, for make
    return target


def compile_all(package: Path) -> list[Path]:
    """Compile every catalogue of ``package`` beside its source."""
    return [compile_po(po) for po in catalogues(package)]


def extract(root: Path = ROOT, mapping: Path = MAPPING) -> dict[str, list[str]]:
    """Every msgid the sources ``babel.cfg`` names can emit, with where (``pybabel extract``'s reading)."""
    with mapping.open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg, str(mapping))
    found: dict[str, list[str]] = {}
    for filename, line, message, _comments, _context in extract_from_dir(root, method_map, options_map):
        msgid = message if isinstance(message, str) else message[0]
        found.setdefault(msgid, []).append(f"{filename}:{line}")
    return found


def main(argv: list[str]) -> int:
    package = Path(argv[0]) if argv else ROOT / "letter_py"
    for mo in compile_all(package):
        print(f"catalogues: {mo}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
