"""Issue 14 in a real browser: the screen redraws when its data changes, not every interval.

As app.sh serves it (serve.py), the browser long-polls the pulse (ui/pulse.py): one answer per
read keeps the data age honest, and no script runs on the server between changes. Served bare
(``streamlit run dashboard.py``), a watcher fragment sends heartbeats instead, and a change in the
Sheet reaches the screen through the browser clicking the hidden redraw button
(static/foro-edad.js). Served, En vivo is carried: the pulse answer brings the new screen and the
browser swaps it in, with no click and no run. Real server, real fake Sheet, real chromium.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.fake_sheets import FakeSheetsServer
from tests.reliability.conftest import REFRESH_S, App, add_person, forum_book, streamlit_app, wait_until
from tools import screenshots as shots
from ui import pulse

LINE = ".foro-edad[data-foro]"
BEAT = ".foro-latido[data-foro]"
PULSE = pulse.PATH
WATCH_S = 4 * REFRESH_S  # four intervals with no change in the Sheet


@pytest.fixture(scope="module", params=["serve.py", "dashboard.py"])
def own_app(request: pytest.FixtureRequest) -> Iterator[App]:
    with FakeSheetsServer() as fake:
        fake.add(forum_book())
        with streamlit_app(fake, script=request.param) as running:
            yield running


def _token(page: Any, selector: str) -> str | None:
    found = page.locator(selector)
    raw = found.first.get_attribute("data-foro") if found.count() else None
    return json.loads(raw)["token"] if raw else None


def _inscriptos(page: Any) -> int:
    figure = page.locator('.stApp .foro-cifra[data-cifra="inscriptos"] .foro-cifra-valor').first
    return int(figure.inner_text().replace(".", ""))


def _settle(page: Any) -> None:
    """Until the screen has not redrawn for two intervals (at most 30 s more)."""
    last, since, end = _token(page, LINE), time.monotonic(), time.monotonic() + 2 * REFRESH_S + 30
    while time.monotonic() - since < 2 * REFRESH_S and time.monotonic() < end:
        time.sleep(0.5)
        now = _token(page, LINE)
        if now != last:
            last, since = now, time.monotonic()


def test_an_unchanged_sheet_does_not_redraw_but_a_change_does(own_app: App, browser: Any) -> None:
    served = own_app.process.args[own_app.process.args.index("run") + 1] == "serve.py"
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="es-AR")
    page = ctx.new_page()
    pulses: list[float] = []
    page.on("response", lambda r: pulses.append(time.monotonic()) if PULSE in r.url and r.ok else None)
    try:
        page.goto(own_app.url + "/?kiosk=1")
        page.wait_for_selector(shots.APP_FIGURE, timeout=60_000)
        if not served:
            page.wait_for_selector(BEAT, state="attached", timeout=30_000)
        # A new server first shows its disk copy of the last good read (foro_data.live), which an
        # earlier test's server may have left older than the Sheet: the first live read then really
        # changes the data and redraws once. Count from a screen that shows the live read.
        _settle(page)
        before = _inscriptos(page)

        # No change in the Sheet: pulses (or heartbeats) arrive, the screen is drawn again at most
        # when the as-of minute turns (its figures are "a las HH:MM"), the age line never goes stale.
        renders, beats, stale = {_token(page, LINE)}, {_token(page, BEAT)}, 0
        minutes = {time.strftime("%H:%M")}
        start = time.monotonic()
        end = start + WATCH_S
        while time.monotonic() < end:
            renders.add(_token(page, LINE))
            beats.add(_token(page, BEAT))
            stale += page.locator(".foro-edad.foro-edad-vieja").count()
            minutes.add(time.strftime("%H:%M"))
            time.sleep(0.5)
        if served:
            heard = sum(1 for t in pulses if t >= start)
            assert heard >= 3, f"the pulse answered {heard} times in {WATCH_S} s"
            assert beats == {None}, "a watcher fragment ran although the pulse was there"
        else:
            assert len(beats) >= 3, f"the watcher ran {len(beats)} times in {WATCH_S} s"
            assert not pulses, "a bare server has no pulse route"
        assert len(renders) <= len(minutes), f"{len(renders)} renders with no change in {len(minutes)} minute(s)"
        assert stale == 0, "the age line went stale while the server was answering"
        assert own_app.log_text().count("Traceback") == 0

        # A new registration: the screen shows it by itself (carried by the pulse, or redrawn).
        add_person(own_app.fake, 1)
        wait_until(lambda: _inscriptos(page) == before + 1, 2 * REFRESH_S + 20, what="the new figure on screen")
        state = json.loads(page.evaluate("window.__foroEdad.state()"))
        if served:  # every new screen came in a pulse answer: the redraw button was never clicked
            assert state["carried"] >= 1 and state["beat"]["vista"] is None, state
        else:
            assert state["carried"] == 0 and state["beat"]["vista"] is not None, state
        assert page.locator(".foro-edad.foro-edad-vieja").count() == 0
        assert "Actualizado hace" in page.inner_text(".foro-edad")
    finally:
        ctx.close()
