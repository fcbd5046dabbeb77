"""Many senders, one campaign: a CSV file in, one letter file per row out.

Each CSV column is a field path of the JSON input (``sender.name``,
``recipients.0.name``, ``personal``…), or a short alias for the sender's
fields (``name``, ``street``, ``zip``…). A base JSON document supplies what
all rows share, typically the recipients and the articles. Rows are validated
on their own, so one bad row never stops the good ones.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from .model import FieldError

ALIASES = {
    "name": "sender.name",
    "street": "sender.street",
    "city": "sender.city",
    "state": "sender.state",
    "zip": "sender.zip",
    "email": "sender.email",
    "phone": "sender.phone",
}


@dataclass(frozen=True, slots=True)
class Row:
    """One CSV record as an input document, with the line it starts on."""

    line: int
    data: dict[str, object]


def column_path(header: str) -> str:
    """A CSV header as a field path: ``" Name "`` -> ``"sender.name"``."""
    key = header.strip().lower().replace(" ", "_")
    return ALIASES.get(key, key)


def overlay(base: dict[str, object], cells: list[tuple[str, str]]) -> dict[str, object]:
    """``base`` with each ``(path, value)`` put in place; ``base`` itself is not changed.

    Only the containers along the given paths are copied, so a large shared
    base (ten recipients, ten articles) costs little per row.
    """
    tree: dict[str, object] = {}
    for path, value in cells:
        *parents, last = path.split(".")
        node = tree
        for part in parents:
            child = node.get(part)
            if not isinstance(child, dict):
                child = node[part] = {}
            node = child
        node[last] = value
    return _merge(base, tree)  # type: ignore[return-value]


def _merge(base: object, tree: dict[str, object]) -> object:
    if isinstance(base, list) or (not isinstance(base, dict) and tree and all(k.isdigit() for k in tree)):
        result: list[object] = list(base) if isinstance(base, list) else []
        for key, value in tree.items():
            if not key.isdigit():
                raise ValueError(f"{key!r} is not a list index")
            index = int(key)
            if index > 1000:
                raise ValueError(f"list index {index} is too large")
            while len(result) <= index:
                result.append({})
            result[index] = _merge(result[index], value) if isinstance(value, dict) else value
        return result
    merged: dict[str, object] = dict(base) if isinstance(base, dict) else {}
    for key, value in tree.items():
        merged[key] = _merge(merged.get(key), value) if isinstance(value, dict) else value
    return merged


def read_rows(lines: Iterable[str], base: Mapping[str, object]) -> Iterator[Row | tuple[int, FieldError]]:
    """Input documents from CSV text; a row that cannot be read yields its line and an error."""
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None:
        return
    paths = [column_path(h) for h in header]
    start = reader.line_num + 1
    for record in reader:
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(paths):
            yield line, FieldError("", "wrong_columns",
                                   f"This row has {len(record)} columns but the header has {len(paths)}")
            continue
        try:
            data = overlay(base, [(path, cell) for path, cell in zip(paths, record) if path and cell.strip()])
        except ValueError as exc:
            yield line, FieldError("", "bad_column", f"A column name is not a field path: {exc}")
            continue
        yield Row(line, data)
