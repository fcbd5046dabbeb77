"""Same input, same bytes: letter_py under Pyodide (CPython 3.14 in wasm) and here.

Runs Pyodide in Node with the Jinja2 and MarkupSafe wheels the site build
ships (``build/wheels``, made here by the build's own code when missing).
Skipped only when Node or the ``pyodide`` npm package is not there.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import letter_py
from letter_py import campaign_link, default_campaign
from letter_py.cli import EXAMPLE, EXAMPLE_ES, EXAMPLE_PL
from letter_py.web import Engine
from scripts.engine.pyodide import run_pyodide
from scripts.engine.wheels import dependency_wheels
from tests.campaign_links import SPRINGFIELD
from tests.letter_py.letter_helpers import HERE, TODAY

ROOT = HERE.parents[1]
PYODIDE = ROOT / "node_modules" / "pyodide"
WHEELS = ROOT / "build" / "wheels"
PYODIDE_HOME = "/home/pyodide"  # Pyodide's working directory: "" on its import path

CASES = {
    "example": EXAMPLE,
    "empty": {},
    "placeholders": {"recipients": [{"role": "police_chief", "name": "Ken Brown"}], "date": "",
                     "community": {"state": "Wisconsin"}},
    "hostile": {
        "sender": {"name": "Jos\u00e9 \u202e{{ 7*7 }}<script>", "state": "illinois", "zip": "6"},
        "personal": "caf\u0065\u0301 \ud800 \U0001f600\n\n\n<b>x</b>\r\nBcc: x@y.z",
        "recipients": [{"role": "other", "title": "Alderperson", "name": "Ren\u00e9e O'Hara Jr.",
                        "email": "r@x.example.org", "address": "1 Rue de l'\u00c9glise\n\u0130stanbul"}],
        "articles": [{"title": "\u201cQuoted\u201d & <b>", "date": "2026-02-29", "url": "https://\u00e9.example/x"}],
    },
    "not json": None,
    # In Spanish: the catalogue's messages, Spanish dates and state names, and
    # the hostile input through the Spanish templates.
    "example-es": EXAMPLE_ES,
    "errors-es": {"lang": "es", "sender": {"zip": "6", "email": "x"}, "date": "2026-12-01",
                  "community": {"state": "Pennsylvania"}, "recipients": [{"role": "nobody", "gender": "x"}]},
    # The messages in the page's language, apart from the letter's (messages_lang).
    "errors-en-messages-es": {"lang": "en", "messages_lang": "es", "sender": {"zip": "6", "email": "x"},
                              "recipients": [{"role": "nobody"}]},
    "errors-es-messages-en": {"lang": "es", "messages_lang": "en-US", "sender": {"zip": "6"}},
    "bad-messages-lang": {"lang": "es", "messages_lang": "fr", "sender": {"zip": "6"}},
    "hostile-es": {
        "lang": "es-US",
        "sender": {"name": "Jos\u00e9 \u202e{{ 7*7 }}<script>", "state": "carolina del norte", "zip": "6"},
        "personal": "caf\u0065\u0301 \ud800 \U0001f600\n\n\n<b>x</b>\r\nBcc: x@y.z",
        "recipients": [{"role": "other", "title": "Concejala", "gender": "f", "name": "Ren\u00e9e O'Hara Jr.", "family_name": " O'Hara ",
                        "email": "r@x.example.org", "address": "1 Rue de l'\u00c9glise\n\u0130stanbul"}],
        "articles": [{"title": "\u201cQuoted\u201d & <b>", "date": "2026-02-29", "url": "https://\u00e9.example/x"}],
    },
    # Calls: the tel: link and the script in both languages, and a refused number.
    "call": {"sender": {"name": "Jos\u00e9 {{ 7*7 }}"}, "community": {"city": "Des Plaines"},
             "recipients": [{"role": "mayor", "name": "Ann Wu", "phone": "618-624-4500 ext. 8730"},
                            {"role": "sheriff", "name": "Tom Dart", "phone": "<b>911</b>"}]},
    "call-es": {"lang": "es", "recipients": [{"role": "mayor", "name": "Ann Wu", "gender": "f",
                                              "phone": "+1 (847) 391-5301"}]},
    # A subject of the visitor's own (RFC 2047 in the .eml), and one with a line break and too long.
    "subject": {"subject": "Se\u00f1ora alcaldesa: {{ 7*7 }} <b>x</b>", "recipients": [
        {"role": "mayor", "name": "Ann Wu", "email": "a@x.example.org", "phone": "618-624-4500"}]},
    "subject-es": {"lang": "es", "subject": "Dos\r\nBcc: x@y.z " + "x" * 200},
    # In Polish: vocative greetings without the name, Polish dates and state
    # names, three plural forms in the messages, ł in the file names, the call.
    "example-pl": EXAMPLE_PL,
    "errors-pl": {"lang": "pl", "sender": {"zip": "6", "email": "x"}, "personal": "x" * 2001, "date": "2026-12-01",
                  "community": {"state": "Pennsylvania"}, "recipients": [{"role": "nobody", "gender": "x"}] * 11},
    "office-pl": {"lang": "pl", "recipients": [
        {"role": "police_chief", "organization": "Evanston Police Department", "phone": "847-866-5000"},
        {"role": "other", "title": "Radna", "name": "Łucja Żak", "gender": "f"}]},
    "errors-en-messages-pl": {"lang": "en", "messages_lang": "pl", "sender": {"zip": "6"}},
}
# Campaign links (letter_py.campaign_link): the builder page's input, as the page sends it.
LINK_CASES = {
    "link:springfield": {"base": "https://example.org/write/", "campaign": SPRINGFIELD},
    # The Spanish builder page's: its messages from the catalogue, its labels and state names.
    "link:springfield-es": {"base": "https://example.org/es/escribir/", "lang": "es",
                            "campaign": {**SPRINGFIELD, "defaults": {"city": "Raleigh", "state": "NC"}}},
    "link:errors-es": {"base": "ftp://x", "lang": "es", "campaign": {
        "defaults": {"state": "Narnia"}, "officials": [{"name": "A", "role": "king", "email": "no"}],
        "articles": [{"title": "", "url": "javascript:x"}]}},
    "link:hostile": {"base": "https://example.org/write/", "campaign": {
        "organizer": "\u202e{{ 7*7 }}<script>", "defaults": {"city": "Jos\u00e9 \ud800 \U0001f600", "state": "x"},
        "officials": [{"name": "Ren\u00e9e\r\nBcc: x", "role": "other", "email": "javascript:x"}],
        "articles": [{"title": "<b>", "url": "javascript:alert(1)"}]}},
}


def _wheels() -> list[Path]:
    if (ROOT / "node_modules" / "pyodide").exists():
        dependency_wheels(WHEELS)  # cached: a no-op after the first build
    found = [next(iter(sorted(WHEELS.glob(f"{name}-*-py3-none-any.whl"))), None) for name in ("jinja2", "markupsafe")]
    return [w for w in found if w is not None]


def test_pyodide_gives_the_same_bytes(tmp_path: Path) -> None:
    node = shutil.which("node")
    wheels = _wheels()
    if node is None or not (PYODIDE / "pyodide.mjs").exists() or len(wheels) != 2:
        pytest.skip("needs node and node_modules/pyodide (npm ci)")
    texts = {name: json.dumps(data) if data is not None else "{not json"
             for name, data in {**CASES, **LINK_CASES}.items()}
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps(texts), encoding="utf-8")
    # The build's own harness: these wheels installed, the source folder mounted
    # in Python's working directory, which is on its path.
    stdout = run_pyodide(PYODIDE, {
        "wheels": [str(w) for w in wheels],
        "mounts": {f"{PYODIDE_HOME}/letter_py": str(Path(letter_py.__file__).parent), "/cases": str(tmp_path)},
        "script": str(HERE / "pyodide_parity.py"), "args": ["/cases/cases.json", PYODIDE_HOME],
    }, timeout=240)
    answer = json.loads(stdout)
    assert answer["version"].startswith("3.1")
    for name, text in texts.items():
        if name in LINK_CASES:  # the same link, byte for byte (zlib's deflate at level 9 on both)
            built = campaign_link.build_json(text, default_campaign())
            assert answer["links"][name] == built, name
            assert answer["read"][name] == campaign_link.read_link_json(json.loads(built)["fragment"],
                                                                        default_campaign()), name
        else:
            assert answer["results"][name] == letter_py.render_json(text, today=TODAY), name
    engine = Engine(json.dumps(letter_py.campaign_files(Path(letter_py.__file__).parent / "campaigns" / "default")))
    assert answer["describe"] == {language["code"]: engine.describe(language["code"])
                                  for language in json.loads(engine.languages())}
    # A typed title in lower case in the Spanish greeting; the surname given (letter_py.names).
    hostile = json.loads(answer["results"]["hostile-es"])["letters"][0]
    assert hostile["recipient"]["salutation"] == "Estimada concejala Ren\u00e9e O'Hara:"
    print(f"Pyodide {answer['version'].split()[0]}: {answer['ms_per_call']:.2f} ms per render_json call")
