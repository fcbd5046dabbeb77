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


def set_path(document: dict | list, path: str, value: object) -> dict | list:
    """A copy of ``document`` with ``value`` at ``path``; shared parts are not changed."""
    head, _, rest = path.partition(".")
    key: str | int = int(head) if head.isdigit() else head
    top: dict[str, object] | list[object]
    if isinstance(document, list):
        top = list(document)
    else:
        top = dict(document)
    if not rest:
        _put(top, key, value)
        return top
    child = _get(top, key)
    if not isinstance(child, (dict, list)):
        child = [] if rest.partition(".")[0].isdigit() else {}
    _put(top, key, set_path(child, rest, value))
    return top


def _get(container: dict | list, key: str | int) -> object:
    if isinstance(container, list):
        return container[key] if isinstance(key, int) and key < len(container) else None
    return container.get(key)  # type: ignore[arg-type]


def _put(container: dict | list, key: str | int, value: object) -> None:
    if isinstance(container, list):
        if not isinstance(key, int):
            raise ValueError(f"{key!r} is not a list index")
        while len(container) <= key:
            container.append({})
        container[key] = value
    else:
        container[str(key)] = value


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
        data: dict[str, object] = dict(base)
        try:
            for path, cell in zip(paths, record):
                if path and cell.strip():
                    data = set_path(data, path, cell)
        except (ValueError, IndexError) as exc:
            yield line, FieldError("", "bad_column", f"A column name is not a field path: {exc}")
            continue
        yield Row(line, data)
