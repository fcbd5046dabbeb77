"""The benchmark's precompressed server behaves as a static host does on a second visit."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from pathlib import Path

from static_server import StaticServer


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
