"""The first frame (issue 13): a page's figures as plain HTML inside the page Streamlit serves.

On a phone on the venue's 3G, Streamlit's 1.2 MB of JavaScript takes seconds to arrive and more to
draw a page of widgets; the figures themselves are a few hundred bytes. serve.py asks this module
for the figures of the page a browser opens and puts them in the HTML document, so they show as
soon as it arrives. The Streamlit page covers the same place once it has drawn its own figures
(CSS below: the frame hides itself when the app shows a metric or a message, and after 60 s
whatever happens); static/foro-edad.js then removes it, so a later page switch cannot uncover it.

Only pages of aggregates a public viewer may open get a frame, always with the public role's
figures: the document is served before anyone has said who they are.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import datetime

from foro_data import access, metrics
from foro_data.config import ConfigError

from . import components as c
from . import data
from .frame import Ctx, age_text
from .gate import kiosk_on
from .i18n import normalise_lang, t
from .room_picker import SALA, rooms_named

FRAME_ID = "foro-previa"
PAGES: frozenset[str] = frozenset({"en_vivo", "salas"})
ROLE = "publico"

CSS = """
<style>
#foro-previa { position: fixed; inset: 0; z-index: 1000; overflow: auto; box-sizing: border-box;
  padding: 1.25rem 1rem; background: #0e1117; color: #f2f4f8; line-height: 1.4;
  font-family: "Source Sans", "Source Sans Pro", system-ui, -apple-system, "Segoe UI", sans-serif;
  animation: foro-previa-fin 0s linear 60s forwards; }
@keyframes foro-previa-fin { to { visibility: hidden; } }
body:has(.stApp [data-testid="stMetricValue"], .stApp .foro-cifra-valor, .stApp [data-testid="stAlert"]) #foro-previa { display: none; }
#foro-previa > * { max-width: 1200px; margin: 0 auto 1rem auto; }
.foro-previa-demo { color: #e0c3fc; font-weight: 700; }
.foro-previa-edad { color: rgba(242, 244, 248, 0.65); font-size: 0.875rem; }
.foro-previa-edad.foro-previa-vieja { color: #1b1300; background: #ffb74d; font-weight: 700; padding: 0.35em 0.6em;
  border-radius: 0.4rem; }
.foro-previa-cargando { color: rgba(242, 244, 248, 0.65); font-size: 0.875rem; }
/* The wall (?kiosk=1) is read from across the room. */
#foro-previa.foro-previa-kiosk > * { zoom: 1.5; }
</style>
"""


def page_for(path: str, base: str = "") -> str | None:
    """The page a URL path opens, when it is one that gets a frame (None otherwise).

    >>> page_for("/"), page_for("/salas"), page_for("/foro/", "foro"), page_for("/personas")
    ('en_vivo', 'salas', 'en_vivo', None)
    """
    last = path.strip("/").rsplit("/", 1)[-1]
    page = access.PAGE_REGISTRY[0] if last in ("", base.strip("/")) else None
    page = page or next((p for p in access.PAGE_REGISTRY if p.url_path == last), None)
    if page is None or page.id not in PAGES or not access.may_open(ROLE, page.id):
        return None
    return page.id


def frame(page_id: str, params: Mapping[str, str], now: datetime | None = None) -> str:
    """The frame's HTML for ``page_id`` with the URL's ``lang``, ``kiosk`` and ``sala``; empty
    before the first good read. Our text and escaped Sheet text only."""
    try:
        cfg = data.config()
    except ConfigError:  # the page itself says what is wrong with the configuration
        return ""
    snap = data.snapshot(cfg)
    if snap is None:
        return ""
    lang = normalise_lang(params.get("lang", ""))
    kiosk = kiosk_on(params.get("kiosk", ""))
    ctx = Ctx(cfg, snap, data.as_of_now(cfg, snap, False), lang, ROLE, kiosk)
    body = ctx.calc(_body, ctx, page_id, params.get(SALA, ""))
    wall = ' class="foro-previa-kiosk"' if kiosk else ""
    stale = " foro-previa-vieja" if snap.fuente.estado == "desactualizado" else ""
    demo = (
        f'<div class="foro-previa-demo">{html.escape(t("banner.demo", lang))}</div>'
        if snap.fuente.tipo == "demo"
        else ""
    )
    return (
        f'{CSS}{c.ROOM_CSS}{c.HEADLINE_CSS}<div id="{FRAME_ID}"{wall} role="status">{demo}'
        f'<div class="foro-previa-edad{stale}">{html.escape(age_text(ctx, now or data.real_now()))}</div>'
        f'{body}<div class="foro-previa-cargando">{html.escape(t("previa.cargando", lang))}</div></div>'
    )


def _body(ctx: Ctx, page_id: str, sala: str) -> str:
    """The figures: En vivo's headline and rooms; Salas' rooms (one, with ``?sala=``)."""
    salas = ctx.calc(metrics.ocupacion_salas, ctx.snap, ctx.as_of)
    rooms = ""
    if salas:
        # The heading counts every room, as the pages' do; ``?sala=`` pins the cards to one.
        pinned = rooms_named(salas, sala) if page_id == "salas" and sala else []
        # The Salas phone keeps the Sheet's order (as its page does); walls put full rooms first.
        urgent = ctx.kiosk or page_id == "en_vivo"
        rooms = c.rooms_heading_html(ctx, salas) + c.strip_html(ctx, pinned or salas, 3, urgent_first=urgent)
    if page_id == "en_vivo":
        return c.headline_html(ctx, ctx.calc(metrics.cifras, ctx.snap, ctx.as_of)) + rooms
    return rooms


def inject(document: bytes, frame_html: str) -> bytes:
    """The HTML document with the frame first in its body (unchanged when there is none)."""
    if not frame_html:
        return document
    return document.replace(b"<body>", b"<body>" + frame_html.encode("utf-8"), 1)
