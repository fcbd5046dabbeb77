"""The "Set up your town" page in Chromium: an organizer makes a link, a neighbour opens it."""

from __future__ import annotations

import base64
import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

import letter_py
from letter_py import campaign_link as cl
from letter_py import default_campaign
from letter_py.i18n import gettext_for
from letter_py.qr import qr_svg
from scripts.site.builder_page import SEGNO_WHEEL
from tests.hostile import MARKUP, TEMPLATE_SYNTAX
from tests.campaign_links import link_for
from tests.letter_py.qr_decoder import RASTERIZE, decode_pixels
from tests.site.builder_page import BuilderPage
from tests.site.cache_storage import entries, wait_offline_ready
from tests.site.editions import LETTER_PATHS, TRANSLATED
from tests.site.letter_page import LetterPage
from tests.site.visitor import role_label
from tests.site.visits import Visit, new_visit

# letter_py's header of a downloaded campaign.toml (its msgid; campaign_link.campaign_toml).
TOML_HEADER = ("campaign.toml for {town}: put it in your copy's campaign folder and check it with "
               "`letter-py check-campaign FOLDER`. See docs/reference.md for every key.")


def fill_springfield(builder: BuilderPage) -> None:
    builder.fill_town(organizer="Springfield Neighbours", city="Springfield", state="IL")
    builder.fill_official(1, role="Mayor", name="Maria Lopez", email="mayor@springfield.example.gov",
                          address="300 S. Seventh Street\nSpringfield, IL 62701")
    builder.fill_official(2, role="Police Chief", name="Ken Brown")
    builder.fill_article(1, title="Police arrest 12 in sting targeting sex buyers", outlet="Springfield Gazette",
                         date="2026-03-14", url="https://news.example.com/2026/03/14/sting")


def test_an_organizer_makes_a_link_and_a_neighbour_opens_it(visit: Visit, browser):
    builder = BuilderPage.open(visit)
    fill_springfield(builder)
    link = builder.wait_for_link(2)
    assert link.startswith(visit.server.origin + "/write/#c1.")
    local, errors = cl.decode(link, default_campaign())
    assert errors == [] and [o.name for o in local.officials] == ["Maria Lopez", "Ken Brown"]
    page = builder.page
    expect(page.locator("[data-flyer-headline]")).to_have_text("Write to the leaders of Springfield")
    expect(page.locator("[data-flyer-link]")).to_have_text(link)
    expect(page.locator("[data-preview-letter]")).to_contain_text("Dear Mayor Lopez")
    expect(page.locator("[data-preview-letter]")).to_contain_text("news.example.com/2026/03/14/sting")
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator("[data-announcer]")).to_have_text("Link copied. Paste it into an email, a message or a post.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == link
    with page.expect_download() as download:
        page.get_by_role("button", name="Download campaign.toml").click()
    toml = download.value.path().read_text(encoding="utf-8")
    assert cl.read_toml_campaign(toml, default_campaign()) == (local, [])
    wait_offline_ready(page)  # the organizer's browser keeps the page's own wheel too
    assert any(urlsplit(e.url).path == f"/wheels/{SEGNO_WHEEL}" for e in entries(page))

    neighbour = new_visit(browser, visit.server)
    try:
        letter = LetterPage.open(neighbour, copied.removeprefix(visit.server.origin))
        expect(letter.page.locator("[data-campaign-notice]")).to_contain_text(
            "Letter for Springfield, Illinois, prepared by Springfield Neighbours")
        expect(letter.recipient(1).get_by_label("Their full name")).to_have_value("Maria Lopez")
        expect(letter.recipient(2).get_by_label("Their full name")).to_have_value("Ken Brown")
        letter.wait_for_preview("Dear Chief Brown", index=1)
        wait_offline_ready(letter.page)  # the service worker has kept all it was asked for
        assert not any("segno" in url for url in neighbour.requests)
    finally:
        neighbour.context.close()
    assert neighbour.foreign == []


def test_the_qr_code_on_the_page_and_the_flyer_decodes_to_the_link(visit: Visit):
    builder = BuilderPage.open(visit)
    fill_springfield(builder)
    link = builder.wait_for_link(2)
    page = builder.page
    for box in ("[data-qr]", "[data-flyer-qr]"):
        expect(page.locator(f"{box} svg")).to_have_count(1)
        svg = page.locator(f"{box} svg").evaluate("el => new XMLSerializer().serializeToString(el)")
        assert page.locator(f"{box} svg").get_attribute("aria-label") == "QR code of your campaign link"
        blank = visit.page()
        pixels = base64.b64decode(blank.evaluate(RASTERIZE, [base64.b64encode(svg.encode()).decode(), 300]))
        assert decode_pixels(pixels, 300, 300) == [link]
        blank.close()


def test_the_flyer_prints_on_one_us_letter_page(visit: Visit):
    builder = BuilderPage.open(visit)
    fill_springfield(builder)
    builder.wait_for_link(2)
    expect(builder.page.locator("[data-flyer-qr] svg")).to_have_count(1)
    pdf = builder.page.pdf(format="Letter", prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    assert b"/MediaBox [0 0 612 792]" in pdf  # 8.5 x 11 inches


def test_errors_name_the_field_the_organizer_has_been_to(visit: Visit):
    builder = BuilderPage.open(visit)
    builder.fill_town(city="Springfield", state="IL")
    builder.fill_official(1, role="Mayor", name="Maria Lopez", email="not an address")
    builder.group("Official 1").get_by_label("Their full name").focus()
    summary = builder.page.locator("#error-summary")
    expect(summary).to_be_visible()
    link = summary.get_by_role("link", name="Enter the official's email address in the correct format")
    expect(link).to_have_attribute("href", "#officials-0-email")
    expect(builder.page.locator("#officials-0-email-error")).to_contain_text("correct format")
    expect(builder.page.locator("[data-builder-result]")).to_be_hidden()
    builder.group("Official 1").get_by_label("Their email address (optional)").fill("mayor@springfield.example.gov")
    builder.wait_for_link()
    expect(summary).to_be_hidden()


def test_hostile_text_typed_into_the_builder_stays_text(visit: Visit):
    builder = BuilderPage.open(visit)
    page = builder.page
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for n, hostile in enumerate(MARKUP + TEMPLATE_SYNTAX):
        builder.fill_town(organizer=hostile, city=f"{hostile} Town{n}", state="IL")
        builder.fill_official(1, role="Mayor", name=hostile, address=hostile)
        builder.wait_for_link()
        expect(page.locator("[data-flyer-headline]")).to_have_text(f"Write to the leaders of {hostile} Town{n}")
        assert page.locator("[data-campaign-builder] script").count() == 3
        assert page.locator("[data-flyer] *:not(h4):not(p):not(span):not(div):not(svg):not(path)").count() == 0
        assert page.locator("[data-campaign-builder] [onerror], [data-campaign-builder] [onload]").count() == 0
    assert dialogs == []


def test_segno_is_loaded_on_the_builder_page_only(visit: Visit):
    builder = BuilderPage.open(visit)
    assert any(url.endswith("/wheels/segno-1.6.6-py3-none-any.whl") for url in visit.requests)
    # The organizer's service worker keeps the builder page's files, its wheel
    # too: let it finish, so that what follows is only the letter pages' doing.
    wait_offline_ready(builder.page)
    visit.requests.clear()
    LetterPage.open(visit)
    LetterPage.open(visit, "/write/#" + cl.encode(cl.read_campaign(
        {"defaults": {"city": "X"}, "officials": [{"name": "A", "role": "mayor"}]}, default_campaign())[0]))
    assert visit.requests and not any("segno" in url for url in visit.requests)
    assert not any("segno" in path for path in visit.server.state.paths() if "/write/" in path)


def test_chromium_draws_codes_that_decode(browser):
    """Codes of 1, 3 and 10 officials' links, and a long one, as Chromium draws letter_py's SVG."""
    page = browser.new_page()
    links = [link_for(1), link_for(3), link_for(10), "https://example.org/write/#c1." + "A-_z09" * 200]
    for link, size in zip(links, (200, 300, 400, 600), strict=True):
        svg = base64.b64encode(qr_svg(link).encode()).decode()
        pixels = base64.b64decode(page.evaluate(RASTERIZE, [svg, size]))
        assert decode_pixels(pixels, size, size) == [link]
    page.close()


@pytest.mark.parametrize("lang", TRANSLATED)
def test_an_organizer_on_another_edition_makes_a_link_to_its_letter_page(visit: Visit, browser, lang: str):
    """/es/configurar/, /pl/przygotuj/…: the edition's labels and roles, letter_py's messages in its
    language, the flyer, the preview, the download, and the link opens its own letter page."""
    translate = gettext_for(lang)
    builder = BuilderPage.open(visit, lang=lang)
    page, t = builder.page, builder.t
    builder.fill_town(organizer="Vecinos de Springfield", city="Springfield", state="IL")
    builder.fill_official(1, role=role_label(lang), name="Maria Lopez", email="no es un correo")
    builder.official(1).get_by_label(t["builder.official.name"]).focus()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary.locator(".admonition-title")).to_have_text(t["builder.errors.title"])
    error = translate(next(f.invalid for f in cl.OFFICIAL_FIELDS if f.key == "email"))  # letter_py's message, in the language
    expect(summary.get_by_role("link", name=error)).to_have_attribute("href", "#officials-0-email")
    expect(page.locator("#officials-0-email-error")).to_contain_text(error)
    builder.official(1).get_by_label(t["builder.official.email"]).fill("mayor@springfield.example.gov")
    builder.fill_official(2, role=role_label(lang, "police_chief"), name="Ken Brown")
    link = builder.wait_for_link(2)
    expect(summary).to_be_hidden()
    assert link.startswith(visit.server.origin + LETTER_PATHS[lang] + "#c1.")
    expect(page.locator("[data-flyer-headline]")).to_have_text(t["builder.flyer.headline"].format(town="Springfield"))
    local, _ = cl.decode(link, default_campaign())
    first = cl.visitor_input(local) | {"lang": lang}
    expected = json.loads(letter_py.render_json(json.dumps(first)))["letters"][0]
    expect(page.locator("[data-preview-letter]")).to_contain_text(expected["email_text"].splitlines()[0])
    page.get_by_role("button", name=t["builder.copy"]).click()
    expect(page.locator("[data-announcer]")).to_have_text(t["builder.copied"])
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == link
    with page.expect_download() as download:
        page.get_by_role("button", name=t["builder.download"]).click()
    toml = download.value.path().read_text(encoding="utf-8")
    assert toml.startswith("# " + translate(TOML_HEADER).format(town="Springfield")[:40])
    assert cl.read_toml_campaign(toml, default_campaign()) == (local, [])

    neighbour = new_visit(browser, visit.server)
    try:
        letter = LetterPage.open(neighbour, copied.removeprefix(visit.server.origin), lang=lang)
        expect(letter.page.locator("[data-campaign-notice]")).to_contain_text(
            letter.t["campaign.notice"].format(town="Springfield, Illinois", organizer="Vecinos de Springfield"))
        expect(letter.recipient(2).get_by_label(letter.t["recipient.name"], exact=True)).to_have_value("Ken Brown")
        letter.wait_for_preview(expected["email_text"].splitlines()[0])
    finally:
        neighbour.context.close()
    assert neighbour.foreign == []
