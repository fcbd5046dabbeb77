"""The runs: fresh-profile visits to each page, interleaved, on each server and on the emulated network;
the keystroke timings."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from ..shared import chromium  # launched exactly as the browser tests launch it
from ..shared.static_server import StaticServer
from .network import ByteCounter
from .settings import BARE_PAGE, BASELINE_PAGE, HOME_PAGE, INIT_SCRIPT, LETTER_PAGE, READY_TIMEOUT_MS
from .visit import summarise_visit, visit

def fresh_context(playwright, profiles: Path):
    profile = Path(tempfile.mkdtemp(dir=profiles))
    context = chromium.launch_persistent(playwright, profile)
    context.add_init_script(INIT_SCRIPT)
    return context, profile


def measure_server(playwright, server: StaticServer, counter: ByteCounter, runs: int,
                   profiles: Path, label: str, linger_ms: int = 0, bare_page: str = BARE_PAGE,
                   baseline: bool = False, stock_page: str | None = None) -> dict:
    pages = [("ours", LETTER_PAGE), ("bare", bare_page)] + ([("stock", stock_page)] if stock_page else []) \
        + ([("base", BASELINE_PAGE)] if baseline else [])
    results: dict[str, list[dict]] = {f"{who}_{visit}": [] for who, _ in pages for visit in ("cold", "warm")}
    for i in range(runs):
        # Interleaved, and in turn first: each page meets the machine's slow
        # spells as often as the others.
        for who, path in pages[i % len(pages):] + pages[:i % len(pages)]:
            context, profile = fresh_context(playwright, profiles)
            try:
                cold = visit(context, server.origin, path, counter, linger_ms)
                warm = visit(context, server.origin, path, counter)
            finally:
                context.close()
                shutil.rmtree(profile, ignore_errors=True)
            results[f"{who}_cold"].append(summarise_visit(cold))
            results[f"{who}_warm"].append(summarise_visit(warm))
        print(f"  {label} run {i + 1}/{runs}: " + ", ".join(
            f"{who} {results[f'{who}_cold'][-1]['ready_ms']:.0f} ms (warm {results[f'{who}_warm'][-1]['ready_ms']:.0f})"
            for who, _ in pages), file=sys.stderr)
    return results


def measure_network(playwright, server: StaticServer, counter: ByteCounter, runs: int, profiles: Path,
                    linger_ms: int, read_ms: int, bare_page: str, stock_page: str) -> dict:
    """The emulated connection (``Link``), precompressed files: each run, in turn
    first, a cold direct visit to the letter page (then, network off, the same
    page again: offline ready), arrival from the home page after reading it
    ``read_ms``, and cold visits to bare and stock Pyodide. Fresh profiles."""
    kinds = ["cold", "arrival", "bare", "stock"]
    results: dict[str, list[dict]] = {k: [] for k in kinds + ["offline"]}
    for i in range(runs):
        for kind in kinds[i % len(kinds):] + kinds[:i % len(kinds)]:
            context, profile = fresh_context(playwright, profiles)
            try:
                if kind == "cold":
                    results["cold"].append(summarise_visit(visit(context, server.origin, LETTER_PAGE, counter, linger_ms)))
                    context.set_offline(True)
                    try:
                        results["offline"].append(summarise_visit(visit(context, server.origin, LETTER_PAGE, counter)))
                    except Exception as error:  # not ready offline: say so in the figures
                        print(f"  offline visit failed: {error}".splitlines()[0], file=sys.stderr)
                    finally:
                        context.set_offline(False)
                elif kind == "arrival":
                    results["arrival"].append(summarise_visit(visit(
                        context, server.origin, LETTER_PAGE, counter, read_first=HOME_PAGE, read_ms=read_ms)))
                else:
                    path = bare_page if kind == "bare" else stock_page
                    results[kind].append(summarise_visit(visit(context, server.origin, path, counter)))
            finally:
                context.close()
                shutil.rmtree(profile, ignore_errors=True)
        print(f"  network run {i + 1}/{runs}: " + ", ".join(
            f"{k} {results[k][-1]['ready_ms']:.0f} ms" for k in kinds + ["offline"] if len(results[k]) > i),
            file=sys.stderr)
    return results


def measure_keystrokes(playwright, server: StaticServer, counter: ByteCounter, count: int,
                       delay_ms: int, profiles: Path, path: str = LETTER_PAGE) -> dict:
    """Type into "In your own words" and time each keystroke to the preview showing it."""
    context, profile = fresh_context(playwright, profiles)
    try:
        counter.reset()
        page = context.new_page()
        page.goto(server.origin + path)
        page.wait_for_function("() => window.__bench && window.__bench.rendered.length > 0",
                               timeout=READY_TIMEOUT_MS, polling=100)
        page.wait_for_load_state("networkidle")
        page.click("#personal")
        page.evaluate("() => { window.__bench.inputs.length = 0; }")
        sentence = "I live here and I want our police to stop arresting the people who are sold. "
        text = (sentence * (count // len(sentence) + 1))[:count]
        page.keyboard.type(text, delay=delay_ms)
        page.wait_for_function(
            """() => { const b = window.__bench; const last = b.inputs[b.inputs.length - 1];
                       return b.rendered.some((r) => r.sentAt !== null && r.sentAt >= last && r.frame); }""",
            timeout=10_000, polling=50)
        data = page.evaluate("() => ({ inputs: window.__bench.inputs, rendered: window.__bench.rendered,"
                             " replies: window.__bench.replies })")
        typed = page.input_value("#personal")
    finally:
        context.close()
        shutil.rmtree(profile, ignore_errors=True)
    if typed != text:
        sys.exit("keystroke benchmark: the textarea does not hold what was typed")
    renders = sorted((r for r in data["rendered"] if r.get("sentAt") is not None), key=lambda r: r["sentAt"])
    replies = {r["id"]: r["at"] for r in data["replies"]}
    dom, frame = [], []
    for t in data["inputs"]:
        shown = next(r for r in renders if r["sentAt"] >= t)
        dom.append(shown["at"] - t)
        frame.append(shown.get("frame", shown["at"]) - t)
    # Per render: request sent → reply received (the worker, Python and two
    # message hops) and reply → preview updated (JSON.parse and the DOM).
    worker = [replies[r["id"]] - r["sentAt"] for r in renders if r["id"] in replies]
    page_side = [r["at"] - replies[r["id"]] for r in renders if r["id"] in replies]
    return {
        "keystrokes": len(data["inputs"]),
        "renders": len(renders),
        "delay_ms": delay_ms,
        "dom_p50_ms": round(percentile(dom, 50), 2),
        "dom_p95_ms": round(percentile(dom, 95), 2),
        "dom_max_ms": round(max(dom), 2),
        "frame_p50_ms": round(percentile(frame, 50), 2),
        "frame_p95_ms": round(percentile(frame, 95), 2),
        "worker_p50_ms": round(percentile(worker, 50), 2) if worker else None,
        "worker_p95_ms": round(percentile(worker, 95), 2) if worker else None,
        "page_p50_ms": round(percentile(page_side, 50), 2) if page_side else None,
        "page_p95_ms": round(percentile(page_side, 95), 2) if page_side else None,
        "dom_ms": [round(x, 2) for x in dom],
    }


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)
