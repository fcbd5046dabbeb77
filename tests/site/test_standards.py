"""The built site as checkers this project did not write see it.

* The W3C Nu HTML Checker finds no error on any built page.
* Lighthouse (mobile defaults) gives the home and letter pages 100 for
  accessibility, best practices and SEO (every other edition's letter page
  100 for accessibility: the same markup, its own words and lang), the letter page moves nothing while
  it loads (cumulative layout shift 0), and neither page asks another origin
  for anything while Lighthouse watches.

Each checker runs once per page for the whole session (axe-core, the third,
runs in test_accessibility.py over every page and state).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site import standards
from tests.site.builder_page import BuilderPage
from tests.site.editions import BUILDER_PATHS, HOMES, LANGS, LETTER_PATHS, TRANSLATED
from tests.site.visitor import role_label

LIGHTHOUSE_PAGES = ["/", LETTER_PATHS["en"]]
# Each other edition's letter page, for accessibility alone.
EDITION_LETTER_PAGES = [LETTER_PATHS[lang] for lang in TRANSLATED]
MUST_SCORE_100 = ["accessibility", "best-practices", "seo"]


def test_nu_html_checker_finds_no_error_on_any_page(site: Path):
    pages = standards.html_pages(site)
    assert site / "index.html" in pages and len(pages) >= 9, pages
    for lang in LANGS:  # every edition's home, letter, builder and 404 pages
        paths = [HOMES[lang] + "index.html", LETTER_PATHS[lang] + "index.html", BUILDER_PATHS[lang] + "index.html",
                 HOMES[lang] + "404.html"]
        assert {site / path.lstrip("/") for path in paths} <= set(pages), (lang, pages)
    errors = standards.nu_errors(pages)
    assert errors == [], "\n".join(errors)


def test_nu_html_checker_finds_no_error_on_the_builder_page_in_use(visit, tmp_path: Path):
    """The page as an organizer sees it with a link made: the QR code and the flyer are in it.
    Every edition's, in one run of the checker (its Java start is most of its time)."""
    pages = []
    for lang in LANGS:
        builder = BuilderPage.open(visit, lang=lang)
        builder.fill_town(organizer="Springfield Neighbours", city="Springfield", state="IL")
        builder.fill_official(1, role=role_label(lang), name="Maria Lopez", email="mayor@springfield.example.gov")
        builder.fill_article(1, title="Police arrest 12", url="https://news.example.com/sting")
        builder.wait_for_link(1)
        builder.page.wait_for_selector("[data-flyer-qr] svg")
        pages.append(tmp_path / f"builder-in-use-{lang}.html")
        pages[-1].write_text("<!doctype html>\n" + builder.page.evaluate("document.documentElement.outerHTML"),
                             encoding="utf-8")
        builder.page.close()
    errors = standards.nu_errors(pages)
    assert errors == [], "\n".join(errors)


@pytest.fixture(scope="session")
def lighthouse_reports(_server, tmp_path_factory) -> dict[str, dict]:
    """One Lighthouse run per page, shared by the tests below."""
    out = tmp_path_factory.mktemp("lighthouse")
    def name(path: str) -> str:
        return path.strip("/").replace("/", "-") or "home"

    reports = {path: standards.lighthouse(_server.origin + path, out / f"{name(path)}.json")
               for path in LIGHTHOUSE_PAGES}
    return reports | {path: standards.lighthouse(_server.origin + path, out / f"{name(path)}.json", ["accessibility"])
                      for path in EDITION_LETTER_PAGES}


@pytest.mark.parametrize("path", LIGHTHOUSE_PAGES)
def test_lighthouse_scores_100(lighthouse_reports, path: str):
    report = lighthouse_reports[path]
    assert not report.get("runtimeError"), report.get("runtimeError")
    scores = standards.scores(report)
    failed = [line for category in MUST_SCORE_100 for line in standards.failed_audits(report, category)]
    assert {c: scores[c] for c in MUST_SCORE_100} == dict.fromkeys(MUST_SCORE_100, 100), "\n".join(failed)


@pytest.mark.parametrize("path", EDITION_LETTER_PAGES)
def test_lighthouse_scores_100_for_accessibility_on_every_editions_letter_page(lighthouse_reports, path: str):
    report = lighthouse_reports[path]
    assert not report.get("runtimeError"), report.get("runtimeError")
    failed = standards.failed_audits(report, "accessibility")
    assert standards.scores(report) == {"accessibility": 100}, "\n".join(failed)


def test_lighthouse_sees_no_layout_shift_on_the_letter_page(lighthouse_reports):
    report = lighthouse_reports[LETTER_PATHS["en"]]
    assert report["audits"]["cumulative-layout-shift"]["numericValue"] == 0, standards.layout_shifts(report)


@pytest.mark.parametrize("path", LIGHTHOUSE_PAGES)
def test_lighthouse_saw_no_request_to_another_origin(lighthouse_reports, _server, path: str):
    urls = standards.requested_urls(lighthouse_reports[path])
    assert _server.origin + path in urls, urls
    # data: URLs are Material's inline icons, which the page holds already.
    foreign = [url for url in urls if not url.startswith((_server.origin + "/", "data:"))]
    assert foreign == []
