"""One visitor of the built site: a fresh browser context that records every request.

Every context routes all requests through its visit's recorder before the
first navigation, so a request to any other origin is recorded (and blocked)
and fails the test that caused it, workers' requests included.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.sync_api import Browser, BrowserContext, Page, Route

from scripts.shared.static_server import StaticServer
from tests.site.letter_page import wait_for_engine


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

    def record(self, route: Route) -> None:
        """Let same-origin requests through; note and refuse every other one."""
        request = route.request
        url = request.url
        self.requests.append(url)
        if request.post_data_buffer:
            self.bodies.append(request.post_data_buffer)
        if url.startswith(self.server.origin + "/"):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()


def new_visit(browser: Browser, server: StaticServer, **options) -> Visit:
    """A visitor in a new context (``options`` go to ``browser.new_context``)."""
    context = browser.new_context(accept_downloads=True, **options)
    visit = Visit(context, server)
    context.route("**/*", visit.record)
    return visit
