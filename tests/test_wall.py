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
    import ui.svg_chart

    for module in (ui.fmt, frame, ui.components, ui.svg_chart):
        assert doctest.testmod(module).failed == 0


# --- the arrival curve (issue 13, item 4; one SVG since issue 14) -------------------------------

SVG = "{http://www.w3.org/2000/svg}"


def _curve(arrivals: list[str], as_of: str, lang: str = "es", kiosk: bool = True, evento: list | None = None):
    """The chart En vivo draws for these check-in times, as a parsed SVG document."""
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
    return _parse(c.arrival_svg(ctx, metrics.curva_llegadas(snap, at(as_of)), len(people), meta)), snap


def _parse(text: str):
    import xml.etree.ElementTree as ET

    return ET.fromstring(text)


def _texts(root) -> list[tuple[str, dict]]:
    return [(t.text or "", t.attrib) for t in root.iter(f"{SVG}text")]


def _time_axis(root) -> list[tuple[str, dict]]:
    """The labels on the chart's bottom row (times, and "ahora HH:MM" when it goes there)."""
    height = float(root.get("viewBox").split()[3])
    return [(text, a) for text, a in _texts(root) if float(a["y"]) > height - float(a["font-size"])]


def test_first_minutes_have_sensible_axes():
    root, _ = _curve(["8:01", "8:03", "8:04"], "8:06")
    texts = [text for text, _ in _texts(root)]
    counts = [text for text, a in _texts(root) if a["fill"] == "#4fc3f7" and text.isdigit()]
    # Whole-number arrival ticks (no "1 1 1 0 0 0") and hour labels every 30 min over two hours
    # (no "08:00" six times).
    assert counts == sorted(set(counts), key=int) and counts[0] == "0" and int(counts[-1]) >= 5
    # At the doors' opening the "now" line is under the title: its time goes on the axis, in bold.
    times = [t for t, a in _time_axis(root) if "font-weight" not in a]
    assert len(times) >= 2 and len(times) == len(set(times))
    assert all(t.endswith((":00", ":30")) for t in times)
    assert [t for t, a in _time_axis(root) if a.get("font-weight") == "700"] == ["08:06"]
    assert "Llegadas" in texts
    late, _ = _curve(["8:01", "8:03", "8:04"], "11:15")
    assert "ahora 11:15" in [t for t, _ in _texts(late)] and "11:15" not in [t for t, _ in _time_axis(late)]
    # The wall's text is big: 44 units in a 700-unit chart drawn ≥ 480 px wide (tests/e2e/test_wall_type).
    assert {float(a["font-size"]) for _, a in _texts(root)} == {44.0}


def test_the_time_axis_never_repeats_or_crowds_a_label():
    from ui import svg_chart

    for as_of in ("8:06", "9:40", "12:10", "19:55"):
        for kiosk in (True, False):
            root, _ = _curve(["8:01", "8:20", "8:40"], as_of, kiosk=kiosk)
            labels = _time_axis(root)
            assert len({t for t, _ in labels}) == len(labels), (as_of, labels)
            half = [svg_chart.text_width(t, float(a["font-size"])) / 2 for t, a in labels]
            edges = sorted((float(a["x"]) - w, float(a["x"]) + w) for (t, a), w in zip(labels, half))
            assert all(a[1] <= b[0] for a, b in zip(edges, edges[1:])), (as_of, kiosk, edges)
            width = float(root.get("viewBox").split()[2])
            assert edges[0][0] >= -1 and edges[-1][1] <= width + 1, (as_of, kiosk, edges)


def test_a_look_long_after_the_day_keeps_the_axis_on_the_day():
    # A screen opened months after the forum once drew an axis up to today: thousands of hour
    # ticks that froze the browser. The axis, like the curve, ends with the forum day.
    from foro_data import metrics
    from tests.workbooks import at
    from ui import components as c

    _, snap = _curve(["8:01", "8:20", "8:40"], "9:05")
    later = at("9:05") + timedelta(days=400)
    ctx = frame.Ctx(Config(), snap, later, "es", "publico", True)
    root = _parse(c.arrival_svg(ctx, metrics.curva_llegadas(snap, later), 5))
    assert 2 <= len(_time_axis(root)) <= 12  # a handful of hour labels
    assert not [t for t, _ in _texts(root) if t.startswith("ahora")]  # no "ahora" line off the day


def test_bars_cover_their_slot_and_the_total_is_a_reference():
    root, _ = _curve(["8:01", "8:20", "8:40"], "9:05")
    bars = [{k: float(v) for k, v in r.attrib.items() if k != "fill"} for r in root.iter(f"{SVG}rect")]
    assert len(bars) == 3 and len({b["height"] for b in bars}) == 1  # 1, 1, 1 (empty slots draw nothing)
    # Each bar covers most of its slot and starts where the slot does: no bar straddles its tick.
    slot = bars[1]["x"] - bars[0]["x"]
    assert slot > bars[0]["width"] > 0.9 * slot
    texts = [t for t, _ in _texts(root)]
    assert "Inscriptos 5" in texts  # three arrivals + two who have not come
    assert "Acumulado 3" in texts  # the line says its own value: no second axis to decode


def test_target_curve_from_the_evento_tab():
    root, snap = _curve(["8:01"], "8:30", evento=[["meta_acreditados", "9:00=2; 10:00=4; a las once=5"]])
    assert "Meta" in [t for t, _ in _texts(root)]
    assert len(list(root.iter(f"{SVG}circle"))) == 2
    bad = [p for p in snap.problems if p.kind == "meta_invalida"]
    assert [p.value for p in bad] == ["a las once=5"] and bad[0].tab == "Evento"
