"""A campaign compiled ahead of time, so the browser skips the compiler.

Compiling a campaign (parsing ``campaign.toml``, turning five templates into
Python code and compiling that) is most of the engine's start-up work under
Pyodide: about a tenth of a second on every page load. The site's build does it
once, under the same Pyodide and the same ``letter_py`` as the browser, and
ships the result as one file; :class:`~letter_py.campaign.Campaign` takes it as
``precompiled=``.

Every piece is checked before use, and anything that does not fit is simply
compiled from source as before, so the letters are the same either way, byte
for byte; only the start is slower:

* the file's SHA-256 must match the one the page was built with;
* its fingerprint (Python, Jinja2, the environment's settings) must match the
  running engine's, because Jinja2's compiled code depends on them;
* each template's code, the parsed ``campaign.toml`` and the template analysis
  are keyed by a checksum of the exact source text they came from.

A :class:`CompileCache` does the checking for a campaign, serves what fits
and notes it in its :class:`Stats` (``letter_py.web.Engine.precompiled``
reads them). Only the core's own output is read back (``marshal``, never
``pickle``).
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Mapping
from types import CodeType

import jinja2

FORMAT = 1


def checksum(text: str) -> str:
    """What Jinja2's bytecode cache keys a template source by (SHA-1 of its UTF-8)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def files_checksum(files: Mapping[str, str]) -> str:
    digest = hashlib.sha1()
    for name in sorted(files):
        digest.update(name.encode("utf-8") + b"\0" + files[name].encode("utf-8") + b"\0")
    return digest.hexdigest()


def fingerprint(env: jinja2.Environment, names: tuple[str, ...]) -> str:
    """Everything besides the source that Jinja2's generated code depends on."""
    settings = (
        FORMAT, sys.version, sys.implementation.cache_tag, jinja2.__version__,
        env.block_start_string, env.block_end_string, env.variable_start_string,
        env.variable_end_string, env.comment_start_string, env.comment_end_string,
        env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
        env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        env.optimized, env.is_async, sorted(env.extensions), sorted(env.filters),
        sorted(env.tests), sorted(env.globals), env.undefined.__qualname__,
        getattr(env.finalize, "__qualname__", env.finalize),
        sorted((k, v) for k, v in env.policies.items() if k.startswith("compiler.")),
        [(name, bool(env.autoescape(name) if callable(env.autoescape) else env.autoescape))
         for name in names],
    )
    return hashlib.sha256(repr(settings).encode("utf-8")).hexdigest()


class Stats:
    """Which pieces of a campaign came from the precompiled file; its cache keeps it up to date.

    A plain class, not a ``NamedTuple``: its instances change, and it costs
    less to define on every start of the engine in the browser.
    """

    __slots__ = ("config", "analysis", "templates")

    def __init__(self) -> None:
        self.config = False  # the parsed campaign.toml
        self.analysis = False  # which templates use ``recipient``
        self.templates = 0  # templates (includes too) whose code was served

    def __repr__(self) -> str:
        return f"Stats(config={self.config}, analysis={self.analysis}, templates={self.templates})"


class CompileCache(jinja2.BytecodeCache):
    """A campaign's compiled pieces: the shipped ones that fit, and those made here.

    :meth:`attach` makes one a Jinja2 environment's bytecode cache; the campaign
    asks it for the parsed config and the template analysis, Jinja2 for each
    template's code. :attr:`stats` says which pieces ``shipped`` served, and
    :meth:`precompiled` gives every piece back as a file for the next start.
    """

    def __init__(self, fingerprint: str, shipped: Precompiled | None = None) -> None:
        self.fingerprint = fingerprint
        self._shipped = shipped
        self._fits = shipped is not None and shipped.fingerprint == fingerprint
        self.codes: dict[str, tuple[str, CodeType]] = dict(shipped.codes) if self._fits else {}
        self.stats = Stats()

    @classmethod
    def attach(cls, env: jinja2.Environment, names: tuple[str, ...],
               shipped: Precompiled | None = None) -> CompileCache:
        """A cache for ``env`` (which compiles ``names``), set as its bytecode cache."""
        cache = cls(fingerprint(env, names), shipped)
        env.bytecode_cache = cache
        return cache

    def config_for(self, text: str) -> dict[str, object] | None:
        """The shipped parsed ``campaign.toml``, if it was parsed from exactly ``text``."""
        found = self._shipped.config_for(text) if self._shipped is not None else None
        self.stats.config = found is not None
        return found

    def analysis_for(self, files: Mapping[str, str]) -> dict[str, bool] | None:
        """The shipped template analysis, if it fits this engine and exactly ``files``."""
        found = self._shipped.analysis_for(files) if self._fits else None
        self.stats.analysis = found is not None
        return found

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        found = self.codes.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]
            self.stats.templates += 1

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is not None:
            self.codes[bucket.key] = (bucket.checksum, bucket.code)

    def precompiled(self, config: tuple[str, Mapping[str, object]], files: Mapping[str, str],
                    analysis: Mapping[str, bool]) -> Precompiled:
        """Every piece, as a file: ``config`` is ``campaign.toml``'s text and table."""
        text, table = config
        shipped_config = (checksum(text), table) if marshallable(table) else None
        return Precompiled(self.fingerprint, shipped_config, (files_checksum(files), dict(analysis)), self.codes)


class Precompiled:
    """The shipped pieces, each with the checksum of the source it came from."""

    def __init__(self, fingerprint: str, config: tuple[str, dict[str, object]] | None,
                 analysis: tuple[str, dict[str, bool]] | None,
                 codes: Mapping[str, tuple[str, CodeType]]) -> None:
        self.fingerprint = fingerprint
        self.config = config
        self.analysis = analysis
        self.codes = dict(codes)

    def config_for(self, text: str) -> dict[str, object] | None:
        """The parsed ``campaign.toml``, if it was parsed from exactly ``text``."""
        if self.config is not None and self.config[0] == checksum(text):
            return self.config[1]
        return None

    def analysis_for(self, files: Mapping[str, str]) -> dict[str, bool] | None:
        """Which templates use ``recipient``, if worked out from exactly ``files``."""
        if self.analysis is not None and self.analysis[0] == files_checksum(files):
            return dict(self.analysis[1])
        return None

    def dump(self) -> bytes:
        return marshal.dumps({
            "format": FORMAT,
            "fingerprint": self.fingerprint,
            "config": self.config,
            "analysis": self.analysis,
            "codes": self.codes,
        })

    @classmethod
    def load(cls, data: bytes, sha256: str | None = None) -> Precompiled | None:
        """Read :meth:`dump`'s output; ``None`` when it is damaged or not ours."""
        if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256.lower():
            return None
        try:
            document = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            return None
        try:
            if document["format"] != FORMAT:
                return None
            return cls(document["fingerprint"], document["config"], document["analysis"], document["codes"])
        except (KeyError, TypeError):
            return None


def marshallable(value: object) -> bool:
    """Whether ``marshal`` keeps ``value`` as it is (TOML dates, for one, it cannot)."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and marshallable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(marshallable(v) for v in value)
    return value is None or type(value) in (str, int, float, bool)
