"""Sending, and after: webmail links, copy subject/address, the reminder, asking a friend.

Every test runs in a visit that blocks and records any request to another
origin (tests/site/visits.py): a webmail link must fetch nothing from its
provider unless it is clicked, and these tests never let a click navigate.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse

import icalendar
import pytest
from playwright.sync_api import expect

from letter_py.i18n import gettext_for
from letter_py.validate import RECIPIENT_FIELDS
from tests.site.editions import LANGS
from tests.site.letter_page import HOLD_NAVIGATION, LetterPage
from tests.site.visitor import VISITOR, cpython_letters, expected_input, fill_visitor, role_label
from tests.site.visits import Visit

# letter_py's message for a recipient's phone that cannot be dialled (its msgid).
INVALID_PHONE = next(f.invalid for f in RECIPIENT_FIELDS if f.key == "phone")

PROVIDERS = {"gmail": "Open in Gmail", "outlook": "Open in Outlook.com", "office": "Open in Outlook (work or school)"}


def ready(visit: Visit) -> tuple[LetterPage, dict]:
    letter = LetterPage.open(visit)
    fill_visitor(letter)
    letter.wait_for_preview(VISITOR["personal"])
    letter.other_ways()
    return letter, cpython_letters(expected_input())[0]


def test_webmail_links_are_letter_pys_plain_links(visit: Visit):
    letter, expected = ready(visit)
    links = {w["provider"]: w for w in expected["webmail"]}
    for provider, name in PROVIDERS.items():
        link = letter.letter().get_by_role("link", name=name)
        expect(link).to_have_attribute("href", links[provider]["url"])
        assert link.get_attribute("target") == "_blank"
        assert {"noopener", "noreferrer"} <= set(link.get_attribute("rel").split())
    gmail = urllib.parse.urlsplit(links["gmail"]["url"])
    params = dict(urllib.parse.parse_qsl(gmail.query, strict_parsing=True))
    assert params == {"view": "cm", "fs": "1", "to": VISITOR["recipient_email"], "su": expected["subject"],
                      "body": expected["email_text"].rstrip("\n")}
    letter.page.wait_for_load_state("networkidle")
    assert visit.foreign == []  # nothing was asked of any provider


def test_webmail_click_notes_and_copies_when_the_letter_is_too_long(visit: Visit):
    letter, expected = ready(visit)
    page = letter.page
    page.evaluate(HOLD_NAVIGATION)
    note = letter.letter().locator("[data-letter-note]")
    assert all(w["complete"] for w in expected["webmail"])  # the visitor's letter fits every link
    letter.letter().get_by_role("link", name=PROVIDERS["outlook"]).click()
    expect(note).to_contain_text("Outlook.com opens in a new tab with your letter filled in")
    # A personal paragraph that percent-encodes to 18,000 characters: too long for any link.
    personal = "\u8a9e" * 2000
    long = cpython_letters({**expected_input(), "personal": personal})[0]
    assert not any(w["complete"] for w in long["webmail"])
    letter.fill_personal(personal)
    letter.wait_for_preview(personal)
    expect(letter.letter().get_by_role("link", name=PROVIDERS["outlook"])).to_have_attribute("data-complete", "false")
    letter.letter().get_by_role("link", name=PROVIDERS["outlook"]).click()
    expect(note).to_contain_text("too long to go in the link to Outlook.com")
    expect(page.locator("[data-announcer]")).to_have_text("Copied. Paste it into your email or document.")
    assert page.evaluate("navigator.clipboard.readText()") == long["email_text"]
    assert visit.foreign == []


def test_outlook_links_carry_the_whole_letter(visit: Visit):
    """As letter_py builds them: decoded, the body is the letter's email text."""
    letter, expected = ready(visit)
    for provider in ("outlook", "office"):
        href = letter.letter().get_by_role("link", name=PROVIDERS[provider]).get_attribute("href")
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(href).query, strict_parsing=True)
        assert query["body"] == [expected["email_text"].rstrip("\n")]
        assert query["to"] == [VISITOR["recipient_email"]]


@pytest.mark.parametrize("lang", LANGS)
def test_a_call_link_and_what_to_say_in_the_letters_language(visit: Visit, lang: str):
    """A recipient's phone gives a tel: link and letter_py's script, shown as text; no phone, no call."""
    letter = LetterPage.open(visit, lang=lang)
    page, t = letter.page, letter.t
    fill_visitor(letter, role=role_label(lang))
    letter.wait_for_preview(VISITOR["personal"])
    call = letter.letter().locator("[data-call]")
    expect(call).to_be_hidden()
    assert letter.letter().locator("a[href^='tel:']").count() == 0

    letter.fill_recipient(phone="618-624-4500 ext. 8730")
    data = expected_input(lang=lang)
    data["recipients"][0]["phone"] = "618-624-4500 ext. 8730"
    expected = cpython_letters(data)[0]
    link = letter.letter().get_by_role(
        "link", name=t["call.link"].format(recipient=expected["recipient"]["label"], number="618-624-4500 ext. 8730"))
    expect(link).to_have_attribute("href", "tel:+16186244500;ext=8730")
    script = call.locator("[data-call-script]")
    expect(script).to_be_hidden()  # folded until asked for
    call.get_by_text(t["call.script"], exact=True).click()
    expect(script).to_have_text(expected["call"]["script"])
    # In the letter's language: the visitor's name in it, and not the English script unless the letter is English.
    english = cpython_letters({**data, "lang": "en"})[0]["call"]["script"]
    assert "Sam Rivera" in expected["call"]["script"] and (lang == "en") == (expected["call"]["script"] == english)
    assert "Fox Lake Hills" in expected["call"]["script"]

    # An added recipient's letter (from the page's letter template) gets its own call.
    letter.click(t["recipients.add"])
    letter.fill_recipient(2, role=role_label(lang, "police_chief"), name="Dana Brown", phone="(847) 391-5301")
    expect(letter.letter(1).locator("a[href='tel:+18473915301']")).to_be_visible()
    expect(letter.letter(1).locator("[data-call-script]")).to_have_text(
        re.compile("^" + re.escape(expected["call"]["script"].split(".")[0])))

    # A number that cannot be dialled: the field's error, and no call.
    letter.fill_recipient(phone="call <b>me</b>")
    expect(call).to_be_hidden()
    # Errors show once the visitor tries to send (GOV.UK manner).
    letter.letter().get_by_role("button", name=t["action.copy"]).click()
    expect(page.locator("#recipients-0-phone-error")).to_contain_text(gettext_for(lang)(INVALID_PHONE))  # letter_py's message
    expect(call).to_be_hidden()
    assert letter.letter().locator("a[href^='tel:']").count() == 0
    assert page.locator("[data-call] b").count() == 0
    assert visit.foreign == []


def test_copy_subject_and_address(visit: Visit):
    letter, expected = ready(visit)
    page = letter.page
    letter.click("Copy subject")
    expect(page.locator("[data-announcer]")).to_have_text("Subject copied. Paste it into the subject box.")
    assert page.evaluate("navigator.clipboard.readText()") == expected["subject"]
    letter.click("Copy address")
    expect(page.locator("[data-announcer]")).to_have_text("Address copied. Paste it into the To box.")
    assert page.evaluate("navigator.clipboard.readText()") == VISITOR["recipient_email"]
    letter.fill_recipient(email="")
    expect(letter.letter().get_by_role("button", name="Copy address")).to_be_hidden()


def test_reminder_is_an_ics_a_calendar_reads(visit: Visit):
    letter, expected = ready(visit)
    page = letter.page
    page.get_by_text("I've sent it: what next?").click()
    with page.expect_download() as download:
        letter.click("Add a follow-up reminder (.ics)")
    assert download.value.suggested_filename == expected["reminder"]["filename"]
    data = open(download.value.path(), "rb").read()
    assert data == expected["reminder"]["ics"].encode("utf-8")
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert event.decoded("DTSTART") == dt.date.today() + dt.timedelta(days=14)
    assert str(event["SUMMARY"]) == "Follow up on your letter to Mayor Lopez"
    text = data.decode("utf-8").replace("\r\n ", "")
    for value in (VISITOR["name"], VISITOR["street"], VISITOR["email"], VISITOR["personal"]):
        assert value not in text


SHARE_STUB = """(() => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', {configurable: true, value(data) {
        window.__shared.push(JSON.parse(JSON.stringify(data)));
        return Promise.resolve();
    }});
})()"""


def test_share_gives_the_arrival_link_and_nothing_typed(visit: Visit):
    visit.context.add_init_script(SHARE_STUB)
    letter = LetterPage.open(visit, "/write/#city=Evanston&role=police_chief")
    fill_visitor(letter)
    letter.wait_for_preview(VISITOR["personal"])
    page = letter.page
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()
    letter.click("Share this page")
    expect(page.locator("[data-announcer]")).to_have_text("Thank you for asking a friend.")
    (shared,) = page.evaluate("window.__shared")
    assert shared["url"] == visit.server.origin + "/write/#city=Evanston&role=police_chief"
    assert shared["title"] and shared["text"]
    dump = json.dumps(shared)
    for value in VISITOR.values():
        assert value not in dump


def test_without_web_share_copy_link_and_an_email_invitation(visit: Visit):
    visit.context.add_init_script("delete Navigator.prototype.share")
    letter, _ = ready(visit)
    page = letter.page
    expect(page.get_by_role("button", name="Share this page")).to_be_hidden()
    letter.click("Copy link")
    expect(page.locator("[data-announcer]")).to_have_text("Link copied. Paste it into a message to a friend.")
    assert page.evaluate("navigator.clipboard.readText()") == visit.server.origin + "/write/"
    href = page.get_by_role("link", name="Invite by email").get_attribute("href")
    parts = urllib.parse.urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == ""
    params = dict(urllib.parse.parse_qsl(parts.query, strict_parsing=True))
    assert set(params) == {"subject", "body"}
    assert params["body"].endswith("\r\n\r\n" + visit.server.origin + "/write/")
    for value in VISITOR.values():
        assert value not in href and urllib.parse.quote(value) not in href
