"""The line ``letter-py batch`` ends with, for one row and for several, in English, Spanish and Polish.

Its words must agree with its numbers: the second Spanish review saw "1 fila: 1
escritas como 2 archivos" (a participle fixed in the plural) and "1 de 2 filas
tenían errores" (a verb that should agree with "1"). Polish has three forms
(1 plik, 2 pliki, 5 plików), so each number is a message of its own (ngettext).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.letter_py.letter_helpers import run

HEADER = ["sender.name", "sender.street", "sender.city", "sender.state", "sender.zip",
          "recipients.0.role", "recipients.0.name", "recipients.1.role", "recipients.1.name"]
GOOD = ["Alex", "1 Main", "Peoria", "IL", "61602", "mayor", "Ann Wu", "", ""]
GOOD_TWO_LETTERS = ["Sam", "2 Main", "Peoria", "IL", "61602", "mayor", "Ann Wu", "police_chief", "Lee Park"]
BAD_ZIP = ["Kim", "3 Main", "Peoria", "IL", "6160", "mayor", "Ann Wu", "", ""]


def batch(tmp_path: Path, lang: str, *rows: list[str]):
    senders = tmp_path / "s.csv"
    with senders.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    return run("batch", str(senders), "--out", str(tmp_path / "o"), "--lang", lang)


@pytest.mark.parametrize(("lang", "rows", "said"), [
    ("en", [GOOD], "1 row: 1 written as 1 file in "),
    ("en", [GOOD_TWO_LETTERS], "1 row: 1 written as 2 files in "),
    ("en", [GOOD, GOOD_TWO_LETTERS], "2 rows: 2 written as 3 files in "),
    ("es", [GOOD], "1 fila; escritas: 1 (1 archivo en "),
    ("es", [GOOD_TWO_LETTERS], "1 fila; escritas: 1 (2 archivos en "),
    ("es", [GOOD, GOOD_TWO_LETTERS], "2 filas; escritas: 2 (3 archivos en "),
    ("pl", [GOOD], "1 wiersz; zapisane: 1 (1 plik w "),
    ("pl", [GOOD_TWO_LETTERS], "1 wiersz; zapisane: 1 (2 pliki w "),
    ("pl", [GOOD, GOOD_TWO_LETTERS], "2 wiersze; zapisane: 2 (3 pliki w "),
    ("pl", [GOOD_TWO_LETTERS] * 3, "3 wiersze; zapisane: 3 (6 plików w "),
    ("pl", [GOOD] * 5, "5 wierszy; zapisane: 5 (5 plików w "),
], ids=["en-one-row", "en-one-row-two-files", "en-two-rows", "es-one-row", "es-one-row-two-files",
        "es-two-rows", "pl-one-row", "pl-one-row-two-files", "pl-two-rows", "pl-three-rows-six-files",
        "pl-five-rows"])
def test_all_rows_written(tmp_path: Path, lang: str, rows: list[list[str]], said: str) -> None:
    result = batch(tmp_path, lang, *rows)
    assert result.returncode == 0, result.stderr
    assert said in result.stdout
    assert {"en": "0 with errors; summary in ", "es": "con errores: 0; resumen en ",
            "pl": "z błędami: 0; podsumowanie w "}[lang] in result.stdout


@pytest.mark.parametrize(("lang", "rows", "said", "failed"), [
    ("en", [BAD_ZIP], "1 row: 0 written as 0 files in ", "1 of 1 row had errors (see above)"),
    ("en", [GOOD, BAD_ZIP, GOOD_TWO_LETTERS], "3 rows: 2 written as 3 files in ",
     "1 of 3 rows had errors (see above); the other rows were written"),
    ("es", [BAD_ZIP], "1 fila; escritas: 0 (0 archivos en ", "Filas con errores: 1 de 1 (vea arriba)"),
    ("es", [GOOD, BAD_ZIP, GOOD_TWO_LETTERS], "3 filas; escritas: 2 (3 archivos en ",
     "Filas con errores: 1 de 3 (vea arriba); las demás se escribieron"),
    ("pl", [BAD_ZIP], "1 wiersz; zapisane: 0 (0 plików w ", "Wiersze z błędami: 1 z 1 (patrz wyżej)"),
    ("pl", [GOOD, BAD_ZIP, GOOD_TWO_LETTERS], "3 wiersze; zapisane: 2 (3 pliki w ",
     "Wiersze z błędami: 1 z 3 (patrz wyżej); pozostałe zostały zapisane"),
], ids=["en-one-bad-row", "en-three-rows-one-bad", "es-one-bad-row", "es-three-rows-one-bad", "pl-one-bad-row",
        "pl-three-rows-one-bad"])
def test_rows_with_errors(tmp_path: Path, lang: str, rows: list[list[str]], said: str, failed: str) -> None:
    result = batch(tmp_path, lang, *rows)
    assert result.returncode == 1
    assert said in result.stdout
    assert {"en": "1 with errors; ", "es": "con errores: 1; ", "pl": "z błędami: 1; "}[lang] in result.stdout
    assert failed in result.stderr


def test_no_spanish_word_is_fixed_in_the_plural(tmp_path: Path) -> None:
    """The old wording cannot come back: nothing in the Spanish line agrees with a number it does not see."""
    one, several = tmp_path / "one", tmp_path / "several"
    one.mkdir(), several.mkdir()
    outputs = [batch(one, "es", GOOD), batch(several, "es", GOOD, BAD_ZIP)]
    for result in outputs:
        assert "escritas como" not in result.stdout
        assert "filas tenían" not in result.stderr
