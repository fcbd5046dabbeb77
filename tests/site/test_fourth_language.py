"""A made-up fourth language, added as data only, shows everywhere a language is offered.

Adding a language is data, templates and a catalogue (docs/reference.md,
"Adding a language"). This test does exactly that to a copy of the project:
the fixture folder (tests/site/fixtures/fourth_language/) gives an edition's
config and pages, a campaign language and its roles' words; the string table,
the letter templates and the gettext catalogue are made from the English ones
with every word marked "PROVA", and the catalogue compiled as ``make deps``
does. No file of code is touched. The copy is built with a ``site_url`` and
the new edition must be in the language menu, the hreflang links and the
sitemap of every edition, among the letter languages of every letter page,
in the engine's wheel, and its page must show its letter.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from playwright.sync_api import expect

from scripts.shared.static_server import StaticServer
from tests.paths import ROOT
from tests.site.editions import HOMES, LETTER_PATHS
from tests.site.letter_page import LetterPage
from tests.site.test_i18n_site import Page, resolve, sitemap
from tests.site.visits import new_visit

FIXTURE = Path(__file__).parent / "fixtures" / "fourth_language"
LANG, NAME, MARK = "it", "Italiano di prova", "PROVA"
SITE_URL = "https://example.org/letters/"
HOME, LETTER = "/it/", "/it/scrivere/"
# What the project has that a copy needs no copy of (or must not share): at its top, and anywhere.
TOP = {".git", ".venv", "node_modules", "site", "build", "tests", ".pytest_cache"}
ANYWHERE = shutil.ignore_patterns("__pycache__", "*.mo")


def leave_out(folder: str, names: list[str]) -> set[str]:
    return (TOP & set(names) if Path(folder) == ROOT else set()) | ANYWHERE(folder, names)


def add_language(project: Path) -> None:
    """The steps of docs/reference.md's "Adding a language", and nothing else."""
    # The edition: its config beside mkdocs.yml, its entry in extra.alternate, its pages.
    shutil.copy(FIXTURE / "mkdocs.it.yml", project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  alternate:\n", "  alternate:\n" + (FIXTURE / "alternate.yml").read_text(), 1),
                      encoding="utf-8")
    shutil.copytree(FIXTURE / "docs" / LANG, project / "docs" / LANG)
    # The interface strings, every word marked.
    english = json.loads((project / "docs" / "strings" / "en.json").read_text(encoding="utf-8"))
    (project / "docs" / "strings" / f"{LANG}.json").write_text(
        json.dumps({key: f"{MARK} {value}" for key, value in english.items()}, ensure_ascii=False, indent=2),
        encoding="utf-8")
    # The campaign's language: [lang.it], each role's [roles.it], the templates.
    campaign = project / "letter_py" / "campaigns" / "default"
    toml = (campaign / "campaign.toml").read_text(encoding="utf-8")
    roles = (FIXTURE / "roles.toml").read_text(encoding="utf-8")
    blocks = toml.split("\n[[roles]]\n")
    for i, block in enumerate(blocks[1:], 1):
        role = re.search(r'^id = "(\w+)"', block, re.M).group(1)
        words = roles.replace("{id}", role)
        if re.search(r"^free_title = true", block, re.M):  # a free title has a label only
            words = "\n".join(line for line in words.splitlines() if not line.startswith(("label_", "salutation")))
        blocks[i] = block.rstrip("\n") + "\n" + words
    (campaign / "campaign.toml").write_text("\n[[roles]]\n".join(blocks) + (FIXTURE / "campaign.toml").read_text(),
                                            encoding="utf-8")
    (campaign / LANG).mkdir()
    for template in campaign.glob("*.j2"):
        (campaign / LANG / template.name).write_text(f"{MARK} " + template.read_text(encoding="utf-8"),
                                                     encoding="utf-8")
    # The engine's messages: a catalogue of every msgid (Babel's, as `pybabel init` makes one).
    with open(project / "letter_py" / "locale" / "es" / "LC_MESSAGES" / "letter_py.po", "rb") as source:
        catalogue = read_po(source, locale=LANG, domain="letter_py")
    for message in catalogue:
        if message.id:
            message.string = (tuple(f"{MARK} {i}" for i in message.id) if message.pluralizable
                              else f"{MARK} {message.id}")
    target = project / "letter_py" / "locale" / LANG / "LC_MESSAGES" / "letter_py.po"
    target.parent.mkdir(parents=True)
    with open(target, "wb") as out:
        write_po(out, catalogue)


def run(project: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """A command of the copy's, in the copy (its letter_py, not this checkout's)."""
    result = subprocess.run([sys.executable, *args], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project with the fourth language added, its catalogue compiled, built."""
    project = tmp_path_factory.mktemp("fourth") / "project"
    shutil.copytree(ROOT, project, ignore=leave_out)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    if (ROOT / "build").exists():  # the runtime and wheels as built; the letter_py wheel is rebuilt
        shutil.copytree(ROOT / "build", project / "build")
    add_language(project)
    run(project, "-m", "scripts.engine.catalogues")  # as `make deps` does
    run(project, "-m", "mkdocs", "build", "--strict", env={"SITE_URL": SITE_URL})
    return project


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    return project / "site"


def read(site: Path, path: str) -> tuple[Page, str]:
    file = site / path.lstrip("/")
    file = file / "index.html" if path.endswith("/") else file
    text = file.read_text(encoding="utf-8")
    return Page(text), text


def test_the_campaign_with_the_new_language_checks_clean(project: Path):
    """Its templates read what the English ones read, and the engine has its messages."""
    out = run(project, "-c", "from letter_py.cli import main; raise SystemExit(main("
                             "['check-campaign', 'letter_py/campaigns/default']))")
    assert out.startswith("ok: ") and out.rstrip().endswith(f"letters in en, es, {LANG}") or \
        out.rstrip().endswith(f", {LANG}"), out


def test_the_new_edition_is_in_every_editions_language_menu(site: Path):
    for lang, path in [*LETTER_PATHS.items(), (LANG, LETTER)]:
        page, _ = read(site, path)
        links = {other: resolve(path, href) for other, href in page.switcher.items()}
        assert links == {**LETTER_PATHS, LANG: LETTER}, path
        assert page.current == [lang], path
    page, _ = read(site, HOME + "404.html")  # from the site's path: a 404 page is served at any depth
    base = "/" + SITE_URL.split("/", 3)[3].rstrip("/")
    assert page.lang == LANG and page.switcher == {lang: base + home for lang, home in {**HOMES, LANG: HOME}.items()}


def test_the_new_edition_is_in_the_hreflang_links_and_the_sitemap(site: Path):
    expected = {lang: SITE_URL + path.lstrip("/") for lang, path in {**LETTER_PATHS, LANG: LETTER}.items()}
    expected["x-default"] = expected["en"]
    for url in expected.values():
        page, _ = read(site, "/" + url.removeprefix(SITE_URL))
        assert page.hreflang == expected, url
    listed = sitemap(site / "sitemap.xml")
    assert listed[expected[LANG]] == expected and listed[expected["en"]] == expected
    own = sitemap(site / "it" / "sitemap.xml")
    assert set(own) == {SITE_URL + "it/", SITE_URL + "it/scrivere/", SITE_URL + "it/impostare/"}
    ET.parse(site / "it" / "sitemap.xml")  # well-formed


def test_every_letter_page_offers_the_new_letter_language(site: Path):
    for path in [*LETTER_PATHS.values(), LETTER]:
        _, text = read(site, path)
        radio = re.search(rf'<input type="radio" id="([\w-]+)" name="lang" value="{LANG}"( checked)?>', text)
        assert radio, path
        assert bool(radio.group(2)) == (path == LETTER), path  # checked on its own page only
        assert re.search(rf'<label for="{radio.group(1)}" lang="{LANG}">{NAME}</label>', text), path
        # It greets by gender (dear_f, dear_m): the greeting's question shows for it too.
        gender = re.search(r'data-field="recipients.0.gender" data-show-when-lang="([^"]*)"', text)
        assert gender and {"es", LANG} <= set(gender.group(1).split()), path  # Spanish, and Polish, greet by it too


def test_the_new_editions_page_shows_its_letter_in_its_words(project: Path, site: Path):
    """The no-JavaScript letter is letter_py's, in the new language, with its templates and campaign words."""
    page, text = read(site, LETTER)
    assert page.lang == LANG and json.loads(page.scripts["page-strings"])["action.copy"].startswith(MARK)
    shown = html.unescape(re.search(r"<pre[^>]*data-email-text[^>]*>(.*?)</pre>", text, re.S).group(1))
    rendered = json.loads(run(project, "-c", "import letter_py; print(letter_py.render_json("
                                             f"'{{\"date\": \"\", \"lang\": \"{LANG}\"}}'))"))
    assert shown == rendered["letters"][0]["email_text"]
    assert shown.startswith(f"{MARK} ") and "(PROVA destinatario)" in shown


def test_the_new_languages_messages_come_from_its_catalogue(project: Path):
    out = run(project, "-c", "import json, letter_py; print(letter_py.render_json(json.dumps("
                             f"{{'lang': '{LANG}', 'sender': {{'email': 'not an email'}}}})))")
    errors = json.loads(out)["errors"]
    assert errors and all(error["message"].startswith(MARK) for error in errors), errors


def test_the_engine_in_the_browser_carries_the_new_catalogue(site: Path):
    """The wheel the page loads has the compiled catalogue: the browser's letter_py has its messages."""
    import zipfile

    wheels = [w for w in site.glob("engine/*/letter_py-*.whl")]
    assert len(wheels) == 1, wheels
    names = zipfile.ZipFile(wheels[0]).namelist()
    assert f"letter_py/locale/{LANG}/LC_MESSAGES/letter_py.mo" in names, names


def test_the_new_edition_has_its_app_manifest_404_and_offline_pages(site: Path):
    manifest = json.loads((site / "it" / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == LANG and manifest["name"].startswith(MARK)
    assert manifest["start_url"].endswith("scrivere/")
    page, _ = read(site, HOME + "404.html")
    assert page.lang == LANG
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert '"pages:it"' in worker and '"it/scrivere/"' in worker


def test_the_new_language_in_the_browser(browser, project: Path, site: Path):
    """The page's engine (Pyodide) writes the letter in the new language, and its messages come
    from the new catalogue; the English letter can still be chosen from its page."""
    t = json.loads((project / "docs" / "strings" / f"{LANG}.json").read_text(encoding="utf-8"))
    with StaticServer(site) as server:
        visit = new_visit(browser, server)
        try:
            page = visit.open_letter_page(LETTER)
            letter = LetterPage(page, LANG, t)
            letter.wait_for_preview(f"{MARK} ")
            assert letter.preview_text().startswith(f"{MARK} ")
            letter.details.get_by_label(t["sender.email"], exact=True).fill("not an email")
            letter.click(t["action.copy"])
            expect(page.locator("#sender-email-error")).to_contain_text(f"{t['error.prefix']}{MARK} ")
            letter.choose_letter_language("en")
            expect(letter.preview()).not_to_contain_text(MARK)
            expect(page.locator("html")).to_have_attribute("lang", LANG)
        finally:
            visit.context.close()
        assert visit.foreign == []
