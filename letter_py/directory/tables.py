"""The rows of a source's table, from the files it comes in: CSV, a dBASE table, or a shapefile's zip.

HIFLD's layers were published as shapefiles; a shapefile keeps its table in
a dBASE III ``.dbf`` file (fixed-width records after a header of field
descriptors). Reading it here, with the standard library, lets the build
take the archived zip as it is, with no converter in between. Every value
comes back as text, stripped; a date field (type ``D``, ``YYYYMMDD``) as
``YYYY-MM-DD``, the form the CSV copies use; and each row says where it
stands in its file (:data:`WHERE`).
"""

from __future__ import annotations

import csv
import io
import struct
import zipfile
from pathlib import Path


WHERE = "_where"  # each row's place in its file, for messages: "line 12" of a CSV, "record 9" of a table


class TableError(ValueError):
    """A file that is not the table it should be; the message names it."""


def csv_rows(text: str, columns: tuple[str, ...], file: str, delimiter: str = ",") -> list[dict[str, str]]:
    """The rows of a CSV file (the Census's are ``|``-separated) that has at least ``columns``.

    Names and values are stripped: the Census pads its header's last name.
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    names = [name.strip() for name in reader.fieldnames or ()]
    missing = [column for column in columns if column not in names]
    if missing:
        raise TableError(f"{file}: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
    return [{**{key.strip(): (value or "").strip() for key, value in row.items() if key},
             WHERE: f"line {reader.line_num}"} for row in reader]


def dbf_rows(data: bytes, file: str) -> list[dict[str, str]]:
    """The records of a dBASE III table (deleted ones left out), each field as text."""
    if len(data) < 32:
        raise TableError(f"{file}: not a dBASE table (too short)")
    count, header, length = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, str, int]] = []
    position = 32
    while position < header - 1 and data[position] != 0x0D:
        descriptor = data[position:position + 32]
        name = descriptor[:11].split(b"\0", 1)[0].decode("ascii", "replace")
        fields.append((name, chr(descriptor[11]), descriptor[16]))
        position += 32
    if not fields or header + count * length > len(data) or sum(f[2] for f in fields) + 1 != length:
        raise TableError(f"{file}: not a dBASE table (its header does not match its records)")
    rows = []
    for number in range(count):
        record = data[header + number * length: header + (number + 1) * length]
        if record[:1] == b"*":  # deleted
            continue
        row, offset = {WHERE: f"record {number + 1}"}, 1
        for name, kind, width in fields:
            value = record[offset:offset + width].decode("utf-8", "replace").strip()
            offset += width
            if kind == "D" and len(value) == 8 and value.isdigit():
                value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
            row[name] = value
        rows.append(row)
    return rows


def read_rows(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of ``path``: a ``.csv``, a ``.dbf``, or a ``.zip`` holding one ``.dbf`` (a shapefile)."""
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                tables = [name for name in archive.namelist() if name.lower().endswith(".dbf")]
                if len(tables) != 1:
                    raise TableError(f"{path}: a shapefile's zip holds one .dbf table, this one {len(tables)}")
                rows = dbf_rows(archive.read(tables[0]), f"{path}:{tables[0]}")
        elif path.suffix.lower() == ".dbf":
            rows = dbf_rows(path.read_bytes(), str(path))
        else:
            return csv_rows(path.read_text(encoding="utf-8"), columns, path.name)
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
        raise TableError(f"cannot read {path}: {exc}") from None
    missing = [column for column in columns if rows and column not in rows[0]]
    if missing or not rows:
        raise TableError(f"{path}: {'no records' if not rows else 'missing fields ' + ', '.join(missing)}")
    return rows
