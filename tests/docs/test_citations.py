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
source.

Run with ``/work/main/.venv/bin/pytest tests/docs -q``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

DOCS = Path(__file__).resolve().parents[2] / "docs"
SKIP_DIRS = {"overrides"}
TRANSLATIONS = {"es": DOCS / "es"}   # language -> folder of its pages

# --- what a figure looks like ------------------------------------------------
PERCENT_RE = re.compile(
    r"(?<![\w.])\d+(?:[.,]\d+)?\s?(?:%|percent\b|per\s+cent\b|por\s+ciento\b)", re.IGNORECASE
)
DOLLAR_RE = re.compile(
    r"(?:\\?\$\s?\d[\d,]*(?:\.\d+)?)|(?:(?<![\w.])\d[\d,]*(?:\.\d+)?\s+dollars\b)"
    # Spanish: "US$ 1,000" (the "$" form above already matches "US$1,000"),
    # "1,000 dólares", "1.000 dólares", "5 mil dólares", "2 millones de dólares"
    r"|(?:\bUS\$\s*\d)"
    r"|(?:(?<![\w.])\d[\d,.]*(?:\s+(?:mil|millones?\s+de))?\s+d[óo]lares\b)",
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


def check_markdown(text: str, page: str = "<string>") -> list[Problem]:
    """Return one Problem per unit that states a figure without a citation."""
    text = HTML_COMMENT_RE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    lines = blank_code_fences(strip_front_matter(text.splitlines()))
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
