"""Every statistic on the site must cite its source in the same paragraph.

The check reads every ``docs/**/*.md`` page (except ``docs/overrides/``, which
holds theme templates, not content) and fails when a *unit* states a
percentage (``87%``, ``87 %``, ``87 percent``, ``87 per cent``, ``87 por
ciento``) or a dollar figure (``$1,000``, ``\\$1,000``, ``US$1,000``, ``1,000
dollars``, ``1,000 dólares``, ``5 millones de dólares``) without a citation
link in that same unit. The Spanish edition (``docs/es/``) is checked the
same way, and must cite exactly the sources its English page cites (see
"Translations" below).

What counts as a unit ("paragraph")
-----------------------------------
* Text is first split on blank lines, like Markdown paragraphs.
* Inside such a block, **each list item** (``-``, ``*``, ``+`` or ``1.``, at
  any indentation, together with its continuation lines) and **each table
  row** (a line starting with ``|``) is its own unit, and so are the lines
  before the first item or row. A list or table is where statistics are most
  often lined up, and a reader (or a screenshot) often sees one item or one
  row alone, so a single citation at the top or bottom of the list is not
  enough: each item or row must carry its own link or footnote reference.
* A footnote definition (``[^id]: ...``) is also a unit: a footnote that
  states a figure must itself link to its source.
* Headings are units too (a figure in a heading needs a citation there).

What counts as a citation
-------------------------
* an inline Markdown link to an ``http(s)://`` URL: ``[text](https://...)``;
* an autolink ``<https://...>``;
* a reference-style link ``[text][ref]`` whose ``[ref]: https://...``
  definition is in the same file;
* an HTML link ``<a href="https://...">`` (pages may use ``md_in_html``);
* a footnote reference ``[^id]`` whose definition contains one of the above.

What is ignored
---------------
Fenced code blocks (````` ``` ````` or ``~~~``, also indented inside
admonitions or lists), inline code spans, HTML comments, YAML front matter and
the URLs of links themselves (``%28`` in a DOI is not a percentage). Code
examples, such as the reference page's, may therefore contain ``$`` freely.

Translations
------------
Every page under ``docs/es/`` names its English page in its front matter
(``translation_of: why-buyers.md``); every English page has exactly one
Spanish page, and the set of external (``http(s)://``) link targets outside
code blocks is the same on both, so a translation can neither drop nor add a
source. The same claim must also cite the same sources: the units (see
above) that carry external links, in page order, cite the same set of
sources one for one, so a source cannot move to another claim either. A
translation that must differ says so in its front matter
(``citations_differ: <why>``); then only the page-wide check applies.

Illinois General Assembly links
-------------------------------
Every ``ilga.gov`` link that points at a bill (``.../legislation/97/SB/
09700SB1037.htm`` or ``BillStatus.asp?DocNum=1037&DocTypeID=SB&GA=97``), a
Public Act (``publicacts/97/097-0897.htm``) or a section of the statutes
(``fulltext?DocName=072000050K11-18.1``) must cite what the same sentence
names: ``SB 1037`` / ``Senate Bill 1037``, ``Public Act 97-0897``, ``720 ILCS
5/11-18.1`` (in the sentence's text or the link's own text). A law the
sentence names by title (``NAMED_ACTS``, with the source that ties the title
to its bill) must be given its own bill number and General Assembly, so
"the Justice for Victims of Sex Trafficking Crimes Act (SB 2191)" fails
whatever it links to. A sentence ends at ``.``, ``!`` or ``?`` followed by a
capital letter (links are masked first, so a URL's dots end nothing).

Run with ``/work/main/.venv/bin/pytest tests/docs -q``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
import yaml

DOCS = Path(__file__).resolve().parents[2] / "docs"
SKIP_DIRS = {"overrides"}
# language -> folder of its pages: every edition's (docs/es/, docs/pl/ as it lands), a
# subfolder of docs/ named by its two-letter code, as tests/docs/test_translations.py finds them.
TRANSLATIONS = {path.name: path for path in sorted(DOCS.iterdir())
                if path.is_dir() and path.name.isalpha() and len(path.name) == 2}

# --- what a figure looks like ------------------------------------------------
PERCENT_RE = re.compile(
    r"(?<![\w.])\d+(?:[.,]\d+)?\s?(?:%|percent\b|per\s+cent\b|por\s+ciento\b|procent\w*)", re.IGNORECASE
)
DOLLAR_RE = re.compile(
    r"(?:\\?\$\s?\d[\d,]*(?:\.\d+)?)|(?:(?<![\w.])\d[\d,]*(?:\.\d+)?\s+dollars\b)"
    # Spanish: "US$ 1,000" (the "$" form above already matches "US$1,000"),
    # "1,000 dólares", "1.000 dólares", "5 mil dólares", "2 millones de dólares"
    r"|(?:\bUS\$\s*\d)"
    r"|(?:(?<![\w.])\d[\d,.]*(?:\s+(?:mil|millones?\s+de))?\s+d[óo]lares\b)"
    # Polish: "1000 dolarów", "10 000 dolarów" (a space groups thousands), "5 tys. dolarów", "2 mln dolarów"
    r"|(?:(?<![\w.])\d(?:[\d,.]|[ \u00a0]\d{3}\b)*(?:\s+(?:tys\.|mln|mld))?\s+dolar\w*)",
    re.IGNORECASE,
)

# --- what a citation looks like ----------------------------------------------
INLINE_LINK_RE = re.compile(r"\]\(\s*<?https?://[^)\s>]+>?(?:\s+\"[^\"]*\")?\s*\)")
AUTOLINK_RE = re.compile(r"<https?://[^>\s]+>")
HTML_LINK_RE = re.compile(r"<a\s[^>]*href\s*=\s*[\"']https?://", re.IGNORECASE)
REF_LINK_RE = re.compile(r"\[[^\]]+\]\[([^\]^][^\]]*)\]")
REF_DEF_RE = re.compile(r"^\s{0,3}\[([^\]^][^\]]*)\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
FOOTNOTE_REF_RE = re.compile(r"\[\^([^\]]+)\](?!:)")
FOOTNOTE_DEF_START_RE = re.compile(r"^\s{0,3}\[\^([^\]]+)\]:\s?(.*)$")

# --- what is stripped before looking for figures ----------------------------
FENCE_RE = re.compile(r"^(\s*)(`{3,}|~{3,})")
INLINE_CODE_RE = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
LINK_TARGET_RE = re.compile(r"\]\([^)]*\)")
URL_RE = re.compile(r"(?:https?://|mailto:|tel:|sms:)\S+")
HREF_RE = re.compile(r"href\s*=\s*([\"']).*?\1", re.IGNORECASE)

# --- what a cited source looks like (for comparing translations) ------------
EXTERNAL_TARGET_RE = re.compile(
    r"\]\(\s*<?(https?://[^)\s>]+)"                      # [text](https://...)
    r"|<(?!a\s)(https?://[^>\s]+)>"                        # <https://...>
    r"|<a\s[^>]*href\s*=\s*[\"'](https?://[^\"']+)",      # <a href="https://...">
    re.IGNORECASE,
)

LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")
TABLE_ROW_RE = re.compile(r"^\s*\|")


@dataclass
class Problem:
    page: str
    line: int
    text: str

    def __str__(self) -> str:
        short = " ".join(self.text.split())
        if len(short) > 160:
            short = short[:157] + "..."
        return f"{self.page}:{self.line}: figure without a citation link: {short}"


def strip_front_matter(lines: list[str]) -> list[str]:
    """Blank out a leading YAML front-matter block (keeps line numbers)."""
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in {"---", "..."}:
                return [""] * (i + 1) + lines[i + 1 :]
    return lines


def blank_code_fences(lines: list[str]) -> list[str]:
    """Replace fenced code blocks by empty lines (keeps line numbers)."""
    out: list[str] = []
    fence: str | None = None
    for line in lines:
        m = FENCE_RE.match(line)
        if fence is None:
            if m:
                fence = m.group(2)
                out.append("")
            else:
                out.append(line)
        else:
            if m and m.group(2)[0] == fence[0] and len(m.group(2)) >= len(fence) \
                    and line.strip() == m.group(2):
                fence = None
            out.append("")
    return out


def footnote_definitions(lines: list[str]) -> dict[str, tuple[int, str]]:
    """Map footnote id -> (first line number, full text of the definition)."""
    defs: dict[str, tuple[int, str]] = {}
    i = 0
    while i < len(lines):
        m = FOOTNOTE_DEF_START_RE.match(lines[i])
        if not m:
            i += 1
            continue
        fid, start, body = m.group(1), i, [m.group(2)]
        i += 1
        while i < len(lines):
            line = lines[i]
            if line.strip() == "":
                # a blank line continues the footnote only if indented text follows
                j = i
                while j < len(lines) and lines[j].strip() == "":
                    j += 1
                if j < len(lines) and lines[j].startswith(("    ", "\t")):
                    body.extend(lines[i:j])
                    i = j
                    continue
                break
            if FOOTNOTE_DEF_START_RE.match(line):
                break
            body.append(line)
            i += 1
        defs[fid] = (start + 1, "\n".join(body))
    return defs


def split_units(lines: list[str]) -> list[tuple[int, str]]:
    """Split a page into (line number, text) units; see the module docstring."""
    units: list[tuple[int, str]] = []
    block: list[tuple[int, str]] = []

    def flush_block() -> None:
        current: list[tuple[int, str]] = []
        for number, line in block:
            starts_unit = LIST_ITEM_RE.match(line) or TABLE_ROW_RE.match(line) \
                or FOOTNOTE_DEF_START_RE.match(line)
            # a table row never continues onto the next line
            prev_is_row = bool(current) and TABLE_ROW_RE.match(current[-1][1])
            if (starts_unit or prev_is_row) and current:
                units.append((current[0][0], "\n".join(t for _, t in current)))
                current = []
            current.append((number, line))
        if current:
            units.append((current[0][0], "\n".join(t for _, t in current)))
        block.clear()

    for number, line in enumerate(lines, start=1):
        if line.strip() == "":
            flush_block()
        elif line.lstrip().startswith("#") and re.match(r"^\s*#{1,6}\s", line):
            flush_block()
            units.append((number, line))
        else:
            block.append((number, line))
    flush_block()
    return units


def has_link(text: str, ref_defs: dict[str, str]) -> bool:
    if INLINE_LINK_RE.search(text) or AUTOLINK_RE.search(text) or HTML_LINK_RE.search(text):
        return True
    for ref in REF_LINK_RE.findall(text):
        target = ref_defs.get(ref.strip().lower(), "")
        if target.startswith(("http://", "https://")):
            return True
    return False


def figures_in(text: str) -> list[str]:
    """Figures in prose, after removing code spans, comments and URLs."""
    prose = INLINE_CODE_RE.sub(" ", text)
    prose = HTML_COMMENT_RE.sub(" ", prose)
    prose = LINK_TARGET_RE.sub("] ", prose)
    prose = HREF_RE.sub(" ", prose)
    prose = AUTOLINK_RE.sub(" ", prose)
    prose = URL_RE.sub(" ", prose)
    return PERCENT_RE.findall(prose) + DOLLAR_RE.findall(prose)


def prose_lines(text: str) -> list[str]:
    """The page's lines with comments, front matter and fenced code blanked (numbers kept)."""
    text = HTML_COMMENT_RE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return blank_code_fences(strip_front_matter(text.splitlines()))


def check_markdown(text: str, page: str = "<string>") -> list[Problem]:
    """Return one Problem per unit that states a figure without a citation."""
    lines = prose_lines(text)
    ref_defs = {k.strip().lower(): v for k, v in REF_DEF_RE.findall("\n".join(lines))}
    footnotes = footnote_definitions(lines)

    def cited(unit: str) -> bool:
        if has_link(unit, ref_defs):
            return True
        for fid in FOOTNOTE_REF_RE.findall(unit):
            definition = footnotes.get(fid)
            if definition and has_link(definition[1], ref_defs):
                return True
        return False

    problems: list[Problem] = []
    for number, unit in split_units(lines):
        if figures_in(unit) and not cited(unit):
            problems.append(Problem(page, number, unit))
    return problems


def external_links(text: str) -> set[str]:
    """The http(s) link targets of a page, outside front matter, code and comments."""
    text = HTML_COMMENT_RE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    prose = INLINE_CODE_RE.sub(" ", "\n".join(blank_code_fences(strip_front_matter(text.splitlines()))))
    found = {next(g for g in m.groups() if g) for m in EXTERNAL_TARGET_RE.finditer(prose)}
    found |= {target for _, target in REF_DEF_RE.findall(prose) if target.startswith(("http://", "https://"))}
    return found


def front_matter(text: str) -> dict:
    """The page's YAML front matter, or {} when it has none."""
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in {"---", "..."}:
                return yaml.safe_load("\n".join(lines[1:i])) or {}
    return {}


# --- the same claim, the same sources -------------------------------------------

def cited_units(text: str) -> list[tuple[int, frozenset[str]]]:
    """(line, external sources) of every unit that cites one, in page order."""
    lines = prose_lines(text)
    units = ((number, external_links(unit)) for number, unit in split_units(lines))
    return [(number, frozenset(links)) for number, links in units if links]


def compare_claims(original: str, translation: str) -> list[str]:
    """Where the two pages' cited units stop matching one for one (empty: they match).

    Each message names the lines on both pages, so a moved, dropped or added
    source is found by looking, not by counting paragraphs."""
    ours, theirs = cited_units(translation), cited_units(original)
    matcher = difflib.SequenceMatcher(a=[s for _, s in theirs], b=[s for _, s in ours],
                                      autojunk=False)
    problems = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            original_unit = theirs[i1 + k] if i1 + k < i2 else None
            translated_unit = ours[j1 + k] if j1 + k < j2 else None
            where = (f"original line {original_unit[0] if original_unit else '-'}, "
                     f"translation line {translated_unit[0] if translated_unit else '-'}")
            cites = sorted(original_unit[1]) if original_unit else []
            cited = sorted(translated_unit[1]) if translated_unit else []
            problems.append(f"{where}: the original cites {cites}, the translation {cited}")
    return problems


# --- Illinois General Assembly links -----------------------------------------------

@dataclass(frozen=True)
class Bill:
    kind: str          # "SB" or "HB"
    number: int
    assembly: int | None = None   # the General Assembly (97 = 2011-2012), when known

    def __str__(self) -> str:
        where = f" ({self.assembly}th General Assembly)" if self.assembly else ""
        return f"{self.kind} {self.number}{where}"

    def same_bill(self, other: "Bill") -> bool:
        return (self.kind, self.number) == (other.kind, other.number)


# Laws the pages name by title, with the bill that enacted them and the source
# that says so. A sentence naming one of these cites that bill or no ILGA bill.
NAMED_ACTS: dict[str, Bill] = {
    # Governor's press release, 6 August 2011 (illinois.gov/news/press-release.9606)
    "Justice for Victims of Sex Trafficking Crimes Act": Bill("SB", 1037, 97),
    # ILGA, enrolled HB 6462 of the 96th General Assembly; signed 20 August 2010
    "Safe Children Act": Bill("HB", 6462, 96),
}

LINK_WITH_TARGET_RE = re.compile(
    r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
SENTENCE_END_RE = re.compile(                  # ". The", ".** The", ".) (¿Qué", '." Él'
    r"(?<=[.!?])[*_\"\u201d\u2019)]*\s+"
    r"(?=[*_\"\u201c(\[\u00bf\u00a1]*[A-Z\u00c1\u00c9\u00cd\u00d3\u00da\u00d1])")
BILL_RE = re.compile(r"\b(?:(SB|HB)\s?0*(\d{1,4})|(Senate|House)\s+Bill\s+0*(\d{1,4}))\b")
PUBLIC_ACT_RE = re.compile(r"\bPublic\s+Act\s+0*(\d{2,3})-0*(\d{1,4})\b")
ILCS_RE = re.compile(r"\b0*(\d{1,4})\s+ILCS\s+0*(\d{1,4})/([\d.\-]*\d)")
BILL_PATH_RE = re.compile(r"/legislation/0*(\d+)/(?:SB|HB)/\d*(SB|HB)0*(\d+)", re.IGNORECASE)
PUBLIC_ACT_PATH_RE = re.compile(r"/publicacts/(?:[^/]+/)*?0*(\d+)-0*(\d+)\.html?$", re.IGNORECASE)
ILCS_DOC_RE = re.compile(r"^0*(\d+?)(\d{4})0K(.+)$")


def sentences(unit: str) -> list[tuple[str, list[str]]]:
    """A unit's sentences, each as (text with link targets removed, its link targets)."""
    targets: list[str] = []

    def mask(m: re.Match) -> str:
        targets.append(m.group(2))
        return f"[{m.group(1)}]\x00{len(targets) - 1}\x00"

    masked = LINK_WITH_TARGET_RE.sub(mask, INLINE_CODE_RE.sub(" ", unit))
    out = []
    for sentence in SENTENCE_END_RE.split(masked):
        found = [targets[int(i)] for i in re.findall(r"\x00(\d+)\x00", sentence)]
        out.append((re.sub(r"\x00\d+\x00", "", sentence), found))
    return out


def ilga_reference(url: str) -> tuple[str, object] | None:
    """What an ilga.gov link points at: ("bill", Bill), ("public act", (97, 897)),
    ("ilcs", (720, 5, "11-18.1")); None for any other link (ilga.gov's home page too)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host != "ilga.gov" and not host.endswith(".ilga.gov"):
        return None
    query = {k.lower(): v for k, v in parse_qsl(parts.query)}
    if m := BILL_PATH_RE.search(parts.path):
        return "bill", Bill(m.group(2).upper(), int(m.group(3)), int(m.group(1)))
    if query.get("docnum") and query.get("doctypeid", "").upper() in {"SB", "HB"}:
        assembly = int(query["ga"]) if query.get("ga", "").isdigit() else None
        return "bill", Bill(query["doctypeid"].upper(), int(query["docnum"]), assembly)
    if m := PUBLIC_ACT_PATH_RE.search(parts.path):
        return "public act", (int(m.group(1)), int(m.group(2)))
    if m := ILCS_DOC_RE.match(query.get("docname", "")):
        return "ilcs", (int(m.group(1)), int(m.group(2)), m.group(3))
    return None


def bills_named(text: str) -> list[Bill]:
    found = []
    for m in BILL_RE.finditer(text):
        kind = m.group(1) or {"Senate": "SB", "House": "HB"}[m.group(3)]
        found.append(Bill(kind, int(m.group(2) or m.group(4))))
    return found


def check_sentence(text: str, targets: list[str]) -> list[str]:
    """What is wrong with one sentence's ILGA links and the laws it names."""
    problems = []
    acts = []
    for title, bill in NAMED_ACTS.items():
        for m in re.finditer(re.escape(title), text):
            acts.append((title, bill))
            # "Act (SB 2191)", "Act, SB 1037, signed", "Act (ley ..., HB 6462, ...)"
            after = text[m.end():m.end() + 80].split(")")[0]
            given = bills_named(after)
            if given and not given[0].same_bill(bill):
                problems.append(f"names the {title} as {given[0]}, but it is {bill}")
    named = bills_named(text) + [bill for _, bill in acts]
    for target in targets:
        reference = ilga_reference(target)
        if reference is None:
            continue
        kind, value = reference
        if kind == "bill":
            if not named:
                problems.append(f"links {value} ({target}) but names no bill")
            elif not any(value.same_bill(bill) for bill in named):
                problems.append(f"links {value} ({target}) but names "
                                + ", ".join(sorted({str(b) for b in named})))
            if acts and not any(value.same_bill(bill) for _, bill in acts):
                problems.append(f"links {value} ({target}), but the law it names, the "
                                + " / the ".join(f"{title}, is {bill}" for title, bill in acts))
            for title, bill in acts:
                if value.same_bill(bill) and value.assembly and value.assembly != bill.assembly:
                    problems.append(f"links {value} ({target}), but the {title} is {bill}")
        elif kind == "public act":
            acts_named = {(int(a), int(n)) for a, n in PUBLIC_ACT_RE.findall(text)}
            if value not in acts_named:
                problems.append(f"links Public Act {value[0]}-{value[1]:04d} ({target}) "
                                f"but names {sorted(acts_named) or 'none'}")
        elif kind == "ilcs":
            sections = {(int(c), int(a), s) for c, a, s in ILCS_RE.findall(text)}
            if value not in sections:
                problems.append(f"links {value[0]} ILCS {value[1]}/{value[2]} ({target}) "
                                f"but names {sorted(sections) or 'no section'}")
    return problems


def check_ilga_links(text: str, page: str = "<string>") -> list[str]:
    """One message per problem of check_sentence, with the page and line."""
    lines = prose_lines(text)
    problems = []
    for number, unit in split_units(lines):
        for sentence, targets in sentences(unit):
            for problem in check_sentence(sentence, targets):
                short = " ".join(sentence.split())
                problems.append(f"{page}:{number}: {problem}: {short[:200]}")
    return problems


def ilga_links(text: str) -> list[tuple[str, object]]:
    """The ILGA references a page links to (for the guard that the check sees them)."""
    found = (ilga_reference(url) for url in external_links(text))
    return [ref for ref in found if ref]


def english_pages() -> list[Path]:
    return [p for p in content_pages()
            if not set(TRANSLATIONS).intersection(p.relative_to(DOCS).parts[:1])]


def content_pages() -> list[Path]:
    return sorted(
        p for p in DOCS.rglob("*.md")
        if not SKIP_DIRS.intersection(p.relative_to(DOCS).parts[:-1])
    )


# --- the real pages ------------------------------------------------------------

def test_pages_exist():
    pages = content_pages()
    assert DOCS / "index.md" in pages, "docs/index.md is missing"
    assert not any("overrides" in p.relative_to(DOCS).parts for p in pages)


def test_every_figure_on_the_site_is_cited():
    problems: list[Problem] = []
    for page in content_pages():
        problems += check_markdown(page.read_text(encoding="utf-8"),
                                   str(page.relative_to(DOCS.parent)))
    assert not problems, "\n" + "\n".join(map(str, problems))


def test_the_real_pages_do_state_figures():
    """Guard against a checker that passes because it sees nothing: the home
    page states sourced percentages, so the scanner must find figures there."""
    home = (DOCS / "index.md").read_text(encoding="utf-8")
    lines = blank_code_fences(strip_front_matter(home.splitlines()))
    assert any(figures_in(u) for _, u in split_units(lines))


def test_spanish_pages_are_checked_too():
    """The Spanish pages are scanned, and the Spanish home page's figures are seen."""
    pages = content_pages()
    assert DOCS / "es" / "index.md" in pages
    home = (DOCS / "es" / "index.md").read_text(encoding="utf-8")
    lines = blank_code_fences(strip_front_matter(home.splitlines()))
    assert any(figures_in(u) for _, u in split_units(lines))


@pytest.mark.parametrize("lang", sorted(TRANSLATIONS))
def test_every_translation_names_an_english_page(lang):
    english = {p.relative_to(DOCS).as_posix() for p in english_pages()}
    problems = []
    for page in sorted(TRANSLATIONS[lang].rglob("*.md")):
        source = front_matter(page.read_text(encoding="utf-8")).get("translation_of")
        if source not in english:
            problems.append(f"{page.relative_to(DOCS.parent)}: translation_of {source!r} "
                            "is not an English page")
    assert not problems, "\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", sorted(TRANSLATIONS))
def test_every_english_page_has_exactly_one_translation(lang):
    sources = [front_matter(p.read_text(encoding="utf-8")).get("translation_of")
               for p in TRANSLATIONS[lang].rglob("*.md")]
    counts = {p.relative_to(DOCS).as_posix(): sources.count(p.relative_to(DOCS).as_posix())
              for p in english_pages()}
    wrong = {page: n for page, n in counts.items() if n != 1}
    assert not wrong, f"English pages without exactly one {lang} page: {wrong}"


@pytest.mark.parametrize("lang", sorted(TRANSLATIONS))
def test_translations_cite_the_same_sources(lang):
    problems = []
    for page in sorted(TRANSLATIONS[lang].rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        source = DOCS / str(front_matter(text).get("translation_of"))
        if not source.is_file():
            continue  # reported by test_every_translation_names_an_english_page
        ours, theirs = external_links(text), external_links(source.read_text(encoding="utf-8"))
        if ours != theirs:
            problems.append(f"{page.relative_to(DOCS.parent)} vs {source.name}: "
                            f"missing {sorted(theirs - ours)}, extra {sorted(ours - theirs)}")
    assert not problems, "\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", sorted(TRANSLATIONS))
def test_the_same_claim_cites_the_same_sources(lang):
    problems, compared = [], 0
    for page in sorted(TRANSLATIONS[lang].rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        meta = front_matter(text)
        source = DOCS / str(meta.get("translation_of"))
        if not source.is_file():
            continue  # reported by test_every_translation_names_an_english_page
        if "citations_differ" in meta:
            reason = meta["citations_differ"]
            if not (isinstance(reason, str) and reason.strip()):
                problems.append(f"{page.relative_to(DOCS.parent)}: citations_differ needs a reason")
            continue
        compared += len(cited_units(text))
        problems += [f"{page.relative_to(DOCS.parent)} vs {source.name}: {p}"
                     for p in compare_claims(source.read_text(encoding="utf-8"), text)]
    assert not problems, "\n" + "\n".join(problems)
    # not satisfied by seeing nothing: the FAQ and "Why focus on buyers" alone cite in 30 places
    assert compared >= 30, f"only {compared} cited units compared"


def test_every_ilga_link_cites_the_bill_its_sentence_names():
    problems = []
    for page in content_pages():
        problems += check_ilga_links(page.read_text(encoding="utf-8"),
                                     str(page.relative_to(DOCS.parent)))
    assert not problems, "\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", ["en", *sorted(TRANSLATIONS)])
def test_the_ilga_check_sees_bills_public_acts_and_statutes(lang):
    """Guard against a check that passes because it recognises no link: each
    edition links to at least one bill, one Public Act and one statute section."""
    pages = english_pages() if lang == "en" else sorted(TRANSLATIONS[lang].rglob("*.md"))
    kinds = {kind for page in pages for kind, _ in ilga_links(page.read_text(encoding="utf-8"))}
    assert kinds == {"bill", "public act", "ilcs"}


# --- the checker itself --------------------------------------------------------

CITE = "([NBC Chicago](https://www.nbcchicago.com/some/story/))"


@pytest.mark.parametrize("figure", [
    "74%", "74 %", "74 percent", "74 per cent", "6.2%", "$1,000", "\\$1,000",
    "$500", "1,000 dollars",
    "74 por ciento", "74 POR CIENTO", "6,2 %", "6.2\u00a0%", "US$1,000", "US$ 1,000",
    "1,000 dólares", "1.000 dólares", "1,000 dolares", "5 mil dólares", "2 millones de dólares",
])
def test_uncited_figure_is_caught(figure):
    problems = check_markdown(f"Intro.\n\nIn 2013, {figure} of arrests were of sellers.\n")
    assert len(problems) == 1
    assert problems[0].line == 3


@pytest.mark.parametrize("figure", ["74%", "74 percent", "$1,000", "\\$1,000",
                                    "74 por ciento", "US$ 1,000", "1,000 dólares"])
def test_cited_figure_passes(figure):
    assert check_markdown(f"In 2013, {figure} of arrests were of sellers {CITE}.\n") == []


def test_citation_must_be_in_the_same_paragraph():
    text = f"In 2013, 74% of arrests were of sellers.\n\nSource: {CITE}.\n"
    assert len(check_markdown(text)) == 1


def test_citation_may_be_on_another_line_of_the_same_paragraph():
    text = f"In 2013, 74% of arrests\nwere of sellers {CITE}.\n"
    assert check_markdown(text) == []


def test_non_http_links_do_not_count():
    for link in ["[help](help.md)", "[call](tel:+18883737888)", "[x](#top)"]:
        assert len(check_markdown(f"About 74% of arrests {link}.\n")) == 1


def test_each_list_item_needs_its_own_citation():
    text = (
        "What would deter them:\n\n"
        f"- Name in the paper: 87% {CITE}\n"
        "- Jail time: 83%\n"
    )
    problems = check_markdown(text)
    assert [p.line for p in problems] == [4]


def test_each_table_row_needs_its_own_citation():
    text = (
        "| Measure | Share |\n"
        "| --- | --- |\n"
        f"| Name in the paper | 87% {CITE} |\n"
        "| Jail time | 83% |\n"
    )
    assert [p.line for p in check_markdown(text)] == [4]


def test_footnote_with_link_counts_as_citation():
    text = (
        "Jail time would deter 83% of the men.[^d]\n\n"
        "[^d]: Durchslag & Goswami, [CAASE](https://caase.org/), 2008.\n"
    )
    assert check_markdown(text) == []


def test_footnote_without_link_does_not_count():
    text = (
        "Jail time would deter 83% of the men.[^d]\n\n"
        "[^d]: Durchslag & Goswami, 2008.\n"
    )
    assert len(check_markdown(text)) == 1


def test_footnote_that_states_a_figure_must_link():
    text = "A claim.[^d]\n\n[^d]: 83% said so, in a 2008 study.\n"
    problems = check_markdown(text)
    assert len(problems) == 1 and problems[0].line == 3


def test_reference_style_and_html_links_count():
    ref = "About 74% of arrests [NBC][nbc].\n\n[nbc]: https://www.nbcchicago.com/x\n"
    html = 'About 74% of arrests <a href="https://www.nbcchicago.com/x">NBC</a>.\n'
    auto = "About 74% of arrests <https://www.nbcchicago.com/x>.\n"
    assert check_markdown(ref) == []
    assert check_markdown(html) == []
    assert check_markdown(auto) == []


def test_code_is_ignored():
    fenced = "Example:\n\n```toml\nfine = \"$1,000\"\nshare = \"87%\"\n```\n"
    indented_fence = "!!! note\n\n    ```text\n    $1,000 and 87%\n    ```\n"
    inline = "Set `max = \"$1,000\"` and `87%` in the template.\n"
    assert check_markdown(fenced) == []
    assert check_markdown(indented_fence) == []
    assert check_markdown(inline) == []


def test_figure_after_a_code_block_is_still_checked():
    text = "```\ncode\n```\n\nThen 87% of the men said so.\n"
    assert len(check_markdown(text)) == 1


def test_percent_signs_in_urls_are_not_figures():
    text = "Read [the review](https://doi.org/10.1016/S0140-6736%2814%2960800-X).\n"
    assert check_markdown(text) == []


def test_front_matter_and_comments_are_ignored():
    text = "---\ndescription: 87% of men\n---\n\n<!-- $1,000 -->\nPlain text.\n"
    assert check_markdown(text) == []


def test_admonition_content_is_checked():
    text = '!!! info "Note"\n\n    In 2017, 91% of arrests were of sellers.\n'
    assert len(check_markdown(text)) == 1


def test_plain_numbers_are_not_figures():
    text = "Call 1-888-373-7888 or text 233733. In 2013, 1,648 arrests.\n"
    assert check_markdown(text) == []


def test_spanish_plain_numbers_are_not_figures():
    text = "Llame al 1-888-373-7888. En 2013 hubo 1,648 arrestos; 113 hombres, 12 meses.\n"
    assert check_markdown(text) == []


def test_external_links_finds_every_link_form_and_nothing_else():
    text = (
        "---\nsource: https://front.example/\n---\n\n"
        "[a](https://a.example/x) and <https://b.example/> and\n"
        '<a href="https://c.example/">c</a> and [d][ref] and [e](ayuda.md) and [f](#top).\n\n'
        "[ref]: https://d.example/\n\n"
        "```text\n[g](https://code.example/)\n```\n\n"
        "Code `[h](https://span.example/)` <!-- [i](https://comment.example/) -->\n"
    )
    assert external_links(text) == {
        "https://a.example/x", "https://b.example/", "https://c.example/", "https://d.example/"}


def test_front_matter_reads_translation_of():
    assert front_matter("---\ntranslation_of: send.md\ntitle: x\n---\n# T\n") == {
        "translation_of": "send.md", "title": "x"}
    assert front_matter("# No front matter\n") == {}


# --- the same claim, the same sources: the checker ---------------------------------

CLAIMS = (
    "Arrests fell ([NBC](https://nbc.example/a)).\n\n"
    "Fines rose ([Tribune](https://tribune.example/b); [Globe](https://globe.example/c)).\n\n"
    "- Item one ([WBEZ](https://wbez.example/d)).\n"
)


def test_a_faithful_translation_passes_whatever_the_order_within_a_claim():
    translation = (
        "Los arrestos bajaron ([NBC](https://nbc.example/a)).\n\n"
        "Las multas subieron ([Globe](https://globe.example/c); [Tribune](https://tribune.example/b)).\n\n"
        "Sin fuente aquí.\n\n"
        "- Punto uno ([WBEZ](https://wbez.example/d)).\n"
    )
    assert compare_claims(CLAIMS, translation) == []


def test_a_source_moved_to_another_claim_is_caught_though_the_page_cites_the_same_set():
    swapped = (
        "Los arrestos bajaron ([Tribune](https://tribune.example/b)).\n\n"
        "Las multas subieron ([NBC](https://nbc.example/a); [Globe](https://globe.example/c)).\n\n"
        "- Punto uno ([WBEZ](https://wbez.example/d)).\n"
    )
    assert external_links(swapped) == external_links(CLAIMS)
    problems = compare_claims(CLAIMS, swapped)
    assert problems and "original line 1, translation line 1" in problems[0]


def test_a_claim_left_uncited_or_merged_in_translation_is_caught():
    uncited = CLAIMS.replace("Fines rose ([Tribune](https://tribune.example/b); "
                             "[Globe](https://globe.example/c)).", "Fines rose.")
    assert compare_claims(CLAIMS, uncited)
    merged = ("Arrests fell ([NBC](https://nbc.example/a)) and fines rose "
              "([Tribune](https://tribune.example/b); [Globe](https://globe.example/c)).\n\n"
              "- Item one ([WBEZ](https://wbez.example/d)).\n")
    assert compare_claims(CLAIMS, merged)


# --- Illinois General Assembly links: the checker -----------------------------------

GOV = "https://www.illinois.gov/news/press-release.9606.html"
SB2191 = "https://ilga.gov/legislation/97/SB/09700SB2191.htm"
SB3558 = "https://ilga.gov/legislation/98/SB/09800SB3558enr.htm"


def test_the_old_sb_2191_sentences_fail_in_both_languages():
    """The text main had before the fact-check (docs/faq.md, docs/es/preguntas.md)."""
    english = ("- **2011.** The Justice for Victims of Sex Trafficking Crimes Act (SB 2191)\n"
               "  lets trafficking victims ask a court to vacate prostitution convictions\n"
               f"  ([Illinois General Assembly, SB 2191]({SB2191})).\n")
    spanish = ("- **2011.** La Justice for Victims of Sex Trafficking Crimes Act (SB 2191)\n"
               "  permite que las víctimas de trata pidan a un tribunal que anule sus\n"
               "  condenas por prostitución\n"
               f"  ([Illinois General Assembly, SB 2191]({SB2191})).\n")
    for old in (english, spanish):
        problems = check_ilga_links(old)
        assert any("links SB 2191" in p and "is SB 1037" in p for p in problems), problems
        assert any("names the Justice for Victims of Sex Trafficking Crimes Act as SB 2191" in p
                   for p in problems), problems


def test_the_corrected_sentences_pass():
    assert check_ilga_links(
        "- **2011.** The Justice for Victims of Sex Trafficking Crimes Act (SB 1037,\n"
        f"  signed 6 August 2011) lets victims ask ([press release]({GOV})).\n") == []
    assert check_ilga_links(
        "The Justice for Victims of Sex Trafficking Crimes Act (Senate Bill 1037) "
        "([ILGA](https://ilga.gov/legislation/97/SB/09700SB1037.htm)).\n") == []


@pytest.mark.parametrize("text", [
    f"In 2014, SB 3557 created the fund ([Illinois General Assembly]({SB3558})).",
    f"In 2014, a law created the fund ([Illinois General Assembly]({SB3558})).",
    f"In 2014, HB 3558 created the fund ([Illinois General Assembly]({SB3558})).",
    "The Justice for Victims of Sex Trafficking Crimes Act (SB 1037) "
    "([ILGA](https://ilga.gov/legislation/96/SB/09600SB1037.htm)).",
    "The Illinois Safe Children Act, HB 6463, protects children "
    "([ILGA](https://www.ilga.gov/legislation/96/HB/09600HB6462enr.htm)).",
    "SB 1037 lets victims ask ([status](https://www.ilga.gov/legislation/BillStatus.asp?"
    "DocNum=2191&GAID=11&DocTypeID=SB&SessionID=84&GA=97)).",
    "Fines fund services ([Public Act 97-0898](https://ilga.gov/legislation/publicacts/97/097-0897.htm)).",
    "Patronizing a minor ([720 ILCS 5/11-18](https://ilga.gov/legislation/ilcs/fulltext?"
    "DocName=072000050K11-18.1)).",
], ids=["wrong number", "no bill named", "wrong chamber", "wrong assembly", "act misnumbered",
        "bill status page", "public act", "statute section"])
def test_a_link_to_another_bill_act_or_section_is_caught(text):
    assert len(check_ilga_links(text + "\n")) == 1


def test_the_bill_must_be_named_in_the_same_sentence():
    text = f"SB 3558 created the fund. It is paid from fines ([ILGA]({SB3558})).\n"
    assert len(check_ilga_links(text)) == 1
    assert check_ilga_links(text.replace(". It", ", which")) == []


def test_dots_in_urls_and_link_texts_do_not_end_a_sentence():
    text = ("Solicitation ([720 ILCS 5/11-14.1](https://ilga.gov/legislation/ilcs/fulltext?"
            "DocName=072000050K11-14.1)), patronizing\n([720 ILCS 5/11-18](https://ilga.gov/"
            "legislation/ilcs/fulltext?DocName=072000050K11-18)).\n")
    assert check_ilga_links(text) == []


def test_other_ilga_links_and_other_sites_are_not_bills():
    assert ilga_reference("https://www.ilga.gov/") is None
    assert ilga_reference("https://ilga.gov.example.com/legislation/97/SB/09700SB2191.htm") is None
    assert ilga_reference(SB3558) == ("bill", Bill("SB", 3558, 98))
    assert check_ilga_links("Laws change: check [ilga.gov](https://www.ilga.gov/).\n") == []
