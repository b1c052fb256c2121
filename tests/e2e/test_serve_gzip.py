"""The production entry (app.sh: ``streamlit run serve.py``) draws the same pages and sends
Streamlit's JavaScript compressed (issue 13: on a 3G phone the uncompressed 2.6 MB took 13 s).
Real server, real chromium."""

from __future__ import annotations

import pytest

from tools import screenshots as shots

pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not shots.chromium_available():
    pytest.skip(
        f"{shots.CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)", allow_module_level=True
    )


@pytest.fixture(scope="module")
def server():
    with shots.streamlit_server(demo_inicio="11:15", script="serve.py") as s:
        yield s


@pytest.mark.parametrize("page_id", ["salas", "mapa", "en_vivo"])
def test_serve_draws_the_page_with_compressed_javascript(server, page_id):
    with shots.browser() as b:
        ctx = b.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        page = ctx.new_page()
        scripts: list = []
        page.on("response", lambda r: scripts.append(r) if r.url.endswith(".js") else None)
        query, selector = shots.SHOTS[page_id]
        path = "/" if page_id == "en_vivo" else f"/{page_id}"
        page.goto(f"{server.url}{path}" + (f"?{query}" if query else ""))
        page.wait_for_selector(selector, timeout=60_000)
        shots._wait_idle(page)
        errors = [e.inner_text() for sel in shots.ERROR_SELECTORS for e in page.query_selector_all(sel)]
        big = [
            r
            for r in scripts
            if int(r.headers.get("content-length") or 0) > 100_000 or r.headers.get("content-encoding")
        ]
        encodings = {r.url.rsplit("/", 1)[-1]: r.headers.get("content-encoding") for r in big}
        ctx.close()
    assert not errors, errors
    assert encodings and set(encodings.values()) == {"gzip"}, encodings
