"""campaign.toml on its own: a typed, immutable record, with or without the TOML parser."""

from __future__ import annotations

from pathlib import Path

import pytest

import letter_py
from letter_py.config import CONFIG, CampaignConfig, CampaignError, Role, parse_config, read_toml

TEXT = (Path(letter_py.__file__).parent / "campaigns" / "default" / CONFIG).read_text(encoding="utf-8")


def test_default_config_is_a_typed_record() -> None:
    config = parse_config(TEXT, "default")
    assert isinstance(config, CampaignConfig)
    assert config.name == "End Demand Illinois"
    assert config.default_state == config.home_state == "IL"
    assert isinstance(config.roles, tuple) and all(isinstance(role, Role) for role in config.roles)
    assert config.placeholders["recipient"] == "(Mayor/Police Chief Name)"
    assert config.toml == read_toml(TEXT)
    with pytest.raises(AttributeError):
        config.name = "Another"  # type: ignore[misc]


def test_a_parsed_table_spares_the_parser_but_is_checked_the_same() -> None:
    table = read_toml(TEXT)
    assert parse_config(TEXT, "default", table) == parse_config(TEXT, "default")
    # What is read is the table handed in, not the text (which only places errors).
    renamed = {**table, "name": "From the table"}
    assert parse_config(TEXT, "default", renamed).name == "From the table"
    broken = {**table, "defaults": {"state": "Atlantis"}}
    with pytest.raises(CampaignError, match=r"^default/campaign.toml, line \d+: unknown US state 'Atlantis'"):
        parse_config(TEXT, "default", broken)


def test_campaign_settings_are_its_config() -> None:
    campaign = letter_py.default_campaign()
    assert campaign.config == parse_config(TEXT, campaign.origin)
    for field in CampaignConfig._fields:
        if field != "toml":
            assert getattr(campaign, field) == getattr(campaign.config, field), field
    assert campaign.roles_by_id == {role.id: role for role in campaign.config.roles}


def test_officials_may_carry_a_family_name_and_spanish_lowers_typed_titles() -> None:
    text = TEXT + '\n[[officials]]\nname = "George Van Dusen"\nfamily_name = " Van  Dusen "\nrole = "mayor"\n'
    (official,) = parse_config(text, "default").officials
    assert official.family_name == "Van Dusen"
    assert parse_config(TEXT, "default").languages["es"].salutation_title == "lower"
    assert parse_config(TEXT, "default").languages["en"].salutation_title == "capital"
    with pytest.raises(CampaignError, match=r'salutation_title must be "capital", "lower" or "none", not \'upper\''):
        parse_config(TEXT.replace('salutation_title = "lower"', 'salutation_title = "upper"'), "default")
