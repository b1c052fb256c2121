"""Finding 3 (issue 18): every +1 a coordinator taps on Salas reaches the Sheet, or the page says
plainly that some did not ("no se registraron"). Real chromium clicking at 2, 10 and 30 taps per
second against the app on the local fake Sheet; rows are counted on the fake Sheet after the
outbox drains. Bounded: at most 60 taps per rate."""

from __future__ import annotations

import re
import time

import pytest

from tests.reliability.conftest import chromium_or_skip
from tools import screenshots as shots

SALA = "Plenario"
RATES = [(2, 8), (10, 30), (30, 60)]  # taps per second, taps


@pytest.fixture(scope="module")
def app():
    chromium_or_skip()
    with shots.fake_sheet_app() as a:
        yield a


@pytest.fixture(scope="module")
def page(app):
    with shots.browser() as b:
        ctx, pg = shots._new_page(b, shots.PHONE)
        pg.goto(f"{app.url}/salas?clave={app.claves['coordinacion']}&sala={SALA}")
        pg.wait_for_selector('.st-key-_registra_in input, [class*="st-key-foro-tally-"]', timeout=60_000)
        if pg.query_selector(".st-key-_registra_in input"):
            pg.fill(".st-key-_registra_in input", "Ana Gómez")
            pg.click(".st-key-foro-empezar button")
        pg.wait_for_selector(shots.venue_selector("mas", SALA, room=True) + " button", timeout=60_000)
        shots._wait_idle(pg)
        yield pg
        ctx.close()


def tally_rows(app) -> int:
    rows = app.fake.book().sheet("Conteos").rows
    header = [str(h) for h in rows[0]]
    i = header.index("id_operacion") if "id_operacion" in header else header.index("ID de operación")
    return sum(1 for r in rows[1:] if len(r) > i and r[i])


def settled_rows(app, page, timeout_s: float = 60.0) -> int:
    """Rows on the fake Sheet once the page is idle and the outbox says everything is saved."""
    shots._wait_idle(page)
    page.wait_for_function("document.body.innerText.includes('Todo guardado')", timeout=timeout_s * 1000)
    last, stable_since = -1, time.monotonic()
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        n = tally_rows(app)
        if n != last:
            last, stable_since = n, time.monotonic()
        elif time.monotonic() - stable_since > 3:
            break
        time.sleep(0.5)
    return last


@pytest.mark.parametrize("rate,taps", RATES)
def test_every_tap_is_written_or_reported_lost(app, page, rate: int, taps: int) -> None:
    before = settled_rows(app, page)
    plus = page.locator(shots.venue_selector("mas", SALA, room=True) + " button")
    for _ in range(taps):
        plus.click(no_wait_after=True, timeout=10_000)
        page.wait_for_timeout(1000 / rate)
    written = settled_rows(app, page) - before
    page.wait_for_timeout(2500)  # the browser's own check runs after the taps stop
    said = re.search(r"(\d+) toques? no se registr", page.inner_text("body"))
    assert written == taps or said, f"{taps} taps at {rate}/s wrote {written} rows and the page said nothing"
    if said:  # the page names exactly the taps that are missing
        assert int(said.group(1)) == taps - written, said.group(0)
        print(f"{rate}/s: {taps} taps, {written} rows, said: {said.group(0)}")
