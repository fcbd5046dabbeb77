"""The "Set up your town" page as an organizer uses it: fields by their labels, the link it makes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import time

from playwright.sync_api import Locator, Page

from letter_py import campaign_link as cl
from letter_py import default_campaign
from tests.site.editions import BUILDER_PATHS, LETTER_PATHS
from tests.strings import strings

if TYPE_CHECKING:
    from tests.site.visits import Visit

PATHS = BUILDER_PATHS  # the builder page of each edition
PATH = PATHS["en"]
# LETTER_PATHS (tests.site.editions): the letter page its links open
CAMPAIGN = default_campaign()
ENGINE_TIMEOUT_MS = 60_000


class BuilderPage:
    """One open builder page; ``lang`` is the page's language: its labels come from that table."""

    def __init__(self, page: Page, lang: str = "en") -> None:
        self.page = page
        self.lang = lang
        self.t = strings(lang)

    @classmethod
    def open(cls, visit: Visit, *, lang: str = "en") -> BuilderPage:
        page = visit.open(PATHS[lang])
        page.wait_for_selector("[data-campaign-builder][data-engine='ready']", state="attached",
                               timeout=ENGINE_TIMEOUT_MS)
        return cls(page, lang)

    def group(self, legend: str) -> Locator:
        return self.page.get_by_role("group", name=legend)

    def official(self, n: int) -> Locator:
        return self.group(f"{self.t['builder.official.legend']} {n}")

    def fill_town(self, *, organizer: str = "", city: str = "", state: str = "") -> None:
        t = self.t
        town = self.group(t["builder.about.heading"])
        town.get_by_label(t["builder.organizer.label"]).fill(organizer)
        town.get_by_label(t["builder.city.label"]).fill(city)
        town.get_by_label(t["builder.state.label"]).fill(state)

    def fill_official(self, n: int, *, role: str, name: str, email: str = "", address: str = "") -> None:
        t = self.t
        if n > 1 and self.page.locator("[data-rows='officials'] > [data-row]").count() < n:
            self.page.get_by_role("button", name=t["builder.official.add"]).click()
        official = self.official(n)
        official.get_by_label(t["builder.official.role"], exact=True).select_option(label=role)
        official.get_by_label(t["builder.official.name"], exact=True).fill(name)
        official.get_by_label(t["builder.official.email"]).fill(email)
        official.get_by_label(t["builder.official.address"]).fill(address)

    def fill_article(self, n: int, *, title: str, outlet: str = "", date: str = "", url: str = "") -> None:
        t = self.t
        self.page.get_by_role("button", name=t["builder.article.add"]).click()
        article = self.group(f"{t['builder.article.legend']} {n}")
        article.get_by_label(t["builder.article.title"]).fill(title)
        article.get_by_label(t["builder.article.outlet"]).fill(outlet)
        article.get_by_label(t["builder.article.date"]).fill(date)
        article.get_by_label(t["builder.article.url"], exact=True).fill(url)

    @property
    def link_box(self) -> Locator:
        return self.page.get_by_label(self.t["builder.link.label"])

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
