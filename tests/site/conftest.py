"""Fixtures for the site tests: the real build, a real server, real Chromium.

Every visitor (tests/site/visits.py) has any request to another origin
recorded and blocked, and the fixtures fail the test that caused one. The
server's own access log is the second witness.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect, sync_playwright

from scripts.shared import chromium
from scripts.shared.static_server import StaticServer
from tests.site.site_build import Build, prebuilt_site, shared_build
from tests.site.visits import Visit, new_visit

# Assertions retry until this; a busy 2-core CI machine needs more than the 5 s default.
expect.set_options(timeout=10_000)


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    """The site under test: ``mkdocs build --strict`` into a fresh folder (one
    for all the run's workers), or the one ``TEST_SITE_DIR`` names."""
    return prebuilt_site() or shared_build(tmp_path_factory)


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
    if problem := chromium.missing("make test"):
        pytest.fail(problem)
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def visit(browser: Browser, server: StaticServer):
    """A fresh visitor; the test fails if anything reached another origin."""
    visit = new_visit(browser, server)
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
        visits.append(new_visit(browser, server, **options))
        return visits[-1]

    yield factory
    for v in visits:
        v.context.close()
        assert v.foreign == [], f"requests to other origins: {v.foreign}"
