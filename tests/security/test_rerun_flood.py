"""Finding 2 (issue 18): a few sessions asking for reruns five times a second must not starve
everyone else. Before the fix, 5 flooding sessions delayed a new viewer's first figure to 85 s
and 20 stopped it (the review). Now each session and each client address gets a bounded number of
runs per second (foro_data.pacing); the rest of the server keeps its CPU.

Real server on loopback, raw websocket sessions (tests/security/wsclient.py)."""

from __future__ import annotations

import asyncio
import time

import pytest

from tests.reliability.conftest import forum_book, streamlit_app
from tests.security import wsclient

FLOODERS = 10
PER_SECOND = 5
# Generous: without a flood the first figure takes 1–4 s here; during the review's flood it never
# came within 60 s. The bound tells the two apart on a busy shared machine.
FIRST_FIGURE_BOUND_S = 30.0


@pytest.fixture(scope="module")
def app():
    from tests.fake_sheets import FakeSheetsServer

    with FakeSheetsServer() as fake:
        fake.add(forum_book(200))
        with streamlit_app(fake) as running:
            yield running


async def _flood(url: str, stop: asyncio.Event) -> int:
    """One session sending full reruns of the big screen PER_SECOND times a second; the runs it
    got finished."""
    finished = 0
    async with wsclient.websockets.connect(
        wsclient.ws_url(url), subprotocols=["streamlit"], max_size=None, open_timeout=60
    ) as ws:

        async def read() -> None:
            nonlocal finished
            async for raw in ws:
                if isinstance(raw, bytes):
                    fm = wsclient.ForwardMsg()
                    fm.ParseFromString(raw)
                    if fm.WhichOneof("type") == "script_finished" and fm.script_finished != wsclient.EARLY_FOR_RERUN:
                        finished += 1

        reader = asyncio.create_task(read())
        while not stop.is_set():
            await ws.send(wsclient.rerun("kiosk=1"))
            await asyncio.sleep(1 / PER_SECOND)
        reader.cancel()
    return finished


async def _new_viewer_during_flood(url: str) -> tuple[float, bytes, list[int]]:
    stop = asyncio.Event()
    flooders = [asyncio.create_task(_flood(url, stop)) for _ in range(FLOODERS)]
    await asyncio.sleep(8)  # the flood is on
    t0 = time.monotonic()
    try:
        blob = await wsclient.page(url, "kiosk=1", timeout_s=90)
    finally:
        took = time.monotonic() - t0
        stop.set()
    runs = await asyncio.gather(*flooders)
    return took, blob, runs


def test_a_new_viewer_gets_figures_while_sessions_flood(app) -> None:
    assert b"Inscriptos" in wsclient.page_bytes(app.url, "kiosk=1")  # warm: imports and the first read
    took, blob, runs = asyncio.run(_new_viewer_during_flood(app.url))
    assert b"Inscriptos" in blob, f"no figure for the new viewer ({took:.0f} s)"
    assert took <= FIRST_FIGURE_BOUND_S, f"the new viewer's first figure took {took:.0f} s during the flood"
    assert app.log_text().count("Traceback") == 0
