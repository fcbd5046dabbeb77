"""The wheels and the standard library compiled to bytecode by Pyodide's own CPython.

Pyodide ships its standard library, and PyPI its wheels, as ``.py`` source,
so every page load compiled some 180 modules to bytecode before the first
letter. :func:`compile_for_pyodide` compiles the wheels, and the standard
library modules the engine imports, to ``.pyc`` with Pyodide's CPython run
under Node (bytecode is version-specific, and the build machine's Python is
another version), running ``compile.py`` (the probe and the compiler). Modules
the engine does not import stay as source, so anything else still works,
except a listed few a letter renderer never reaches (``_STDLIB_DROP``:
debuggers, test runners, network clients, legacy codecs), which are left out:
the zip shrinks from 2.9 MB to 1.9 MB. ``python -m scripts.bench.browser``
measures the effect.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from .common import log
from .pyodide import run_pyodide

# The standard library goes into the engine folder, not the runtime's: which
# modules are compiled depends on what letter_py imports.
STDLIB = "python_stdlib.zip"
# The module the page's worker imports (its Engine renders the letters): the
# probe in compile.py and the precompiler import it too, and the page is told
# it through the manifest (EngineBuild.manifest).
ENTRY_MODULE = "letter_py.web"
COMPILER = Path(__file__).resolve().with_name("compile.py")

# Left out of the standard library zip (0.9 MB of its 2.9 MB, deflated): tools,
# servers, clients and codecs a letter renderer in a browser tab never reaches
# (interactive consoles, debuggers, test runners, XML, HTTP and mail clients,
# process pools, and the character sets other than UTF-8/16/32, ASCII and
# Latin-1: letter_py only ever decodes and encodes UTF-8), command-line and
# config-file parsers and text diffs (letter_py's command line is not in the
# browser's wheel: scripts/engine/wheels.py), and _pydatetime, the pure-Python
# datetime that Python imports only when its built-in _datetime is missing (Pyodide
# has it). A module the probe imports is kept even if listed. Trailing "/" means
# a whole package.
_STDLIB_DROP = [
    "_pyrepl/", "unittest/", "multiprocessing/", "xml/", "xmlrpc/", "http/", "wsgiref/",
    "sqlite3/", "ctypes/", "__phello__/", "__hello__.py", "antigravity.py", "this.py",
    "pdb.py", "bdb.py", "doctest.py", "pydoc.py", "_pyio.py", "pickletools.py", "tabnanny.py",
    "trace.py", "profile.py", "cProfile.py", "pstats.py", "timeit.py", "zipapp.py", "pyclbr.py",
    "mailbox.py", "imaplib.py", "smtplib.py", "poplib.py", "ftplib.py", "optparse.py",
    "statistics.py", "webbrowser.py", "argparse.py", "configparser.py", "difflib.py",
    "_pydatetime.py",
]
_KEEP_ENCODINGS = [
    "__init__", "aliases", "ascii", "latin_1", "utf_8", "utf_8_sig", "utf_16", "utf_16_be",
    "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "idna", "punycode", "charmap", "cp1252",
    "raw_unicode_escape", "unicode_escape", "undefined", "base64_codec", "hex_codec",
    "quopri_codec", "uu_codec", "zlib_codec", "bz2_codec", "rot_13",
]

# What the probe renders: an empty form, a full one, and a name the email
# package has to encode (plain headers skip it; see letter_py.eml).
_PROBE_SAMPLES = [
    {},
    {"recipients": [{"role": "mayor", "name": "Zoë Núñez, Jr.", "email": "mayor@example.gov"}]},
    {"sender": {"name": "Sam Example", "street": "1 Main St", "city": "Springfield", "state": "IL",
                "zip": "62701", "email": "sam@example.org"},
     "recipients": [{"role": "mayor", "name": "Maria Lopez", "email": "mayor@example.gov",
                     "address": "City Hall\nSpringfield, IL"}],
     "articles": [{"title": "A story", "outlet": "The Paper", "date": "1 March 2026",
                   "url": "https://example.org/story"}],
     "personal": "It matters to me."},
    # A Spanish letter with an error: the catalogue (gettext) and Spanish dates.
    {"lang": "es", "recipients": [{"role": "mayor", "name": "María López", "gender": "f"}],
     "sender": {"zip": "6"}, "date": "2026-12-01"},
    # A Polish one: three plural forms (ngettext) in an error, a name the file name must spell (ł).
    {"lang": "pl", "recipients": [{"role": "police_chief", "name": "Paweł Zając", "gender": "m"}],
     "personal": "x" * 2001, "date": "2026-12-07"},
]


def _compiled_name(wheel: str, tag: str) -> str:
    name, version, _ = wheel.split("-", 2)
    return f"{name}-{version}-{tag}.whl"


def compile_for_pyodide(core: Path, wheels: list[Path], out: Path) -> list[Path] | None:
    """Compile the wheels and the engine's stdlib modules to ``.pyc`` in ``out``.

    Returns the compiled wheels (the stdlib zip is ``out/python_stdlib.zip``),
    or None when Node is missing.
    """
    if shutil.which("node") is None:
        return None
    info = json.loads((core / "pyodide-lock.json").read_text())["info"]
    major, minor = info["python"].split(".")[:2]
    # Bytecode is for this Python only. `pyodide py-compile` would say cp314,
    # which `pyodide lockfile add-wheels` refuses for a pure wheel; py314 it takes.
    tag = f"py{major}{minor}-none-any"
    with tempfile.TemporaryDirectory() as tmp:
        job_dir = Path(tmp)
        (job_dir / "in").mkdir()
        (job_dir / "out").mkdir()
        for wheel in wheels:
            shutil.copy(wheel, job_dir / "in" / wheel.name)
        job = {
            "entry": ENTRY_MODULE, "in": "/job/in", "out": "/job/out", "stdlib": STDLIB, "tag": tag,
            "samples": _PROBE_SAMPLES, "drop": _STDLIB_DROP, "keep_encodings": _KEEP_ENCODINGS,
            "wheels": [[w.name, _compiled_name(w.name, tag)] for w in wheels],
        }
        (job_dir / "job.json").write_text(json.dumps(job))
        run_pyodide(core, {
            # No column ranges in the bytecode (as python -X no_debug_ranges):
            # ~10 % smaller, and tracebacks only lose their ^^^^ markers.
            "env": {"PYTHONNODEBUGRANGES": "1"},
            # Installed from the zip files, as the browser imports them, which
            # needs no further standard library module before the probe.
            "wheels": [str(job_dir / "in" / w.name) for w in wheels],
            "mounts": {"/job": str(job_dir)},
            "script": str(COMPILER), "args": ["/job/job.json"],
        })
        result = json.loads((job_dir / "out" / "result.json").read_text())
        modules = result["modules"]
        log(f"compiled the wheels and {len(modules)} standard library modules to bytecode, "
             f"left out {len(result['dropped'])} files the engine never uses")
        out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(job_dir / "out" / STDLIB, out / STDLIB)
        return [Path(shutil.copyfile(job_dir / "out" / dst, out / dst)) for _, dst in job["wheels"]]

