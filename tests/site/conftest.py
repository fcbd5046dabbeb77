"""Fixtures for the site tests: the real build, a real server, real Chromium.

Every browser context routes all requests through :func:`_route` before the
first navigation, so a request to any other origin is recorded (and blocked)
and fails the test that caused it, workers' requests included. The server's
own access log is the second witness.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from static_server import Fault, StaticServer  # noqa: E402

from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

ENGINE_TIMEOUT_MS = 60_000  # generous: the product's own limit is tested separately
# Assertions retry until this; a busy 2-core CI machine needs more than the 5 s default.
expect.set_options(timeout=10_000)


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    """``mkdocs build --strict`` into a fresh folder, exactly as ``make site`` does.

    ``TEST_SITE_DIR=site`` tests an already built site instead (quicker while
    working on the tests themselves).
    """
    prebuilt = os.environ.get("TEST_SITE_DIR")
    if prebuilt:
        return Build(0, "", Path(prebuilt).resolve())
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True,
    )
    return Build(result.returncode, result.stdout + result.stderr, out)


@pytest.fixture(scope="session")
def site(build: Build) -> Path:
    if build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{build.output}")
    return build.site


@pytest.fixture(scope="session")
def _server(site: Path):
    with StaticServer(site) as server:
        yield server


@pytest.fixture
def server(_server: StaticServer) -> StaticServer:
    """The site's server, with an empty access log and no faults."""
    _server.state.faults.clear()
    with _server.state.lock:
        _server.state.log.clear()
    yield _server
    _server.state.faults.clear()


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Visit:
    """One visitor: a fresh browser context and every request it made."""

    context: BrowserContext
    server: StaticServer
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    bodies: list[bytes] = field(default_factory=list)

    def page(self) -> Page:
        page = self.context.new_page()
        page.set_default_timeout(20_000)
        return page

    def open(self, path: str = "/") -> Page:
        page = self.page()
        page.goto(self.server.origin + path)
        return page

    def open_letter_page(self, path: str = "/write/") -> Page:
        page = self.open(path)
        wait_for_engine(page)
        return page


def wait_for_engine(page: Page) -> None:
    page.wait_for_selector("[data-letter-app][data-engine='ready']", state="attached",
                           timeout=ENGINE_TIMEOUT_MS)
    # The first render follows "ready" at once; wait for its actions to appear.
    page.wait_for_selector("[data-letter] [data-actions]:not([hidden])", state="attached")


def _make_visit(browser: Browser, server: StaticServer, **options) -> Visit:
    context = browser.new_context(accept_downloads=True, **options)
    visit = Visit(context, server)

    def _route(route):
        request = route.request
        url = request.url
        visit.requests.append(url)
        if request.post_data_buffer:
            visit.bodies.append(request.post_data_buffer)
        if url.startswith(server.origin + "/"):
            route.continue_()
        else:
            visit.foreign.append(url)
            route.abort()

    context.route("**/*", _route)
    return visit


@pytest.fixture
def visit(browser: Browser, server: StaticServer):
    """A fresh visitor; the test fails if anything reached another origin."""
    visit = _make_visit(browser, server)
    visit.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.origin)
    yield visit
    visit.context.close()
    assert visit.foreign == [], f"requests to other origins: {visit.foreign}"
    assert all(path.startswith("/") for path in server.state.paths())


@pytest.fixture
def make_visit(browser: Browser, server: StaticServer):
    """Build visitors with custom context options (JavaScript off, a phone screen)."""
    visits: list[Visit] = []

    def factory(**options) -> Visit:
        visits.append(_make_visit(browser, server, **options))
        return visits[-1]

    yield factory
    for v in visits:
        v.context.close()
        assert v.foreign == [], f"requests to other origins: {v.foreign}"


__all__ = ["Fault", "Visit", "wait_for_engine"]
