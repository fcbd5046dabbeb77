"""One visit to a page in a fresh browser profile, and what it measured."""

from __future__ import annotations

import time

from .network import ByteCounter
from .settings import COLLECT_PAGE, COLLECT_WORKER, READY_TIMEOUT_MS, SETTLE_TIMEOUT_MS

def _collect(page) -> dict:
    data = page.evaluate(COLLECT_PAGE)
    workers = []
    for worker in page.workers:
        try:
            w = worker.evaluate(COLLECT_WORKER)
        except Exception:  # a worker that has already ended
            continue
        shift = w["timeOrigin"] - data["timeOrigin"]
        for r in w["resources"]:
            r["start"] += shift
            r["end"] += shift
        for m in w.get("marks", []):
            m["start"] += shift
        workers.append(w)
    data["workers"] = workers
    return data


def visit(context, origin: str, path: str, counter: ByteCounter, linger_ms: int = 0,
          read_first: str | None = None, read_ms: int = 0) -> dict:
    """Open ``path`` in a new tab, wait for the first preview, collect the figures.

    ``linger_ms``: stay on the page that long before closing it, as a visitor
    writing a letter does. Chromium writes its cache of the compiled wasm only
    once the module has run a while (V8 caches tiered-up code), so a tab closed
    at once makes the next visit compile Python's wasm again.
    """
    page = context.new_page()
    if read_first is not None:  # a visitor reading another page first, then following a link
        page.goto(origin + read_first, wait_until="load")
        page.wait_for_timeout(read_ms)
    counter.reset()
    page.goto(origin + path, wait_until="commit")
    page.wait_for_function("() => window.__bench && window.__bench.rendered.length > 0",
                           timeout=READY_TIMEOUT_MS, polling=100)
    # What the visitor waited for; what follows (the service worker keeping
    # the site's files for offline use) is counted apart.
    ready = counter.snapshot()
    data_ready = {"ready_bytes": sum(n for _, n in ready), "ready_requests": len(ready)}
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(200)  # let the long-task observers deliver
    data = _collect(page) | data_ready
    data["server_bytes"] = sum(n for _, n in counter.snapshot())
    data["server_requests"] = counter.snapshot()
    # The second witness: what the page and its workers saw arrive over the
    # network (transferSize: headers and encoded body, 0 from the cache).
    resources = data["resources"] + [r for w in data["workers"] for r in w["resources"]]
    data["timing_bytes"] = (data["nav"]["transfer"] if data["nav"] else 0) + sum(r["transfer"] for r in resources)
    data["offline_ready"] = page.evaluate("document.documentElement.dataset.offline || null")
    if linger_ms:
        page.wait_for_timeout(linger_ms)
        data["offline_ready_after_linger"] = page.evaluate("document.documentElement.dataset.offline || null")
        # A visitor writing a letter stays minutes: let the service worker
        # finish keeping the site's files (the letter page marks it) before the
        # next visit, so that visit meets the steady state, not a worker still busy.
        started = time.monotonic()
        if page.evaluate("!!document.querySelector('script[data-root]')"):
            try:
                page.wait_for_selector("html[data-offline]", state="attached", timeout=SETTLE_TIMEOUT_MS)
            except Exception:
                pass
        data["settle_ms"] = round((time.monotonic() - started) * 1000)
        data["settled_bytes"] = sum(n for _, n in counter.snapshot())
    page.close()
    return data


def classify_long_tasks(data: dict) -> dict:
    """Long tasks up to the first preview, each blamed on the scripts that ran in it.

    The long animation frames overlapping a task say which scripts ran and for
    how long; a task's owner is the script that ran longest ("browser" when no
    script did: parsing, style, layout). ``ours_ms`` is the time scripts under
    assets/letter/ ran in it.
    """
    ready = data["ready"] or 0
    tasks = []
    for task in data["longtasks"]:
        if task["start"] > ready:
            continue
        end = task["start"] + task["duration"]
        by_url: dict[str, float] = {}
        for frame in data["loaf"]:
            if frame["start"] < end and frame["start"] + frame["duration"] > task["start"]:
                for script in frame["scripts"]:
                    url = script["url"] or "(inline)"
                    by_url[url] = by_url.get(url, 0) + script["duration"]
        ours = sum(ms for url, ms in by_url.items() if "/assets/letter/" in url)
        top = max(by_url, key=by_url.get) if by_url else None
        owner = "browser" if top is None else "ours" if "/assets/letter/" in top else "theme"
        tasks.append({"start": round(task["start"]), "duration": round(task["duration"]),
                      "owner": owner, "ours_ms": round(ours),
                      "scripts": {url.rsplit("/", 1)[-1]: round(ms) for url, ms in sorted(by_url.items())}})
    return {
        "count": len(tasks),
        "longest": max((t["duration"] for t in tasks), default=0),
        "longest_ours": max((t["duration"] for t in tasks if t["owner"] == "ours"), default=0),
        "ours_ms": max((t["ours_ms"] for t in tasks), default=0),
        "tasks": tasks,
    }


def first_fetch(data: dict, suffix: str) -> float | None:
    starts = [r["start"] for r in data["resources"] + [r for w in data["workers"] for r in w["resources"]]
              if r["name"].split("?")[0].endswith(suffix)]
    return min(starts) if starts else None


def worker_marks(data: dict) -> dict[str, float]:
    """The engine worker's stage marks (worker.js, "letter:…"), in the page's clock."""
    return {m["name"].removeprefix("letter:"): round(m["start"], 1)
            for w in data["workers"] for m in w.get("marks", []) if m["name"].startswith("letter:")}


def summarise_visit(data: dict) -> dict:
    return {
        "stages": worker_marks(data),
        "ready_ms": round(data["ready"], 1),
        "fcp_ms": round(data["fcp"], 1) if data["fcp"] is not None else None,
        "engine_ms": data["engineMs"],
        "wasm_request_ms": _round(first_fetch(data, "pyodide.asm.wasm")),
        "dom_content_loaded_ms": _round(data["nav"]["domContentLoaded"]) if data["nav"] else None,
        "server_bytes": data["server_bytes"],
        "ready_bytes": data["ready_bytes"],
        "ready_requests": data["ready_requests"],
        "settled_bytes": data.get("settled_bytes"),
        "timing_bytes": data["timing_bytes"],
        "requests": len(data["server_requests"]),
        "requests_by_path": _count_paths(data["server_requests"]),
        "long_tasks": classify_long_tasks(data),
        "offline_ready": data.get("offline_ready_after_linger", data.get("offline_ready")),
        "settle_ms": data.get("settle_ms"),
    }


def _round(value):
    return None if value is None else round(value, 1)


def _count_paths(requests: list[tuple[str, int]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for path, _ in requests:
        counts[path] = counts.get(path, 0) + 1
    return counts
