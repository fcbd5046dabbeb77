"""Pyodide's CPython under Node: where its core is, and running a Python file in it.

What the build runs in Pyodide is in files of their own beside this one
(``compile.py``, ``precompile.py``), run by the one harness ``run_pyodide.mjs``
from a job file (the parity test's script too); :func:`run_pyodide` writes the job.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from .common import ROOT, run

HARNESS = Path(__file__).resolve().with_name("run_pyodide.mjs")


def run_pyodide(core: Path, job: dict, timeout: float | None = None) -> str:
    """Run ``job["script"]`` in Pyodide's CPython under Node; return its stdout.

    ``job`` is what ``scripts/engine/run_pyodide.mjs`` takes (its header lists
    the keys), without ``indexURL``: the Pyodide core in ``core``. Needs Node.
    """
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node not found: Pyodide runs under Node")
    with tempfile.TemporaryDirectory() as tmp:
        job_file = Path(tmp) / "job.json"
        job_file.write_text(json.dumps({"indexURL": str(core) + "/", **job}))
        return run([node, str(HARNESS), str(job_file)], timeout=timeout)


def pyodide_core(root: Path = ROOT) -> tuple[Path, str]:
    core = root / "node_modules" / "pyodide"
    package = core / "package.json"
    if not package.exists():
        raise RuntimeError("node_modules/pyodide is missing: run `npm ci` (or `make site`) first")
    return core, json.loads(package.read_text())["version"]

