"""Three replicas behind nginx (deploy/nginx.conf), as compose.yaml runs them, on loopback (issue 15):
viewers without a browser get figures through the proxy and are spread over the replicas; a real
browser gets its websocket, a download and compressed JavaScript through it; a killed replica's
viewers get figures from another within 30 s; a tally queued on a killed replica reaches the
Sheet when it restarts, before any coordinator opens Salas; a quiet page stays connected."""

from __future__ import annotations

import asyncio
import json
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, Iterator

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: I001 - after wsclient's importorskip

from tests.reliability.conftest import add_person, chromium_or_skip, wait_until
from tests.security.wsclient import EARLY_FOR_RERUN, rerun, websockets, ws_url
from tests.topology.conftest import Topology
from tools import screenshots as shots
from ui.i18n import t

RECONNECT_S = 30  # the bound for a killed replica's viewers to show figures again


async def _figures(http_url: str, timeout_s: float = 60.0) -> int:
    """A fresh public session on the home page (En vivo): how many figures it got (metrics, or the
    cells of the headline block)."""
    async with websockets.connect(
        ws_url(http_url), subprotocols=["streamlit"], max_size=None, open_timeout=timeout_s
    ) as ws:
        await ws.send(rerun())
        loop = asyncio.get_running_loop()
        deadline, metrics = loop.time() + timeout_s, 0
        while loop.time() < deadline:
            raw = await asyncio.wait_for(ws.recv(), timeout=deadline - loop.time())
            if not isinstance(raw, bytes):
                continue
            fm = ForwardMsg.FromString(raw)
            kind = fm.WhichOneof("type")
            if kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                el = fm.delta.new_element
                metrics += el.WhichOneof("type") == "metric"
                metrics += el.html.body.count('class="foro-cifra"') if el.WhichOneof("type") == "html" else 0
            if kind == "script_finished" and fm.script_finished != EARLY_FOR_RERUN:
                break
        return metrics


def viewers(http_url: str, n: int) -> list[int]:
    """``n`` sessions at once; the figures each got. In a thread of its own: sync Playwright keeps
    an event loop running in the test's thread."""

    async def all_of_them() -> list[int]:
        return list(await asyncio.gather(*(_figures(http_url) for _ in range(n))))

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, all_of_them()).result()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium_or_skip()
    with shots.browser() as b:
        yield b


def _stream_upstreams(topo: Topology) -> list[str]:
    return [up for up, _, _, uri in topo.access_log() if uri.startswith("/_stcore/stream")]


def test_viewers_without_a_browser_get_figures_through_the_proxy_spread_over_the_replicas(topo: Topology) -> None:
    before = len(_stream_upstreams(topo))
    counts = viewers(topo.url, 12)
    assert all(n >= 3 for n in counts), counts  # inscriptos, acreditados, presentes at least
    # nginx writes a websocket's line when it closes.
    lines = wait_until(
        lambda: _stream_upstreams(topo)[before:] if len(_stream_upstreams(topo)) >= before + 12 else None,
        10,
        what="nginx's log lines for the 12 websockets",
    )
    assert len(set(lines)) >= 2, Counter(lines)  # no cookie: spread by request id, not piled on one replica


def _cookie(ctx: Any) -> str:
    return next(c["value"] for c in ctx.cookies() if c["name"] == "foro_afinidad")


def _replica_of(topo: Topology, cookie: str) -> str:
    ups = {up for up, c, status, _ in topo.access_log() if c == cookie and status != "502"}
    assert len(ups) == 1, ups  # session affinity: one browser, one replica
    return ups.pop()


def test_a_browser_through_the_proxy_has_its_websocket_a_download_and_compressed_javascript(
    topo: Topology, browser: Any
) -> None:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, locale="es-AR")
    page = ctx.new_page()
    sockets: list[str] = []
    scripts: list[tuple[str, str | None, int]] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    page.on(
        "response",
        lambda r: (
            scripts.append((r.url, r.headers.get("content-encoding"), int(r.headers.get("content-length") or 0)))
            if r.url.endswith(".js")
            else None
        ),
    )
    try:
        page.goto(f"{topo.url}/socios?clave={topo.claves['socios']}")
        page.wait_for_selector(shots.APP_FIGURE, timeout=60_000)
        shots._wait_idle(page)
        assert any(u.endswith("/_stcore/stream") and u.startswith(topo.url.replace("http", "ws")) for u in sockets), (
            sockets
        )
        with page.expect_download(timeout=60_000) as info:
            page.get_by_role("button", name=t("socios.descargar_tablas", "es")).click()
        path = info.value.path()
        assert path is not None and path.stat().st_size > 100
        # Streamlit does not compress its static files; the proxy does.
        js = [s for s in scripts if "/static/js/" in s[0]]
        assert sum(enc == "gzip" for _, enc, _ in js) >= len(js) // 2, js
        for url, enc, _ in js:  # what is not compressed is below nginx's gzip_min_length
            if enc != "gzip":
                with urllib.request.urlopen(url, timeout=10) as r:
                    assert len(r.read()) < 1024, url
        _replica_of(topo, _cookie(ctx))  # every request of this browser went to one replica
    finally:
        ctx.close()


def _conteos(topo: Topology) -> list[list[Any]]:
    sheet = topo.fake.book().sheet("Conteos")
    assert sheet is not None
    return [r for r in sheet.rows[1:] if any(v not in (None, "") for v in r)]


def test_a_tally_queued_on_a_killed_replica_is_sent_when_it_restarts_before_anyone_opens_salas(
    topo: Topology, browser: Any
) -> None:
    replica = topo.replicas[0]
    before = len(_conteos(topo))
    assert viewers(replica.url, 1)[0] >= 3  # this replica has read the Sheet once
    ctx, page = shots._new_page(browser, shots.PHONE)
    try:
        # The Sheet answers nothing for now: the tap stays in this replica's outbox.
        topo.fake.set_fault("503")
        page.goto(f"{replica.url}/salas?clave={topo.claves['coordinacion']}&sala=Plenario")
        page.wait_for_selector('.st-key-_registra_in input, [class*="st-key-foro-tally-"]', timeout=60_000)
        if page.query_selector(".st-key-_registra_in input"):
            page.fill(".st-key-_registra_in input", "Ana Gómez")
            page.click(".st-key-foro-empezar button")
        plus = shots.venue_selector("mas", "Plenario", room=True) + " button"
        page.wait_for_selector(plus, timeout=60_000)
        page.click(plus)
        page.wait_for_function("document.body.innerText.includes('aún no guardado')", timeout=30_000)
    finally:
        ctx.close()
    replica.kill()
    topo.fake.clear_fault()
    replica.start()
    replica.wait_healthy()
    assert len(_conteos(topo)) == before  # nothing has run on the new process yet
    # A public viewer of the home page — no coordinator, no Salas — is the first visitor.
    assert viewers(replica.url, 1)[0] >= 3
    rows = wait_until(lambda: _conteos(topo)[before:] or None, 60, what="the queued tally on the Sheet")
    assert len(rows) == 1 and 1 in rows[0] and "Ana Gómez" in rows[0], rows


def _first_metric(page: Any) -> str:
    return str(page.locator(shots.APP_FIGURE_VALUE).first.inner_text()).strip()


def _wait_first_metric(page: Any, n: int) -> None:
    """Until the page's first figure reads ``n`` (thousands separators aside), at most RECONNECT_S."""
    page.wait_for_function(
        "n => { const el = document.querySelector('[data-testid=\"stMetricValue\"], .stApp .foro-cifra-valor');"
        " return el && el.innerText.replace(/\\./g, '').trim() === String(n); }",
        arg=n,
        timeout=RECONNECT_S * 1000,
    )


@contextmanager
def _wall(topo: Topology, browser: Any, watch: Callable[[Any], None] | None = None) -> Iterator[tuple[Any, Any]]:
    """A browser showing En vivo in kiosk through the proxy, its first figures drawn; ``watch(page)``
    runs before it opens (to see its websocket from the start)."""
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="es-AR")
    page = ctx.new_page()
    if watch is not None:
        watch(page)
    try:
        page.goto(f"{topo.url}/?kiosk=1")
        page.wait_for_selector(shots.APP_FIGURE, timeout=60_000)
        shots._wait_idle(page)
        yield ctx, page
    finally:
        ctx.close()


def test_a_killed_replicas_viewers_show_figures_from_another_within_30_s(topo: Topology, browser: Any) -> None:
    try:
        with _wall(topo, browser) as (ctx, page):
            shown = int(_first_metric(page).replace(".", ""))
            victim = topo.replica_at(_replica_of(topo, _cookie(ctx)))
            victim.kill()
            add_person(topo.fake, 900)  # a figure only a live replica can show
            # The browser reconnects by itself; nginx routes its cookie around the dead replica.
            _wait_first_metric(page, shown + 1)
            # Viewers without a browser reconnect through the proxy and get figures too.
            assert all(n >= 3 for n in viewers(topo.url, 6))
    finally:
        for r in topo.replicas:
            if r.process is None or r.process.poll() is not None:
                r.start()
                r.wait_healthy()


def test_a_replica_back_from_a_crash_answers_the_pulse_of_a_page_drawn_on_another(topo: Topology, browser: Any) -> None:
    """After a failover the page's websocket stays on the replica that took it over while its
    cookie sends the pulse back to the restarted one, which has drawn no page (stop 24's CI failure:
    404 on every pulse, the screen never updated again)."""
    with _wall(topo, browser) as (ctx, page):
        state = json.loads(page.evaluate("window.__foroEdad.state()"))
        drawn_on = topo.replica_at(_replica_of(topo, _cookie(ctx)))
    other = next(r for r in topo.replicas if r is not drawn_on)
    other.kill()
    other.start()
    other.wait_healthy()
    heard: list[dict[str, Any]] = []

    def next_beat() -> bool:
        # As foro-edad.js polls: each request names the last beat heard (the first, none).
        since = urllib.parse.quote(heard[-1]["pulso"] if heard else "")
        with urllib.request.urlopen(f"{other.url}{state['poll']['url']}&desde={since}", timeout=60) as r:
            assert r.status == 200  # before the fix: 404, the page's feed unknown here
            heard.append(json.loads(r.read()))
        return heard[-1]["datos"] == state["seen"]["datos"]

    # The restarted replica first answers from its disk cache (older data, the previous tests added
    # people); after its first read of the Sheet it tells the data the page shows: the data's
    # fingerprint, the same on every replica.
    wait_until(next_beat, RECONNECT_S, interval_s=0, what="the page's data token from the restarted replica")


@pytest.mark.slow
def test_a_quiet_page_behind_the_proxy_stays_connected_for_3_minutes(topo: Topology, browser: Any) -> None:
    closed: list[str] = []
    watch = lambda page: page.on("websocket", lambda ws: ws.on("close", lambda w: closed.append(w.url)))  # noqa: E731
    with _wall(topo, browser, watch) as (ctx, page):
        page.wait_for_timeout(190_000)  # longer than nginx's default 60 s read timeout, three times
        assert closed == []
        shown = int(_first_metric(page).replace(".", ""))
        add_person(topo.fake, 901)
        try:
            _wait_first_metric(page, shown + 1)
        except Exception:  # noqa: BLE001 - a timeout: say what the browser and the proxy saw
            pulses = [line for line in topo.access_log() if line[1] == _cookie(ctx) and "/_foro/" in line[3]]
            status = page.locator(".foro-edad").first.inner_text()
            state = page.evaluate("window.__foroEdad && window.__foroEdad.state()")
            raise AssertionError(
                f"status line {status!r}; foro-edad.js {state}; this browser's last pulses {pulses[-8:]}"
            ) from None
        assert closed == []
