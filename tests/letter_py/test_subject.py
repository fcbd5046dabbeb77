"""A subject line of the visitor's own (input key ``subject``): validated, and in every output."""

from __future__ import annotations

import email
import email.policy
import json
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

import letter_py
from tests.hostile import HOSTILE_STRINGS
from tests.letter_py.letter_helpers import fields, render

OWN = "Oak Park can lead — hold sex buyers accountable"


def with_subject(example: dict, subject: object) -> dict:
    example["recipients"][0]["phone"] = "708-358-5770"
    return {**example, "subject": subject}


def test_absent_or_empty_gives_the_campaigns(example: dict) -> None:
    campaigns = render(example)["letters"][0]["subject"]
    assert campaigns.startswith("Please help end the demand")
    assert render({**example, "subject": ""})["letters"][0]["subject"] == campaigns
    assert render({**example, "subject": "   "})["letters"][0]["subject"] == campaigns


def test_own_subject_reaches_every_output(example: dict) -> None:
    letter = render(with_subject(example, OWN))["letters"][0]
    assert letter["subject"] == OWN
    assert letter["email_copy"].startswith(f"Subject: {OWN}\n\n")
    assert parse_qs(urlsplit(letter["mailto"]).query)["subject"] == [OWN]
    gmail = next(link for link in letter["webmail"] if link["provider"] == "gmail")
    assert parse_qs(urlsplit(gmail["url"]).query)["su"] == [OWN]
    for link in letter["webmail"]:
        assert OWN in unquote(link["url"])
    message = email.message_from_string(letter["eml"], policy=email.policy.default)
    assert message["Subject"] == OWN
    assert "=?utf-8?" in letter["eml"].split("\n", 2)[1]  # non-ASCII: RFC 2047, as ever
    unfolded = letter["reminder"]["ics"].replace("\r\n ", "").replace("\\,", ",")
    assert f'"{OWN}"' in unfolded
    assert f'"{OWN}"' in letter["call"]["script"]
    assert "Please help end the demand" not in json.dumps(letter, ensure_ascii=False)


def test_own_subject_in_spanish(example: dict) -> None:
    letter = render({**with_subject(example, "Señora alcaldesa: un asunto propio"), "lang": "es"})["letters"][0]
    assert letter["subject"] == "Señora alcaldesa: un asunto propio"
    assert letter["email_copy"].startswith("Asunto: Señora alcaldesa: un asunto propio\n\n")


def test_one_line_of_at_most_150_characters(example: dict) -> None:
    result = render({**example, "subject": "First line\nSecond line"})
    assert result["errors"] == [{"field": "subject", "code": "multiple_lines",
                                 "message": "Write the subject line on one line, without line breaks"}]
    assert result["letters"][0]["subject"] == "First line Second line"
    result = render({**example, "subject": "x" * 151})
    assert result["errors"] == [{"field": "subject", "code": "too_long",
                                 "message": "The subject line must be 150 characters or fewer"}]
    assert result["letters"][0]["subject"] == "x" * 150
    # One error for the field: the line break says what to fix first.
    result = render({**example, "subject": "x\n" + "x" * 200})
    assert fields(result) == {"subject": "multiple_lines"}
    assert render({**example, "subject": "x" * 150})["ok"] is True
    assert render({**example, "subject": " Trailing newline\n"})["ok"] is True
    assert letter_py.validate.field_limits()["subject"] == 150


def test_messages_in_spanish(example: dict) -> None:
    result = render({**example, "lang": "es", "subject": "a\nb"})
    assert result["errors"][0]["message"] == "Escriba el asunto en una sola línea, sin saltos de línea"
    result = render({**example, "lang": "es", "subject": "x" * 151})
    assert result["errors"][0]["message"] == "El asunto debe tener 150 caracteres como máximo"


@pytest.mark.parametrize("value", [42, ["a"], {"a": 1}, True])
def test_not_text_is_a_field_error(example: dict, value: object) -> None:
    result = render({**example, "subject": value})
    assert fields(result) == {"subject": "wrong_type"}
    assert result["letters"][0]["subject"].startswith("Please help end the demand")


@pytest.mark.parametrize("hostile", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_subject_stays_literal(example: dict, hostile: str) -> None:
    letter = render(with_subject(example, hostile))["letters"][0]
    subject = letter["subject"]
    assert len(subject) <= 150 and "\n" not in subject and "\r" not in subject
    assert "{{" not in hostile or subject.startswith("{{")  # never a template: 7*7 stays 7*7
    assert "49" not in subject
    message = email.message_from_string(letter["eml"], policy=email.policy.default)
    assert message["Subject"] == subject
    assert message["Bcc"] is None and message["Cc"] is None
    query = parse_qs(urlsplit(letter["mailto"]).query)
    assert query["subject"] == [subject] and "bcc" not in query and set(query) <= {"subject", "body"}
    assert "<script>" not in letter["letter_html"] and "<svg" not in letter["letter_html"]


def test_the_command_line_takes_it_in_the_input_and_as_a_batch_column(example: dict, tmp_path) -> None:
    from tests.letter_py.letter_helpers import run

    source = tmp_path / "me.json"
    source.write_text(json.dumps({**example, "subject": OWN, "recipients": example["recipients"][:1]}),
                      encoding="utf-8")
    result = run("render", "-i", str(source), "-f", "eml")
    assert result.returncode == 0, result.stderr
    assert email.message_from_string(result.stdout, policy=email.policy.default)["Subject"] == OWN
    senders = tmp_path / "senders.csv"
    senders.write_text("name,subject\nAlex Doe,My own subject\nSam Roe,\n", encoding="utf-8")
    base = tmp_path / "base.json"
    base.write_text(json.dumps(example), encoding="utf-8")
    result = run("batch", str(senders), "--out", str(tmp_path / "out"), "--base", str(base), "--format", "eml")
    assert result.returncode == 0, result.stderr
    subjects = sorted(email.message_from_bytes(path.read_bytes(), policy=email.policy.default)["Subject"]
                      for path in (tmp_path / "out").glob("*.eml"))
    assert subjects[0] == "My own subject" and subjects[-1].startswith("Please help end the demand")
