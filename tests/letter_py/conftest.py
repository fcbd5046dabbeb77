"""Shared fixtures and the hypothesis profiles for the letter_py tests.

``dev`` (the default) keeps a full run well under a minute; CI (env CI=true)
selects ``ci``, which tries more examples.
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, settings

import letter_py
from letter_py.cli import EXAMPLE

settings.register_profile("dev", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=250, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow], print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev"))



@pytest.fixture(scope="session")
def campaign() -> letter_py.Campaign:
    return letter_py.default_campaign()


@pytest.fixture
def example() -> dict:
    """A fresh copy of ``letter-py example``'s document."""
    return json.loads(json.dumps(EXAMPLE))
