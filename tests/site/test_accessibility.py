"""Accessibility of the built site, checked in a real browser.

* axe-core finds nothing, with every one of its rules (WCAG, best practices
  and experimental ones), on any page, in the light and in the dark palette,
  and on the letter page in each of its states.
* The keyboard alone, live regions and reflow: test_keyboard_and_reflow.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.site.axe import axe_violations, with_axe
from tests.site.builder_page import BuilderPage
from tests.site.editions import BUILDER_PATHS, HOMES, LETTER_PATHS, TRANSLATED
from tests.site.filled_letter import add_second_recipient_and_article, fill_required
from tests.site.letter_page import LetterPage
from tests.site.visitor import role_label
from tests.site.visits import Visit

# Material picks its palette from prefers-color-scheme (mkdocs.yml lists one
# palette per media query), so emulating the colour scheme selects it.
PALETTES = {"light": "default", "dark": "slate"}


# ---- helpers -----------------------------------------------------------------


def site_pages(site: Path) -> list[str]:
    """Every page MkDocs built (not the runtime's or the engine's files), plus the 404
    pages, in every edition (the Spanish one is in /es/)."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        if 'data-md-component="container"' not in index.read_text(encoding="utf-8"):
            continue
        folder = index.parent.relative_to(site).as_posix()
        pages.append("/" if folder == "." else f"/{folder}/")
    pages += ["/" + p.relative_to(site).as_posix() for p in sorted(site.rglob("404.html"))]
    return pages


def is_translated(path: str) -> bool:
    """Whether a page is another edition's than the main one."""
    return any(path.startswith(HOMES[lang]) for lang in TRANSLATED)


def palette_of(page: Page) -> str | None:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def background_luminance(page: Page) -> float:
    """Relative luminance of the page background, 0 (black) to 1 (white)."""
    return page.evaluate("""() => {
        const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g).map(Number);
        const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    }""")


def open_in_palette(visit: Visit, path: str, scheme: str, *, engine: bool = False) -> Page:
    page = visit.open_letter_page(path) if engine else visit.open(path)
    page.wait_for_load_state("load")
    assert palette_of(page) == PALETTES[scheme], f"{path} is not in the {scheme} palette"
    luminance = background_luminance(page)
    assert (luminance < 0.1) if scheme == "dark" else (luminance > 0.8), (path, scheme, luminance)
    return page


# ---- axe-core ------------------------------------------------------------------


@pytest.mark.parametrize("scheme", PALETTES)
def test_axe_finds_nothing_on_any_page(make_visit, site: Path, scheme: str):
    visit = with_axe(make_visit(color_scheme=scheme))
    pages = site_pages(site)
    assert "/" in pages and "/write/" in pages and "/setup/" in pages and len(pages) >= 8, pages
    for lang in TRANSLATED:
        edition = {HOMES[lang], LETTER_PATHS[lang], BUILDER_PATHS[lang], HOMES[lang] + "404.html"}
        assert edition <= set(pages), (lang, pages)
    # The other editions' pages share the English ones' styles: in the dark
    # palette, each one's letter page stands for them (its form is the most varied page).
    if scheme == "dark":
        letter_pages = {LETTER_PATHS[lang] for lang in TRANSLATED}
        pages = [p for p in pages if not is_translated(p) or p in letter_pages]
    problems = []
    for path in pages:
        page = open_in_palette(visit, path, scheme)
        problems += axe_violations(page, f"{path} [{scheme}]")
        page.close()
    assert problems == [], "\n".join(problems)


def test_dark_palette_can_also_be_chosen_with_the_header_toggle(make_visit):
    """The header toggle switches to the same slate palette that a dark colour scheme selects."""
    visit = make_visit(color_scheme="light")
    page = visit.open("/")
    assert palette_of(page) == "default"
    page.locator("label[for='__palette_1']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert background_luminance(page) < 0.1


@pytest.mark.parametrize("scheme", PALETTES)
def test_axe_finds_nothing_on_the_letter_page_in_use(make_visit, scheme: str):
    # No service worker: it would answer the refused runtime below from its
    # cache (test_offline.py), and this test needs the engine to fail.
    visit = with_axe(make_visit(color_scheme=scheme, service_workers="block"))
    problems = []

    # While the engine loads: hold the runtime back so the progress box shows.
    held = []
    visit.context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page = open_in_palette(visit, "/write/", scheme)
    expect(page.locator("#engine-status")).to_be_visible()
    problems += axe_violations(page, f"loading [{scheme}]")
    page.close()
    visit.context.unroute("**/pyodide.asm.wasm")
    for route in held:
        route.abort()

    # The engine is ready and has rendered the first letter.
    page = open_in_palette(visit, "/write/", scheme, engine=True)
    problems += axe_violations(page, f"ready [{scheme}]")

    # "Copy letter" with an empty form: the error summary and field errors.
    page.get_by_role("button", name="Copy letter").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator(".lw-field--error").first).to_be_visible()
    problems += axe_violations(page, f"errors [{scheme}]")
    page.close()

    # Two recipients and a news article, in both views of the letter.
    page = open_in_palette(visit, "/write/", scheme, engine=True)
    letter = LetterPage(page)
    fill_required(letter)
    add_second_recipient_and_article(letter)
    # The second with a phone: its call link and the script, unfolded.
    letter.fill_recipient(2, phone="847-391-5301")
    letter.letter(1).get_by_text("What to say", exact=True).click()
    expect(letter.letter(1).locator("[data-call-script]")).to_contain_text("Hello, my name is Sam Rivera")
    problems += axe_violations(page, f"two letters, email view, a call [{scheme}]")
    page.get_by_label("A printed letter").check()
    expect(page.locator("[data-letter='1'] [data-letter-html]")).to_be_visible()
    problems += axe_violations(page, f"two letters, printed view [{scheme}]")
    page.close()

    # The engine could not start: the failure box and the fallback letter.
    visit.context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page = open_in_palette(visit, "/write/", scheme)
    expect(page.locator("#engine-failed")).to_be_visible(timeout=20_000)
    problems += axe_violations(page, f"engine failed [{scheme}]")
    page.close()

    assert problems == [], "\n".join(problems)


# Another edition's builder shares the English one's styles: the light palette stands for both.
@pytest.mark.parametrize(("scheme", "lang"), [("light", "en"), ("dark", "en"), *[("light", lang) for lang in TRANSLATED]])
def test_axe_finds_nothing_on_the_builder_page_in_use(make_visit, scheme: str, lang: str):
    """"Set up your town" with errors, with a link (its QR code, the flyer, the letter), and a campaign link opened.

    The flyer is audited on screen; printed, it is paper (test_builder_page.py checks it is one page).
    """
    visit = with_axe(make_visit(color_scheme=scheme))
    builder = BuilderPage.open(visit, lang=lang)
    t = builder.t
    where = f"[{scheme}, {lang}]"
    builder.fill_town(city="Springfield", state="IL")
    builder.fill_official(1, role=role_label(lang), name="Maria Lopez", email="not an address")
    builder.official(1).get_by_label(t["builder.official.name"]).focus()
    expect(builder.page.locator("#error-summary")).to_be_visible()
    problems = axe_violations(builder.page, f"builder errors {where}")
    builder.official(1).get_by_label(t["builder.official.email"]).fill("mayor@springfield.example.gov")
    builder.fill_official(2, role=role_label(lang, "other"), name="Ann Bell")
    builder.official(2).get_by_label(t["builder.official.title"]).fill("Alderperson")
    builder.fill_article(1, title="Police arrest 12", url="https://news.example.com/sting")
    link = builder.wait_for_link(2)
    expect(builder.page.locator("[data-flyer-qr] svg")).to_have_count(1)
    problems += axe_violations(builder.page, f"builder with a link {where}")
    page = open_in_palette(visit, link.removeprefix(visit.server.origin), scheme, engine=True)
    expect(page.locator("[data-campaign-notice]")).to_be_visible()
    problems += axe_violations(page, f"letter page from a campaign link {where}")
    assert problems == [], "\n".join(problems)
