"""Rooms that need attention cannot be missed on the wall (issue 13, item 2), in a real browser.

At 11:15 of the demo day Sala 5 holds 55 people for 50 seats: on En vivo and on Salas in kiosk it
is the first card, it is filled red, and the header counts it ("1 sala excedida"). The press room,
with no capacity, is grey, never green.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
from tools import screenshots as shots  # noqa: E402 - one server/browser helper for tests and tools

pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not shots.chromium_available():
    pytest.skip(
        f"{shots.CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)", allow_module_level=True
    )

# En vivo draws its rooms as one HTML block (.foro-sala, its level in data-nivel); Salas as
# Streamlit containers keyed by level (st-key-nivel-<level>-…).
# Inside the app only: serve.py's first frame (ui/first_frame.py) has cards of the same classes.
CARDS = '.stApp [class*="st-key-nivel-"], .stApp .foro-sala'
DEMO_ROOMS = 9


@pytest.fixture(scope="module")
def server():
    with shots.streamlit_server(demo_inicio="11:15") as s:
        yield s


@pytest.fixture(scope="module")
def browser():
    with shots.browser() as b:
        yield b


def cards(page) -> list[dict]:
    """Every room card in reading order (top to bottom, then left to right) with its level."""
    found = page.eval_on_selector_all(
        CARDS,
        """els => els.map(e => {
        const r = e.getBoundingClientRect();
        const m = [...e.classList].join(' ').match(/st-key-nivel-([a-z_]+)-/);
        return {nivel: e.dataset.nivel || (m ? m[1] : ''), x: r.x, y: r.y, bg: getComputedStyle(e).backgroundColor, text: e.innerText};
    })""",
    )
    return sorted(found, key=lambda c: (round(c["y"]), c["x"]))


@pytest.mark.parametrize("path", ["/?kiosk=1", "/salas?kiosk=1"])
def test_over_capacity_room_is_first_and_counted(server, browser, path):
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="es-AR")
    page = ctx.new_page()
    try:
        page.goto(server.url + path)
        page.wait_for_selector(CARDS, timeout=60_000)
        # Every room drawn (the demo has nine), and the run finished.
        page.wait_for_function(f"document.querySelectorAll('{CARDS}').length >= {DEMO_ROOMS}", timeout=60_000)
        shots._wait_idle(page)
        shown = cards(page)
        levels = [c["nivel"] for c in shown]
        over = levels.count("excedido")
        assert over >= 1, levels  # Sala 5 at 11:15: 55 / 50
        assert levels[:over] == ["excedido"] * over, levels
        assert "Sala 5" in shown[0]["text"]
        heading = page.inner_text(".stApp .foro-salas-titulo")
        assert re.search(rf"\b{over} salas? excedidas?\b", heading), heading
        full = levels.count("lleno")
        assert (f"{full} sala" in heading) == bool(full), heading
        # Filled, not just a border: the card's own background is not the page's.
        assert shown[0]["bg"] not in ("rgba(0, 0, 0, 0)", "transparent"), shown[0]["bg"]
        grey = [c for c in shown if "Sala de prensa" in c["text"]]
        assert grey and grey[0]["nivel"] == "sin_dato" and "🟢" not in grey[0]["text"]
    finally:
        ctx.close()
