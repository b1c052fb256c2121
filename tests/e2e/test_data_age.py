"""The big screen knows when it has stopped (issue 13, item 1), in a real browser.

The browser counts the data age itself (static/foro-edad.js). With a 5 s refresh, a kiosk whose
server is frozen (SIGSTOP), whose network is cut, or whose server is killed must show
"Sin datos nuevos desde las HH:MM" within 2 × 5 + 5 = 15 s, and drop it when figures flow again.
"""

from __future__ import annotations

import os
import signal
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

REFRESCO_S = 5
LIMITE_S = 2 * REFRESCO_S + 5
# The banner appears at LIMITE_S after the last render that reached the browser, which is at or
# before the fault; the script looks once a second.
WITHIN_MS = (LIMITE_S + 2) * 1000
RECOVERY_MS = 60_000  # a reconnecting websocket and a full rerun, on a shared 2-core machine
FAST_TOML = f'[foro]\nfuente = "demo"\nrefresco_segundos = {REFRESCO_S}\ndemo_inicio = "10:45"\ndemo_velocidad = 1.0\n'

LINE = ".foro-edad"
STALE = ".foro-edad.foro-edad-vieja"


@pytest.fixture(scope="module")
def browser():
    with shots.browser() as b:
        yield b


@pytest.fixture()
def server():
    with shots.streamlit_server(secrets_toml=FAST_TOML) as s:
        yield s


def open_kiosk(browser, url: str):
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="es-AR")
    page = ctx.new_page()
    page.goto(url + "/?kiosk=1")
    page.wait_for_selector(shots.APP_FIGURE, timeout=60_000)
    page.wait_for_selector(LINE, timeout=30_000)
    return ctx, page


def line_text(page) -> str:
    return page.inner_text(LINE)


def assert_live_for_a_while(page) -> None:
    """Longer than the limit with a healthy server: renders keep arriving, no banner, and the age
    the browser shows never passes one refresh plus the time a rerun takes."""
    for _ in range(LIMITE_S + 3):
        page.wait_for_timeout(1000)
        assert page.query_selector(STALE) is None, line_text(page)
    assert "Actualizado hace" in line_text(page)


def assert_banner(page) -> None:
    page.wait_for_selector(STALE, timeout=WITHIN_MS)
    text = line_text(page)
    assert text.startswith("Sin datos nuevos desde las ") and "revisar la conexión de esta pantalla" in text, text


def test_the_age_counts_up_in_the_browser(browser):
    """Between two renders (15 s apart) the line must change on its own, every second."""
    slow = FAST_TOML.replace(f"refresco_segundos = {REFRESCO_S}", "refresco_segundos = 15")
    with shots.streamlit_server(secrets_toml=slow) as s:
        ctx, page = open_kiosk(browser, s.url)
        try:
            seen = set()
            for _ in range(6):
                seen.add(line_text(page))
                page.wait_for_timeout(1000)
            assert len(seen) >= 4, seen  # "hace 1 s", "hace 2 s", … without the server redrawing
            assert all(x.startswith("Actualizado hace ") and " · Cifras a las " in x for x in seen), seen
        finally:
            ctx.close()


def test_frozen_server_is_noticed_and_forgotten(browser, server):
    ctx, page = open_kiosk(browser, server.url)
    try:
        assert_live_for_a_while(page)
        os.kill(server.process.pid, signal.SIGSTOP)
        try:
            assert_banner(page)
        finally:
            os.kill(server.process.pid, signal.SIGCONT)
        page.wait_for_selector(STALE, state="detached", timeout=RECOVERY_MS)
        assert "Actualizado hace" in line_text(page)
    finally:
        ctx.close()


def test_cut_network_is_noticed_and_forgotten(browser, server):
    ctx, page = open_kiosk(browser, server.url)
    # Chromium's emulated cut lets a request already in flight finish: the pulse (ui/pulse.py)
    # answering just after the cut is real news the browser got, and the limit counts from it.
    heard: list[float] = []
    page.on("requestfinished", lambda r: heard.append(time.monotonic()) if "/_foro/pulso" in r.url else None)
    try:
        assert_live_for_a_while(page)
        ctx.set_offline(True)
        cut = time.monotonic()
        try:
            page.wait_for_selector(STALE, timeout=WITHIN_MS + REFRESCO_S * 1000)
            last_news = max([cut, *heard])
            assert time.monotonic() - last_news <= LIMITE_S + 2, (cut, heard)
            assert_banner(page)
            (ROOT / "screenshots").mkdir(exist_ok=True)
            page.screenshot(path=str(ROOT / "screenshots" / "en_vivo-sin-red.png"))
        finally:
            ctx.set_offline(False)
        page.wait_for_selector(STALE, state="detached", timeout=RECOVERY_MS)
        assert "Actualizado hace" in line_text(page)
    finally:
        ctx.close()


def test_killed_server_is_noticed(browser, server):
    ctx, page = open_kiosk(browser, server.url)
    try:
        assert_live_for_a_while(page)
        server.process.kill()
        server.process.wait(timeout=10)
        assert_banner(page)
    finally:
        ctx.close()
