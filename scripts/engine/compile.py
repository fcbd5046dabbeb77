"""Compile the engine's wheels and standard library to bytecode, inside Pyodide.

Run by ``scripts/engine/run_pyodide.mjs`` (Pyodide's CPython under Node,
because bytecode is version-specific) for ``bytecode.compile_for_pyodide``,
with the wheels installed by path and the job's folder mounted; the job file
(``sys.argv[1]``) says what to do. Nothing here runs on the build machine's
Python.

First a probe does what the page's worker does (imports the job's entry
module, builds its ``Engine`` from the campaign and renders the samples), so
``sys.modules`` then holds every standard library module a visitor's browser
imports before the first letter: those are compiled, the rest stay source, and
the job's ``drop`` list is left out. The script imports its own tools only
after the probe, so they are not counted.
"""

import importlib  # imported at boot by Pyodide, like json, os and sys
import json
import os
import sys

JOB = json.load(open(sys.argv[1], encoding="utf-8"))
STDLIB = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip"


def probe(entry: str, samples: list[dict]) -> list[str]:
    """The standard library modules (zip paths) the worker's steps import."""
    engine_class = importlib.import_module(entry).Engine
    package = sys.modules[entry.partition(".")[0]]
    root = os.path.join(os.path.dirname(package.__file__), "campaigns", "default")
    files = {}
    for folder, _, names in os.walk(root):  # the language subfolders (es/) too
        for name in names:
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                files[os.path.relpath(path, root).replace(os.sep, "/")] = f.read()
    engine = engine_class(json.dumps(files))
    for sample in samples:
        engine.render(json.dumps(sample))
    return sorted({m.__file__[len(STDLIB) + 1:] for m in list(sys.modules.values())
                   if (getattr(m, "__file__", None) or "").startswith(STDLIB + "/")
                   and m.__file__.endswith(".py")})


MODULES = probe(JOB["entry"], JOB["samples"])

# Only now, so that the probe did not count them.
import base64  # noqa: E402
import hashlib  # noqa: E402
import importlib.util  # noqa: E402
import sysconfig  # noqa: E402
import zipfile  # noqa: E402
from importlib._bootstrap_external import _code_to_hash_pyc  # noqa: E402

SITE = sysconfig.get_path("purelib")


def pyc(source: bytes, filename: str) -> bytes:
    """Unchecked hash-based .pyc, loaded without its source (PEP 552)."""
    code = compile(source, filename, "exec", dont_inherit=True)
    return _code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)


def entry(info: zipfile.ZipInfo, name: str) -> zipfile.ZipInfo:
    item = zipfile.ZipInfo(name, date_time=info.date_time)
    item.external_attr = info.external_attr
    item.compress_type = zipfile.ZIP_DEFLATED
    return item


def left_out(name: str, wanted: set[str]) -> bool:
    if name in wanted:
        return False
    if name.startswith("encodings/") and name != "encodings/":
        return name[len("encodings/"):].removesuffix(".py") not in JOB["keep_encodings"]
    return any(name == d or (d.endswith("/") and name.startswith(d)) for d in JOB["drop"])


def compile_stdlib(dst_path: str, wanted: set[str]) -> list[str]:
    """Copy the stdlib zip, the wanted modules compiled, the dropped left out."""
    dropped = []
    with zipfile.ZipFile(STDLIB) as src, zipfile.ZipFile(dst_path, "w") as out:
        for info in src.infolist():
            name = info.filename
            if left_out(name, wanted):
                dropped.append(name)
                continue
            data = src.read(info)
            if name in wanted:
                name, data = name + "c", pyc(data, f"{STDLIB}/{name}")
            out.writestr(entry(info, name), data, compresslevel=9)
    return dropped


def compile_wheel(src_path: str, dst_path: str, tag: str) -> None:
    """Copy a wheel with every module compiled, its tag and RECORD rewritten."""
    rows = []
    with zipfile.ZipFile(src_path) as src, zipfile.ZipFile(dst_path, "w") as out:
        record = None
        for info in src.infolist():
            name, data = info.filename, src.read(info)
            if name.endswith(".dist-info/RECORD"):
                record = info
                continue
            if name.endswith(".py"):
                name, data = name + "c", pyc(data, f"{SITE}/{name}")
            elif name.endswith(".dist-info/WHEEL"):
                data = b"".join(b"Tag: " + tag.encode() + b"\n" if line.startswith(b"Tag:") else line
                                for line in data.splitlines(keepends=True))
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            rows.append(f"{name},sha256={digest},{len(data)}\n")
            out.writestr(entry(info, name), data, compresslevel=9)
        rows.append(f"{record.filename},,\n")
        out.writestr(entry(record, record.filename), "".join(rows), compresslevel=9)


# Deflated, as Pyodide ships it: stored members would let brotli shrink the
# zip further, but hosts that compress on the fly skip zips, and would then
# send several times the 2 MB of the deflated one.
dropped = compile_stdlib(os.path.join(JOB["out"], JOB["stdlib"]), set(MODULES))
for src, dst in JOB["wheels"]:
    compile_wheel(os.path.join(JOB["in"], src), os.path.join(JOB["out"], dst), JOB["tag"])
with open(os.path.join(JOB["out"], "result.json"), "w", encoding="utf-8") as f:
    json.dump({"modules": MODULES, "dropped": dropped}, f)
