"""An organizer's own campaign folder, built into its own site: officials, local news and sentence starters."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from scripts.shared.static_server import StaticServer
from tests.paths import ROOT
from tests.site.letter_page import wait_for_engine
from tests.site.visits import new_visit

OFFICIALS = '''
[[officials]]
name = "Ana Ortiz"
role = "police_chief"
email = "chief@springfield.example"
address = """800 E. Monroe Street
Springfield, IL 62701"""

[[articles]]
title = "Police arrest 12 in sting targeting sex buyers"
outlet = "Springfield Gazette"
date = "2026-03-14"
url = "https://news.example.com/2026/03/14/sting"
'''


# The organizer's own words among the starters by "In your own words".
OWN_STARTER = "I ride the bus through {town} every day, and …"


@pytest.fixture(scope="module")
def campaign_site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("campaign")
    campaign = work / "springfield"
    shutil.copytree(ROOT / "letter_py" / "campaigns" / "default", campaign)
    toml = campaign / "campaign.toml"
    toml.write_text(toml.read_text().replace('city = ""', 'city = "Springfield"', 1)
                    .replace('"I would like your office to …"', f'"{OWN_STARTER}"', 1) + OFFICIALS)
    config = work / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'docs' / 'overrides'}\n"
        f"hooks:\n  - {ROOT / 'scripts' / 'mkdocs_hooks.py'}\n"
        f"extra:\n  letter:\n    campaign: {campaign}\n"
    )
    site = work / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
                             "-d", str(site)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_check_campaign_accepts_the_organizers_folder(campaign_site: Path):
    folder = campaign_site.parent / "springfield"
    result = subprocess.run([sys.executable, "-m", "letter_py", "check-campaign", str(folder)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_officials_and_local_news_from_the_campaign(browser, campaign_site: Path):
    with StaticServer(campaign_site) as server:
        visit = new_visit(browser, server)
        try:
            page = visit.open("/write/")
            wait_for_engine(page)
            community = page.get_by_role("group", name="1. Your town")
            expect(community.get_by_label("Your town or city")).to_have_value("Springfield")
            expect(page.locator("[data-campaign-articles]")).to_contain_text("Springfield Gazette")
            recipient = page.get_by_role("group", name="Recipient 1")
            recipient.get_by_label("Choose a local official (optional)").select_option(label="Police Chief Ana Ortiz")
            expect(recipient.get_by_label("Who are you writing to?")).to_have_value("police_chief")
            expect(recipient.get_by_label("Their full name")).to_have_value("Ana Ortiz")
            expect(recipient.get_by_label("Their email address (optional)")).to_have_value("chief@springfield.example")
            preview = page.locator("[data-letter='0'] [data-email-text]")
            expect(preview).to_contain_text("Dear Chief Ortiz")
            expect(preview).to_contain_text("Police arrest 12 in sting targeting sex buyers")
            assert "mailto:chief@springfield.example" in page.locator("[data-letter='0'] [data-action='email']").get_attribute("href")
            starters = page.get_by_role("group", name="Not sure how to start?").get_by_role("button")
            expect(starters.last).to_have_text("I ride the bus through Springfield every day, and …")
        finally:
            visit.context.close()
        assert visit.foreign == []
