"""The three phone walks of the December 2026 review (issue 31), counted again.

    python -m scripts.bench.phone_walks SITE_DIR [SITE_DIR ...]

A 390x844 phone context (touch, a mobile user agent) on each built site:
every action is a touch tap at the element's centre or real key presses,
and the page is swiped only when the next target is not on screen (below
Material's header, above anything stuck to the bottom), just far enough to
bring it to mid-screen, as the review counted. A step is one tap or one
typing entry; a native select is two taps. The keyboard is not drawn (the
review modelled it; this does not), so figures are lower bounds and only
comparable with each other. Prints, per walk: steps, taps, swipe distance
in all, and the swipe distance after the last field typed in.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from scripts.shared import chromium
from scripts.shared.static_server import StaticServer

PHONE = {
    "viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True,
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/131.0.0.0 Mobile Safari/537.36",
}
SCREEN = 844
# A step: ("tap", selector), ("type", text), ("select", selector, option value), ("option", town name).
# A send step lists the taps of the page's current design first, then the old one's:
# ("send", [new taps], [old taps]); the new ones are used where the page has a [data-send-bar].
WALKS = {
    "Dave (Evanston, email app, one sentence)": ("/write/", [
        ("tap", "#community-city"), ("type", "Evan"), ("option", "Evanston"),
        ("tap", "#sender-name"), ("type", "Dave Okafor"),
        ("tap", "#sender-street"), ("type", "1501 Chicago Avenue"),
        ("tap", "#sender-zip"), ("type", "60201"),
        ("tap", "#personal"), ("type", "I ride the Purple Line every day and I want my neighbours safe from exploitation."),
        ("send", ["[data-send-bar] a", "[data-letter='0'] [data-action='email']"],
                 ["[data-letter='0'] [data-action='email']"]),
    ]),
    "Maria (Cicero, Spanish page, Gmail)": ("/es/escribir/", [
        ("tap", "#community-city"), ("type", "Cice"), ("option", "Cicero"),
        ("select", "#recipients-0-role", "village_president"),
        ("tap", "#recipients-0-name"), ("type", "Larry Dominick"),
        ("tap", "#recipients-0-gender-m"),
        ("tap", "#recipients-0-email"), ("type", "larry@thetownofcicero.com"),
        ("tap", "#sender-name"), ("type", "María González"),
        ("tap", "#sender-street"), ("type", "5200 W 25th St"),
        ("tap", "#sender-zip"), ("type", "60804"),
        ("tap", "#sender-email"), ("type", "maria.gonzalez@gmail.com"),
        ("send", ["[data-send-bar] a", "[data-letter='0'] .lw-send-other > summary",
                  "[data-letter='0'] [data-provider='gmail']"],
                 ["[data-letter='0'] [data-provider='gmail']"]),
    ]),
    "Keisha (Oak Park, officials unknown, printed letter)": ("/write/", [
        ("tap", "#community-city"), ("type", "Oak P"), ("option", "Oak Park"),
        ("select", "#recipients-0-role", "village_president"),
        ("tap", "#recipients-0-name"), ("type", "Vicki Scaman"),
        ("tap", "#recipients-0-address"), ("type", "Village Hall\n123 Madison Street\nOak Park, IL 60302"),
        ("tap", "#sender-name"), ("type", "Keisha Brown"),
        ("tap", "#sender-street"), ("type", "400 N Kenilworth Ave"),
        ("tap", "#sender-zip"), ("type", "60302"),
        ("send", ["[data-send-bar] a", "input[name='lw-format'][value='letter']",
                  "[data-letter='0'] [data-action='print']"],
                 ["input[name='lw-format'][value='letter']", "[data-print-row] [data-action='print']"]),
    ]),
}
NO_LEAVING = """(() => {
  window.print = () => { window.__printed = true; };
  window.open = () => null;
  addEventListener('click', (e) => { if (e.target.closest('a[href^="mailto:"], a[target=_blank]')) e.preventDefault(); });
})()"""
# What covers the screen: Material's header at the top, anything stuck to the bottom.
BAND = """(target) => {
  const header = document.querySelector('.md-header');
  const top = header ? header.getBoundingClientRect().bottom : 0;
  const bar = document.querySelector('[data-send-bar]');
  if (bar && target.startsWith('[data-send-bar]')) return [top, innerHeight];
  const box = bar && bar.getBoundingClientRect();
  const stuck = box && box.height && box.bottom >= innerHeight - 1 && box.top < innerHeight ? innerHeight - box.top : 0;
  return [top, innerHeight - stuck];
}"""


@dataclass
class Tally:
    steps: int = 0
    taps: int = 0
    swiped: float = 0
    swiped_after_typing: float = 0
    notes: list[str] = field(default_factory=list)


def box_of(page: Page, selector: str) -> dict | None:
    element = page.locator(selector).first
    if not element.count():
        return None
    target = element
    if element.evaluate("el => el.type === 'radio' || el.type === 'checkbox'"):
        label = page.locator(f"label[for='{element.get_attribute('id')}']")
        target = label.first if element.get_attribute("id") and label.count() else element
    return target.bounding_box()


def bring_into_view(page: Page, selector: str, tally: Tally) -> dict:
    """Swipe (and count) only if the target is not wholly on screen."""
    box = box_of(page, selector)
    if box is None:
        raise LookupError(selector)
    top, bottom = page.evaluate(BAND, selector)
    if box["y"] < top or box["y"] + box["height"] > bottom:
        distance = box["y"] + box["height"] / 2 - (top + bottom) / 2
        page.evaluate("d => window.scrollBy(0, d)", distance)
        page.wait_for_timeout(50)
        moved = abs(distance)
        tally.swiped += moved
        tally.swiped_after_typing += moved
        box = box_of(page, selector)
    return box


def tap(page: Page, selector: str, tally: Tally) -> None:
    box = bring_into_view(page, selector, tally)
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + min(box["height"] / 2, 20))
    page.wait_for_timeout(150)
    tally.taps += 1
    tally.steps += 1


def walk(page: Page, steps: list, tally: Tally) -> None:
    for step in steps:
        kind = step[0]
        if kind == "tap":
            tap(page, step[1], tally)
        elif kind == "type":
            page.keyboard.type(step[1], delay=5)
            tally.steps += 1
            tally.swiped_after_typing = 0  # counted again from the last field typed in
        elif kind == "option":
            option = f"[data-town-list] [role=option]:text-is('{step[1]}')"
            page.wait_for_selector(option, timeout=20_000)
            tap(page, option, tally)
        elif kind == "select":
            bring_into_view(page, step[1], tally)
            if page.locator(f"{step[1]} option[value='{step[2]}']").count():
                page.select_option(step[1], step[2])
                tally.taps += 2
                tally.steps += 2
            else:
                tally.notes.append(f"no option {step[2]}")
        elif kind == "send":
            new = page.locator("[data-send-bar]").count() > 0
            # Typing is over: from here every swipe is on the way to sending.
            for selector in (step[1] if new else step[2]):
                tap(page, selector, tally)


def run(site: Path) -> dict[str, Tally]:
    results = {}
    with StaticServer(site) as server, sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        for name, (path, steps) in WALKS.items():
            context = browser.new_context(**PHONE)
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server.origin)
                          else route.abort())
            context.add_init_script(NO_LEAVING)
            page = context.new_page()
            page.goto(server.origin + path)
            page.wait_for_selector("[data-letter-app][data-engine='ready']", state="attached", timeout=90_000)
            page.wait_for_timeout(500)
            tally = Tally()
            walk(page, steps, tally)
            results[name] = tally
            context.close()
        browser.close()
    return results


def main(argv: list[str]) -> None:
    for site in argv:
        print(f"# {site}")
        for name, t in run(Path(site)).items():
            print(f"{name}: {t.steps} steps ({t.taps} taps), swiped {t.swiped:,.0f} px "
                  f"({t.swiped / SCREEN:.1f} screens), {t.swiped_after_typing:,.0f} px after the last field"
                  + (f"; {', '.join(t.notes)}" if t.notes else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
