"""The directory refresh workflow: valid against GitHub's schema, and it builds from both sources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from tests.paths import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "directory.yml"
CHECKER = Path(sys.executable).with_name("check-jsonschema")


def _check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CHECKER), "--builtin-schema", "vendor.github-workflows", str(path)],
                          capture_output=True, text=True, timeout=120)


def test_the_workflow_is_valid_against_githubs_schema():
    result = _check(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_checker_does_refuse_a_broken_copy(tmp_path: Path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("runs-on: ubuntu-latest", "runs-on: 5\n    stepz: []", 1))
    assert _check(broken).returncode != 0


def test_it_runs_monthly_and_on_demand_with_the_least_permissions():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as True
    assert "workflow_dispatch" in triggers
    (schedule,) = triggers["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert day.isdigit() and (month, weekday) == ("*", "*")
    assert workflow["permissions"] == {"contents": "write", "pull-requests": "write"}


def test_it_clones_both_sources_and_builds_the_snapshot_from_them():
    steps = yaml.safe_load(WORKFLOW.read_text())["jobs"]["refresh"]["steps"]
    clones = {step["with"]["repository"]: step["with"] for step in steps
              if step.get("uses", "").startswith("actions/checkout@") and "with" in step}
    assert set(clones) == {"openstates/people", "caimeng2/UScityURL"}
    assert clones["openstates/people"]["fetch-depth"] == 0  # each person file's last commit dates the entry
    assert any(step.get("run") == "make deps" for step in steps)
    build = next(step["run"] for step in steps if "directory build" in step.get("run", ""))
    assert f"--uscityurl {clones['caimeng2/UScityURL']['path']}" in build
    assert f"--openstates {clones['openstates/people']['path']}" in build
    assert "pipefail" in build  # a failed build is not hidden by tee


def test_it_opens_a_pull_request_with_the_snapshot_and_the_summary():
    steps = yaml.safe_load(WORKFLOW.read_text())["jobs"]["refresh"]["steps"]
    uses = [step["uses"] for step in steps if "uses" in step]
    assert all("@v" in use for use in uses)  # pinned, as in pages.yml
    pull = next(step["with"] for step in steps if step.get("uses", "").startswith("peter-evans/create-pull-request@"))
    assert pull["add-paths"] == "letter_py/directory/il.json"
    body = next(step["run"] for step in steps if pull["body-path"] in step.get("run", ""))
    assert "directory-summary.txt" in body
