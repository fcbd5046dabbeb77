"""The message catalogues: complete, compiled as they are written, and used.

Every msgid the code can emit (found by an AST scan, as xgettext would) is in
each language's ``.po`` with a translation; nothing in the ``.po`` is stale; no
error message is given as a bare string (it would stay English); and the
compiled ``.mo`` beside the source is what ``scripts/msgfmt.py`` makes of it.
"""

from __future__ import annotations

import ast
import gettext
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import msgfmt  # scripts/, on the path through pyproject.toml's pythonpath
import pytest

import letter_py
from letter_py.i18n import gettext_for, has_catalogue, translations
from tests.letter_py.letter_helpers import fields, render

PACKAGE = Path(letter_py.__file__).parent
CATALOGUES = msgfmt.catalogues(PACKAGE)
LANGUAGES = [po.parts[-3] for po in CATALOGUES]
PLACEHOLDER = re.compile(r"{(\w*)}")


def entries(po: Path) -> dict[str, str]:
    return {e.msgid: e.strings[0] if e.strings else "" for e in msgfmt.parse_po(po.read_text("utf-8"), str(po))
            if e.msgid}


def test_there_is_a_spanish_catalogue() -> None:
    assert "es" in LANGUAGES


@pytest.mark.parametrize("po", CATALOGUES, ids=LANGUAGES)
def test_every_message_has_a_translation(po: Path) -> None:
    found = msgfmt.extract(PACKAGE)
    catalogue = entries(po)
    assert len(found) > 60
    missing = sorted(set(found) - set(catalogue))
    assert not missing, f"{po.name} lacks (add them, python scripts/msgfmt.py --pot lists all): {missing}"
    empty = sorted(msgid for msgid, text in catalogue.items() if not text.strip())
    assert not empty, f"{po} has no translation for {empty}"
    stale = sorted(set(catalogue) - set(found))
    assert not stale, f"{po} translates messages the code no longer has: {stale}"
    fuzzy = [e.msgid for e in msgfmt.parse_po(po.read_text("utf-8")) if e.fuzzy and e.msgid]
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
        marked = isinstance(arg, ast.Call) and getattr(arg.func, "id", None) == "N_"
        from_table = isinstance(arg, ast.Attribute) and arg.attr in (
            "required", "invalid", "wrong_type", "too_many", "item_wrong_type")
        passed_on = isinstance(arg, ast.Name) and arg.id == "message"
        assert marked or from_table or passed_on, f"{where}: an error message not marked for translation"


@pytest.mark.parametrize("po", CATALOGUES, ids=LANGUAGES)
def test_the_compiled_catalogue_is_the_source(po: Path) -> None:
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} missing: run `make deps` (or python scripts/msgfmt.py)"
    expected = msgfmt.mo_bytes(msgfmt.parse_po(po.read_text("utf-8")))
    assert mo.read_bytes() == expected, f"{mo} is older than {po.name}: run `make deps`"


@pytest.mark.parametrize("po", CATALOGUES, ids=LANGUAGES)
def test_msgfmt_writes_what_gettext_reads(po: Path) -> None:
    catalogue = gettext.GNUTranslations(io.BytesIO(msgfmt.mo_bytes(msgfmt.parse_po(po.read_text("utf-8")))))
    for msgid, text in entries(po).items():
        assert catalogue.gettext(msgid) == text
    assert catalogue.info()["content-type"] == "text/plain; charset=UTF-8"


def test_po_reader_reports_its_line() -> None:
    with pytest.raises(msgfmt.PoError, match=r"x.po, line 2"):
        msgfmt.parse_po('msgid "a"\nmsgstr b\n', "x.po")
    parsed = msgfmt.parse_po('#, fuzzy\nmsgid "a"\nmsgstr "b"\n\nmsgctxt "c"\nmsgid "d"\nmsgstr ""\n"e\\n"\n')
    assert [(e.msgid, e.strings, e.fuzzy) for e in parsed] == [("a", ("b",), True), ("c\x04d", ("e\n",), False)]


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
    assert messages["articles"] == "Añada como máximo 10 artículos de prensa"


def test_a_bad_language_is_named_in_english() -> None:
    answer = render({"lang": "fr", "sender": {"zip": "1"}})
    assert answer["errors"][0] == {
        "field": "lang", "code": "invalid_lang",
        "message": 'Choose the letter\'s language from those this campaign has: "en" (English), "es" (Español)'}
    assert "correct format" in next(e["message"] for e in answer["errors"] if e["field"] == "sender.zip")
    assert json.loads(json.dumps(answer))["letters"][0]["letter_text"].count("Dear ") == 1


def test_catalogue_is_read_from_a_zip_imported_wheel(tmp_path: Path) -> None:
    """As in the browser, where the wheel is on ``sys.path`` as a zip file."""
    wheel = tmp_path / "letter_py.zip"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path in sorted(PACKAGE.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                archive.write(path, path.relative_to(PACKAGE.parent).as_posix())
    program = ("import sys; sys.path.insert(0, sys.argv[1]); import json, letter_py; "
               "assert letter_py.__file__.startswith(sys.argv[1]), letter_py.__file__; "
               "print(letter_py.render_json(json.dumps({'lang': 'es', 'date': '2026-12-01'})))")
    result = subprocess.run([sys.executable, "-c", program, str(wheel)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["errors"][0]["message"] == "Añada al menos una persona a la que escribir"
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
