"""A small static file server for the built site, used by the tests and the benchmark.

It behaves like a plain static host (correct ``.wasm`` and ``.mjs`` types,
long caching for the versioned runtime and engine folders, and the headers of
the site's ``_headers`` file, as Netlify applies them) and adds what the
tests need from a second witness: an access log of every request, and
switchable faults (a missing file, a wrong content type, a tampered body).
``precompressed=True`` serves ``x.br``/``x.gz`` beside ``x`` when the browser
accepts them, as hosts such as Netlify or nginx's ``gzip_static`` do.

Run ``python -m scripts.shared.static_server site`` to serve a built site by hand.
"""

from __future__ import annotations

import argparse
import email.utils
import fnmatch
import sys
import threading
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

IMMUTABLE_PREFIXES = ("/pyodide/", "/engine/")


@dataclass
class Fault:
    """What to do instead of serving a path normally."""

    status: int = 200
    content_type: str | None = None
    body: bytes | None = None


@dataclass
class ServerState:
    root: Path
    precompressed: bool = False
    log: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    faults: dict[str, Fault] = field(default_factory=dict)
    headers: list[tuple[str, str, str]] = field(default_factory=list)  # (pattern, name, value)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def load_headers_file(self) -> None:
        """Read ``_headers``: a path pattern line, then indented ``Name: value`` lines."""
        path = self.root / "_headers"
        if not path.exists():
            return
        pattern = None
        for line in path.read_text().splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line[0].isspace():
                pattern = line.strip()
            elif pattern is not None:
                name, _, value = line.strip().partition(":")
                self.headers.append((pattern, name.strip(), value.strip()))

    def paths(self) -> list[str]:
        with self.lock:
            return [path for _, path, _ in self.log]


class Handler(SimpleHTTPRequestHandler):
    state: ServerState
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".whl": "application/zip",
        ".eml": "message/rfc822",
        ".webmanifest": "application/manifest+json",
    }

    def log_message(self, format: str, *args) -> None:  # keep test output quiet
        pass

    def _record(self) -> None:
        with self.state.lock:
            self.state.log.append((self.command, self.path, dict(self.headers.items())))

    def do_GET(self) -> None:
        self._record()
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        fault = self.state.faults.get(path)
        if fault is not None:
            return self._send_fault(path, fault)
        if self.state.precompressed and self._send_precompressed(path):
            return
        super().do_GET()

    def do_HEAD(self) -> None:
        self._record()
        super().do_HEAD()

    def do_POST(self) -> None:  # a static site takes no posts; the log still shows one
        self._record()
        self.send_error(405)

    def _send_fault(self, path: str, fault: Fault) -> None:
        if fault.status >= 400:
            self.send_error(fault.status)
            return
        body = fault.body
        if body is None:
            body = Path(self.translate_path(path)).read_bytes()
        self.send_response(fault.status)
        self.send_header("Content-Type", fault.content_type or self.guess_type(path))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _send_precompressed(self, path: str) -> bool:
        accepted = self.headers.get("Accept-Encoding", "")
        local = Path(self.translate_path(path))
        if local.is_dir():
            local = local / "index.html"
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            candidate = local.with_name(local.name + suffix)
            if encoding in accepted and candidate.is_file():
                modified = int(local.stat().st_mtime)
                if self._unchanged_since(modified):
                    self.send_response(304)
                    self.send_header("Vary", "Accept-Encoding")
                    self.end_headers()
                    return True
                body = candidate.read_bytes()
                self.send_response(200)
                self.send_header("Last-Modified", self.date_time_string(modified))
                self.send_header("Content-Type", self.guess_type(str(local)))
                self.send_header("Content-Encoding", encoding)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Vary", "Accept-Encoding")
                self.end_headers()
                self.wfile.write(body)
                return True
        return False

    def _unchanged_since(self, modified: int) -> bool:
        """A revalidation the plain path answers with 304 too (SimpleHTTPRequestHandler)."""
        since = self.headers.get("If-Modified-Since")
        if not since or self.headers.get("If-None-Match"):
            return False
        try:
            return modified <= email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False

    def send_header(self, keyword: str, value: str) -> None:
        self._sent = getattr(self, "_sent", set()) | {keyword.lower()}
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        path = self.path.split("?", 1)[0]
        for pattern, name, value in self.state.headers:
            if fnmatch.fnmatchcase(path, pattern) and name.lower() not in getattr(self, "_sent", set()):
                self.send_header(name, value)
        if "cache-control" not in getattr(self, "_sent", set()):
            immutable = path.startswith(IMMUTABLE_PREFIXES)
            self.send_header("Cache-Control",
                             "public, max-age=31536000, immutable" if immutable else "no-cache")
        self._sent = set()
        super().end_headers()


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that hangs up mid-file (a page closed, a worker ended, the
        network cut off on purpose) is not an error; anything else is printed."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class StaticServer:
    """Serve ``root`` on 127.0.0.1 in a background thread."""

    def __init__(self, root: Path, *, port: int = 0, precompressed: bool = False,
                 headers_file: bool = True) -> None:
        self.state = ServerState(root=Path(root), precompressed=precompressed)
        if headers_file:
            self.state.load_headers_file()
        handler = type("BoundHandler", (Handler,), {"state": self.state})
        self.httpd = _Server(("127.0.0.1", port), partial(handler, directory=str(root)))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> "StaticServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="the built site folder, e.g. site")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--precompressed", action="store_true",
                        help="serve .br/.gz files beside the originals when accepted")
    args = parser.parse_args()
    with StaticServer(args.root, port=args.port, precompressed=args.precompressed) as server:
        print(f"Serving {args.root} on {server.origin} (Ctrl-C to stop)")
        try:
            server.thread.join()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
