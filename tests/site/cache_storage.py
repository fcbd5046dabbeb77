"""What the browser keeps in Cache Storage for the site, read from a page.

The site's service worker (sw.js, scripts/site/offline.py) keeps the site's own
files there; the privacy tests check that every key is a file of its
precache manifest and that nothing typed is in any key or body.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

CACHE_PREFIX = "site-files:"
OFFLINE_READY_MS = 60_000


def wait_offline_ready(page: Page) -> None:
    """Until the service worker has kept everything this page asked for
    (offline.js sets ``<html data-offline="ready">``)."""
    page.wait_for_selector("html[data-offline='ready']", state="attached", timeout=OFFLINE_READY_MS)

_READ = """async () => {
    const out = [];
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
            const response = await cache.match(request);
            const bytes = new Uint8Array(await response.arrayBuffer());
            let binary = "";
            for (let i = 0; i < bytes.length; i += 0x8000) {
                binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            }
            out.push({cache: name, url: request.url, body: btoa(binary)});
        }
    }
    return out;
}"""


@dataclass
class Entry:
    cache: str
    url: str
    body: bytes


def entries(page: Page) -> list[Entry]:
    """Every cached request and its body, in every cache of the page's origin."""
    return [Entry(e["cache"], e["url"], base64.b64decode(e["body"])) for e in page.evaluate(_READ)]


def precache_manifest(site: Path) -> dict:
    """The manifest the build put into sw.js."""
    source = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"const OFFLINE = (\{.*?\});\n", source).group(1))
