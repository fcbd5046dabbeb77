"""Run two checkers this project did not write over the built site.

* The W3C Nu HTML Checker (npm ``vnu-jar``, on Java), once over every page.
* Lighthouse (npm ``lighthouse``), once per page, in the same Debian
  Chromium, with the same offline flags, as the browser tests.

Each returns plain data for a test to judge; neither decides what passes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from scripts.shared import chromium
from tests.paths import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def html_pages(site: Path) -> list[Path]:
    """Every HTML page MkDocs built (the runtime and engine folders hold none)."""
    return sorted(path for path in site.rglob("*.html") if "assets" not in path.relative_to(site).parts)


def nu_errors(files: list[Path]) -> list[str]:
    """The Nu checker's errors over all ``files`` in one run: one line each."""
    java = shutil.which("java")
    assert java, "Java is missing: `make test` installs Debian's default-jre-headless"
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    report = json.loads(result.stderr)
    lines = []
    for message in report["messages"]:
        where = Path(message.get("url", "").removeprefix("file:")).as_posix()
        extract = " ".join(message.get("extract", "").split())
        lines.append(f"{where}:{message.get('lastLine', '?')}: {message['message']} [{extract}]")
    return lines


def lighthouse(url: str, out: Path, categories: list[str] = LIGHTHOUSE_CATEGORIES) -> dict:
    """Lighthouse's JSON report for ``url`` (mobile defaults), written to ``out`` too;
    ``categories`` only, the fewer the quicker."""
    flags = " ".join(["--headless=new", *chromium.ARGS])
    result = subprocess.run(
        ["node", str(LIGHTHOUSE), url,
         "--output=json", f"--output-path={out}", "--quiet",
         f"--only-categories={','.join(categories)}",
         f"--chrome-flags={flags}",
         "--disable-full-page-screenshot"],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "CHROME_PATH": chromium.EXECUTABLE},
    )
    assert result.returncode == 0, f"lighthouse failed on {url}:\n{result.stdout}\n{result.stderr}"
    return json.loads(out.read_text(encoding="utf-8"))


def scores(report: dict) -> dict[str, float]:
    """Each category's score, 0 to 100."""
    return {key: round(category["score"] * 100) for key, category in report["categories"].items()}


def failed_audits(report: dict, category: str) -> list[str]:
    """The audits of ``category`` that count towards its score and did not pass."""
    audits = report["audits"]
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            items = audit.get("details", {}).get("items", [])
            nodes = [item.get("node", {}).get("selector", "") for item in items[:3]]
            lines.append(f"{category}: {ref['id']} ({audit['title']}) {nodes}")
    return lines


def requested_urls(report: dict) -> list[str]:
    """Every URL the page asked for while Lighthouse watched."""
    return [item["url"] for item in report["audits"]["network-requests"]["details"]["items"]]


def layout_shifts(report: dict) -> list[str]:
    """The elements that moved, with each shift's score."""
    details = report["audits"].get("layout-shifts", {}).get("details", {})
    return [f"{item.get('score', 0):.4f} {item.get('node', {}).get('selector', '')}"
            for item in details.get("items", [])]
