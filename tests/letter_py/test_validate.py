"""Each validation rule: required fields, limits, formats, types, messages."""

from __future__ import annotations

import pytest

from letter_py.validate import field_limits, is_email, is_url

from tests.letter_py.letter_helpers import fields, render


def test_example_is_valid(example: dict) -> None:
    result = render(example)
    assert result["ok"] is True
    assert result["errors"] == []


def test_empty_input_lists_required_fields() -> None:
    result = render({})
    assert result["ok"] is False
    assert fields(result) == {
        "recipients": "required", "sender.name": "required", "sender.street": "required",
        "sender.city": "required", "sender.state": "required", "sender.zip": "required",
    }
    messages = {e["field"]: e["message"] for e in result["errors"]}
    assert messages["sender.name"] == "Enter your name"
    assert messages["recipients"] == "Add at least one person to write to"


def test_recipient_needs_role_and_name(example: dict) -> None:
    example["recipients"] = [{}, {"role": "mayor", "name": "  "}]
    result = render(example)
    assert fields(result) == {"recipients.0.role": "required", "recipients.0.name": "required",
                              "recipients.1.name": "required"}
    assert {e["message"] for e in result["errors"]} == {
        "Choose who you are writing to", "Enter the name of the person you are writing to"}


def test_role_must_come_from_the_campaign(example: dict) -> None:
    example["recipients"] = [{"role": "king", "name": "Arthur"}]
    result = render(example)
    assert fields(result) == {"recipients.0.role": "invalid_role"}
    assert "Mayor, Police Chief" in result["errors"][0]["message"]


def test_role_accepts_its_label(example: dict) -> None:
    example["recipients"] = [{"role": "Police Chief", "name": "Ken Brown"}]
    result = render(example)
    assert result["ok"]
    assert result["letters"][0]["recipient"]["role"] == "police_chief"


def test_other_role_needs_a_title(example: dict) -> None:
    example["recipients"] = [{"role": "other", "name": "Sam Lee"}]
    result = render(example)
    assert fields(result) == {"recipients.0.title": "required"}
    assert "Alderperson" in result["errors"][0]["message"]
    example["recipients"] = [{"role": "mayor", "name": "Sam Lee", "title": "ignored"}]
    assert render(example)["ok"]


@pytest.mark.parametrize(("path", "value", "code", "message"), [
    ("sender.email", "alex@", "invalid_email", "Enter an email address in the correct format, like name@example.com"),
    ("sender.email", "alex@example.com\r\nBcc: x@y.z", "invalid_email", None),
    ("sender.zip", "6270", "invalid_zip", "Enter your ZIP code in the correct format, like 62701 or 62701-1234"),
    ("sender.zip", "62704-12", "invalid_zip", None),
    ("sender.state", "Ontario", "invalid_state", None),
    ("sender.phone", "call me", "invalid_phone", None),
    ("sender.phone", "12", "invalid_phone", None),
    ("community.state", "Narnia", "invalid_state", None),
    ("recipients.0.email", "mayor at city", "invalid_email", None),
    ("recipients.0.phone", "call the mayor", "invalid_phone", "Enter the recipient's phone number with its area code, like 847-391-5301 or 618-624-4500 ext. 8730"),
    ("recipients.0.phone", "391-5301", "invalid_phone", None),
    ("recipients.0.phone", "<a href=tel:911>847-391-5301</a>", "invalid_phone", None),
    ("recipients.0.phone", "847-391-5301;ext=1&x=<b>", "invalid_phone", None),
    ("recipients.0.phone", "+44 20 7946 0000", "invalid_phone", None),
    ("articles.0.url", "javascript:alert(1)", "invalid_url", None),
    ("articles.0.url", "news.example.com/story", "invalid_url", None),
    ("articles.0.url", "https://exa mple.com/", "invalid_url", None),
    ("articles.0.url", "https://localhost/", "invalid_url", None),
    ("articles.0.title", "", "required", "Enter the title of the news article"),
    ("date", "2026-02-30", "invalid_date", None),
    ("date", "tomorrow", "invalid_date", None),
])
def test_format_rules(example: dict, path: str, value: str, code: str, message: str | None) -> None:
    _set(example, path, value)
    result = render(example)
    assert fields(result) == {path: code}
    if message:
        assert result["errors"][0]["message"] == message
    assert len(result["letters"]) == len(example["recipients"])


@pytest.mark.parametrize(("path", "value"), [
    ("sender.zip", "62704-1234"),
    ("sender.state", "illinois"),
    ("sender.phone", "+1 (217) 555-0100 ext. 12"),
    ("recipients.0.phone", "847-391-5301"),
    ("recipients.0.phone", "618-624-4500 ext. 8730"),
    ("recipients.0.phone", "+1 (618) 624-4500 x8730"),
    ("recipients.0.phone", ""),
    ("sender.email", "first.last+tag@sub.example.co.uk"),
    ("articles.0.url", "http://example.com/a?b=c&d=e#f"),
    ("articles.0.date", "12 March 2026"),
    ("articles.0.outlet", ""),
    ("community.state", "WI"),
    ("date", "2027-01-31"),
])
def test_accepted_values(example: dict, path: str, value: str) -> None:
    _set(example, path, value)
    assert render(example)["errors"] == []


def test_every_field_has_a_limit() -> None:
    limits = field_limits()
    assert limits["sender.name"] == 100
    assert limits["sender.street"] == 200
    assert limits["personal"] == 2000
    assert limits["articles.*.url"] == 500
    assert limits["articles.*.title"] == 300
    assert limits["articles"] == 10
    assert limits["recipients"] == 10
    assert limits["recipients.*.phone"] == 40
    for path in ("recipients.*.role", "recipients.*.name", "recipients.*.title", "recipients.*.email",
                 "recipients.*.address", "sender.city", "sender.state", "sender.zip", "sender.email",
                 "sender.phone", "community.city", "community.state", "articles.*.outlet",
                 "articles.*.date", "date"):
        assert limits[path] > 0


@pytest.mark.parametrize(("path", "limit", "message"), [
    ("sender.name", 100, "Your name must be 100 characters or fewer"),
    ("personal", 2000, "Your personal paragraph must be 2,000 characters or fewer"),
    ("articles.0.title", 300, "The article's title must be 300 characters or fewer"),
    ("recipients.0.address", 500, "The recipient's postal address must be 500 characters or fewer"),
])
def test_too_long_is_cut_and_reported(example: dict, path: str, limit: int, message: str) -> None:
    _set(example, path, "x" * (limit + 1))
    result = render(example)
    assert result["errors"] == [{"field": path, "code": "too_long", "message": message}]
    assert "x" * limit in result["letters"][0]["letter_text"] + result["letters"][0]["email_text"]
    assert "x" * (limit + 1) not in result["letters"][0]["letter_text"]


def test_too_long_phone_is_dropped(example: dict) -> None:
    """A phone is dialled, so a cut one would call someone else: it is reported and no call is offered."""
    example["recipients"][0]["phone"] = "847-391-5301 ext. " + "1" * 30
    result = render(example)
    assert result["errors"] == [{"field": "recipients.0.phone", "code": "too_long",
                                 "message": "The recipient's phone number must be 40 characters or fewer"}]
    assert "call" not in result["letters"][0]


def test_too_long_url_is_dropped(example: dict) -> None:
    _set(example, "articles.0.url", "https://example.com/" + "a" * 500)
    result = render(example)
    assert fields(result) == {"articles.0.url": "too_long"}
    assert "(Link to the article)" in result["letters"][0]["email_text"]


def test_too_many_recipients_and_articles(example: dict) -> None:
    example["recipients"] = [{"role": "mayor", "name": f"Person {i}"} for i in range(12)]
    example["articles"] = [{"title": f"T{i}", "url": f"https://e.example/{i}"} for i in range(11)]
    result = render(example)
    assert fields(result) == {"recipients": "too_many", "articles": "too_many"}
    assert len(result["letters"]) == 10
    assert "10. " in result["letters"][0]["email_text"] and "11. " not in result["letters"][0]["email_text"]


@pytest.mark.parametrize(("path", "value"), [
    ("sender.name", 42), ("sender.name", ["a"]), ("personal", {"a": 1}), ("date", 20261129),
    ("recipients.0.role", 1), ("articles.0.url", True),
])
def test_wrong_types_are_field_errors(example: dict, path: str, value: object) -> None:
    _set(example, path, value)
    result = render(example)
    assert fields(result) == {path: "wrong_type"}


@pytest.mark.parametrize(("key", "value"), [
    ("recipients", "Maria"), ("articles", {"title": "x"}), ("sender", "Alex"), ("community", 3),
])
def test_wrong_container_types(example: dict, key: str, value: object) -> None:
    example[key] = value
    result = render(example)
    assert result["ok"] is False
    assert key in fields(result) or any(f.startswith(key) for f in fields(result))
    assert result["letters"]


def test_list_items_must_be_objects(example: dict) -> None:
    example["recipients"].append("Ken")
    assert fields(render(example)) == {"recipients.2": "wrong_type"}


def test_blank_article_rows_are_skipped(example: dict) -> None:
    example["articles"].append({"title": "", "outlet": " ", "date": "", "url": ""})
    assert render(example)["ok"]


def test_unknown_keys_are_ignored(example: dict) -> None:
    example["nonsense"] = 1
    example["sender"]["favourite_colour"] = "blue"
    assert render(example)["ok"]


def test_nulls_count_as_missing(example: dict) -> None:
    example["sender"]["email"] = None
    example["articles"] = None
    example["date"] = None
    assert render(example)["ok"]


def test_email_and_url_checks() -> None:
    assert is_email("a@b.co")
    assert not is_email("a@b")
    assert not is_email("a..b@c.com")
    assert not is_email("a@b.com?cc=x@y.z")
    assert not is_email("<a@b.com>")
    assert is_url("https://www.example.com/news/story")
    assert not is_url("ftp://example.com/")
    assert not is_url("https://user@example.com/")
    assert not is_url("https://example.com:99999/")


def _set(data: dict, path: str, value: object) -> None:
    *parents, last = path.split(".")
    target = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    target[int(last) if last.isdigit() else last] = value
