"""The Illinois officials directory: every town, its website and its known officials, with sources.

Built from two public sources (UScityURL for the towns, Open States for the
mayors) into a committed snapshot, ``il.json``, plus this project's own
``corrections.toml``. The core modules are pure; the build command
(:mod:`letter_py.directory.build`) reads the clones. None of this is in the
browser's engine: the page reads the JSON that :func:`site_data` returns.
"""

from .corrections import Corrections, read_corrections
from .site import DirectoryError, is_stale, load_corrections, load_site_data, load_snapshot, site_data

__all__ = ["Corrections", "DirectoryError", "is_stale", "load_corrections", "load_site_data", "load_snapshot",
           "read_corrections", "site_data"]
