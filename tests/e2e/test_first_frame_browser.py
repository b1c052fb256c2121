"""The first frame in a real browser (issue 13): serve.py puts En vivo's and Salas' figures in the
HTML document, so they show before Streamlit's JavaScript; the app then takes their place.

Real ``streamlit run serve.py`` on demo data with the replay clock all but stopped (the figures of
the frame and of the app are for the same minute), Debian's chromium through Playwright.
"""

from __future__ import annotations

import urllib.request

import pytest

from tools import screenshots as shots

pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not shots.chromium_available():
    pytest.skip(
        f"{shots.CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)", allow_module_level=True
    )

# 11:15 (a room over capacity), and a clock that moves 0.06 s of forum time per real minute.
STILL_TOML = '[foro]\nfuente = "demo"\nrefresco_segundos = 15\ndemo_inicio = "11:15"\ndemo_velocidad = 0.001\n'
FRAME = "#foro-previa"
APP_FIGURE = shots.APP_FIGURE_VALUE


@pytest.fixture(scope="module")
def server():
    with shots.streamlit_server(secrets_toml=STILL_TOML) as s:
        yield s


@pytest.fixture(scope="module")
def browser():
    with shots.browser() as b:
        yield b


def test_before_streamlits_scripts_arrive_a_phone_already_shows_every_room(server, browser):
    ctx, page = shots._new_page(browser, shots.PHONE)
    try:
        page.route("**/static/js/**", lambda route: route.abort())  # as if they were still on the way
        page.goto(server.url + "/salas", wait_until="domcontentloaded")
        page.wait_for_selector(f"{FRAME} .foro-sala-cifra", timeout=30_000)
        figures = page.locator(f"{FRAME} .foro-sala-cifra").all_inner_texts()
        assert len(figures) >= 5, figures
        assert any("%" in f for f in figures), figures
        assert "1 sala excedida" in page.inner_text(FRAME)
        assert page.locator(APP_FIGURE).count() == 0  # the app has drawn nothing: this is the frame
    finally:
        ctx.close()


def test_the_app_takes_the_frames_place_with_the_same_figures(server, browser):
    ctx, page = shots._new_page(browser, shots.BIG)
    try:
        page.goto(server.url + "/", wait_until="commit")
        page.wait_for_selector(f"{FRAME} .foro-cifra-valor", state="attached", timeout=30_000)
        in_frame = page.locator(f"{FRAME} .foro-cifra-valor").all_inner_texts()
        page.wait_for_selector(APP_FIGURE, timeout=60_000)
        in_app = page.locator(APP_FIGURE).all_inner_texts()[:5]
        assert in_frame == in_app
        # Hidden at once by CSS, then removed by static/foro-edad.js.
        assert not page.locator(FRAME).is_visible()
        page.wait_for_selector(FRAME, state="detached", timeout=10_000)
        # A page switch clears the figures for a moment: the frame is gone for good by then.
        page.get_by_role("link", name="Salas").first.click()
        page.wait_for_url("**/salas", timeout=30_000)
        page.wait_for_selector(APP_FIGURE, timeout=60_000)
        assert page.locator(FRAME).count() == 0
    finally:
        ctx.close()


@pytest.mark.parametrize("path", ["/personas", "/acreditacion", "/apoyos", "/calidad", "/socios", "/mapa"])
def test_other_pages_are_served_as_streamlit_serves_them(server, path):
    with urllib.request.urlopen(server.url + path) as r:
        body = r.read().decode("utf-8")
    assert r.status == 200 and 'id="root"' in body
    assert "foro-previa" not in body


def test_a_revalidating_browser_gets_todays_figures_not_an_old_copy(server):
    with urllib.request.urlopen(server.url + "/mapa") as r:
        etag = r.headers["etag"]  # Streamlit's own, for the document it serves unchanged
    for path, figure in (("/salas", "foro-sala-cifra"), ("/", "foro-cifra-valor")):
        # urllib raises on a 304 "not modified": the browser would have shown its old figures.
        with urllib.request.urlopen(urllib.request.Request(server.url + path, headers={"If-None-Match": etag})) as r:
            assert r.status == 200 and r.headers.get("etag") is None
            assert r.headers.get("cache-control") == "no-store"
            assert figure in r.read().decode("utf-8")


def test_a_broken_configuration_still_serves_the_page_without_a_frame(browser):
    with shots.streamlit_server(secrets_toml='[foro]\nfuente = "ninguna"\n') as broken:
        with urllib.request.urlopen(broken.url + "/salas") as r:
            body = r.read().decode("utf-8")
        assert r.status == 200 and 'id="root"' in body and "foro-previa" not in body
        ctx, page = shots._new_page(browser, shots.PHONE)
        try:
            page.goto(broken.url + "/salas")
            page.wait_for_selector('[data-testid="stAlert"]', timeout=60_000)  # the app says what is wrong
        finally:
            ctx.close()
        assert "Traceback" not in broken.log_path.read_text(errors="replace")
