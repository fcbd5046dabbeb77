"""The message catalogues: complete, compiled as they are written, and used.

Every msgid the code can emit (found by an AST scan, as xgettext would) is in
each language's ``.po`` with a translation; nothing in the ``.po`` is stale; no
error message is given as a bare string (it would stay English); and the
compiled ``.mo`` beside the source is what Babel makes of it
(``scripts/engine/catalogues.py``), and ``gettext`` reads it as written.
"""

from __future__ import annotations

import ast
import gettext
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import letter_py
from letter_py.i18n import gettext_for, has_catalogue, translations
from scripts.engine import catalogues
from tests.letter_py.letter_helpers import fields, render

PACKAGE = Path(letter_py.__file__).parent
CATALOGUES = catalogues.catalogues(PACKAGE)
LANGUAGES = [po.parts[-3] for po in CATALOGUES]
PLACEHOLDER = re.compile(r"{(\w*)(?::[^{}]*)?}")  # {limit:,} is {limit}, its format the language's


def read(po: Path):
    with po.open("rb") as source:
        return read_po(source, locale=po.parts[-3])


def entries(po: Path) -> dict[str, str]:
    """msgid -> its translation (a plural's first form), the header left out."""
    return {message.id if isinstance(message.id, str) else message.id[0]:
            message.string if isinstance(message.string, str) else message.string[0]
            for message in read(po) if message.id}


def test_there_is_a_spanish_catalogue() -> None:
    assert "es" in LANGUAGES


@pytest.mark.parametrize("po", CATALOGUES, ids=LANGUAGES)
def test_every_message_has_a_translation(po: Path) -> None:
    found = catalogues.extract()  # pybabel extract's reading of babel.cfg
    catalogue = entries(po)
    assert len(found) > 60
    missing = sorted(set(found) - set(catalogue))
    assert not missing, f"{po.name} lacks (add them: pybabel update, docs/reference.md): {missing}"
    empty = sorted(msgid for msgid, text in catalogue.items() if not text.strip())
    assert not empty, f"{po} has no translation for {empty}"
    stale = sorted(set(catalogue) - set(found))
    assert not stale, f"{po} translates messages the code no longer has: {stale}"
    fuzzy = [message.id for message in read(po) if message.fuzzy and message.id]
    assert not fuzzy, f"{po} has fuzzy entries, which are not used: {fuzzy}"


@pytest.mark.parametrize("po", CATALOGUES, ids=LANGUAGES)
def test_translations_keep_their_placeholders(po: Path) -> None:
    for msgid, text in entries(po).items():
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(msgid)), msgid


def _message_arguments() -> list[tuple[str, ast.expr]]:
    """The message argument of every error the validator and the JSON entry point add."""
    found = []
    for name in ("validate.py",):
        tree = ast.parse((PACKAGE / name).read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "add" and len(node.args) >= 3:
                found.append((f"{name}:{node.lineno}", node.args[2]))
    return found


def test_no_error_message_skips_the_catalogue() -> None:
    """Each message is a marked msgid, or a field's msgid from the tables (which are marked)."""
    arguments = _message_arguments()
    assert len(arguments) > 10
    for where, arg in arguments:
        marked = isinstance(arg, ast.Call) and getattr(arg.func, "id", None) in ("N_", "N_plural")
        from_table = isinstance(arg, ast.Attribute) and arg.attr in (
            "required", "invalid", "wrong_type", "too_many", "item_wrong_type")
        passed_on = isinstance(arg, ast.Name) and arg.id == "message"
        assert marked or from_table or passed_on, f"{where}: an error message not marked for translation"


@pytest.mark.parametrize("po", CATALOGUES, ids=LANGUAGES)
def test_the_compiled_catalogue_is_the_source(po: Path) -> None:
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} missing: run `make deps` (or python -m scripts.engine.catalogues)"
    assert mo.read_bytes() == catalogues.mo_bytes(po), f"{mo} is older than {po.name}: run `make deps`"


@pytest.mark.parametrize("po", CATALOGUES, ids=LANGUAGES)
def test_gettext_reads_each_message_as_the_po_has_it(po: Path) -> None:
    catalogue = gettext.GNUTranslations(io.BytesIO(catalogues.mo_bytes(po)))
    for message in read(po):
        if not message.id:
            continue
        if isinstance(message.id, str):
            assert catalogue.gettext(message.id) == message.string, message.id
        else:  # a plural: each form, for a number that selects it
            for n in range(200):
                form = message.string[catalogue.plural(n)]
                assert catalogue.ngettext(*message.id[:2], n) == form, message.id
    assert catalogue.info()["content-type"].lower() == "text/plain; charset=utf-8"


def test_babel_leaves_out_fuzzy_and_untranslated_keeps_plurals_and_contexts(tmp_path: Path) -> None:
    po = tmp_path / "xx" / "LC_MESSAGES" / "letter_py.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                  '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
                  '#, fuzzy\nmsgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr ""\n\n'
                  'msgid "{n} letter"\nmsgid_plural "{n} letters"\nmsgstr[0] "{n} carta"\nmsgstr[1] "{n} cartas"\n\n'
                  'msgctxt "month"\nmsgid "May"\nmsgstr "mayo"\n', encoding="utf-8")
    mo = catalogues.compile_po(po)
    catalogue = gettext.GNUTranslations(io.BytesIO(mo.read_bytes()))
    assert catalogue.gettext("a") == "a" and catalogue.gettext("c") == "c"
    assert [catalogue.ngettext("{n} letter", "{n} letters", n) for n in (1, 2)] == ["{n} carta", "{n} cartas"]
    assert catalogue.pgettext("month", "May") == "mayo"
    # Babel writes a header date; without one in the .po it is the build's fixed date, not the clock's.
    assert catalogue.info()["pot-creation-date"].startswith("1980-01-01")
    assert catalogues.mo_bytes(po) == mo.read_bytes()


def test_catalogue_is_loaded_once_and_english_needs_none() -> None:
    assert translations("es") is translations("es")
    assert has_catalogue("en") and has_catalogue("es")
    assert not has_catalogue("zz")
    assert translations("en") is None and gettext_for("en")("Enter your name") == "Enter your name"
    assert gettext_for("es")("Enter your name") == "Escriba su nombre"


BAD = {
    "lang": "es",
    "recipients": [{"role": "nobody", "gender": "x", "name": 7, "email": "no", "phone": "<b>911</b>"},
                   {"role": "mayor", "name": "Ann Wu", "phone": "8" * 41}, "not an object"],
    "sender": {"name": "", "zip": "1", "state": "Narnia", "email": "@", "phone": "x", "street": "s" * 300},
    "community": {"state": "Atlantis"},
    "articles": [{"title": "", "url": "ftp://x"}],
    "personal": "p" * 3000,
    "date": "soon",
}


def test_spanish_messages_for_every_error() -> None:
    spanish, english = render(BAD), render({**BAD, "lang": "en"})
    assert fields(spanish) == fields(english)
    assert len(spanish["errors"]) >= 15
    for es, en in zip(spanish["errors"], english["errors"], strict=True):
        assert es["message"] != en["message"], en["message"]
    messages = {e["field"]: e["message"] for e in spanish["errors"]}
    assert messages["sender.zip"] == "Escriba su código postal en el formato correcto, como 62701 o 62701-1234"
    assert messages["sender.street"] == "Su dirección (calle y número) debe tener 200 caracteres como máximo"
    assert messages["recipients.0.role"].startswith("Elija de la lista a quién escribe: Alcalde/Alcaldesa, ")
    assert "Estimada" in messages["recipients.0.gender"]
    assert messages["recipients.0.name"] == "El nombre de la persona a la que escribe debe ser texto"
    assert messages["recipients.0.phone"] == ("Escriba el número de teléfono de la persona a la que escribe con su "
                                              "código de área, como 847-391-5301 o 618-624-4500 ext. 8730")
    assert messages["recipients.1.phone"] == ("El número de teléfono de la persona a la que escribe debe tener "
                                              "40 caracteres como máximo")


def test_wrong_shapes_in_spanish() -> None:
    answer = render({"lang": "es", "recipients": {}, "sender": [], "articles": [1] * 11})
    messages = {e["field"]: e["message"] for e in answer["errors"]}
    assert messages["recipients"] == "Las personas a las que escribe deben ser una lista (un array de JSON)"
    assert messages["sender"].startswith("Sus datos deben ser")
    assert messages["articles"] == "Agregue como máximo 10 artículos de prensa"


def test_a_bad_language_is_named_in_english() -> None:
    answer = render({"lang": "fr", "sender": {"zip": "1"}})
    assert answer["errors"][0] == {
        "field": "lang", "code": "invalid_lang",
        "message": 'Choose the letter\'s language from those this campaign has: "en" (English), "es" (Español), '
                   '"pl" (Polski)'}
    assert "correct format" in next(e["message"] for e in answer["errors"] if e["field"] == "sender.zip")
    assert json.loads(json.dumps(answer))["letters"][0]["letter_text"].count("Dear ") == 1


def test_catalogue_is_read_from_a_zip_imported_wheel(tmp_path: Path) -> None:
    """As in the browser, where the wheel is imported as a zip file."""
    wheel = tmp_path / "letter_py.zip"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path in sorted(PACKAGE.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                archive.write(path, path.relative_to(PACKAGE.parent).as_posix())
    program = ("import sys, json, letter_py; "
               "assert letter_py.__file__.startswith(sys.argv[1]), letter_py.__file__; "
               "print(letter_py.render_json(json.dumps({'lang': 'es', 'date': '2026-12-01'})))")
    # The zip first on the path (PYTHONPATH), run from a folder without the checkout's letter_py.
    result = subprocess.run([sys.executable, "-c", program, str(wheel)], capture_output=True, text=True, timeout=60,
                            cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(wheel)})
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["errors"][0]["message"] == "Agregue al menos una persona a la que escribir"
    assert "1 de diciembre de 2026" in answer["letters"][0]["letter_text"]


# The messages' language apart from the letter's: the page's, whatever letter the visitor chose.
def test_an_english_letter_with_spanish_messages() -> None:
    answer = render({"lang": "en", "messages_lang": "es", "sender": {"zip": "1", "email": "@"},
                     "recipients": [{"role": "nobody"}], "date": "2026-12-01"})
    messages = {e["field"]: e["message"] for e in answer["errors"]}
    assert messages["sender.zip"] == "Escriba su código postal en el formato correcto, como 62701 o 62701-1234"
    assert messages["sender.email"] == "Escriba un correo electrónico en el formato correcto, como nombre@example.com"
    assert messages["recipients.0.role"].startswith("Elija de la lista a quién escribe: Alcalde/Alcaldesa, ")
    assert "December 1, 2026" in answer["letters"][0]["letter_text"]  # the letter stays English
    assert answer["letters"][0]["email_text"].startswith("Dear ")


def test_a_spanish_letter_with_english_messages() -> None:
    answer = render({"lang": "es", "messages_lang": "en-US", "sender": {"zip": "1"}, "date": "2026-12-01"})
    messages = {e["field"]: e["message"] for e in answer["errors"]}
    assert messages["sender.zip"] == "Enter your ZIP code in the correct format, like 62701 or 62701-1234"
    assert messages["recipients"] == "Add at least one person to write to"
    assert "1 de diciembre de 2026" in answer["letters"][0]["letter_text"]


def test_without_messages_lang_the_messages_follow_the_letter() -> None:
    document = {"lang": "es", "sender": {"zip": "1"}}
    assert render(document)["errors"] == render({**document, "messages_lang": ""})["errors"]
    assert render(document)["errors"] == render({**document, "messages_lang": "es"})["errors"]
    assert render({"sender": {"zip": "1"}})["errors"] == render({"sender": {"zip": "1"}, "messages_lang": "en"})["errors"]


@pytest.mark.parametrize(("value", "code"), [(7, "wrong_type"), ("fr", "invalid_lang"), ("<b>", "invalid_lang")])
def test_a_bad_messages_lang_is_an_error_in_the_letters_language(value: object, code: str) -> None:
    answer = render({"lang": "es", "messages_lang": value, "sender": {"zip": "1"}})
    errors = {e["field"]: e for e in answer["errors"]}
    assert errors["messages_lang"]["code"] == code
    assert errors["messages_lang"]["message"].startswith("El idioma de los mensajes" if code == "wrong_type"
                                                         else "Escriba el idioma de los mensajes como un idioma")
    assert errors["sender.zip"]["message"].startswith("Escriba su código postal")
