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
    pytest.skip(
        f"{shots.CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)", allow_module_level=True
    )

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
    const px = parseFloat(cs.fontSize);
    if (px < min) out.push(`${px}px ${el.tagName} "${t.slice(0, 40)}"`);
  }
  return out;
}"""
# The same for text drawn inside an SVG image (the Mapa is one <img>, its labels are not DOM text):
# each <text>'s font-size in SVG units times the scale the image is drawn at.
SMALL_SVG_IMAGE_TEXT_JS = """async min => {
  const out = [];
  const imgs = [...document.querySelectorAll('[data-testid="stMain"] img')];
  let seen = 0;
  for (const img of imgs) {
    const body = await (await fetch(img.currentSrc || img.src)).text();
    if (!body.includes('<svg')) continue;
    const svg = new DOMParser().parseFromString(body, 'image/svg+xml').documentElement;
    const vb = (svg.getAttribute('viewBox') || '').split(/[ ,]+/).map(Number);
    const box = img.getBoundingClientRect();  // object-fit: contain draws it at the smaller ratio
    const scale = Math.min(box.width / vb[2], box.height / vb[3]);
    for (const t of svg.querySelectorAll('text')) {
      seen++;
      const px = parseFloat(t.getAttribute('font-size')) * scale;
      if (!(px >= min)) out.push(`${px.toFixed(1)}px svg text "${t.textContent.trim().slice(0, 40)}"`);
    }
  }
  return {seen, out};
}"""
# The first figure of each wall page (the screenshot tool's selectors): the Mapa is an SVG image now.
FIGURE = {
    "/": shots.SHOTS["en_vivo"][1],
    "/salas": shots.SHOTS["salas_kiosk"][1],
    "/mapa": shots.SHOTS["mapa_kiosk"][1],
}


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
        page.wait_for_selector(FIGURE[path.split("?")[0]], timeout=60_000)
        shots._wait_idle(page)
        small = page.evaluate(SMALL_TEXT_JS, MIN_PX)
        assert not small, small
        in_images = page.evaluate(SMALL_SVG_IMAGE_TEXT_JS, MIN_PX)
        assert not in_images["out"], in_images["out"]
        if path.startswith("/mapa"):
            assert in_images["seen"], "the map's labels were read from its SVG image"
        assert page.query_selector_all('[data-testid="stMain"] p')  # the walk did see the page's text
        height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
        assert height <= h, f"{path} is {height} px tall on a {h} px screen"
    finally:
        ctx.close()
