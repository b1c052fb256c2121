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
