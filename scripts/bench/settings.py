"""What the browser benchmark measures against: its pages, targets, emulated network, and the
JavaScript it puts into pages (``init.js``, ``collect-*.js``, and the bare page, ``bare/``, beside this file)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


READY_TIMEOUT_MS = 60_000
SETTLE_TIMEOUT_MS = 30_000  # the longest the first visit waits for the service worker after lingering
LETTER_PAGE = "/write/"
HOME_PAGE = "/"
BARE_PAGE = "/bench-bare/"
STOCK_DIR = "/bench-stock/"  # stock Pyodide from npm, and the two wheels as published
BASELINE_PAGE = "/baseline/write/"  # the letter page of --baseline-ref, if given
# The targets of issue 6.
TARGETS = {
    "ratio": 1.05,            # cold ready, ours / bare Pyodide
    "warm_over_cold": 0.5,
    "keystroke_p95_ms": 16.0,
    "long_task_ours_ms": 50.0,
    "fcp_ms": 500.0,
    "cold_bytes_brotli": 5.5e6,
    "warm_over_bare_warm": 1.05,  # warm ready, ours / the bare page's own warm visit (issue 16)
    "arrival_over_cold": 0.5,     # on the emulated network: from the home page / a cold direct visit
}
# The emulated connection of issue 16: 9 Mbit/s down and up, 85 ms per request.
NETWORK = {"mbit_s": 9.0, "latency_ms": 85}

# The JavaScript this script puts into pages, in files of their own
# (beside this file): init.js runs in every page before its own scripts,
# collect-page.js and collect-worker.js are evaluated in the page and in its
# workers once the first preview is shown, and bare/ is the bare Pyodide page.
BENCH = Path(__file__).resolve().parent
INIT_SCRIPT = (BENCH / "init.js").read_text(encoding="utf-8")
COLLECT_PAGE = (BENCH / "collect-page.js").read_text(encoding="utf-8")
COLLECT_WORKER = (BENCH / "collect-worker.js").read_text(encoding="utf-8")
BARE_FILES = BENCH / "bare"
