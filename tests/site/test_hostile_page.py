"""The hostile-input corpus (tests/hostile.py) typed into every field of the real page.

Nothing may crash, no script may run (no dialog, no injected element), a field
over its limit gets a clear error naming it, and the rest of the letter stays.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.hostile import HOSTILE_STRINGS, HUGE
from tests.site.visits import Visit

SEED_SENTENCE = "Prostitution could not exist without the people who buy sex."
FIELDS = "#letter-form input[name]:not([type=checkbox]):not([type=radio]), #letter-form textarea[name]"


def fill_all(page: Page, text: str, town: str) -> None:
    fields = page.locator(FIELDS)
    for i in range(fields.count()):
        field = fields.nth(i)
        # The subject follows the town until it is the visitor's own: left to
        # follow, it stays the sentinel (test_own_words.py types hostile subjects).
        if not field.is_visible() or field.get_attribute("name") == "subject":
            continue
        # The community town is the sentinel that tells us this render has arrived.
        field.fill(town if field.get_attribute("name") == "community.city" else text)


def preview_shape(page: Page) -> list[str]:
    return page.locator("[data-letters]").evaluate(
        "el => Array.from(el.querySelectorAll('*'), (e) => e.tagName + (e.getAttribute('href') || '').slice(0, 11))")


def test_hostile_corpus_in_every_field(visit: Visit):
    page = visit.open_letter_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.get_by_role("button", name="Add a news article").click()
    page.get_by_role("group", name="Recipient 1").get_by_label("Who are you writing to?").select_option("other")

    fill_all(page, "Plain Words", "Town0")
    expect(page.locator("[data-letter='0'] [data-subject]")).to_contain_text("Town0")
    benign = {tag for tag in preview_shape(page)}

    for n, text in enumerate(HOSTILE_STRINGS, start=1):
        fill_all(page, text, f"Town{n}")
        expect(page.locator("[data-letter='0'] [data-subject]")).to_contain_text(f"Town{n}")
        expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text(SEED_SENTENCE)
        shape = set(preview_shape(page))
        assert shape <= benign, (text[:60], shape - benign)
        # Only the page's own JSON data blocks: no script was injected anywhere in the app.
        scripts = page.locator("[data-letter-app] script")
        assert scripts.evaluate_all("els => els.map((e) => e.id + ' ' + e.type)") == [
            "page-strings application/json", "letter-campaign application/json", "letter-officials application/json",
            "letter-prompts application/json"]
        assert page.locator("[data-letters] [onerror], [data-letters] [onload]").count() == 0
        assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []


def test_over_the_limit_gets_a_clear_error_and_keeps_the_text(visit: Visit):
    page = visit.open_letter_page()
    name = page.get_by_role("group", name="3. Your details").get_by_label("Your full name")
    name.fill(HUGE)
    page.get_by_label("Why this matters to you").fill("My own words stay.")
    expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text("My own words stay.")
    page.get_by_role("button", name="Copy letter").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(page.locator("[data-letter='0'] [data-send-missing]")).to_be_focused()
    link = summary.get_by_role("link", name="name must be")
    expect(link).to_have_count(1)
    expect(link).to_contain_text("characters or fewer")
    expect(page.locator("#sender-name-error")).to_contain_text("characters or fewer")
    # The rest of the letter is intact and the field still holds every character.
    expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text(SEED_SENTENCE)
    assert len(name.input_value()) == len(HUGE)


def test_lone_surrogates_from_the_browser(visit: Visit):
    page = visit.open_letter_page()
    page.evaluate("""() => {
        for (const [id, value] of [['sender-name', 'Ana \\uD800 Lone'], ['personal', 'broken \\uDFFF pair \\uD83D']]) {
            const el = document.getElementById(id);
            el.value = value;
            el.dispatchEvent(new Event('input', {bubbles: true}));
        }
    }""")
    preview = page.locator("[data-letter='0'] [data-email-text]")
    expect(preview).to_contain_text("Ana")
    expect(preview).to_contain_text("Lone")
    expect(preview).to_contain_text("pair")
    expect(page.locator("#engine-failed")).to_be_hidden()
