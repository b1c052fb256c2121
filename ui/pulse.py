"""The pulse (issue 14): one long-poll URL that tells every open screen, at once and for almost
nothing, that the data it shows has changed, and how old that data is.

Before, each screen ran a watcher fragment every poll interval: a Streamlit script run, about 5 ms
of the process per viewer and interval (400 viewers at 5 s: 40 % of a core), and a change reached a
screen up to one interval after the read that found it. Here the browser (static/foro-edad.js)
keeps one HTTP request open at ``PATH``. The server answers it after every read of the source (one
per interval for the whole process) or at once when the browser is behind; the browser clicks the
hidden redraw button only when the data token it gets, or the minute live figures are for,
differs from the one its screen was drawn with, and otherwise restarts its age count from the
true age it was sent. The turn of the minute is noticed at the first read after it.

A screen that is one HTML block of ours (En vivo) travels in the answer itself: a browser whose
screen is behind swaps the new block in, and the server runs no script for it (``offer``,
``Pulse.carried``). A redraw run costs 5–9 ms of one core, most of it Streamlit's own per-run work,
so 1,000 screens at 15 s were a line of 8–10 s after each read; carried, they are one build per
view plus one HTTP answer each.

Reads are still driven by viewers, as before: one thread per feed calls ``LiveFeed.current()`` when
a read is due, as long as some screen asked within ``LISTENING_S``. serve.py mounts the route
(``route()``); a server started without it (``streamlit run dashboard.py``) keeps the watcher
fragment (``served()`` is False).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import secrets
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from foro_data.live import LiveFeed
from foro_data.snapshot import Snapshot

from . import shared

log = logging.getLogger("foro.pulse")

PATH = "/_foro/pulso"
WAIT_S = 25.0  # an unchanged screen still hears within this long (proxies drop silent requests at 60 s)
LISTENING_S = 60.0  # reads go on while some screen asked within this long
MIN_SLEEP_S = 0.2

_served = False
_lock = threading.Lock()
_pulses: dict[str, Pulse] = {}
_adopt: Callable[[], object] | None = None
HEALTHY = "ok"  # the only source state whose screens are carried (the others have a banner to show)
_SECRET = secrets.token_bytes(16)  # view names stand for a role: nobody may guess them


def served() -> bool:
    """True once serve.py mounted the route: pages then need no watcher fragment."""
    return _served


def data_token(snap: Snapshot) -> str:
    """What a screen's figures and banners depend on in the data: its version and the source's
    state (a failing Sheet must show its banner at once, although the figures stay the same)."""
    f = snap.fuente
    key = (snap.version or f"id{id(snap)}", f.estado, f.motivo)
    return hashlib.blake2b(repr(key).encode("utf-8"), digest_size=8).hexdigest()


@dataclass(frozen=True)
class Carried:
    """A screen as the pulse carries it: its HTML block and its status line (ui.frame.status_line)."""

    pantalla: str
    estado: str


# How a view's screen is drawn for a snapshot and a minute (ui.frame makes it; ``offer``).
Render = Callable[[Snapshot, str], Carried]
_renders: dict[str, Render] = {}


def offer(view: Hashable, render: Render) -> str:
    """Let the pulse carry the screens of ``view`` (page, role, language, …), drawn by ``render``;
    returns the view's name, which the browser sends back. The name is keyed with a secret of this
    process: only a page drawn for that role learns it (another replica does not know it, and its
    browsers redraw as before)."""
    name = hmac.new(_SECRET, repr(view).encode("utf-8"), hashlib.blake2b).hexdigest()[:32]
    with _lock:
        _renders[name] = render
    return name


@dataclass(frozen=True)
class Beat:
    """One answer: ``pulso`` names this read (the browser sends it back to wait for the next),
    ``datos`` the data it carries, ``minuto`` the minute live figures are for (a screen of a
    moving time redraws when it turns), ``edad`` the data's age in seconds when sent, and
    ``espera`` how long the browser waits before asking for its redraw (``Pulse.next_beat``)."""

    pulso: str
    datos: str
    minuto: str
    edad: float
    espera: float = 0.0

    @property
    def news(self) -> str:
        """What a screen must redraw for: the part of ``pulso`` before the read's time."""
        return self.pulso.rpartition("~")[0]

    def json(self, members: bytes = b"") -> bytes:
        """The answer's JSON; ``members`` (``Pulse.carried``) are appended as they are."""
        body = json.dumps(
            {
                "pulso": self.pulso,
                "datos": self.datos,
                "minuto": self.minuto,
                "edad": round(self.edad, 2),
                "espera": round(self.espera, 3),
            }
        ).encode()
        return body[:-1] + b"," + members + b"}" if members else body


class Pulse:
    """One per feed: wakes every waiting request after each read, keeps reads going while listened to."""

    def __init__(
        self,
        feed: LiveFeed,
        minute: Callable[[], str] = lambda: "",
        clock: Callable[[], float] = time.monotonic,
        cost_s: Callable[[], float] = shared.DRAW_COST.per_screen_s,
    ) -> None:
        self.feed = feed
        self._minute = minute
        self._clock = clock
        self._cost_s = cost_s
        self._lock = threading.Lock()
        self._waiting: dict[asyncio.AbstractEventLoop, asyncio.Future[None]] = {}
        self._line_ends = float("-inf")  # when the last screen given a place in line will have been drawn
        self._asked = float("-inf")
        self._carried: dict[tuple[str, str], bytes] = {}  # (view, news) -> the answer's members carrying it
        self._building = threading.Lock()  # one carried screen built at a time: the others find it done
        self._pump: threading.Thread | None = None
        feed.on_read(self._wake)

    def beat(self, now: datetime | None = None) -> Beat | None:
        snap = self.feed.shown
        if snap is None:
            return None
        leido = snap.fuente.leido_en
        now = now or datetime.now(timezone.utc)
        datos, minuto = data_token(snap), self._minute()
        return Beat(f"{datos}~{minuto}~{leido.timestamp():.3f}", datos, minuto, max(0.0, (now - leido).total_seconds()))

    async def next_beat(self, since: str, wait_s: float = WAIT_S, line: bool = True) -> Beat | None:
        """The current beat if it differs from ``since``, else the next one (or the same after ``wait_s``).

        When a read brings new data, every waiting screen hears at once but is given a place in
        line (``espera``), one redraw's cost after the other: hundreds of redraw runs requested
        in the same instant each start a thread on the server and share one GIL, and all finish
        only when the last does (bench/load.py measured 11 s of nothing for 400 screens). In
        line, the first screens are drawn at once and the last no later. A browser gets its
        place the first time it hears of a data token; later answers for it wait for nothing.
        ``line=False``: no place yet (a carried screen needs none; ``in_line`` gives it one if not)."""
        self._listened()
        beat = self.beat()
        if beat is not None and beat.pulso != since:
            return beat
        loop = asyncio.get_running_loop()
        with self._lock:
            waiter = self._waiting.get(loop)
            if waiter is None or waiter.done():
                waiter = self._waiting[loop] = loop.create_future()
        try:
            await asyncio.wait_for(asyncio.shield(waiter), wait_s)
        except TimeoutError:
            pass
        beat = self.beat()
        if beat is None or not line:
            return beat
        return self.in_line(beat, since)

    def in_line(self, beat: Beat, since: str) -> Beat:
        """``beat`` with a place in the redraw line, if it is news to a browser that last heard ``since``."""
        if beat.news == since.rpartition("~")[0]:
            return beat  # nothing new for this browser (or it already has its place in line)
        with self._lock:
            now = self._clock()
            slot = max(now, self._line_ends)
            self._line_ends = slot + self._cost_s()
        return replace(beat, espera=slot - now)

    def ready(self, vista: str, beat: Beat) -> bytes | None:
        """``carried``'s answer if it is already built: never waits for a build (event loop)."""
        with self._lock:
            return self._carried.get((vista, beat.news))

    def carried(self, vista: str, beat: Beat) -> bytes | None:
        """The answer's members carrying view ``vista``'s screen for ``beat`` (``Beat.json``), built
        once per view and beat for all its browsers; None when this process does not carry that view,
        or the source is failing (the page has a banner to show: a redraw), or the data moved since
        ``beat``. Blocking: call it off the event loop (``ready`` first)."""
        key = (vista, beat.news)
        if (done := self.ready(vista, beat)) is not None:
            return done
        with _lock:
            render = _renders.get(vista)
        snap = self.feed.shown
        if render is None or snap is None or snap.fuente.estado != HEALTHY or data_token(snap) != beat.datos:
            return None
        with self._building:
            if (done := self.ready(vista, beat)) is not None:
                return done  # built while this one waited
            try:
                screen = render(snap, beat.minuto)
            except Exception:  # noqa: BLE001 - a redraw then shows the page's own error message
                log.exception("carried screen not drawn")
                return None
            members = json.dumps({"pantalla": screen.pantalla, "estado": screen.estado})[1:-1].encode()
            with self._lock:
                # Older news is no longer asked for: keep this beat's screens only.
                self._carried = {k: v for k, v in self._carried.items() if k[1] == beat.news}
                self._carried[key] = members
        return members

    def _wake(self) -> None:
        # From the read thread: one call per event loop wakes all of its requests together.
        with self._lock:
            waiting, self._waiting = self._waiting, {}
        for loop, fut in waiting.items():
            try:
                loop.call_soon_threadsafe(_resolve, fut)
            except RuntimeError:  # that loop is closed (server shutting down)
                pass

    def _listened(self) -> None:
        with self._lock:
            self._asked = self._clock()
            if self._pump is None or not self._pump.is_alive():
                self._pump = threading.Thread(target=self._keep_reading, name="foro-pulso", daemon=True)
                self._pump.start()

    def _keep_reading(self) -> None:
        while True:
            with self._lock:
                if self._clock() - self._asked > LISTENING_S:
                    self._pump = None
                    return
            self.feed.current()  # starts a read when one is due: still one per interval per process
            time.sleep(max(MIN_SLEEP_S, self.feed.health.next_attempt_in_s + 0.05))


def _resolve(fut: asyncio.Future[None]) -> None:
    if not fut.done():
        fut.set_result(None)


def feed_id(cache_key: str) -> str:
    return hashlib.blake2b(cache_key.encode("utf-8"), digest_size=6).hexdigest()


def listen(cache_key: str, feed: LiveFeed, minute: Callable[[], str]) -> str:
    """The URL (path and query) a screen of ``feed`` polls; the feed's pulse is made once.
    ``minute()`` names the minute live figures are for now (ui.data.live_minute)."""
    fid = feed_id(cache_key)
    with _lock:
        if fid not in _pulses:
            _pulses[fid] = Pulse(feed, minute)
    return f"{PATH}?f={fid}"


async def _endpoint(request: Request) -> Response:
    fid = request.query_params.get("f", "")
    pulse = _pulses.get(fid)
    if pulse is None and _adopt is not None:
        # Behind a proxy, a replica back from a crash gets the pulses of pages whose websocket moved
        # to another replica while it was down (the affinity cookie points here again): it has drawn
        # no page of the feed, so it makes the configured source's pulse itself. The data token is
        # the data's fingerprint, the same on every replica.
        await asyncio.to_thread(_adopt)
        pulse = _pulses.get(fid)
    q = request.query_params
    since = q.get("desde", "")[:64]
    # A carried screen (``offer``) says which view it is, what it shows and in which source state.
    vista, tengo = q.get("vista", "")[:64], q.get("tengo", "")[:64]
    may_carry = bool(vista) and q.get("estado") == HEALTHY
    beat = await pulse.next_beat(since, line=not may_carry) if pulse else None
    if pulse is None or beat is None:  # no such feed (not the configured source) or no data yet
        return Response(b"{}", status_code=404, media_type="application/json", headers={"Cache-Control": "no-store"})
    members: bytes | None = None
    if may_carry and beat.news != tengo:
        # Built once per view and read; every other browser's answer is a lookup, no thread.
        members = pulse.ready(vista, beat) or await asyncio.to_thread(pulse.carried, vista, beat)
        if not members:  # not carried after all: a redraw, in line
            beat = pulse.in_line(beat, since)
    return Response(beat.json(members or b""), media_type="application/json", headers={"Cache-Control": "no-store"})


def route(adopt: Callable[[], object] | None = None) -> Route:
    """The long-poll route for ``st.App(routes=...)``; mounting it turns the watcher fragments off.
    ``adopt()`` makes the pulse of the configured source (``listen``) when a screen asks for a feed
    this process has not drawn yet (ui.data.listen_configured)."""
    global _served, _adopt
    _served, _adopt = True, adopt
    return Route(PATH, _endpoint, methods=["GET"])
