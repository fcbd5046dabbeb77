"""The letter page on a phone (issue 31): a 390x844 touch screen with a mobile user agent, in both languages.

The hurried visitor's steps end with a send control on screen; the email
app's link carries the whole letter on a phone, and on a desktop the limit
holds and the paste step shows before the link is followed; the printed
letter is one US Letter page; a town chosen by touch shows its result.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from letter_py.i18n import gettext_for
from tests.site.axe import axe_violations, with_axe
from tests.site.directory_towns import with_official
from tests.site.editions import LANGS
from tests.site.letter_page import HOLD_NAVIGATION, LetterPage
from tests.site.visitor import VISITOR, fill_visitor, role_label
from tests.site.visits import Visit

PHONE = {
    "viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True,
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/131.0.0.0 Mobile Safari/537.36",
}
# Wholly on screen, below Material's header.
ON_SCREEN = """el => {
    const box = el.getBoundingClientRect();
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    return box.height > 0 && box.top >= header && box.bottom <= window.innerHeight;
}"""


def phone(make_visit, **options) -> Visit:
    visit = make_visit(**PHONE, **options)
    visit.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=visit.server.origin)
    return visit


def tap(locator: Locator) -> None:
    """A touch on the element's centre, after swiping it on screen if need be."""
    locator.scroll_into_view_if_needed()
    locator.tap()


def choose_town_by_touch(letter: LetterPage, name: str) -> None:
    tap(letter.town_field)
    letter.page.keyboard.type(name[:4], delay=20)
    option = letter.town_suggestions.filter(has_text=name).first
    expect(option).to_be_visible()
    tap(option)


def on_screen(locator: Locator) -> bool:
    return locator.evaluate(ON_SCREEN)


def mailto_body(href: str) -> str:
    query = urllib.parse.urlsplit(href).query
    return urllib.parse.parse_qs(query, strict_parsing=True)["body"][0]


@pytest.mark.parametrize("lang", LANGS)
def test_the_hurried_visitor_ends_with_the_letter_and_a_send_control_on_screen(make_visit, site: Path, lang: str):
    letter = LetterPage.open(phone(make_visit), lang=lang)
    page, t = letter.page, letter.t
    town, official = with_official(site, stale=False)
    choose_town_by_touch(letter, town["name"])
    for key, value in (("name", "Dave Okafor"), ("street", "1501 Chicago Avenue"), ("zip", "60201")):
        tap(letter.details.get_by_label(t[f"sender.{key}"], exact=True))
        page.keyboard.type(value)
    tap(letter.personal)
    page.keyboard.type("I ride the train every day and I want my neighbours safe.")
    letter.wait_for_preview("I ride the train every day")

    # Where the typing ended, the way to the letter is on screen: one tap, no swipe.
    bar = page.get_by_role("link", name=t["send.bar"])
    assert on_screen(bar)
    tap(bar)
    email = letter.letter().get_by_role("link", name=t["action.email"])
    expect(email).to_be_visible()
    assert on_screen(email) and on_screen(letter.letter().locator(".lw-letter-heading"))
    # The letter itself begins on the same screen.
    assert letter.preview().evaluate("el => el.getBoundingClientRect().top < innerHeight - 100")
    # One primary action; the other ways are folded behind it.
    assert letter.letter().locator(".md-button--primary:visible").count() == 1
    expect(letter.letter().get_by_role("link", name=t["action.webmail.gmail"])).to_be_hidden()

    # On a phone the email app's link carries the whole letter, and no paste step is asked for.
    href = email.get_attribute("href")
    assert urllib.parse.unquote(urllib.parse.urlsplit(href).path) == official["email"]
    assert mailto_body(href) == letter.preview_text().rstrip("\n").replace("\n", "\r\n")
    expect(letter.letter().locator("[data-paste-step]")).to_be_hidden()
    page.evaluate(HOLD_NAVIGATION)
    tap(email)
    note = letter.letter().locator("[data-letter-note]")
    expect(note).to_have_text(t["email.note"])
    assert on_screen(note)


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_desktop_the_limit_holds_and_the_paste_step_shows_before_the_link(visit: Visit, lang: str):
    letter = LetterPage.open(visit, lang=lang)
    page, t = letter.page, letter.t
    fill_visitor(letter, role=role_label(lang))
    letter.wait_for_preview(VISITOR["personal"])
    step = letter.letter().locator("[data-paste-step]")
    expect(step).to_be_visible()
    expect(step).to_have_text(t["email.pasteStep"])
    email = letter.letter().get_by_role("link", name=t["action.emailPaste"])
    href = email.get_attribute("href")
    assert len(href) <= 2000 and "body=" not in href
    # The step is above the button: read before the press, not after the app opened.
    assert step.bounding_box()["y"] < email.bounding_box()["y"]
    page.evaluate(HOLD_NAVIGATION)
    email.click()
    expect(letter.letter().locator("[data-letter-note]")).to_have_text(t["email.tooLong"])
    assert page.evaluate("navigator.clipboard.readText()") == letter.preview_text()


@pytest.mark.parametrize("lang", LANGS)
def test_a_missing_field_shows_by_the_button_pressed_and_in_the_summary(make_visit, lang: str):
    letter = LetterPage.open(phone(make_visit), lang=lang)
    page, t = letter.page, letter.t
    fill_visitor(letter, role=role_label(lang))
    letter.fill_sender(name="")  # an email is signed with the name: it cannot go without one
    letter.wait_for_preview(VISITOR["personal"])
    tap(page.get_by_role("link", name=t["send.bar"]))
    page.evaluate(HOLD_NAVIGATION)
    tap(letter.letter().locator("[data-action='email']"))
    near = letter.letter().locator("[data-send-missing]")
    expect(near).to_be_focused()
    assert on_screen(near)
    name_link = near.get_by_role("link").filter(has_text=gettext_for(lang)("Enter your name"))  # letter_py's own message
    expect(name_link).to_have_count(1)
    expect(page.locator("#error-summary")).to_be_visible()  # the summary at the top says it too
    assert not on_screen(page.locator("#error-summary"))  # but nobody was sent up there
    tap(name_link)
    expect(page.locator("#sender-name")).to_be_focused()
    page.keyboard.type("Sam Rivera")
    expect(near).to_be_hidden()


FOLLOWED = """() => {
    window.__followed = [];
    document.addEventListener('click', (e) => {
        const a = e.target.closest('a[href^="mailto:"]');
        if (a) { window.__followed.push(a.href); e.preventDefault(); }
    });
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_an_email_goes_without_a_postal_address_and_a_printed_letter_asks_for_it(make_visit, lang: str):
    """Only the printed letter needs the street and ZIP code (letter_py's needed_for): the email is not held back."""
    letter = LetterPage.open(phone(make_visit), lang=lang)
    page, t = letter.page, letter.t
    fill_visitor(letter, role=role_label(lang))
    letter.fill_sender(street="", zip="")
    letter.wait_for_preview(VISITOR["personal"])
    expect(page.locator("#sender-street-hint")).to_have_text(t["sender.street.hint"])
    tap(page.get_by_role("link", name=t["send.bar"]))
    page.evaluate(FOLLOWED)
    tap(letter.letter().locator("[data-action='email']"))
    followed = page.evaluate("window.__followed")
    assert len(followed) == 1 and followed[0].startswith("mailto:mayor@example.gov?"), followed
    body = urllib.parse.unquote(followed[0])
    # The whole letter, on a phone, signed: from its greeting through the visitor's own words.
    assert letter.preview_text().strip().splitlines()[0] in body and VISITOR["personal"] in body
    assert body.endswith("Sam Rivera")
    near = letter.letter().locator("[data-send-missing]")
    expect(near).to_be_hidden()
    # The printed letter does need them: asked for by the button pressed.
    letter.page.get_by_label(t["format.letter"]).check()
    tap(letter.letter().locator("[data-action='print']"))
    expect(near).to_be_focused()
    expect(near.get_by_role("link")).to_have_count(2)  # the street and the ZIP code


@pytest.mark.parametrize("lang", LANGS)
def test_the_printed_letter_is_one_us_letter_page(visit: Visit, lang: str):
    letter = LetterPage.open(visit, lang=lang)
    fill_visitor(letter, role=role_label(lang))
    letter.wait_for_preview(VISITOR["personal"])
    page: Page = letter.page
    page.emulate_media(media="print")
    pdf = page.pdf(format="Letter", prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1, f"the printed letter runs to {pages} US Letter pages"


@pytest.mark.parametrize("lang", LANGS)
def test_a_town_chosen_by_touch_shows_its_result(make_visit, site: Path, lang: str):
    letter = LetterPage.open(phone(make_visit), lang=lang)
    town, _ = with_official(site, stale=False)
    choose_town_by_touch(letter, town["name"])
    result = letter.page.locator("[data-town-result]")
    expect(result).to_be_focused()  # the field let go: the keyboard closes
    assert on_screen(result)
    expect(result).to_contain_text(town["name"])


def test_the_suggestions_bring_the_town_field_to_the_top(make_visit):
    letter = LetterPage.open(phone(make_visit))
    tap(letter.town_field)
    letter.page.keyboard.type("Oak", delay=20)
    expect(letter.town_suggestions.first).to_be_visible()
    header = letter.page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert letter.town_field.bounding_box()["y"] - header < 80


def test_remembered_details_bring_back_the_official(make_visit, site: Path):
    visit = phone(make_visit)
    letter = LetterPage.open(visit)
    town, official = with_official(site, stale=False)
    letter.page.get_by_label(letter.t["remember.label"]).check()
    choose_town_by_touch(letter, town["name"])
    expect(letter.page.locator("#recipients-0-name")).to_have_value(official["name"])
    again = LetterPage.open(visit)
    expect(again.town_field).to_have_value(town["name"])
    expect(again.page.locator("#recipients-0-name")).to_have_value(official["name"])


@pytest.mark.parametrize("lang", LANGS)
def test_axe_on_the_send_controls_and_no_request_before_a_click(make_visit, lang: str):
    # No service worker: it would fetch the site's files in idle time.
    visit = with_axe(phone(make_visit, service_workers="block"))
    letter = LetterPage.open(visit, lang=lang)
    page, t = letter.page, letter.t
    page.wait_for_load_state("networkidle")
    letter.personal.focus()  # the directory comes with the first look at the town (idle time, or a focus)
    page.wait_for_load_state("networkidle")
    before = len(visit.requests)
    fill_visitor(letter, role=role_label(lang))
    letter.fill_sender(name="")  # a problem that holds an email back, shown by the send controls
    letter.wait_for_preview(VISITOR["personal"])
    tap(page.get_by_role("link", name=t["send.bar"]))
    tap(letter.letter().get_by_text(t["send.other"], exact=True))
    expect(letter.letter().get_by_role("link", name=t["action.webmail.gmail"])).to_be_visible()
    letter.page.evaluate(HOLD_NAVIGATION)
    tap(letter.letter().locator("[data-action='copy']"))
    expect(letter.letter().locator("[data-send-missing]")).to_be_visible()
    page.wait_for_load_state("networkidle")
    # Typing, the bar and the folded ways fetch nothing (the favicon is the browser's own, in its own time).
    assert [url for url in visit.requests[before:] if not url.endswith("/favicon.png")] == []
    assert axe_violations(page, f"phone, send controls [{lang}]") == []
