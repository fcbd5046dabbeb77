"""Every town's police on the letter page, in Chromium: the issue's own cases.

Choosing Evanston offers its mayor and its police department with their
addresses, the department as an office ("Dear Chief of Police,", the
department on the printed letter); choosing Skokie offers Ann Tennes with the
page she was read from; a town with no department of its own says its
county's sheriff serves it and offers that office; every source line has
"Is this wrong? Tell us", a link to a new issue that names the town, the role
and the source and nothing the visitor typed, and that is never fetched. Both
languages.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.site import directory_towns
from tests.site.editions import LANGS
from tests.site.letter_page import LetterPage
from tests.site.site_build import REPO_URL
from tests.site.test_town_lookup import expect_new_tab_link, long_date
from tests.site.visitor import cpython_letters
from tests.site.visits import Visit



def dear_office(lang: str, role: str) -> str:
    """How letter_py greets an office with no name in ``lang`` ("Dear Chief of Police,")."""
    return cpython_letters({"lang": lang, "recipients": [{"role": role, "organization": "A Department"}]})[0][
        "recipient"]["salutation"]


def test_the_office_greetings_are_letter_pys():
    assert dear_office("en", "police_chief") == "Dear Chief of Police,"
    assert dear_office("es", "police_chief") == "Estimado/a jefe/jefa de policía:"
    assert dear_office("en", "sheriff") == "Dear Sheriff,"


def _official(town: dict, role: str) -> dict:
    return next(o for o in town["officials"] if o["role"] == role)


@pytest.mark.parametrize("lang", LANGS)
def test_evanston_offers_its_mayor_and_its_police_department_with_their_addresses(visit: Visit, site: Path, lang: str):
    town = directory_towns.town_named(site, "Evanston")
    mayor, police = _official(town, "mayor"), _official(town, "police_chief")
    letter = LetterPage.open(visit, lang=lang)
    t = letter.t
    letter.choose_town("Evanston")
    expect(letter.page.locator("[data-town-result]")).to_contain_text(
        letter.plural("town.found", 2, town="Evanston"))
    first, second = letter.recipient(1), letter.recipient(2)
    expect(first.get_by_label(t["recipient.name"])).to_have_value(mayor["name"])
    expect(first.get_by_label(t["recipient.address"])).to_have_value(mayor["address"])
    expect(second.get_by_label(t["recipient.role"])).to_have_value("police_chief")
    expect(second.get_by_label(t["recipient.name"])).to_have_value("")  # no chief's name is known: never guessed
    expect(second.get_by_label(t["recipient.organization"])).to_have_value("Evanston Police Department")
    expect(second.get_by_label(t["recipient.address"])).to_have_value(police["address"])
    expect(second.get_by_label(t["recipient.phone"])).to_have_value(police["phone"])
    source = second.locator("[data-official-source]")
    fbi = letter.t["official.source.list"].format(
        source="FBI Crime Data Explorer, law enforcement agency list",
        date=long_date(police["checked"], lang))
    expect(source).to_contain_text(fbi)
    expect(source).to_contain_text(t["official.contactSource"].format(
        source="HIFLD Open, Local Law Enforcement Locations", date=long_date(police["contact_checked"], lang)))
    # The letter to the department: the office greeted, the department on the printed letter.
    letter.wait_for_preview(dear_office(lang, "police_chief"), index=1)
    printed = letter.letter(1).locator(".letter-recipient")
    expect(printed).to_contain_text("Evanston Police Department")
    expect(printed).to_contain_text(police["address"].split("\n")[0])
    expect(letter.page.locator("#recipients-1-name-error")).to_be_hidden()  # a letter to an office needs no name


@pytest.mark.parametrize("lang", LANGS)
def test_skokie_offers_ann_tennes_with_the_page_she_was_read_from(visit: Visit, site: Path, lang: str):
    mayor = _official(directory_towns.town_named(site, "Skokie"), "mayor")
    assert mayor["name"] == "Ann Tennes" and mayor["source"] == "corrections"
    letter = LetterPage.open(visit, lang=lang)
    letter.choose_town("Skokie")
    first = letter.recipient(1)
    expect(first.get_by_label(letter.t["recipient.name"])).to_have_value("Ann Tennes")
    source = first.locator("[data-official-source]")
    key = "official.source.published" if "published" in mayor else "official.source.read"
    expect(source).to_contain_text(letter.t[key].format(
        source=urlsplit(mayor["source_url"]).hostname.removeprefix("www."),
        published=long_date(mayor.get("published", mayor["checked"]), lang), date=long_date(mayor["checked"], lang)))
    expect_new_tab_link(source.get_by_role("link", name=letter.t["official.sourcePage"]), mayor["source_url"])
    expect(source.locator(".lw-stale")).to_have_count(0)
    assert "George Van Dusen" not in letter.page.content()


@pytest.mark.parametrize("lang", LANGS)
def test_a_town_a_sheriff_serves_says_so_and_offers_the_sheriffs_office(visit: Visit, site: Path, lang: str):
    town, sheriff = directory_towns.served_by_sheriff(site)
    letter = LetterPage.open(visit, lang=lang)
    letter.choose_town(town["name"])
    expect(letter.page.locator("[data-town-result]")).to_contain_text(
        letter.t["town.sheriff"].format(town=town["name"], county=town["sheriff"]))
    first = letter.recipient(1)
    expect(first.get_by_label(letter.t["recipient.role"])).to_have_value("sheriff")
    expect(first.get_by_label(letter.t["recipient.organization"])).to_have_value(sheriff["organization"])
    expect(first.get_by_label(letter.t["recipient.address"])).to_have_value(sheriff["address"])
    letter.wait_for_preview(dear_office(lang, "sheriff"))
    expect(letter.letter().locator(".letter-recipient")).to_contain_text(sheriff["organization"])


@pytest.mark.parametrize("lang", LANGS)
def test_is_this_wrong_opens_a_new_issue_naming_the_town_role_and_source_and_nothing_typed(
        make_visit, site: Path, lang: str):
    visit = make_visit()
    letter = LetterPage.open(visit, lang=lang)
    t = letter.t
    letter.details.get_by_label(t["sender.name"]).fill("Private Person Zq")
    letter.choose_town("Evanston")
    report = letter.recipient(2).locator("[data-official-source]").get_by_role("link", name=t["official.report"])
    href = report.get_attribute("href")
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO_URL}/issues/new"
    expect_new_tab_link(report, href)
    query = parse_qs(parts.query)
    role = letter.recipient(2).get_by_label(t["recipient.role"]).locator("option:checked").text_content()
    assert query["title"] == [t["report.title"].format(town="Evanston", role=role)]
    body = query["body"][0]
    assert "Evanston (" in body and "Evanston Police Department" in body and role in body
    assert "FBI Crime Data Explorer" in body
    assert "Private Person Zq" not in href and "Zq" not in href
    # A link, never fetched: nothing went to the repository's host while the page was used.
    assert not [url for url in visit.requests if "github.com" in url], visit.requests
