"""Which Chromium the site tests drive, and the flags that keep it offline.

One place for both, so Playwright (conftest.py) and Lighthouse
(standards.py) launch the same browser the same way.
"""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Keep Chromium from calling home: this machine has no network but the registries.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
