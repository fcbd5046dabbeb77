"""The directory's synthetic sources, made once per module that builds from them."""

from __future__ import annotations

import pytest

from tests.letter_py.directory import sources
from tests.letter_py.directory.sources import Clones


@pytest.fixture(scope="module")
def clones(tmp_path_factory: pytest.TempPathFactory) -> Clones:
    root = tmp_path_factory.mktemp("sources")
    return Clones((sources.make_geo(root / "us_geo"), sources.make_uscityurl(root / "uscityurl"),
                   sources.make_openstates(root / "openstates"), *sources.write_police(root / "police")))
