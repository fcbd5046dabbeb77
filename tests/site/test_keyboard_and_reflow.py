"""Accessibility of the letter page beyond axe, checked in a real browser
(split from test_accessibility.py so the two run side by side under xdist).

* The whole letter flow works with the keyboard alone, and focus is always
  visible while tabbing.
* Errors and status changes reach screen readers: the error summary takes
  focus, "Copied" and the engine's progress are in status regions.
* The letter page reflows at 320 px wide and at 200 % zoom, even around long
  unbroken text, without horizontal scrolling.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

import letter_py
from tests.site.filled_letter import COPIED, add_second_recipient_and_article, fill_required
from tests.site.letter_page import LetterPage, wait_for_engine
from tests.site.visits import Visit


# ---- keyboard only -------------------------------------------------------------

# What has keyboard focus, how a visitor would identify it (its label, or a
# button's or link's text, and the legend of the group it is in), and whether
# the focus can be seen: the element is on screen, not covered or clipped away,
# and draws an outline or a box-shadow. A visually hidden radio (Material's
# palette switch) shows its focus on the label that follows it.
FOCUS_JS = r"""() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const text = (node) => (node ? node.innerText || node.textContent || "" : "").replace(/\s+/g, " ").trim();
    const labelled = el.labels && el.labels.length ? text(el.labels[0]) : "";
    const name = labelled || el.getAttribute("aria-label") || text(el) || el.getAttribute("title") || "";
    const fieldset = el.closest("fieldset");
    const group = fieldset && fieldset.querySelector("legend") ? text(fieldset.querySelector("legend")) : "";
    let shown = el;
    let box = el.getBoundingClientRect();
    if ((box.width < 1 || box.height < 1) && el.nextElementSibling && el.nextElementSibling.tagName === "LABEL") {
        shown = el.nextElementSibling;
        box = shown.getBoundingClientRect();
    }
    const style = getComputedStyle(shown);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
        && style.outlineColor !== "rgba(0, 0, 0, 0)";
    const shadow = style.boxShadow !== "none";
    // Look at the middle of the part of its first box (a link's first line)
    // that is inside the window: is it this element, or something on top?
    const first = shown.getClientRects()[0] || box;
    const left = Math.max(first.left, 0), right = Math.min(first.right, innerWidth);
    const top = Math.max(first.top, 0), bottom = Math.min(first.bottom, innerHeight);
    let onScreen = box.width >= 1 && box.height >= 1 && right - left >= 1 && bottom - top >= 1
        && style.visibility === "visible";
    if (onScreen) {
        const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
        onScreen = Boolean(hit) && (shown.contains(hit) || hit.contains(shown)
            || Boolean(el.labels && [...el.labels].some((l) => l.contains(hit))));
    }
    let opacity = 1;
    for (let node = shown; node && node.nodeType === 1; node = node.parentElement) {
        opacity *= Number(getComputedStyle(node).opacity);
    }
    return {
        tag: el.tagName.toLowerCase(), id: el.id, type: el.type || "", name: name.slice(0, 80), group,
        outline, shadow, onScreen, opacity,
        visible: (outline || shadow) && onScreen && opacity > 0.5,
    };
}"""


class Keyboard:
    """Drives the page with page.keyboard only, checking focus at every stop."""

    def __init__(self, page: Page):
        self.page = page
        self.stops: list[dict] = []
        self.invisible: list[dict] = []

    def focused(self) -> dict | None:
        return self.page.evaluate(FOCUS_JS)

    def check_focus(self) -> dict | None:
        try:
            # Give transitions (the skip link, the drawer sliding in) a moment; usually instant.
            self.page.wait_for_function(f"() => {{ const f = ({FOCUS_JS})(); return !f || f.visible; }}",
                                        timeout=4000, polling=50)  # a busy 2-core CI box
        except PlaywrightTimeoutError:
            pass  # recorded below as an invisible stop
        focus = self.focused()
        if focus is not None:
            self.stops.append(focus)
            if not focus["visible"]:
                self.invisible.append(focus)
        return focus

    def press(self, key: str) -> dict | None:
        self.page.keyboard.press(key)
        return self.check_focus()

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def tab_to(self, name: str, group: str | None = None, *, back: bool = False, limit: int = 150) -> dict:
        key = "Shift+Tab" if back else "Tab"
        for _ in range(limit):
            focus = self.press(key)
            if focus and focus["name"] == name and (group is None or focus["group"] == group):
                return focus
        raise AssertionError(f"{key} never reached {name!r} in {group!r}; went through "
                             f"{[(s['name'], s['group']) for s in self.stops[-limit:]]}")

    def expect_at(self, name: str, group: str | None = None) -> dict:
        focus = self.focused()
        assert focus and focus["name"] == name and (group is None or focus["group"] == group), focus
        return focus


NO_MOUSE_JS = """() => {
    window.__mouse = [];
    for (const type of ["pointerdown", "mousedown", "mouseup"]) {
        document.addEventListener(type, (e) => window.__mouse.push(type), true);
    }
    // A click made with the keyboard has detail 0; a mouse click counts its presses.
    document.addEventListener("click", (e) => { if (e.detail !== 0) window.__mouse.push("click"); }, true);
}"""


def test_the_whole_letter_flow_with_the_keyboard_alone(visit: Visit):
    page = visit.open_letter_page()
    page.evaluate(NO_MOUSE_JS)
    community = {
        "city": page.locator("#community-city").input_value(),
        "state": page.locator("#community-state").input_value(),
    }
    kb = Keyboard(page)

    # From the top of the page: the skip link comes first, then the header.
    kb.press("Tab")
    kb.expect_at("Skip to content")

    # Recipient 1: a role chosen with the arrow keys, a name typed.
    role = kb.tab_to("Who are you writing to?", "Recipient 1")
    assert role["tag"] == "select"
    select = page.locator("#recipients-0-role")
    first_role = select.input_value()
    kb.press("ArrowDown")
    expect(select).not_to_have_value(first_role)
    kb.press("ArrowUp")
    expect(select).to_have_value(first_role)
    kb.tab_to("Their full name", "Recipient 1")
    kb.type("Maria Lopez")

    # Add a second recipient with Enter: focus moves into the new group.
    kb.tab_to("Add another recipient")
    kb.press("Enter")
    focus = kb.check_focus()
    assert focus["group"] == "Recipient 2", focus
    if focus["name"] != "Who are you writing to?":
        kb.tab_to("Who are you writing to?", "Recipient 2")
    kb.press("ArrowDown")
    kb.tab_to("Their full name", "Recipient 2")
    kb.type("Dana Brown")
    expect(page.locator("[data-letter]")).to_have_count(2)
    expect(page.locator("[data-letter='1'] .lw-letter-heading")).to_contain_text("Dana Brown")

    # ...and remove it again with Space: focus returns to the remaining recipient.
    kb.tab_to("Remove recipient 2", "Recipient 2")
    kb.press("Space")
    expect(page.locator("[data-letter]")).to_have_count(1)
    expect(page.locator("[data-announcer]")).to_have_text("Recipient removed")
    focus = kb.check_focus()
    assert focus["group"] == "Recipient 1", focus

    # Your details, typed field by field; Shift+Tab goes back the same way.
    for label, value in [("Your full name", "Sam Rivera"), ("Street address", "12 Elm Street"),
                         ("Town or city", "Fox Lake Hills"), ("State", "IL"), ("ZIP code", "60020")]:
        kb.tab_to(label, "3. Your details")
        kb.type(value)
    kb.press("Shift+Tab")
    kb.expect_at("State", "3. Your details")
    kb.press("Shift+Tab")
    kb.expect_at("Town or city", "3. Your details")
    kb.press("Tab")
    kb.press("Tab")
    kb.expect_at("ZIP code", "3. Your details")

    # The view switch is a radio group: arrow keys move between its options.
    kb.tab_to("An email", "Show it as")
    kb.press("ArrowRight")
    kb.expect_at("A printed letter", "Show it as")
    expect(page.locator("[data-letters]")).to_have_attribute("data-format", "letter")
    kb.press("ArrowLeft")
    kb.expect_at("An email", "Show it as")
    expect(page.locator("[data-letters]")).to_have_attribute("data-format", "email")

    # Copy the letter with Enter and read the clipboard back.
    kb.tab_to("Copy letter")
    kb.press("Enter")
    expect(page.locator("[data-announcer]")).to_have_text(COPIED)
    expected = json.loads(letter_py.render_json(json.dumps({
        "recipients": [{"role": first_role, "name": "Maria Lopez", "title": "", "email": "", "address": ""}],
        "sender": {"name": "Sam Rivera", "street": "12 Elm Street", "city": "Fox Lake Hills", "state": "IL",
                   "zip": "60020", "email": "", "phone": ""},
        "community": community,
        "personal": "",
        "date": date.today().isoformat(),
    })))
    assert expected["errors"] == []
    letter = expected["letters"][0]
    assert page.evaluate("navigator.clipboard.readText()") == f"Subject: {letter['subject']}\n\n{letter['email_text']}"

    assert page.evaluate("window.__mouse") == [], "the mouse was used"
    assert len(kb.stops) > 20
    assert kb.invisible == [], "focus could not be seen on:\n" + "\n".join(map(str, kb.invisible))


@pytest.mark.parametrize("viewport", [
    {"width": 1280, "height": 720},
    {"width": 320, "height": 640},
    # 200 % zoom in a 1280 x 800 window lays the page out in 640 x 400 CSS pixels.
    {"width": 640, "height": 400},
], ids=["desktop", "320px", "200%-zoom"])
def test_focus_is_visible_at_every_tab_stop(make_visit, viewport):
    """Tab once round every page of the site: every stop can be seen, at any width."""
    visit = make_visit(viewport=viewport, device_scale_factor=1 if viewport["width"] == 1280 else 2)

    def tab_round(path: str) -> list[dict]:
        page = visit.open_letter_page(path) if path == "/write/" else visit.open(path)
        kb = Keyboard(page)
        for _ in range(400):
            focus = kb.press("Tab")
            if focus is None and kb.stops:
                break  # back to the document: one full round
        assert len(kb.stops) > 5, (path, kb.stops)
        page.close()
        return kb.invisible

    invisible = []
    for path in ["/", "/write/", "/faq/"]:
        found = tab_round(path)
        if found:
            # Seen once in full CI runs only, at 640 x 400 in Material's drawer: a
            # second round on a fresh page tells a timing hiccup of the busy machine
            # from a stop that really cannot be seen, which fails both rounds.
            again = {f["name"] for f in tab_round(path)}
            found = [f for f in found if f["name"] in again]
        invisible += [f"{path} {viewport['width']}px: {f}" for f in found]
    assert invisible == [], "\n".join(invisible)


# ---- live regions --------------------------------------------------------------


def test_error_summary_takes_focus_and_is_announced(visit: Visit):
    letter = LetterPage.open(visit)
    page = letter.page
    page.get_by_role("button", name="Copy letter").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#error-summary")).to_be_visible()
    # The problems show by the button pressed too (issue 31), and focus goes there, not
    # five screens up. As GOV.UK's error summary: a focusable container whose role
    # allows a name, named by its heading, so moving focus to it reads that heading.
    summary = letter.problems_by_the_button()
    expect(summary).to_be_focused()
    role = summary.get_attribute("role")
    assert role in {"alert", "group", "region"}, role
    expect(page.get_by_role(role, name=letter.t["send.missing"])).to_be_focused()
    # It is in view, and its heading is not hidden under the sticky header.
    title = summary.locator(".lw-error").first
    expect(title).to_be_in_viewport()
    assert title.evaluate("""el => { const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + 5, r.top + r.height / 2);
        return Boolean(hit) && el.contains(hit); }"""), "the summary's heading is covered"
    # Each field error is tied to its field, prefixed "Error:" for screen readers.
    name_field = letter.details.get_by_label("Your full name")
    expect(name_field).to_have_attribute("aria-invalid", "true")
    expect(name_field).to_have_accessible_description(re.compile(r"^Error: Enter your name"))


def test_copied_and_removed_are_announced_in_a_status_region(visit: Visit):
    letter = LetterPage.open(visit)
    page = letter.page
    announcer = page.locator("[data-announcer]")
    assert announcer.get_attribute("role") == "status"
    assert announcer.get_attribute("aria-live") == "polite"
    fill_required(letter)
    letter.wait_for_preview("Sam Rivera")
    letter.click("Copy letter")
    expect(page.get_by_role("status").filter(has_text="Copied")).to_have_text(COPIED)
    letter.click("Add another recipient")
    letter.recipient(2).get_by_role("button", name="Remove recipient 2").click()
    expect(page.get_by_role("status").filter(has_text="removed")).to_have_text("Recipient removed")


def test_engine_progress_and_failure_are_announced(visit: Visit):
    held = []
    visit.context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page = visit.open("/write/")
    status = page.locator("#engine-status")
    expect(status).to_be_visible()
    progress_text = status.get_by_role("status")
    expect(progress_text).to_have_count(1)
    expect(progress_text).not_to_have_text("")
    expect(status.get_by_role("progressbar", name="Getting the letter writer ready")).to_be_attached()
    labels = set()
    # Read the text by id: a role locator stops matching the moment the box hides.
    text = page.locator("#engine-status-text")
    for _ in range(200):
        if held:
            break
        labels.add(text.text_content())
        page.wait_for_timeout(50)
    assert held, "the worker never asked for the runtime"
    held[0].continue_()
    for _ in range(400):
        if page.locator("[data-letter-app]").get_attribute("data-engine") == "ready":
            break
        labels.add(text.text_content())
        page.wait_for_timeout(25)
    wait_for_engine(page)
    labels.discard("")
    assert len(labels) >= 2, f"the status region never changed: {labels}"

    # A failure is announced as soon as it shows.
    failing = visit.page()
    failing.route("**/pyodide.asm.wasm", lambda route: route.abort())
    failing.goto(visit.server.origin + "/write/")
    failed = failing.locator("#engine-failed")
    expect(failed).to_be_visible(timeout=20_000)
    assert failed.get_attribute("role") == "alert"
    expect(failing.get_by_role("alert")).to_contain_text("could not start")


# ---- reflow: 320 px and 200 % zoom ------------------------------------------------

# Everything in the preview must stay inside it, whatever the visitor typed.
OVERFLOW_JS = """() => {
    const root = document.documentElement;
    const preview = document.querySelector(".lw-preview");
    const edge = preview.getBoundingClientRect().right + 1;
    const outside = [...preview.querySelectorAll("*")]
        .filter((el) => el.getClientRects().length && el.getBoundingClientRect().right > edge)
        .map((el) => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : "")
             + " " + Math.round(el.getBoundingClientRect().right) + " > " + Math.round(edge));
    const scrollers = [...preview.querySelectorAll("*"), preview]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible")
        .map((el) => el.tagName.toLowerCase() + "." + String(el.className).split(" ")[0]);
    return {page: root.scrollWidth - root.clientWidth, outside, scrollers};
}"""

LONG = "https://news.example.com/" + "x" * 275  # 300 characters, no break opportunity


@pytest.mark.parametrize("viewport", [
    {"width": 320, "height": 640},
    # 200 % zoom in a 1280 x 800 window: Chromium lays the page out in a
    # 640 x 400 CSS-pixel viewport at 2 device pixels per CSS pixel, which is
    # exactly this context.
    {"width": 640, "height": 400},
    {"width": 1280, "height": 800},
], ids=["320px", "200%-zoom", "desktop"])
def test_no_horizontal_scrolling_even_with_long_unbroken_text(make_visit, viewport):
    visit = make_visit(viewport=viewport, device_scale_factor=1 if viewport["width"] == 1280 else 2)
    letter = LetterPage.open(visit)
    page = letter.page
    overflow = page.evaluate(OVERFLOW_JS)
    assert overflow["page"] <= 0 and overflow["outside"] == [] and overflow["scrollers"] == [], overflow

    fill_required(letter)
    letter.fill_sender(street=LONG[:200])
    letter.fill_personal(LONG * 3)
    add_second_recipient_and_article(letter, long_text=LONG)
    letter.wait_for_preview(LONG[:200])
    for view in ["An email", "A printed letter"]:
        page.get_by_label(view).check()
        overflow = page.evaluate(OVERFLOW_JS)
        assert overflow["page"] <= 0, (view, overflow)
        assert overflow["outside"] == [], (view, overflow)
        assert overflow["scrollers"] == [], (view, overflow)

    # The error summary and field errors reflow too.
    letter.fill_sender(zip="x" * 10)
    page.get_by_role("button", name="Copy letter").first.click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
