"""axe-core in a real page: every rule it has, the page as it is now.

Shared by the accessibility tests and the tests of each component's states
(tests/site/test_accessibility.py, tests/site/test_town_lookup.py).
"""

from __future__ import annotations

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.paths import ROOT
from tests.site.visits import Visit

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def with_axe(visit: Visit) -> Visit:
    """Load axe-core into every page of this visit.

    An init script rather than ``page.add_script_tag``: the latter adds an
    inline <script>, which the pages' Content-Security-Policy forbids (and
    should), while an init script comes through the DevTools protocol. Either
    way it is a local file, not a request.
    """
    visit.context.add_init_script(path=str(AXE_JS))
    return visit


def settle(page: Page) -> None:
    """Wait for running CSS transitions (Material's header title fades on scroll)."""
    try:
        page.wait_for_function(
            "() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)",
            timeout=3000)
    except PlaywrightTimeoutError:
        pass  # audit anyway: a stuck transition shows up as a finding


def axe_violations(page: Page, state: str) -> list[str]:
    """axe-core's violations on the page as it is now: one line per rule, its first few nodes."""
    assert page.evaluate("typeof window.axe === 'object'"), "axe-core was not injected"
    settle(page)
    # Every rule axe-core has, experimental ones included (by default it skips those),
    # but one: color-contrast-enhanced is WCAG's AAA level (7:1), above the AA the
    # site promises; AA contrast (4.5:1, color-contrast) is checked.
    result = page.evaluate(
        "(skip) => axe.run(document, {runOnly: {type: 'rule', values: axe.getRules()"
        ".map((r) => r.ruleId).filter((id) => !skip.includes(id))}, resultTypes: ['violations']})",
        ["color-contrast-enhanced"])
    lines = []
    for v in result["violations"]:
        nodes = v["nodes"]
        targets = ", ".join(" ".join(n["target"]) for n in nodes[:3])
        summary = " ".join(nodes[0].get("failureSummary", "").split())[:400]
        lines.append(f"{state}: {v['id']} ({v['impact']}) on {len(nodes)} element(s): {targets}. {summary}")
    return lines
