"""The real app in a real browser: `streamlit run` + Playwright with Debian's chromium.

En vivo in kiosk at 1920×1080 and Salas at 390×844: the figures appear, no error box, no request
leaves 127.0.0.1, and the screenshots land in screenshots/ (kept out of git).
"""

from __future__ import annotations

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


@pytest.fixture(scope="module")
def server():
    with shots.streamlit_server() as s:
        yield s


@pytest.fixture(scope="module")
def browser():
    with shots.browser() as b:
        yield b


@pytest.mark.parametrize("page_id, size", [("en_vivo", shots.BIG), ("salas", shots.PHONE)])
def test_page_in_browser(server, browser, page_id, size):
    shot = shots.capture(browser, server.url, page_id, size, OUT)
    assert not shot.errors, shot.errors
    assert not shot.outside, f"requests left 127.0.0.1: {shot.outside}"
    assert not shot.failed, shot.failed
    assert shot.path.exists() and shot.path.stat().st_size > 10_000


def test_kiosk_hides_the_chrome(server, browser):
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = ctx.new_page()
    page.goto(server.url + "/?kiosk=1")
    page.wait_for_selector(shots.APP_FIGURE, timeout=60_000)
    for sel in ('[data-testid="stSidebar"]', '[data-testid="stToolbar"]', '[data-testid="stHeader"]'):
        el = page.query_selector(sel)
        assert el is None or not el.is_visible(), sel
    assert page.query_selector_all(shots.APP_FIGURE)
    ctx.close()


def test_first_visit_to_a_subpage_goes_through_the_navigation(browser):
    """A fresh server whose first visitor opens /salas must still use dashboard.py's navigation
    (Streamlit would otherwise list every file of pages/ by its file name)."""
    with shots.streamlit_server() as fresh:
        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
        page = ctx.new_page()
        page.goto(fresh.url + "/salas?lang=pt")
        page.wait_for_selector(shots.APP_FIGURE, timeout=60_000)
        nav = page.inner_text('[data-testid="stSidebarNav"]')
        assert "Ao vivo" in nav and "dashboard" not in nav.lower()
        assert page.url.rstrip("/").split("?")[0].endswith("/salas")
        assert "lang=pt" in page.url
        ctx.close()
