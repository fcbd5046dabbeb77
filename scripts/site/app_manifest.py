"""The web app manifest and its icons, so "Add to Home screen" gives a real app.

Each edition gets ``manifest.webmanifest`` in its own folder (its name in its
language, from docs/strings/<lang>.json; its start URL its own letter page);
the icons, drawn here as PNGs with the standard library (zlib and struct, no
image library), are shared at the site root under ``assets/images/``.
"""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

MANIFEST = "manifest.webmanifest"
ICON_SIZES = (192, 512)
ICON_DIR = "assets/images"
# Material's "deep purple" primary (mkdocs.yml's palette): the header's
# colour for the browser's own bars, its dark shade behind the icon's white.
THEME_COLOR = "#7e56c2"
ICON_BACKGROUND = (0x67, 0x3A, 0xB6)
ICON_FOREGROUND = (0xFF, 0xFF, 0xFF)


def icon_path(size: int) -> str:
    return f"{ICON_DIR}/icon-{size}.png"


def png(width: int, height: int, rows: list[bytes]) -> bytes:
    """An 8-bit RGB PNG of ``rows`` (each ``width * 3`` bytes)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\0" + row for row in rows)  # filter type 0 on every row
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def envelope_icon(size: int) -> bytes:
    """A white envelope on deep purple, inside the central circle a maskable
    icon keeps (80 % of the width), so launchers may crop it to any shape."""
    bg, fg = bytes(ICON_BACKGROUND), bytes(ICON_FOREGROUND)
    left, right = round(size * 0.24), round(size * 0.76)
    top, bottom = round(size * 0.32), round(size * 0.68)
    apex_x, apex_y = size / 2, size * 0.53
    half = size * 0.028  # half the flap line's width
    rows = []
    for y in range(size):
        row = bytearray(bg * size)
        if top <= y < bottom:
            row[left * 3:right * 3] = fg * (right - left)
            if y <= apex_y:
                # The flap: two lines from the top corners to the apex.
                t = min(max((y - top) / (apex_y - top), 0.0), 1.0)
                for x0 in (left + (apex_x - left) * t, right - (right - apex_x) * t):
                    a, b = max(left, round(x0 - half * 1.6)), min(right, round(x0 + half * 1.6))
                    if b > a:
                        row[a * 3:b * 3] = bg * (b - a)
        rows.append(bytes(row))
    return png(size, size, rows)


def write_icons(root: Path) -> None:
    for size in ICON_SIZES:
        path = Path(root) / icon_path(size)
        data = envelope_icon(size)
        if not path.exists() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def manifest(strings: dict[str, str], lang: str, start_url: str, to_root: str) -> dict:
    """The manifest of one edition; URLs relative to the manifest's folder."""
    icons = [{"src": to_root + icon_path(size), "sizes": f"{size}x{size}", "type": "image/png",
              "purpose": purpose} for purpose in ("any", "maskable") for size in ICON_SIZES]
    return {
        "id": start_url,
        "name": strings["app.name"],
        "short_name": strings["app.shortName"],
        "description": strings["app.description"],
        "lang": lang,
        "dir": "ltr",
        "start_url": start_url,
        "scope": to_root or "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": icons,
    }


def write(site_dir: Path, root: Path, strings: dict[str, str], lang: str, start_url: str, to_root: str) -> None:
    """This edition's manifest in ``site_dir``; the shared icons in ``root``."""
    write_icons(root)
    data = manifest(strings, lang, start_url, to_root)
    (Path(site_dir) / MANIFEST).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
