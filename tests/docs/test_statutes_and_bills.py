"""The buyer offenses under their current names, and the bills before the General Assembly.

Extends the citations check (tests/docs/test_citations.py) after the second
fact-check, which found the pages still giving 720 ILCS 5/11-18 its pre-2025
title, "patronizing a prostitute".

* Statute titles. HB 4410 (103rd General Assembly, Sen. Karina Villa; signed,
  in force from 1 July 2025) replaced "prostitute" with "person engaged in the
  sex trade" throughout the state's laws (Capitol News Illinois via WTTW, 10
  January 2025; WCIA). A unit (paragraph, list item, table row: see
  test_citations) that names section 11-18 must give its current title, in
  English on the English pages and, as the glossary keeps law titles, in
  English on the Spanish ones too. No page may give an old title.
* Bills. Every bill of the 2025-2026 General Assembly a page names is listed
  in ``BILLS`` with its sponsor, from the source the page cites; a unit naming
  one must name that sponsor and cite a source, so a number and a name cannot
  drift apart.
* "Last checked". The section on what the General Assembly is considering
  says, in both languages, on what date it was last checked.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.docs.test_citations import DOCS, content_pages, has_link, prose_lines, split_units, REF_DEF_RE

# section -> its title since HB 4410 (lower case; compared case-insensitively)
CURRENT_TITLES = {
    "11-18": "patronizing a person engaged in the sex trade",
}
OLD_TITLES = (
    "patronizing a prostitute",
    "patronizing a minor engaged in prostitution",
    "soliciting for a prostitute",
)
SECTION_RE = re.compile(r"\b5/(\d+-\d+(?:\.\d+)?)\b")

# bills the pages describe -> sponsor's surname, and where that pairing was read
BILLS = {
    ("HB", 4410): "Villa",        # WCIA: "State Senator Karina Villa (D-West Chicago) sponsored the law"
    ("SB", 2391): "Villanueva",   # AVN: "Villanueva is a prime sponsor for SB 2391"
    ("HB", 3518): "Guzzardi",     # HB 3518 as introduced: "Introduced, by Rep. Will Guzzardi"
    ("HB", 5783): "Slaughter",    # Land of Kei, HB 5783: "Sponsor: Justin Slaughter"
}
BILL_RE = re.compile(r"\b(SB|HB)\s?0*(\d{1,4})\b")
# bills of earlier General Assemblies, which the citations check already ties to their ILGA pages
EARLIER = {("SB", 1037), ("HB", 6462), ("SB", 1872), ("SB", 3558), ("HB", 5278)}

LAST_CHECKED = {
    "why-buyers.md": ("## What the General Assembly is considering now", r"\*Last checked: (\d{1,2}) (\w+) (\d{4})\b"),
    "es/por-que-compradores.md": ("## Lo que está considerando ahora la Asamblea General",
                                  r"\*Última revisión: (\d{1,2}) de (\w+) de (\d{4})\b"),
}
MONTHS = {name: number for number, names in enumerate(
    [("january", "enero"), ("february", "febrero"), ("march", "marzo"), ("april", "abril"),
     ("may", "mayo"), ("june", "junio"), ("july", "julio"), ("august", "agosto"),
     ("september", "septiembre"), ("october", "octubre"), ("november", "noviembre"),
     ("december", "diciembre")], start=1) for name in names}


def units(text: str) -> list[tuple[int, str]]:
    return split_units(prose_lines(text))


def title_problems(text: str, page: str = "<string>") -> list[str]:
    problems = []
    for number, unit in units(text):
        flat = " ".join(unit.split()).lower()
        for old in OLD_TITLES:
            if old in flat:
                problems.append(f"{page}:{number}: gives the old title {old!r}")
        for section in set(SECTION_RE.findall(unit)):
            title = CURRENT_TITLES.get(section)
            if title and title not in flat.replace("*", ""):
                problems.append(f"{page}:{number}: names 720 ILCS 5/{section} without its title {title!r}")
    return problems


def bill_problems(text: str, page: str = "<string>") -> list[str]:
    ref_defs = {k.strip().lower(): v for k, v in REF_DEF_RE.findall(text)}
    problems = []
    for number, unit in units(text):
        flat = " ".join(unit.split())
        for kind, digits in set(BILL_RE.findall(flat)):
            bill = (kind, int(digits))
            if bill in EARLIER:
                continue
            sponsor = BILLS.get(bill)
            if sponsor is None:
                problems.append(f"{page}:{number}: names {kind} {int(digits)}, which BILLS does not list")
                continue
            if not re.search(rf"\b{re.escape(sponsor)}\b", flat):
                problems.append(f"{page}:{number}: names {kind} {int(digits)} without its sponsor ({sponsor})")
            if not has_link(unit, ref_defs):
                problems.append(f"{page}:{number}: names {kind} {int(digits)} without citing a source")
    return problems


def last_checked(text: str, heading: str, pattern: str) -> date | None:
    """The date the section under ``heading`` says it was last checked (None: it does not say)."""
    if heading not in text:
        return None
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    m = re.search(pattern, section)
    if not m or m.group(2).lower() not in MONTHS:
        return None
    return date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))


# --- the real pages ------------------------------------------------------------------

def on_every_page(check) -> list[str]:
    return [problem for page in content_pages()
            for problem in check(page.read_text(encoding="utf-8"), str(page.relative_to(DOCS.parent)))]


def test_every_page_gives_the_buyer_offenses_their_current_titles():
    problems = on_every_page(title_problems)
    assert not problems, "\n" + "\n".join(problems)


def test_both_editions_name_section_11_18_and_so_are_checked():
    for page in ("why-buyers.md", "es/por-que-compradores.md", "faq.md", "es/preguntas.md"):
        assert "5/11-18" in (DOCS / page).read_text(encoding="utf-8"), page


def test_every_bill_a_page_names_comes_with_its_sponsor_and_a_source():
    problems = on_every_page(bill_problems)
    assert not problems, "\n" + "\n".join(problems)


def test_every_listed_bill_is_on_both_editions():
    """A bill dropped from one language would leave its row here unchecked there."""
    for page in ("why-buyers.md", "es/por-que-compradores.md"):
        text = " ".join((DOCS / page).read_text(encoding="utf-8").split())
        named = {(k, int(n)) for k, n in BILL_RE.findall(text)}
        assert set(BILLS) <= named, f"{page} does not name {sorted(set(BILLS) - named)}"


@pytest.mark.parametrize("page", sorted(LAST_CHECKED))
def test_the_bills_section_says_when_it_was_last_checked(page):
    heading, pattern = LAST_CHECKED[page]
    checked = last_checked((DOCS / page).read_text(encoding="utf-8"), heading, pattern)
    assert checked is not None, f"{page}: no '{heading}' section with a last-checked date"
    assert date(2026, 1, 1) <= checked <= date.today()


def test_both_editions_were_checked_on_the_same_day():
    dates = {page: last_checked((DOCS / page).read_text(encoding="utf-8"), *spec)
             for page, spec in LAST_CHECKED.items()}
    assert len(set(dates.values())) == 1, dates


# --- the checks themselves -------------------------------------------------------------

LINK = "([WTTW](https://news.wttw.com/x))"


@pytest.mark.parametrize("text", [
    "Patronizing a prostitute ([720 ILCS 5/11-18](https://ilga.gov/x)).",
    "*patronizing a prostitute* (pagar por los servicios, [720 ILCS 5/11-18](https://ilga.gov/x)).",
    "Buying sex from anyone ([720 ILCS 5/11-18](https://ilga.gov/x)).",
    "And patronizing a minor engaged in\nprostitution (720 ILCS 5/11-18.1).",
], ids=["old title", "old title in Spanish", "no title", "old 11-18.1 title across lines"])
def test_an_old_or_missing_title_is_caught(text):
    assert title_problems(text + "\n")


@pytest.mark.parametrize("text", [
    "Patronizing a person engaged in the sex trade\n([720 ILCS 5/11-18](https://ilga.gov/x)).",
    "*patronizing a person engaged in the\nsex trade* (pagar por sexo, [720 ILCS 5/11-18](https://ilga.gov/x)).",
    "Paying for sex with anyone under 18 ([720 ILCS 5/11-18.1](https://ilga.gov/x)).",
    "Solicitation of a sexual act ([720 ILCS 5/11-14.1](https://ilga.gov/x)).",
])
def test_the_current_titles_pass(text):
    assert title_problems(text + "\n") == []


def test_the_title_must_be_in_the_same_unit():
    text = "Patronizing a person engaged in the sex trade.\n\nSee 720 ILCS 5/11-18.\n"
    assert len(title_problems(text)) == 1


@pytest.mark.parametrize(("text", "found"), [
    (f"SB 2391 (Sen. Celina Villanueva) would do this {LINK}.", 0),
    (f"SB 2391 (Sen. Celina Villa) would do this {LINK}.", 1),
    ("SB 2391 (Sen. Celina Villanueva) would do this.", 1),
    (f"SB 2392 (Sen. Celina Villanueva) would do this {LINK}.", 1),
    (f"- **La HB 5783** (del representante Justin Slaughter) ordenaría {LINK}.", 0),
    (f"In 2014, SB 3558 created the fund {LINK}.", 0),
], ids=["right", "wrong sponsor", "no source", "unlisted bill", "spanish list item", "earlier assembly"])
def test_the_bill_check(text, found):
    assert len(bill_problems(text + "\n")) == found


def test_last_checked_reads_both_languages_and_needs_the_section():
    english = "## What the General Assembly is considering now\n\n*Last checked: 7 December 2026, x.*\n"
    spanish = ("## Lo que está considerando ahora la Asamblea General\n\n"
               "*Última revisión: 7 de diciembre de 2026, x.*\n")
    assert last_checked(english, *LAST_CHECKED["why-buyers.md"]) == date(2026, 12, 7)
    assert last_checked(spanish, *LAST_CHECKED["es/por-que-compradores.md"]) == date(2026, 12, 7)
    assert last_checked("*Last checked: 7 December 2026.*\n", *LAST_CHECKED["why-buyers.md"]) is None
    moved = english.replace("*Last checked", "## Another section\n\n*Last checked")
    assert last_checked(moved, *LAST_CHECKED["why-buyers.md"]) is None
