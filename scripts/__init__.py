"""The project's tools, one folder per job (each says more in its own docstring).

``site/``     the site build the MkDocs hooks run: editions, headers, the service worker, the builder page
``engine/``   the in-browser engine's build: Pyodide's runtime, the wheels, bytecode, the message catalogues
``bench/``    measurement: letters per second, and the letter page's load in Chromium
``shared/``   what the tests and the benchmarks share: the static server, Chromium's launch

``mkdocs_hooks.py`` is the file mkdocs.yml names as its hooks: MkDocs' way into ``site/``.
"""
