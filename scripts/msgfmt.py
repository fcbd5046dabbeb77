"""Compile gettext ``.po`` catalogues to ``.mo``, in pure Python (a small ``msgfmt``).

The build (``build_engine.letter_py_wheel``) compiles ``letter_py``'s catalogues
into the wheel, and ``make deps`` beside their ``.po`` sources for the command
line and the tests, so that no compiled file is committed and no tool beyond
the standard library is needed (GNU gettext and Babel are not dependencies).
It reads what the project's catalogues use: ``msgctxt``, ``msgid``,
``msgid_plural``, ``msgstr``/``msgstr[n]``, comments and the ``fuzzy`` flag
(fuzzy entries are left out, as ``msgfmt`` does).

Run it as ``python scripts/msgfmt.py [PACKAGE_DIR]`` to compile every
``locale/*/LC_MESSAGES/*.po`` under it (default: ``letter_py``), or
``python scripts/msgfmt.py --pot`` to print a template of every message the
package can emit (:func:`extract`), the start of a new language's ``.po``.
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path
from typing import NamedTuple


class Entry(NamedTuple):
    """One message: ``msgid`` (with ``context\\x04`` in front if any) and its translations."""

    msgid: str
    plural: str | None
    strings: tuple[str, ...]
    fuzzy: bool
    line: int


class PoError(ValueError):
    """A ``.po`` file that cannot be read; the message names the file and line."""


def _unquote(text: str, where: str) -> str:
    if not (text.startswith('"') and text.endswith('"')):
        raise PoError(f"{where}: expected a quoted string, got {text!r}")
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        raise PoError(f"{where}: not a valid C string: {text}") from None


def parse_po(text: str, name: str = "<po>") -> list[Entry]:
    """Every entry of a ``.po`` file, the header (``msgid ""``) included."""
    entries: list[Entry] = []
    fields: dict[str, str] = {}
    current: str | None = None
    fuzzy = False
    start = 0

    def finish() -> None:
        nonlocal fields, fuzzy, current
        if "msgid" in fields:
            context = fields.get("msgctxt")
            msgid = fields["msgid"] if context is None else f"{context}\x04{fields['msgid']}"
            strings = tuple(fields[k] for k in sorted(k for k in fields if k.startswith("msgstr")))
            entries.append(Entry(msgid, fields.get("msgid_plural"), strings, fuzzy, start))
        fields, fuzzy, current = {}, False, None

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        where = f"{name}, line {number}"
        if not line:
            continue
        if line.startswith("#"):
            if current is not None and "msgstr" in "".join(fields):
                finish()
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            continue
        if line.startswith('"'):
            if current is None:
                raise PoError(f"{where}: a string continues nothing")
            fields[current] += _unquote(line, where)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword.startswith("msgstr["):
            keyword = f"msgstr{int(keyword[7:-1]):03d}"
        if keyword not in ("msgctxt", "msgid", "msgid_plural", "msgstr") and not keyword.startswith("msgstr"):
            raise PoError(f"{where}: unknown keyword {keyword!r}")
        if keyword in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in fields):
            finish()
        if keyword in ("msgctxt", "msgid") and not fields:
            start = number
        if keyword in fields:
            raise PoError(f"{where}: {keyword} given twice")
        fields[keyword] = _unquote(rest.strip(), where)
        current = keyword
    finish()
    return entries


def mo_bytes(entries: list[Entry]) -> bytes:
    """A little-endian ``.mo`` file of the entries (fuzzy and untranslated ones left out)."""
    messages: dict[bytes, bytes] = {}
    for entry in entries:
        if entry.fuzzy and entry.msgid:
            continue
        if not any(entry.strings) and entry.msgid:
            continue
        key = entry.msgid if entry.plural is None else f"{entry.msgid}\x00{entry.plural}"
        messages[key.encode("utf-8")] = "\x00".join(entry.strings).encode("utf-8")
    keys = sorted(messages)
    ids = b"".join(k + b"\x00" for k in keys)
    strs = b"".join(messages[k] + b"\x00" for k in keys)
    header = 7 * 4
    table = header + 16 * len(keys)
    id_offsets, str_offsets = [], []
    position = 0
    for key in keys:
        id_offsets += [len(key), table + position]
        position += len(key) + 1
    position = 0
    for key in keys:
        str_offsets += [len(messages[key]), table + len(ids) + position]
        position += len(messages[key]) + 1
    return (
        struct.pack("<7I", 0x950412DE, 0, len(keys), header, header + 8 * len(keys), 0, 0)
        + struct.pack(f"<{len(id_offsets)}I", *id_offsets)
        + struct.pack(f"<{len(str_offsets)}I", *str_offsets)
        + ids
        + strs
    )


def compile_po(po: Path, mo: Path | None = None) -> Path:
    """Write ``po``'s ``.mo`` (beside it unless ``mo`` is given); the same bytes are not rewritten."""
    target = mo or po.with_suffix(".mo")
    data = mo_bytes(parse_po(po.read_text(encoding="utf-8"), str(po)))
    if not target.exists() or target.read_bytes() != data:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    else:
        target.touch()  # up to date: newer than its source, for make
    return target


MARKERS = frozenset({"_", "N_", "gettext"})


def extract(package: Path) -> dict[str, list[str]]:
    """Every msgid in a package's code, with where it is: ``_("...")``, ``N_("...")``, ``gettext("...")``.

    What xgettext and Babel's extractor do, for Python source: string literals
    (implicit concatenation included) given as the first argument to a marker.
    """
    found: dict[str, list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            first = node.args[0]
            if name in MARKERS and isinstance(first, ast.Constant) and isinstance(first.value, str):
                where = f"{path.relative_to(package.parent).as_posix()}:{node.lineno}"
                found.setdefault(first.value, []).append(where)
    return found


def _po_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def pot(package: Path) -> str:
    """A ``.pot`` template: every message, its places, and an empty translation."""
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for msgid, places in extract(package).items():
        lines += [f"#: {' '.join(places)}", f"msgid {_po_string(msgid)}", 'msgstr ""', ""]
    return "\n".join(lines)


def catalogues(package: Path) -> list[Path]:
    """Every ``.po`` file of a package's ``locale`` folder."""
    return sorted((package / "locale").glob("*/LC_MESSAGES/*.po"))


def compile_all(package: Path) -> list[Path]:
    """Compile every catalogue of ``package`` beside its source."""
    return [compile_po(po) for po in catalogues(package)]


def main(argv: list[str]) -> int:
    template = "--pot" in argv
    argv = [arg for arg in argv if arg != "--pot"]
    package = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "letter_py"
    if template:
        sys.stdout.write(pot(package))
        return 0
    try:
        for mo in compile_all(package):
            print(f"msgfmt: {mo}", file=sys.stderr)
    except PoError as exc:
        print(f"msgfmt: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
