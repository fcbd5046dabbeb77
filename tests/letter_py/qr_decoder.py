"""QR codes read back by a real decoder (zxing-cpp), for the tests.

:func:`decode_modules` draws a module matrix as a grayscale image and decodes
it; :func:`decode_svg_matrix` reads the matrix out of one of our SVGs first
(segno's path: ``M x y`` then runs of ``h n`` dark and ``m n 0`` light). The
browser tests decode the SVG as Chromium draws it (tests/site/test_builder_page.py).
"""

from __future__ import annotations

import re

import zxingcpp

SCALE = 4


def decode_pixels(pixels: bytes, width: int, height: int) -> list[str]:
    """Every QR code zxing-cpp finds in a grayscale image (one byte a pixel)."""
    image = memoryview(pixels).cast("B", (height, width))
    return [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def decode_modules(modules: list[list[bool]], border: int = 4) -> str:
    """The text of one QR code given as its modules (True: dark)."""
    size = len(modules) + 2 * border
    rows = bytearray()
    for y in range(size):
        line = bytearray()
        for x in range(size):
            inside = border <= y < size - border and border <= x < size - border
            dark = inside and modules[y - border][x - border]
            line += (b"\x00" if dark else b"\xff") * SCALE
        rows += bytes(line) * SCALE
    found = decode_pixels(bytes(rows), size * SCALE, size * SCALE)
    assert len(found) == 1, found
    return found[0]


def svg_matrix(svg: str) -> list[list[bool]]:
    """The modules drawn by one of our SVGs (letter_py.qr), margin included."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg)[1])
    path = re.search(r'<path stroke="#000" d="([^"]+)"', svg)[1]
    grid = [[False] * size for _ in range(size)]
    x = y = 0.0
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            for column in range(int(x), int(x + float(a))):
                grid[int(y)][column] = True
            x += float(a)
    return grid


# As a phone camera sees a printed code, roughly: drawn by the browser's own
# SVG renderer at a modest size, read back as gray pixels. For page.evaluate,
# in a blank page (the site's pages forbid data: images, as they should).
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


def decode_svg_matrix(svg: str) -> str:
    return decode_modules(svg_matrix(svg), border=0)
