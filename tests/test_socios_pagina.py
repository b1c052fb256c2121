"""The Socios page: the table by city (issue 11 item 9), the same protected tables the downloads
carry, and the take-away buttons (report built on click, tables)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from foro_data import metrics
from foro_data.informe.textos import t as tr
from tests.apptest import assert_clean, open_page, rendered
from ui.frame import Ctx
from ui.i18n import t
from ui.partners import archivo_tablas, filas_visibles, informe, tablas, vista


@pytest.mark.parametrize("lang", ["es", "en"])
def test_socios_shows_the_city_table_and_two_take_aways(lang):
    at = open_page("socios", "socios", lang)
    assert_clean(at)
    subheaders = [s.value for s in at.subheader]
    assert tr("por_ciudad", lang) in subheaders
    labels = [b.label for b in at.get("download_button")]
    assert labels == [t("socios.descargar_informe", lang), t("socios.descargar_tablas", lang)]
    snap, as_of = rendered(at)
    ctx = Ctx(None, snap, as_of, lang, "socios", False)  # type: ignore[arg-type]
    city = next(tb for tb in tablas(ctx) if tb.titulo == tr("por_ciudad", lang))
    headers, rows = vista(city, lang)
    shown = next(d.value for d in at.dataframe if list(d.value.columns) == list(headers))
    assert [tuple(r) for r in shown.astype(str).itertuples(index=False)] == rows
    assert len(rows) == len(filas_visibles(city, lang))
    assert any("★" in r[0] for r in rows) and headers[-1] == tr("col.pais", lang)
    cuadro = metrics.cuadro_socios(snap, as_of, "ciudad")
    assert len(shown) == len(cuadro.filas) > 10


def test_take_aways_are_built_on_demand():
    at = open_page("socios", "socios", "pt")
    snap, as_of = rendered(at)
    ctx = Ctx(None, snap, as_of, "pt", "socios", False)  # type: ignore[arg-type]
    make, name = informe(ctx, "PDF", "Mercociudades")
    assert name.startswith("relatorio-foro-de-ciudades-por-la-seguridad-") and name.endswith(".pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(make())).pages)
    assert "Preparado para Mercociudades" in text and tr("metodo", "pt") in text
    make, name = archivo_tablas(ctx, "CSV", "")
    assert name.endswith(".csv") and make().decode("utf-8-sig").count(";") > 20
