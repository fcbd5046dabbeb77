"""The "Write your letter" page as a visitor uses it: fields by their labels, letters by number.

Tests say what a visitor does (``letter.fill_sender(name="Sam Rivera")``) and
read what the visitor sees (``letter.preview_text()``); the labels and the
preview's markup are named here once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from playwright.sync_api import Locator, Page, expect

from tests.site.editions import LETTER_LANGUAGES, LETTER_PATHS
from tests.strings import plural, strings

if TYPE_CHECKING:
    from tests.site.visits import Visit

PATHS = LETTER_PATHS  # the letter page of each edition
PATH = PATHS["en"]
ENGINE_TIMEOUT_MS = 60_000  # generous: the product's own limit is tested separately

# The page's labels, by their keys in its string table (docs/strings/<lang>.json).
RECIPIENT_LABELS = {"role": "recipient.role", "name": "recipient.name", "email": "recipient.email",
                    "phone": "recipient.phone"}
SENDER_LABELS = {"name": "sender.name", "street": "sender.street", "city": "sender.city",
                 "state": "sender.state", "zip": "sender.zip", "email": "sender.email"}
COMMUNITY_LABELS = {"city": "community.city", "state": "community.state"}
LANGUAGE_NAMES = LETTER_LANGUAGES  # the letter language radios (letter_py's languages())
# Clicks reach the page's handler (on the letter app) first; this one, on the
# window, then stops the navigation, so no provider is ever contacted.
HOLD_NAVIGATION = """() => window.addEventListener('click', (e) => {
    if (e.target.closest('a[target=_blank], a[href^="mailto:"]')) e.preventDefault();
})"""


def wait_for_engine(page: Page) -> None:
    """Until Python is ready and its first letter is shown."""
    page.wait_for_selector("[data-letter-app][data-engine='ready']", state="attached",
                           timeout=ENGINE_TIMEOUT_MS)
    # The first render follows "ready" at once; wait for its actions to appear.
    page.wait_for_selector("[data-letter] [data-actions]:not([hidden])", state="attached")


class LetterPage:
    """One open letter page; ``page`` stays at hand for what a test checks beyond these.

    ``lang`` is the page's language: its labels come from that language's table.
    """

    def __init__(self, page: Page, lang: str = "en", table: dict[str, str] | None = None) -> None:
        self.page = page
        self.lang = lang
        self.t = strings(lang) if table is None else table  # another table: a made-up edition's

    @classmethod
    def open(cls, visit: Visit, path: str | None = None, *, lang: str = "en", engine: bool = True) -> LetterPage:
        """Open the page; with ``engine``, wait until Python has shown the first letter."""
        path = path or PATHS[lang]
        return cls(visit.open_letter_page(path) if engine else visit.open(path), lang)

    def plural(self, base: str, count: int, **values: object) -> str:
        """The page's words for ``count`` things (its plural(): the category of its language)."""
        return plural(self.t, self.lang, base, count, **values)

    def wait_for_engine(self) -> None:
        wait_for_engine(self.page)

    # ---- the form -------------------------------------------------------------

    def group(self, legend: str) -> Locator:
        """A fieldset, by its legend."""
        return self.page.get_by_role("group", name=legend)

    def recipient(self, n: int = 1) -> Locator:
        return self.group(self.t["recipient.legend"].format(number=n))

    @property
    def details(self) -> Locator:
        return self.group(self.t["section.sender"])

    @property
    def community(self) -> Locator:
        return self.group(self.t["section.town"])

    def _fill(self, scope: Locator, labels: Mapping[str, str], values: Mapping[str, str]) -> None:
        """Type each value into the field of ``scope`` whose label ``labels`` gives for its key."""
        for key, value in values.items():
            scope.get_by_label(self.t[labels[key]], exact=True).fill(value)

    def fill_recipient(self, n: int = 1, *, role: str | None = None, **values: str) -> None:
        """Choose recipient ``n``'s role by its visible name, then fill name, email and phone."""
        if role is not None:
            self.recipient(n).get_by_label(self.t[RECIPIENT_LABELS["role"]]).select_option(label=role)
        self._fill(self.recipient(n), RECIPIENT_LABELS, values)

    def greet(self, n: int, choice: str) -> None:
        """How a Spanish letter greets recipient ``n``: "neutral", "f" or "m" (its radio's label)."""
        self.recipient(n).get_by_role("group", name=self.t["recipient.gender"]) \
            .get_by_label(self.t[f"recipient.gender.{choice}"]).check()

    def choose_letter_language(self, lang: str) -> None:
        """The letter's language, by its radio: the language's own name ("English", "Español")."""
        self.group(self.t["lang.legend"]).get_by_label(LANGUAGE_NAMES[lang], exact=True).check()

    def fill_sender(self, **values: str) -> None:
        self._fill(self.details, SENDER_LABELS, values)

    def fill_community(self, **values: str) -> None:
        self._fill(self.community, COMMUNITY_LABELS, values)

    @property
    def town_field(self) -> Locator:
        """"Your town or city": the combobox over the directory's towns."""
        return self.page.get_by_role("combobox", name=self.t["community.city"])

    @property
    def town_suggestions(self) -> Locator:
        return self.page.get_by_role("listbox", name=self.t["town.list"]).get_by_role("option")

    def choose_town(self, name: str, typed: int = 4) -> None:
        """Type the first letters of a town, then choose it from the suggestions with the keyboard."""
        field = self.town_field
        field.focus()
        self.page.keyboard.type(name[:typed], delay=20)
        expect(self.town_suggestions.first).to_be_visible()
        names = self.town_suggestions.all_text_contents()
        assert name in names, (name, names)
        for _ in range(names.index(name) + 1):
            self.page.keyboard.press("ArrowDown")
        expect(self.town_suggestions.nth(names.index(name))).to_have_attribute("aria-selected", "true")
        self.page.keyboard.press("Enter")
        expect(self.page.locator("[data-town-result]")).to_be_visible()

    def fill_personal(self, text: str) -> None:
        self.page.get_by_label(self.t["personal.label"]).fill(text)

    @property
    def personal(self) -> Locator:
        """"In your own words": the visitor's own paragraph."""
        return self.page.get_by_label(self.t["personal.label"])

    @property
    def prompts(self) -> Locator:
        """The sentence starters by "In your own words" (own-words.js), as buttons."""
        return self.page.get_by_role("group", name=self.t["prompts.label"]).get_by_role("button")

    def press_prompt(self, n: int) -> None:
        """Press the ``n``-th starter (from 0): its text goes in at the caret."""
        self.prompts.nth(n).click()

    def caret(self) -> tuple[int, int]:
        """The own-words field's selection: ``(selectionStart, selectionEnd)``."""
        return tuple(self.personal.evaluate("el => [el.selectionStart, el.selectionEnd]"))

    @property
    def subject_field(self) -> Locator:
        return self.page.get_by_label(self.t["subject.label"], exact=True)

    def fill_subject(self, text: str) -> None:
        self.subject_field.fill(text)

    @property
    def nudge(self) -> Locator:
        """The gentle word by the send buttons while "In your own words" is empty."""
        return self.page.locator("[data-nudge]")

    def click(self, button: str) -> None:
        """Press the button with this accessible name (Copy letter, Download …, Try again),
        opening the first letter's "Other ways to send it" if that is where it is."""
        target = self.page.get_by_role("button", name=button)
        if not target.count():
            self.other_ways()
        target.click()

    def other_ways(self, index: int = 0) -> None:
        """Open a letter's "Other ways to send it" (webmail, downloads, copy subject and address)."""
        self.letter(index).locator(".lw-send-other").evaluate("details => { details.open = true; }")

    def problems_by_the_button(self, index: int = 0) -> Locator:
        """What the letter still needs, shown by its send buttons once one was pressed."""
        return self.letter(index).locator("[data-send-missing]")

    # ---- the preview ----------------------------------------------------------

    def letter(self, index: int = 0) -> Locator:
        """The ``index``-th letter of the preview, counted from 0 (one per recipient)."""
        return self.page.locator(f"[data-letter='{index}']")

    def preview(self, index: int = 0) -> Locator:
        """The email text of a letter, as shown."""
        return self.letter(index).locator("[data-email-text]")

    def preview_text(self, index: int = 0) -> str:
        return self.preview(index).text_content()

    def subject(self, index: int = 0) -> Locator:
        return self.letter(index).locator("[data-subject]")

    def wait_for_preview(self, needle: str, index: int = 0) -> None:
        """Until a letter's email text contains ``needle`` (the render has arrived)."""
        expect(self.preview(index)).to_contain_text(needle)
