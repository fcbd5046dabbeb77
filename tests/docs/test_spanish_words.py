"""The Spanish glossary's word choices, held where the visitor reads them.

After the second Spanish review (letter_py/locale/es/GLOSSARY.md says why):
one verb for "add" (*agregar*), one word for City Hall (*la alcaldía*), one verb
for pressing (*oprima*, never *haga clic*), no legal calque *solicitación*, no
pre-2025 law title; the friend's invitation, which the visitor sends in their
own name, in *tú*. The interface (string table, message catalogue, letter
templates) and the pages are held to every rule.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.paths import ROOT
from tests.strings import strings

CATALOGUE = ROOT / "letter_py" / "locale" / "es" / "LC_MESSAGES" / "letter_py.po"
TEMPLATES = sorted((ROOT / "letter_py" / "campaigns" / "default" / "es").glob("*.j2"))
PAGES = sorted((ROOT / "docs" / "es").glob("*.md"))

EVERYWHERE = {
    r"\b(?:haga|hace|hacer|hiciera)\s+clic\b": "oprima / oprime (one verb for pressing)",
    r"\bayuntamiento\b": "la alcaldía (one word for City Hall)",
    r"\bsolicitaci[oó]n\b": "solicitar sexo pagado (*solicitation*)",
    r"\bpatronizing a prostitute\b": "patronizing a person engaged in the sex trade (HB 4410, 2025)",
    r"\bAsamblea General de Illinois,": "Illinois General Assembly, … (organisation names stay in English in citations)",
    r"\b[Aa]ñad\w*": "agregar / agregue (one verb for adding)",
}


def catalogue_texts() -> list[tuple[str, str]]:
    with CATALOGUE.open("rb") as source:
        catalogue = read_po(source, locale="es")
    found = []
    for message in catalogue:
        if message.id:
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            found += [(f"letter_py.po: {message.id!r}", form) for form in forms]
    return found


def interface_texts() -> list[tuple[str, str]]:
    texts = [(f"es.json: {key}", value) for key, value in strings("es").items()]
    texts += catalogue_texts()
    texts += [(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")) for path in TEMPLATES]
    return texts


def page_texts() -> list[tuple[str, str]]:
    return [(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")) for path in PAGES]


def breaches(texts: list[tuple[str, str]], rules: dict[str, str]) -> list[str]:
    found = []
    for where, text in texts:
        for pattern, instead in rules.items():
            for m in re.finditer(pattern, text, re.IGNORECASE):
                found.append(f"{where}: {m.group(0)!r}, say {instead}")
    return found


def test_the_interface_keeps_the_glossary():
    problems = breaches(interface_texts(), EVERYWHERE)
    assert not problems, "\n" + "\n".join(problems)


def test_the_pages_keep_the_glossary():
    problems = breaches(page_texts(), EVERYWHERE)
    assert not problems, "\n" + "\n".join(problems)


def test_everything_is_read():
    """Not satisfied by reading nothing: the table, the catalogue, the templates and the pages."""
    kinds = {where.split(":")[0].split("/")[0] for where, _ in interface_texts() + page_texts()}
    assert {"es.json", "letter_py.po", "letter_py", "docs"} <= kinds
    assert len(catalogue_texts()) > 100 and len(TEMPLATES) >= 5 and len(PAGES) >= 11


def test_the_friends_invitation_is_in_tu_and_nothing_else_in_it_is_usted():
    table = strings("es")
    invitation = table["friend.inviteSubject"] + " " + table["friend.inviteText"]
    assert re.search(r"\b(?:acompañas|escribas|tu)\b", invitation), invitation
    assert not re.search(r"\b(?:escriba|su dispositivo|usted)\b", invitation), invitation


@pytest.mark.parametrize(("text", "rule"), [
    ("Añada una frase suya", r"\b[Aa]ñad\w*"),
    ("si usted hace clic en ellos", r"\b(?:haga|hace|hacer|hiciera)\s+clic\b"),
    ("Haga clic aquí", r"\b(?:haga|hace|hacer|hiciera)\s+clic\b"),
    ("Pida sus datos en el Ayuntamiento", r"\bayuntamiento\b"),
    ("cargos por solicitación", r"\bsolicitaci[oó]n\b"),
    ("*patronizing a prostitute* (pagar)", r"\bpatronizing a prostitute\b"),
])
def test_each_rule_catches_what_it_names(text, rule):
    rules = EVERYWHERE
    assert len(breaches([("x", text)], {rule: rules[rule]})) == 1


def test_the_rules_leave_the_right_words_alone():
    fine = "Agregue una frase propia. Si usted los oprime. En la alcaldía. Está dañado. Solicitar sexo pagado."
    assert breaches([("x", fine)], EVERYWHERE) == []
