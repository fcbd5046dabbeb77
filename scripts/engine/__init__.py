"""The engine build: ``letter_py`` and its Pyodide runtime, made into the files the page's worker loads.

:mod:`.build` is the entry (``build()``, and ``python -m scripts.engine.build``);
each step is a module of its own: :mod:`.runtime` (Pyodide's core),
:mod:`.wheels` (the wheels), :mod:`.catalogues` (the message catalogues, with
Babel), :mod:`.bytecode` (compiled by Pyodide's own CPython), :mod:`.folder`
(the engine folder and its lockfile), :mod:`.campaign` (the campaign compiled
ahead). What runs inside Pyodide is in plain files beside them, run by the one
harness ``run_pyodide.mjs`` (:mod:`.pyodide`): ``compile.py`` and ``precompile.py``.
"""
