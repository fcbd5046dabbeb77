"""The letter page of every other edition (/es/escribir/, and Polish as it
lands), used as a visitor who reads that language would.

Only what differs from the English page is tested here: the labels, the
letter's language chosen apart from the page's, the greeting by gender (in the
languages that greet by it), and the no-JavaScript letter. The rest of the flow
is the same code, tested in English (test_letter_page.py, test_sending.py).
Each test runs for each edition the build has (tests.site.editions), so a new
edition gets them by being added to mkdocs.yml.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

import letter_py

from tests.site.editions import LANGS, LETTER_LANGUAGES, LETTER_PATHS, NAMES, TRANSLATED
from tests.site.letter_page import LetterPage
from tests.site.visitor import VISITOR, cpython_letters, expected_input, fill_visitor, role_label
from tests.site.visits import Visit
from tests.strings import strings

# A page in one language, the letter in another: each edition with English
# both ways, and each pair of other editions one way (Polish page, Spanish letter).
PAIRS = [pair for lang in TRANSLATED for pair in ((lang, "en"), ("en", lang))] + \
        [(TRANSLATED[i], TRANSLATED[i - 1]) for i in range(1, len(TRANSLATED))]


def greets_by_gender(lang: str) -> bool:
    """Whether the campaign's letter in ``lang`` greets women and men differently."""
    female, male = (cpython_letters(expected_input(lang=lang, gender=g))[0]["email_text"] for g in ("f", "m"))
    return female != male


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_letter_from_its_own_editions_page(visit: Visit, lang: str):
    """Filled in by the edition's labels; previewed, copied and downloaded as letter_py makes it."""
    letter = LetterPage.open(visit, lang=lang)
    page, t = letter.page, letter.t
    expect(letter.group(t["lang.legend"]).get_by_label(LETTER_LANGUAGES[lang], exact=True)).to_be_checked()
    fill_visitor(letter, role=role_label(lang))
    gender = "f" if greets_by_gender(lang) else ""
    if gender:
        letter.greet(1, "f")
    expected = cpython_letters(expected_input(lang=lang, gender=gender))[0]
    # Until the render after the last change has arrived: its greeting (the gender's) and the visitor's words.
    letter.wait_for_preview(expected["email_text"].splitlines()[0])
    letter.wait_for_preview(VISITOR["personal"])
    if gender:  # the visitor's choice made a difference
        assert expected["email_text"] != cpython_letters(expected_input(lang=lang, gender=""))[0]["email_text"]
    assert letter.preview_text() == expected["email_text"]
    assert letter.subject().text_content() == expected["subject"]
    heading = page.locator("[data-letter='0'] .lw-letter-heading")
    assert heading.text_content() == t["letter.heading"].format(recipient=expected["recipient"]["label"])

    letter.click(t["action.copy"])
    expect(page.locator("[data-announcer]")).to_have_text(t["copy.done"])
    clipboard = page.evaluate("navigator.clipboard.readText()")
    assert clipboard == t["letter.subjectLine"].format(subject=expected["subject"]) + "\n\n" + expected["email_text"]

    with page.expect_download() as download:
        letter.click(t["action.downloadTxt"])
    assert download.value.suggested_filename == expected["filename"] + ".txt"
    expect(page.locator("[data-announcer]")).to_have_text(
        t["download.done"].format(filename=expected["filename"] + ".txt"))


@pytest.mark.parametrize("lang", [lang for lang in TRANSLATED if greets_by_gender(lang)])
def test_the_greeting_is_neutral_unless_the_visitor_chooses(visit: Visit, lang: str):
    letter = LetterPage.open(visit, lang=lang)
    fill_visitor(letter, role=role_label(lang))
    letter.wait_for_preview(VISITOR["personal"])
    expected = cpython_letters(expected_input(lang=lang, gender=""))[0]
    assert letter.preview_text() == expected["email_text"]
    letter.greet(1, "m")
    male = cpython_letters(expected_input(lang=lang, gender="m"))[0]
    assert male["email_text"] != expected["email_text"]
    letter.wait_for_preview(male["email_text"].splitlines()[0])
    assert letter.preview_text() == male["email_text"]


@pytest.mark.parametrize(("page_lang", "letter_lang"), PAIRS)
def test_the_letters_language_is_chosen_apart_from_the_pages_and_the_messages_follow_the_page(
        visit: Visit, page_lang: str, letter_lang: str):
    letter = LetterPage.open(visit, lang=page_lang)
    t = letter.t
    # The greeting's question is there while, and only while, the letter's language greets by gender.
    gender = letter.recipient(1).get_by_role("group", name=t["recipient.gender"])
    expect(gender).to_have_count(1 if greets_by_gender(page_lang) else 0)
    letter.choose_letter_language(letter_lang)
    expect(gender).to_have_count(1 if greets_by_gender(letter_lang) else 0)
    fill_visitor(letter, role=role_label(page_lang))
    letter.wait_for_preview(VISITOR["personal"])
    expected = cpython_letters(expected_input(lang=letter_lang))[0]
    other = cpython_letters(expected_input(lang=page_lang))[0]
    assert expected["email_text"] != other["email_text"]
    assert letter.preview_text() == expected["email_text"]
    # The page itself stays in its language.
    assert letter.page.locator("html").get_attribute("lang") == page_lang
    # The copied email is all in the letter's language, its subject line too.
    letter.page.get_by_role("button", name=t["action.copy"]).first.click()
    expect(letter.page.locator("[data-announcer]")).not_to_be_empty()
    copied = letter.page.evaluate("navigator.clipboard.readText()")
    assert copied == expected["email_copy"]
    assert copied.startswith(strings(letter_lang)["letter.subjectLine"].format(subject=expected["subject"]) + "\n\n")

    # A mistake is explained in the page's language, in the error summary and by the
    # field; the letter itself stays in its language. (One test with the above: one
    # page and one engine start for each pair.)
    letter.fill_sender(email="not an email")
    page = letter.page
    document = {**expected_input({**VISITOR, "email": "not an email"}, lang=letter_lang),
                "messages_lang": page_lang}
    answer = json.loads(letter_py.render_json(json.dumps(document)))
    message = next(e["message"] for e in answer["errors"] if e["field"] == "sender.email")
    own = json.loads(letter_py.render_json(json.dumps({**document, "messages_lang": letter_lang})))
    assert message != next(e["message"] for e in own["errors"] if e["field"] == "sender.email")
    expect(letter.preview()).to_have_text(answer["letters"][0]["email_text"])  # in the letter's language

    page.get_by_role("button", name=t["action.copy"]).first.click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(page.locator("[data-letter='0'] [data-send-missing]")).to_be_focused()
    expect(summary.get_by_role("link", name=message)).to_have_count(1)
    by_field = page.locator("#sender-email-error")
    expect(by_field).to_have_text(t["error.prefix"] + message)
    expect(page.locator("#sender-email")).to_have_accessible_description(
        f'{t["error.prefix"]}{message} {t["sender.email.hint"]}')


@pytest.mark.parametrize("lang", TRANSLATED)
def test_without_javascript_each_editions_page_shows_its_letter(make_visit, lang: str):
    visit = make_visit(java_script_enabled=False)
    letter = LetterPage.open(visit, lang=lang, engine=False)
    fallback = cpython_letters({"date": "", "lang": lang})[0]
    shown = letter.preview()
    expect(shown).to_be_visible()
    assert shown.text_content() == fallback["email_text"]
    assert fallback["email_text"] != cpython_letters({"date": ""})[0]["email_text"]
    expect(letter.page.get_by_text(letter.t["nojs.title"])).to_be_visible()
    # The greeting's question is there too, where the language greets by gender: it is plain HTML.
    expect(letter.recipient(1).get_by_role("group", name=letter.t["recipient.gender"])).to_have_count(
        1 if greets_by_gender(lang) else 0)


def test_the_language_menu_leads_to_the_same_page_in_every_language(visit: Visit):
    """English -> each edition -> the next, and back to English: every edition's
    menu lists every edition, each link to this page in that language."""
    page = visit.open(LETTER_PATHS["en"])
    for lang in [*TRANSLATED, "en"]:
        menu = page.locator(".md-header__option .md-select")
        expect(menu.get_by_role("link")).to_have_text([NAMES[other] for other in LANGS])
        menu.get_by_role("button").hover()
        menu.get_by_role("link", name=NAMES[lang], exact=True).click()
        expect(page).to_have_url(visit.server.origin + LETTER_PATHS[lang])
        expect(page.locator("html")).to_have_attribute("lang", lang)


@pytest.mark.parametrize("page_lang", LANGS)
def test_the_title_hint_is_the_letters_language(visit: Visit, page_lang: str):
    """The "Other" role's title goes into the greeting as typed: its hint asks for the letter's language."""
    letter = LetterPage.open(visit, lang=page_lang)
    t = letter.t
    letter.fill_recipient(role=role_label(page_lang, "other"))
    title = letter.recipient(1).get_by_label(t["recipient.title"])
    for lang in (page_lang, *[other for other in LETTER_LANGUAGES if other != page_lang], page_lang):
        letter.choose_letter_language(lang)
        expect(title).to_have_accessible_description(t[f"recipient.title.hint.{lang}"])
