"""The error summary in the GOV.UK manner: a link scrolls the field's label, or its
fieldset's legend, into view below the sticky header, then focuses the field."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

# Whether an element is wholly on screen and not under Material's sticky header.
IN_VIEW = """el => {
    const box = el.getBoundingClientRect();
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    return box.top >= header && box.bottom <= window.innerHeight;
}"""


# Whether an element was scrolled to: it sits just below the sticky header
# (letter.css keeps a scroll margin), not wherever the field happened to land.
AT_TOP = """el => {
    const top = el.getBoundingClientRect().top;
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    return top >= header && top <= header + 48;
}"""


def summary_link(page: Page, starts: str):
    return page.locator("#error-summary").get_by_role("link", name=starts)


def show_errors(page: Page) -> None:
    page.get_by_role("group", name="3. Your details").get_by_label("Your email address (optional)").fill("not an email")
    page.get_by_role("button", name="Copy letter").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("[data-letter='0'] [data-send-missing]")).to_be_focused()


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 720}, {"width": 320, "height": 640}])
def test_a_link_shows_the_label_then_focuses_the_field(make_visit, viewport):
    visit = make_visit(viewport=viewport)
    page = visit.open_letter_page()
    show_errors(page)
    summary_link(page, "Enter an email address in the correct format").click()
    field = page.locator("#sender-email")
    expect(field).to_be_focused()
    label = page.locator("label[for='sender-email']")
    assert label.evaluate(IN_VIEW) and label.evaluate(AT_TOP)
    assert field.evaluate(IN_VIEW)


def test_a_field_just_below_its_legend_brings_the_legend_into_view(make_visit):
    """GOV.UK Frontend scrolls to the legend when the field then sits in the top half of the screen."""
    visit = make_visit(viewport={"width": 1280, "height": 720})
    page = visit.open_letter_page()
    show_errors(page)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    link = page.locator("#error-summary a[href='#recipients-0-name']")
    link.click()
    field = page.locator("#recipients-0-name")
    expect(field).to_be_focused()
    legend = page.get_by_role("group", name="Recipient 1").locator(":scope > legend")
    assert legend.evaluate(IN_VIEW) and legend.evaluate(AT_TOP)
    assert field.evaluate(IN_VIEW)
