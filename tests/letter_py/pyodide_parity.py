"""The parity test's side in Pyodide: render every case and answer in JSON.

Run by ``scripts/engine/run_pyodide.mjs`` for ``test_pyodide.py``, with the
Jinja2 and MarkupSafe wheels installed and the ``letter_py`` source folder
mounted in Pyodide's working directory (``''``, first on its import path).
Arguments: the cases file (JSON mapping names to input texts) and that
directory (where the campaign is read from). Prints ``{"version", "results",
"links", "read", "describe", "ms_per_call"}`` (cases named ``link:…`` are
campaign links' builder inputs); ``describe`` is the web engine's form
settings for the packaged campaign in each letter language.
"""

import datetime
import json
import sys
import time

cases_file, source = sys.argv[1:]
sys.dont_write_bytecode = True  # the source is the host's own folder

import letter_py  # noqa: E402

with open(cases_file, encoding="utf-8") as f:
    cases = json.load(f)
today = datetime.date(2026, 11, 29)
results = {name: letter_py.render_json(text, today=today) for name, text in cases.items()
           if not name.startswith("link:")}
from letter_py.web import Engine  # noqa: E402

engine = Engine(json.dumps(letter_py.campaign_files(source + "/letter_py/campaigns/default")))
describe = {lang: engine.describe(lang)
            for lang in [language["code"] for language in json.loads(engine.languages())]}
first = next(iter(cases.values()))
start = time.perf_counter()
for _ in range(100):
    letter_py.render_json(first, today=today)
# Campaign links: the builder's answer and the visitor's reading of each case's link.
from letter_py import campaign_link  # noqa: E402

campaign = letter_py.default_campaign()
links = {name: campaign_link.build_json(text, campaign) for name, text in cases.items() if name.startswith("link:")}
read = {name: campaign_link.read_link_json(json.loads(answer)["fragment"], campaign) for name, answer in links.items()}
print(json.dumps({"version": sys.version, "results": results, "links": links, "read": read, "describe": describe,
                  "ms_per_call": (time.perf_counter() - start) * 10}))
