"""The letter's words and layout: salutations, state, articles, personal paragraph."""

from __future__ import annotations

import pytest

import letter_py
from letter_py.render import render_letters, tidy
from tests.letter_py.letter_helpers import TODAY, render


def letter(example: dict, index: int = 0) -> dict:
    result = render(example)
    assert result["errors"] == [], result["errors"]
    return result["letters"][index]


@pytest.mark.parametrize(("role", "name", "salutation", "label"), [
    ("mayor", "Maria Lopez", "Dear Mayor Lopez,", "Mayor Maria Lopez"),
    ("police_chief", "Ken Brown", "Dear Chief Brown,", "Police Chief Ken Brown"),
    ("village_president", "Ann Wu", "Dear President Wu,", "Village President Ann Wu"),
    ("superintendent", "Larry Snelling", "Dear Superintendent Snelling,", "Superintendent of Police Larry Snelling"),
    ("sheriff", "Tom Dart", "Dear Sheriff Dart,", "Sheriff Tom Dart"),
    ("states_attorney", "Eileen O'Neill Burke", "Dear State's Attorney Burke,", "State's Attorney Eileen O'Neill Burke"),
    ("mayor", "Robert Smith Jr.", "Dear Mayor Smith,", "Mayor Robert Smith Jr."),
    ("mayor", "Cher", "Dear Mayor Cher,", "Mayor Cher"),
])
def test_salutation_follows_the_role(example: dict, role: str, name: str, salutation: str, label: str) -> None:
    example["recipients"] = [{"role": role, "name": name}]
    result = letter(example)
    assert result["email_text"].startswith(salutation + "\n\n")
    assert f"\n{salutation}\n" in result["letter_text"]
    assert result["recipient"] == {"role": role, "name": name, "email": "", "label": label, "salutation": salutation}


def test_other_role_uses_its_title(example: dict) -> None:
    example["recipients"] = [
        {"role": "other", "title": "Alderperson", "name": "Pat Dowell"},
        {"role": "other", "title": "Director of Public Safety and Emergency Management", "name": "Jo Park"},
    ]
    first, second = render(example)["letters"]
    assert first["email_text"].startswith("Dear Alderperson Dowell,")
    assert first["recipient"]["label"] == "Alderperson Pat Dowell"
    assert second["email_text"].startswith("Dear Jo Park,")


def test_one_letter_per_recipient(example: dict) -> None:
    result = render(example)
    assert [l["filename"] for l in result["letters"]] == [
        "letter-to-mayor-maria-lopez", "letter-to-police-chief-ken-brown"]
    assert result["letters"][0]["email_text"] != result["letters"][1]["email_text"]


def test_same_recipient_twice_gets_distinct_file_names(example: dict) -> None:
    example["recipients"] = [{"role": "mayor", "name": "Maria Lopez"}] * 3
    names = [l["filename"] for l in render(example)["letters"]]
    assert names == ["letter-to-mayor-maria-lopez", "letter-to-mayor-maria-lopez-2", "letter-to-mayor-maria-lopez-3"]


def test_state_follows_the_community(example: dict) -> None:
    home = letter(example)["email_text"]
    assert "deter sexual exploitation in Illinois by" in home
    assert "contrary to local research" in home
    example["community"] = {"city": "Madison", "state": "WI"}
    away = letter(example)["email_text"]
    assert "deter sexual exploitation in Wisconsin by" in away
    assert "contrary to research with men" in away
    changed = [(a, b) for a, b in zip(home.split(". "), away.split(". ")) if a != b]
    assert len(changed) == 2  # only the words that would become false


def test_community_falls_back_to_sender_then_campaign(example: dict) -> None:
    del example["community"]
    example["sender"]["state"] = "Indiana"
    example["sender"]["city"] = "Gary"
    result = letter(example)
    assert "in Indiana by" in result["email_text"]
    assert result["subject"].endswith("in Gary")
    example["sender"] = {"name": "A"}
    assert "in Illinois by" in render(example)["letters"][0]["email_text"]


def test_articles_are_cited_by_link(example: dict) -> None:
    example["articles"].append({"title": "Second story", "url": "https://tv.example.org/s"})
    result = letter(example)
    text = result["email_text"]
    assert "as you'll see from the news articles listed below." in text
    assert ('1. "Police arrest 12 in sting targeting sex buyers," Springfield Gazette, March 14, 2026\n'
            "   https://news.example.com/2026/03/14/sting\n") in text
    assert '2. "Second story"\n   https://tv.example.org/s\n' in text
    assert '<a href="https://news.example.com/2026/03/14/sting" rel="noopener noreferrer">' in result["letter_html"]
    assert text.index("News articles:") < text.index("Sincerely,")


def test_without_articles_the_sentence_reads_naturally(example: dict) -> None:
    example["articles"] = []
    text = letter(example)["email_text"]
    assert "Our own neighborhood is no exception. I am contacting you" in text
    assert "News articles" not in text and "attached" not in text


def test_personal_paragraph_stands_after_the_opening(example: dict) -> None:
    example["personal"] = "My own words.\n\nA second paragraph."
    body = letter(example)["email_text"].split("\n\n")
    assert body[2].startswith("Our own neighborhood")
    assert body[3:5] == ["My own words.", "A second paragraph."]
    assert body[5] == "Prostitution could not exist without the people who buy sex."


def test_email_has_no_address_blocks_and_is_signed(example: dict) -> None:
    result = letter(example)
    text = result["email_text"]
    assert "123 Main Street" not in text and "Seventh Street" not in text
    assert text.endswith("Sincerely,\nAlex Doe\n")
    assert "Please help end the demand" in result["subject"]


def test_printed_letter_block_layout(example: dict) -> None:
    lines = letter(example)["letter_text"].split("\n")
    assert lines[:5] == ["Alex Doe", "123 Main Street", "Springfield, IL 62704", "alex@example.com", "217 555 0100"]
    assert lines[6] == "November 29, 2026"
    assert lines[8:12] == ["Mayor Maria Lopez", "Office of the Mayor", "300 S. Seventh Street", "Springfield, IL 62701"]
    assert lines[13] == "Dear Mayor Lopez,"
    closing = lines.index("Sincerely,")
    assert lines[closing + 1: closing + 4] == ["", "", ""]  # room for a signature
    assert lines[closing + 4:] == ["Alex Doe", "123 Main Street", "Springfield, IL 62704", ""]


def test_html_matches_the_text(example: dict) -> None:
    result = letter(example)
    html = result["letter_html"]
    assert html.startswith('<article class="letter">')
    assert "<p class=\"letter-salutation\">Dear Mayor Lopez,</p>" in html
    assert "Office of the Mayor<br>\n300 S. Seventh Street" in html
    assert html.count("<p>") == 7


def test_placeholders_for_missing_values() -> None:
    result = render({"recipients": [{"role": "mayor"}], "sender": {"city": "Springfield"}, "date": ""})
    text = result["letters"][0]["letter_text"]
    assert text.startswith("(Your name)\n(Street address)\nSpringfield, (State) (ZIP code)\n\n(Date)\n\nMayor (Name)\n")
    assert "Dear Mayor (Name)," in text
    assert result["letters"][0]["filename"] == "letter-to-mayor-name"


def test_no_recipients_gives_one_placeholder_letter() -> None:
    result = render({"recipients": []})
    assert len(result["letters"]) == 1
    assert result["letters"][0]["recipient"] == {"role": "", "name": "", "email": "", "label": "(Mayor/Police Chief Name)",
                                                  "salutation": "Dear (Mayor/Police Chief Name),"}


def test_date_defaults_to_today_and_can_be_injected(example: dict) -> None:
    del example["date"]
    assert "\nNovember 29, 2026\n" in render(example)["letters"][0]["letter_text"]
    example["date"] = "2027-07-04"
    assert "\nJuly 4, 2027\n" in render(example)["letters"][0]["letter_text"]


def test_render_letters_is_lazy(campaign: letter_py.Campaign) -> None:
    data, _ = letter_py.parse_input({"recipients": [{"role": "mayor", "name": "A B"}]}, campaign)
    (draft,) = render_letters(data, campaign, TODAY)
    assert "letter_html" not in draft.__dict__
    assert draft.letter_text.startswith("(Your name)")
    assert "letter_html" not in draft.__dict__ and "eml" not in draft.__dict__


def test_helpers() -> None:
    assert tidy("\n\na  \nb\t\n\n") == "a\nb\n"
