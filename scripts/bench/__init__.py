"""Measurement: ``make bench`` runs both benchmarks.

:mod:`.letters` letters per second through the CLI's batch and the JSON entry
point (``python -m scripts.bench.letters``); :mod:`.browser` the letter page's
load and keystroke timings against bare Pyodide, in Chromium
(``python -m scripts.bench.browser``), its jobs in modules of their own
(:mod:`.sites`, :mod:`.network`, :mod:`.visit`, :mod:`.runs`, :mod:`.report`,
:mod:`.settings`), and the JavaScript it puts into pages beside them
(``init.js``, ``collect-page.js``, ``collect-worker.js``, the bare page ``bare/``).
"""
