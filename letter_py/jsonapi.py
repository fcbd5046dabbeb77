"""The JSON-in, JSON-out entry point used by the browser worker and the build.

:func:`render_json` never raises: whatever it is given, it answers with a JSON
document holding the letters (with placeholders where values are missing) and
the field errors. The page calls it on every keystroke.
"""

from __future__ import annotations

import datetime as _dt
import json

from .campaign import Campaign, default_campaign
from .model import FieldError, LetterInput
from .render import render_letters
from .states import listed
from .text import fix_surrogates, thousands
from .validate import field_limits, parse_input

# Far above any valid input: a long paste into any or even every field (the
# page allows 100,000 characters in each) still gets its own field error and
# leaves the rest of the letter intact; only a pathological document is refused.
MAX_INPUT = 20_000_000


def _dumps(document: object) -> str:
    # ASCII-only JSON: the fastest encoding here, and safe in any transport.
    return json.dumps(document, separators=(",", ":"))


def _decode(input_json: object) -> tuple[object, list[FieldError]]:
    """The decoded document, or ``None`` and an error naming field ``""``."""
    if isinstance(input_json, (bytes, bytearray)):
        input_json = bytes(input_json).decode("utf-8", "replace")
    if not isinstance(input_json, str):
        return None, [FieldError("", "wrong_type", "The letter details must be JSON text")]
    if len(input_json) > MAX_INPUT:
        return None, [FieldError("", "too_long",
                                 f"The letter details must be {thousands(MAX_INPUT)} characters or fewer")]
    try:
        data = json.loads(fix_surrogates(input_json))
    except json.JSONDecodeError as exc:
        return None, [FieldError("", "invalid_json",
                                 f"The letter details are not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")]
    except RecursionError:
        return None, [FieldError("", "invalid_json", "The letter details are nested too deeply")]
    if not isinstance(data, dict):
        return None, [FieldError("", "not_object",
                                 'The letter details must be a JSON object, like {"sender": {"name": "Alex Doe"}}')]
    return data, []


def render_document(input_json: object, campaign: Campaign, today: _dt.date) -> dict[str, object]:
    """The answer as a dict (see :func:`render_json`)."""
    data, errors = _decode(input_json)
    letter_input, field_errors = parse_input(data, campaign) if data is not None else (LetterInput(), [])
    errors += field_errors
    drafts = render_letters(letter_input, campaign, today)
    return {
        "ok": not errors,
        "errors": [error.to_dict() for error in errors],
        "letters": [draft.to_dict() for draft in drafts],
    }


def render_json(input_json: str, campaign: Campaign | None = None, *, today: _dt.date | None = None) -> str:
    """Render every letter of a JSON input; never raises.

    The answer is ``{"ok", "errors": [{"field", "code", "message"}], "letters": [...]}``;
    letters are rendered even when there are errors, with placeholders.
    """
    try:
        campaign = campaign or default_campaign()
        return _dumps(render_document(input_json, campaign, today or _dt.date.today()))
    except Exception as exc:  # the promise is: never raise
        message = f"The letter could not be rendered ({type(exc).__name__}: {fix_surrogates(str(exc))[:300]})"
        letters: list[object] = []
        try:
            letters = render_document("{}", campaign or default_campaign(), today or _dt.date.today())["letters"]
        except Exception:  # noqa: S110 - a broken campaign renders nothing
            pass
        return _dumps({"ok": False, "errors": [{"field": "", "code": "internal_error", "message": message}],
                       "letters": letters})


def describe(campaign: Campaign, lang: str = "en") -> dict[str, object]:
    """What the page needs to build its form for a campaign, worded in ``lang``.

    The same keys in every language: the roles', officials' and states' labels
    are the letter language's (a language the campaign lacks gives English),
    so the English answer is what it always was. :func:`languages` lists the
    letter languages.
    """
    code = campaign.lang_code(lang) or "en"
    answer: dict[str, object] = {
        "name": campaign.name,
        "default_city": campaign.default_city,
        "default_state": campaign.default_state,
        "home_state": campaign.home_state,
        "roles": [{"id": role.id, "label": role.words(code).label, "free_title": role.free_title}
                  for role in campaign.roles],
        "officials": [
            {"name": o.name, "role": o.role, "title": o.title, "email": o.email, "address": o.address,
             "family_name": o.family_name, "label": o.label(campaign, code)}
            for o in campaign.officials
        ],
        "articles": [{"title": a.title, "outlet": a.outlet, "date": a.date, "url": a.url} for a in campaign.articles],
        "states": [{"code": state, "name": name} for state, name in listed(code)],
        "limits": field_limits(),
        "mailto_max_length": campaign.mailto_max_length,
        "mailto_phone_max_length": campaign.mailto_phone_max_length,
        "prompts": prompts(campaign, code),
    }
    return answer


def prompts(campaign: Campaign, lang: str = "en") -> dict[str, object]:
    """The sentence starters for "In your own words" in a letter language.

    ``starters`` are text with ``{town}`` left in: the page fills it with the
    form's town by plain replacement (never as a template), or with ``town``,
    the language's placeholder for a town, while the form has none.
    """
    language = campaign.language(lang)
    return {"starters": list(language.prompts), "town": language.placeholders["city"]}


def describe_json(campaign: Campaign, lang: str = "en") -> str:
    return _dumps(describe(campaign, lang))


def languages(campaign: Campaign) -> list[dict[str, str]]:
    """The campaign's letter languages, English first: ``[{"code": "en", "name": "English"}, ...]``."""
    return [{"code": code, "name": campaign.language(code).name} for code in campaign.languages]


def languages_json(campaign: Campaign) -> str:
    return _dumps(languages(campaign))
