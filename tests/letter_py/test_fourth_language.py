"""A fourth letter language is data, templates and a catalogue only (issue 30).

The fixture (``fixtures/fourth_language``) adds Esperanto to the default
campaign as an organizer would: a ``[lang.eo]`` table and a ``[roles.eo]``
after each role, an ``eo/`` folder of templates, and a message catalogue,
compiled here with the build's own Babel step. Nothing in ``letter_py`` is
changed for it; the catalogues are read from a copy of its locale folder
with Esperanto's added, the one place this test points the engine elsewhere.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import letter_py
from letter_py import i18n
from scripts.engine import catalogues
from tests.letter_py.letter_helpers import DEFAULT, render

FIXTURE = Path(__file__).parent / "fixtures" / "fourth_language"


@pytest.fixture
def esperanto(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> letter_py.Campaign:
    """The default campaign with Esperanto added, and the engine reading its catalogue."""
    shutil.copytree(Path(i18n.__file__).parent / "locale", tmp_path / "locale")  # es and pl, compiled
    po = tmp_path / "locale" / "eo" / "LC_MESSAGES" / "letter_py.po"
    po.parent.mkdir(parents=True)
    po.write_bytes((FIXTURE / "letter_py.po").read_bytes())
    catalogues.compile_po(po)
    monkeypatch.setattr(i18n, "_PACKAGE", str(tmp_path))
    i18n.translations.cache_clear()
    yield _campaign()
    monkeypatch.undo()
    i18n.translations.cache_clear()


def _campaign() -> letter_py.Campaign:
    files = letter_py.campaign_files(DEFAULT)
    head, *roles = files["campaign.toml"].split("\n[[roles]]\n")
    words = (FIXTURE / "roles.toml").read_text(encoding="utf-8")
    toml = head + (FIXTURE / "lang.toml").read_text(encoding="utf-8")
    toml += "".join(f"\n[[roles]]\n{role.rstrip()}\n{words}" for role in roles)
    files["campaign.toml"] = toml
    for template in (FIXTURE / "eo").iterdir():
        files[f"eo/{template.name}"] = template.read_text(encoding="utf-8")
    return letter_py.Campaign.from_files(files)


def test_a_fourth_language_needs_no_code(esperanto: letter_py.Campaign) -> None:
    assert list(esperanto.languages) == ["en", "es", "pl", "eo"]
    assert esperanto.translation_problems() == []
    answer = render({"lang": "eo", "date": "2026-12-07", "personal": "x" * 2001, "sender": {"state": "NC"},
                     "articles": [], "recipients": [{"role": "mayor", "name": "Zamenhof Ludoviko"}]}, esperanto)
    (letter,) = answer["letters"]
    assert letter["recipient"]["salutation"] == "Estimata oficisto Zamenhof Ludoviko,"
    assert "\n\nla 7-a de decembro 2026\n\n" in letter["letter_text"]
    assert "en North Carolina." in letter["letter_text"]  # no state table: the English names
    assert letter["letter_text"].rstrip().endswith("Kore,\n\n\n\n(Via nomo)\n(Strato)\n(Urbo), NC (Poŝtkodo)")
    assert letter["filename"] == "letero-al-oficisto-zamenhof-ludoviko"
    errors = {error["field"]: error["message"] for error in answer["errors"]}
    assert errors["personal"] == "Via persona alineo havu maksimume 2000 signojn"
    assert errors["sender.name"] == "Skribu vian nomon"


def test_the_other_languages_are_unchanged_beside_it(esperanto: letter_py.Campaign) -> None:
    data = {"lang": "pl", "date": "2026-12-07", "recipients": [{"role": "mayor", "name": "A B", "gender": "f"}]}
    assert render(data, esperanto)["letters"][0]["letter_text"] == render(data)["letters"][0]["letter_text"]
    sample = esperanto.sample_inputs()
    assert any(d.get("lang") == "eo" for d in sample.values())
