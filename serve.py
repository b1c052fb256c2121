"""The app as served in production: ``streamlit run serve.py`` (app.sh) runs dashboard.py with
every HTTP response gzip-compressed, Streamlit's own JavaScript included.

Streamlit 1.67 sends its 2.6 MB of JavaScript and fonts uncompressed (it keeps static files out of
its gzip middleware to save server CPU); on a phone on a venue's 3G that alone was 13 s before the
first figure. Compressed once per response at level 6 it is ~0.8 MB (issue 13: Salas on a
throttled phone in ≤ 8 s). Websockets and /media/ downloads pass through untouched.
"""

from __future__ import annotations

import streamlit as st
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send


class StaticGZip:
    """gzip for HTTP responses except /media/ (downloads and images keep their exact bytes)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=1024, compresslevel=6)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and "/media/" not in scope.get("path", ""):
            await self.gzip(scope, receive, send)
        else:
            await self.app(scope, receive, send)


app = st.App("dashboard.py", middleware=[Middleware(StaticGZip)])
