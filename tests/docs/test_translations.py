"""Translated pages keep up with their originals: the drift guard.

Every page of another edition that names its original in ``translation_of:``
(``docs/es/*.md``) is rendered with Python-Markdown and the site's own
extensions, and its structure is compared with the original's: the headings
and their levels, the tables and their rows, the lists and their items, the
code blocks, and the external sources it links (every source the original
links, the translation links too). Words are not compared: only a native
reader can judge those. What a shape can show is a section, a row, a step or
a source that was added to one edition and never to the other.

A page may differ on purpose. It says so in its front matter, naming the part
and the reason, which a reviewer reads like any other line of the page::

    differs_from_original:
      lists: "The Spanish page adds a step for Spanish-language hotlines."

The parts are ``headings``, ``tables``, ``lists``, ``code`` and ``sources``;
a named part is not compared for that page. A reason is required.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

import markdown
import pytest
import yaml

from tests.paths import ROOT

DOCS = ROOT / "docs"
PARTS = ("headings", "tables", "lists", "code", "sources")
DIFFERS_KEY = "differs_from_original"
# mkdocs.yml's extensions that change a page's structure (emoji only draws icons).
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
              "pymdownx.details", "pymdownx.superfences"]


class Page(NamedTuple):
    """A Markdown page: its front matter and its body."""

    meta: dict[str, object]
    body: str


def read_page(path: Path) -> Page:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        head, _, body = text[4:].partition("\n---\n")
        meta = yaml.safe_load(head) or {}
        return Page(meta if isinstance(meta, dict) else {}, body)
    return Page({}, text)


class Shape(HTMLParser):
    """What the drift guard compares of a rendered page (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []  # "h2", in order
        self.tables: list[int] = []  # each table's rows
        self.lists: list[tuple[str, int]] = []  # ("ol", items), in order of opening
        self.code: list[int] = []  # each code block's lines
        self.sources: set[str] = set()
        self._lists: list[int] = []  # indexes into self.lists of the open lists
        self._in_pre = False
        self._pre_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(tag)
        elif tag == "table":
            self.tables.append(0)
        elif tag == "tr" and self.tables:
            self.tables[-1] += 1
        elif tag in ("ol", "ul"):
            self._lists.append(len(self.lists))
            self.lists.append((tag, 0))
        elif tag == "li" and self._lists:
            kind, items = self.lists[self._lists[-1]]
            self.lists[self._lists[-1]] = (kind, items + 1)
        elif tag == "pre":
            self._in_pre, self._pre_text = True, []
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            if urlsplit(href).scheme in ("http", "https"):
                self.sources.add(href)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ol", "ul") and self._lists:
            self._lists.pop()
        elif tag == "pre" and self._in_pre:
            self._in_pre = False
            self.code.append("".join(self._pre_text).rstrip("\n").count("\n") + 1)

    def handle_data(self, data: str) -> None:
        if self._in_pre:
            self._pre_text.append(data)


def shape(body: str) -> Shape:
    parser = Shape()
    parser.feed(markdown.markdown(body, extensions=EXTENSIONS))
    parser.close()
    return parser


def translations() -> list[Path]:
    """Every page of another edition (a subfolder of docs/ named for its language) with an original."""
    return sorted(path for path in DOCS.glob("*/*.md")
                  if path.parent.name.isalpha() and len(path.parent.name) == 2
                  and read_page(path).meta.get("translation_of"))


def differences(original: Page, translation: Page) -> dict[str, str]:
    """The parts in which a translation's shape differs from its original's, each with what differs."""
    mine, theirs = shape(original.body), shape(translation.body)
    found: dict[str, str] = {}
    if mine.headings != theirs.headings:
        found["headings"] = f"heading levels {mine.headings} in the original, {theirs.headings} here"
    if mine.tables != theirs.tables:
        found["tables"] = f"table rows {mine.tables} in the original, {theirs.tables} here"
    if mine.lists != theirs.lists:
        found["lists"] = f"lists and their items {mine.lists} in the original, {theirs.lists} here"
    if mine.code != theirs.code:
        found["code"] = f"code blocks' lines {mine.code} in the original, {theirs.code} here"
    missing = sorted(mine.sources - theirs.sources)
    if missing:
        found["sources"] = f"sources the original links and this page does not: {missing}"
    return found


def allowed(page: Page) -> dict[str, str]:
    """The page's declared differences, checked: known parts, each with a reason."""
    declared = page.meta.get(DIFFERS_KEY) or {}
    assert isinstance(declared, dict), f"{DIFFERS_KEY}: must map a part to its reason"
    unknown = sorted(set(declared) - set(PARTS))
    assert not unknown, f"{DIFFERS_KEY}: {unknown} are not parts; the parts are {list(PARTS)}"
    for part, reason in declared.items():
        assert isinstance(reason, str) and reason.strip(), f"{DIFFERS_KEY}: {part} needs a reason"
    return declared


def test_every_edition_has_translated_pages():
    assert any(path.parent.name == "es" for path in translations())


@pytest.mark.parametrize("path", translations(), ids=lambda path: str(path.relative_to(DOCS)))
def test_a_translation_keeps_its_originals_structure(path: Path):
    page = read_page(path)
    original = DOCS / str(page.meta["translation_of"])
    assert original.is_file(), f"translation_of: {original.name} is no page of docs/"
    declared = allowed(page)
    found = differences(read_page(original), page)
    unexplained = {part: what for part, what in found.items() if part not in declared}
    assert unexplained == {}, f"{path.name} has fallen behind {original.name}"


# The guard itself: it must see each kind of drift, and nothing else.
ORIGINAL = """# Title

Intro with a [source](https://example.org/a).

## Steps

1. One
2. Two

| key | means |
|---|---|
| a | b |
| c | d |

```sh
letter-py example
```
"""


def test_the_guard_passes_a_faithful_translation():
    translated = ORIGINAL.replace("Title", "Título").replace("Steps", "Pasos").replace("One", "Uno")
    assert differences(Page({}, ORIGINAL), Page({}, translated)) == {}


@pytest.mark.parametrize(("change", "part"), [
    (lambda text: text.replace("## Steps", "### Steps"), "headings"),
    (lambda text: text.replace("2. Two\n", ""), "lists"),
    (lambda text: text.replace("| c | d |\n", ""), "tables"),
    (lambda text: text.replace("letter-py example\n", "letter-py example\nletter-py render\n"), "code"),
    (lambda text: text.replace("https://example.org/a", "https://example.org/b"), "sources"),
])
def test_the_guard_sees_each_kind_of_drift(change, part: str):
    assert set(differences(Page({}, ORIGINAL), Page({}, change(ORIGINAL)))) == {part}


def test_a_declared_difference_needs_a_known_part_and_a_reason():
    assert allowed(Page({DIFFERS_KEY: {"lists": "A step only Spanish readers need."}}, "")) == {
        "lists": "A step only Spanish readers need."}
    with pytest.raises(AssertionError):
        allowed(Page({DIFFERS_KEY: {"lists": ""}}, ""))
    with pytest.raises(AssertionError):
        allowed(Page({DIFFERS_KEY: {"words": "no such part"}}, ""))
