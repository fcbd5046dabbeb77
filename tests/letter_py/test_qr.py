"""letter_py.qr: the QR code of a campaign link decodes back to the exact link."""

from __future__ import annotations

import base64

import chromium
import pytest
from playwright.sync_api import sync_playwright

from letter_py.qr import QRError, qr_matrix, qr_svg
from tests.letter_py.qr_decoder import decode_modules, decode_pixels, decode_svg_matrix, svg_matrix
from tests.campaign_links import link_for

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


# As a phone camera sees a printed code, roughly: drawn by a real SVG renderer
# at a modest size, then decoded from its pixels.
RASTERIZE = """async ([svg, size]) => {
  const image = new Image();
  image.src = "data:image/svg+xml;base64," + svg;
  await image.decode();
  const canvas = Object.assign(document.createElement("canvas"), { width: size, height: size });
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0, size, size);
  const rgba = context.getImageData(0, 0, size, size).data;
  let gray = "";
  for (let i = 0; i < rgba.length; i += 4) gray += String.fromCharCode(rgba[i]);
  return btoa(gray);
}"""


@pytest.mark.browser
def test_chromium_draws_a_code_that_decodes():
    if problem := chromium.missing("make test"):
        pytest.fail(problem)
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        page = browser.new_page()
        for link, size in zip(LINKS, (200, 300, 400, 600), strict=True):
            svg = base64.b64encode(qr_svg(link).encode()).decode()
            pixels = base64.b64decode(page.evaluate(RASTERIZE, [svg, size]))
            assert decode_pixels(pixels, size, size) == [link]
        browser.close()
