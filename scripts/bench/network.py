"""The benchmark's server: the static server, counting the bytes it sends, and optionally
shaping them to an emulated link (bandwidth and latency)."""

from __future__ import annotations

import threading
import time
from functools import partial
from pathlib import Path

from ..shared.static_server import StaticServer

class ByteCounter:
    """Bytes the server wrote (status line, headers and bodies), per request."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sent: list[tuple[str, int]] = []

    def reset(self) -> None:
        with self.lock:
            self.sent.clear()

    def snapshot(self) -> list[tuple[str, int]]:
        with self.lock:
            return list(self.sent)


class _CountingWriter:
    def __init__(self, raw) -> None:
        self.raw, self.count = raw, 0

    def write(self, data) -> int:
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class Link:
    """One emulated connection shared by every request (page, workers and the
    service worker alike): ``mbit_s`` of bandwidth, first come first served,
    and ``latency_ms`` before each response.

    Chromium's own emulation (CDP Network.emulateNetworkConditions) applies to
    a page and its dedicated workers, not to the service worker's fetches, and
    those are what arrival from another page waits on: throttled only there,
    the prefetch would look free. So the server shapes what it sends instead.
    """

    def __init__(self, mbit_s: float, latency_ms: float) -> None:
        self.rate = mbit_s * 1e6 / 8
        self.latency = latency_ms / 1000
        self.lock = threading.Lock()
        self.free_at = 0.0

    def send(self, nbytes: int) -> None:
        with self.lock:
            start = max(self.free_at, time.monotonic())
            self.free_at = start + nbytes / self.rate
            done = self.free_at
        time.sleep(max(0.0, done - time.monotonic()))


class _ShapedWriter(_CountingWriter):
    CHUNK = 16 * 1024

    def __init__(self, raw, link: Link) -> None:
        super().__init__(raw)
        self.link = link

    def write(self, data) -> int:
        view = memoryview(data)
        for i in range(0, len(view), self.CHUNK):
            piece = view[i:i + self.CHUNK]
            self.link.send(len(piece))
            super().write(piece)
        return len(view)


def counting_server(root: Path, counter: ByteCounter, *, precompressed: bool, link: Link | None = None) -> StaticServer:
    """A StaticServer whose handler also counts what it sends (through ``link``, if given)."""
    server = StaticServer(root, precompressed=precompressed)
    bound = server.httpd.RequestHandlerClass  # functools.partial(handler, directory=…)

    class Counting(bound.func):
        def setup(self) -> None:
            super().setup()
            self.wfile = _CountingWriter(self.wfile) if link is None else _ShapedWriter(self.wfile, link)

        def parse_request(self) -> bool:
            if link is not None:
                time.sleep(link.latency)
            return super().parse_request()

        def finish(self) -> None:
            try:
                super().finish()
            finally:
                with counter.lock:
                    counter.sent.append((getattr(self, "path", "?"), self.wfile.count))

    server.httpd.RequestHandlerClass = partial(Counting, *bound.args, **bound.keywords)
    return server
