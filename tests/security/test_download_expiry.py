"""Issue 18 (Low): an organiser's download with personal data (Personas: names, e-mails) is a
file the server keeps under ``/media/<id>.csv``. Streamlit kept it after the session ended (until
the disconnected session aged out of its store, lazily, then two sweeps), so the URL — in a
browser's history, a proxy's log — still returned the people. Now the file goes when the session
does. Replayed on loopback: a real websocket session renders Personas, the URL answers while it is
open, and stops answering once the session has closed."""

from __future__ import annotations

import asyncio
import re
import time
import urllib.error
import urllib.request

import pytest

from tests.fake_sheets import FakeSheetsServer
from tests.reliability.conftest import PASSCODES, forum_book, streamlit_app
from tests.security import wsclient

MEDIA = re.compile(rb"/media/[0-9a-f]{20,}\.(?:csv|xlsx)")
GONE_WITHIN_S = 30  # a bound for the wait, not a timing claim: the sweep runs every few seconds


@pytest.fixture(scope="module")
def app():
    with FakeSheetsServer() as fake:
        fake.add(forum_book())
        with streamlit_app(fake, passcodes=PASSCODES) as running:
            yield running


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            r.read()
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


async def _open_session_and_fetch(base: str) -> tuple[list[str], list[int]]:
    query = "clave=" + PASSCODES["organizacion"]
    async with wsclient.websockets.connect(
        wsclient.ws_url(base), subprotocols=["streamlit"], max_size=None, open_timeout=60
    ) as ws:
        await ws.send(wsclient.rerun(query, "personas"))
        blob = await wsclient._collect(ws, 60)
        urls = sorted({base + m.decode() for m in MEDIA.findall(blob)})
        codes = [await asyncio.to_thread(status, u) for u in urls]
    return urls, codes


def test_personal_data_downloads_stop_answering_when_the_session_ends(app) -> None:
    urls, codes = asyncio.run(_open_session_and_fetch(app.url))
    assert urls, "Personas offered its CSV/XLSX downloads as /media/ files"
    assert codes == [200] * len(urls)  # the organiser's own session downloads them
    deadline = time.monotonic() + GONE_WITHIN_S
    left = urls
    while left and time.monotonic() < deadline:
        time.sleep(1)
        left = [u for u in left if status(u) == 200]
    assert not left, f"still served after the session closed: {left}"
