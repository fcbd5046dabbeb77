"""letter_py.qr: the QR code of a campaign link decodes back to the exact link.

As Chromium draws the SVG: tests/site/test_builder_page.py.
"""

from __future__ import annotations

import pytest

from letter_py.qr import QRError, qr_matrix, qr_svg
from tests.campaign_links import link_for
from tests.letter_py.qr_decoder import decode_modules, decode_svg_matrix, svg_matrix

LINKS = [link_for(1), link_for(3), link_for(10), "https://example.org/write/#c1." + "A-_z09" * 200]


@pytest.mark.parametrize("link", LINKS, ids=["1 official", "3 officials", "10 officials", "1,200 characters"])
def test_the_code_is_the_link(link: str):
    assert decode_modules(qr_matrix(link)) == link
    svg = qr_svg(link)
    assert decode_svg_matrix(svg) == link
    modules = svg_matrix(svg)
    assert [row[4:-4] for row in modules[4:-4]] == qr_matrix(link)  # the SVG draws exactly the code


def test_the_svg_holds_nothing_but_the_escaped_title():
    svg = qr_svg("https://example.org/#c1.x", title='QR <script>alert(1)</script> "x" & y')
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="QR &lt;script&gt;')
    assert "<script" not in svg and "&quot;x&quot; &amp; y" in svg
    assert "c1.x" not in svg and "example.org" not in svg  # the link is only in the squares


def test_too_long_for_a_code():
    with pytest.raises(QRError, match="too long"):
        qr_svg("x" * 3000)




@pytest.mark.parametrize("text", ['plain', 'a & b < c > d', 'say "hi"', "it's", "both \" and '", "line\nbreak\ttab\r"])
def test_the_stand_in_escapes_as_saxutils_does(text: str):
    from xml.sax import saxutils

    from letter_py import qr

    assert qr.escape(text) == saxutils.escape(text)
    assert qr.escape(text, {'"': "&quot;"}) == saxutils.escape(text, {'"': "&quot;"})
    assert qr.quoteattr(text) == saxutils.quoteattr(text)


def test_segno_draws_without_the_xml_package():
    """As in the browser, whose standard library has no xml package (scripts/engine/bytecode.py, _STDLIB_DROP)."""
    import subprocess
    import sys

    program = ("import sys; sys.modules['xml'] = None\n"
               "from letter_py.qr import qr_svg\n"
               "print(qr_svg('https://example.org/#c1.x', 'a \"b\" <c>'))\n")
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == qr_svg("https://example.org/#c1.x", 'a "b" <c>')
