"""Webmail compose links (Gmail, Outlook.com, Outlook for work or school)."""

from __future__ import annotations

from urllib.parse import parse_qs, parse_qsl, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.hostile import HOSTILE_STRINGS
from letter_py.cli import EXAMPLES
from letter_py.webmail import PROVIDERS, encode, webmail_links
from tests.letter_py.letter_helpers import render

EXPECTED = {
    "gmail": ("https", "mail.google.com", "/mail/", {"view": "cm", "fs": "1"}, ("to", "su", "body")),
    "outlook": ("https", "outlook.live.com", "/mail/0/deeplink/compose", {}, ("to", "subject", "body")),
    "office": ("https", "outlook.office.com", "/mail/deeplink/compose", {}, ("to", "subject", "body")),
}


def decode(url: str) -> tuple[tuple[str, str, str], list[tuple[str, str]]]:
    parts = urlsplit(url)
    assert parts.fragment == ""
    return (parts.scheme, parts.netloc, parts.path), parse_qsl(parts.query, keep_blank_values=True,
                                                                strict_parsing=True)


def lines(text: str) -> str:
    """Line breaks as the links carry them: ``\n`` alone."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check(link: dict | object, to: str, subject: str, body: str) -> None:
    """The link's parameters are exactly the fixed ones plus to, subject and body."""
    provider = link["provider"] if isinstance(link, dict) else link.provider
    url = link["url"] if isinstance(link, dict) else link.url
    complete = link["complete"] if isinstance(link, dict) else link.complete
    scheme, host, path, fixed, (to_key, subject_key, body_key) = EXPECTED[provider]
    where, params = decode(url)
    assert where == (scheme, host, path)
    keys = [key for key, _ in params]
    assert len(keys) == len(set(keys)), f"a parameter appears twice: {keys}"
    values = dict(params)
    expected = dict(fixed)
    if to:
        expected[to_key] = to
    expected[subject_key] = lines(subject)
    if complete:
        expected[body_key] = lines(body).rstrip("\n")
    assert values == expected
    spec = next(p for p in PROVIDERS if p.id == provider)
    assert (len(url) <= spec.max_length and len(lines(body).rstrip("\n")) <= spec.max_body) or not complete


def test_three_providers_in_order() -> None:
    links = webmail_links("a@b.co", "Hi", "Body")
    assert [link.provider for link in links] == ["gmail", "outlook", "office"]
    assert links[0].url == "https://mail.google.com/mail/?view=cm&fs=1&to=a@b.co&su=Hi&body=Body"
    assert links[1].url == "https://outlook.live.com/mail/0/deeplink/compose?to=a@b.co&subject=Hi&body=Body"
    assert links[2].url == "https://outlook.office.com/mail/deeplink/compose?to=a@b.co&subject=Hi&body=Body"
    assert all(link.complete for link in links)


def test_encoding_rules() -> None:
    assert encode("a b\nc") == "a%20b%0Ac"
    assert encode("a\r\nb\rc") == "a%0Ab%0Ac"
    assert encode("x&cc=y?z#%+") == "x%26cc%3Dy%3Fz%23%25%2B"
    assert encode("é") == "%C3%A9"


def test_no_address_leaves_out_to() -> None:
    for link in webmail_links("", "Hi", "Body"):
        check(link, "", "Hi", "Body")
        assert "to=" not in link.url


@pytest.mark.parametrize("text", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_text_decodes_back_exactly(text: str) -> None:
    for link in webmail_links("mayor@example.gov", text[:300], text):
        check(link, "mayor@example.gov", text[:300], text)


def test_long_body_falls_back_to_address_and_subject() -> None:
    links = {link.provider: link for link in webmail_links("a@b.co", "Hi", "x" * 100_000)}
    for provider in PROVIDERS:
        link = links[provider.id]
        assert not link.complete
        assert "body=" not in link.url
        check(link, "a@b.co", "Hi", "")
    # Gmail's limit is lower than Outlook's: a long letter (7,500 characters) fits only Outlook.
    links = {link.provider: link for link in webmail_links("a@b.co", "Hi", "word " * 1500)}
    assert not links["gmail"].complete and links["outlook"].complete and links["office"].complete


@pytest.mark.parametrize("provider", ["outlook", "office"])
def test_outlook_carries_a_body_of_up_to_8000_characters(provider: str) -> None:
    """Measured to arrive intact (add-event-to-calendar-docs PR 65): no longer, whatever the link's length."""
    def link(body: str):
        return next(link for link in webmail_links("a@b.co", "Hi", body) if link.provider == provider)

    fits, over = link("x" * 8000), link("x" * 8001)
    assert fits.complete and len(fits.url) < 8100
    assert parse_qs(urlsplit(fits.url).query)["body"] == ["x" * 8000]
    assert not over.complete and "body=" not in over.url
    check(over, "a@b.co", "Hi", "")


@pytest.mark.parametrize("provider", ["outlook", "office"])
def test_outlook_link_stays_at_16000_characters(provider: str) -> None:
    """Half the server's measured ceiling (about 31,150 with headers): a body that encodes long falls back."""
    spec = next(p for p in PROVIDERS if p.id == provider)
    assert (spec.max_length, spec.max_body) == (16000, 8000)
    for body, complete in (("語" * 1700, True), ("語" * 1800, False)):  # 9 encoded characters each
        (link,) = [link for link in webmail_links("a@b.co", "Hi", body) if link.provider == provider]
        assert link.complete is complete
        assert len(link.url) <= 16000 if complete else len(link.url) < 200


def test_limit_counts_encoded_length() -> None:
    gmail = PROVIDERS[0]
    # 1,000 characters that encode to 9,000: short raw, too long encoded.
    (link, *_) = webmail_links("a@b.co", "Hi", "語" * 1000)
    assert len("語" * 1000) < gmail.max_length and not link.complete


@given(st.text(max_size=400), st.text(max_size=3000))
def test_any_text_round_trips(subject: str, body: str) -> None:
    subject = subject.encode("utf-8", "replace").decode("utf-8")
    body = body.encode("utf-8", "replace").decode("utf-8")
    for link in webmail_links("a@b.co", subject, body):
        check(link, "a@b.co", subject, body)


def test_letters_carry_webmail_links(example: dict) -> None:
    emails = {r["name"]: r["email"] for r in example["recipients"]}
    for letter in render(example)["letters"]:
        assert [link["provider"] for link in letter["webmail"]] == ["gmail", "outlook", "office"]
        for link in letter["webmail"]:
            check(link, emails[letter["recipient"]["name"]], letter["subject"], letter["email_text"])
        assert all(link["complete"] for link in letter["webmail"])  # the default letter fits every provider


@pytest.mark.parametrize("lang", ["en", "es"])
def test_outlook_links_carry_the_whole_default_letter(lang: str) -> None:
    """Decoded by the standard library, the body is the letter's email text, exactly."""
    for letter in render(EXAMPLES[lang])["letters"]:
        for link in letter["webmail"]:
            if link["provider"] not in ("outlook", "office"):
                continue
            assert link["complete"] is True
            query = parse_qs(urlsplit(link["url"]).query, keep_blank_values=True, strict_parsing=True)
            assert query["body"] == [letter["email_text"].rstrip("\n")]
            assert query["subject"] == [letter["subject"]]
            assert query["to"] == [letter["recipient"]["email"]]


@pytest.mark.parametrize("text", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_fields_through_the_engine(text: str) -> None:
    answer = render({"recipients": [{"role": "mayor", "name": text, "email": "mayor@example.gov"}],
                     "personal": text, "community": {"city": text}})
    for letter in answer["letters"]:
        for link in letter["webmail"]:
            check(link, "mayor@example.gov", letter["subject"], letter["email_text"])
