"""The browser worker's view of the engine: strings in, strings out.

Pyodide passes JavaScript strings in and hands Python strings back, so this
class keeps the JavaScript side to a constructor and two method calls.
"""

from __future__ import annotations

import datetime as _dt
import json

from .campaign import Campaign
from .jsonapi import describe_json, render_json


class Engine:
    """A compiled campaign, reused for every keystroke's render."""

    def __init__(self, campaign_files_json: str) -> None:
        files = json.loads(campaign_files_json)
        if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
            raise ValueError("campaign_files_json must map file names to their text")
        self.campaign = Campaign.from_files(files, origin="<campaign>")

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
