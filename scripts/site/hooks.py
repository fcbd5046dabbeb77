"""MkDocs hooks that put the in-browser letter engine into the site.

``mkdocs build`` and ``mkdocs serve`` both run these (``scripts/mkdocs_hooks.py``
hands them to MkDocs), so there is no separate build step to forget:

* ``on_config`` builds (or reuses) the Pyodide runtime and the engine wheels
  with :mod:`scripts.engine`, renders the no-JavaScript fallback letter with
  the very ``letter_py`` the browser will run, and has the browser's own
  Python compile the campaign ahead (``letter_py.precompiled``).
* ``on_page_context`` hands the letter page its form data (roles, officials,
  limits), that fallback letter, and its boot config (:func:`boot_config`:
  the engine's URLs, its entry module and its wheels); and every page the
  interface strings of its language (:mod:`.strings`) as ``t``.
* ``on_post_page`` puts a Content-Security-Policy ``<meta>`` first in every
  page, hashing the inline scripts it must allow, and fixes Material's
  toggles (:mod:`.material_markup`, which fixes Material's bundle after the
  build too).
* ``on_post_build`` copies the runtime, engine and compiled campaign into the site,
  writes the officials directory the letter page looks towns up in (:mod:`.output`),
  writes ``_headers``, the same policy as HTTP headers for hosts, the web app
  manifest (:mod:`.app_manifest`) and the service worker with its precache
  manifest of the finished site folder (:mod:`.offline`), and ``.br``/``.gz``
  siblings of the text files for hosts that serve precompressed files.

The English build builds the other languages' editions too (:mod:`.i18n_site`),
from its ``on_post_build``, running these hooks again for each: there they reuse
what the English build hands them (:class:`.state.MainBuild`) and leave the
copying, ``_headers`` and compression to it. Each build keeps its state on its
own config (:mod:`.state`), never in this module.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import letter_py
from letter_py.web import Engine
from mkdocs.utils import get_relative_url, normalize_url

from ..engine import build as engine_build
from ..engine import campaign as engine_campaign
from . import (app_manifest, builder_page, i18n_site, material_markup, offline, output, security_headers, state,
               vendored)
from .strings import Strings, page_strings

ROOT = Path(__file__).resolve().parents[2]
LETTER_TEMPLATE = "letter.html"
WORKER = "assets/letter/worker.js"
LETTER_ASSETS = Path("assets") / "letter"

# The fallback letter keeps every placeholder; its date is left for the
# visitor to write, because a build date would be wrong the day after. It is
# in the page's language.
FALLBACK_INPUT: dict[str, Any] = {"date": ""}

# The command MkDocs runs in this process, as on_startup says it: once per
# process (`mkdocs serve` loads a new config for each rebuild, but not these
# hooks again). The only thing kept here; a build reads it from its MainBuild.
_process: dict[str, str] = {"command": "build"}


def _campaign_dir(config) -> Path:
    configured = (config.extra.get("letter") or {}).get("campaign")
    if configured:
        return (Path(config.config_file_path).parent / configured).resolve()
    return ROOT / "letter_py" / "campaigns" / "default"


def on_startup(command, dirty, **kwargs):
    _process["command"] = command


def _main_build(config) -> state.MainBuild:
    """The main build's state: the engine, the campaign compiled ahead, the editions' pages."""
    built = engine_build.build(ROOT)
    campaign_dir = _campaign_dir(config)
    files_json = json.dumps(letter_py.campaign_files(campaign_dir), sort_keys=True, ensure_ascii=False)
    precompiled = engine_campaign.precompile_campaign(built, files_json, ROOT)
    return state.MainBuild(
        command=_process["command"],
        engine=built,
        precompiled=precompiled,
        precompiled_sha256=hashlib.sha256(precompiled.read_bytes()).hexdigest() if precompiled else "",
        campaign_dir=campaign_dir,
        campaign_json=files_json,
        translations=i18n_site.translations(config),
        docs_dir=Path(config.docs_dir),
        builder=builder_page.prepare(ROOT),
        directory=output.directory_file(),
    )


def on_config(config, **kwargs):
    lang = config.theme["language"]
    main = state.handed(config)
    nested = main is not None
    if main is None:
        main = _main_build(config)
    engine = Engine(main.campaign_json)
    languages = [{**item, "gendered": greets_by_gender(engine.campaign, item["code"])}
                 for item in json.loads(engine.languages())]
    state.keep(config, state.EditionBuild(
        main=main,
        nested=nested,
        prefix=main.translations.edition(lang).prefix if nested else "",
        describe=json.loads(engine.describe(lang)),
        languages=languages,
        fallback=json.loads(engine.render(json.dumps({**FALLBACK_INPUT, "lang": lang}))),
        prompts={item["code"]: json.loads(engine.describe(item["code"]))["prompts"] for item in languages},
    ))
    return config


def greets_by_gender(campaign, code: str) -> bool:
    """Whether a letter in ``code`` greets a woman and a man differently (its
    ``[lang.xx]``'s dear_f/dear_m, or a role's label_f/label_m): the letter
    page then asks how to greet each recipient while the letter is in it."""
    return len(set(campaign.language(code).dear)) > 1 or any(role.words(code).gendered for role in campaign.roles)


def on_serve(server, config, builder, **kwargs):
    main = state.of(config).main
    server.watch(str(ROOT / "letter_py"))
    server.watch(str(main.campaign_dir))
    # The editions as on_config read them: config.extra.alternate is each page's by now.
    for edition in main.translations.editions[1:]:
        server.watch(str(edition.config_file))
    return server


def on_page_context(context, page, config, nav, **kwargs):
    build = state.of(config)
    main = build.main
    strings = page_strings(config.theme["language"])
    context["t"] = Strings(strings)
    # The language switcher and hreflang links go to this page's translations.
    context["alternates"] = i18n_site.page_alternates(config, main.translations, page.file.src_uri, build.prefix)
    root = build.root  # the page scripts are the main site's
    context["offline"] = offline_context(config, context["base_url"])
    if page.meta.get("template") == LETTER_TEMPLATE:
        build.letter_url = page.url
        context["letter_app"] = {
            "boot": boot_config(main, page, root),
            "modules": [root + module for module in page_modules(main)],
            "root": root,
            "languages": build.languages,
            "campaign_json": main.campaign_json,
            "campaign": build.describe,
            "directory": root + main.directory[0],
            "fallback": build.fallback,
            "prompts": build.prompts,
            "strings": strings,
        }
    if page.meta.get("template") == builder_page.TEMPLATE:  # "Set up your town"
        context["builder_app"] = builder_page.page_context(
            page, nav, boot_config(main, page, root), root, main.campaign_json, build.describe,
            strings, main.directory[0])
    return context


def _offline_config(config) -> dict[str, Any]:
    """``extra.offline`` in mkdocs.yml: ``retire: true`` ships the retiring worker."""
    return config.extra.get("offline") or {}


def _edition_depth(config) -> int:
    """How deep this edition sits in the main site: 0, or 1 for es/ (its
    ``extra.alternate`` link, wherever its docs_dir is)."""
    return state.of(config).prefix.count("/")


def offline_context(config, base_url: str) -> dict[str, Any]:
    """What overrides/main.html needs: the site root, this edition's manifest."""
    here = base_url if base_url.endswith("/") else (base_url or ".") + "/"
    return {
        "root": here + "../" * _edition_depth(config),
        "manifest": here + app_manifest.MANIFEST,
        "register": not (state.of(config).main.serving or _offline_config(config).get("retire")),
    }


def write_app_manifest(config, site: Path) -> None:
    """This edition's web app manifest (its words, its letter page); the icons at the root."""
    depth = _edition_depth(config)
    root = site.joinpath(*[".."] * depth).resolve()
    language = config.theme["language"]
    app_manifest.write(site, root, page_strings(language), language,
                       state.of(config).letter_url, "../" * depth)


def write_service_worker(config, site: Path) -> Path:
    """The service worker, with the precache manifest of the finished folder.

    The main build writes it once, after every edition is built into its
    folder, so it covers them all. ``mkdocs serve`` gets the retiring worker,
    so a developer's browser never keeps a service worker for the preview.
    """
    offline.write(site, retire=state.of(config).main.serving or bool(_offline_config(config).get("retire")))
    return site / offline.WORKER


def boot_config(main: state.MainBuild, page, root: str = "") -> dict[str, Any]:
    """The one source of the engine's URLs (docs/assets/letter/protocol.js, ``Boot``).

    ``worker`` is relative to the page; everything in ``engine`` travels in the
    worker's own URL and is relative to the worker, which reads it from there.
    Add keys to ``engine`` and they reach the worker without other changes.
    """
    def from_worker(path: str) -> str:
        return get_relative_url(path, WORKER)

    # What the worker loads was worked out once, by the build
    # (EngineBuild.manifest): the module to import, and the wheels in
    # dependency order, each with its sha256 for Subresource Integrity.
    built = main.engine
    manifest = built.manifest
    engine: dict[str, Any] = {
        "runtime": from_worker(built.runtime_path),
        "lockfile": from_worker(built.engine_path + "pyodide-lock.json"),
        "entry": manifest["entry"],
        "wheels": [{"file": from_worker(built.engine_path + w["file"]), "sha256": w["sha256"]}
                   for w in manifest["wheels"]],
    }
    if main.precompiled:
        engine["precompiled"] = from_worker(_precompiled_path(main))
        engine["precompiledSha256"] = main.precompiled_sha256
    return {"worker": normalize_url(root + WORKER, page), "engine": engine}


def page_modules(main: state.MainBuild) -> list[str]:
    """The page's ES modules, for <link rel="modulepreload"> (the worker is not one)."""
    folder = main.docs_dir / LETTER_ASSETS
    return [(LETTER_ASSETS / p.name).as_posix() for p in sorted(folder.glob("*.js")) if p.name != "worker.js"]


def _precompiled_path(main: state.MainBuild) -> str:
    """Where the compiled campaign is served: beside the wheels, cached as long."""
    return main.engine.engine_path + main.precompiled.name if main.precompiled else ""


def _with_policy(html: str, config) -> str:
    """Material's toggles fixed, and the Content-Security-Policy first in the page."""
    main = state.of(config).main
    html, hashes = security_headers.add_meta_policy(material_markup.fix_toggles(html), live_reload=main.serving)
    main.script_hashes.update(hashes)
    return html


def on_post_page(output, page, config, **kwargs):
    return _with_policy(output, config)


def on_template_context(context, template_name, config, **kwargs):
    """404.html and sitemap.xml, rendered without a page: the same head."""
    build = state.of(config)
    translations = build.main.translations
    lang = config.theme["language"]
    context["t"] = Strings(page_strings(lang))
    context["offline"] = offline_context(config, context.get("base_url") or ".")
    context["alternates"] = i18n_site.page_alternates(config, translations, None, build.prefix)
    if template_name == "sitemap.xml":
        main_url = (config.site_url or "").removesuffix(translations.edition(lang).prefix)
        context["sitemap"] = i18n_site.sitemap_xml(main_url, i18n_site.sitemap_entries(
            translations, lang)) if config.site_url else ""
    return context


def on_post_template(output_content, template_name, config, **kwargs):
    if template_name.endswith(".html"):  # 404.html is rendered outside on_post_page
        output_content = _with_policy(output_content, config)
    return output_content


def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    build = state.of(config)
    if build.nested:  # an edition: its own copy of Material's assets, its app manifest
        vendored.scrub_assets(site / "assets")
        material_markup.fix_bundle(site / "assets")
        write_app_manifest(config, site)
        return
    main = build.main
    write_app_manifest(config, site)
    i18n_site.build_editions(config, main)
    built = main.engine
    for site_path, source in built.site_files().items():
        output.copy(source, site / site_path)
    if main.precompiled:
        output.copy(main.precompiled, site / _precompiled_path(main))
    for site_path, source in builder_page.site_files(main.builder).items():
        output.copy(source, site / site_path)
    output.write_directory(site, main.directory)
    headers = security_headers.headers_file(sorted(main.script_hashes), built.runtime_path, built.engine_path)
    (site / "_headers").write_text(headers)
    vendored.scrub_assets(site / "assets")
    material_markup.fix_bundle(site / "assets")
    write_service_worker(config, site)  # last but compression: it lists the finished folder
    if not main.serving:
        output.precompress_site(site, (site / built.runtime_path, site / built.engine_path))
