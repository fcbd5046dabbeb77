"""CSV rows as input documents (the parts of ``batch`` that do no I/O)."""

from __future__ import annotations

import pytest

from letter_py.batch import column_path, overlay, read_rows
from letter_py.model import FieldError


def test_aliases_and_paths() -> None:
    assert column_path(" Name ") == "sender.name"
    assert column_path("ZIP") == "sender.zip"
    assert column_path("recipients.0.name") == "recipients.0.name"
    assert column_path("personal") == "personal"


def test_overlay_copies_only_what_it_changes() -> None:
    base = {"recipients": [{"role": "mayor", "name": "A"}, {"role": "sheriff", "name": "B"}], "articles": [{"t": 1}]}
    data = overlay(base, [("recipients.1.name", "C"), ("sender.name", "Alex"), ("recipients.2.role", "mayor")])
    assert data["recipients"] == [{"role": "mayor", "name": "A"}, {"role": "sheriff", "name": "C"}, {"role": "mayor"}]
    assert data["sender"] == {"name": "Alex"}
    assert data["articles"] is base["articles"]
    assert base["recipients"][1]["name"] == "B"


@pytest.mark.parametrize("path", ["recipients.x.name", "recipients.5000.name"])
def test_overlay_rejects_bad_indexes(path: str) -> None:
    with pytest.raises(ValueError):
        overlay({"recipients": []}, [(path, "x")])


def test_read_rows_line_numbers_and_errors() -> None:
    lines = 'name,personal\nAlex,"two\nlines"\n,\nSam,ok,extra\nKim,\n'.splitlines(keepends=True)
    rows = list(read_rows(lines, {"date": "2026-11-29"}))
    assert rows[0].line == 2 and rows[0].data == {"date": "2026-11-29", "sender": {"name": "Alex"},
                                                   "personal": "two\nlines"}
    assert rows[1][0] == 5 and isinstance(rows[1][1], FieldError)
    assert rows[2].line == 6 and rows[2].data["sender"] == {"name": "Kim"}
    assert list(read_rows([], {})) == []
