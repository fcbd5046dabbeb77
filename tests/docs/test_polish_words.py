"""The Polish glossary's choices, held where the visitor reads them.

``letter_py/locale/pl/GLOSSARY.md`` says why: person-first words for people in
prostitution, one verb for pressing (*naciśnij*), *e-mail* (not *mejl*), no
calques, the law's current title, and never a gendered past tense or
conditional about the visitor, whose gender we do not know (*wysłałeś* /
*wysłałaś* tells a reader the site guessed). The interface (string table,
message catalogue, letter templates) and the pages are held to every rule, and
the string table uses the labels the glossary lists, which the pages quote.
"""

from __future__ import annotations

from tests.docs import glossary_rules
from tests.docs.glossary_rules import breaches, interface_texts, page_texts
from tests.paths import ROOT
from tests.strings import strings

GLOSSARY = ROOT / "letter_py" / "locale" / "pl" / "GLOSSARY.md"
PAGES = glossary_rules.pages("pl")

EVERYWHERE = {
    r"\bprostytut(?:k|ek)\w*": "osoby w prostytucji / osoby prostytuowane (person-first)",
    r"\bklik\w*|\bkliknąć\b|\bkliknij\w*": "naciśnij (one verb for pressing)",
    r"\bmejl\w*": "e-mail",
    r"\baplikowa\w*|\bzaadresowa\w+ problem\w*": "a Polish word, not a calque",
    r"\bpatronizing a prostitute\b": "patronizing a person engaged in the sex trade (HB 4410, 2025)",
    r"\bhrabstw\w*": "powiat (a US county, as the glossary says)",
}
# The visitor's gender is unknown: no gendered second-person past or conditional.
ABOUT_THE_VISITOR = {
    r"\b\w+(?:łeś|łaś|łbyś|łabyś)\b": "a form without gender (present, impersonal, a noun phrase)",
}


def test_the_interface_keeps_the_glossary():
    problems = breaches(interface_texts("pl"), EVERYWHERE | ABOUT_THE_VISITOR, prose_only=True)
    assert not problems, "\n" + "\n".join(problems)


def test_the_pages_keep_the_glossary():
    problems = breaches(page_texts("pl"), EVERYWHERE | ABOUT_THE_VISITOR, prose_only=True)
    assert not problems, "\n" + "\n".join(problems)


def test_the_rules_catch_what_they_name():
    """Each rule finds its own example, so a broken pattern cannot pass in silence."""
    examples = [("x", "Kliknij przycisk"), ("x", "Wysłałeś list?"), ("x", "Napisałabyś"),
                ("x", "prostytutki"), ("x", "wyślij mejla"), ("x", "patronizing a prostitute")]
    assert len(breaches(examples, EVERYWHERE | ABOUT_THE_VISITOR)) == len(examples)
    assert not breaches([("x", "Naciśnij przycisk. List został wysłany. Wyślij e-mail.")],
                        EVERYWHERE | ABOUT_THE_VISITOR)


def glossary_labels() -> list[tuple[str, str]]:
    """The rows of the glossary's "Interface labels" table: (English, Polish)."""
    section = GLOSSARY.read_text(encoding="utf-8").split("## Interface labels", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 2 and cells[0] not in ("English label", "---"):
            rows.append((cells[0], cells[1]))
    return rows


def test_the_string_table_uses_the_glossarys_labels():
    english, polish = strings("en"), strings("pl")
    checked, wrong = 0, []
    for en_label, pl_label in glossary_labels():
        for key in (k for k, v in english.items() if v == en_label):
            checked += 1
            if polish.get(key) != pl_label:
                wrong.append(f"{key}: pl.json says {polish.get(key)!r}, the glossary {pl_label!r}")
    assert not wrong, "\n" + "\n".join(wrong)
    assert checked >= 10, f"only {checked} of the glossary's labels are strings of en.json"


def test_everything_is_read():
    """Not satisfied by reading nothing: the table, the catalogue, the templates and the pages."""
    kinds = {where.split(":")[0].split("/")[0] for where, _ in interface_texts("pl") + page_texts("pl")}
    assert {"pl.json", "letter_py.po", "letter_py", "docs"} <= kinds
    assert len(PAGES) >= 11
