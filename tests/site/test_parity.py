"""Same input, same letter: letter_py in Chromium (Pyodide) equals letter_py under CPython.

The inputs go through the page's real worker and its documented message
protocol; the outputs are compared as the exact JSON text, byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from letter_py.web import Engine
from tests.hostile import HOSTILE_STRINGS
from tests.site.editions import LETTER_LANGUAGES
from tests.site.visits import Visit

BASE = {
    "recipients": [{"role": "mayor", "name": "Maria Lopez", "email": "mayor@example.gov",
                    "address": "City Hall\n121 N LaSalle St\nChicago, IL 60602"}],
    "sender": {"name": "Sam Rivera", "street": "12 Elm Street", "city": "Fox Lake Hills", "state": "IL",
               "zip": "60020", "email": "sam@example.org", "phone": "708-555-0100"},
    "community": {"city": "Fox Lake Hills", "state": "IL"},
    "personal": "I walk my children past Harlem Avenue every morning.",
    "date": "2026-11-29",
}


def variants() -> list[dict]:
    several = json.loads(json.dumps(BASE))
    several["recipients"].append({"role": "police_chief", "name": "Dana Brown"})
    several["recipients"].append({"role": "other", "title": "Alderperson", "name": "Lee Park"})
    several["articles"] = [
        {"title": "Police target buyers in sting", "outlet": "Oak Leaves", "date": "2026-03-12",
         "url": "https://example.com/news/sting"},
        {"title": "Town hall on exploitation", "outlet": "WBEZ", "date": "", "url": "https://example.org/a?b=1&c=2"},
    ]
    other_state = json.loads(json.dumps(BASE))
    other_state["community"] = {"city": "Madison", "state": "Wisconsin"}
    cases = [{}, {"date": ""}, BASE, several, other_state, "not an object", [1, 2]]
    # The Spanish letter: both genders, the neutral greeting, Spanish errors.
    spanish = json.loads(json.dumps(several))
    spanish["lang"] = "es"
    spanish["recipients"][0]["gender"] = "f"
    spanish["recipients"][1]["gender"] = "m"
    cases += [spanish, {"lang": "es"}, {"lang": "es-US", "sender": {"zip": "1"}, "community": {"state": "Nuevo México"}},
              {"lang": "fr"}, {"lang": "es", "recipients": [{"role": "mayor", "gender": "x"}]}]
    # Every other letter language the campaign has (Polish as it lands): both genders, its errors.
    for lang in LETTER_LANGUAGES:
        if lang not in ("en", "es"):
            other = json.loads(json.dumps(spanish))
            other["lang"] = lang
            cases += [other, {"lang": lang}, {"lang": lang, "messages_lang": "en", "sender": {"zip": "1"}},
                      {"lang": "en", "messages_lang": lang, "sender": {"email": "x"}}]
    # The messages in the page's language, apart from the letter's.
    cases += [{"lang": "en", "messages_lang": "es", "sender": {"zip": "1"}, "recipients": [{"role": "x"}]},
              {"lang": "es", "messages_lang": "en", "sender": {"email": "x"}}, {"messages_lang": 7}]
    for text in HOSTILE_STRINGS:
        for lang in LETTER_LANGUAGES:
            case = json.loads(json.dumps(BASE))
            case["lang"] = lang
            case["sender"]["name"] = text
            case["personal"] = text
            case["recipients"][0]["name"] = text
            case["articles"] = [{"title": text, "outlet": text, "date": "", "url": text}]
            cases.append(case)
    return cases


@pytest.fixture(scope="module")
def campaign_json(site: Path) -> str:
    import re

    page = (site / "write" / "index.html").read_text()
    raw = re.search(r'<script type="application/json" id="letter-campaign">(.*?)</script>', page, re.S).group(1)
    return raw  # a script element's text is not entity-decoded: this is exactly textContent


def test_browser_and_cpython_render_identical_json(visit: Visit, campaign_json: str):
    inputs = [json.dumps(case) for case in variants()]  # ensure_ascii: lone surrogates travel as \\ud800
    inputs.append('{"sender": {"name": "Ana \\ud800 Lone"}}')
    inputs.append("{not json")
    page = visit.open_letter_page()
    outputs = page.evaluate(
        """async (inputs) => {
            // The page's own boot config and worker URL (protocol.js).
            const protocol = document.querySelector('link[rel=modulepreload][href$="/protocol.js"]').href;
            const {workerURL} = await import(protocol);
            const boot = JSON.parse(document.getElementById('letter-boot').textContent);
            const worker = new Worker(workerURL(boot), {type: 'module'});
            const replies = new Map();
            const ready = new Promise((resolve, reject) => {
                worker.onmessage = ({data}) => {
                    if (data.type === 'ready') resolve();
                    else if (data.type === 'failed') reject(new Error(data.message));
                    else if (data.type === 'rendered') replies.get(data.id)(data.output);
                };
            });
            worker.postMessage({type: 'init', campaign: document.getElementById('letter-campaign').textContent});
            await ready;
            const results = [];
            for (const [id, input] of inputs.entries()) {
                results.push(await new Promise((resolve) => {
                    replies.set(id, resolve);
                    worker.postMessage({type: 'render', id, input});
                }));
            }
            worker.terminate();
            return results;
        }""",
        inputs,
    )
    engine = Engine(campaign_json)
    assert len(outputs) == len(inputs)
    for text, browser_output in zip(inputs, outputs):
        assert browser_output == engine.render(text), text[:200]
