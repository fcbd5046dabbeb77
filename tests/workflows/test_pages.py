"""The GitHub Pages workflow: valid against GitHub's workflow schema, and it does what organizers are told."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from tests.paths import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
CHECKER = Path(sys.executable).with_name("check-jsonschema")


def test_the_workflow_is_valid_against_githubs_schema():
    result = subprocess.run([str(CHECKER), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_checker_does_refuse_a_broken_workflow(tmp_path: Path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("runs-on: ubuntu-latest", "runs-on: 5\n    stepz: []", 1))
    result = subprocess.run([str(CHECKER), "--builtin-schema", "vendor.github-workflows", str(broken)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0


def test_it_builds_with_make_site_and_deploys_site_folder():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    build, deploy = workflow["jobs"]["build"]["steps"], workflow["jobs"]["deploy"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in build]
    assert uses[:3] == ["actions/checkout", "actions/setup-python", "actions/setup-node"]
    assert any(step.get("run") == "make site" for step in build)
    upload = next(step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site/"
    assert [step["uses"].split("@")[0] for step in deploy] == ["actions/deploy-pages"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["jobs"]["deploy"]["needs"] == "build"
