"""Item 7 of issue 18: URLs and e-mails typed into the Sheet stay plain text on public pages
(GFM autolinking ignores backslash escapes). Real chromium against the app on the fake Sheet:
the public home page draws the room names and holds no link to them."""

from __future__ import annotations

import pytest

from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet
from tests.reliability.conftest import chromium_or_skip, streamlit_app
from tests.sheets_fixtures import forum_tabs
from tools import screenshots as shots

ROOMS = ["www.evil.example/phish", "https://evil.example/login", "mira fulano@evil.example"]


@pytest.fixture(scope="module")
def app_url():
    chromium_or_skip()
    tabs = forum_tabs(12)
    tabs["Salas"] = [["Sala", "Capacidad"], *[[r, 50] for r in ROOMS], ["Plenario", 600]]
    with FakeSheetsServer() as fake:
        fake.add(FakeSpreadsheet.from_tabs(tabs))
        with streamlit_app(fake) as app:
            yield app.url


def test_sheet_urls_are_not_links(app_url) -> None:
    with shots.browser() as b:
        ctx, page = shots._new_page(b, (1400, 1800))
        try:
            page.goto(f"{app_url}/salas", wait_until="domcontentloaded")
            page.wait_for_selector("text=evil", timeout=60_000)
            shots._wait_idle(page)
            text = page.inner_text("body").replace("\u2060", "")
            assert all(r in text for r in ("www.evil.example/phish", "evil.example/login")), text[:2000]
            links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
            assert not [h for h in links if "evil" in h], links
        finally:
            ctx.close()
