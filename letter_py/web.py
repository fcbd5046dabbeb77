"""The browser worker's view of the engine: strings in, strings out.

Pyodide passes JavaScript strings in and hands Python strings back, so this
class keeps the JavaScript side to a constructor and two method calls.
"""

from __future__ import annotations

import datetime as _dt
import json

from .campaign import Campaign
from .jsonapi import describe_json, render_json
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
        """Same as :func:`letter_py.render_json` with this campaign; never raises."""
        day = None
        if today:
            try:
                day = _dt.date.fromisoformat(today)
            except (TypeError, ValueError):
                day = None
        return render_json(input_json, self.campaign, today=day)

    def describe(self) -> str:
        """The campaign's form settings as JSON (see :func:`letter_py.jsonapi.describe`)."""
        return describe_json(self.campaign)

    # Campaign links (letter_py.campaign_link), imported when first used: the
    # letter page opened without one never loads the module.
    def read_link(self, link: str) -> str:
        """A campaign link's officials and news for the visitor's form; never raises."""
        from .campaign_link import read_link_json

        return read_link_json(link, self.campaign)

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
