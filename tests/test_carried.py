"""A carried screen (ui.frame live_page(carried=True), ui.pulse.offer): what the pulse brings a
browser is what a redraw of that view would draw, for the minute the pulse names."""

from __future__ import annotations

import json
from html import unescape

import pytest

from foro_data import metrics
from ui import components, data, frame, pulse
from ui.frame import Ctx

pytestmark = pytest.mark.usefixtures("demo_config")


def _screen(ctx: Ctx) -> str:
    return components.headline_block(ctx, ctx.calc(metrics.cifras, ctx.snap, ctx.as_of))


def _status(line: str) -> dict:
    return json.loads(unescape(line.split('data-foro="', 1)[1].split('"', 1)[0]))


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_pulse_draws_what_a_redraw_of_the_view_draws(lang: str) -> None:
    cfg = data.config()
    snap = data.snapshot(cfg)
    assert snap is not None
    now = Ctx(cfg, snap, data.as_of_now(cfg, snap, False), lang, "publico", True)
    vista = frame._offer("en_vivo", _screen, now, 35.0, "/_foro/pulso?f=x")
    # A later minute, as the pulse names it: the carried screen is the one a redraw then draws.
    later_as_of = metrics.dia_del_foro(snap)[0].replace(hour=11, minute=15, second=59, microsecond=999999)
    later = Ctx(cfg, snap, later_as_of, lang, "publico", True)
    minuto = data.minute_of(later_as_of)
    assert data.as_of_of_minute(minuto, snap.tz) == later_as_of
    carried = pulse._renders[vista](snap, minuto)
    assert carried.pantalla == frame.carried_screen("en_vivo", _screen, later)
    assert carried.pantalla.startswith('<div class="foro-pantalla">') and 'data-cifra="inscriptos"' in carried.pantalla
    line = _status(carried.estado)
    assert line["vista"] == vista and line["minuto"] == minuto and line["estado"] == "ok"
    assert line["datos"] == pulse.data_token(snap) and line["pulso"] == "/_foro/pulso?f=x" and line["limite"] == 35.0
    # Another role is another view, with another name.
    other = Ctx(cfg, snap, now.as_of, lang, "organizacion", True)
    assert frame._offer("en_vivo", _screen, other, 35.0, "/_foro/pulso?f=x") != vista
