"""Compile the site's campaign with the browser's own Python, inside Pyodide.

Run by ``scripts/engine/run_pyodide.mjs`` for ``campaign.precompile_campaign``,
with the engine folder's lockfile, wheels and standard library loaded as the
page's worker loads them; the job file (``sys.argv[1]``) names the entry
module, the campaign (JSON text mapping file names to text) and where to
write what ``Engine.precompile`` returns (see ``letter_py.precompiled``).
"""

import importlib
import json
import sys

job = json.load(open(sys.argv[1], encoding="utf-8"))
with open(job["campaign"], encoding="utf-8") as f:
    engine = importlib.import_module(job["entry"]).Engine(f.read())
with open(job["out"], "wb") as f:
    f.write(engine.precompile())
