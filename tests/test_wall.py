"""The big screen's pieces that need no browser: the data-age line and its script (issue 13)."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from html import unescape

from foro_data.config import Config
from tests.workbooks import INSCRIPCIONES_HEADERS, person, snapshot
from ui import frame


def _ctx(lang: str = "es"):
    snap = snapshot(Inscripciones=[INSCRIPCIONES_HEADERS, person("Ana", "Pérez", "a@x.org")])
    return frame.Ctx(Config(), snap, snap.fuente.leido_en, lang, "publico", True), snap


def _data(html_text: str) -> dict:
    return json.loads(unescape(re.search(r'data-foro="([^"]*)"', html_text).group(1)))


def test_status_line_carries_what_the_browser_needs():
    ctx, snap = _ctx("pt")
    line = frame.status_line(ctx, snap.fuente.leido_en + timedelta(seconds=12), frame.stale_after_s(5))
    d = _data(line)
    assert d["limite"] == 15 and d["edad0"] == 12
    assert d["linea"] == "Atualizado há {edad} · Números às 19/6 20:00"
    assert d["sin_datos"].startswith("Sem dados novos desde as 20:00")
    assert d["unidades"] == {"s": "{n} s", "min": "{n} min", "h": "{n} h {m} min"}
    assert ">Atualizado há 12 s · Números às 19/6 20:00<" in line


def test_a_page_without_refresh_never_turns_stale():
    ctx, snap = _ctx()
    assert _data(frame.status_line(ctx, snap.fuente.leido_en, None))["limite"] is None


def test_the_script_survives_the_html_sanitiser():
    # DOMPurify drops a <script> whose text looks like markup; st.html would then run nothing.
    assert not re.search(r"<[/\w!]", frame._EDAD_JS)


def _sala(nombre: str, pct: float | None):
    from foro_data import metrics

    ocupacion = None if pct is None else int(pct)
    return metrics.OcupacionSala(nombre, 100, ocupacion, "conteo", pct, metrics.nivel_ocupacion(pct), None, None)


def test_rooms_needing_attention_come_first_and_are_counted():
    from foro_data import metrics

    salas = [_sala("A", 10), _sala("B", 95), _sala("C", None), _sala("D", 120), _sala("E", 100), _sala("F", 75)]
    assert [o.sala for o in metrics.por_urgencia(salas)] == ["D", "B", "E", "A", "C", "F"]
    assert metrics.alerta_salas(salas) == metrics.AlertaSalas(excedidas=1, llenas=2)
    assert not metrics.alerta_salas(salas[:1]).hay


def test_ui_doctests():
    import doctest

    import ui.components
    import ui.fmt

    for module in (ui.fmt, frame, ui.components):
        assert doctest.testmod(module).failed == 0


# --- the arrival curve (issue 13, item 4) ------------------------------------------------------


def _curve(arrivals: list[str], as_of: str, lang: str = "es", kiosk: bool = True, evento: list | None = None):
    from foro_data import metrics
    from tests.workbooks import at
    from ui import components as c

    people = [person(f"P{i}", "X", f"p{i}@x.org") for i in range(len(arrivals) + 2)]
    checkins = [["Marca temporal", "Correo electrónico"]] + [
        [f"19/6/2025 {h}:00", f"p{i}@x.org"] for i, h in enumerate(arrivals)
    ]
    tabs = {"Inscripciones": [INSCRIPCIONES_HEADERS, *people], "Acreditaciones": checkins}
    if evento:
        tabs["Evento"] = [["Clave", "Valor"], *evento]
    snap = snapshot(**tabs)
    ctx = frame.Ctx(Config(), snap, at(as_of), lang, "publico", kiosk)
    meta = metrics.meta_llegadas(snap)
    fig = c.arrival_figure(ctx, metrics.curva_llegadas(snap, at(as_of)), len(people), meta)
    return fig, snap


def test_first_minutes_have_sensible_axes():
    fig, _ = _curve(["8:01", "8:03", "8:04"], "8:06")
    lay = fig.layout
    # Whole-number arrival ticks (no "1 1 1 0 0 0") and hour labels every 30 min over two hours
    # (no "08:00" six times).
    assert lay.yaxis.dtick >= 1 and float(lay.yaxis.dtick).is_integer() and lay.yaxis.range[1] >= 5
    assert lay.xaxis.dtick == 30 * 60 * 1000
    start, end = lay.xaxis.range
    assert (end - start).total_seconds() >= 2 * 3600
    assert lay.xaxis.title.text == "Hora" and lay.yaxis.title.text and lay.yaxis2.title.text == "Acumulado"
    assert lay.font.size >= 28 and lay.xaxis.tickformat == "%H:%M"


def test_a_look_long_after_the_day_keeps_the_axis_on_the_day():
    # A screen opened months after the forum once drew an axis up to today: thousands of hour
    # ticks that froze the browser. The axis, like the curve, ends with the forum day.
    from datetime import timedelta

    from foro_data import metrics
    from tests.workbooks import at
    from ui import components as c

    fig, snap = _curve(["8:01", "8:20", "8:40"], "9:05")
    later = at("9:05") + timedelta(days=400)
    ctx = frame.Ctx(Config(), snap, later, "es", "publico", True)
    fig = c.arrival_figure(ctx, metrics.curva_llegadas(snap, later), 5)
    start, end = fig.layout.xaxis.range
    assert timedelta(hours=2) <= end - start <= timedelta(days=1)
    assert (end - start) / timedelta(milliseconds=fig.layout.xaxis.dtick) <= 12  # a handful of hour labels
    assert not [a for a in fig.layout.annotations if str(a.text).startswith("ahora")]  # no "ahora" line off the day


def test_bars_cover_their_slot_and_the_total_is_a_reference():
    from datetime import datetime

    fig, _ = _curve(["8:01", "8:20", "8:40"], "9:05")
    bars = next(t for t in fig.data if t.type == "bar")
    assert bars.x[0] == datetime(2025, 6, 19, 8, 7, 30)  # the middle of 08:00–08:15
    assert bars.width == 15 * 60 * 1000 * 0.92
    assert list(bars.y) == [1, 1, 1, 0, 0]
    total = [s for s in fig.layout.shapes if s.yref == "y2"]
    assert total and total[0].y0 == 5  # three arrivals + two who have not come
    assert any("Inscriptos 5" in a.text for a in fig.layout.annotations)


def test_target_curve_from_the_evento_tab():
    fig, snap = _curve(["8:01"], "8:30", evento=[["meta_acreditados", "9:00=2; 10:00=4; a las once=5"]])
    meta = [t for t in fig.data if t.name == "Meta"]
    assert meta and list(meta[0].y) == [2, 4]
    bad = [p for p in snap.problems if p.kind == "meta_invalida"]
    assert [p.value for p in bad] == ["a las once=5"] and bad[0].tab == "Evento"
