"""The app as served in production: ``streamlit run serve.py`` (app.sh) runs dashboard.py with
every HTTP response gzip-compressed, Streamlit's own JavaScript included.

Streamlit 1.67 sends its 2.6 MB of JavaScript uncompressed (it keeps static files out of its gzip
middleware to spare server CPU); on a phone on a venue's 3G that alone was 13 s before the first
figure (issue 13: Salas on a throttled phone in ≤ 8 s; bench/bench_first_figure.py). Here the
hashed bundles under /static/ are compressed once per process, at the best level, and kept in
memory (a few MB), so no request pays for compressing them; the pages' other responses go
through Starlette's gzip. Websockets and /media/ downloads pass through untouched.

It also mounts the pulse (ui/pulse.py, issue 14): one long-poll URL that tells every open screen
when the data or the minute moved, instead of a watcher script run per screen and interval.
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from ui import data, pulse

STATIC_ROOT = (Path(st.__file__).resolve().parent / "static").resolve()
PACKED_SUFFIXES = frozenset({".js", ".css", ".json", ".svg", ".html", ".map", ".txt", ".ttf", ".mjs"})
IMMUTABLE = "public, immutable, max-age=31536000"  # the bundles' names carry their hash


class StaticGZip:
    """gzip for HTTP responses except /media/ (downloads and images keep their exact bytes)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=1024, compresslevel=6)
        self._packed: dict[str, bytes | None] = {}
        self._lock = threading.Lock()

    def packed(self, path: str) -> bytes | None:
        """The compressed bytes of a bundle under /static/ (None: not one of ours to serve)."""
        with self._lock:
            if path in self._packed:
                return self._packed[path]
        file = (STATIC_ROOT / path.lstrip("/")).resolve()
        body = None
        if file.is_relative_to(STATIC_ROOT / "static") and file.suffix in PACKED_SUFFIXES and file.is_file():
            body = gzip.compress(file.read_bytes(), compresslevel=9, mtime=0)
        with self._lock:
            self._packed[path] = body
        return body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "/media/" in scope.get("path", ""):
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        accepts = b"gzip" in dict(scope.get("headers") or []).get(b"accept-encoding", b"")
        if accepts and path.startswith("/static/") and scope.get("method") in ("GET", "HEAD"):
            body = self.packed(path)
            if body is not None:
                kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
                await Response(
                    body if scope["method"] == "GET" else b"",
                    media_type=kind,
                    headers={
                        "Content-Encoding": "gzip",
                        "Vary": "Accept-Encoding",
                        "Cache-Control": IMMUTABLE,
                        "Content-Length": str(len(body)),
                    },
                )(scope, receive, send)
                return
        await self.gzip(scope, receive, send)


# The pulse: one long poll per open screen instead of a watcher script run per interval (ui/pulse.py);
# a replica asked for the pulse of a page drawn elsewhere makes it from the configuration.
app = st.App("dashboard.py", routes=[pulse.route(adopt=data.listen_configured)], middleware=[Middleware(StaticGZip)])
