"""The engine folder, ``build/engine/<content hash>/``: what the page's worker loads.

The compiled wheels and standard library (:mod:`.bytecode`) and a
``pyodide-lock.json`` written by ``pyodide lockfile add-wheels`` (which records
each wheel's sha256: the worker fetches each wheel with it as Subresource
Integrity, so the browser refuses a changed file, then puts the wheels on
Python's path as they are). The folder name is a hash of its inputs and of
this recipe, so it can be cached forever. Beside them, ``engine.json`` (not
served): the entry module and the wheels in dependency order with their
sha256, which ``EngineBuild.manifest`` reads and the hooks hand the page as
its boot config, so the page never works the list out again. Without Node
it ships Pyodide's own zip and the source, and says so.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from . import bytecode
from .bytecode import ENTRY_MODULE, STDLIB, compile_for_pyodide
from .common import cache_key, log, run
from .pyodide import HARNESS

ENGINE_PACKAGE = "letter-py"
MANIFEST = "engine.json"  # in the engine folder; the page gets it in its boot config
# The files that decide what the folder holds besides its inputs: editing one
# rebuilds it (cache_key hashes the files themselves).
ENGINE_RECIPE = (Path(__file__).resolve(), Path(bytecode.__file__).resolve(), HARNESS, bytecode.COMPILER)


def dependency_order(packages: dict, name: str) -> list[str]:
    """``name`` and what it needs from a lockfile's packages, each after its dependencies."""
    order: list[str] = []

    def visit(current: str) -> None:
        if current not in order:
            for dependency in sorted(packages[current]["depends"]):
                visit(dependency)
            order.append(current)

    visit(name)
    return order


def write_engine(core: Path, wheels: list[Path], build: Path) -> Path:
    """Write the lockfile, wheels and stdlib into ``engine/<hash>/`` and return it."""
    recipe = ENGINE_RECIPE if shutil.which("node") else ("source",)
    target = build / "engine" / cache_key(
        core / "pyodide-lock.json", *recipe, *(part for w in wheels for part in (w.name, w)), length=12)
    if (target / MANIFEST).exists():
        return target
    log(f"writing the engine into {target.relative_to(build.parent)}")
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp)
        compiled = compile_for_pyodide(core, wheels, staging)
        if compiled is None:
            log("WARNING: node not found: shipping Python source, so the page starts slower")
            shutil.copy(core / STDLIB, staging / STDLIB)
            compiled = [Path(shutil.copy(wheel, staging / wheel.name)) for wheel in wheels]
        full = staging / "full-lock.json"
        pyodide = Path(sys.executable).with_name("pyodide")
        run([str(pyodide), "lockfile", "add-wheels", "--input", str(core / "pyodide-lock.json"),
              "--output", str(full), "--base-path", str(staging), *map(str, compiled)])
        lock = json.loads(full.read_text())
        # Pyodide's lockfile lists ~360 packages the page never loads: ship only
        # what letter_py needs, so the browser downloads and parses less.
        order = dependency_order(lock["packages"], ENGINE_PACKAGE)
        lock["packages"] = {k: v for k, v in sorted(lock["packages"].items()) if k in order}
        full.unlink()
        (staging / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n")
        # The page's worker loads these wheels and imports the entry module:
        # written once here, so the page need not walk the lockfile again.
        manifest = {"entry": ENTRY_MODULE, "wheels": [
            {"file": lock["packages"][name]["file_name"], "sha256": lock["packages"][name]["sha256"]}
            for name in order]}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(staging, target)
    return target

