"""The engine build's own pieces (scripts/engine/): its cache keys, the wheel order and the manifest."""

from __future__ import annotations

import hashlib
import importlib
import json
from pathlib import Path

from scripts.engine import build, bytecode, campaign, folder, pyodide, wheels
from scripts.engine.common import cache_key

ROOT = Path(__file__).resolve().parents[2]


def test_cache_key_follows_file_contents_and_keeps_parts_apart(tmp_path: Path):
    recipe = tmp_path / "compile.py"
    recipe.write_text("print(1)\n")
    first = cache_key("engine", recipe)
    assert cache_key("engine", recipe) == first
    recipe.write_text("print(2)\n")
    assert cache_key("engine", recipe) != first
    assert cache_key("ab", "c") != cache_key("a", "bc")
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    assert cache_key(empty) != cache_key(tmp_path / "missing")
    assert len(cache_key("x", length=12)) == 12


def test_the_recipes_keys_cover_the_programs_they_run():
    """Editing what runs in Pyodide rebuilds what it made (no hand-bumped version)."""
    assert {pyodide.HARNESS, bytecode.COMPILER} <= set(folder.ENGINE_RECIPE)
    assert {pyodide.HARNESS, campaign.PRECOMPILER} <= set(campaign.PRECOMPILE_RECIPE)
    recipes = {*wheels.WHEEL_RECIPE, *folder.ENGINE_RECIPE, *campaign.PRECOMPILE_RECIPE}
    # Each recipe's own modules: the wheel's (and its catalogue compiler), the folder's (and its
    # bytecode compiler), the campaign's.
    for module in (wheels, wheels.catalogues, folder, bytecode, campaign):
        assert Path(module.__file__).resolve() in recipes, module.__name__
    for path in recipes:
        assert path.is_file(), path


def test_dependency_order_puts_each_package_after_what_it_needs():
    packages = {
        "app": {"depends": ["web", "text"]},
        "web": {"depends": ["text", "base"]},
        "text": {"depends": ["base"]},
        "base": {"depends": []},
        "unused": {"depends": ["base"]},
    }
    order = folder.dependency_order(packages, "app")
    assert sorted(order) == ["app", "base", "text", "web"]
    for name in order:
        assert all(order.index(dep) < order.index(name) for dep in packages[name]["depends"]), order


def test_the_manifest_lists_the_lockfiles_wheels_in_order_and_its_entry_module():
    built = build.build(ROOT)
    manifest = built.manifest
    assert set(manifest) == {"entry", "wheels"}
    assert hasattr(importlib.import_module(manifest["entry"]), "Engine")
    lock = json.loads((built.engine_dir / "pyodide-lock.json").read_text())["packages"]
    by_file = {package["file_name"]: package for package in lock.values()}
    files = [wheel["file"] for wheel in manifest["wheels"]]
    assert sorted(files) == sorted(by_file)
    for wheel in manifest["wheels"]:
        assert hashlib.sha256((built.engine_dir / wheel["file"]).read_bytes()).hexdigest() == wheel["sha256"]
        assert by_file[wheel["file"]]["sha256"] == wheel["sha256"]
        for dependency in by_file[wheel["file"]]["depends"]:
            assert files.index(lock[dependency]["file_name"]) < files.index(wheel["file"])
    assert by_file[files[-1]]["name"] == folder.ENGINE_PACKAGE
    # Not served: the page gets it in its boot config.
    assert all(not path.endswith("/" + folder.MANIFEST) for path in built.site_files())


def test_the_browsers_wheel_leaves_out_the_officials_directory_and_the_command_line(tmp_path: Path):
    """The page reads the directory's JSON and runs no command line: their modules,
    data and the project's README stay out of what visitors download."""
    import zipfile

    sources = [path.relative_to(ROOT).as_posix() for path in wheels._source_files(ROOT)]
    assert "letter_py/web.py" in sources
    assert not [path for path in sources if path.startswith("letter_py/directory/")]
    assert not {"letter_py/cli.py", "letter_py/batch.py", "README.md"} & set(sources)
    wheel = zipfile.ZipFile(wheels.letter_py_wheel(ROOT, tmp_path))
    names = wheel.namelist()
    assert "letter_py/web.py" in names and "letter_py/render.py" in names
    assert not [name for name in names if name.startswith("letter_py/directory/")], names
    for left_out in ("cli.py", "campaign_link_cli.py", "batch.py", "__main__.py"):
        assert (ROOT / "letter_py" / left_out).exists() and "letter_py/" + left_out not in names
    (metadata,) = [name for name in names if name.endswith(".dist-info/METADATA")]
    assert wheels.WHEEL_README.strip() in wheel.read(metadata).decode()
    assert len(wheel.read(metadata)) < 2_000


def test_no_module_in_the_browsers_wheel_imports_what_it_leaves_out():
    """An import of a left-out module would fail only in the browser, so none may exist."""
    import ast
    from importlib.util import resolve_name

    package = ROOT / "letter_py"

    def module(relative: Path) -> str:
        parts = relative.with_suffix("").parts
        return ".".join(("letter_py", *(parts[:-1] if parts[-1] == "__init__" else parts)))

    kept, left_out = [], set()
    for path in package.rglob("*.py"):
        relative = path.relative_to(package)
        if wheels._in_browser(relative):
            kept.append((path, module(relative)))
        else:
            left_out.add(module(relative))
    assert {"letter_py.cli", "letter_py.batch", "letter_py.directory"} <= left_out
    for path, name in kept:
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = resolve_name("." * node.level + (node.module or ""), here) if node.level else node.module
                imported = [base, *(f"{base}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                imported = [alias.name for alias in node.names]
            else:
                continue
            for target in imported:
                assert not any(target == gone or target.startswith(gone + ".") for gone in left_out), (path, target)
