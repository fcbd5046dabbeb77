"""The interface string tables, docs/strings/<lang>.json: complete in every language.

Every key is in every table with the same {placeholders}; a count message
(``town.status.other``…) has exactly the plural forms its language has in
CLDR, which the page's ``Intl.PluralRules(lang).select(count)`` names; every key
the templates (``t("…")``) and the page's scripts (``text("…")``) name exists; no
value carries markup (``t`` escapes, and the scripts set ``textContent``).
Whether a Spanish page shows any English interface string is checked on the
built site (tests/site/test_i18n_site.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel import Locale

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


# CLDR's plural categories. A count message is a base with one key per category
# of the language ("town.status.one", "town.status.few"…), the page choosing the key
# with Intl.PluralRules(lang).select(count). A base is a count message if some
# table gives it both a "one" and an "other" form, as English does ("send.other",
# "builder.flyer.one" are plain keys).
CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def placeholders(value: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", value))


def plural_categories(lang: str) -> set[str]:
    """The categories CLDR gives lang: Babel's copy of the data the browser's Intl has."""
    return set(Locale.parse(lang).plural_form.tags) | {"other"}


def count_messages() -> set[str]:
    """The bases of the count messages, from every table."""
    return {key.removesuffix(".other") for lang in LANGUAGES for key in strings(lang)
            if key.endswith(".other") and key.removesuffix(".other") + ".one" in strings(lang)}


def plural_forms(table: dict[str, str], base: str) -> dict[str, str]:
    """A count message's forms in one table, by category."""
    return {category: table[f"{base}.{category}"] for category in CATEGORIES if f"{base}.{category}" in table}


def plain(table: dict[str, str]) -> dict[str, str]:
    """The table without the count messages' forms."""
    forms = {f"{base}.{category}" for base in count_messages() for category in CATEGORIES}
    return {key: value for key, value in table.items() if key not in forms}


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
    english, other = plain(strings("en")), plain(strings(lang))
    assert sorted(set(english) - set(other)) == [], f"missing from {lang}.json"
    assert sorted(set(other) - set(english)) == [], f"in {lang}.json only"
    differ = {key: (english[key], other[key]) for key in english
              if placeholders(english[key]) != placeholders(other[key])}
    assert differ == {}


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_string_is_translated(lang: str):
    english, other = strings("en"), strings(lang)
    untranslated = sorted(key for key in english
                          if english[key] == other.get(key) and key not in SAME_IN_EVERY_LANGUAGE)
    assert untranslated == []
    assert all(other[key].strip() for key in other)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_count_message_has_exactly_the_plural_forms_of_its_language(lang: str):
    bases, table = count_messages(), strings(lang)
    assert bases
    assert {base: sorted(plural_forms(table, base)) for base in bases} == {
        base: sorted(plural_categories(lang)) for base in bases}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_plural_form_has_the_english_placeholders(lang: str):
    """{count} in every form but "one", which may say "1" (one is 1 alone in en, es, pl)."""
    english, table = strings("en"), strings(lang)
    for base in count_messages():
        expected = set().union(*map(placeholders, plural_forms(english, base).values())) - {"count"}
        for category, value in plural_forms(table, base).items():
            assert placeholders(value) - {"count"} == expected, f"{lang} {base}.{category}"
            assert category == "one" or "count" in placeholders(value), f"{lang} {base}.{category}"


def test_the_plural_categories_are_cldrs():
    """What the two tests above hold the tables to: CLDR's categories, and a base's forms, not its other keys."""
    assert plural_categories("en") == {"one", "other"}
    assert plural_categories("pl") == {"one", "few", "many", "other"}
    assert plural_forms({"a.one": "1", "a.few": "{count}", "a.none": "0"}, "a") == {"one": "1", "few": "{count}"}


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
