"""QR codes of campaign links, as SVG, drawn by ``segno`` (pure Python).

``segno`` is imported only when a code is drawn: the letter page's engine
never needs it, and the builder page loads its wheel on its own. The SVG holds
no text but an optional title, which is escaped; the link itself is only in
the pattern of squares.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

# Level M corrects about 15% damage (a fold or a smudge on a printed flyer)
# and keeps a link of 1,500 characters at a size a phone reads from a page.
ERROR_LEVEL = "m"
QUIET_ZONE = 4  # modules of light margin around the code, as the standard asks


class QRError(ValueError):
    """The text does not fit in a QR code."""


def qr_svg(text: str, title: str = "") -> str:
    """A standalone SVG (``xmlns``, no XML declaration) that scales to its box.

    Black on an opaque white background, so it scans on a dark page too.
    """
    import segno
    from segno import DataOverflowError

    try:
        code = segno.make_qr(text, error=ERROR_LEVEL, boost_error=False)
    except DataOverflowError as exc:
        raise QRError(f"The link is too long for a QR code: {exc}") from None
    svg = code.svg_inline(scale=1, border=QUIET_ZONE, omitsize=True, dark="#000", light="#fff",
                          svgclass="lw-qr", lineclass=None)
    opening = '<svg xmlns="http://www.w3.org/2000/svg" role="img"'
    if title:
        opening += f' aria-label="{escape(title, {chr(34): "&quot;"})}"'
    return opening + svg[len("<svg"):]


def qr_matrix(text: str) -> list[list[bool]]:
    """The same code's modules (True: dark), with no margin, for tests and checks."""
    import segno

    code = segno.make_qr(text, error=ERROR_LEVEL, boost_error=False)
    return [[bool(module) for module in row] for row in code.matrix]
