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
from tests.strings import CATEGORIES, SAME_IN_EVERY_LANGUAGE, languages, needed_categories, plural_bases, strings

LANGUAGES = languages()
TEMPLATES = sorted((ROOT / "docs" / "overrides").rglob("*.html"))
SCRIPTS = sorted((ROOT / "docs" / "assets" / "letter").glob("*.js"))

# t("key") or t('key', …) in a template (not Material's own lang.t), text("key")
# in a script. A key built from a prefix (text(`failure.${reason}`),
# t("action.webmail." ~ provider)) is checked as a prefix.
TEMPLATE_KEY = re.compile(r"""(?<![\w.])t\(\s*(["'])([\w.]+)\1\s*(~)?""")
SCRIPT_KEY = re.compile(r"""\btext\(\s*(["'`])([\w.]+)(\$\{)?""")
# plural("base", n): the base's keys, one per plural category (tests.strings).
PLURAL_KEY = re.compile(r"""\bplural\(\s*(["'])([\w.]+)\1""")


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
        for _, base in PLURAL_KEY.findall(path.read_text(encoding="utf-8")):
            found.add((base + ".other", False, path))
    return found


def singular_keys(table: dict[str, str]) -> set[str]:
    """A table's keys with each plural base standing for its categories' keys,
    which differ by language (Polish has .few and .many, English neither)."""
    bases = plural_bases(table)
    return {base if base in bases and category in CATEGORIES else key
            for key in table for base, category in [key.rsplit(".", 1)]}


def test_there_is_a_table_for_english_and_spanish():
    assert {"en", "es"} <= set(LANGUAGES)


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_table_has_every_key_with_the_same_placeholders(lang: str):
    english, other = strings("en"), strings(lang)
    assert sorted(singular_keys(english) - singular_keys(other)) == [], f"missing from {lang}.json"
    assert sorted(singular_keys(other) - singular_keys(english)) == [], f"in {lang}.json only"
    assert sorted(plural_bases(english)) == sorted(plural_bases(other))
    differ = {key: (english[key], other[key]) for key in english
              if key in other and placeholders(english[key]) != placeholders(other[key])}
    # A count's forms: the English .other's placeholders, {count} optional ("1 town matches").
    for base, categories in plural_bases(other).items():
        wanted = placeholders(english[base + ".other"])
        differ |= {f"{base}.{c}": (english[base + ".other"], other[f"{base}.{c}"]) for c in categories
                   if not wanted - {"count"} <= placeholders(other[f"{base}.{c}"]) <= wanted}
    assert differ == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_plural_base_has_exactly_the_categories_its_language_needs(lang: str):
    """A count's words in every form the language gives a count of 0 to 999
    (Polish: one, few, many; CLDR's rules through Babel), and .other, the
    page's fallback: no form missing, none the language never uses."""
    bases = plural_bases(strings(lang))
    assert "town.status" in bases, "the test would pass vacuously"
    wrong = {base: sorted(found) for base, found in bases.items() if found != needed_categories(lang)}
    assert wrong == {}, f"{lang}: needs {sorted(needed_categories(lang))}"


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
    assert PLURAL_KEY.findall('plural("town.found", n, {town})') == [('"', "town.found")]


def test_plural_bases_and_the_categories_each_language_needs():
    """The helpers above, on a made-up Polish table."""
    table = {"a.one": "", "a.few": "", "a.many": "", "a.other": "", "builder.flyer.one": "", "b.two": "",
             "send.other": ""}
    assert plural_bases(table | {"a.none": ""}) == {"a": {"one", "few", "many", "other"}}
    assert singular_keys(table | {"a.none": ""}) == {"a", "a.none", "builder.flyer.one", "b.two", "send.other"}
    assert needed_categories("pl") == {"one", "few", "many", "other"}
    assert needed_categories("en") == needed_categories("es") == {"one", "other"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_table_has_the_title_hint_of_every_letter_language(lang: str):
    """The "Other" role's title goes into the greeting as typed, so its hint is the letter
    language's: a page offers every letter language of the campaign, each needs its hint."""
    from letter_py import default_campaign

    letter_languages = list(default_campaign().languages)
    assert {"en", "es"} <= set(letter_languages)
    missing = [code for code in letter_languages if f"recipient.title.hint.{code}" not in strings(lang)]
    assert missing == [], f"{lang}.json has no recipient.title.hint for {missing}"
