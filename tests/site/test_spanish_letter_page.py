"""The letter page in Spanish (/es/escribir/), used as a Spanish-speaking visitor would.

Only what differs from the English page is tested here: the labels, the
letter's language chosen apart from the page's, the Spanish greeting, and the
no-JavaScript letter. The rest of the flow is the same code, tested in English
(test_letter_page.py, test_sending.py).
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

import letter_py

from tests.site.letter_page import LetterPage
from tests.site.visitor import VISITOR, cpython_letters, expected_input, fill_visitor, role_label
from tests.site.visits import Visit


def test_a_spanish_letter_from_the_spanish_page(visit: Visit):
    """Filled in by its Spanish labels; previewed, copied and downloaded as letter_py makes it."""
    letter = LetterPage.open(visit, lang="es")
    page, t = letter.page, letter.t
    expect(letter.group(t["lang.legend"]).get_by_label("Español")).to_be_checked()
    fill_visitor(letter, role=role_label("es"))
    letter.greet(1, "f")
    letter.wait_for_preview(VISITOR["personal"])
    expected = cpython_letters(expected_input(lang="es", gender="f"))[0]
    assert expected["email_text"].startswith("Estimada alcaldesa"), expected["email_text"][:60]
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


def test_the_greeting_is_neutral_unless_the_visitor_chooses(visit: Visit):
    letter = LetterPage.open(visit, lang="es")
    fill_visitor(letter, role=role_label("es"))
    letter.wait_for_preview(VISITOR["personal"])
    expected = cpython_letters(expected_input(lang="es", gender=""))[0]
    assert letter.preview_text() == expected["email_text"]
    letter.greet(1, "m")
    male = cpython_letters(expected_input(lang="es", gender="m"))[0]
    assert male["email_text"] != expected["email_text"]
    letter.wait_for_preview(male["email_text"].splitlines()[0])
    assert letter.preview_text() == male["email_text"]


@pytest.mark.parametrize(("page_lang", "letter_lang"), [("es", "en"), ("en", "es")])
def test_the_letters_language_is_chosen_apart_from_the_pages(visit: Visit, page_lang: str, letter_lang: str):
    letter = LetterPage.open(visit, lang=page_lang)
    t = letter.t
    # The Spanish greeting's question is there while, and only while, the letter is Spanish.
    gender = letter.recipient(1).get_by_role("group", name=t["recipient.gender"])
    expect(gender).to_have_count(1 if page_lang == "es" else 0)
    letter.choose_letter_language(letter_lang)
    expect(gender).to_have_count(1 if letter_lang == "es" else 0)
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
    assert copied.startswith({"en": "Subject: ", "es": "Asunto: "}[letter_lang] + expected["subject"] + "\n\n")


def test_without_javascript_the_spanish_page_shows_the_spanish_letter(make_visit):
    visit = make_visit(java_script_enabled=False)
    letter = LetterPage.open(visit, lang="es", engine=False)
    fallback = cpython_letters({"date": "", "lang": "es"})[0]
    shown = letter.preview()
    expect(shown).to_be_visible()
    assert shown.text_content() == fallback["email_text"]
    assert fallback["email_text"] != cpython_letters({"date": ""})[0]["email_text"]
    expect(letter.page.get_by_text(letter.t["nojs.title"])).to_be_visible()
    # The greeting's question is there too: it is plain HTML.
    expect(letter.recipient(1).get_by_role("group", name=letter.t["recipient.gender"])).to_be_visible()


def test_the_language_menu_leads_to_the_same_page_in_the_other_language(visit: Visit):
    page = visit.open("/write/")
    page.get_by_role("button", name="Select language").hover()
    page.get_by_role("link", name="Español").click()
    expect(page).to_have_url(visit.server.origin + "/es/escribir/")
    page.get_by_role("button", name="Seleccionar idioma").hover()
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(visit.server.origin + "/write/")


@pytest.mark.parametrize(("page_lang", "letter_lang"), [("es", "en"), ("en", "es")])
def test_the_messages_follow_the_page_and_the_letter_its_own_language(visit: Visit, page_lang: str,
                                                                      letter_lang: str):
    """A mistake in a letter of the other language is explained in the page's language,
    in the error summary and by the field; the letter itself stays in its language."""
    letter = LetterPage.open(visit, lang=page_lang)
    page, t = letter.page, letter.t
    letter.choose_letter_language(letter_lang)
    fill_visitor(letter, role=role_label(page_lang), v={**VISITOR, "email": "not an email"})
    document = {**expected_input({**VISITOR, "email": "not an email"}, lang=letter_lang),
                "messages_lang": page_lang}
    answer = json.loads(letter_py.render_json(json.dumps(document)))
    message = next(e["message"] for e in answer["errors"] if e["field"] == "sender.email")
    own = json.loads(letter_py.render_json(json.dumps({**document, "messages_lang": letter_lang})))
    assert message != next(e["message"] for e in own["errors"] if e["field"] == "sender.email")
    letter.wait_for_preview(VISITOR["personal"])
    assert letter.preview_text() == answer["letters"][0]["email_text"]  # in the letter's language

    page.get_by_role("button", name=t["action.copy"]).first.click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(page.locator("[data-letter='0'] [data-send-missing]")).to_be_focused()
    expect(summary.get_by_role("link", name=message)).to_have_count(1)
    by_field = page.locator("#sender-email-error")
    expect(by_field).to_have_text(t["error.prefix"] + message)
    expect(page.locator("#sender-email")).to_have_accessible_description(
        f'{t["error.prefix"]}{message} {t["sender.email.hint"]}')


@pytest.mark.parametrize("page_lang", ["es", "en"])
def test_the_title_hint_is_the_letters_language(visit: Visit, page_lang: str):
    """The "Other" role's title goes into the greeting as typed: its hint asks for the letter's language."""
    letter = LetterPage.open(visit, lang=page_lang)
    t = letter.t
    letter.fill_recipient(role=role_label(page_lang, "other"))
    title = letter.recipient(1).get_by_label(t["recipient.title"])
    for lang in (page_lang, "en" if page_lang == "es" else "es", page_lang):
        letter.choose_letter_language(lang)
        expect(title).to_have_accessible_description(t[f"recipient.title.hint.{lang}"])
