"""Properties over arbitrary input (hypothesis).

Whatever a visitor types: rendering never raises, the JSON entry point answers
valid JSON, every accepted value appears literally in the text outputs and
escaped in HTML, and nothing reaches a mailto: or .eml header unencoded.
"""

from __future__ import annotations

import email
import email.policy
import json
from urllib.parse import unquote

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

import letter_py
from letter_py.text import clean_block, clean_line
from tests.letter_py.letter_helpers import TODAY

CAMPAIGN = letter_py.default_campaign()
ROLES = [role.id for role in CAMPAIGN.roles]

any_text = st.text(max_size=120)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
# Text a person would type: letters, punctuation, symbols and spaces, some markup.
typed = st.lists(
    st.characters(categories=["L", "M", "N", "P", "S", "Zs"]) | st.sampled_from(["{{", "}}", "<", ">", "&", "'", '"']),
    min_size=1, max_size=40,
).map("".join).filter(lambda s: clean_line(s) != "")
paragraph = st.lists(
    st.characters(categories=["L", "N", "P", "S", "Zs"]) | st.sampled_from(["\n", "{{ 7*7 }}", "<script>", "&amp;"]),
    min_size=1, max_size=150,
).map("".join).filter(lambda s: clean_block(s) != "")


# Every letter language and gender, and values that are neither.
LANGS = ["en", "es", "es-US", "ES", "fr", "", "x" * 50]
GENDERS = ["", "f", "m", "F", "x"]


def document(text: st.SearchStrategy) -> st.SearchStrategy[dict]:
    recipient = st.fixed_dictionaries({"role": st.sampled_from(ROLES) | text, "name": text},
                                      optional={"title": text, "email": text, "address": text,
                                                "gender": st.sampled_from(GENDERS) | text})
    return st.fixed_dictionaries(
        {},
        optional={
            "lang": st.sampled_from(LANGS) | text,
            "recipients": st.lists(recipient, max_size=3),
            "sender": st.fixed_dictionaries({}, optional={k: text for k in
                                                          ("name", "street", "city", "state", "zip", "email", "phone")}),
            "community": st.fixed_dictionaries({}, optional={"city": text, "state": text}),
            "articles": st.lists(st.fixed_dictionaries({}, optional={k: text for k in ("title", "outlet", "date", "url")}),
                                 max_size=3),
            "personal": text,
            "date": text,
        },
    )


def check_letters(result: dict) -> None:
    assert isinstance(result["ok"], bool)
    assert result["ok"] == (result["errors"] == [])
    assert len(result["letters"]) >= 1
    for letter in result["letters"]:
        check_headers(letter)


def check_headers(letter: dict) -> None:
    """No header injection: the mailto: query and the .eml headers are what we put there."""
    url = letter["mailto"]
    assert url.isascii() and not any(c in url for c in "\r\n \t")
    to, _, query = url[len("mailto:"):].partition("?")
    assert "&" not in to and "?" not in to
    keys = [part.split("=", 1)[0] for part in query.split("&")]
    assert keys == (["subject", "body"] if letter["mailto_complete"] else ["subject"])
    assert unquote(query.split("&")[0][len("subject="):]) == letter["subject"]
    assert "\n" not in letter["subject"] and "\r" not in letter["subject"]
    eml = letter["eml"]
    head = eml.split("\r\n\r\n", 1)[0]
    names = [line.split(":", 1)[0] for line in head.split("\r\n") if not line.startswith((" ", "\t"))]
    assert names in (
        ["To", "Subject", "X-Unsent", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"],
        ["Subject", "X-Unsent", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"],
    )
    message = email.message_from_string(eml, policy=email.policy.default)
    assert str(message["Subject"]) == letter["subject"]
    assert message.get_content().replace("\r\n", "\n") == letter["email_text"]


@given(st.text(max_size=300))
def test_any_string_gives_valid_json(text: str) -> None:
    result = json.loads(letter_py.render_json(text, today=TODAY))
    check_letters(result)


@given(json_values)
def test_any_json_value_gives_valid_json(value: object) -> None:
    result = json.loads(letter_py.render_json(json.dumps(value), today=TODAY))
    check_letters(result)


@given(document(any_text | json_values))
def test_arbitrary_fields_never_raise(data: dict) -> None:
    result = json.loads(letter_py.render_json(json.dumps(data), today=TODAY))
    check_letters(result)
    assert all(e["message"] and isinstance(e["field"], str) for e in result["errors"])


@given(document(any_text))
def test_surrogates_and_controls_never_reach_the_output(data: dict) -> None:
    text = json.dumps(data, ensure_ascii=False)
    answer = letter_py.render_json(text, today=TODAY)
    answer.encode("utf-8")  # no lone surrogate
    for letter in json.loads(answer)["letters"]:
        for key in ("subject", "email_text", "letter_text", "letter_html", "filename"):
            value = letter[key]
            assert not any(ord(c) < 32 and c not in "\n\f" or 0x7F <= ord(c) < 0xA0 for c in value), key


@given(name=typed, street=typed, city=typed, recipient=typed, personal=paragraph, role=st.sampled_from(ROLES[:-1]))
def test_accepted_values_appear_literally_and_escaped(name: str, street: str, city: str, recipient: str,
                                                      personal: str, role: str) -> None:
    data = {
        "recipients": [{"role": role, "name": recipient}],
        "sender": {"name": name, "street": street, "city": city, "state": "IL", "zip": "62704"},
        "personal": personal,
    }
    result = json.loads(letter_py.render_json(json.dumps(data), today=TODAY))
    accepted = {e["field"] for e in result["errors"]}
    assert not accepted & {"sender.name", "sender.street", "sender.city", "recipients.0.name", "personal"}
    letter = result["letters"][0]
    lines = [clean_line(v) for v in (name, street, city, recipient)]
    for value in lines:
        assert value in letter["letter_text"]
        assert str(escape(value)) in letter["letter_html"]
    assert clean_line(name) in letter["email_text"]
    for line in clean_block(personal).split("\n"):
        if line:
            assert line in letter["email_text"] and line in letter["letter_text"]
            assert str(escape(line)) in letter["letter_html"]
