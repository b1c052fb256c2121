"""Socios downloads worth forwarding: XLSX with an "Acerca de" sheet and real number formats, CSV in
the reader's locale (";" and "," decimals for es/pt, "," for en) with a BOM, names with event and date."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

import pytest
from openpyxl import load_workbook

from foro_data import metrics
from foro_data.build import build_snapshot
from foro_data.demo import demo_workbook
from foro_data.informe import descargas
from foro_data.informe.textos import t
from foro_data.snapshot import Fuente, Snapshot
from tests.workbooks import at

READ = datetime(2025, 6, 19, 23, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def demo() -> Snapshot:
    return build_snapshot(demo_workbook(), Fuente("demo", "demo", READ))


@pytest.mark.parametrize("lang", ["es", "pt", "en"])
def test_xlsx_has_about_sheet_then_one_sheet_per_table(demo, lang):
    wb = load_workbook(io.BytesIO(descargas.xlsx(demo, at("12:00"), lang, "Mercociudades")))
    titles = [tb.titulo for tb in descargas.tablas(demo, at("12:00"), lang)]
    assert wb.sheetnames == [t("acerca", lang), *titles]
    about = {r[0]: r[1] for r in wb[t("acerca", lang)].iter_rows(values_only=True)}
    assert demo.evento.nombre in about[t("acerca.evento", lang)]
    assert "12:00" in about[t("acerca.hora", lang)]
    assert "<3" in about[t("acerca.supresion", lang)]
    assert about[t("asistencia", lang)] == t("def.asistencia", lang)


def test_xlsx_numbers_are_numbers_and_rates_are_percent_formatted(demo):
    wb = load_workbook(io.BytesIO(descargas.xlsx(demo, at("12:00"), "es")))
    ws = wb[t("por_pais", "es")]
    assert [c.value for c in ws[1]] == ["País", "Inscriptos", "Acreditados", "Asistencia"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2) if r[0].value}
    ar = rows["Argentina"]
    filas = {f.clave: f for f in metrics.cuadro_socios(demo, at("12:00"), "pais").filas}
    assert ar[1].value == filas["AR"].inscriptos and isinstance(ar[1].value, int)
    assert ar[3].number_format == "0%"
    assert ar[3].value == pytest.approx(filas["AR"].acreditados / filas["AR"].inscriptos)
    hidden = [r for r in ws.iter_rows(min_row=2) if r[1].value in ("<3", "x")]
    assert hidden and all(r[1].data_type == "s" for r in hidden)
    city = wb[t("por_ciudad", "es")]
    assert [c.value for c in city[1]][:3] == ["País", "Ciudad", "Ciudad miembro"]


def _csv_rows(data: bytes, sep: str) -> list[list[str]]:
    assert data.startswith("\ufeff".encode("utf-8"))
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=sep))


@pytest.mark.parametrize("lang, sep, dec", [("es", ";", ","), ("pt", ";", ","), ("en", ",", ".")])
def test_csv_follows_the_locale(demo, lang, sep, dec):
    rows = _csv_rows(descargas.csv(demo, at("12:00"), lang), sep)
    assert rows[1][0] == t("acerca.evento", lang)
    i = rows.index([t("por_pais", lang)])
    head = rows[i + 1]
    assert head == [
        t("col.pais", lang),
        t("col.inscriptos", lang),
        t("col.acreditados", lang),
        t("col.asistencia", lang) + " (%)",
    ]
    first = rows[i + 2]
    f = metrics.cuadro_socios(demo, at("12:00"), "pais").filas[0]
    assert first[1] == str(f.inscriptos)
    assert first[3] == f"{100 * f.acreditados / f.inscriptos:.1f}".replace(".", dec)
    # Each table has its own header: the city table's is not the country table's.
    j = rows.index([t("por_ciudad", lang)])
    assert rows[j + 1][1] == t("col.ciudad", lang)


def test_file_names_carry_event_and_time(demo):
    name = descargas.nombre_archivo(demo, at("12:00"), "es", "informe")
    assert name == "informe-foro-de-ciudades-por-la-seguridad-2025-06-19-1200"
    assert descargas.nombre_archivo(demo, at("12:00"), "en", "tablas").startswith("tables-foro-de-ciudades")
