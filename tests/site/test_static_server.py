"""The benchmark's precompressed server behaves as a static host does on a second visit."""

from __future__ import annotations

import gzip
import socket
import struct
import time
import urllib.error
import urllib.request
from pathlib import Path

from scripts.shared.static_server import StaticServer


def _get(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)
    try:
        return urllib.request.urlopen(request)
    except urllib.error.HTTPError as error:  # 304 arrives as an "error"
        return error


def test_precompressed_files_are_revalidated_not_resent(tmp_path: Path):
    page = tmp_path / "index.html"
    page.write_text("<p>hello</p>" * 200)
    (tmp_path / "index.html.gz").write_bytes(gzip.compress(page.read_bytes()))
    with StaticServer(tmp_path, precompressed=True) as server:
        first = _get(server.origin + "/", **{"Accept-Encoding": "gzip"})
        assert first.status == 200 and first.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(first.read()) == page.read_bytes()
        modified = first.headers["Last-Modified"]
        assert modified
        again = _get(server.origin + "/", **{"Accept-Encoding": "gzip", "If-Modified-Since": modified})
        assert again.status == 304 and not again.read()
        stale = _get(server.origin + "/", **{"Accept-Encoding": "gzip",
                                              "If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
        assert stale.status == 200


def test_a_client_hanging_up_mid_file_is_not_reported(tmp_path: Path, capfd):
    """Pages that close mid-download (the fault tests do it on purpose) must not
    fill the test output with BrokenPipeError tracebacks; a real error still shows."""
    (tmp_path / "big.bin").write_bytes(bytes(32 * 1024 * 1024))
    with StaticServer(tmp_path) as server:
        host, port = server.httpd.server_address[:2]
        for _ in range(3):
            with socket.create_connection((host, port)) as client:
                client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
                client.recv(1024)
                # Close with a reset, as a browser tab that goes away does.
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        time.sleep(0.5)
        assert "Error" not in capfd.readouterr().err
        server.httpd.handle_error(None, ("127.0.0.1", 0))  # no exception at hand: printed as before
    assert "Exception occurred during processing" in capfd.readouterr().err
