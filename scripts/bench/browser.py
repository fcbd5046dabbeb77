"""How fast the letter page's engine is ready, side by side with bare Pyodide.

Drives Debian's Chromium (``/usr/bin/chromium``, launched by ``scripts/shared/chromium.py``
here exactly as the browser tests launch it) through Playwright against the
built site on a local server, and prints a table (its first lines say how to
read it) and writes every figure, raw runs included, as JSON (default
``bench-results/browser.json``).

The site: by default the script builds the working tree with ``mkdocs build``
into a temporary folder, so the figures are for the current sources;
``--site DIR`` measures an already built site instead. Beside the site (in a
temporary root of symlinks, so the site folder is never written to) it puts
``/bench-bare/`` (``bare/`` beside this file): a minimal page that loads the same
vendored Pyodide runtime in a module worker with the same lockfile and wheels
(its URL's query string names them), imports Jinja2 and renders one template.
Both are served by the same server in the same run, their runs interleaved,
so machine noise hits both alike. The scripts it adds to the pages to time
them are in ``scripts/bench/`` too.

Each run is a fresh browser profile (a persistent context in a new temporary
folder: an empty HTTP cache, as a first-time visitor has, and a disk cache and
code cache like a real browser's for the second visit, which follows after the
first has stayed open ``--linger`` seconds, 5 by default: V8 caches compiled
wasm only once the module has run a while, and a visitor writing a letter
stays minutes; with ``--linger 0`` the second visit compiles it again). Two servers are
measured: a plain one, and one that sends the ``.br``/``.gz`` files beside the
originals when the browser accepts them (``StaticServer(precompressed=True)``).

Timings on a shared two-core machine move with whatever else runs; the
table's intro gives the load average and how many other Chromium processes
were running. ``nice -n -10`` (as root) steadies the figures.

Each job is a module of its own beside this one: the sites and the root of
symlinks (:mod:`.sites`), the counting server (:mod:`.network`), one visit
(:mod:`.visit`), the runs (:mod:`.runs`), the summaries and the table
(:mod:`.report`), what is measured against (:mod:`.settings`).

Run ``python -m scripts.bench.browser --help`` for the options.
"""


from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from ..shared import chromium  # launched exactly as the browser tests launch it
from .network import ByteCounter, Link, counting_server
from .report import summarise_network, summarise_server, table
from .runs import fresh_context, measure_keystrokes, measure_network, measure_server
from .settings import BASELINE_PAGE, NETWORK, ROOT, TARGETS
from .sites import build_baseline, build_site, make_root

def other_chromium_processes() -> int:
    count = 0
    for comm in Path("/proc").glob("[0-9]*/comm"):
        try:
            if comm.read_text().strip().startswith("chromium"):
                count += 1
        except OSError:
            pass
    return count


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="By default the site is built from the working tree into a temporary folder "
               "(mkdocs build); --site measures an existing build instead.",
    )
    parser.add_argument("--site", type=Path, help="an already built site folder (e.g. site); default: build one")
    parser.add_argument("--runs", type=int, default=7,
                        help="fresh-profile runs per page and server (default 7; issue 6 asks for 5 or more)")
    parser.add_argument("--keystrokes", type=int, default=120,
                        help="keystrokes to time (default 120; issue 6 asks for 100 or more)")
    parser.add_argument("--key-delay", type=int, default=60, help="ms between keystrokes (default 60)")
    parser.add_argument("--no-precompressed", action="store_true", help="skip the precompressed-server runs")
    parser.add_argument("--linger", type=int, default=5000,
                        help="ms to stay on the first visit before the second (default 5000; Chromium "
                             "caches compiled wasm only after it has run a while; 0 = close at once)")
    parser.add_argument("--network-runs", type=int, default=3,
                        help="runs on the emulated 9 Mbit/s, 85 ms link (default 3; 0 skips them)")
    parser.add_argument("--read", type=int, default=8000,
                        help="ms the visitor reads the home page before following the link (default 8000)")
    parser.add_argument("--baseline-ref", metavar="REF",
                        help="also measure the letter page as git REF builds it (e.g. main or HEAD~3), "
                             "interleaved with this one: an A/B of two versions in one run")
    parser.add_argument("--json", type=Path, default=ROOT / "bench-results" / "browser.json",
                        help="where to write the figures (default bench-results/browser.json)")
    args = parser.parse_args()
    if args.runs < 1 or args.keystrokes < 1 or args.linger < 0:
        parser.error("--runs and --keystrokes must be positive, --linger not negative")
    if problem := chromium.missing("make chromium"):
        sys.exit(problem)

    meta = {
        "cpus": os.cpu_count(),
        "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "other_chromium_processes": other_chromium_processes(),
        "runs": args.runs,
        "linger_ms": args.linger,
        "read_ms": args.read,
        "python": platform.python_version(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    with tempfile.TemporaryDirectory(prefix="bench-browser-") as tmp:
        tmp_path = Path(tmp)
        site = args.site.resolve() if args.site else tmp_path / "site"
        if args.site is None:
            build_site(site)
        elif not (site / "write" / "index.html").exists():
            sys.exit(f"{site} is not a built site (no write/index.html)")
        meta["site"] = str(args.site) if args.site else "built from the working tree"
        baseline = build_baseline(args.baseline_ref, tmp_path) if args.baseline_ref else None
        meta["baseline_ref"] = args.baseline_ref
        meta.update(make_root(site, tmp_path / "root", baseline))
        meta["precompressed_files"] = sum(1 for _ in site.rglob("*.br"))
        profiles = tmp_path / "profiles"
        profiles.mkdir()
        counter = ByteCounter()
        report: dict = {"meta": meta, "targets": TARGETS, "servers": {}, "runs": {}}
        with sync_playwright() as playwright:
            probe, probe_dir = fresh_context(playwright, profiles)
            meta["chromium"] = probe.browser.version if probe.browser else ""
            if not meta["chromium"]:
                meta["chromium"] = subprocess.run([chromium.EXECUTABLE, "--version"], capture_output=True,
                                                  text=True).stdout.split()[1]
            probe.close()
            shutil.rmtree(probe_dir, ignore_errors=True)
            servers = [("plain", False)] + ([] if args.no_precompressed else [("precompressed", True)])
            for label, precompressed in servers:
                with counting_server(tmp_path / "root", counter, precompressed=precompressed) as server:
                    runs = measure_server(playwright, server, counter, args.runs, profiles, label, args.linger,
                                          meta["bare_page"], baseline is not None, meta["stock_page"])
                    report["runs"][label] = runs
                    report["servers"][label] = summarise_server(runs)
                    if label == "plain":
                        report["keystrokes"] = measure_keystrokes(
                            playwright, server, counter, args.keystrokes, args.key_delay, profiles)
                        if baseline is not None:
                            report["baseline_keystrokes"] = measure_keystrokes(
                                playwright, server, counter, args.keystrokes, args.key_delay, profiles,
                                BASELINE_PAGE)
            if args.network_runs > 0:
                link = Link(NETWORK["mbit_s"], NETWORK["latency_ms"])
                with counting_server(tmp_path / "root", counter, precompressed=True, link=link) as server:
                    runs = measure_network(playwright, server, counter, args.network_runs, profiles, args.linger,
                                           args.read, meta["bare_page"], meta["stock_page"])
                    report["runs"]["network"] = runs
                    report["network"] = summarise_network(runs)
    meta["load_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    text = table(report)
    print(text, flush=True)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    report["table"] = text
    args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    print(f"\nFigures written to {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
