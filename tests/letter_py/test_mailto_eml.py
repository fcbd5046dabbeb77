"""mailto: links (RFC 6068) and .eml drafts (RFC 5322)."""

from __future__ import annotations

import email
import email.policy
import subprocess
import sys
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from letter_py import eml
from letter_py.eml import build_eml
from letter_py.mailto import encode, mailto_url
from letter_py.text import clean_line
from letter_py.validate import is_email
from tests.letter_py.letter_helpers import render


def test_encoding_rules() -> None:
    assert encode("a b\nc") == "a%20b%0D%0Ac"
    assert encode("a\r\nb\rc") == "a%0D%0Ab%0D%0Ac"
    assert encode("x&bcc=y?z#%+") == "x%26bcc%3Dy%3Fz%23%25%2B"
    assert encode("é") == "%C3%A9"


def test_short_body_is_carried() -> None:
    url, complete = mailto_url("a@b.co", "Hi there", "Line one\nLine two\n", 2000)
    assert complete
    assert url == "mailto:a@b.co?subject=Hi%20there&body=Line%20one%0D%0ALine%20two"


def test_long_body_is_left_out() -> None:
    url, complete = mailto_url("a@b.co", "Hi", "x" * 3000, 2000)
    assert not complete
    assert url == "mailto:a@b.co?subject=Hi"
    url, complete = mailto_url("a@b.co", "Hi", "é" * 900, 2000)  # short raw, long encoded
    assert not complete


def test_without_address() -> None:
    assert mailto_url("", "Hi", "Body", 2000) == ("mailto:?subject=Hi&body=Body", True)


def test_letters_mailto(example: dict) -> None:
    letter = render(example)["letters"][0]
    assert letter["mailto"].startswith("mailto:mayor@springfield.example.gov?subject=Please%20help%20")
    assert letter["mailto_complete"] is False  # the seed letter is longer than Outlook's limit
    assert "&body=" not in letter["mailto"]


def test_a_phones_link_carries_the_whole_letter(example: dict) -> None:
    """Phones take far longer links (campaign.toml's phone_max_length): the seed letter goes whole."""
    letter = render(example)["letters"][0]
    assert letter["mailto_phone_complete"] is True
    assert letter["mailto_phone"].startswith(letter["mailto"] + "&body=")
    body = letter["mailto_phone"].split("&body=", 1)[1]
    assert unquote(body) == letter["email_text"].rstrip("\n").replace("\n", "\r\n")


def test_the_phone_limit_holds_long_own_words_and_ten_articles(example: dict) -> None:
    article = {"title": "T" * 300, "outlet": "O" * 100, "date": "2026-03-14",
               "url": "https://news.example.com/" + "a" * 470}
    for lang, words in (("en", "w" * 2000), ("es", "ñ" * 2000)):
        data = {**example, "lang": lang, "personal": words, "articles": [article] * 10}
        letter = render(data)["letters"][0]
        assert letter["mailto_phone_complete"] is True, len(letter["mailto_phone"])
        assert len(letter["mailto_phone"]) <= 32000
        assert letter["mailto_complete"] is False


def test_short_letter_fits_mailto(campaign) -> None:
    from letter_py import Campaign
    files = dict(campaign.files)
    files["body.txt.j2"] = "Short body."
    short = Campaign.from_files(files)
    letter = render({"recipients": [{"role": "mayor", "name": "A B", "email": "a@b.co"}]}, short)["letters"][0]
    assert letter["mailto_complete"] is True
    query = letter["mailto"].split("?", 1)[1]
    parts = dict(p.split("=", 1) for p in query.split("&"))
    assert set(parts) == {"subject", "body"}
    assert unquote(parts["body"]) == letter["email_text"].rstrip("\n").replace("\n", "\r\n")


def parse(eml: str) -> email.message.EmailMessage:
    return email.message_from_string(eml, policy=email.policy.default)


def test_eml_is_a_draft(example: dict) -> None:
    letter = render(example)["letters"][0]
    eml = letter["eml"]
    assert "\r\n" in eml and "\n" not in eml.replace("\r\n", "")
    message = parse(eml)
    assert message["X-Unsent"] == "1"
    assert message["To"] == "Maria Lopez <mayor@springfield.example.gov>"
    assert message["Subject"] == letter["subject"]
    assert message.get_content_type() == "text/plain"
    assert message.get_content().replace("\r\n", "\n") == letter["email_text"]
    assert not message.defects
    assert all(len(line) <= 78 for line in eml.split("\r\n"))


def test_eml_encodes_non_ascii_headers_and_body() -> None:
    eml = build_eml("José Núñez", "jose@example.com", "Ciudad de México — ñ", "Hola, señor 😀\n")
    assert eml.isascii()
    message = parse(eml)
    assert message["To"].addresses[0].display_name == "José Núñez"
    assert str(message["Subject"]) == "Ciudad de México — ñ"
    assert message.get_content().replace("\r\n", "\n") == "Hola, señor 😀\n"


def test_eml_without_recipient_address() -> None:
    message = parse(build_eml("", "", "Hi", "Body\n"))
    assert message["To"] is None
    assert message["Subject"] == "Hi"


def test_eml_header_values_cannot_inject() -> None:
    eml = build_eml('Evil"\r\nBcc: x@y.z', "a@b.co", "Hi\r\nBcc: x@y.z", "Body\n")
    headers = eml.split("\r\n\r\n", 1)[0]
    assert not any(line.lower().startswith("bcc:") for line in headers.split("\r\n"))


def test_body_encoding_matches_the_email_package() -> None:
    from email import quoprimime

    from letter_py.eml import encode_body
    for body in ("plain\n", "tab\tand trailing space \nnext\n", "é = ü " * 40 + "\n\n" + "x" * 200,
                 "line\r\nwith crlf\r\n", "emoji 😀 and =3D\n", "ends without newline"):
        expected = quoprimime.body_encode(body.replace("\r\n", "\n").encode("utf-8").decode("latin-1"),
                                          maxlinelen=76, eol="\r\n")
        assert encode_body(body) == expected


# Text that mixes what the direct path takes with everything that sends it to
# the email package: quoting specials, non-ASCII, "=?", runs of spaces, long lines.
_HEADER_TEXT = st.text(
    alphabet=st.sampled_from(list("AZaz09 .,'\"()<>@:;\\[]=?_-!#~ ") + ["é", "😀", "\u00a0"]),
    max_size=90,
) | st.from_regex(r"[A-Za-z][A-Za-z.' -]{0,80}", fullmatch=True)
_ADDRESS = st.from_regex(r"[a-z0-9._+-]{1,30}@[a-z0-9-]{1,20}\.(org|gov|example)", fullmatch=True).filter(
    lambda a: is_email(a))


@given(name=_HEADER_TEXT, address=_ADDRESS)
def test_to_header_is_what_the_email_package_writes(name: str, address: str) -> None:
    name = clean_line(name)
    assert eml.to_header(name, address) == eml.email_package_to_header(name, address)


def check_subject_header(subject: str) -> None:
    """It reads back exactly, in lines of at most 78 characters (but a word too
    long for one, which stays whole). Plain text is what the email package
    writes, unless the package leaves ``Subject:`` bare on its first line (see
    eml.subject_header); anything else is encoded words."""
    ours = eml.subject_header(subject)
    assert all(len(line) <= eml.MAX_LINE or " " not in line.removeprefix("Subject: ").strip()
               for line in ours.split(eml.CRLF))
    message = email.message_from_string(ours + eml.CRLF + "x", policy=email.policy.default)
    assert str(message["Subject"]) == subject
    if subject.isascii() and "=?" not in subject and "  " not in subject and subject == subject.strip():
        theirs = eml.email_package_subject_header(subject)
        if ours != theirs:
            assert theirs.startswith("Subject:" + eml.CRLF + " ") and not ours.startswith("Subject:" + eml.CRLF)
            assert ours.replace(eml.CRLF + " ", " ") == f"Subject: {subject}" + eml.CRLF
    elif subject:
        assert all(part.startswith(("=?utf-8?q?", " =?utf-8?q?")) and part.endswith("?=")
                   for part in ours.removeprefix("Subject: ").removesuffix(eml.CRLF).split(eml.CRLF))


@given(subject=_HEADER_TEXT)
def test_subject_header_reads_back_exactly(subject: str) -> None:
    check_subject_header(clean_line(subject))


@pytest.mark.parametrize("city", ["0000000000000000", "Arlington Heights", "A" * 23, "Arlington Heights Village"])
def test_a_subject_just_too_long_folds_at_a_space(city: str) -> None:
    subject = f"Please help end the demand for sexual exploitation in {city}"
    check_subject_header(subject)
    assert eml.subject_header(subject).startswith("Subject: Please help")


@pytest.mark.parametrize(("name", "subject"), [
    ("Maria Lopez", "Hold buyers accountable in Springfield"),
    ("", "x" * 69),            # "Subject: " + 69 = 78, the longest unfolded line
    ("", "x" * 70),
    ("J. R. O'Neil", "Re: =?utf-8?q?hi?="),
    ("Lopez, Maria", "two  spaces"),
    ("A" * 60, "ends with space "),
])
def test_header_edge_cases_match_the_email_package(name: str, subject: str) -> None:
    assert eml.to_header(name, "mayor@springfield.example") == eml.email_package_to_header(
        name, "mayor@springfield.example")
    check_subject_header(subject)


def test_plain_headers_do_not_import_the_email_package() -> None:
    # Run in a fresh interpreter: the test session has imported email already.
    code = (
        "import sys, letter_py.eml as e\n"
        "print(e.to_header('Maria Lopez', 'mayor@example.gov') + e.subject_header('Hold buyers accountable'), end='')\n"
        "assert not any(m == 'email' or m.startswith('email.') for m in sys.modules), sorted(sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert result.stdout.decode() == "To: Maria Lopez <mayor@example.gov>\r\nSubject: Hold buyers accountable\r\n"
