"""The pulse (ui/pulse.py): a long poll answered after each read, at once when behind, with the
data token the page draws with; its reads stay one per interval. Real LiveFeed, real event loop,
real HTTP through uvicorn (the server Streamlit's own Starlette app runs on)."""

from __future__ import annotations

import asyncio
import threading
import time

import requests
import uvicorn
from starlette.applications import Starlette

from foro_data.catalogue.fuente import FuenteSentence as F
from foro_data.errors import Said
from foro_data.live import MAX_BACKOFF_S, LiveFeed
from foro_data.sources.base import RawWorkbook, SourceError
from tests.sheets_fixtures import forum_tabs
from tests.test_live import FakeClock, ScriptedSource, wait_until
from ui import pulse


def _feed(interval_s: float = 0.3, clock: FakeClock | None = None) -> tuple[LiveFeed, ScriptedSource]:
    source = ScriptedSource()
    feed = LiveFeed(source, interval_s, fresh_wait_s=5.0, **({"clock": clock} if clock else {}))
    feed.wait_read(5)
    return feed, source


def _next_read(feed: LiveFeed, clock: FakeClock) -> None:
    clock.advance(feed.interval_s + 1)
    feed.wait_read(5)


def test_a_browser_behind_hears_at_once_and_a_current_one_waits_for_the_next_read() -> None:
    clock = FakeClock()  # no read is due unless the test says so
    feed, _ = _feed(interval_s=60, clock=clock)
    p = pulse.Pulse(feed)

    async def scenario() -> tuple[pulse.Beat | None, pulse.Beat | None, float]:
        first = await p.next_beat("")  # a fresh page: answered at once
        assert first is not None
        t0 = time.monotonic()
        # Current: waits; a read finishing in another thread wakes it.
        threading.Timer(0.3, lambda: _next_read(feed, clock)).start()
        second = await p.next_beat(first.pulso, wait_s=10)
        return first, second, time.monotonic() - t0

    first, second, waited = asyncio.run(scenario())
    assert first is not None and second is not None
    assert 0.25 <= waited < 5, waited  # woken by the read, not by the timeout
    assert second.pulso != first.pulso  # a new read: the browser restarts its age from it
    assert second.datos == first.datos  # the same workbook: no redraw asked
    assert second.edad < 5


def test_the_data_token_moves_with_the_data_and_the_state_of_the_source() -> None:
    clock = FakeClock()
    feed, source = _feed(interval_s=60, clock=clock)
    before = feed.shown
    assert before is not None
    token = pulse.data_token(before)
    source.fail(SourceError("red", Said.of(F.INESPERADO)))
    _next_read(feed, clock)
    failing = feed.shown
    assert failing is not None and failing.fuente.estado == "desactualizado"
    assert pulse.data_token(failing) != token  # the stale banner must appear at once
    tabs = forum_tabs()
    tabs["Inscripciones"] = tabs["Inscripciones"] + [["Nueva", "Persona", "nueva@ejemplo.org"]]
    source.outcome = lambda: RawWorkbook(tabs=tabs)
    clock.advance(MAX_BACKOFF_S)
    feed.wait_read(5)
    changed = feed.shown
    assert changed is not None and changed.fuente.estado != "desactualizado"
    assert pulse.data_token(changed) not in (token, pulse.data_token(failing))


def test_listening_keeps_one_read_per_interval_and_stops_when_nobody_listens(monkeypatch) -> None:
    monkeypatch.setattr(pulse, "LISTENING_S", 1.0)
    feed, source = _feed(interval_s=0.3)
    p = pulse.Pulse(feed)
    calls0 = source.calls

    async def listen_for(seconds: float) -> int:
        end, beats, since = time.monotonic() + seconds, 0, ""
        while time.monotonic() < end:
            beat = await p.next_beat(since, wait_s=1)
            assert beat is not None
            beats += beat.pulso != since
            since = beat.pulso
        return beats

    beats = asyncio.run(listen_for(2.0))
    reads = source.calls - calls0
    assert 4 <= reads <= 8, reads  # 2 s at one read per 0.3 s, however often the browser asks
    assert beats >= 4
    wait_until(lambda: p._pump is None, "the pump stops once nobody listens", timeout=5)
    quiet = source.calls
    time.sleep(1.0)
    assert source.calls == quiet


def test_the_route_answers_json_and_a_stranger_gets_404() -> None:
    feed, _ = _feed(interval_s=60)
    url = pulse.listen("prueba-ruta", feed, lambda: "2025-06-19T10:42")
    server = uvicorn.Server(
        uvicorn.Config(Starlette(routes=[pulse.route()]), host="127.0.0.1", port=0, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_until(lambda: server.started, "the server listens")
        port = server.servers[0].sockets[0].getsockname()[1]
        got = requests.get(f"http://127.0.0.1:{port}{url}&desde=", timeout=10)
        assert got.status_code == 200 and got.headers["cache-control"] == "no-store"
        body = got.json()
        assert set(body) == {"pulso", "datos", "minuto", "edad", "espera"}
        assert body["datos"] == pulse.data_token(feed.shown) and body["minuto"] == "2025-06-19T10:42"
        assert requests.get(f"http://127.0.0.1:{port}{pulse.PATH}?f=otra&desde=", timeout=10).status_code == 404
    finally:
        server.should_exit = True
        thread.join(10)
    assert pulse.served()


def test_a_process_asked_for_a_feed_it_has_not_drawn_adopts_the_configured_one() -> None:
    """A replica back from a crash: its first pulse request comes from a page drawn elsewhere."""
    feed, _ = _feed(interval_s=60)
    adopted: list[str] = []

    def adopt() -> None:
        adopted.append(threading.current_thread().name)
        pulse.listen("prueba-adopcion", feed, lambda: "2025-06-19T10:42")

    server = uvicorn.Server(
        uvicorn.Config(Starlette(routes=[pulse.route(adopt=adopt)]), host="127.0.0.1", port=0, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_until(lambda: server.started, "the server listens")
        base = f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}{pulse.PATH}"
        got = requests.get(f"{base}?f={pulse.feed_id('prueba-adopcion')}&desde=", timeout=10)
        assert got.status_code == 200 and got.json()["datos"] == pulse.data_token(feed.shown)
        assert len(adopted) == 1 and adopted[0] != thread.name  # off the event loop: it reads a file
        # A feed that is not the configured one stays unknown.
        assert requests.get(f"{base}?f=otra&desde=", timeout=10).status_code == 404
        assert len(adopted) == 2
    finally:
        server.should_exit = True
        thread.join(10)
        pulse.route()


def test_screens_hearing_news_get_places_in_line_and_the_minute_is_news() -> None:
    clock = FakeClock()
    feed, source = _feed(interval_s=60, clock=clock)
    minute = ["10:42"]
    p = pulse.Pulse(feed, lambda: minute[0], clock=clock, cost_s=lambda: 0.02)
    first = p.beat()
    assert first is not None

    async def three_screens_then_a_new_minute() -> list[pulse.Beat | None]:
        waiting = [asyncio.create_task(p.next_beat(first.pulso, wait_s=10)) for _ in range(3)]
        await asyncio.sleep(0.1)
        tabs = forum_tabs()
        tabs["Inscripciones"] = tabs["Inscripciones"] + [["Otra", "Persona", "otra@ejemplo.org"]]
        source.outcome = lambda: RawWorkbook(tabs=tabs)
        await asyncio.to_thread(_next_read, feed, clock)
        beats = list(await asyncio.gather(*waiting))
        # A screen that already has its place hears the next read with nothing to wait for.
        again = await p.next_beat(beats[0].pulso if beats[0] else "", wait_s=0.1)
        minute[0] = "10:43"
        await asyncio.to_thread(_next_read, feed, clock)
        turned = await p.next_beat(again.pulso if again else "", wait_s=0.1)
        return [*beats, again, turned]

    *beats, again, turned = asyncio.run(three_screens_then_a_new_minute())
    assert all(b is not None and b.datos != first.datos for b in beats)
    waits = sorted(round(b.espera, 6) for b in beats if b)
    assert waits == [0.0, 0.02, 0.04], waits  # one redraw's cost apart, the first at once
    assert again is not None and again.espera == 0.0 and again.news == beats[0].news  # type: ignore[union-attr]
    assert turned is not None and turned.minuto == "10:43" and turned.datos == again.datos
    assert turned.news != again.news  # screens of a moving time redraw for the new minute


def _serve(app_routes: list) -> tuple[uvicorn.Server, threading.Thread, str]:
    server = uvicorn.Server(uvicorn.Config(Starlette(routes=app_routes), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_until(lambda: server.started, "the server listens")
    return server, thread, f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"


def test_a_carried_screen_travels_in_the_answer_built_once_per_view_and_beat() -> None:
    clock = FakeClock()
    feed, source = _feed(interval_s=60, clock=clock)
    url = pulse.listen("prueba-llevada", feed, lambda: "2025-06-19T10:42")
    built: list[tuple[str | None, str]] = []

    def render(snap, minuto: str) -> pulse.Carried:
        built.append((snap.version, minuto))
        return pulse.Carried(f'<div class="foro-pantalla">{snap.version}</div>', f"<div>{minuto}</div>")

    vista = pulse.offer(("en_vivo", "publico", "es", True), render)
    server, thread, base = _serve([pulse.route()])
    try:
        first = requests.get(f"{base}{url}&desde=", timeout=10).json()
        news, last = f"{first['datos']}~{first['minuto']}", [first["pulso"]]

        def ask(read: bool = True, **q: str) -> dict:
            query = "&".join(f"{k}={v}" for k, v in {"desde": last[0], "estado": "ok", **q}.items())
            if read:  # what follows the last answer: answered at the next read
                threading.Timer(0.3, lambda: _next_read(feed, clock)).start()
            else:  # a browser that has not heard the last read yet: answered at once
                query = query.replace(f"desde={last[0]}", f"desde={first['pulso']}")
            body = requests.get(f"{base}{url}&{query}", timeout=10).json()
            last[0] = body["pulso"]
            return body

        # Current screen: nothing to carry.
        assert "pantalla" not in ask(vista=vista, tengo=news)
        # The Sheet changes: screens behind get the new screen and status line, with no place in line.
        tabs = forum_tabs()
        tabs["Inscripciones"] = tabs["Inscripciones"] + [["Nueva", "Persona", "nueva@ejemplo.org"]]
        source.outcome = lambda: RawWorkbook(tabs=tabs)
        got = [ask(vista=vista, tengo=news)] + [ask(False, vista=vista, tengo=news) for _ in range(2)]
        snap = feed.shown
        assert snap is not None and snap.version is not None
        for body in got:
            assert body["pantalla"] == f'<div class="foro-pantalla">{snap.version}</div>'
            assert body["estado"] == "<div>2025-06-19T10:42</div>" and body["espera"] == 0
            assert body["datos"] == pulse.data_token(snap)
        assert built == [(snap.version, "2025-06-19T10:42")]  # once for every screen of the view
        # Not carried: a view this process never offered, or a screen showing a banner; these redraw.
        assert "pantalla" not in ask(False, vista="desconocida", tengo=news)
        assert "pantalla" not in ask(False, vista=vista, tengo=news, estado="desactualizado")
        # A failing source: its screens must show the banner, which only a redraw draws.
        source.fail(SourceError("red", Said.of(F.INESPERADO)))
        failing = ask(vista=vista, tengo=news)
        assert "pantalla" not in failing and failing["datos"] != pulse.data_token(snap)
    finally:
        server.should_exit = True
        thread.join(10)


def test_view_names_are_per_view_and_unguessable() -> None:
    render = lambda snap, minuto: pulse.Carried("", "")  # noqa: E731
    public = pulse.offer(("en_vivo", "publico", "es", True), render)
    assert public == pulse.offer(("en_vivo", "publico", "es", True), render)  # stable in a process
    others = {pulse.offer(("en_vivo", role, "es", True), render) for role in ("organizacion", "socios")}
    assert public not in others and len(others) == 2
    # Keyed with this process's secret: not a plain hash of the view.
    import hashlib

    assert public != hashlib.blake2b(repr(("en_vivo", "publico", "es", True)).encode()).hexdigest()[:32]
    assert len(public) == 32 and int(public, 16) >= 0


def test_a_screen_that_fails_to_draw_is_not_carried(caplog) -> None:
    """A bug in a carried screen must not stop the pulse: the browser redraws, and the page shows
    its own error message."""
    feed, _ = _feed(interval_s=60, clock=FakeClock())
    p = pulse.Pulse(feed, lambda: "2025-06-19T10:42")

    def broken(snap, minuto: str) -> pulse.Carried:
        raise RuntimeError("roto")

    beat = p.beat()
    assert beat is not None
    assert p.carried(pulse.offer(("roto",), broken), beat) is None
    assert "carried screen not drawn" in caplog.text
