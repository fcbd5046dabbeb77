# Two commands for a fresh machine (see README.md):
#   make serve   build the site and serve it on http://127.0.0.1:8000
#   make test    run every test (installs what the tests need, Chromium included)
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
DEPS := $(VENV)/.deps-installed
NODE := node_modules/.package-lock.json
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help serve site test test-quick test-js bench bench-letters chromium java deps lock clean

help:
	@echo "make serve   build the site and serve it on http://$(HOST):$(PORT)"
	@echo "make site    build the site into site/"
	@echo "make test    run all tests (installs Python packages, npm packages, Chromium and Java)"
	@echo "make bench   measure letters per second and the page's load time"

# A venv on Python >= 3.12 (pyodide-build needs it) with hash-checked pins.
$(DEPS): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $$(scripts/find-python.sh) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

$(NODE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# letter_py's message catalogues, compiled beside their .po sources for the
# command line and the tests (the wheel build compiles its own copy).
PO := $(wildcard letter_py/locale/*/LC_MESSAGES/*.po)
MO := $(PO:.po=.mo)
# Babel compiles them (scripts/engine/catalogues.py; babel.cfg says where the messages are).
%.mo: %.po scripts/engine/catalogues.py | $(DEPS)
	$(BIN)/python -m scripts.engine.catalogues

deps: $(DEPS) $(NODE) $(MO)

chromium:
	@test -x $(CHROMIUM) || { echo "Installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# Java runs the W3C Nu HTML Checker (npm vnu-jar) in tests/site/test_standards.py.
java:
	@command -v java >/dev/null || { echo "Installing Debian's Java for the HTML checker"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq default-jre-headless >/dev/null; }

site: deps
	$(BIN)/mkdocs build --strict

serve: deps
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

# Two processes (pytest-xdist), a test file each at a time: the browser tests
# spend much of their time waiting on Chromium, so two share two cores well.
# The tests' site (tests/site/site_build.py: mkdocs build --strict with the
# Pages workflow's REPO_URL) is built once before pytest starts and named by
# TEST_SITE_DIR, so no worker waits for it; it also builds the engine into
# build/, where the tests' own builds find it and never build it side by side.
TEST_SITE := build/test-site
test: deps chromium java test-js
	$(BIN)/python -m tests.site.site_build $(TEST_SITE)
	TEST_SITE_DIR=$(TEST_SITE) $(BIN)/python -m pytest -n 2 --dist loadfile

# Engine and content tests only: no browser, a few seconds.
test-quick: deps test-js
	$(BIN)/python -m pytest -m "not browser"

# The letter page's modules (docs/assets/letter/) under Node's own test runner.
test-js:
	node --test tests/js/

bench: deps chromium
	$(BIN)/python -m scripts.bench.letters
	$(BIN)/python -m scripts.bench.browser

bench-letters: deps
	$(BIN)/python -m scripts.bench.letters

# Re-pin Python dependencies (with hashes) after editing requirements.in.
lock: $(DEPS)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in

clean:
	rm -rf site build .pytest_cache .hypothesis
	rm -f letter_py/locale/*/LC_MESSAGES/*.mo
