"""The site's Content-Security-Policy and HTTP headers, defined once.

Every page gets a ``<meta>`` policy naming the hashes of its own inline scripts
(Material has a few). A meta policy does not govern a worker fetched from a
URL — the worker gets the policy of its own HTTP response — so the build also
writes ``_headers`` (the format Netlify and Cloudflare Pages read, and the test
server honours) with the same policy as HTTP headers, plus the content type
and caching rules a host needs. The "For organizers" page shows the same
headers for nginx.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Directives every page shares. script-src gets the page's inline-script hashes.
BASE_POLICY: dict[str, list[str]] = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "form-action": ["'none'"],
    "base-uri": ["'none'"],
}
# Only where WebAssembly is compiled: in the worker, which the HTTP header covers.
WASM = "'wasm-unsafe-eval'"
# Ignored in a <meta> policy (browsers warn), so only sent as a header.
HEADER_ONLY: dict[str, list[str]] = {"frame-ancestors": ["'none'"]}

IMMUTABLE = "public, max-age=31536000, immutable"
OTHER_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)


def inline_script_hashes(html: str) -> list[str]:
    """CSP hash sources for the inline scripts a browser would execute."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs):
            continue
        kind = re.search(r"""\btype\s*=\s*["']?([^"'\s>]+)""", attrs)
        if kind and kind.group(1).lower() not in ("text/javascript", "module", "application/javascript"):
            continue  # data blocks (application/json) are never executed
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


# `mkdocs serve` injects its live-reload script inline into every page it
# serves, after the build, with a timestamp in it: no hash can name it, so the
# local preview's pages allow inline scripts (a hash would switch that off).
# The built site never does.
LIVE_RELOAD = "'unsafe-inline'"


def policy(script_hashes: list[str], *, header: bool = False, live_reload: bool = False) -> str:
    directives = {key: list(values) for key, values in BASE_POLICY.items()}
    directives["script-src"] += [LIVE_RELOAD] if live_reload else script_hashes
    if header:
        directives["script-src"].append(WASM)
        directives.update(HEADER_ONLY)
    return "; ".join(f"{key} {' '.join(values)}" for key, values in directives.items())


def add_meta_policy(html: str, *, live_reload: bool = False) -> tuple[str, list[str]]:
    """Put the CSP and referrer policy first in <head>, before any script runs.

    ``live_reload``: the page is for ``mkdocs serve`` (see ``LIVE_RELOAD``).
    """
    hashes = inline_script_hashes(html)
    meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes, live_reload=live_reload)}">'
        '<meta name="referrer" content="no-referrer">'
    )
    # After <meta charset>, which must stay within the first 1024 bytes.
    for anchor in (r"(<meta charset=[^>]*>)", r"(<head[^>]*>)"):
        html, count = re.subn(anchor, lambda m: m.group(1) + meta, html, count=1, flags=re.I)
        if count:
            return html, hashes
    raise ValueError("page has no <head>")


def headers_file(script_hashes: list[str], runtime_path: str, engine_path: str) -> str:
    """``_headers`` for static hosts: one policy for every page and the worker."""
    lines = ["# Written by the site build (scripts/site/security_headers.py). Netlify and",
             "# Cloudflare Pages read this file; for other hosts see the organizers' page.",
             "/*"]
    lines.append(f"  Content-Security-Policy: {policy(script_hashes, header=True)}")
    lines += [f"  {name}: {value}" for name, value in OTHER_HEADERS.items()]
    for folder in (runtime_path, engine_path):
        lines += [f"/{folder.strip('/')}/*", f"  Cache-Control: {IMMUTABLE}"]
    lines += ["/*.wasm", "  Content-Type: application/wasm"]
    # The service worker (scripts/site/offline.py): always revalidated, so a new
    # deploy's worker is found at once (browsers cap its cache at 24 h anyway).
    lines += ["/sw.js", "  Cache-Control: no-cache"]
    lines += ["/*.webmanifest", "  Content-Type: application/manifest+json"]
    return "\n".join(lines) + "\n"
