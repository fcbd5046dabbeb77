"""``make serve``, the organizers' preview: the real ``mkdocs serve``, in Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from playwright.sync_api import Browser, expect

from tests.paths import ROOT
from tests.site.editions import LETTER_PATHS, TRANSLATED
from tests.site.letter_page import wait_for_engine
from tests.strings import strings

START_TIMEOUT_S = 300  # a fresh machine builds the engine first


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"mkdocs serve exited:\n{server.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    raise AssertionError(f"mkdocs serve did not answer {url} in {START_TIMEOUT_S} s")


def test_preview_renders_letters_and_live_reload_runs_under_the_policy(browser: Browser):
    """In both languages. mkdocs serve injects an inline live-reload script the build cannot hash
    (security_headers.LIVE_RELOAD); the preview's policy lets it run."""
    origin = f"http://127.0.0.1:{free_port()}"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", origin.removeprefix("http://")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    context = None
    try:
        wait_until_serving(origin + "/write/", server)
        context = browser.new_context()
        foreign: list[str] = []

        def route(r):
            if r.request.url.startswith(origin + "/"):
                r.continue_()
            else:
                foreign.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        refused: list[str] = []
        page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
        page.goto(origin + "/write/")
        wait_for_engine(page)
        page.get_by_label("Why this matters to you").fill("Previewed on my own computer.")
        expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text("Previewed on my own computer.")
        assert page.evaluate("typeof livereload") == "function"
        # Every other edition is served too, built by the same build (scripts/site/i18n_site.py).
        for lang in TRANSLATED:
            page.goto(origin + LETTER_PATHS[lang])
            wait_for_engine(page)
            assert page.locator("html").get_attribute("lang") == lang
            words = f"Previewed on my own computer ({lang})."
            page.get_by_label(strings(lang)["personal.label"]).fill(words)
            expect(page.locator("[data-letter='0'] [data-email-text]")).to_contain_text(words)
            assert page.evaluate("typeof livereload") == "function"
        assert refused == []
        assert foreign == []
        # The preview registers no service worker, and its sw.js is the
        # retiring one, so a browser that had the built site's worker on this
        # address drops it instead of serving the preview stale pages.
        assert page.locator("script[data-root]").count() == 0
        with urllib.request.urlopen(origin + "/sw.js", timeout=5) as response:
            assert b"unregister()" in response.read()
    finally:
        if context:
            context.close()
        server.terminate()
        server.wait(timeout=20)
