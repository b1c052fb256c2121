"""Finding 1 (issue 18): a client's ``clear_cache`` websocket message, which needs no passcode,
must not drop the shared Sheet reader (its one-read-per-interval guard) nor start extra writer
threads. Replayed against the real server on loopback with the fake Sheet counting requests."""

from __future__ import annotations

import time
from urllib.parse import quote

import pytest

from tests.reliability.conftest import PASSCODES, forum_book, streamlit_app
from tests.security import wsclient

N_CLEARS = 10
SALA = "sala=Plenario&clave="


@pytest.fixture(scope="module")
def app():
    from tests.fake_sheets import FakeSheetsServer

    with FakeSheetsServer() as fake:
        fake.add(forum_book())
        # A long interval: every Sheet read in the test window beyond one is caused by the attack.
        with streamlit_app(fake, refresh_s=120, passcodes=PASSCODES) as running:
            yield running


def test_clear_cache_messages_neither_reread_the_sheet_nor_leak_threads(app) -> None:
    coordinator = wsclient.rerun(SALA + quote(PASSCODES["coordinacion"]), page_name="salas")
    # Warm up: the public page reads the Sheet once; a coordinator's Salas opens the writer.
    assert wsclient.run(wsclient.session(app.url, [wsclient.rerun(), coordinator], timeout_s=60)) == 2
    time.sleep(1.0)
    threads_before = wsclient.thread_count(app.process.pid)
    app.fake.reset_log()

    attack = []
    for _ in range(N_CLEARS):
        attack += [wsclient.clear_cache(), wsclient.rerun(), coordinator]
    finished = wsclient.run(wsclient.session(app.url, attack, timeout_s=60))
    assert finished == 2 * N_CLEARS
    time.sleep(1.0)

    reads = app.fake.count("batchGet")
    threads_after = wsclient.thread_count(app.process.pid)
    # Before the fix: one read and one more sender thread per clear (10 and +10).
    assert reads <= 1, f"{N_CLEARS} clear_cache messages caused {reads} Sheet reads"
    assert threads_after <= threads_before + 2, f"threads {threads_before} -> {threads_after}"
