"""The site's campaign compiled ahead by the browser's own Python (``letter_py.precompiled``),
so the page's worker skips Jinja2's compiler and the TOML parser at start-up."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from .build import EngineBuild
from .bytecode import STDLIB
from .common import ROOT, cache_key, log
from .folder import ENGINE_PACKAGE
from .pyodide import HARNESS, pyodide_core, run_pyodide

PRECOMPILER = Path(__file__).resolve().with_name("precompile.py")
PRECOMPILE_RECIPE = (Path(__file__).resolve(), HARNESS, PRECOMPILER)


def precompile_campaign(built: EngineBuild, campaign_json: str, root: Path = ROOT) -> Path | None:
    """The campaign compiled by the browser's own Python, for the page to ship.

    Loads the engine folder's lockfile, wheels and stdlib in Pyodide under
    Node, exactly as the browser does, and writes what
    ``letter_py.web.Engine.precompile`` returns (see ``letter_py.precompiled``):
    the worker then skips Jinja2's compiler and the TOML parser at start-up.
    Named by a hash of its inputs, so it is only rebuilt when the campaign or
    the engine changes; None without Node (the page compiles it, more slowly).
    """
    if shutil.which("node") is None:
        return None
    key = cache_key(built.engine_dir.name, campaign_json, *PRECOMPILE_RECIPE)
    target = root / "build" / "precompiled" / f"campaign-{key}.bin"
    if target.exists():
        return target
    core, _ = pyodide_core(root)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        job_dir = Path(tmp)
        (job_dir / "campaign.json").write_text(campaign_json, encoding="utf-8")
        job = {"entry": built.manifest["entry"], "campaign": "/job/campaign.json", "out": "/job/campaign.bin"}
        (job_dir / "job.json").write_text(json.dumps(job))
        run_pyodide(core, {
            "lockFileURL": str(built.engine_dir / "pyodide-lock.json"),
            "stdLibURL": str(built.engine_dir / STDLIB),
            "packages": [ENGINE_PACKAGE], "env": {"PYTHONNODEBUGRANGES": "1"},
            "mounts": {"/job": str(job_dir)},
            "script": str(PRECOMPILER), "args": ["/job/job.json"],
        })
        shutil.copyfile(job_dir / "campaign.bin", target)
    log(f"precompiled the campaign into {target.relative_to(root)}")
    return target

