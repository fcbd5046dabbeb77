"""Vendored scripts, rewritten so that the built site names no third-party host.

Pyodide's loader and Material's bundle carry the URLs of other hosts for
features this site never uses: Pyodide's CDN (its default package source, for
Node), GitHub's API (Material's repository widget, only with ``repo_url``) and
unpkg (Material's ResizeObserver polyfill and Mermaid, loaded only in a browser
without ResizeObserver or on a page with a diagram). The CSP refuses such
requests and the browser tests fail on any, but with the URLs turned into
same-origin paths no visitor's browser could ever send one, and an organizer
who searches the built files for other hosts finds none. Source maps go too:
they are for the theme's own developers and repeat the same sources.
"""

from __future__ import annotations

import re
from pathlib import Path

THIRD_PARTY_HOSTS = ("cdn.jsdelivr.net", "api.github.com", "unpkg.com")
_HOST_URL = re.compile(r"https?://(?:%s)(?=/)" % "|".join(map(re.escape, THIRD_PARTY_HOSTS)))
_SOURCE_MAP_LINK = re.compile(r"^\s*(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$\n?", re.M)


def scrub(text: str) -> str:
    """``text`` with those hosts' URLs made same-origin paths, and no source-map link."""
    return _SOURCE_MAP_LINK.sub("", _HOST_URL.sub("", text))


def scrub_assets(folder: Path) -> None:
    """Scrub the theme's scripts and styles under ``folder``; delete its source maps."""
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".map":
            path.unlink()
        elif path.suffix in (".js", ".css"):
            text = path.read_text(encoding="utf-8")
            clean = scrub(text)
            if clean != text:
                path.write_text(clean, encoding="utf-8")
