"""The greeting by the recipient's name, and the surname a visitor corrects, in Chromium.

The hint says what letter_py wrote ("The letter will say: Dear Mayor Van
Dusen,"); the correction is letter_py's recipients.N.family_name, a field of
the form like any other, so every output follows it. Both languages; axe and
the Nu checker with the hint shown and the correction open.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Locator, expect

from letter_py.names import surname
from tests.site import directory_towns, standards
from tests.site.axe import axe_violations, with_axe
from tests.site.editions import LANGS
from tests.site.letter_page import LetterPage
from tests.site.visitor import role_label
from tests.site.visits import Visit


def greeting(letter: LetterPage, n: int = 1) -> Locator:
    return letter.recipient(n).locator("[data-greeting]")


def correct_surname(letter: LetterPage, value: str, n: int = 1) -> None:
    """Open "Change the surname in the greeting" and type the surname."""
    recipient = letter.recipient(n)
    recipient.get_by_text(letter.t["recipient.familyName.summary"]).click()
    recipient.get_by_label(letter.t["recipient.familyName"]).fill(value)


def says(letter: LetterPage, salutation: str) -> str:
    return letter.t["recipient.greeting"].format(greeting=salutation)


def webmail_body(letter: LetterPage, provider: str) -> str:
    href = letter.letter().locator(f"[data-provider={provider}]").get_attribute("href")
    return parse_qs(urlsplit(href).query)["body"][0]


def test_a_name_with_a_particle_the_hint_and_the_preview_agree(visit: Visit):
    letter = LetterPage.open(visit)
    letter.fill_recipient(role="Mayor", name="Maria de la Cruz")
    expect(greeting(letter)).to_have_text(says(letter, "Dear Mayor de la Cruz,"))
    expect(greeting(letter)).to_be_visible()
    letter.wait_for_preview("Dear Mayor de la Cruz,")
    letter.fill_recipient(role="Police Chief", name="Martin O'Brien Jr.")
    expect(greeting(letter)).to_have_text(says(letter, "Dear Chief O'Brien,"))
    letter.wait_for_preview("Dear Chief O'Brien,")


def test_a_town_whose_mayor_has_a_particle(visit: Visit, site: Path):
    towns = directory_towns.load(site)["towns"]
    found = [(t, o) for t in towns for o in t.get("officials", ()) if o["role"] == "mayor" and o.get("name")
             and len(surname(o["name"], o.get("family_name", "")).split()) > 1
             and sum(x["name"] == t["name"] for x in towns) == 1]
    assert found, "the directory has no mayor whose surname has a particle (Skokie's George Van Dusen had)"
    town, mayor = found[0]
    letter = LetterPage.open(visit)
    letter.choose_town(town["name"])
    expected = f"Dear Mayor {surname(mayor['name'], mayor.get('family_name', ''))},"
    expect(greeting(letter)).to_have_text(says(letter, expected))
    letter.wait_for_preview(expected)


def test_a_corrected_surname_reaches_every_output(visit: Visit):
    letter = LetterPage.open(visit)
    page, t = letter.page, letter.t
    letter.fill_recipient(role="Mayor", name="Eileen O'Neill Burke", email="mayor@example.gov")
    expect(greeting(letter)).to_have_text(says(letter, "Dear Mayor Burke,"))
    correct_surname(letter, "O'Neill Burke")
    expect(greeting(letter)).to_have_text(says(letter, "Dear Mayor O'Neill Burke,"))
    letter.wait_for_preview("Dear Mayor O'Neill Burke,")
    expect(letter.letter().locator("[data-letter-html] .letter-salutation")).to_have_text("Dear Mayor O'Neill Burke,")
    for provider in ("gmail", "outlook", "office"):
        assert webmail_body(letter, provider).startswith("Dear Mayor O'Neill Burke,\n"), provider
    mailto = letter.letter().locator("[data-action=email]").get_attribute("href")
    assert "Dear%20Mayor%20Burke" not in mailto
    # The reminder names them the same way; nothing says the surname the name alone gave.
    assert "Dear Mayor Burke," not in letter.preview_text()
    # Emptied, the greeting takes the surname from the name again.
    letter.recipient(1).get_by_label(t["recipient.familyName"]).fill("")
    expect(greeting(letter)).to_have_text(says(letter, "Dear Mayor Burke,"))
    expect(page.locator("#recipients-0-family_name-error")).to_be_hidden()


def test_a_surname_too_long_opens_its_field_with_the_message(visit: Visit):
    letter = LetterPage.open(visit)
    letter.fill_recipient(role="Mayor", name="Ann Wu")
    correct_surname(letter, "x" * 101)
    letter.recipient(1).locator("summary").click()  # closed again by the visitor
    letter.click(letter.t["action.copy"])  # an action shows the problems
    expect(letter.recipient(1).locator("details[data-family-name]")).to_have_attribute("open", "")
    error = letter.page.locator("#recipients-0-family_name-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("100")


def test_the_spanish_page_keeps_the_full_name_until_the_visitor_changes_it(visit: Visit):
    letter = LetterPage.open(visit, lang="es")
    page, t = letter.page, letter.t
    letter.fill_recipient(role=role_label("es"), name="María López García")
    letter.greet(1, "f")
    expect(greeting(letter)).to_have_text(says(letter, "Estimada alcaldesa María López García:"))
    heading = page.locator("[data-letter='0'] .lw-letter-heading")
    expect(heading).to_have_text("Para: Alcaldesa María López García")
    correct_surname(letter, "López")
    expect(greeting(letter)).to_have_text(says(letter, "Estimada alcaldesa María López:"))
    letter.wait_for_preview("Estimada alcaldesa María López:")
    assert webmail_body(letter, "gmail").startswith("Estimada alcaldesa María López:\n")
    # A title the visitor types: a capital in the address block, lower case in the greeting.
    letter.recipient(1).get_by_label(t["recipient.role"]).select_option(label=role_label("es", "other"))
    letter.recipient(1).get_by_label(t["recipient.title"]).fill("Concejala")
    expect(greeting(letter)).to_have_text(says(letter, "Estimada concejala María López:"))
    expect(heading).to_have_text("Para: Concejala María López García")


@pytest.mark.parametrize("lang", LANGS)
def test_axe_and_the_nu_checker_with_the_greeting_and_the_surname_open(make_visit, tmp_path: Path, lang: str):
    visit = with_axe(make_visit(service_workers="block"))
    letter = LetterPage.open(visit, lang=lang)
    letter.fill_recipient(role=role_label(lang), name="George Van Dusen")
    correct_surname(letter, "Van Dusen")
    expect(greeting(letter)).to_be_visible()
    assert axe_violations(letter.page, f"greeting shown [{lang}]") == []
    html = tmp_path / f"greeting-{lang}.html"
    html.write_text("<!doctype html>\n" + letter.page.evaluate("document.documentElement.outerHTML"),
                    encoding="utf-8")
    assert standards.nu_errors([html]) == []
