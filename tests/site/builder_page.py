"""The "Set up your town" page as an organizer uses it: fields by their labels, the link it makes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import time

from playwright.sync_api import Locator, Page

from letter_py import campaign_link as cl
from letter_py import default_campaign

if TYPE_CHECKING:
    from tests.site.visits import Visit

PATH = "/setup/"
CAMPAIGN = default_campaign()
ENGINE_TIMEOUT_MS = 60_000


class BuilderPage:
    def __init__(self, page: Page) -> None:
        self.page = page

    @classmethod
    def open(cls, visit: Visit) -> BuilderPage:
        page = visit.open(PATH)
        page.wait_for_selector("[data-campaign-builder][data-engine='ready']", state="attached",
                               timeout=ENGINE_TIMEOUT_MS)
        return cls(page)

    def group(self, legend: str) -> Locator:
        return self.page.get_by_role("group", name=legend)

    def fill_town(self, *, organizer: str = "", city: str = "", state: str = "") -> None:
        town = self.group("1. Your town")
        town.get_by_label("Your name or your group's name (optional)").fill(organizer)
        town.get_by_label("Town or city").fill(city)
        town.get_by_label("State").fill(state)

    def fill_official(self, n: int, *, role: str, name: str, email: str = "", address: str = "") -> None:
        if n > 1 and self.page.locator("[data-rows='officials'] > [data-row]").count() < n:
            self.page.get_by_role("button", name="Add another official").click()
        official = self.group(f"Official {n}")
        official.get_by_label("Their role").select_option(label=role)
        official.get_by_label("Their full name").fill(name)
        official.get_by_label("Their email address (optional)").fill(email)
        official.get_by_label("Their postal address (optional)").fill(address)

    def fill_article(self, n: int, *, title: str, outlet: str = "", date: str = "", url: str = "") -> None:
        self.page.get_by_role("button", name="Add a news article").click()
        article = self.group(f"News article {n}")
        article.get_by_label("Headline").fill(title)
        article.get_by_label("Newspaper, website or station").fill(outlet)
        article.get_by_label("Date published (optional)").fill(date)
        article.get_by_label("Link").fill(url)

    @property
    def link_box(self) -> Locator:
        return self.page.get_by_label("Link to share")

    def wait_for_link(self, officials: int = 1, timeout_s: float = 20.0) -> str:
        """The link once letter_py has made it for what was typed, with this many officials."""
        deadline = time.monotonic() + timeout_s
        while True:
            link = self.link_box.input_value() if self.link_box.is_visible() else ""
            local, errors = cl.decode(link, CAMPAIGN) if link else (None, ["no link yet"])
            if not errors and len(local.officials) == officials and self.page.evaluate(
                    "!document.querySelector('[data-campaign-builder]').dataset.building"):
                return link
            if time.monotonic() > deadline:
                raise AssertionError(f"no link with {officials} officials: {link!r} {errors}")
            self.page.wait_for_timeout(50)
