"""Fix the two pieces of Material's markup that no partial holds.

Material 9.8.1's ``base.html`` (not a partial, so ``custom_dir`` cannot
override it in part) starts ``<body>`` with the drawer and search toggles,
``<input type="checkbox" autocomplete="off">``: the attribute keeps Firefox
from restoring an open drawer on Back, but HTML allows it on text-like inputs
only (the Nu checker's error). The toggles take the same "off" from a form
they point to instead, which HTML allows, and keep their place: Material's
CSS finds what they control as their siblings.

Its bundle builds each code block's button bar (the copy button) as a
``<nav>``: a page with two code blocks has two unnamed navigation landmarks
for what is no navigation (axe-core's landmark-unique). It becomes a
``<div>``; Material's CSS styles it by class only.
"""

from __future__ import annotations

from pathlib import Path

TOGGLES = ("drawer", "search")
FORM_ID = "__md_toggles"


def _toggle(name: str, attributes: str) -> str:
    return f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" {attributes}>'


def fix_toggles(html: str) -> str:
    """``html`` with each toggle's autocomplete moved to a form; unchanged without toggles."""
    if _toggle(TOGGLES[0], 'autocomplete="off"') not in html:
        return html
    for name in TOGGLES:
        old = _toggle(name, 'autocomplete="off"')
        assert html.count(old) == 1, f"Material's {name} toggle changed: check scripts/site/material_markup.py"
        html = html.replace(old, _toggle(name, f'form="{FORM_ID}"'))
    last = _toggle(TOGGLES[-1], f'form="{FORM_ID}"')
    return html.replace(last, f'{last}\n    <form id="{FORM_ID}" autocomplete="off" hidden></form>')


CODE_NAV = 'x("nav",{class:"md-code__nav"'
FIXED_CODE_NAV = 'x("div",{class:"md-code__nav"'


def fix_bundle(assets: Path) -> None:
    """Make the code blocks' button bar a ``<div>`` in Material's bundle under ``assets``."""
    bundles = sorted((assets / "javascripts").glob("bundle.*.min.js"))
    assert bundles, f"Material's bundle is not in {assets}"
    for path in bundles:
        text = path.read_text(encoding="utf-8")
        if FIXED_CODE_NAV in text:
            continue  # fixed by an earlier build of `mkdocs serve`
        assert text.count(CODE_NAV) == 1, f"{path.name} changed: check scripts/site/material_markup.py"
        path.write_text(text.replace(CODE_NAV, FIXED_CODE_NAV), encoding="utf-8")
