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
