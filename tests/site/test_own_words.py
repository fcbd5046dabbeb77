"""Letters that get read (issue 22), in real Chromium: the campaign's sentence
starters by "In your own words", a subject line of the visitor's own in every
way of sending, and the gentle word by the send buttons while the letter has
no sentence of the visitor's own."""

from __future__ import annotations

import email
import email.policy
import json
import re
import urllib.parse

import icalendar
import pytest
from playwright.sync_api import Page, Route, expect

import letter_py
from letter_py.jsonapi import describe
from tests.hostile import HOSTILE_STRINGS, HUGE
from tests.site.axe import axe_violations, with_axe
from tests.site.editions import LANGS, LETTER_LANGUAGES
from tests.site.letter_page import LetterPage
from tests.site.visitor import VISITOR, cpython_letters, expected_input, fill_visitor
from tests.site.visits import Visit

CAMPAIGN = letter_py.default_campaign()
STARTERS = {lang: describe(CAMPAIGN, lang)["prompts"]["starters"] for lang in LETTER_LANGUAGES}
CONTINUE = "\u2026"
PHONE = "708-358-5770"


def filled(starter: str, town: str) -> str:
    return starter.replace("{town}", town)


def ready(visit: Visit) -> LetterPage:
    letter = LetterPage.open(visit)
    fill_visitor(letter)
    letter.fill_recipient(phone=PHONE)
    letter.wait_for_preview(VISITOR["personal"])
    return letter


def test_each_starter_goes_in_at_the_caret_and_only_when_pressed(visit: Visit):
    letter = LetterPage.open(visit)
    page = letter.page
    letter.fill_community(city="Fox Lake Hills")
    expect(letter.prompts).to_have_text([filled(s, "Fox Lake Hills") for s in STARTERS["en"]])
    assert 3 <= len(STARTERS["en"]) <= 6
    assert letter.personal.input_value() == ""  # nothing goes in without a press
    for n, starter in enumerate(STARTERS["en"]):
        text = filled(starter, "Fox Lake Hills")
        letter.personal.fill("Hello there")
        letter.personal.focus()
        page.keyboard.press("End")
        for _ in range(len(" there")):
            page.keyboard.press("ArrowLeft")
        assert letter.caret() == (5, 5)
        letter.press_prompt(n)
        # On a line of its own at the caret; the "…" selected, where the visitor goes on.
        expect(letter.personal).to_have_value(f"Hello\n{text}\n there")
        expect(letter.personal).to_be_focused()
        at = len("Hello\n") + text.index(CONTINUE)
        assert letter.caret() == (at, at + 1)
        page.keyboard.type("12")
        mine = text.replace(CONTINUE, "12")
        expect(letter.personal).to_have_value(f"Hello\n{mine}\n there")
        letter.wait_for_preview(mine)
    # Into an empty field: the starter alone, and the town follows the form.
    letter.personal.fill("")
    letter.fill_community(city="Lake Holiday")
    expect(letter.prompts.first).to_have_text(filled(STARTERS["en"][0], "Lake Holiday"))
    letter.press_prompt(0)
    expect(letter.personal).to_have_value(filled(STARTERS["en"][0], "Lake Holiday"))
    assert visit.foreign == []


def test_undo_takes_a_starter_back_and_redo_puts_it_in_again(visit: Visit):
    """A starter goes into the field's undo history, as typing does."""
    letter = LetterPage.open(visit)
    page = letter.page
    letter.fill_community(city="Fox Lake Hills")
    letter.personal.click()
    page.keyboard.type("My own words.")
    letter.press_prompt(1)
    with_starter = "My own words.\n" + filled(STARTERS["en"][1], "Fox Lake Hills")
    expect(letter.personal).to_have_value(with_starter)
    letter.wait_for_preview(filled(STARTERS["en"][1], "Fox Lake Hills").split(CONTINUE)[0].strip())
    page.keyboard.press("Control+z")
    expect(letter.personal).to_have_value("My own words.")
    expect(letter.preview()).not_to_contain_text(filled(STARTERS["en"][1], "Fox Lake Hills").split(CONTINUE)[0].strip())
    page.keyboard.press("Control+Shift+z")
    expect(letter.personal).to_have_value(with_starter)


def test_starters_in_the_letters_language_and_the_spanish_subject(visit: Visit):
    letter = LetterPage.open(visit, lang="es")
    expect(letter.prompts).to_have_text([filled(s, "(Ciudad)") for s in STARTERS["es"]])
    spanish = cpython_letters({"lang": "es"})[0]["subject"]
    expect(letter.subject_field).to_have_value(spanish)
    letter.fill_community(city="Cicero")
    expect(letter.prompts).to_have_text([filled(s, "Cicero") for s in STARTERS["es"]])
    expect(letter.subject_field).to_have_value(cpython_letters(
        {"lang": "es", "community": {"city": "Cicero"}})[0]["subject"])
    letter.choose_letter_language("en")
    expect(letter.prompts).to_have_text([filled(s, "Cicero") for s in STARTERS["en"]])
    expect(letter.subject_field).to_have_value(cpython_letters({"community": {"city": "Cicero"}})[0]["subject"])


def test_a_subject_of_ones_own_in_every_way_of_sending(visit: Visit):
    letter = ready(visit)
    page = letter.page
    data = expected_input()
    data["recipients"][0]["phone"] = PHONE
    campaigns = cpython_letters(data)[0]["subject"]
    assert "Fox Lake Hills" in campaigns
    expect(letter.subject_field).to_have_value(campaigns)  # letter_py's, naming the town

    own = "Oak Park neighbours ask: hold sex buyers accountable, señora alcaldesa"
    letter.fill_subject(own)
    expected = cpython_letters({**data, "subject": own})[0]
    assert expected["subject"] == own
    expect(letter.subject()).to_have_text(own)
    letter.other_ways()
    gmail = letter.letter().get_by_role("link", name="Open in Gmail").get_attribute("href")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(gmail).query)["su"] == [own]
    for link in letter.letter().locator("[data-action='webmail']").all():
        assert own in urllib.parse.unquote(link.get_attribute("href"))
    mailto = letter.letter().locator("[data-action='email']").get_attribute("href")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(mailto).query)["subject"] == [own]
    expect(letter.letter().locator("[data-call-script]")).to_contain_text(f'"{own}"')

    with page.expect_download() as download:
        letter.click("Download email draft (.eml)")
    raw = open(download.value.path(), "rb").read()
    assert raw.decode("utf-8") == expected["eml"]
    assert b"=?utf-8?" in raw.split(b"\r\n")[1]  # RFC 2047: the subject is not ASCII
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["Subject"] == own

    page.get_by_text("I've sent it: what next?").click()
    with page.expect_download() as download:
        letter.click("Add a follow-up reminder (.ics)")
    (event,) = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read()).walk("VEVENT")
    assert f'"{own}"' in str(event["DESCRIPTION"])

    with page.expect_download() as download:
        letter.click("Download as text (.txt)")
    assert open(download.value.path(), encoding="utf-8").read().startswith(f"Subject: {own}\n\n")

    # The visitor's own stays as the town changes; emptied and left, the campaign's comes back.
    letter.fill_community(city="Lake Holiday")
    expect(letter.letter().locator("[data-call-script]")).to_contain_text("I live in Lake Holiday")
    expect(letter.subject_field).to_have_value(own)
    letter.fill_subject("")
    letter.personal.focus()
    expect(letter.subject_field).to_have_value(campaigns.replace("Fox Lake Hills", "Lake Holiday"))
    expect(letter.subject()).to_have_text(campaigns.replace("Fox Lake Hills", "Lake Holiday"))
    assert visit.foreign == []


def test_a_subject_over_150_characters_is_named_and_how_to_fix_it(visit: Visit):
    letter = ready(visit)
    letter.fill_subject("x" * 151)
    expect(letter.subject()).to_have_text("x" * 150)
    letter.click("Copy letter")  # errors show once the visitor tries to send (GOV.UK manner)
    message = "The subject line must be 150 characters or fewer"
    expect(letter.page.locator("#subject-error")).to_contain_text(message)
    link = letter.page.locator("#error-summary").get_by_role("link", name=message)
    link.click()
    expect(letter.subject_field).to_be_focused()
    letter.fill_subject("x" * 150)
    expect(letter.page.locator("#subject-error")).to_be_hidden()


def test_the_nudge_shows_while_the_field_is_empty_and_takes_the_visitor_there(visit: Visit):
    letter = LetterPage.open(visit)
    nudge = letter.nudge
    expect(nudge).to_be_visible()
    expect(nudge).to_contain_text(letter.t["nudge.text"])
    # It never blocks sending: the send buttons are there beside it.
    expect(letter.letter().get_by_role("link", name="Copy letter and open email app")).to_be_visible()
    nudge.get_by_role("link", name=letter.t["nudge.link"]).focus()
    letter.page.keyboard.press("Enter")
    expect(letter.personal).to_be_focused()
    letter.page.keyboard.type("I")
    expect(nudge).to_be_hidden()
    letter.personal.fill("   ")
    expect(nudge).to_be_visible()
    letter.press_prompt(1)
    expect(nudge).to_be_hidden()


def test_axe_with_the_starters_and_the_nudge_shown(make_visit):
    visit = with_axe(make_visit())
    letter = LetterPage.open(visit)
    expect(letter.prompts.first).to_be_visible()
    expect(letter.nudge).to_be_visible()
    problems = axe_violations(letter.page, "starters and nudge")
    letter.fill_subject("x" * 151)
    letter.click("Copy letter")
    expect(letter.page.locator("#subject-error")).to_be_visible()
    problems += axe_violations(letter.page, "subject error")
    assert problems == []


def test_hostile_subjects_stay_literal(visit: Visit):
    letter = ready(visit)
    letter.other_ways()
    page = letter.page
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for text in HOSTILE_STRINGS:
        letter.fill_subject(text)
        typed = letter.subject_field.input_value()  # an <input> drops line breaks as it takes them
        expected = json.loads(letter_py.render_json(json.dumps({"subject": typed})))["letters"][0]["subject"]
        expect(letter.subject()).to_have_text(expected)
        gmail = letter.letter().get_by_role("link", name="Open in Gmail").get_attribute("href")
        assert urllib.parse.parse_qs(urllib.parse.urlsplit(gmail).query)["su"] == [expected]
        assert letter.letter().locator("[data-subject] *").count() == 0
    assert dialogs == [] and page.evaluate("typeof window.__pwned") == "undefined"


HOSTILE_TOWN = "{town} <b>Bold</b> $& $1 {{ 7*7 }}"


def with_starters(page: Page, starters: list[str]) -> None:
    """Serve the letter page with these starters in place of the campaign's (as a campaign could ship them)."""
    data = json.dumps({"en": {"starters": starters, "town": "(City)"}})
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

    def swap(route: Route) -> None:
        response = route.fetch()
        body, count = re.subn(r'(<script type="application/json" id="letter-prompts">).*?(</script>)',
                              lambda m: m[1] + data + m[2], response.text(), flags=re.S)
        assert count == 1
        route.fulfill(response=response, body=body)

    page.route(re.compile(r".*/write/$"), swap)


def test_hostile_starters_and_town_stay_literal(visit: Visit):
    # HUGE is left out: check-campaign refuses a starter over 80 characters (test_prompts.py).
    starters = [text for text in HOSTILE_STRINGS if text is not HUGE]
    page = visit.page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with_starters(page, starters)
    page.goto(visit.server.origin + "/write/")
    letter = LetterPage(page)
    letter.wait_for_engine()
    letter.fill_community(city=HOSTILE_TOWN)
    town = letter.page.get_by_label(letter.t["community.city"]).input_value()
    expect(letter.prompts).to_have_count(len(starters))
    assert letter.prompts.all_text_contents() == [filled(text, town) for text in starters]
    assert page.locator("[data-prompt-list] *:not(button), [data-prompt-list] button *").count() == 0
    for n, text in enumerate(starters):
        letter.personal.fill("")
        letter.press_prompt(n)
        value = letter.personal.input_value()
        assert value == re.sub("\r\n?", "\n", filled(text, town)), (n, value[:80])
    assert page.locator("b").count() == 0
    assert dialogs == [] and page.evaluate("typeof window.__pwned") == "undefined"


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_page_still_reads(make_visit, lang: str):
    """No starters and no nudge (enhancements); the subject field is there, inert, with the campaign's subject."""
    visit = make_visit(java_script_enabled=False)
    letter = LetterPage.open(visit, lang=lang, engine=False)
    expect(letter.page.locator("[data-prompts]")).to_be_hidden()
    expect(letter.nudge).to_be_hidden()
    expect(letter.subject_field).to_have_value(cpython_letters({"lang": lang, "date": ""})[0]["subject"])
    fallback = cpython_letters({"lang": lang, "date": ""})[0]["email_text"]
    expect(letter.preview()).to_contain_text(fallback.split("\n\n")[1][:60])  # the letter, in the page's language
