"""The JSON entry point and the browser worker's Engine."""

from __future__ import annotations

import json

import pytest

import letter_py
from letter_py.jsonapi import MAX_INPUT
from letter_py.web import Engine
from tests.letter_py.letter_helpers import TODAY, render

LETTER_KEYS = ["recipient", "subject", "email_text", "email_copy", "letter_text", "letter_html", "mailto",
               "mailto_complete", "mailto_phone", "mailto_phone_complete", "eml", "webmail", "reminder", "filename"]


def test_output_shape(example: dict) -> None:
    result = render(example)
    assert list(result) == ["ok", "errors", "letters"]
    for letter in result["letters"]:
        assert list(letter) == LETTER_KEYS
        assert letter["email_copy"] == f"Subject: {letter['subject']}\n\n{letter['email_text']}"
        assert list(letter["recipient"]) == ["role", "name", "email", "label", "salutation"]
        assert isinstance(letter["mailto_complete"], bool)
        assert [list(link) for link in letter["webmail"]] == [["provider", "url", "complete"]] * 3
        assert list(letter["reminder"]) == ["ics", "date", "filename"]
        assert letter["filename"].isascii() and "/" not in letter["filename"]


@pytest.mark.parametrize("text", ["", "{", "nul", "[1, 2]", '"text"', "42", "null", "{\"a\": NaN"])
def test_bad_json_still_gives_a_placeholder_letter(text: str) -> None:
    result = render(text)
    assert result["ok"] is False
    assert result["errors"][0]["field"] == ""
    assert result["errors"][0]["code"] in ("invalid_json", "not_object")
    assert len(result["letters"]) == 1
    assert "Dear (Mayor/Police Chief Name)," in result["letters"][0]["email_text"]


def test_not_text_and_too_big() -> None:
    assert json.loads(letter_py.render_json(None))["errors"][0]["code"] == "wrong_type"  # type: ignore[arg-type]
    assert json.loads(letter_py.render_json(b'{"personal": "x"}', today=TODAY))["letters"]  # type: ignore[arg-type]
    huge = json.dumps({"personal": "x" * (MAX_INPUT + 1)})
    assert json.loads(letter_py.render_json(huge))["errors"][0] == {
        "field": "", "code": "too_long",
        "message": "The letter details must be 20,000,000 characters or fewer"}


def test_deep_nesting_does_not_raise() -> None:
    result = json.loads(letter_py.render_json("[" * 100_000 + "]" * 100_000))
    assert result["ok"] is False


def test_lone_surrogates_do_not_crash(example: dict) -> None:
    example["personal"] = "bad \ud800 text"
    text = json.dumps(example)  # escaped as \\ud800
    result = json.loads(letter_py.render_json(text, today=TODAY))
    assert "bad \ufffd text" in result["letters"][0]["email_text"]
    raw = '{"personal": "raw \ud800"}'
    assert "raw \ufffd" in json.loads(letter_py.render_json(raw))["letters"][0]["email_text"]


def test_never_raises_even_if_rendering_breaks(campaign, monkeypatch) -> None:
    import letter_py.jsonapi as api

    def boom(*args, **kwargs):
        raise RuntimeError("kaput")

    monkeypatch.setattr(api, "parse_input", boom)
    result = json.loads(letter_py.render_json("{}", campaign))
    assert result["ok"] is False
    assert result["errors"][0]["code"] == "internal_error"
    assert "kaput" in result["errors"][0]["message"]


def test_user_text_is_data_not_template(example: dict) -> None:
    example["personal"] = "{{ 7*7 }} {% if true %}yes{% endif %} <script>alert(1)</script> & done"
    example["sender"]["name"] = "<b>{{ config }}</b>"
    letter = render(example)["letters"][0]
    for key in ("email_text", "letter_text"):
        assert example["personal"] in letter[key]
        assert "<b>{{ config }}</b>" in letter[key]
    assert "49" not in letter["email_text"]
    html = letter["letter_html"]
    assert "<script>" not in html and "<b>" not in html
    assert "{{ 7*7 }} {% if true %}yes{% endif %} &lt;script&gt;alert(1)&lt;/script&gt; &amp; done" in html
    assert "&lt;b&gt;{{ config }}&lt;/b&gt;" in html


def test_same_input_same_bytes(example: dict) -> None:
    text = json.dumps(example)
    assert letter_py.render_json(text, today=TODAY) == letter_py.render_json(text, today=TODAY)
    shuffled = json.dumps(dict(reversed(list(example.items()))))
    assert json.loads(letter_py.render_json(shuffled, today=TODAY))["letters"] == \
        json.loads(letter_py.render_json(text, today=TODAY))["letters"]


def test_engine_matches_render_json(campaign, example: dict) -> None:
    engine = Engine(json.dumps(letter_py.campaign_files("letter_py/campaigns/default")))
    text = json.dumps(example)
    assert engine.render(text, "2026-11-29") == letter_py.render_json(text, campaign, today=TODAY)
    assert json.loads(engine.render("{}"))["ok"] is False
    assert json.loads(engine.render("{}", "not a date"))["letters"]


def test_engine_describe() -> None:
    engine = Engine(json.dumps(letter_py.campaign_files("letter_py/campaigns/default")))
    info = json.loads(engine.describe())
    assert info["name"] == "End Demand Illinois"
    assert info["default_state"] == "IL" and info["default_city"] == ""
    assert [r["id"] for r in info["roles"]] == ["mayor", "police_chief", "village_president", "superintendent",
                                                "sheriff", "states_attorney", "other"]
    assert info["roles"][0] == {"id": "mayor", "label": "Mayor", "free_title": False}
    assert info["officials"] == [] and info["articles"] == []
    assert info["limits"]["sender.name"] == 100
    assert {"code": "IL", "name": "Illinois"} in info["states"]


def test_engine_with_officials(campaign) -> None:
    files = dict(campaign.files)
    files["campaign.toml"] += '\n[[officials]]\nname = "Maria Lopez"\nrole = "mayor"\nemail = "m@x.gov"\n'
    info = json.loads(Engine(json.dumps(files)).describe())
    assert info["officials"] == [{"name": "Maria Lopez", "role": "mayor", "title": "", "email": "m@x.gov",
                                  "address": "", "family_name": "", "label": "Mayor Maria Lopez"}]


def test_engine_rejects_bad_files_json() -> None:
    with pytest.raises(ValueError):
        Engine("[]")
    with pytest.raises(letter_py.CampaignError):
        Engine("{}")


def test_long_paste_is_a_field_error_not_a_lost_letter(example: dict) -> None:
    example["personal"] = "word " * 40_000
    result = render(example)
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("personal", "too_long")]
    assert "Dear Mayor Lopez," in result["letters"][0]["email_text"]


def test_every_field_at_100000_characters_still_gets_field_errors():
    """A huge paste in every field is refused field by field; the letter stays intact."""
    huge = "x" * 100_000
    document = {
        "recipients": [{"role": "other", "title": huge, "name": huge, "email": huge, "address": huge}],
        "sender": {key: huge for key in ("name", "street", "city", "state", "zip", "email", "phone")},
        "community": {"city": "Springfield", "state": huge},
        "articles": [{"title": huge, "outlet": huge, "date": huge, "url": huge}],
        "personal": huge,
    }
    out = json.loads(letter_py.render_json(json.dumps(document)))
    fields = {error["field"] for error in out["errors"]}
    assert "" not in fields
    assert {"sender.name", "personal", "recipients.0.name", "articles.0.url"} <= fields
    assert out["letters"][0]["subject"].endswith("Springfield")
