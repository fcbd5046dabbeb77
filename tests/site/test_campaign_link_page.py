"""A campaign link (#c1.…) opened on the real letter page: prefilled, editable, private, inert."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

import letter_py
from letter_py import default_campaign
from letter_py.campaign_link import read_link_json
from letter_py.states import state_name
from tests.campaign_links import SPRINGFIELD, fragment_of, pack
from tests.hostile import HOSTILE_STRINGS
from tests.site.editions import LETTER_PATHS, TRANSLATED
from tests.site.letter_page import LetterPage
from tests.site.visits import Visit

NOTICE = "[data-campaign-notice]"
LINK = "/write/#" + fragment_of(SPRINGFIELD)
ORDINARY = "Prostitution could not exist without the people who buy sex."


def test_a_link_prefills_officials_recipients_community_and_news(visit: Visit):
    letter = LetterPage.open(visit, LINK)
    page = letter.page
    expect(page.locator(NOTICE)).to_be_visible()
    expect(page.locator(NOTICE)).to_contain_text(
        "Letter for Springfield, Illinois, prepared by Springfield Neighbours, for people who live there: "
        "officials set aside letters from outside their area. Check the names and addresses before you send.")
    first, second = letter.recipient(1), letter.recipient(2)
    expect(first.get_by_label("Their full name")).to_have_value("Maria Lopez")
    expect(first.get_by_label("Their email address (optional)")).to_have_value("mayor@springfield.example.gov")
    expect(first.get_by_label("Their postal address (optional)")).to_have_value(
        "300 S. Seventh Street\nSpringfield, IL 62701")
    expect(second.get_by_label("Who are you writing to?")).to_have_value("police_chief")
    expect(second.get_by_label("Their full name")).to_have_value("Ken Brown")
    picker = second.get_by_label("Choose a local official (optional)")
    expect(picker).to_be_visible()
    assert picker.locator("option").all_text_contents() == ["Someone else", "Mayor Maria Lopez",
                                                            "Police Chief Ken Brown"]
    expect(letter.community.get_by_label("Your town or city")).to_have_value("Springfield")
    expect(page.get_by_role("group", name="News article 1").get_by_label("Link")).to_have_value(
        "https://news.example.com/2026/03/14/sting")
    letter.wait_for_preview("Dear Mayor Lopez")
    letter.wait_for_preview("Dear Chief Brown", index=1)
    letter.wait_for_preview("news.example.com/2026/03/14/sting")
    # Everything stays editable, and the picker works as on any page.
    first.get_by_label("Their full name").fill("Maria Lopez-Garcia")
    letter.wait_for_preview("Dear Mayor Lopez-Garcia")
    picker.select_option(label="Mayor Maria Lopez")
    expect(second.get_by_label("Their full name")).to_have_value("Maria Lopez")


def test_nothing_typed_is_lost_when_a_link_arrives(visit: Visit):
    letter = LetterPage.open(visit)
    letter.fill_recipient(1, name="Pat Quinn")
    letter.fill_personal("My own words stay.")
    letter.fill_community(city="Fox Lake Hills")
    letter.page.evaluate("fragment => { location.hash = fragment }", LINK.split("#")[1])
    expect(letter.page.locator(NOTICE)).to_contain_text("Letter for Springfield")
    expect(letter.recipient(2).get_by_label("Their full name")).to_have_value("Ken Brown")
    expect(letter.recipient(1).get_by_label("Their full name")).to_have_value("Pat Quinn")
    expect(letter.community.get_by_label("Your town or city")).to_have_value("Fox Lake Hills")
    expect(letter.page.get_by_label("Why this matters to you")).to_have_value("My own words stay.")


def test_the_older_prefill_still_works_beside_it(visit: Visit):
    letter = LetterPage.open(visit, "/write/#city=Evanston&role=police_chief")
    expect(letter.community.get_by_label("Your town or city")).to_have_value("Evanston")
    expect(letter.recipient(1).get_by_label("Who are you writing to?")).to_have_value("police_chief")
    expect(letter.page.locator(NOTICE)).to_be_hidden()


def test_an_unreadable_link_shows_a_notice_and_the_ordinary_letter(visit: Visit):
    letter = LetterPage.open(visit, "/write/#c1.AAAAnot-a-campaign")
    expect(letter.page.locator(NOTICE)).to_contain_text("This campaign link could not be read")
    letter.wait_for_preview(ORDINARY)
    expect(letter.page.locator("#engine-failed")).to_be_hidden()
    letter.fill_recipient(1, name="Pat Quinn")
    letter.wait_for_preview("Dear Mayor Quinn")


def test_remember_my_details_never_stores_the_links_data(visit: Visit):
    letter = LetterPage.open(visit, LINK)
    expect(letter.page.locator(NOTICE)).to_be_visible()
    letter.page.get_by_label("Remember my details on this device").check()
    letter.fill_sender(name="Sam Rivera")
    stored = json.loads(letter.page.evaluate("localStorage.getItem('letter.details.v1')"))
    assert stored["sender.name"] == "Sam Rivera"
    assert "Springfield" not in json.dumps(stored) and "community.city" not in stored
    # What the visitor types over the link's value is theirs, and is remembered.
    letter.fill_community(city="Chatham")
    stored = json.loads(letter.page.evaluate("localStorage.getItem('letter.details.v1')"))
    assert stored["community.city"] == "Chatham"


def test_no_request_carries_the_links_data(visit: Visit):
    letter = LetterPage.open(visit, LINK)
    letter.wait_for_preview("Dear Chief Brown", index=1)
    letter.letter(0).get_by_role("button", name="Copy letter").click()
    secrets = [LINK.split("#")[1], "Lopez", "springfield.example.gov", "Neighbours", "news.example.com"]
    sent = visit.requests + [line for line in visit.server.state.paths()]
    for secret in secrets:
        for form in {secret, quote(secret), quote(secret, safe="")}:
            assert not any(form in url for url in sent), (secret, [u for u in sent if form in u])
            assert not any(form.encode() in body for body in visit.bodies)


def test_hostile_values_in_every_field_of_a_link_are_shown_literally(visit: Visit):
    page = visit.page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(visit.server.origin + "/write/")
    scripts = page.locator("[data-letter-app] script").count()
    for n, hostile in enumerate(h for h in HOSTILE_STRINGS if len(h) < 1000):
        town = f"Town{n}"
        payload = {"o": hostile, "c": town, "s": "IL",
                   "f": [[hostile, "mayor", "", "a@example.gov", hostile], [hostile, "other", hostile, hostile]],
                   "a": [[hostile, hostile, hostile, hostile], [hostile, hostile, "", "https://example.com/" + quote(
                       hostile, safe="")]]}
        page.goto(visit.server.origin + "/write/#" + pack(payload))
        letter = LetterPage(page)
        letter.wait_for_engine()
        notice = page.locator(NOTICE)
        expect(notice).to_contain_text(f"Letter for {town}, Illinois")
        # The organizer's text arrives as the page's text: cleaned (no controls, one line), never markup.
        shown = notice.locator("[data-campaign-notice-text]")
        assert shown.evaluate("el => el.children.length") == 0
        expect(letter.recipient(1).get_by_label("Their full name")).not_to_have_value("")
        expect(letter.subject(0)).to_contain_text(town)
        assert page.locator("[data-letter-app] script").count() == scripts  # the page's own JSON data blocks
        assert page.locator("[data-letter-app] [onerror], [data-letter-app] [onload], "
                            "[data-letter-app] iframe, [data-letter-app] object").count() == 0
        hrefs = page.locator("[data-letter-app] a[href]").evaluate_all("els => els.map((a) => a.href)")
        assert all(h.split(":")[0] in ("http", "https", "mailto") for h in hrefs), hrefs
        assert all(not h.lower().startswith(("javascript", "data")) for h in hrefs)
        assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []


def first_line(document: dict) -> str:
    """The first line (the greeting) of letter_py's email for ``document``."""
    return json.loads(letter_py.render_json(json.dumps(document)))["letters"][0]["email_text"].splitlines()[0]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_link_on_another_editions_letter_page_speaks_its_language(visit: Visit, lang: str):
    """The notice, the picker's labels and the state's name in the page's language, as letter_py
    answers the page (read_link_json); the letter in it too, until the visitor chooses another."""
    raleigh = {**SPRINGFIELD, "organizer": "Vecinos de Raleigh", "defaults": {"city": "Raleigh", "state": "NC"}}
    answer = json.loads(read_link_json(fragment_of(raleigh), default_campaign(), lang))
    assert answer["campaign"]["state_name"] == state_name("NC", lang) != "North Carolina"
    letter = LetterPage.open(visit, LETTER_PATHS[lang] + "#" + fragment_of(raleigh), lang=lang)
    page, t = letter.page, letter.t
    expect(page.locator(NOTICE)).to_be_visible()
    expect(page.locator(NOTICE + " .admonition-title")).to_have_text(t["campaign.title"])
    expect(page.locator(NOTICE)).to_contain_text(
        t["campaign.notice"].format(town="Raleigh, " + state_name("NC", lang), organizer="Vecinos de Raleigh"))
    second = letter.recipient(2)
    expect(second.get_by_label(t["recipient.name"], exact=True)).to_have_value("Ken Brown")
    picker = second.get_by_label(t["recipient.official"])
    assert picker.locator("option").all_text_contents() == [
        t["recipient.official.none"], *(official["label"] for official in answer["campaign"]["officials"])]
    expect(letter.community.get_by_label(t["community.city"])).to_have_value("Raleigh")
    letter.wait_for_preview(first_line({**answer["letter_input"], "lang": lang}))
    letter.wait_for_preview("news.example.com/2026/03/14/sting")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_an_unreadable_link_on_another_editions_page_says_why_in_its_language(visit: Visit, lang: str):
    letter = LetterPage.open(visit, LETTER_PATHS[lang] + "#c1.AAAA", lang=lang)
    t = letter.t
    expect(letter.page.locator(NOTICE + " [data-campaign-notice-text]")).to_have_text(t["campaign.unreadable.damaged"])
    expect(letter.recipient(1).get_by_label(t["recipient.name"], exact=True)).to_have_value("")
    # The page's own letter: to a mayor not named yet.
    letter.wait_for_preview(first_line({"lang": lang, "recipients": [{"role": "mayor", "name": ""}]}))
