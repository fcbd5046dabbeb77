"""A letter filled in as the accessibility tests need it: the required fields,
and a second recipient and a news article (the form at its most varied)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.site.letter_page import LetterPage

COPIED = "Copied. Paste it into your email or document."


def fill_required(letter: LetterPage) -> None:
    letter.fill_recipient(name="Maria Lopez")
    letter.fill_sender(name="Sam Rivera", street="12 Elm Street", city="Fox Lake Hills", state="IL", zip="60020")


def add_second_recipient_and_article(letter: LetterPage, *, long_text: str | None = None) -> None:
    page = letter.page
    letter.click("Add another recipient")
    letter.fill_recipient(2, role="Police Chief", name=long_text[:100] if long_text else "Dana Brown")
    letter.click("Add a news article")
    article = letter.group("News article 1")
    article.get_by_label("Headline").fill(long_text[:300] if long_text else "Arrests of buyers rise in Oak Park")
    article.get_by_label("Newspaper, website or station").fill("Oak Leaves")
    article.get_by_label("Link").fill(
        "https://news.example.com/" + ("a" * 275) if long_text is None else long_text[:300])
    expect(page.locator("[data-letter]")).to_have_count(2)
    letter.wait_for_preview("Chief" if long_text else "Dear Chief Brown", index=1)
