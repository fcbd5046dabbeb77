"""The browser enforces the privacy promise: CSP on every page, nothing stored
unless the visitor opts in, no cookies, no referrer, nothing typed in any request.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.site.cache_storage import CACHE_PREFIX, entries
from tests.site.visits import Visit

MARKER = "Zq7Marker"  # typed into every field; must never appear outside the page

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
});
"""


def pages(site: Path) -> list[str]:
    found = ["/" + p.relative_to(site).parent.as_posix() + "/" for p in site.rglob("index.html")]
    return sorted(path.replace("/./", "/") for path in found if "/pyodide/" not in path)


def watch(page: Page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text)
            if "Content Security Policy" in m.text or "Refused to" in m.text else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    return problems


def violations(page: Page) -> list[str]:
    return page.evaluate("window.__violations")


def test_every_page_has_the_policy_first_in_head(site: Path):
    for html_file in [*site.rglob("*.html")]:
        html = html_file.read_text()
        head = html[: html.index("</head>")]
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
        assert meta, html_file
        policy = meta.group(1)
        for directive in ("default-src 'none'", "form-action 'none'", "base-uri 'none'",
                          "connect-src 'self'", "worker-src 'self'", "img-src 'self' data:",
                          "style-src 'self'"):
            assert directive in policy, (html_file, directive)
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy.replace("wasm-unsafe-eval", "")
        assert head.index("Content-Security-Policy") < head.find("<script") if "<script" in head else True
        assert '<meta name="referrer" content="no-referrer">' in head


def test_headers_file_covers_the_worker_and_the_runtime(site: Path, visit: Visit):
    headers = (site / "_headers").read_text()
    assert "'wasm-unsafe-eval'" in headers and "frame-ancestors 'none'" in headers
    page = visit.page()
    worker = page.request.get(visit.server.origin + "/assets/letter/worker.js")
    policy = worker.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "'wasm-unsafe-eval'" in policy
    (runtime,) = (site / "pyodide").iterdir()
    wasm = page.request.get(f"{visit.server.origin}/pyodide/{runtime.name}/pyodide.asm.wasm")
    assert wasm.headers["content-type"] == "application/wasm"
    assert "immutable" in wasm.headers["cache-control"]
    assert worker.headers["referrer-policy"] == "no-referrer"


def test_no_violation_on_any_page(site: Path, visit: Visit):
    visit.context.add_init_script(RECORD_VIOLATIONS)
    for path in pages(site):
        page = visit.page()
        problems = watch(page)
        page.goto(visit.server.origin + path)
        page.wait_for_load_state("load")
        # Material's search runs in a same-origin worker: use it too.
        search = page.get_by_role("textbox", name="Search")
        if search.count():
            page.keyboard.press("/")
        assert violations(page) == [] and problems == [], path
        page.close()


def test_no_violation_while_writing_a_letter(visit: Visit):
    visit.context.add_init_script(RECORD_VIOLATIONS)
    page = visit.page()
    problems = watch(page)
    page.goto(visit.server.origin + "/write/")
    page.wait_for_selector("[data-engine='ready']", state="attached", timeout=60_000)
    fill_every_field(page, MARKER)
    expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text(MARKER)
    page.get_by_label("A printed letter").check()
    page.get_by_role("button", name="Copy letter").first.click()
    page.locator("[data-letter='0'] .lw-send-other").evaluate("details => { details.open = true; }")
    with page.expect_download():
        page.get_by_role("button", name="Download email draft (.eml)").first.click()
    page.emulate_media(media="print")
    page.emulate_media(media="screen")
    page.get_by_role("button", name="Add a news article").click()
    page.get_by_role("button", name="Remove news article 1").click()
    assert violations(page) == [] and problems == []


def fill_every_field(page: Page, marker: str) -> None:
    """Type into every text field of the form, with an address-shaped value where needed."""
    page.get_by_role("button", name="Add a news article").click()
    fields = page.locator("#letter-form input[name]:not([type=checkbox]):not([type=radio]), #letter-form textarea[name]")
    for i in range(fields.count()):
        field = fields.nth(i)
        name = field.get_attribute("name")
        if name.endswith("email"):
            value = f"{marker.lower()}@example.org"
        elif name.endswith("url"):
            value = f"https://example.org/{marker}"
        elif name.endswith("phone"):
            value = "217 555 0100"
        elif name.endswith("zip"):
            value = "60302"
        elif name.endswith("state"):
            value = "IL"
        elif name.endswith("date"):
            value = "2026-03-12"
        else:
            value = f"{marker} {name}"
        if field.is_visible():
            field.fill(value)


def storage_snapshot(page: Page) -> dict:
    return page.evaluate("""async () => ({
        cookie: document.cookie,
        local: Object.fromEntries(Object.entries(localStorage)),
        session: Object.fromEntries(Object.entries(sessionStorage)),
        indexedDB: (await indexedDB.databases()).map((d) => d.name),
        caches: await caches.keys(),
    })""")


def test_nothing_is_stored_without_opting_in(visit: Visit):
    page = visit.open_letter_page()
    fill_every_field(page, MARKER)
    expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text(MARKER)
    page.get_by_role("button", name="Copy letter").first.click()
    page.reload()
    wait = page.locator("[data-letter-app]")
    expect(wait).to_have_attribute("data-engine", "ready", timeout=60_000)
    snapshot = storage_snapshot(page)
    # Cache Storage holds the site's own files (sw.js), and nothing typed:
    # tests/site/test_offline.py checks every key and body.
    assert all(name.startswith(CACHE_PREFIX) for name in snapshot.pop("caches"))
    assert snapshot == {"cookie": "", "local": {}, "session": {}, "indexedDB": []}
    for entry in entries(page):
        assert MARKER.lower().encode() not in entry.body.lower() and MARKER.lower() not in entry.url.lower()
    assert visit.context.cookies() == []
    # Nothing typed survives the reload either.
    expect(page.get_by_role("group", name="3. Your details").get_by_label("Your full name")).to_have_value("")


def test_opt_in_stores_only_the_documented_key_and_forget_empties_it(visit: Visit):
    page = visit.open_letter_page()
    page.get_by_label("Remember my details on this device").check()
    fill_every_field(page, MARKER)
    snapshot = storage_snapshot(page)
    assert list(snapshot["local"]) == ["letter.details.v1"]
    stored = json.loads(snapshot["local"]["letter.details.v1"])
    assert sorted(stored) == sorted([
        "sender.name", "sender.street", "sender.city", "sender.state", "sender.zip",
        "sender.email", "sender.phone", "community.city", "community.state",
    ])
    assert snapshot["session"] == {} and snapshot["cookie"] == ""
    assert all(name.startswith(CACHE_PREFIX) for name in snapshot["caches"])
    page.get_by_role("button", name="Forget my details").click()
    assert storage_snapshot(page)["local"] == {}


def test_nothing_typed_reaches_the_server(visit: Visit):
    page = visit.open_letter_page()
    fill_every_field(page, MARKER)
    expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text(MARKER)
    page.locator("[data-letter='0'] .lw-send-other").evaluate("details => { details.open = true; }")
    for name in ("Copy letter", "Download as text (.txt)", "Download email draft (.eml)"):
        button = page.get_by_role("button", name=name).first
        if "Download" in name:
            with page.expect_download():
                button.click()
        else:
            button.click()
    page.get_by_role("link", name="Copy letter and open email app").first.click()
    page.goto(visit.server.origin + "/privacy/")
    for url in visit.requests:
        assert MARKER.lower() not in url.lower()
    assert visit.bodies == []
    for method, path, headers in visit.server.state.log:
        assert method in ("GET", "HEAD")
        assert MARKER.lower() not in (path + json.dumps(headers)).lower()
    assert page_referrers(visit) == []


def page_referrers(visit: Visit) -> list[tuple[str, str]]:
    """Every (path, Referer) the server received that names anything but the request itself.

    The pages' policy is no-referrer, so no request a page makes names it. The one
    Referer Chromium still sends is on its own update check of the service worker
    (a navigation triggers it a second or so later): the browser, not a page,
    fetches ``/sw.js`` and names ``/sw.js`` itself, whatever policy the site sets
    (``test_the_workers_update_check_names_only_itself`` provokes one).
    """
    found = []
    for _, path, headers in visit.server.state.log:
        referrer = {k.lower(): v for k, v in headers.items()}.get("referer")
        if referrer is not None and referrer != visit.server.origin + path:
            found.append((path, referrer))
    return found


@pytest.mark.parametrize("path", ["/", "/write/", "/privacy/"])
def test_no_referrer_is_sent(visit: Visit, path: str):
    page = visit.open(path)
    page.wait_for_load_state("load")
    assert visit.server.state.log, "the server logged no request"
    for _, _, headers in visit.server.state.log:
        assert "referer" not in {k.lower() for k in headers}


def test_the_workers_update_check_names_only_itself(visit: Visit):
    """Chromium's own update check of sw.js sends a Referer: the worker's own URL, nothing else."""
    page = visit.open_letter_page()
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
    fetched = len([p for _, p, _ in visit.server.state.log if p == "/sw.js"])
    page.goto(visit.server.origin + "/privacy/")  # a controlled navigation: a soft update follows
    deadline = time.monotonic() + 30
    while len([p for _, p, _ in visit.server.state.log if p == "/sw.js"]) == fetched:
        assert time.monotonic() < deadline, "the browser never checked sw.js for an update"
        page.wait_for_timeout(200)
    checks = [headers for _, p, headers in visit.server.state.log if p == "/sw.js"][fetched:]
    sent = {h.get("Referer", h.get("referer")) for h in checks}
    assert sent <= {visit.server.origin + "/sw.js", None}
    assert page_referrers(visit) == []
