"""The project's own size and layout rules (issue 23), so they cannot slip unnoticed.

The page's modules stay small (250 lines), the build's files too (400), scripts/
shows its jobs as folders, each saying its job, and no test reaches for its
modules by editing the import path or importing a conftest.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.paths import ROOT

SCRIPTS = ROOT / "scripts"
PROGRAM_SUFFIXES = {".py", ".js", ".mjs", ".sh"}


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_page_module_is_over_250_lines():
    modules = sorted((ROOT / "docs" / "assets").rglob("*.js"))
    assert modules
    assert not [(path.relative_to(ROOT).as_posix(), n) for path in modules if (n := _lines(path)) > 250]


def test_no_build_file_is_over_400_lines():
    files = [path for path in SCRIPTS.rglob("*") if path.suffix in PROGRAM_SUFFIXES and "__pycache__" not in path.parts]
    assert len(files) > 20
    assert not [(path.relative_to(ROOT).as_posix(), n) for path in files if (n := _lines(path)) > 400]


def test_scripts_shows_its_jobs_as_folders_each_saying_its_job():
    loose = [path.name for path in SCRIPTS.iterdir() if path.is_file() and path.suffix in PROGRAM_SUFFIXES
             and path.name != "__init__.py"]
    assert len(loose) <= 4, loose
    folders = [path for path in SCRIPTS.iterdir() if path.is_dir() and path.name != "__pycache__"]
    assert {"site", "engine", "bench", "shared"} <= {folder.name for folder in folders}
    for folder in [SCRIPTS, *folders]:
        init = folder / "__init__.py"
        said = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) if init.exists() else None
        assert said or (folder / "README.md").exists(), f"{folder.relative_to(ROOT)} does not say its job"


def _test_files() -> list[Path]:
    return sorted(path for path in (ROOT / "tests").rglob("*.py") if "__pycache__" not in path.parts)


@pytest.mark.parametrize("path", _test_files(), ids=lambda path: path.relative_to(ROOT).as_posix())
def test_no_test_edits_the_import_path_or_imports_a_conftest(path: Path):
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text, str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.module != "conftest", f"{path.name}:{node.lineno}: from conftest import"
        elif isinstance(node, ast.Import):
            assert "conftest" not in [alias.name for alias in node.names], f"{path.name}:{node.lineno}"
        elif isinstance(node, ast.Attribute) and node.attr == "path" and getattr(node.value, "id", None) == "sys":
            raise AssertionError(f"{path.name}:{node.lineno}: reads or edits the import path")
    # Programs handed to a subprocess as text are code too.
    assert not re.search(r"\bsys\s*\.\s*path\s*\.\s*(insert|append|extend)\(", text), \
        f"{path.name}: a program in a string edits the import path"
