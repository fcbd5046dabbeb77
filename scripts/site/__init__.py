"""The site build: what the MkDocs hooks run (``scripts/mkdocs_hooks.py`` -> :mod:`.hooks`).

:mod:`.hooks` the events; :mod:`.state` each edition's build state;
:mod:`.i18n_site` the editions (the Spanish one built from the English
build); :mod:`.strings` the interface strings; :mod:`.output` what
``on_post_build`` writes beside the pages; :mod:`.security_headers` the
Content-Security-Policy; :mod:`.offline` the service worker (``service_worker/``);
:mod:`.app_manifest` the web app manifest; :mod:`.builder_page` the "Set up
your town" page; :mod:`.material_markup` and :mod:`.vendored` fix the theme's
markup and scripts. The engine they put in the site is built by ``scripts.engine``.
"""
