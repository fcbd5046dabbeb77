"""Campaign folders: loading, defaults, and errors that name the file and line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import letter_py
from letter_py import Campaign, CampaignError
from tests.letter_py.letter_helpers import render

DEFAULT = Path(letter_py.__file__).parent / "campaigns" / "default"


def files(**changes: str) -> dict[str, str]:
    result = letter_py.campaign_files(DEFAULT)
    result.update(changes)
    return result


def test_default_campaign() -> None:
    campaign = letter_py.default_campaign()
    assert campaign is letter_py.default_campaign()  # compiled once
    assert campaign.default_state == campaign.home_state == "IL"
    assert campaign.roles_by_id["police_chief"].salutation == "Chief"
    assert campaign.mailto_max_length == 2000
    assert campaign.mailto_phone_max_length == 32000


def test_campaign_files_and_load(tmp_path: Path) -> None:
    found = letter_py.campaign_files(DEFAULT)
    templates = ["body.txt.j2", "call.txt.j2", "email.txt.j2", "letter.html.j2", "letter.txt.j2", "subject.txt.j2"]
    languages = ("es", "pl")
    assert sorted(found) == sorted(["campaign.toml", *templates, *(f"{lang}/{name}" for lang in languages
                                                                   for name in templates)])
    copy = tmp_path / "c"
    shutil.copytree(DEFAULT, copy)
    (copy / "notes.bin").write_bytes(b"\x00")
    assert letter_py.campaign_files(copy) == found
    assert letter_py.load_campaign(copy).name == "End Demand Illinois"
    with pytest.raises(CampaignError, match="not a folder"):
        letter_py.campaign_files(tmp_path / "missing")


def test_organizer_changes_the_letter_without_python() -> None:
    body = "We ask {{ recipient.label }} to act in {{ community.state_name }}.\n"
    campaign = Campaign.from_files(files(**{"body.txt.j2": body}))
    letter = render({"recipients": [{"role": "mayor", "name": "Ann Wu"}]}, campaign)["letters"][0]
    assert "\n\nWe ask Mayor Ann Wu to act in Illinois.\n\n" in letter["email_text"]


def test_other_state_campaign() -> None:
    toml = files()["campaign.toml"].replace('home_state = "IL"', 'home_state = "Ohio"').replace(
        'state = "IL"', 'state = "OH"').replace('city = ""', 'city = "Dayton"')
    campaign = Campaign.from_files(files(**{"campaign.toml": toml}))
    letter = render({}, campaign)["letters"][0]
    assert "in Ohio by" in letter["email_text"] and "local research" in letter["email_text"]
    assert letter["subject"].endswith("in Dayton")


@pytest.mark.parametrize(("name", "text", "where"), [
    ("campaign.toml", 'name = "x"\n[defaults\n', "campaign.toml, line 2"),
    ("campaign.toml", 'name = "x"\n[defaults]\nstate = "Atlantis"\n', "campaign.toml, line 3"),
    ("campaign.toml", '[defaults]\nstate = "IL"\n', "campaign.toml: missing key 'name'"),
    ("campaign.toml", 'name = "x"\n[[roles]]\nid = "a"\nlabel = "A"\n\n[[roles]]\nlabel = "B"\n', "campaign.toml, line 6"),
    ("campaign.toml", 'name = "x"\n[[roles]]\nid = "a"\nlabel = "A"\nfree_title = "yes"\n', "campaign.toml, line 2"),
    ("campaign.toml", 'name = "x"\n', "at least one [[roles]]"),
    ("campaign.toml", 'name = "x"\n[[roles]]\nid = "a"\nlabel = "A"\n[[officials]]\nname = "N"\nrole = "b"\n',
     "campaign.toml, line 5: unknown role 'b'"),
    ("campaign.toml", 'name = "x"\n[mailto]\nmax_length = 5\n[[roles]]\nid = "a"\nlabel = "A"\n', "line 3"),
    ("campaign.toml", 'name = "x"\n[mailto]\nphone_max_length = true\n[[roles]]\nid = "a"\nlabel = "A"\n', "line 3"),
    ("campaign.toml", 'name = "x"\n[placeholders]\nnope = "1"\n[[roles]]\nid = "a"\nlabel = "A"\n', "line 3"),
    ("body.txt.j2", "Line one\n{% if x %}\nno end\n", "body.txt.j2, line 3"),
    ("letter.html.j2", "<p>\n{{ sender.name }\n</p>", "letter.html.j2, line 2"),
])
def test_broken_campaign_names_file_and_line(name: str, text: str, where: str) -> None:
    with pytest.raises(CampaignError) as caught:
        Campaign.from_files(files(**{name: text}), origin="my-campaign")
    assert str(caught.value).startswith("my-campaign/")
    assert where in str(caught.value)


def test_missing_template() -> None:
    broken = files()
    del broken["subject.txt.j2"]
    with pytest.raises(CampaignError, match="subject.txt.j2: file missing"):
        Campaign.from_files(broken)


def test_campaign_articles_are_cited_when_the_input_has_none() -> None:
    toml = files()["campaign.toml"] + (
        '\n[[articles]]\ntitle = "Sting nets buyers"\noutlet = "Gazette"\ndate = "2026-03-14"\n'
        'url = "https://news.example.com/sting"\n')
    campaign = Campaign.from_files(files(**{"campaign.toml": toml}))
    assert "Sting nets buyers" in render({}, campaign)["letters"][0]["email_text"]
    assert "Sting nets buyers" not in render({"articles": []}, campaign)["letters"][0]["email_text"]


def test_engine_takes_what_campaign_files_gives() -> None:
    from letter_py.web import Engine
    shipped = json.dumps(letter_py.campaign_files(DEFAULT), sort_keys=True)
    assert json.loads(Engine(shipped).render("{}"))["letters"]


def test_toml_error_at_end_of_document() -> None:
    with pytest.raises(CampaignError, match=r"campaign.toml, line 2: Unterminated string"):
        Campaign.from_files(files(**{"campaign.toml": 'name = "x"\nid = "a'}), origin="c")
