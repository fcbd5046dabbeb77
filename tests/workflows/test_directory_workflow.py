"""The directory refresh workflow: valid against GitHub's schema, and it builds from every source."""

from __future__ import annotations

import json
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


SOURCES = {"bdurand/us_geo": "--geo", "openstates/people": "--openstates", "caimeng2/UScityURL": "--uscityurl",
           "rfordatascience/tidytuesday": "--fbi", "deportationdata/ice-detention-facilities": "--hifld"}


def _steps() -> list[dict]:
    return yaml.safe_load(WORKFLOW.read_text())["jobs"]["refresh"]["steps"]


def test_it_clones_every_source_and_builds_the_snapshot_from_them():
    steps = _steps()
    clones = {step["with"]["repository"]: step["with"] for step in steps
              if step.get("uses", "").startswith("actions/checkout@") and "with" in step}
    assert set(clones) == set(SOURCES)
    assert clones["openstates/people"]["fetch-depth"] == 0  # each official's values are dated by their history
    assert any(step.get("run") == "make deps" for step in steps)
    builds = [step["run"] for step in steps if "directory build" in step.get("run", "")]
    assert len(builds) == 2  # once, and again with the https:// addresses that answered
    for build in builds:
        for repository, option in SOURCES.items():
            assert f"{option} {clones[repository]['path']}" in build, (option, build)
        assert "pipefail" in build  # a failed build is not hidden by tee or a redirect
    assert "--https https-answered.tsv" in builds[1] and "directory-summary.txt" in builds[1]


def test_it_tries_the_https_address_of_each_http_website_the_build_refused(tmp_path: Path):
    """The step's own program, run on a snapshot: the https:// form of each refused http:// website."""
    run = next(step["run"] for step in _steps() if "https-answered.tsv" in step.get("run", "")
               and "curl" in step.get("run", ""))
    program = run.split("<<'PY'", 1)[1].split("\n", 1)[1].split("\nPY\n", 1)[0]
    snapshot = tmp_path / "letter_py" / "directory" / "il.json"
    snapshot.parent.mkdir(parents=True)
    snapshot.write_text(json.dumps({"refused": [
        {"source": "uscityurl", "entry": "x", "field": "WEBSITE_URL",
         "reason": "not an https:// address: 'http://www.peoriagov.org/'"},
        {"source": "uscityurl", "entry": "y", "field": "WEBSITE_URL",
         "reason": "not an https:// address: 'javascript:alert(1)'"},
        {"source": "openstates", "entry": "z", "field": "sources.url",
         "reason": "not an https:// address: 'http://www.invillapark.com/27/Government'"},
    ]}), encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", program], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "https://www.peoriagov.org/\n"
    assert "--max-time" in run and "--fail" in run  # an address that does not answer is not listed


def test_it_opens_a_pull_request_with_the_snapshot_and_the_summary():
    steps = _steps()
    uses = [step["uses"] for step in steps if "uses" in step]
    assert all("@v" in use for use in uses)  # pinned, as in pages.yml
    pull = next(step["with"] for step in steps if step.get("uses", "").startswith("peter-evans/create-pull-request@"))
    assert pull["add-paths"] == "letter_py/directory/il.json"
    body = next(step["run"] for step in steps if pull["body-path"] in step.get("run", ""))
    assert "directory-summary.txt" in body
