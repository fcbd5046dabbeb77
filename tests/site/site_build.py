"""The site the browser tests run against: built fresh, or one already built."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.paths import ROOT


# The repository the tests' site names (as the Pages workflow's REPO_URL would):
# a made-up one, so the header's link and "Is this wrong? Tell us" are built.
REPO_URL = "https://github.com/example-org/end-demand-letters"


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


def prebuilt_site() -> Build | None:
    """The site named by ``TEST_SITE_DIR``, if any: ``make test`` builds it once
    before pytest starts (``python -m tests.site.site_build``); by hand, say
    ``site``, it is quicker while working on the tests themselves."""
    prebuilt = os.environ.get("TEST_SITE_DIR")
    return Build(0, "", Path(prebuilt).resolve()) if prebuilt else None


def build_site(out: Path) -> Build:
    """``mkdocs build --strict`` into ``out``, as ``make site`` does with the Pages workflow's ``REPO_URL``."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "REPO_URL": REPO_URL},
    )
    return Build(result.returncode, result.stdout + result.stderr, out)


def shared_build(tmp_path_factory) -> Build:
    """One build for every pytest-xdist worker of this run (``make test`` runs
    two): the first worker to come builds it, the others wait and reuse it.
    The folder is read-only to the tests: a test that changes a site copies it."""
    if "PYTEST_XDIST_WORKER" not in os.environ:  # one process: its own build
        return build_site(tmp_path_factory.mktemp("site"))
    run = tmp_path_factory.getbasetemp().parent  # this run's folder, the same for every worker
    with open(run / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        record = run / "site.json"
        if record.exists():
            done = json.loads(record.read_text(encoding="utf-8"))
            return Build(done["returncode"], done["output"], Path(done["site"]))
        build = build_site(run / "site")
        record.write_text(json.dumps({"returncode": build.returncode, "output": build.output,
                                      "site": str(build.site)}), encoding="utf-8")
        return build


if __name__ == "__main__":
    # ``python -m tests.site.site_build OUT``: the tests' site, built once before
    # pytest starts (``make test``), which the tests then use as TEST_SITE_DIR.
    built = build_site(Path(sys.argv[1]).resolve())
    sys.stdout.write(built.output if built.returncode else "")
    sys.exit(built.returncode)
