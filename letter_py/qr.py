"""QR codes of campaign links, as SVG, drawn by ``segno`` (pure Python).

``segno`` is imported only when a code is drawn: the letter page's engine
never needs it, and the builder page loads its wheel on its own. The SVG holds
no text but an optional title, which is escaped; the link itself is only in
the pattern of squares.
"""

from __future__ import annotations

import sys
import types

# Level M corrects about 15% damage (a fold or a smudge on a printed flyer)
# and keeps a link of 1,500 characters at a size a phone reads from a page.
ERROR_LEVEL = "m"
QUIET_ZONE = 4  # modules of light margin around the code, as the standard asks


class QRError(ValueError):
    """The text does not fit in a QR code."""


def escape(text: str, entities: dict[str, str] | None = None) -> str:
    """``xml.sax.saxutils.escape``: ``&``, ``<`` and ``>``, then any ``entities``."""
    text = text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for old, new in (entities or {}).items():
        text = text.replace(old, new)
    return text


def quoteattr(text: str, entities: dict[str, str] | None = None) -> str:
    """``xml.sax.saxutils.quoteattr``: escaped and quoted as an attribute value."""
    text = escape(text, {**(entities or {}), "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))


def _provide_saxutils() -> None:
    """segno imports ``xml.sax.saxutils`` for ``escape`` and ``quoteattr`` only.

    The site's standard library leaves out the ``xml`` package
    (``_STDLIB_DROP`` in scripts/engine/bytecode.py: the letter page never needs it, and the
    real ``saxutils`` pulls in ``urllib.request`` and ``http``), so in the
    browser these two stand in; CPython keeps the real module.
    """
    modules = {name: types.ModuleType(name) for name in ("xml", "xml.sax", "xml.sax.saxutils")}
    modules["xml"].__path__ = []
    modules["xml.sax"].__path__ = []
    modules["xml"].sax = modules["xml.sax"]
    modules["xml.sax"].saxutils = modules["xml.sax.saxutils"]
    modules["xml.sax.saxutils"].escape = escape
    modules["xml.sax.saxutils"].quoteattr = quoteattr
    sys.modules.update(modules)


def _segno() -> types.ModuleType:
    try:
        import segno
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("xml"):
            raise
        _provide_saxutils()
        import segno
    return segno


def qr_svg(text: str, title: str = "") -> str:
    """A standalone SVG (``xmlns``, no XML declaration) that scales to its box.

    Black on an opaque white background, so it scans on a dark page too.
    """
    segno = _segno()
    try:
        code = segno.make_qr(text, error=ERROR_LEVEL, boost_error=False)
    except segno.DataOverflowError as exc:
        raise QRError(f"The link is too long for a QR code: {exc}") from None
    svg = code.svg_inline(scale=1, border=QUIET_ZONE, omitsize=True, dark="#000", light="#fff",
                          svgclass="lw-qr", lineclass=None)
    opening = '<svg xmlns="http://www.w3.org/2000/svg" role="img"'
    if title:
        opening += f' aria-label="{escape(title, {chr(34): "&quot;"})}"'
    return opening + svg[len("<svg"):]


def qr_matrix(text: str) -> list[list[bool]]:
    """The same code's modules (True: dark), with no margin, for tests and checks."""
    code = _segno().make_qr(text, error=ERROR_LEVEL, boost_error=False)
    return [[bool(module) for module in row] for row in code.matrix]
