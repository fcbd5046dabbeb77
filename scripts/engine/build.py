"""Build the files the browser needs to run ``letter_py`` under Pyodide.

The site self-hosts everything (no CDN: a visitor's browser talks to no one
else), so :func:`build` assembles two folders under ``build/``, each step in a
module of its own:

``runtime/<pyodide version>/`` (:mod:`.runtime`)
    The Pyodide core: only the three files a page loads. Versioned, so hosts
    may cache it for a year.

``engine/<content hash>/`` (:mod:`.folder`)
    The ``letter_py`` wheel, Jinja2 and a pure-Python MarkupSafe
    (:mod:`.wheels`), compiled to bytecode with the standard library zip
    (:mod:`.bytecode`), and their ``pyodide-lock.json``. Named by a hash of
    its inputs, so it too can be cached forever; ``engine.json`` beside them
    is :attr:`EngineBuild.manifest`.

:func:`.campaign.precompile_campaign` runs the same Pyodide once more to
compile the site's campaign. Nothing is rebuilt when its inputs have not
changed, which keeps ``mkdocs serve`` rebuilds fast: every cache is named by
:func:`.common.cache_key` of its inputs, the recipe's own files included, so
editing one rebuilds what it makes. Run it directly to see what it does:
``python -m scripts.engine.build``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .common import ROOT
from .folder import MANIFEST, write_engine
from .pyodide import pyodide_core
from .runtime import copy_runtime
from .wheels import dependency_wheels, letter_py_wheel


@dataclass(frozen=True)
class EngineBuild:
    """Where the built files are, and the site paths they are served under."""

    runtime_dir: Path
    engine_dir: Path
    pyodide_version: str

    @property
    def runtime_path(self) -> str:
        return f"pyodide/{self.pyodide_version}/"

    @property
    def engine_path(self) -> str:
        return f"engine/{self.engine_dir.name}/"

    @cached_property
    def manifest(self) -> dict:
        """What the page's worker loads: ``{"entry": module, "wheels": [{"file", "sha256"}]}``.

        ``wheels`` in dependency order (each after what it depends on), ``file``
        relative to the engine folder, ``sha256`` in hex as the lockfile has it
        (the worker fetches each with it as Subresource Integrity).
        """
        return json.loads((self.engine_dir / MANIFEST).read_text())

    def site_files(self) -> dict[str, Path]:
        """Map each site-relative path to the file that provides it.

        The manifest stays out: the page has it in its boot config.
        """
        files = {self.runtime_path + p.name: p for p in sorted(self.runtime_dir.iterdir())}
        files.update({self.engine_path + p.name: p for p in sorted(self.engine_dir.iterdir())
                      if p.name != MANIFEST})
        return files


def build(root: Path = ROOT) -> EngineBuild:
    """Build (or reuse) the runtime and engine folders; cheap when nothing changed."""
    out = root / "build"
    core, version = pyodide_core(root)
    runtime = copy_runtime(core, version, out)
    wheels = [letter_py_wheel(root, out / "wheels"), *dependency_wheels(out / "wheels")]
    engine = write_engine(core, wheels, out)
    return EngineBuild(runtime_dir=runtime, engine_dir=engine, pyodide_version=version)


def main() -> None:
    result = build()
    for site_path, source in result.site_files().items():
        print(f"{site_path}\t{source.stat().st_size:>10,d} bytes")


if __name__ == "__main__":
    main()
