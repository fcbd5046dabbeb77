"""The hooks file mkdocs.yml names: MkDocs' way into the site build (:mod:`scripts.site.hooks`).

MkDocs imports a hooks file by its path, as a module of no package, with its
folder on ``sys.path`` only while it does. The site build is a package
(``scripts.site``, with relative imports), so this file puts the project's
root on ``sys.path``, once, and hands MkDocs the package's events.
"""

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:  # the one sys.path entry the build adds, for `import scripts`
    sys.path.insert(0, _ROOT)

from scripts.site.hooks import (  # noqa: E402  (MkDocs looks the events up by name)
    on_config,
    on_page_context,
    on_post_build,
    on_post_page,
    on_post_template,
    on_serve,
    on_startup,
    on_template_context,
)

__all__ = ["on_config", "on_page_context", "on_post_build", "on_post_page", "on_post_template", "on_serve",
           "on_startup", "on_template_context"]
