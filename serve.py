"""The app as served in production: ``streamlit run serve.py`` (app.sh) runs dashboard.py with
every HTTP response gzip-compressed, Streamlit's own JavaScript included.

Streamlit 1.67 sends its 2.6 MB of JavaScript uncompressed (it keeps static files out of its gzip
middleware to spare server CPU); on a phone on a venue's 3G that alone was 13 s before the first
figure (issue 13: Salas on a throttled phone in ≤ 8 s; bench/bench_first_figure.py). Here the
hashed bundles under /static/ are compressed once per process, at the best level, and kept in
memory (a few MB), so no request pays for compressing them; the pages' other responses go
through Starlette's gzip. Websockets and /media/ downloads pass through untouched.

It puts the first frame in the HTML document of En vivo and Salas (ui/first_frame.py, issue 13):
their figures as plain HTML, seen before Streamlit's JavaScript has arrived.

It also mounts the pulse (ui/pulse.py, issue 14): one long-poll URL that tells every open screen
when the data or the minute moved, instead of a watcher script run per screen and interval.
"""

from __future__ import annotations

import asyncio
import gzip
import logging
import mimetypes
import threading
from pathlib import Path
from urllib.parse import parse_qsl

import streamlit as st
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ui import data, first_frame, pulse

log = logging.getLogger("foro.serve")

STATIC_ROOT = (Path(st.__file__).resolve().parent / "static").resolve()
PACKED_SUFFIXES = frozenset({".js", ".css", ".json", ".svg", ".html", ".map", ".txt", ".ttf", ".mjs"})
IMMUTABLE = "public, immutable, max-age=31536000"  # the bundles' names carry their hash


FRAME_BUDGET_S = 2.0  # past this (a first read still running), the document goes without a frame
# The document now changes with the data: never answered "not modified" from an old copy. And it
# is asked for uncompressed, to be edited; StaticGZip's gzip compresses the result.
HELD_BACK = frozenset({b"if-none-match", b"if-modified-since", b"accept-encoding"})
VALIDATORS = frozenset({b"etag", b"last-modified", b"accept-ranges", b"content-length", b"cache-control"})


class FirstFrame:
    """The page's figures (ui.first_frame) in the HTML document Streamlit serves for a page URL."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.base = str(st.get_option("server.baseUrlPath") or "")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        page = first_frame.page_for(scope.get("path", ""), self.base) if scope["type"] == "http" else None
        if page is None or scope.get("method") != "GET":
            await self.app(scope, receive, send)
            return
        params = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        scope = {**scope, "headers": [(k, v) for k, v in scope.get("headers") or [] if k.lower() not in HELD_BACK]}
        start: Message | None = None
        parts: list[bytes] = []

        async def hold(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            parts.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(parts)
            headers = list(start.get("headers") or [])
            if start["status"] == 200 and dict(headers).get(b"content-type", b"").startswith(b"text/html"):
                body = first_frame.inject(body, await self._frame(page, params))
                headers = [(k, v) for k, v in headers if k.lower() not in VALIDATORS]
                headers += [(b"content-length", str(len(body)).encode()), (b"cache-control", b"no-store")]
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, hold)

    @staticmethod
    async def _frame(page: str, params: dict[str, str]) -> str:
        try:
            return await asyncio.wait_for(asyncio.to_thread(first_frame.frame, page, params), FRAME_BUDGET_S)
        except TimeoutError:  # a first read still running: not a fault
            log.info("first frame for %s not ready in %.0f s", page, FRAME_BUDGET_S)
            return ""
        except Exception:  # noqa: BLE001 - without its frame the page still loads, as before
            log.warning("first frame for %s not made", page, exc_info=True)
            return ""


class StaticGZip:
    """gzip for HTTP responses except /media/ (downloads and images keep their exact bytes)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.gzip = GZipMiddleware(FirstFrame(app), minimum_size=1024, compresslevel=6)
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
