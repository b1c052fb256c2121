"""Writing from the venue in a real browser at phone size (390×844), against the local fake Sheets
server: the desk finds a person, accredits them and shows "ya acreditado"; a coordinator taps +1.
Buttons are thumb-sized, rows reach the fake Sheet, and screenshots land in screenshots/."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
from tools import screenshots as shots  # noqa: E402 - one server/browser helper for tests and tools

pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not shots.chromium_available():
    pytest.skip(
        f"{shots.CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)", allow_module_level=True
    )

OUT = ROOT / "screenshots"
THUMB_PX = 48  # the smallest comfortable touch target


@pytest.fixture(scope="module")
def app():
    with shots.fake_sheet_app() as a:
        yield a


@pytest.fixture(scope="module")
def browser():
    with shots.browser() as b:
        yield b


def sheet_rows(app, tab: str) -> list[dict]:
    rows = app.fake.book().sheet(tab).rows
    header = [str(h) for h in rows[0]]
    return [dict(zip(header, r)) for r in rows[1:] if any(v not in (None, "") for v in r)]


def wait_for_rows(app, tab: str, column: str, n: int, timeout_s: float = 45.0) -> list[dict]:
    """The app's own sender flushes the outbox in the background: wait until the rows arrive."""
    deadline = time.monotonic() + timeout_s
    while True:
        rows = [r for r in sheet_rows(app, tab) if r.get(column)]
        if len(rows) >= n or time.monotonic() > deadline:
            return rows
        time.sleep(0.5)


def test_desk_at_phone_size(app, browser):
    path = shots.desk_flow(browser, app, shots.PHONE, OUT)
    assert path.exists() and path.stat().st_size > 10_000
    rows = wait_for_rows(app, "Acreditaciones", "id_operacion", 1)
    assert len(rows) == 1
    assert rows[0]["Dirección de correo electrónico"] == "persona2@ejemplo.org"
    assert rows[0]["Movimiento"] == "entrada"

    # Reopened on another phone: the person is accredited, there is no second "Acreditar".
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    try:
        page.goto(f"{app.url}/acreditacion?clave={app.claves['organizacion']}")
        page.wait_for_selector(".st-key-foro-buscar input", timeout=60_000)
        search = page.query_selector(".st-key-foro-buscar input").bounding_box()
        assert search["height"] >= THUMB_PX and search["width"] >= 300
        page.fill(".st-key-foro-buscar input", "persona")
        page.wait_for_selector('[class*="st-key-foro-acreditar-"] button', timeout=30_000)
        box = page.query_selector('[class*="st-key-foro-acreditar-"] button').bounding_box()
        assert box["height"] >= THUMB_PX and box["width"] >= 300  # full width, thumb height
        page.wait_for_selector(
            shots.venue_selector("persona", "fila-4") + " >> text=ya acreditado a las", timeout=30_000
        )
        assert not page.query_selector(shots.venue_selector("acreditar", "fila-4"))
        assert not page.query_selector('[data-testid="stException"], [data-testid="stAlertContentError"]')
    finally:
        ctx.close()


def test_tally_buttons_at_phone_size(app, browser):
    path = shots.tally_flow(browser, app, shots.PHONE, OUT)
    assert path.exists() and path.stat().st_size > 10_000
    rows = wait_for_rows(app, "Conteos", "ID de operación", 1)
    assert [(r["Sala"], r["Tipo"], r["Valor"], r["Registrado por"]) for r in rows] == [
        ("Plenario", "delta", 1, "Ana Gómez")
    ]

    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    try:
        page.goto(f"{app.url}/salas?clave={app.claves['coordinacion']}&sala=Plenario")
        page.fill(".st-key-_registra_in input", "Beto")
        page.click(".st-key-foro-empezar button")
        plus_sel = shots.venue_selector("mas", "Plenario", room=True) + " button"
        page.wait_for_selector(plus_sel, timeout=60_000)
        minus = page.query_selector(shots.venue_selector("menos", "Plenario", room=True) + " button").bounding_box()
        plus = page.query_selector(plus_sel).bounding_box()
        assert minus["height"] >= THUMB_PX and plus["height"] >= THUMB_PX
        assert abs(minus["y"] - plus["y"]) < 2 and plus["x"] > minus["x"]  # side by side, not stacked
        assert minus["width"] >= 140 and plus["width"] >= 140
        assert plus["x"] + plus["width"] <= 390  # nothing runs off the screen
    finally:
        ctx.close()
