"""``python -m letter_py``: the same as the ``letter-py`` command."""

from .cli import main

raise SystemExit(main())
