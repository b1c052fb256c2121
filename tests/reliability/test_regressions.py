"""Regression tests (no browser, no server) for defects the load run found."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from foro_data import metrics
from foro_data.build import build_snapshot
from foro_data.snapshot import Fuente
from foro_data.sources.base import RawWorkbook
from tests.sheets_fixtures import forum_tabs
from tests.workbooks import READ_AT


def test_arrival_curve_stops_at_the_end_of_the_forum_day() -> None:
    """Regression: with the as-of time after the forum day (a rehearsal on another date, partners
    looking the week after) the curve grew one 15-minute slot per quarter hour since the day: a
    year later, 35,000 bars for every viewer on every refresh (1.4 s of server CPU per rerun of
    En vivo and a browser tab of gigabytes)."""
    snap = build_snapshot(RawWorkbook(tabs=forum_tabs(60)), Fuente("archivo", "prueba", READ_AT))
    start, end = metrics.dia_del_foro(snap)
    at_end = metrics.curva_llegadas(snap, end)
    a_year_later = metrics.curva_llegadas(snap, end + timedelta(days=365))
    assert len(a_year_later) <= (end - start) / timedelta(minutes=15) + 1
    assert a_year_later[-1].acumulado == at_end[-1].acumulado == metrics.cifras(snap, end).acreditados
    assert metrics.curva_llegadas(snap, datetime(2030, 1, 1, tzinfo=timezone.utc))[-1].acumulado == at_end[-1].acumulado
