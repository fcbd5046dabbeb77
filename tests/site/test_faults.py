"""Faults: the engine cannot load, or dies. The visitor gets a clear message within
15 s, the fallback letter, and keeps everything typed; after a crash, "Try again"
brings the engine back.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from scripts.shared.static_server import Fault
from tests.site.letter_page import wait_for_engine
from tests.site.visits import Visit

MESSAGE_WITHIN_MS = 15_000 + 2_000  # the page's own limit plus scheduling slack
# A runtime that cannot start is known at once (worker.js, wasmFailure), well
# before the page's own limit: the visitor is not kept waiting 15 s for nothing.
RUNTIME_FAILS_WITHIN_S = 8
RUNTIME_PROBLEM = "Python's runtime (pyodide.asm.wasm) could not be downloaded or started"


def runtime_file(site: Path, name: str) -> str:
    (folder,) = (site / "pyodide").iterdir()
    return f"/pyodide/{folder.name}/{name}"


def engine_file(site: Path, startswith: str) -> str:
    (folder,) = (site / "engine").iterdir()
    (wheel,) = [p for p in folder.iterdir() if p.name.startswith(startswith)]
    return f"/engine/{folder.name}/{wheel.name}"


def type_details(page: Page) -> None:
    page.get_by_role("group", name="3. Your details").get_by_label("Your full name").fill("Kept Typing")
    page.get_by_label("Why this matters to you").fill("These words must survive.")


def assert_failed_cleanly(page: Page, started: float) -> None:
    failed = page.locator("#engine-failed")
    expect(failed).to_be_visible(timeout=MESSAGE_WITHIN_MS)
    assert time.monotonic() - started < MESSAGE_WITHIN_MS / 1000
    expect(failed).to_contain_text("could not start")
    expect(page.locator("#engine-status")).to_be_hidden()
    # The fallback letter is there, and can be copied.
    expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text("Dear (Mayor/Police Chief Name)")
    page.get_by_role("button", name="Copy letter").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Subject: Please help end the demand for sexual exploitation in ")
    assert "\n\nDear (Mayor/Police Chief Name)," in copied
    # Nothing typed was lost.
    expect(page.get_by_role("group", name="3. Your details").get_by_label("Your full name")).to_have_value("Kept Typing")
    expect(page.get_by_label("Why this matters to you")).to_have_value("These words must survive.")


@pytest.mark.parametrize("fault", ["wasm missing", "wheel missing", "lockfile missing"])
def test_missing_file(visit: Visit, site: Path, fault: str):
    path = {
        "wasm missing": runtime_file(site, "pyodide.asm.wasm"),
        "wheel missing": engine_file(site, "letter_py-"),
        "lockfile missing": engine_file(site, "pyodide-lock"),
    }[fault]
    visit.server.state.faults[path] = Fault(status=404)
    started = time.monotonic()
    page = visit.open("/write/")
    type_details(page)
    assert_failed_cleanly(page, started)
    assert path in visit.server.state.paths()
    if fault == "wasm missing":
        assert time.monotonic() - started < RUNTIME_FAILS_WITHIN_S
        expect(page.locator("#engine-failed")).to_contain_text(RUNTIME_PROBLEM)


def test_tampered_wheel_is_refused(visit: Visit, site: Path):
    """The worker fetches each wheel with its sha256 from the lockfile as Subresource Integrity."""
    path = engine_file(site, "letter_py-")
    original = (site / path.lstrip("/")).read_bytes()
    tampered = original.replace(b"Dear", b"Deer") if b"Dear" in original else original + b"\0"
    assert tampered != original
    visit.server.state.faults[path] = Fault(status=200, content_type="application/zip", body=tampered)
    started = time.monotonic()
    page = visit.open("/write/")
    type_details(page)
    assert_failed_cleanly(page, started)
    assert page.locator("[data-letter-app]").get_attribute("data-engine") != "ready"


@pytest.mark.parametrize("fault", ["missing", "tampered"])
def test_precompiled_campaign_fault_only_costs_time(visit: Visit, site: Path, fault: str):
    """Without a usable compiled campaign the engine compiles it itself: same letters."""
    path = engine_file(site, "campaign-")
    original = (site / path.lstrip("/")).read_bytes()
    visit.server.state.faults[path] = (
        Fault(status=404) if fault == "missing"
        else Fault(status=200, content_type="application/octet-stream", body=original[:-1] + b"\1"))
    page = visit.open("/write/")
    type_details(page)
    wait_for_engine(page)
    app = page.locator("[data-letter-app]")
    assert app.get_attribute("data-engine-precompiled") == "false"
    expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text("These words must survive.")
    assert path in visit.server.state.paths()


def test_wasm_with_wrong_content_type(visit: Visit, site: Path):
    """A host that serves .wasm as text: Chromium refuses to compile it as it
    streams (Pyodide 314 has no fallback), and the visitor hears so at once."""
    path = runtime_file(site, "pyodide.asm.wasm")
    visit.server.state.faults[path] = Fault(status=200, content_type="text/plain")
    started = time.monotonic()
    page = visit.open("/write/")
    type_details(page)
    assert_failed_cleanly(page, started)
    assert time.monotonic() - started < RUNTIME_FAILS_WITHIN_S
    expect(page.locator("#engine-failed")).to_contain_text(RUNTIME_PROBLEM)


# Records every value data-engine takes from now on (None: the attribute is absent, starting).
RECORD_ENGINE_STATES = """() => {
    const app = document.querySelector('[data-letter-app]');
    window.__engineStates = [app.getAttribute('data-engine')];
    new MutationObserver(() => window.__engineStates.push(app.getAttribute('data-engine')))
        .observe(app, {attributes: true, attributeFilter: ['data-engine']});
}"""


def engine_worker(page: Page):
    (worker,) = [w for w in page.workers if w.url.split("?")[0].endswith("/assets/letter/worker.js")]
    return worker


def assert_nothing_says_ready_or_loading(page: Page) -> None:
    app = page.locator("[data-letter-app]")
    expect(app).to_have_attribute("data-engine", "failed")
    assert app.get_attribute("data-engine-ms") is None
    expect(page.locator("#engine-status")).to_be_hidden()
    expect(page.get_by_role("progressbar")).to_have_count(0)
    expect(page.get_by_text("Getting the letter writer ready")).to_be_hidden()


@pytest.mark.parametrize("death", ["closed", "uncaught error"])
def test_worker_dies_after_ready_nothing_says_ready(visit: Visit, death: str):
    """One engine state: once failed, the page no longer says ready (nor loading)."""
    page = visit.open_letter_page()
    type_details(page)
    expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text("Kept Typing")
    if death == "closed":  # as if killed: the page hears nothing, its next render times out
        engine_worker(page).evaluate("setTimeout(() => self.close())")
        page.get_by_label("Why this matters to you").fill("Typed after the crash.")
    else:  # an error nothing in the worker catches reaches the page as an error event
        engine_worker(page).evaluate("setTimeout(() => { throw new Error('the engine broke'); })")
    started = time.monotonic()
    expect(page.get_by_role("alert")).to_contain_text("could not start", timeout=MESSAGE_WITHIN_MS)
    assert time.monotonic() - started < MESSAGE_WITHIN_MS / 1000
    assert_nothing_says_ready_or_loading(page)
    # The last good letter stays usable.
    expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text("Kept Typing")
    page.get_by_role("button", name="Copy letter").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Subject: Please help end the demand for sexual exploitation in ")
    assert "\n\nDear (Mayor/Police Chief Name)," in copied


def test_worker_crash_mid_session_recovers_on_retry(visit: Visit):
    page = visit.open_letter_page()
    type_details(page)
    expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text("Kept Typing")
    engine_worker(page).evaluate("setTimeout(() => self.close())")  # the worker dies as if killed
    started = time.monotonic()
    page.get_by_label("Why this matters to you").fill("Typed after the crash.")
    failed = page.locator("#engine-failed")
    expect(failed).to_be_visible(timeout=MESSAGE_WITHIN_MS)
    assert time.monotonic() - started < MESSAGE_WITHIN_MS / 1000
    # The last good letter stays, with everything typed still in the form.
    expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text("Kept Typing")
    expect(page.get_by_label("Why this matters to you")).to_have_value("Typed after the crash.")
    assert_nothing_says_ready_or_loading(page)
    page.evaluate(RECORD_ENGINE_STATES)
    page.get_by_role("button", name="Try again").click()
    wait_for_engine(page)
    # The wait above was real: the engine went from failed to starting, then ready.
    assert page.evaluate("window.__engineStates") == ["failed", None, "ready"]
    expect(failed).to_be_hidden()
    expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text("Typed after the crash.")


def test_network_lost_while_loading(visit: Visit, site: Path):
    held = []
    visit.context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    started = time.monotonic()
    page = visit.open("/write/")
    type_details(page)
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(50)
    visit.context.set_offline(True)
    held[0].abort("internetdisconnected")
    assert_failed_cleanly(page, started)


def test_network_lost_after_loading_keeps_working(visit: Visit):
    """The privacy page tells visitors to try exactly this."""
    page = visit.open_letter_page()
    visit.context.set_offline(True)
    type_details(page)
    expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text("These words must survive.")
    expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text("Kept Typing")
    expect(page.locator("#engine-failed")).to_be_hidden()
