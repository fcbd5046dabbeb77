"""The letter-py command, run as a person would: in a subprocess."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import letter_py
from tests.letter_py.letter_helpers import DEFAULT, run


@pytest.fixture(scope="module")
def example_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "input.json"
    result = run("example")
    assert result.returncode == 0, result.stderr
    path.write_text(result.stdout, encoding="utf-8")
    return path


def test_example_is_valid_json_that_render_accepts(example_file: Path) -> None:
    data = json.loads(example_file.read_text(encoding="utf-8"))
    assert data["sender"]["name"] == "Alex Doe"
    result = run("render", "--input", str(example_file), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ok"] is True


def test_python_dash_m(example_file: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "letter_py", "render", "-i", str(example_file), "-f", "letter",
                             "--today", "2026-11-29"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Dear Mayor Lopez," in result.stdout and "Dear Chief Brown," in result.stdout
    assert "\f" in result.stdout  # a page break between the two letters


@pytest.mark.parametrize(("fmt", "needle"), [
    ("email", "Subject: Please help end the demand for sexual exploitation in Springfield\n\nDear Mayor Lopez,"),
    ("letter", "Alex Doe\n123 Main Street\nSpringfield, IL 62704\n"),
    ("html", '<article class="letter">'),
    ("mailto", "mailto:mayor@springfield.example.gov?subject="),
])
def test_render_formats_to_stdout(example_file: Path, fmt: str, needle: str) -> None:
    result = run("render", "--input", str(example_file), "--format", fmt) if fmt != "html" else \
        run("render", "--input", "-", "--format", fmt, stdin=json.dumps({**json.loads(example_file.read_text()),
                                                                         "recipients": [{"role": "mayor", "name": "Maria Lopez"}]}))
    assert result.returncode == 0, result.stderr
    assert needle in result.stdout


def test_render_to_output_file_and_out_dir(example_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "letter.txt"
    result = run("render", "-i", str(example_file), "-f", "letter", "--output", str(target))
    assert result.returncode == 0 and result.stdout == ""
    assert "Dear Mayor Lopez," in target.read_text(encoding="utf-8")
    result = run("render", "-i", str(example_file), "-f", "eml", "--out", str(tmp_path / "drafts"))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "drafts").iterdir())
    assert names == ["letter-to-mayor-maria-lopez.eml", "letter-to-police-chief-ken-brown.eml"]
    assert b"\r\nX-Unsent: 1\r\n" in (tmp_path / "drafts" / names[0]).read_bytes()


def test_several_emls_need_a_folder(example_file: Path) -> None:
    result = run("render", "-i", str(example_file), "-f", "eml")
    assert result.returncode == 2
    assert "use --out DIR" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("stdin", "reason"), [
    ("{", "not valid JSON"),
    ("[]", "must be a JSON object"),
    ("{}", "problems in the input: recipients: Add at least one person to write to"),
])
def test_bad_input_one_line_reason(stdin: str, reason: str) -> None:
    result = run("render", "--input", "-", stdin=stdin)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("letter-py: error: ")
    assert reason in lines[0]


def test_draft_renders_with_placeholders() -> None:
    result = run("render", "--input", "-", "--draft", "--format", "letter", stdin="{}")
    assert result.returncode == 0
    assert result.stdout.startswith("(Your name)\n(Your address)\n")
    assert "warning: sender.name: Enter your name" in result.stderr


def test_json_format_reports_errors_with_status_1() -> None:
    result = run("render", "--input", "-", "--format", "json", stdin="{}")
    assert result.returncode == 1
    assert json.loads(result.stdout)["ok"] is False


def test_missing_input_file() -> None:
    result = run("render", "--input", "/nonexistent/input.json")
    assert result.returncode == 1
    assert "cannot read /nonexistent/input.json" in result.stderr


def test_bad_today() -> None:
    result = run("render", "--input", "-", "--today", "tomorrow", stdin="{}")
    assert result.returncode == 2


def test_batch_writes_good_rows_and_reports_bad_ones(example_file: Path, tmp_path: Path) -> None:
    base = json.loads(example_file.read_text(encoding="utf-8"))
    del base["sender"], base["personal"]
    (tmp_path / "base.json").write_text(json.dumps(base), encoding="utf-8")
    rows = [
        ["name", "street", "city", "state", "zip", "email", "personal", "recipients.0.name"],
        ["Alex Doe", "1 Main St", "Springfield", "IL", "62704", "", "I care.", ""],
        ["Bad Zip", "2 Main St", "Springfield", "IL", "6270", "", "", ""],
        ["", "", "", "", "", "", "", ""],
        ["Sam Roe", "3 Oak Ave", "Springfield", "Illinois", "62704", "sam@example.com", "Line one\nline two", "Ann Wu"],
        ["Too", "many", "columns", "IL", "62704", "", "", "", "extra"],
    ]
    senders = tmp_path / "senders.csv"
    with senders.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    out = tmp_path / "out"
    result = run("batch", str(senders), "--out", str(out), "--base", str(tmp_path / "base.json"), "--today", "2026-11-29")
    assert result.returncode == 1
    assert "senders.csv, line 3: 1 problem in the input: sender.zip:" in result.stderr
    assert "senders.csv, line 7:" in result.stderr  # after the two-line cell on lines 5-6
    assert "4 rows: 2 written as 4 files" in result.stdout
    files = sorted(p.name for p in out.iterdir())
    assert files == [
        "line0002-alex-doe-letter-to-mayor-maria-lopez.txt",
        "line0002-alex-doe-letter-to-police-chief-ken-brown.txt",
        "line0005-sam-roe-letter-to-mayor-ann-wu.txt",
        "line0005-sam-roe-letter-to-police-chief-ken-brown.txt",
        "summary.csv",
    ]
    assert "Dear Mayor Wu," in (out / files[2]).read_text(encoding="utf-8")
    assert "Line one\nline two" in (out / files[2]).read_text(encoding="utf-8")
    summary = list(csv.DictReader((out / "summary.csv").open(encoding="utf-8", newline="")))
    assert [(r["line"], r["status"]) for r in summary] == [("2", "ok"), ("3", "error"), ("5", "ok"), ("7", "error")]


def test_batch_all_good_exits_0(tmp_path: Path) -> None:
    senders = tmp_path / "s.csv"
    senders.write_text("sender.name,sender.street,sender.city,sender.state,sender.zip,recipients.0.role,"
                       "recipients.0.name\nAlex,1 Main,Peoria,IL,61602,mayor,Ann Wu\n", encoding="utf-8")
    result = run("batch", str(senders), "--out", str(tmp_path / "o"), "--format", "eml")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "o" / "line0002-alex-letter-to-mayor-ann-wu.eml").exists()


def test_a_family_name_column_corrects_the_greeting(tmp_path: Path) -> None:
    senders = tmp_path / "s.csv"
    senders.write_text("name,street,city,state,zip,recipients.0.role,recipients.0.name,recipients.0.family_name\n"
                       "Alex,1 Main,Skokie,IL,60077,mayor,Eileen O'Neill Burke,O'Neill Burke\n"
                       "Sam,2 Main,Skokie,IL,60077,mayor,George Van Dusen,\n", encoding="utf-8")
    result = run("batch", str(senders), "--out", str(tmp_path / "o"), "--format", "email")
    assert result.returncode == 0, result.stderr
    letters = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "o").glob("line*.txt")}
    assert "\nDear Mayor O'Neill Burke,\n" in letters["line0002-alex-letter-to-mayor-eileen-o-neill-burke.txt"]
    assert "\nDear Mayor Van Dusen,\n" in letters["line0003-sam-letter-to-mayor-george-van-dusen.txt"]


def test_check_campaign(tmp_path: Path) -> None:
    result = run("check-campaign", str(DEFAULT))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 'End Demand Illinois'")
    broken = tmp_path / "broken"
    shutil.copytree(DEFAULT, broken)
    (broken / "body.txt.j2").write_text("Hello\n{{ recipient.name\n", encoding="utf-8")
    result = run("check-campaign", str(broken))
    assert result.returncode == 1
    assert f"{broken}/body.txt.j2, line 2:" in result.stderr


def test_check_campaign_finds_render_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(DEFAULT, broken)
    (broken / "subject.txt.j2").write_text("A\n{{ no_such_variable }}\n", encoding="utf-8")
    result = run("check-campaign", str(broken))
    assert result.returncode == 1
    assert "subject.txt.j2, line 2: UndefinedError" in result.stderr


def test_campaign_option(example_file: Path, tmp_path: Path) -> None:
    custom = tmp_path / "custom"
    shutil.copytree(DEFAULT, custom)
    (custom / "subject.txt.j2").write_text("Custom subject\n", encoding="utf-8")
    result = run("render", "-i", str(example_file), "-f", "email", "--campaign", str(custom))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Subject: Custom subject\n")
    result = run("render", "-i", str(example_file), "--campaign", str(tmp_path / "nope"))
    assert result.returncode == 1 and "broken campaign" in result.stderr


@pytest.mark.parametrize("command", [[], ["example"], ["render"], ["batch"], ["check-campaign"]])
def test_help_everywhere(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: letter-py")


def test_render_ics_reminders(example_file: Path, tmp_path: Path) -> None:
    import icalendar

    result = run("render", "-i", str(example_file), "-f", "ics", "--out", str(tmp_path / "cal"))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "cal").iterdir())
    assert names == ["letter-to-mayor-maria-lopez.ics", "letter-to-police-chief-ken-brown.ics"]
    data = (tmp_path / "cal" / names[0]).read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Follow up on your letter to Mayor Lopez"
    one = json.loads(example_file.read_text())
    one["recipients"] = one["recipients"][:1]
    result = run("render", "--input", "-", "--format", "ics", stdin=json.dumps(one))
    assert result.returncode == 0, result.stderr
    assert "SUMMARY:Follow up on your letter to Mayor Lopez" in result.stdout
    result = run("render", "-i", str(example_file), "-f", "ics")
    assert result.returncode == 2 and "use --out DIR" in result.stderr


def test_json_output_has_webmail_links(example_file: Path) -> None:
    result = run("render", "--input", str(example_file), "--format", "json")
    letter = json.loads(result.stdout)["letters"][0]
    assert letter["webmail"][0]["url"].startswith("https://mail.google.com/mail/?view=cm&fs=1&to=mayor@")


def test_lang_es_words_the_commands_own_lines(tmp_path: Path) -> None:
    document = tmp_path / "bad.json"
    document.write_text(json.dumps({"lang": "en", "sender": {"zip": "1"}}), encoding="utf-8")
    result = run("render", "-i", str(document), "--lang", "es")
    assert result.returncode == 1
    assert "problemas en la entrada: recipients: Agregue al menos una persona a la que escribir" in result.stderr
    assert "(use --draft para generar la carta con marcadores)" in result.stderr
    result = run("render", "-i", str(document))
    assert "problems in the input: recipients: Add at least one person to write to" in result.stderr
    result = run("check-campaign", str(DEFAULT), "--lang", "es")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("correcto: 'End Demand Illinois'") and "autoridades" in result.stdout
    result = run("check-campaign", str(tmp_path / "nope"), "--lang", "es")
    assert result.returncode == 1 and "campaña con errores: " in result.stderr


def test_lang_es_words_a_batch(tmp_path: Path) -> None:
    senders = tmp_path / "s.csv"
    senders.write_text("sender.name,sender.street,sender.city,sender.state,sender.zip,recipients.0.role,"
                       "recipients.0.name\nAlex,1 Main,Peoria,IL,6160,mayor,Ann Wu\n", encoding="utf-8")
    result = run("batch", str(senders), "--out", str(tmp_path / "o"), "--lang", "es")
    assert result.returncode == 1
    assert "s.csv, línea 2: 1 problema en la entrada: sender.zip: Escriba su código postal" in result.stderr
    assert "1 fila; escritas: 0 (0 archivos en " in result.stdout
    assert "Filas con errores: 1 de 1 (vea arriba)" in result.stderr
