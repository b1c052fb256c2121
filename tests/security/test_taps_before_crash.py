"""Issue 18 (Low): taps made just before the server dies. Every tap the page has confirmed
(counted in the room's figure, named in "Incluye N toques aún no guardados") must already be in the
disk queue (the outbox, SQLite with synchronous=FULL) — a kill -9 right after the confirmation
loses none of them. Real chromium tapping on the app over the local fake Sheet, whose appends fail
(503) so the taps stay queued; then SIGKILL, then the outbox file is read."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
from urllib.parse import quote

import pytest

from tests.fake_sheets import FakeSheetsServer
from tests.reliability.conftest import PASSCODES, chromium_or_skip, forum_book, streamlit_app
from tools import screenshots as shots

SALA = "Plenario"
TAPS = 6


@pytest.fixture()
def app():
    chromium_or_skip()
    with FakeSheetsServer() as fake:
        fake.add(forum_book())
        with streamlit_app(fake, passcodes=PASSCODES) as running:
            yield running


def queued_tallies(cache_dir) -> int:
    files = sorted(cache_dir.glob("escrituras-*.sqlite3"))
    assert files, f"no outbox under {cache_dir}"
    with sqlite3.connect(files[0]) as db:
        return db.execute("SELECT COUNT(*) FROM filas WHERE pestana = 'Conteos'").fetchone()[0]


def test_confirmed_taps_are_on_disk_when_the_server_is_killed(app) -> None:
    with shots.browser() as b:
        ctx, page = shots._new_page(b, shots.PHONE)
        page.goto(f"{app.url}/salas?clave={quote(PASSCODES['coordinacion'])}&sala={SALA}&por=Ana")
        plus = page.locator(shots.venue_selector("mas", SALA, room=True) + " button")
        plus.wait_for(timeout=120_000)
        shots._wait_idle(page)
        app.fake.set_fault("503")  # from now nothing reaches the Sheet: the taps can only be in the outbox
        for _ in range(TAPS):
            plus.click(no_wait_after=True, timeout=10_000)
            page.wait_for_timeout(350)
        # The page's confirmation: the room names the taps it holds as not yet on the Sheet.
        page.wait_for_function(
            "n => /Incluye (\\d+) toques aún no guardados/.test(document.body.innerText)"
            " && +/Incluye (\\d+) toques/.exec(document.body.innerText)[1] >= n",
            arg=TAPS,
            timeout=60_000,
        )
        confirmed = int(re.search(r"Incluye (\d+) toques", page.inner_text("body")).group(1))  # type: ignore[union-attr]
        os.kill(app.process.pid, signal.SIGKILL)
        app.process.wait(timeout=10)
        ctx.close()
    on_disk = queued_tallies(app.log_path.parent / "cache")
    assert confirmed == TAPS and on_disk >= confirmed, (confirmed, on_disk)
