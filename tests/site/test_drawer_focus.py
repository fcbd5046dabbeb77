"""Keyboard focus in Material's drawer stays in sight once its slides end.

At 200 % zoom (640 x 400 CSS pixels) the site navigation is a drawer, opened
with the header's menu button; a11y.css brings a section of it into view
while focus is inside. Focus used to land on a section's first link while the
section was still off to the right, so Chromium scrolled the drawer's scroll
box sideways, and when the slide ended the link was out of sight.
test_accessibility.py's focus test looks as soon as the ring can be seen,
mid-slide, so it caught this only on a slow machine; this test looks after
every slide has ended.
"""

from __future__ import annotations

from playwright.sync_api import expect

SETTLED_JS = "() => document.getAnimations().every((a) => a.playState !== 'running')"
IN_VIEW_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    let r = el.getBoundingClientRect();
    // Material's palette switch is a hidden radio that shows its focus on its label.
    if (r.width < 1 && el.nextElementSibling?.tagName === "LABEL") r = el.nextElementSibling.getBoundingClientRect();
    const sideways = [];
    for (let n = el.parentElement; n; n = n.parentElement) if (n.scrollLeft) sideways.push(n.className);
    return {name: (el.innerText || el.getAttribute("aria-label") || "").trim().slice(0, 40),
            inView: r.width > 0 && r.right > 0 && r.left < innerWidth, sideways};
}"""


def test_drawer_links_stay_in_view_after_the_slide(make_visit):
    visit = make_visit(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    page = visit.open("/faq/")
    page.get_by_role("button", name="Navigation").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".md-sidebar--primary")).to_be_visible()
    out_of_view = []
    for _ in range(40):
        page.keyboard.press("Tab")
        page.wait_for_timeout(50)
        page.wait_for_function(SETTLED_JS, polling=50, timeout=5000)
        focus = page.evaluate(IN_VIEW_JS)
        if focus and (not focus["inView"] or focus["sideways"]):
            out_of_view.append(focus)
    assert out_of_view == []
