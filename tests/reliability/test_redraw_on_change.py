"""Issue 14 in a real browser: the screen redraws when its data changes, not every interval.

Between changes only the watcher runs (a heartbeat that keeps the data age honest); a change in
the Sheet reaches the screen through the browser clicking the hidden redraw button
(static/foro-edad.js). Real server, real fake Sheet, real chromium.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.fake_sheets import FakeSheetsServer
from tests.reliability.conftest import REFRESH_S, App, add_person, forum_book, streamlit_app, wait_until

LINE = ".foro-edad[data-foro]"
BEAT = ".foro-latido[data-foro]"
WATCH_S = 4 * REFRESH_S  # four intervals with no change in the Sheet


@pytest.fixture(scope="module")
def own_app() -> Iterator[App]:
    with FakeSheetsServer() as fake:
        fake.add(forum_book())
        with streamlit_app(fake) as running:
            yield running


def _token(page: Any, selector: str) -> str | None:
    raw = page.get_attribute(selector, "data-foro")
    return json.loads(raw)["token"] if raw else None


def _inscriptos(page: Any) -> int:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text="Inscriptos").first
    return int(metric.locator('[data-testid="stMetricValue"]').inner_text().replace(".", ""))


def test_an_unchanged_sheet_does_not_redraw_but_a_change_does(own_app: App, browser: Any) -> None:
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="es-AR")
    page = ctx.new_page()
    try:
        page.goto(own_app.url + "/?kiosk=1")
        page.wait_for_selector('[data-testid="stMetric"]', timeout=60_000)
        page.wait_for_selector(BEAT, state="attached", timeout=30_000)
        before = _inscriptos(page)

        # No change in the Sheet: heartbeats arrive, the screen is drawn again at most when the
        # as-of minute turns (its figures are "a las HH:MM"), and the age line never goes stale.
        renders, beats, stale = {_token(page, LINE)}, {_token(page, BEAT)}, 0
        minutes = {time.strftime("%H:%M")}
        end = time.monotonic() + WATCH_S
        while time.monotonic() < end:
            renders.add(_token(page, LINE))
            beats.add(_token(page, BEAT))
            stale += page.locator(".foro-edad.foro-edad-vieja").count()
            minutes.add(time.strftime("%H:%M"))
            time.sleep(0.5)
        assert len(beats) >= 3, f"the watcher ran {len(beats)} times in {WATCH_S} s"
        assert len(renders) <= len(minutes), f"{len(renders)} renders with no change in {len(minutes)} minute(s)"
        assert stale == 0, "the age line went stale while heartbeats were arriving"
        assert own_app.log_text().count("Traceback") == 0

        # A new registration: the screen redraws by itself, through the redraw button.
        add_person(own_app.fake, 1)
        wait_until(lambda: _inscriptos(page) == before + 1, 2 * REFRESH_S + 20, what="the new figure on screen")
    finally:
        ctx.close()
