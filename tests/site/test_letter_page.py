"""The "Write your letter" page, used as a visitor would: fields found by their labels."""

from __future__ import annotations

import json
import time
import urllib.parse

import pytest
from playwright.sync_api import expect

from tests.site.letter_page import LetterPage
from tests.site.visitor import VISITOR, cpython_letters, expected_input, fill_visitor
from tests.site.visits import Visit

def test_preview_follows_typing_and_matches_cpython(visit: Visit):
    letter = LetterPage.open(visit)
    page = letter.page
    fill_visitor(letter)
    letter.wait_for_preview(VISITOR["personal"])
    expected = cpython_letters(expected_input())[0]
    assert letter.preview_text() == expected["email_text"]
    assert letter.subject().text_content() == expected["subject"]
    assert page.locator("[data-letter='0'] .lw-letter-heading").text_content() == "To " + expected["recipient"]["label"]
    # The printable view is letter_py's HTML, inserted as is.
    page.get_by_label("A printed letter").check()
    formal = page.locator("[data-letter='0'] [data-letter-html]")
    expect(formal).to_be_visible()
    same = formal.evaluate(
        "(el, html) => { const t = document.createElement('template'); t.innerHTML = html;"
        " return t.innerHTML === el.innerHTML; }", expected["letter_html"])
    assert same
    expect(letter.preview()).to_be_hidden()


def test_engine_starts_from_the_precompiled_campaign(make_visit, site):
    """The build's compiled campaign is fetched once and used (letter_py/precompiled.py).

    Without the service worker, whose idle-time keeping of the engine would
    fetch it once more here (request interception turns the HTTP cache off;
    test_offline.py covers the worker)."""
    visit = make_visit(service_workers="block")
    letter = LetterPage.open(visit)
    page = letter.page
    app = page.locator("[data-letter-app]")
    assert app.get_attribute("data-engine-precompiled") == "true"
    fetched = [p for p in visit.server.state.paths() if p.split("?")[0].endswith(".bin")]
    boot = json.loads(page.locator("#letter-boot").text_content())  # paths relative to the worker
    assert fetched == ["/" + boot["engine"]["precompiled"].lstrip("./")], fetched


# Counts the "rendered" replies that reach the page on a BroadcastChannel.
COUNT_CHANNEL_REPLIES = """
window.__channelReplies = 0;
const Native = window.BroadcastChannel;
window.BroadcastChannel = class extends Native {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", ({ data }) => {
      if (data && data.type === "rendered") window.__channelReplies += 1;
    });
  }
};
"""


def test_render_replies_come_on_the_pages_own_channel(visit: Visit):
    """Chromium holds a worker's postMessage until the frame after a keystroke;
    the replies use a BroadcastChannel (worker.js says why)."""
    visit.context.add_init_script(COUNT_CHANNEL_REPLIES)
    letter = LetterPage.open(visit)
    page = letter.page
    letter.fill_personal("Sent on the channel.")
    letter.wait_for_preview("Sent on the channel.")
    assert page.evaluate("window.__channelReplies") >= 2  # the first render and this one


def test_two_letter_tabs_never_mix_their_letters(visit: Visit):
    first, second = LetterPage.open(visit), LetterPage.open(visit)
    for letter, words in ((first, "Written in the first tab."), (second, "Written in the second tab.")):
        letter.fill_personal(words)
    first.wait_for_preview("Written in the first tab.")
    second.wait_for_preview("Written in the second tab.")
    first.fill_personal("The first tab again.")
    first.wait_for_preview("The first tab again.")
    second.page.wait_for_timeout(300)  # a stray reply would have arrived by now
    assert "first tab" not in second.preview_text()
    assert "second tab" not in first.preview_text()


def test_without_broadcast_channel_replies_come_from_the_worker(visit: Visit):
    visit.context.add_init_script("delete window.BroadcastChannel;")
    letter = LetterPage.open(visit)
    page = letter.page
    assert page.evaluate("typeof BroadcastChannel") == "undefined"
    letter.fill_personal("No channel in this browser.")
    letter.wait_for_preview("No channel in this browser.")

def test_the_head_starts_python_before_app_js_runs(make_visit):
    """letter.html's head starts the worker with the runtime's URLs in the worker's
    own URL, so Python downloads while the page loads, whatever app.js does.

    Without the service worker: once the engine is ready it keeps the site's
    files, app.js among them, with requests no context route sees.
    """
    visit = make_visit(service_workers="block")
    refused: list[str] = []
    visit.context.route("**/assets/letter/app.js", lambda route: (refused.append(route.request.url), route.abort()))
    page = visit.open("/write/")
    wanted = ("/pyodide.asm.wasm", "/python_stdlib.zip", ".bin", ".whl")

    def fetched() -> list[str]:
        return [p.split("?")[0] for p in visit.server.state.paths()]

    deadline = time.monotonic() + 20
    while not all(any(p.endswith(w) for p in fetched()) for w in wanted) and time.monotonic() < deadline:
        page.wait_for_timeout(50)  # not time.sleep: Playwright routes the requests meanwhile
    for w in wanted:
        assert any(p.endswith(w) for p in fetched()), (w, fetched())
    assert refused, "the page never asked for app.js"
    assert not any(p.endswith("/app.js") for p in fetched())


def test_letter_page_starts_no_site_search(make_visit):
    """Search's worker and index would compete with the engine's start; other pages keep search.

    Without the service worker, which keeps the search index with the other
    pages' files once the engine is ready (test_offline.py)."""
    visit = make_visit(service_workers="block")
    letter = LetterPage.open(visit)
    page = letter.page
    assert page.locator("form[name=search]").count() == 0
    expect(page.locator(".md-header__button[for='__search']")).to_be_hidden()
    page.wait_for_load_state("networkidle")
    assert not [p for p in visit.server.state.paths() if "search" in p]
    other = visit.open("/faq/")
    expect(other.get_by_role("textbox", name="Search")).to_be_attached()
    other.wait_for_load_state("networkidle")
    assert any("search_index" in p for p in visit.server.state.paths())


def test_copy_puts_the_letter_on_the_clipboard(visit: Visit):
    letter = LetterPage.open(visit)
    page = letter.page
    fill_visitor(letter)
    letter.wait_for_preview(VISITOR["personal"])
    letter.click("Copy letter")
    expect(page.locator("[data-announcer]")).to_have_text("Copied. Paste it into your email or document.")
    expected = cpython_letters(expected_input())[0]
    clipboard = page.evaluate("navigator.clipboard.readText()")
    assert clipboard == f"Subject: {expected['subject']}\n\n{expected['email_text']}"


def test_downloads_txt_and_eml(visit: Visit):
    letter = LetterPage.open(visit)
    page = letter.page
    fill_visitor(letter)
    letter.wait_for_preview(VISITOR["personal"])
    expected = cpython_letters(expected_input())[0]
    with page.expect_download() as download:
        letter.click("Download as text (.txt)")
    assert download.value.suggested_filename == expected["filename"] + ".txt"
    text = open(download.value.path(), encoding="utf-8").read()
    assert text == f"Subject: {expected['subject']}\n\n{expected['email_text']}"
    with page.expect_download() as download:
        letter.click("Download email draft (.eml)")
    assert download.value.suggested_filename == expected["filename"] + ".eml"
    eml = open(download.value.path(), encoding="utf-8", newline="").read()
    assert eml == expected["eml"]
    assert "X-Unsent: 1" in eml and "mayor@example.gov" in eml


def test_email_button_opens_letter_pys_mailto(visit: Visit):
    letter = LetterPage.open(visit)
    page = letter.page
    fill_visitor(letter)
    letter.wait_for_preview(VISITOR["personal"])
    page.evaluate("""() => {
        window.__followed = [];
        document.addEventListener('click', (e) => {
            const a = e.target.closest('a[href^="mailto:"]');
            if (a) window.__followed.push({href: a.href, prevented: e.defaultPrevented});
        });
    }""")
    # On a desktop the letter does not fit the link: the button copies it first (tests/site/test_phone.py).
    page.get_by_role("link", name="Copy letter and open email app").click()
    followed = page.evaluate("window.__followed")
    expected = cpython_letters(expected_input())[0]
    assert followed == [{"href": expected["mailto"], "prevented": False}]
    parsed = urllib.parse.urlsplit(expected["mailto"])
    assert urllib.parse.unquote(parsed.path) == VISITOR["recipient_email"]
    expect(page.locator("[data-letter='0'] [data-letter-note]")).to_be_visible()


def test_print_shows_only_the_formal_letters(visit: Visit):
    letter = LetterPage.open(visit)
    page = letter.page
    fill_visitor(letter)
    letter.click("Add another recipient")
    letter.fill_recipient(2, role="Police Chief", name="Dana Brown")
    letter.wait_for_preview("Dear Chief Brown", index=1)
    page.emulate_media(media="print")
    letters = page.locator("[data-letter] [data-letter-html]")
    expect(letters).to_have_count(2)
    for i in range(2):
        expect(letters.nth(i)).to_be_visible()
    for hidden in ["#letter-form", ".md-header", ".md-sidebar", ".md-footer", "[data-email-text]",
                   "[data-actions] >> nth=0", "h1", "#preview-heading"]:
        expect(page.locator(hidden).first).to_be_hidden()
    breaks = page.locator("[data-letter]").evaluate_all(
        "els => els.map(el => getComputedStyle(el).breakAfter)")
    assert breaks == ["page", "auto"]


def test_several_recipients_give_one_letter_each(visit: Visit):
    letter = LetterPage.open(visit)
    page = letter.page
    fill_visitor(letter)
    letter.click("Add another recipient")
    second = letter.recipient(2)
    expect(second.get_by_label("Who are you writing to?")).to_be_focused()
    letter.fill_recipient(2, role="Police Chief", name="Dana Brown")
    letter.wait_for_preview("Dear Chief Brown", index=1)
    assert "Dear Mayor Lopez" in letter.preview_text(0)
    second.get_by_role("button", name="Remove recipient 2").click()
    expect(page.locator("[data-letter]")).to_have_count(1)


def test_errors_are_summarised_and_linked_to_their_fields(visit: Visit):
    letter = LetterPage.open(visit)
    page = letter.page
    page.evaluate("navigator.clipboard.writeText('untouched')")  # the clipboard outlives a context
    letter.fill_sender(email="not an email")
    letter.click("Copy letter")
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(letter.problems_by_the_button()).to_be_focused()  # by the button pressed, as in the summary
    expect(letter.problems_by_the_button().get_by_role("link")).to_have_count(summary.get_by_role("link").count())
    links = summary.get_by_role("link")
    texts = links.all_text_contents()
    assert any("name" in t.lower() for t in texts), texts
    assert any("email" in t.lower() for t in texts), texts
    email_link = summary.get_by_role("link", name=next(t for t in texts if "email" in t.lower()))
    email_link.click()
    email = letter.details.get_by_label("Your email address (optional)")
    expect(email).to_be_focused()
    expect(email).to_have_attribute("aria-invalid", "true")
    described = email.get_attribute("aria-describedby").split()
    assert "sender-email-error" in described
    expect(page.locator("#sender-email-error")).to_be_visible()
    # Fixing the field clears its error live; nothing typed was lost.
    email.fill("sam@example.org")
    expect(page.locator("#sender-email-error")).to_be_hidden()
    assert page.evaluate("navigator.clipboard.readText()") == "untouched"  # nothing was copied


def test_typing_before_the_engine_is_ready_is_kept(visit: Visit):
    # Hold the runtime back so the visitor types while Python is still loading.
    held = []
    visit.context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    letter = LetterPage.open(visit, engine=False)
    page = letter.page
    letter.fill_sender(name="Early Typist")
    status = page.locator("#engine-status")
    expect(status).to_be_visible()
    expect(status).to_contain_text("stays on this device")
    page.wait_for_function("() => true")
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the worker never asked for the runtime"
    assert page.locator("[data-letter-app]").get_attribute("data-engine") is None
    held[0].continue_()
    letter.wait_for_engine()
    letter.wait_for_preview("Early Typist")
    expect(status).to_be_hidden()


def test_remember_is_opt_in_and_forget_clears_it(visit: Visit):
    letter = LetterPage.open(visit)
    page = letter.page
    fill_visitor(letter)
    letter.wait_for_preview(VISITOR["personal"])
    assert page.evaluate("Object.keys(localStorage)") == []
    page.get_by_label("Remember my details on this device").check()
    assert page.evaluate("Object.keys(localStorage)") == ["letter.details.v1"]
    stored = json.loads(page.evaluate("localStorage.getItem('letter.details.v1')"))
    assert stored["sender.name"] == VISITOR["name"]
    assert VISITOR["personal"] not in json.dumps(stored)
    assert all(k.startswith(("sender.", "community.")) for k in stored)
    page.reload()
    expect(letter.details.get_by_label("Your full name")).to_have_value(VISITOR["name"])
    expect(page.get_by_label("Remember my details on this device")).to_be_checked()
    letter.click("Forget my details")
    assert page.evaluate("Object.keys(localStorage)") == []
    expect(page.get_by_label("Remember my details on this device")).not_to_be_checked()


def test_url_fragment_prefills_the_campaign_fields(visit: Visit):
    letter = LetterPage.open(visit, "/write/#city=Springfield&state=IL&role=police_chief")
    community = letter.community
    expect(community.get_by_label("Your town or city")).to_have_value("Springfield")
    expect(letter.recipient().get_by_label("Who are you writing to?")).to_have_value("police_chief")
    expect(letter.subject()).to_contain_text("Springfield")
    letter.wait_for_preview("Dear Chief")
    assert not any("Springfield" in path for path in visit.server.state.paths())


def test_works_at_320_pixels(make_visit):
    visit = make_visit(viewport={"width": 320, "height": 640}, device_scale_factor=2)
    letter = LetterPage.open(visit)
    page = letter.page
    fill_visitor(letter)
    letter.wait_for_preview(VISITOR["personal"])
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_both_palettes_render_the_form(visit: Visit, scheme: str):
    letter = LetterPage.open(visit)
    page = letter.page
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    label = letter.details.get_by_label("Your full name")
    colors = label.evaluate("el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]")
    assert colors[0] != colors[1]


def test_without_javascript_the_fallback_letter_shows(make_visit):
    visit = make_visit(java_script_enabled=False)
    letter = LetterPage.open(visit, engine=False)
    page = letter.page
    fallback = cpython_letters({"date": ""})[0]
    text = letter.preview()
    expect(text).to_be_visible()
    assert text.text_content() == fallback["email_text"]
    expect(page.get_by_text("JavaScript is turned off")).to_be_visible()
    # Selectable and copyable by hand: plain text, not an image or a canvas.
    selected = page.evaluate("""() => {
        const el = document.querySelector("[data-letter='0'] [data-email-text]");
        const range = document.createRange(); range.selectNodeContents(el);
        const sel = getSelection(); sel.removeAllRanges(); sel.addRange(range);
        return sel.toString();
    }""")
    assert selected == fallback["email_text"].rstrip("\n")  # a selection drops the final newline
