"""The wall is read from five metres (issue 13, item 3), in a real browser.

In ``?kiosk=1`` at 1920×1080 and 1280×720, no visible text of the rotation's pages (En vivo,
Salas, Mapa), chart ticks and labels included, is under 28 px, and each page fits the screen
without scrolling (a short screen drops lines rather than shrinking them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
from tools import screenshots as shots  # noqa: E402 - one server/browser helper for tests and tools

pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not shots.chromium_available():
    pytest.skip(f"{shots.CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)",
                allow_module_level=True)

MIN_PX = 28
# Every visible text node inside the app (HTML and the charts' SVG), with its computed size.
SMALL_TEXT_JS = """min => {
  const out = [];
  const main = document.querySelector('[data-testid="stMain"]');
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const t = walker.currentNode.textContent.trim();
    const el = walker.currentNode.parentElement;
    if (!t || !el) continue;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    if (!r.width || !r.height || r.bottom < 0 || r.top > innerHeight || cs.visibility === 'hidden') continue;
    if (el.closest('.hoverlayer')) continue;  // plotly's hover box, empty until someone hovers
    const px = parseFloat(cs.fontSize);
    if (px < min) out.push(`${px}px ${el.tagName} "${t.slice(0, 40)}"`);
  }
  return out;
}"""


@pytest.fixture(scope="module")
def server():
    with shots.streamlit_server(demo_inicio="11:15") as s:
        yield s


@pytest.fixture(scope="module")
def browser():
    with shots.browser() as b:
        yield b


@pytest.mark.parametrize("size", [shots.BIG, shots.TV], ids=["1920x1080", "1280x720"])
@pytest.mark.parametrize("path", ["/", "/salas", "/mapa", "/salas?lang=en"])  # English words run longer
def test_nothing_small_on_the_wall(server, browser, path, size):
    w, h = size
    ctx = browser.new_context(viewport={"width": w, "height": h}, locale="es-AR")
    page = ctx.new_page()
    try:
        page.goto(f"{server.url}{path}{'&' if '?' in path else '?'}kiosk=1")
        page.wait_for_selector('[data-testid="stMetric"], [data-testid="stPlotlyChart"]', timeout=60_000)
        shots._wait_idle(page)
        small = page.evaluate(SMALL_TEXT_JS, MIN_PX)
        assert not small, small
        assert page.query_selector_all('[data-testid="stMain"] p')  # the walk did see the page's text
        height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
        assert height <= h, f"{path} is {height} px tall on a {h} px screen"
    finally:
        ctx.close()
