"""'Your town': the officials directory on the letter page, in Chromium.

A visitor types the first letters of their town, chooses it with the keyboard,
and gets a letter addressed to its mayor by name, with where that came from
and when it was checked; a term that has ended is marked; a town with no known
official gets its website and no name; a town not in the list works as free
text. Nothing typed or chosen leaves the device: the directory is one file,
fetched once. Towns are picked by what the data says of them
(tests/site/directory_towns.py), so refreshing the data keeps these tests.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from babel.dates import format_date
from playwright.sync_api import expect

from letter_py import campaign_link as cl
from letter_py import default_campaign
from letter_py.names import surname
from tests.campaign_links import SPRINGFIELD, fragment_of
from tests.site import directory_towns, standards
from tests.site.axe import axe_violations, with_axe
from tests.site.builder_page import BuilderPage
from tests.site.editions import LANGS, TRANSLATED
from tests.site.letter_page import LetterPage
from tests.site.visits import Visit

def long_date(iso: str, lang: str) -> str:
    """A date as the page writes it (Intl.DateTimeFormat, CLDR's long form): "April 1, 2025",
    "1 de abril de 2025", "1 kwietnia 2025"; Babel reads the same CLDR data."""
    return format_date(date.fromisoformat(iso), "long", locale=lang)


def expect_new_tab_link(link, href: str) -> None:
    expect(link).to_have_attribute("href", href)
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", "noopener noreferrer")


def test_the_town_is_the_first_question(visit: Visit):
    letter = LetterPage.open(visit)
    first = letter.page.locator("#letter-form").locator("input, select, textarea").first
    expect(first).to_have_id("community-city")
    expect(letter.town_field).to_have_attribute("aria-expanded", "false")
    expect(letter.town_field).to_have_attribute("aria-autocomplete", "list")


def test_typing_oak_offers_the_oak_towns_and_the_keyboard_moves_through_them(visit: Visit):
    letter = LetterPage.open(visit)
    page = letter.page
    letter.town_field.focus()
    page.keyboard.type("Oak", delay=20)
    expect(letter.town_suggestions.first).to_be_visible()
    names = letter.town_suggestions.all_text_contents()
    assert names[:5] == ["Oak Brook", "Oak Forest", "Oak Grove", "Oak Lawn", "Oak Park"], names
    expect(letter.town_field).to_have_attribute("aria-expanded", "true")
    expect(page.locator("[data-town-status]")).to_have_text(
        letter.plural("town.status", len(names)))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = letter.town_suggestions.nth(1)
    expect(second).to_have_attribute("aria-selected", "true")
    expect(letter.town_field).to_have_attribute("aria-activedescendant", second.get_attribute("id"))
    expect(letter.town_field).to_be_focused()  # focus stays in the field: the list is aria-activedescendant's
    page.keyboard.press("Escape")
    expect(letter.town_suggestions.first).to_be_hidden()
    expect(letter.town_field).to_have_attribute("aria-expanded", "false")
    expect(letter.town_field).to_have_value("Oak")  # Escape closes, and keeps what was typed


def test_a_chosen_town_gives_a_letter_to_its_mayor_by_name(visit: Visit, site: Path):
    town, mayor = directory_towns.with_official(site, stale=False)
    letter = LetterPage.open(visit)
    page, t = letter.page, letter.t
    letter.choose_town(town["name"])
    recipient = letter.recipient(1)
    expect(recipient.get_by_label(t["recipient.role"])).to_have_value(mayor["role"])
    expect(recipient.get_by_label(t["recipient.name"])).to_have_value(mayor["name"])
    expect(recipient.get_by_label(t["recipient.email"])).to_have_value(mayor["email"])
    expect(recipient.get_by_label(t["recipient.address"])).to_have_value(mayor.get("address", ""))
    source = recipient.locator("[data-official-source]")
    expect(source).to_contain_text(t["official.source.changed"].format(
        source="Open States", date=long_date(mayor["checked"], "en")))
    expect(source.locator(".lw-stale")).to_have_count(0)
    expect_new_tab_link(source.get_by_role("link", name=t["official.sourcePage"]), mayor["source_url"])
    # The community and the sender's town are filled in; nothing asks for the town twice.
    expect(page.locator("#community-city")).to_have_value(town["name"])
    expect(page.locator("#community-state")).to_have_value("IL")
    expect(letter.details.get_by_label(t["sender.city"])).to_have_value(town["name"])
    count = len(town["officials"]) + ("sheriff" in town)
    expect(page.locator("[data-town-result]")).to_contain_text(
        letter.plural("town.found", count, town=town["name"]))
    # The letter, and every way of sending it, carries the mayor and their address.
    letter.wait_for_preview(f"Dear Mayor {surname(mayor['name'])},")
    expect(letter.subject()).to_contain_text(town["name"])
    mailto = letter.letter().locator("[data-action=email]").get_attribute("href")
    assert unquote(urlsplit(mailto).path) == mayor["email"], mailto
    gmail = letter.letter().locator("[data-provider=gmail]").get_attribute("href")
    assert parse_qs(urlsplit(gmail).query)["to"] == [mayor["email"]], gmail


def test_a_term_that_has_ended_is_offered_but_marked(visit: Visit, site: Path):
    town, mayor = directory_towns.with_official(site, stale=True)
    letter = LetterPage.open(visit)
    letter.choose_town(town["name"])
    recipient = letter.recipient(1)
    expect(recipient.get_by_label(letter.t["recipient.name"])).to_have_value(mayor["name"])
    stale = recipient.locator("[data-official-source] .lw-stale")
    key = "official.stale" if town.get("website") else "official.staleNoWebsite"
    expect(stale).to_contain_text(letter.t[key].format(date=long_date(mayor["term_end"], "en")))
    if town.get("website"):
        expect_new_tab_link(stale.get_by_role("link"), town["website"])


def test_a_town_with_no_known_official_gets_its_website_and_no_name(visit: Visit, site: Path):
    town = directory_towns.without_official(site)
    letter = LetterPage.open(visit)
    letter.choose_town(town["name"])
    result = letter.page.locator("[data-town-result]")
    expect(result).to_contain_text(letter.t["town.none"].format(town=town["name"]))
    expect_new_tab_link(result.get_by_role("link"), town["website"])
    recipient = letter.recipient(1)
    expect(recipient.get_by_label(letter.t["recipient.name"])).to_have_value("")
    expect(recipient.locator("[data-official-source]")).to_be_hidden()
    letter.wait_for_preview("(Name)")  # the placeholder, never a guessed name


def test_choosing_another_town_replaces_only_what_the_directory_filled(visit: Visit, site: Path):
    first, mayor = directory_towns.with_official(site, stale=False)
    second = directory_towns.without_official(site)
    letter = LetterPage.open(visit)
    letter.choose_town(first["name"])
    expect(letter.recipient(1).get_by_label(letter.t["recipient.name"])).to_have_value(mayor["name"])
    letter.town_field.fill("")
    letter.choose_town(second["name"])
    expect(letter.recipient(1).get_by_label(letter.t["recipient.name"])).to_have_value("")
    # What the visitor typed is theirs: another town never replaces it.
    letter.fill_recipient(1, name="Kept By Me")
    letter.fill_sender(city="My Own Town")
    letter.town_field.fill("")
    letter.choose_town(first["name"])
    expect(letter.recipient(1).get_by_label(letter.t["recipient.name"])).to_have_value("Kept By Me")
    expect(letter.details.get_by_label(letter.t["sender.city"])).to_have_value("My Own Town")
    expect(letter.recipient(2).get_by_label(letter.t["recipient.name"])).to_have_value(mayor["name"])


def test_a_town_not_in_the_list_works_as_free_text(visit: Visit):
    letter = LetterPage.open(visit)
    page = letter.page
    letter.town_field.focus()
    page.keyboard.type("Unincorporated Zzyzx", delay=10)
    expect(page.locator("[data-town-status]")).to_have_text(letter.t["town.status.none"])
    expect(letter.town_field).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Tab")
    expect(letter.details.get_by_label(letter.t["sender.city"])).to_have_value("Unincorporated Zzyzx")
    expect(letter.subject()).to_contain_text("Unincorporated Zzyzx")
    expect(page.locator("[data-town-result]")).to_be_hidden()


def test_looking_up_a_town_sends_nothing(make_visit, site: Path):
    """One request for the whole directory, whatever is typed; no request carries the town."""
    town, _ = directory_towns.with_official(site, stale=False)
    # No service worker: it would fetch the site's files (the directory too) in idle time.
    visit = make_visit(service_workers="block")
    letter = LetterPage.open(visit)
    before = len(visit.requests)
    letter.choose_town(town["name"])
    letter.town_field.fill("")
    letter.choose_town("Oak Park", typed=6)
    expect(letter.subject()).to_contain_text("Oak Park")
    directory = "/assets/directory/" + directory_towns.directory_file(site).name
    assert [urlsplit(u).path for u in visit.requests].count(directory) == 1, visit.requests
    assert all(urlsplit(u).path == directory for u in visit.requests[before:]), visit.requests[before:]
    for url in visit.requests:
        for name in (town["name"], "Oak Park"):
            assert name.lower() not in unquote(url).lower(), url
            assert name.replace(" ", "").lower() not in url.lower().replace("%20", ""), url
    assert visit.bodies == []


def test_long_dates_are_written_as_each_language_writes_them():
    assert long_date("2025-04-01", "en") == "April 1, 2025"
    assert long_date("2025-09-21", "es") == "21 de septiembre de 2025"
    assert long_date("2025-09-21", "pl") == "21 września 2025"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_editions_page_looks_towns_up_in_its_language(visit: Visit, site: Path, lang: str):
    town, mayor = directory_towns.with_official(site, stale=True)
    letter = LetterPage.open(visit, lang=lang)
    letter.choose_town(town["name"])
    recipient = letter.recipient(1)
    expect(recipient.get_by_label(letter.t["recipient.name"])).to_have_value(mayor["name"])
    source = recipient.locator("[data-official-source]")
    expect(source).to_contain_text(
        letter.t["official.source.changed"].format(source="Open States", date=long_date(mayor["checked"], lang)))
    key = "official.stale" if town.get("website") else "official.staleNoWebsite"
    expect(source.locator(".lw-stale")).to_contain_text(letter.t[key].format(date=long_date(mayor["term_end"], lang)))
    count = len(town["officials"]) + ("sheriff" in town)
    expect(letter.page.locator("[data-town-result]")).to_contain_text(
        letter.plural("town.found", count, town=town["name"]))


def test_a_campaign_links_officials_come_before_the_directorys(visit: Visit, site: Path):
    town, _ = directory_towns.with_official(site, stale=False)
    letter = LetterPage.open(visit, "/write/#" + fragment_of(SPRINGFIELD))
    expect(letter.page.locator("[data-campaign-notice]")).to_be_visible()
    name = letter.recipient(1).get_by_label(letter.t["recipient.name"])
    expect(name).to_have_value("Maria Lopez")
    letter.town_field.fill("")
    letter.choose_town(town["name"])
    expect(letter.page.locator("[data-town-result]")).to_contain_text(letter.t["town.found.campaign"])
    expect(name).to_have_value("Maria Lopez")


@pytest.mark.parametrize("lang", LANGS)
def test_axe_and_the_nu_checker_with_suggestions_open(make_visit, tmp_path: Path, lang: str):
    visit = with_axe(make_visit(service_workers="block"))
    letter = LetterPage.open(visit, lang=lang)
    letter.town_field.focus()
    letter.page.keyboard.type("Oak", delay=20)
    # The list is there (the directory, fetched on focus, may arrive after the typing), then the arrow.
    expect(letter.town_suggestions.first).to_be_visible()
    letter.page.keyboard.press("ArrowDown")
    expect(letter.town_suggestions.first).to_have_attribute("aria-selected", "true")
    assert axe_violations(letter.page, f"suggestions open [{lang}]") == []
    html = tmp_path / f"suggestions-open-{lang}.html"
    html.write_text("<!doctype html>\n" + letter.page.evaluate("document.documentElement.outerHTML"), encoding="utf-8")
    assert standards.nu_errors([html]) == []


@pytest.mark.parametrize("lang", LANGS)
def test_an_organizer_starts_set_up_your_town_from_a_town_in_the_directory(visit: Visit, site: Path, lang: str):
    town, mayor = directory_towns.with_official(site, stale=False)
    builder = BuilderPage.open(visit, lang=lang)
    page, t = builder.page, builder.t
    field = page.get_by_role("combobox", name=t["builder.city.label"])
    field.focus()
    page.keyboard.type(town["name"][:4], delay=20)
    option = page.get_by_role("option", name=town["name"], exact=True)
    expect(option).to_be_visible()
    option.click()  # by touch or mouse, this time
    official = builder.official(1)
    expect(official.get_by_label(t["builder.official.name"])).to_have_value(mayor["name"])
    expect(official.get_by_label(t["builder.official.email"])).to_have_value(mayor["email"])
    expect(official.locator("[data-official-source]")).to_contain_text("Open States")
    expect(page.get_by_label(t["builder.state.label"], exact=True)).to_have_value("IL")  # "Stan", not "Stanowisko"
    link = builder.wait_for_link(1)
    local, errors = cl.decode(link, default_campaign())
    assert errors == [] and local.officials[0].name == mayor["name"] and local.city == town["name"], (local, errors)
