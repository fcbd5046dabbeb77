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

import pytest

from tests.docs import glossary_rules
from tests.docs.glossary_rules import breaches, catalogue_texts, interface_texts, page_texts
from tests.strings import strings

TEMPLATES = glossary_rules.templates("es")
PAGES = glossary_rules.pages("es")

EVERYWHERE = {
    r"\b(?:haga|hace|hacer|hiciera)\s+clic\b": "oprima / oprime (one verb for pressing)",
    r"\bayuntamiento\b": "la alcaldía (one word for City Hall)",
    r"\bsolicitaci[oó]n\b": "solicitar sexo pagado (*solicitation*)",
    r"\bpatronizing a prostitute\b": "patronizing a person engaged in the sex trade (HB 4410, 2025)",
    r"\bAsamblea General de Illinois,": "Illinois General Assembly, … (organisation names stay in English in citations)",
    r"\b[Aa]ñad\w*": "agregar / agregue (one verb for adding)",
}


def test_the_interface_keeps_the_glossary():
    problems = breaches(interface_texts("es"), EVERYWHERE)
    assert not problems, "\n" + "\n".join(problems)


def test_the_pages_keep_the_glossary():
    problems = breaches(page_texts("es"), EVERYWHERE)
    assert not problems, "\n" + "\n".join(problems)


def test_everything_is_read():
    """Not satisfied by reading nothing: the table, the catalogue, the templates and the pages."""
    kinds = {where.split(":")[0].split("/")[0] for where, _ in interface_texts("es") + page_texts("es")}
    assert {"es.json", "letter_py.po", "letter_py", "docs"} <= kinds
    assert len(catalogue_texts("es")) > 100 and len(TEMPLATES) >= 5 and len(PAGES) >= 11


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
