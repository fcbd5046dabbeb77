"""Campaign links (letter_py.campaign_link): checks, encoding, limits, hostile values."""

from __future__ import annotations

import base64
import hashlib
import json
import tomllib
import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import letter_py
from letter_py import campaign_link as cl
from letter_py.config import parse_config
from letter_py.text import clean_block, clean_line
from tests.campaign_links import SPRINGFIELD, link_for, pack
from tests.hostile import HOSTILE_STRINGS

CAMPAIGN = letter_py.default_campaign()
ROLES = [role.id for role in CAMPAIGN.roles if not role.free_title]
BASE = "https://example.org/write/"

def read(data: object) -> tuple[cl.LocalCampaign, list[letter_py.FieldError]]:
    return cl.read_campaign(data, CAMPAIGN)


def fields(errors: list[letter_py.FieldError]) -> dict[str, str]:
    return {error.field: error.code for error in errors}


def test_a_town_reads_cleanly_and_states_become_codes():
    local, errors = read(SPRINGFIELD)
    assert errors == []
    assert local.state == "IL" and local.city == "Springfield"
    assert local.officials[0] == letter_py.config.Official(
        name="Maria Lopez", role="mayor", email="mayor@springfield.example.gov",
        address="300 S. Seventh Street\nSpringfield, IL 62701")
    assert local.articles[0].url == "https://news.example.com/2026/03/14/sting"


def test_the_link_round_trips_and_is_short():
    local, _ = read(SPRINGFIELD)
    link, errors = cl.make_link(BASE, local)
    assert errors == [] and link.startswith(BASE + "#c1.")
    assert len(link) < 1500
    assert cl.decode(link, CAMPAIGN) == (local, [])
    assert cl.decode(link.split("#")[1], CAMPAIGN) == (local, [])


def test_roles_are_the_sites_and_other_needs_a_title():
    local, errors = read({"defaults": {"city": "X"}, "officials": [
        {"name": "A", "role": "Police Chief"}, {"name": "B", "role": "other"}, {"name": "C", "role": "king"}]})
    assert local.officials[0].role == "police_chief"
    assert fields(errors) == {"officials.1.title": "required", "officials.2.role": "invalid_role"}
    assert "mayor (Mayor)" in errors[1].message


@pytest.mark.parametrize(("change", "field", "code"), [
    ({"officials": []}, "officials", "required"),
    ({"officials": [{"role": "mayor", "email": "a@example.gov"}]}, "officials.0.name", "required"),
    ({"officials": [{"role": "mayor", "name": ""}]}, "officials", "required"),
    ({"officials": [{"name": "A", "role": "mayor", "email": "not an address"}]}, "officials.0.email", "invalid_email"),
    ({"officials": [{"name": "A", "role": "mayor", "phone": "1"}]}, "officials.0.phone", "unknown_key"),
    ({"officials": [{"name": "A", "role": "mayor"}] * 11}, "officials", "too_many"),
    ({"articles": [{"title": "T", "url": "javascript:alert(1)"}]}, "articles.0.url", "invalid_url"),
    ({"articles": [{"title": "T", "url": "ftp://example.com/x"}]}, "articles.0.url", "invalid_url"),
    ({"articles": [{"title": "T", "url": "data:text/html,<b>"}]}, "articles.0.url", "invalid_url"),
    ({"articles": [{"url": "https://example.com/x"}]}, "articles.0.title", "required"),
    ({"articles": [{"title": "T", "url": "https://e.com/x"}] * 6}, "articles", "too_many"),
    ({"defaults": {"city": "", "state": "IL"}}, "defaults.city", "required"),
    ({"defaults": {"city": "X", "state": "Atlantis"}}, "defaults.state", "invalid_state"),
    ({"organizer": "x" * 101}, "organizer", "too_long"),
    ({"organizer": 5}, "organizer", "wrong_type"),
    ({"town": "X"}, "town", "unknown_key"),
])
def test_each_bad_value_names_its_field(change, field, code):
    local, errors = read({**SPRINGFIELD, **change})
    assert fields(errors).get(field) == code, errors
    assert all(error.message for error in errors)


def test_an_officials_family_name_reaches_the_visitors_letter_and_old_links_still_read():
    town = {"defaults": {"city": "Skokie", "state": "IL"}, "officials": [
        {"name": "Eileen O'Neill Burke", "role": "mayor", "family_name": "O'Neill Burke"}]}
    local, errors = read(town)
    assert errors == [] and local.officials[0].family_name == "O'Neill Burke"
    answer = json.loads(cl.read_link_json(cl.encode(local), CAMPAIGN))
    assert answer["letter_input"]["recipients"][0]["family_name"] == "O'Neill Burke"
    letter = json.loads(letter_py.render_json(json.dumps(answer["letter_input"])))["letters"][0]
    assert letter["recipient"]["salutation"] == "Dear Mayor O'Neill Burke,"
    old = pack({"c": "Skokie", "f": [["George Van Dusen", "mayor", "", "", ""]]})  # made before family_name
    local, errors = cl.decode(old, CAMPAIGN)
    assert errors == [] and local.officials[0].family_name == ""
    assert "family_name" not in cl.to_toml(local)  # an empty one is left out
    local, errors = read({**town, "officials": [{**town["officials"][0], "family_name": "x" * 101}]})
    assert [(e.field, e.code) for e in errors] == [("officials.0.family_name", "too_long")]


def test_blank_rows_are_skipped_and_errors_keep_their_rows_paths():
    local, errors = read({**SPRINGFIELD, "officials": [
        {"role": "mayor", "name": " ", "email": ""}, {"role": "sheriff", "name": "Ann Bell", "email": "x"}],
        "articles": [{"title": "", "outlet": "", "date": "", "url": ""}]})
    assert [o.name for o in local.officials] == ["Ann Bell"] and local.articles == ()
    assert fields(errors) == {"officials.1.email": "invalid_email"}


def test_a_full_campaign_toml_is_accepted_and_the_download_is_one():
    local, errors = cl.read_toml_campaign(CAMPAIGN.files["campaign.toml"] + "\n[[officials]]\nname = \"A\"\n"
                                          "role = \"mayor\"\n", CAMPAIGN)
    assert fields(errors) == {"defaults.city": "required"}  # the seed campaign has no town
    local, _ = read(SPRINGFIELD)
    whole = cl.campaign_toml(local, CAMPAIGN)
    config = parse_config(whole)  # the real campaign.toml reader accepts it
    assert config.officials == local.officials and config.articles == local.articles
    assert config.default_city == "Springfield" and [r.id for r in config.roles] == [r.id for r in CAMPAIGN.roles]


def test_a_toml_syntax_error_names_the_line():
    _, errors = cl.read_toml_campaign('organizer = "A"\n[defaults\n', CAMPAIGN)
    assert errors[0].code == "invalid_toml" and "line 2" in errors[0].message


def test_too_long_a_link_is_refused_with_a_reason():
    def noise(seed: str) -> str:  # text that does not compress
        return hashlib.sha256(seed.encode()).hexdigest()

    big = {**SPRINGFIELD, "officials": [
        {"name": noise(f"n{i}")[:90], "role": "mayor", "email": f"{noise(f'e{i}')[:60]}@example.gov",
         "address": noise(f"a{i}") + noise(f"b{i}")} for i in range(10)]}
    local, errors = read(big)
    assert errors == []
    link, errors = cl.make_link(BASE, local)
    assert link == "" and fields(errors) == {"": "too_long"} and "Remove an official" in errors[0].message


@pytest.mark.parametrize("base", ["javascript:alert(1)//", "ftp://example.org/", "example.org/write/",
                                  "https://example.org/write/#c1.x", "https://exa mple.org/", ""])
def test_the_base_must_be_a_web_page(base):
    local, _ = read(SPRINGFIELD)
    assert fields(cl.make_link(base, local)[1]) == {"base": "invalid_url"}


@pytest.mark.parametrize(("fragment", "code"), [
    ("", "not_campaign"), ("city=Springfield&role=mayor", "not_campaign"), ("c1.", "damaged"),
    ("c1.!!!!", "damaged"), ("c1.AAAA", "damaged"), ("c2.AAAA", "unknown_version"),
    ("c1." + "A" * (cl.MAX_FRAGMENT + 1), "too_long"),
])
def test_unreadable_links_say_why(fragment, code):
    local, errors = cl.decode("https://example.org/#" + fragment, CAMPAIGN)
    assert local == cl.LocalCampaign() and fields(errors) == {"": code}


def test_a_zip_bomb_is_not_inflated():
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    bomb = packer.compress(b'{"o":"' + b"a" * 5_000_000 + b'"}') + packer.flush()
    fragment = cl.PREFIX + base64.urlsafe_b64encode(bomb).decode().rstrip("=")
    assert len(fragment) < cl.MAX_FRAGMENT
    assert fields(cl.decode(fragment, CAMPAIGN)[1]) == {"": "damaged"}


@pytest.mark.parametrize("payload", [[], "x", 5, None, {"f": "x"}, {"f": [5]}, {"f": [["a"] * 9]},
                                     {"f": [[1, 2]]}, {"a": [{"title": "x"}]}, {"zz": 1}, {"c": ["x"]}])
def test_crafted_payloads_are_refused_never_raise(payload):
    local, errors = cl.decode(pack(payload), CAMPAIGN)
    assert errors and isinstance(local, cl.LocalCampaign)
    answer = json.loads(cl.read_link_json(pack(payload), CAMPAIGN))
    assert answer["ok"] is False and answer["errors"]


@pytest.mark.parametrize("hostile", HOSTILE_STRINGS)
def test_hostile_values_in_every_field_stay_data(hostile):
    """What a crafted link can carry is checked like typing: cleaned, cut, or refused."""
    payload = {"o": hostile, "c": hostile, "s": hostile,
               "f": [[hostile, "mayor", "", hostile, hostile], [hostile, "other", hostile]],
               "a": [[hostile, hostile, hostile, hostile]]}
    local, errors = cl.decode(pack(payload), CAMPAIGN)
    if len(hostile) * 10 > cl.MAX_JSON:  # refused whole before it is read; the fields' own limits below
        assert fields(errors) == {"": "damaged"}
        local, errors = read({"organizer": hostile, "defaults": {"city": hostile, "state": hostile},
                              "officials": [dict(zip(cl.OFFICIAL_KEYS, row)) for row in payload["f"]],
                              "articles": [dict(zip(cl.ARTICLE_KEYS, payload["a"][0]))]})
        assert {"organizer": "too_long", "officials.0.name": "too_long"}.items() <= fields(errors).items()
    for text in (local.organizer, local.city, *(o.name for o in local.officials), local.articles[0].title):
        assert text == clean_line(hostile)[: len(text)]
        assert "\n" not in text and "\r" not in text
    assert all(cl.check_base(a.url) is None for a in local.articles if a.url)  # only http(s) survives
    assert all(o.email == "" for o in local.officials)  # no hostile string is an address
    assert local.officials[0].address == clean_block(hostile)[: len(local.officials[0].address)]
    assert local.state == ""
    answer = json.loads(cl.read_link_json(pack(payload), CAMPAIGN))
    assert answer["campaign"] is None if len(hostile) * 10 > cl.MAX_JSON else \
        answer["campaign"]["organizer"] == local.organizer
    tomllib.loads(cl.to_toml(local))  # still valid TOML


# ---- properties -------------------------------------------------------------

line = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=60).map(
    clean_line).filter(bool)
block = st.lists(line, min_size=1, max_size=3).map("\n".join)
emails = st.from_regex(r"\A[a-z0-9]{1,10}(\.[a-z0-9]{1,5})?@[a-z0-9]{1,10}\.(gov|org|com)\Z")
urls = st.from_regex(r"\Ahttps?://[a-z0-9]{1,12}\.[a-z]{2,5}(/[a-z0-9._~-]{0,15}){0,3}\Z")
official = st.builds(letter_py.config.Official, name=line, role=st.sampled_from(ROLES), title=st.just(""),
                     email=st.just("") | emails, address=st.just("") | block, family_name=st.just("") | line)
# An article's date is at most 40 characters (campaign_link's limit): a longer one is not a valid campaign.
article = st.builds(letter_py.Article, title=line, outlet=st.just("") | line,
                    date=st.just("") | line.filter(lambda text: len(text) <= 40), url=urls)
towns = st.builds(cl.LocalCampaign, organizer=st.just("") | line, city=line,
                  state=st.just("") | st.sampled_from(sorted(letter_py.states.STATES)),
                  officials=st.lists(official, min_size=1, max_size=cl.MAX_OFFICIALS).map(tuple),
                  articles=st.lists(article, max_size=cl.MAX_ARTICLES).map(tuple))


@given(towns)
def test_every_valid_campaign_round_trips_through_link_and_toml(local):
    assert cl.read_campaign(local.to_dict(), CAMPAIGN) == (local, [])
    assert cl.decode(cl.encode(local), CAMPAIGN) == (local, [])
    assert cl.read_toml_campaign(cl.to_toml(local), CAMPAIGN) == (local, [])
    assert parse_config(cl.campaign_toml(local, CAMPAIGN)).officials == local.officials


@given(st.text(max_size=200) | st.binary(max_size=200).map(lambda b: cl.PREFIX + base64.urlsafe_b64encode(b).decode()))
def test_any_fragment_is_answered_never_raised(fragment):
    answer = json.loads(cl.read_link_json(fragment, CAMPAIGN))
    assert set(answer) == {"ok", "errors", "campaign", "letter_input"}
    local, errors = cl.decode(fragment, CAMPAIGN)
    assert isinstance(local, cl.LocalCampaign) and all(isinstance(e, letter_py.FieldError) for e in errors)


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
                    max_leaves=15))
def test_any_json_gets_field_errors_from_the_builder(data):
    answer = json.loads(cl.build_json(json.dumps({"base": BASE, "campaign": data}), CAMPAIGN))
    assert answer["errors"] and answer["link"] == "" and not any(
        e["code"] == "internal_error" for e in answer["errors"])


def test_the_builder_answers_the_link_files_and_preview_input():
    answer = json.loads(cl.build_json(json.dumps({"base": BASE, "campaign": SPRINGFIELD}), CAMPAIGN))
    assert answer["ok"] and answer["link"].startswith(BASE + "#c1.")
    assert answer["letter_input"]["recipients"][1]["name"] == "Ken Brown"
    assert answer["campaign"]["officials"][0]["label"] == "Mayor Maria Lopez"
    assert cl.read_toml_campaign(answer["toml"], CAMPAIGN)[1] == []
    rendered = json.loads(letter_py.render_json(json.dumps(answer["letter_input"]), CAMPAIGN))
    assert [letter["recipient"]["name"] for letter in rendered["letters"]] == ["Maria Lopez", "Ken Brown"]
    assert "news.example.com/2026/03/14/sting" in rendered["letters"][0]["letter_text"]


@pytest.mark.parametrize(("officials", "most"), [(1, 500), (3, 900), (10, 2000)])
def test_link_sizes(officials, most):
    assert len(link_for(officials)) <= most


# ---- in the page's language (the Spanish edition's builder and letter page) ----

BAD_TOWN = {"organizer": 7, "defaults": {"city": "", "state": "Narnia"}, "extra": 1,
            "officials": [{"role": "king", "name": "A", "email": "no"}, {"role": "other", "name": "B"},
                          {"role": "mayor", "name": "x" * 101}],
            "articles": [{"title": "", "url": "javascript:alert(1)"}]}


def built(campaign: object, lang: str | None, base: str = BASE) -> dict:
    request = {"base": base, "campaign": campaign} | ({"lang": lang} if lang is not None else {})
    return json.loads(cl.build_json(json.dumps(request), CAMPAIGN))


def test_the_builder_names_bad_fields_in_spanish():
    spanish, english = built(BAD_TOWN, "es"), built(BAD_TOWN, None)
    codes = [(e["field"], e["code"]) for e in english["errors"]]
    assert [(e["field"], e["code"]) for e in spanish["errors"]] == codes and len(codes) >= 9
    for es, en in zip(spanish["errors"], english["errors"], strict=True):
        assert es["message"] != en["message"], en["message"]
    messages = {e["field"]: e["message"] for e in spanish["errors"]}
    assert messages["defaults.city"] == "Escriba la ciudad o el pueblo"
    assert messages["officials.0.email"].startswith("Escriba el correo electrónico de la autoridad en el formato correcto")
    assert messages["officials.0.role"].startswith("Elija de la lista el cargo de la autoridad: mayor (Alcalde/Alcaldesa), ")
    assert messages["officials.1.title"].startswith("Escriba el cargo de la autoridad")
    assert messages["officials.2.name"] == "El nombre de la autoridad debe tener 100 caracteres como máximo"
    assert messages["organizer"] == "El nombre de quien organiza debe ser texto"
    assert messages["articles.0.url"].startswith("Escriba el enlace del artículo en el formato correcto, empezando por https://")
    assert messages["extra"].startswith("Quite \"extra\": las claves posibles aquí son ")
    wrong = {e["field"]: e["message"] for e in built({"officials": "x"}, "es")["errors"]}
    assert wrong["officials"] == "Las autoridades deben ser una lista (un array de JSON)"
    assert built(SPRINGFIELD, "es", base="ftp://x")["errors"][0]["message"].startswith(
        "Escriba la dirección de la página de la carta, empezando por https://")


def test_the_builder_speaks_the_pages_language_and_the_link_does_not():
    spanish, english = built(SPRINGFIELD, "es-US"), built(SPRINGFIELD, "en")
    assert spanish["ok"] and spanish["link"] == english["link"]  # the link carries data, never words
    assert spanish["campaign"]["officials"][0]["label"] == "Maria Lopez, Alcalde/Alcaldesa"
    assert spanish["campaign_toml"].startswith("# campaign.toml para Springfield: póngalo en la carpeta")
    assert tomllib.loads(spanish["campaign_toml"]) == tomllib.loads(english["campaign_toml"])
    north = built({**SPRINGFIELD, "defaults": {"city": "Raleigh", "state": "NC"}}, "es")
    assert north["campaign"]["state_name"] == "Carolina del Norte"
    # A language the site has no catalogue for, or none: English.
    assert built(BAD_TOWN, "fr")["errors"] == built(BAD_TOWN, None)["errors"] == built(BAD_TOWN, 5)["errors"]


@pytest.mark.parametrize(("fragment", "spanish"), [
    ("#c1.AAAA", "Este enlace de campaña está dañado o incompleto. Pida de nuevo el enlace a quien se lo envió"),
    ("#c9.xyz", "Este enlace de campaña se creó con una versión más reciente de este sitio"),
    ("#c1." + "A" * 9000, "Este enlace de campaña es demasiado largo para leerlo (9,003 caracteres; como máximo, 8,000)"),
    ("#city=Springfield", "Este no es un enlace de campaña: debería contener #c1."),
])
def test_an_unreadable_link_says_why_in_spanish(fragment, spanish):
    answer = json.loads(cl.read_link_json(fragment, CAMPAIGN, "es"))
    assert answer["campaign"] is None and answer["errors"][0]["message"].startswith(spanish)
    assert answer["errors"][0]["code"] == json.loads(cl.read_link_json(fragment, CAMPAIGN))["errors"][0]["code"]


def test_the_engine_reads_a_link_in_the_pages_language():
    from letter_py.web import Engine

    engine = Engine(json.dumps(letter_py.campaign_files(letter_py.__path__[0] + "/campaigns/default")))
    fragment = "#" + cl.encode(read({**SPRINGFIELD, "defaults": {"city": "Raleigh", "state": "NC"}})[0])
    spanish = json.loads(engine.read_link(json.dumps({"link": fragment, "lang": "es"})))
    assert spanish["campaign"]["state_name"] == "Carolina del Norte"
    assert spanish["campaign"]["officials"][1]["label"] == "Ken Brown, Jefe/Jefa de Policía"
    assert json.loads(engine.read_link(fragment)) == json.loads(cl.read_link_json(fragment, CAMPAIGN))
    for odd in ('{"link": 5, "lang": "es"}', "{not json", '{"lang": ["es"]}', "[]"):
        assert json.loads(engine.read_link(odd))["campaign"] is None
