"""A campaign compiled ahead of time renders the same letters, and is never trusted blindly."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

import letter_py
from letter_py.precompiled import Precompiled
from letter_py.web import Engine
from tests.hostile import HOSTILE_STRINGS

FILES = letter_py.campaign_files("letter_py/campaigns/default")
FILES_JSON = json.dumps(FILES)
TODAY = "2026-03-01"


@pytest.fixture(scope="module")
def shipped() -> tuple[bytes, str]:
    data = Engine(FILES_JSON).precompile()
    return data, hashlib.sha256(data).hexdigest()


def _inputs(example: dict) -> list[str]:
    inputs = ["{}", json.dumps(example), "not json"]
    for text in HOSTILE_STRINGS:
        inputs.append(json.dumps({"sender": {"name": text}, "personal": text,
                                  "recipients": [{"role": "mayor", "name": text}]}))
        inputs.append(json.dumps({"lang": "es", "sender": {"name": text}, "personal": text,
                                  "recipients": [{"role": "mayor", "name": text, "gender": "f"}]}))
    return inputs


def test_precompiled_engine_uses_every_piece(shipped) -> None:
    engine = Engine(FILES_JSON, *shipped)
    assert engine.precompiled
    assert engine.campaign.cache.stats.templates == len(engine.campaign.templates)
    assert not Engine(FILES_JSON).precompiled


def test_precompiled_engine_renders_the_same_bytes(shipped, example: dict) -> None:
    fresh, ahead = Engine(FILES_JSON), Engine(FILES_JSON, *shipped)
    for text in _inputs(example):
        assert ahead.render(text, TODAY) == fresh.render(text, TODAY)
    assert ahead.describe() == fresh.describe()


def test_digest_mismatch_compiles_from_source(shipped, example: dict) -> None:
    data, _ = shipped
    engine = Engine(FILES_JSON, data, "0" * 64)
    assert not engine.precompiled
    assert engine.campaign.cache.stats.templates == 0
    assert engine.render(json.dumps(example), TODAY) == Engine(FILES_JSON).render(json.dumps(example), TODAY)


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],
    lambda data: b"",
    lambda data: b"\x00" * 64,
    lambda data: data.replace(b"format", b"formal"),
])
def test_damaged_file_is_ignored(shipped, damage) -> None:
    engine = Engine(FILES_JSON, damage(shipped[0]))  # no digest: only the file's own checks
    assert not engine.precompiled
    assert json.loads(engine.render("{}", TODAY))["letters"]


def test_changed_template_is_compiled_from_its_new_source(shipped) -> None:
    files = dict(FILES)
    files["subject.txt.j2"] = "A different subject for {{ community.city or 'my city' }}"
    engine = Engine(json.dumps(files), shipped[0])
    campaign = engine.campaign
    assert campaign.cache.stats.config
    assert not campaign.cache.stats.analysis  # it covers all files at once
    assert campaign.cache.stats.templates == len(campaign.templates) - 1
    letter = json.loads(engine.render("{}", TODAY))["letters"][0]
    assert letter["subject"].startswith("A different subject for ")
    assert engine.render("{}", TODAY) == Engine(json.dumps(files)).render("{}", TODAY)


def test_changed_config_is_parsed_again(shipped) -> None:
    files = dict(FILES)
    files["campaign.toml"] = files["campaign.toml"].replace('name = "', 'name = "Renamed: ', 1)
    engine = Engine(json.dumps(files), shipped[0])
    assert not engine.campaign.cache.stats.config
    assert engine.campaign.name.startswith("Renamed: ")


def test_other_environment_is_not_trusted(shipped) -> None:
    pre = Precompiled.load(shipped[0])
    assert pre is not None
    pre.fingerprint = "another Jinja2 or Python"
    campaign = letter_py.Campaign.from_files(FILES, precompiled=pre)
    assert campaign.cache.stats.templates == 0
    assert not campaign.cache.stats.analysis


def test_toml_dates_are_not_shipped() -> None:
    files = dict(FILES)
    files["campaign.toml"] = "updated = 2026-01-01\n" + files["campaign.toml"]
    pre = Engine(json.dumps(files)).campaign.precompile()
    assert pre.config is None
    assert Precompiled.load(pre.dump()) is not None


def test_precompiled_start_does_not_import_the_toml_parser_or_email(shipped) -> None:
    # A fresh interpreter: the test session has imported both already.
    code = (
        "import sys, json, letter_py.web as w\n"
        "data = sys.stdin.buffer.read()\n"
        "e = w.Engine(json.dumps(letter_py_files), data)\n"
        "assert e.precompiled\n"
        "e.render(json.dumps({'recipients': [{'role': 'mayor', 'name': 'Maria Lopez', 'email': 'm@example.gov'}]}))\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('tomllib', 'email'))\n"
        "assert not bad, bad\n"
    ).replace("letter_py_files", repr(FILES))
    subprocess.run([sys.executable, "-c", code], input=shipped[0], check=True)


def test_file_from_another_process_is_used() -> None:
    """The build compiles in one process and the browser loads in another: nothing in the
    fingerprint or the keys may depend on the process (addresses, hash seeds)."""
    code = ("import json, sys, letter_py.web as w\n"
            "sys.stdout.buffer.write(w.Engine(sys.stdin.read()).precompile())\n")
    data = subprocess.run([sys.executable, "-c", code], input=FILES_JSON.encode(), capture_output=True,
                          check=True, env={"PYTHONHASHSEED": "123"}).stdout
    assert Engine(FILES_JSON, data, hashlib.sha256(data).hexdigest()).precompiled


def test_other_languages_load_on_first_use(shipped, example: dict) -> None:
    """A precompiled English start compiles nothing for Spanish; the first Spanish letter loads it."""
    engine, fresh = Engine(FILES_JSON, *shipped), Engine(FILES_JSON)
    assert sorted(engine.campaign.templates) == sorted(n for n in FILES if n.endswith(".j2") and "/" not in n)
    assert len(fresh.campaign.templates) == 18  # five letter templates and the call script, in three languages
    spanish = json.dumps({**example, "lang": "es"})
    assert engine.render(spanish, "2026-11-29") == fresh.render(spanish, "2026-11-29")
    # The example has no phone: the Spanish call script loads with the first Spanish call.
    assert len(engine.campaign.templates) == 11 and engine.precompiled
    assert engine.campaign.cache.stats.templates == 11
    called = json.dumps({**example, "lang": "es", "recipients": [{"role": "mayor", "phone": "847-391-5301"}]})
    assert engine.render(called, "2026-11-29") == fresh.render(called, "2026-11-29")
    assert len(engine.campaign.templates) == 12 and engine.campaign.cache.stats.templates == 12
