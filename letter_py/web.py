"""The browser worker's view of the engine: strings in, strings out.

Pyodide passes JavaScript strings in and hands Python strings back, so this
class keeps the JavaScript side to a constructor and two method calls.
"""

from __future__ import annotations

import datetime as _dt
import json

from .campaign import Campaign
from .jsonapi import describe_json, languages_json, render_json
from .precompiled import Precompiled


class Engine:
    """A compiled campaign, reused for every keystroke's render.

    ``precompiled`` is the build's compiled campaign (bytes, or a JavaScript
    ``Uint8Array``) and ``precompiled_sha256`` its digest; when either is
    missing or does not fit, the campaign is compiled here, just more slowly.
    """

    def __init__(self, campaign_files_json: str, precompiled: object = None,
                 precompiled_sha256: str | None = None) -> None:
        files = json.loads(campaign_files_json)
        if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
            raise ValueError("campaign_files_json must map file names to their text")
        if hasattr(precompiled, "to_bytes"):  # a JsProxy of a typed array
            precompiled = precompiled.to_bytes()
        ahead = None
        if isinstance(precompiled, (bytes, bytearray, memoryview)):
            ahead = Precompiled.load(bytes(precompiled), precompiled_sha256)
        self.campaign = Campaign.from_files(files, origin="<campaign>", precompiled=ahead)

    @property
    def precompiled(self) -> bool:
        """Whether the campaign's config, analysis and every template came precompiled."""
        stats = self.campaign.cache.stats
        return stats.config and stats.analysis and stats.templates >= len(self.campaign.templates)

    def render(self, input_json: str, today: str | None = None) -> str:
        """Same as :func:`letter_py.render_json` with this campaign; never raises.

        The letter's language is the document's ``"lang"`` (``"en"`` when absent);
        its messages' is ``"messages_lang"`` (the page's), or the letter's.
        """
        day = None
        if today:
            try:
                day = _dt.date.fromisoformat(today)
            except (TypeError, ValueError):
                day = None
        return render_json(input_json, self.campaign, today=day)

    def describe(self, lang: str = "en") -> str:
        """The campaign's form settings as JSON, worded in ``lang`` (see :func:`letter_py.jsonapi.describe`)."""
        return describe_json(self.campaign, lang if isinstance(lang, str) else "en")

    def languages(self) -> str:
        """The letter languages as JSON: ``[{"code": "en", "name": "English"}, {"code": "es", ...}]``."""
        return languages_json(self.campaign)

    # Campaign links (letter_py.campaign_link), imported when first used: the
    # letter page opened without one never loads the module.
    def read_link(self, link: str) -> str:
        """A campaign link's officials and news for the visitor's form; never raises.

        ``link`` is the fragment, or ``{"link": fragment, "lang": "es"}`` for the
        officials' labels, state names and messages in the page's language.
        """
        from .campaign_link import read_link_json

        lang = "en"
        if isinstance(link, str) and link.startswith("{"):
            try:
                data = json.loads(link)
            except ValueError:
                data = None
            data = data if isinstance(data, dict) else {}
            link = data.get("link") if isinstance(data.get("link"), str) else ""
            raw = data.get("lang")
            lang = (self.campaign.lang_code(raw) or "en") if isinstance(raw, str) else "en"
        return read_link_json(link, self.campaign, lang)

    def build_link(self, input_json: str) -> str:
        """The builder page's answer (see :func:`letter_py.campaign_link.build_json`)."""
        from .campaign_link import build_json

        return build_json(input_json, self.campaign)

    def qr_svg(self, input_json: str) -> str:
        """``{"text", "title"}`` to ``{"svg"}`` (``""`` when it does not fit); never raises."""
        try:
            data = json.loads(input_json)
            from .qr import qr_svg

            return json.dumps({"svg": qr_svg(str(data.get("text", "")), str(data.get("title", "")))})
        except Exception as exc:  # segno missing, a link too long: the page shows no code
            return json.dumps({"svg": "", "error": f"{type(exc).__name__}: {str(exc)[:200]}"})

    def precompile(self) -> bytes:
        """This campaign compiled, for the build to ship (see :mod:`letter_py.precompiled`)."""
        return self.campaign.precompile().dump()
