"""letter_py: a personal letter to local leaders, in every format a visitor needs.

Pure Python (standard library and Jinja2), so the same code runs on CPython
and in the browser through Pyodide.
"""

from __future__ import annotations

from .campaign import Campaign, CampaignError, campaign_files, default_campaign, load_campaign
from .jsonapi import render_json
from .model import Article, Community, FieldError, LetterInput, Recipient, Sender
from .render import Draft, render_letters
from .validate import parse_input

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Campaign",
    "CampaignError",
    "Community",
    "Draft",
    "FieldError",
    "LetterInput",
    "Recipient",
    "Sender",
    "campaign_files",
    "default_campaign",
    "load_campaign",
    "parse_input",
    "render_json",
    "render_letters",
]
