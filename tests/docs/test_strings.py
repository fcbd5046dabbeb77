"""The interface string tables, docs/strings/<lang>.json: complete in every language.

Every key is in every table with the same {placeholders}; every key the
templates (``t("…")``) and the page's scripts (``text("…")``) name exists; no
value carries markup (``t`` escapes, and the scripts set ``textContent``).
Whether a Spanish page shows any English interface string is checked on the
built site (tests/site/test_i18n_site.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.paths import ROOT
from tests.strings import SAME_IN_EVERY_LANGUAGE, languages, strings

LANGUAGES = languages()
TEMPLATES = sorted((ROOT / "docs" / "overrides").rglob("*.html"))
SCRIPTS = sorted((ROOT / "docs" / "assets" / "letter").glob("*.js"))

# t("key") or t('key', …) in a template (not Material's own lang.t), text("key")
# in a script. A key built from a prefix (text(`failure.${reason}`),
# t("action.webmail." ~ provider)) is checked as a prefix.
TEMPLATE_KEY = re.compile(r"""(?<![\w.])t\(\s*(["'])([\w.]+)\1\s*(~)?""")
SCRIPT_KEY = re.compile(r"""\btext\(\s*(["'`])([\w.]+)(\$\{)?""")


def placeholders(value: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", value))


def used_keys() -> set[tuple[str, bool, Path]]:
    """(key or prefix, is_prefix, file) for every key the templates and scripts name."""
    found = set()
    for path in TEMPLATES:
        for _, key, concat in TEMPLATE_KEY.findall(path.read_text(encoding="utf-8")):
            found.add((key, bool(concat), path))
    for path in SCRIPTS:
        for _, key, interpolated in SCRIPT_KEY.findall(path.read_text(encoding="utf-8")):
            found.add((key, bool(interpolated), path))
    return found


def test_there_is_a_table_for_english_and_spanish():
    assert {"en", "es"} <= set(LANGUAGES)


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_table_has_every_key_with_the_same_placeholders(lang: str):
    english, other = strings("en"), strings(lang)
    assert sorted(set(english) - set(other)) == [], f"missing from {lang}.json"
    assert sorted(set(other) - set(english)) == [], f"in {lang}.json only"
    differ = {key: (english[key], other[key]) for key in english
              if placeholders(english[key]) != placeholders(other[key])}
    assert differ == {}


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_string_is_translated(lang: str):
    english, other = strings("en"), strings(lang)
    untranslated = sorted(key for key in english
                          if english[key] == other[key] and key not in SAME_IN_EVERY_LANGUAGE)
    assert untranslated == []
    assert all(other[key].strip() for key in other)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_string_carries_markup(lang: str):
    assert {key: value for key, value in strings(lang).items() if re.search(r"[<>]", value)} == {}


def test_every_key_the_templates_and_scripts_name_exists():
    english = strings("en")
    keys = used_keys()
    assert any(path.name == "letter.html" for _, _, path in keys)
    assert any(path.name == "actions.js" for _, _, path in keys)
    missing = sorted(f"{path.relative_to(ROOT)}: {key}{'…' if prefix else ''}" for key, prefix, path in keys
                     if not (any(k.startswith(key) for k in english) if prefix else key in english))
    assert missing == []


def test_the_key_finder_finds_keys_and_prefixes(tmp_path):
    """The test above would pass vacuously if its patterns found nothing."""
    assert TEMPLATE_KEY.findall('{{ t("a.b") }} {{ t(\'c\', x=1) }} {{ t("p." ~ v) }} {{ lang.t("m") }}') == [
        ('"', "a.b", ""), ("'", "c", ""), ('"', "p.", "~")]
    assert SCRIPT_KEY.findall('text("a.b", {x}); text(`failure.${r}`)') == [
        ('"', "a.b", ""), ("`", "failure.", "${")]
