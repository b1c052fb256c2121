"""Issue 18 (Low), in chromium: after opening ``?clave=…`` the address bar no longer holds the
passcode (a signed ``?pase=`` does instead), and a reload — a kiosk wall's nightly refresh, a
coordinator's phone — keeps the role. A made-up pass gives the public view."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest

from tests.fake_sheets import FakeSheetsServer
from tests.reliability.conftest import PASSCODES, chromium_or_skip, forum_book, streamlit_app
from tools import screenshots as shots

SALA = "Plenario"


@pytest.fixture(scope="module")
def app():
    chromium_or_skip()
    with FakeSheetsServer() as fake:
        fake.add(forum_book())
        with streamlit_app(fake, passcodes=PASSCODES) as running:
            yield running


def test_the_passcode_leaves_the_url_and_a_reload_keeps_the_role(app) -> None:
    clave = PASSCODES["coordinacion"]
    plus = shots.venue_selector("mas", SALA, room=True) + " button"
    with shots.browser() as b:
        ctx, page = shots._new_page(b, shots.PHONE)
        page.goto(f"{app.url}/salas?clave={quote(clave)}&sala={SALA}&por=Ana")
        page.wait_for_selector(plus, timeout=120_000)  # the coordinator's +1: the role was granted
        page.wait_for_function("() => location.search.includes('pase=')", timeout=30_000)
        url = page.url
        assert "clave" not in url and quote(clave) not in url and clave not in url, url
        pase = parse_qs(urlsplit(url).query)["pase"][0]
        assert "coo-" not in pase and "coordinacion" not in pase
        page.reload()
        page.wait_for_selector(plus, timeout=120_000)  # still a coordinator after the reload
        assert "clave" not in page.url
        # The same URL with the pass altered is a public visitor: no tally buttons.
        page.goto(url.replace(pase, pase[:-3] + ("AAA" if not pase.endswith("AAA") else "BBB")))
        page.wait_for_selector(f'{shots.APP_FIGURE}, [class*="st-key-nivel-"]', timeout=120_000)
        shots._wait_idle(page)
        assert not page.query_selector(plus)
        ctx.close()
