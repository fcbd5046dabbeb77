"""MkDocs hooks that put the in-browser letter engine into the site.

``mkdocs build`` and ``mkdocs serve`` both run these, so there is no separate
build step to forget:

* ``on_config`` builds (or reuses) the Pyodide runtime and the engine wheels
  with :mod:`build_engine`, renders the no-JavaScript fallback letter with
  the very ``letter_py`` the browser will run, and has the browser's own
  Python compile the campaign ahead (``letter_py.precompiled``).
* ``on_page_context`` hands the letter page its form data (roles, officials,
  limits), that fallback letter, and its boot config (:func:`boot_config`:
  the engine's URLs, its entry module and its wheels); and every page the
  interface strings of its language (:func:`page_strings`) as ``t``.
* ``on_post_page`` puts a Content-Security-Policy ``<meta>`` first in every
  page, hashing the inline scripts it must allow, and fixes Material's
  toggles (:mod:`material_markup`, which fixes Material's bundle after the
  build too).
* ``on_post_build`` copies the runtime, engine and compiled campaign into the site,
  writes the officials directory the letter page looks towns up in (:func:`directory_file`),
  writes ``_headers``, the same policy as HTTP headers for hosts, the web app
  manifest (:mod:`app_manifest`) and the service worker with its precache
  manifest of the finished site folder (:mod:`offline`), and ``.br``/``.gz``
  siblings of the text files for hosts that serve precompressed files.

The English build builds the other languages' editions too (:mod:`i18n_site`),
from its ``on_post_build``, running these hooks again for each: there they reuse
the English build's engine and leave the copying, ``_headers`` and
compression to it (``i18n_site.nested()``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

import app_manifest
import build_engine  # scripts/ is on sys.path while MkDocs imports this hook
import builder_page
import i18n_site
import letter_py
import letter_py.directory
import material_markup
import offline
import security_headers
import vendored
from letter_py.web import Engine
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url, normalize_url

ROOT = Path(__file__).resolve().parent.parent
LETTER_TEMPLATE = "letter.html"
WORKER = "assets/letter/worker.js"
LETTER_ASSETS = Path("assets") / "letter"

_state: dict[str, Any] = {}

# The fallback letter keeps every placeholder; its date is left for the
# visitor to write, because a build date would be wrong the day after. It is
# in the page's language.
FALLBACK_INPUT: dict[str, Any] = {"date": ""}

# What an edition's build takes from the English build's (i18n_site.nested()).
SHARED = ("build", "precompiled", "precompiled_sha256", "campaign_dir", "campaign_json",
          "script_hashes", "translations", "docs_dir", "builder", "directory")

# The officials directory the letter page looks towns up in, on the visitor's
# device: one file for every edition, named by its content so a host may cache
# it for good (docs/assets/letter/directory.js fetches it whole, once).
DIRECTORY_FOLDER = "assets/directory/"


def _campaign_dir(config) -> Path:
    configured = (config.extra.get("letter") or {}).get("campaign")
    if configured:
        return (Path(config.config_file_path).parent / configured).resolve()
    return ROOT / "letter_py" / "campaigns" / "default"


# The site's own text files get .br/.gz siblings too (the runtime's come from
# build_engine), for hosts that serve precompressed files. Skipped by
# `mkdocs serve`: it rebuilds often.
TEXT_SUFFIXES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


def on_startup(command, dirty, **kwargs):
    _state["command"] = command


def _serving() -> bool:
    """``mkdocs serve``'s local preview rather than a build to publish."""
    return _state.get("command") == "serve"


def on_config(config, **kwargs):
    lang = config.theme["language"]
    _state.pop("letter_url", None)  # this edition's letter page, for its app manifest
    if parent := i18n_site.nested():
        _state.update({key: parent[key] for key in SHARED})
        files_json = _state["campaign_json"]
    else:
        _state["script_hashes"] = set()
        built = build_engine.build(ROOT)
        campaign_dir = _campaign_dir(config)
        files = letter_py.campaign_files(campaign_dir)
        files_json = json.dumps(files, sort_keys=True, ensure_ascii=False)
        precompiled = build_engine.precompile_campaign(built, files_json, ROOT)
        _state.update(
            build=built,
            precompiled=precompiled,
            precompiled_sha256=hashlib.sha256(precompiled.read_bytes()).hexdigest() if precompiled else "",
            campaign_dir=campaign_dir,
            campaign_json=files_json,
            translations=i18n_site.translations(config),
            docs_dir=Path(config.docs_dir),  # the page scripts' folder, shared by the editions
            builder=builder_page.prepare(ROOT),
            directory=directory_file(),
        )
    engine = Engine(files_json)
    languages = json.loads(engine.languages())
    _state.update(
        describe=json.loads(engine.describe(lang)),
        languages=languages,  # the letter's languages, each named in itself
        # The sentence starters by "In your own words", in every letter language
        # (the letter's may differ from the page's): assets/letter/own-words.js.
        prompts={item["code"]: json.loads(engine.describe(item["code"]))["prompts"] for item in languages},
        fallback=json.loads(engine.render(json.dumps({**FALLBACK_INPUT, "lang": lang}))),
    )
    return config


def directory_file() -> tuple[str, str]:
    """The directory's site path and JSON text: the committed snapshot with the
    corrections file applied (letter_py.directory); a bad correction stops the build."""
    try:
        data = letter_py.directory.load_site_data()
    except letter_py.directory.DirectoryError as error:
        raise PluginError(f"The officials directory: {error}") from None
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    return f"{DIRECTORY_FOLDER}{data['state'].lower()}.{digest}.json", text


def on_serve(server, config, builder, **kwargs):
    server.watch(str(ROOT / "letter_py"))
    server.watch(str(_state.get("campaign_dir", ROOT / "letter_py")))
    # The editions as on_config read them: config.extra.alternate is each page's by now.
    for edition in _state["translations"].editions[1:]:
        server.watch(str(edition.config_file))
    return server


STRINGS = ROOT / "docs" / "strings"


def page_strings(language: str) -> dict[str, str]:
    """The interface strings of one language: docs/strings/<language>.json.

    One table per language, read by the templates (``t``) and, through the
    page's ``#page-strings``, by the page's scripts (assets/letter/strings.js).
    """
    return json.loads((STRINGS / f"{language}.json").read_text(encoding="utf-8"))


class Strings:
    """``t("key", name=value)`` in a template: the string, its {name}s filled.

    An unknown key is an error, so a missing translation fails the build. The
    result is HTML-escaped (``Markup``), text and attribute alike, and so are
    the values, unless they are markup themselves (``'<span>…</span>' | safe``).
    """

    def __init__(self, table: dict[str, str]):
        self.table = table

    def __call__(self, key: str, **values: Any) -> Markup:
        if key not in self.table:
            raise KeyError(f"docs/strings has no {key!r}")
        template = Markup.escape(self.table[key])
        return template.format_map(_Keep(values)) if values else template


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def on_page_context(context, page, config, nav, **kwargs):
    lang = config.theme["language"]
    strings = page_strings(lang)
    context["t"] = Strings(strings)
    # The language switcher and hreflang links go to this page's translations.
    context["alternates"] = i18n_site.page_alternates(config, _state["translations"], page.file.src_uri)
    root = i18n_site.root_prefix(config)  # the page scripts are the main site's
    context["offline"] = offline_context(config, context["base_url"])
    if page.meta.get("template") == LETTER_TEMPLATE:
        _state["letter_url"] = page.url
        built = _state["build"]
        context["letter_app"] = {
            "boot": boot_config(built, page, root),
            "modules": [root + module for module in page_modules(config)],
            "root": root,
            "languages": _state["languages"],
            "campaign_json": _state["campaign_json"],
            "campaign": _state["describe"],
            "directory": root + _state["directory"][0],
            "fallback": _state["fallback"],
            "prompts": _state["prompts"],
            "strings": strings,
        }
    if page.meta.get("template") == builder_page.TEMPLATE:  # "Set up your town"
        context["builder_app"] = builder_page.page_context(
            page, nav, boot_config(_state["build"], page, root), root, _state["campaign_json"], _state["describe"],
            strings, _state["directory"][0])
    return context


def _offline_config(config) -> dict[str, Any]:
    """``extra.offline`` in mkdocs.yml: ``retire: true`` ships the retiring worker."""
    return config.extra.get("offline") or {}


def _edition_depth(config) -> int:
    return offline.edition_depth(Path(config.docs_dir), ROOT / "docs")


def offline_context(config, base_url: str) -> dict[str, Any]:
    """What overrides/main.html needs: the site root, this edition's manifest."""
    here = base_url if base_url.endswith("/") else (base_url or ".") + "/"
    return {
        "root": here + "../" * _edition_depth(config),
        "manifest": here + app_manifest.MANIFEST,
        "register": not (_serving() or _offline_config(config).get("retire")),
    }


def write_app_manifest(config, site: Path) -> None:
    """This edition's web app manifest (its words, its letter page); the icons at the root."""
    depth = _edition_depth(config)
    root = site.joinpath(*[".."] * depth).resolve()
    language = config.theme["language"]
    app_manifest.write(site, root, page_strings(language), language,
                       _state.get("letter_url", ""), "../" * depth)


def write_service_worker(config, site: Path) -> Path:
    """The service worker, with the precache manifest of the finished folder.

    The main build writes it once, after every edition is built into its
    folder, so it covers them all. ``mkdocs serve`` gets the retiring worker,
    so a developer's browser never keeps a service worker for the preview.
    """
    offline.write(site, retire=_serving() or bool(_offline_config(config).get("retire")))
    return site / offline.WORKER


def boot_config(built, page, root: str = "") -> dict[str, Any]:
    """The one source of the engine's URLs (docs/assets/letter/protocol.js, ``Boot``).

    ``worker`` is relative to the page; everything in ``engine`` travels in the
    worker's own URL and is relative to the worker, which reads it from there.
    Add keys to ``engine`` and they reach the worker without other changes.
    """
    def from_worker(path: str) -> str:
        return get_relative_url(path, WORKER)

    # What the worker loads was worked out once, by the build
    # (build_engine.EngineBuild.manifest): the module to import, and the
    # wheels in dependency order, each with its sha256 for Subresource Integrity.
    manifest = built.manifest
    engine: dict[str, Any] = {
        "runtime": from_worker(built.runtime_path),
        "lockfile": from_worker(built.engine_path + "pyodide-lock.json"),
        "entry": manifest["entry"],
        "wheels": [{"file": from_worker(built.engine_path + w["file"]), "sha256": w["sha256"]}
                   for w in manifest["wheels"]],
    }
    if _state["precompiled"]:
        engine["precompiled"] = from_worker(_precompiled_path(built))
        engine["precompiledSha256"] = _state["precompiled_sha256"]
    return {"worker": normalize_url(root + WORKER, page), "engine": engine}


def page_modules(config) -> list[str]:
    """The page's ES modules, for <link rel="modulepreload"> (the worker is not one)."""
    folder = _state["docs_dir"] / LETTER_ASSETS
    return [(LETTER_ASSETS / p.name).as_posix() for p in sorted(folder.glob("*.js")) if p.name != "worker.js"]


def _precompiled_path(built) -> str:
    """Where the compiled campaign is served: beside the wheels, cached as long."""
    return built.engine_path + _state["precompiled"].name if _state["precompiled"] else ""


def _copy(source: Path, dest: Path) -> None:
    if dest.exists() and dest.stat().st_size == source.stat().st_size \
            and dest.stat().st_mtime >= source.stat().st_mtime:
        return
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        if dest.exists():
            dest.unlink()
        os.link(source, dest)  # the 13 MB runtime need not be copied on every rebuild
    except OSError:
        shutil.copy2(source, dest)


def on_post_page(output, page, config, **kwargs):
    output = material_markup.fix_toggles(output)
    output, hashes = security_headers.add_meta_policy(output, live_reload=_serving())
    _state["script_hashes"].update(hashes)
    return output


def on_template_context(context, template_name, config, **kwargs):
    """404.html and sitemap.xml, rendered without a page: the same head."""
    lang = config.theme["language"]
    context["t"] = Strings(page_strings(lang))
    context["offline"] = offline_context(config, context.get("base_url") or ".")
    context["alternates"] = i18n_site.page_alternates(config, _state["translations"], None)
    if template_name == "sitemap.xml":
        main_url = (config.site_url or "").removesuffix(_state["translations"].edition(lang).prefix)
        context["sitemap"] = i18n_site.sitemap_xml(main_url, i18n_site.sitemap_entries(
            _state["translations"], lang)) if config.site_url else ""
    return context


def on_post_template(output_content, template_name, config, **kwargs):
    if template_name.endswith(".html"):  # 404.html is rendered outside on_post_page
        output_content = material_markup.fix_toggles(output_content)
        output_content, hashes = security_headers.add_meta_policy(output_content, live_reload=_serving())
        _state["script_hashes"].update(hashes)
    return output_content


def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    if i18n_site.nested():  # an edition: its own copy of Material's assets, its app manifest
        vendored.scrub_assets(site / "assets")
        material_markup.fix_bundle(site / "assets")
        write_app_manifest(config, site)
        return
    write_app_manifest(config, site)  # before the editions' builds, which reuse this state
    i18n_site.build_editions(config, _state, _state.get("command"))
    built = _state["build"]
    for site_path, source in built.site_files().items():
        _copy(source, site / site_path)
    if _state["precompiled"]:
        _copy(_state["precompiled"], site / _precompiled_path(built))
    for site_path, source in builder_page.site_files(_state["builder"]).items():
        _copy(source, site / site_path)
    directory_path, directory_text = _state["directory"]
    shutil.rmtree(site / DIRECTORY_FOLDER, ignore_errors=True)  # an older build's file
    (site / directory_path).parent.mkdir(parents=True, exist_ok=True)
    (site / directory_path).write_text(directory_text, encoding="utf-8")
    headers = security_headers.headers_file(
        sorted(_state["script_hashes"]), built.runtime_path, built.engine_path)
    (site / "_headers").write_text(headers)
    vendored.scrub_assets(site / "assets")
    material_markup.fix_bundle(site / "assets")
    write_service_worker(config, site)  # last but compression: it lists the finished folder
    if not _serving():
        engine_folders = (site / built.runtime_path, site / built.engine_path)  # build_engine's own
        compressed: dict[str, Path] = {}  # each edition's copy of Material's assets: compressed once
        for path in sorted(site.rglob("*")):
            if path.suffix in TEXT_SUFFIXES and path.is_file() and path.stat().st_size >= 1024 \
                    and not any(folder in path.parents for folder in engine_folders):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                if first := compressed.get(digest):
                    for suffix in (".gz", ".br"):
                        if (sibling := first.with_name(first.name + suffix)).exists():
                            _copy(sibling, path.with_name(path.name + suffix))
                else:
                    compressed[digest] = path
                    build_engine.precompress_file(path)
