"""The Socios page: the table by city (issue 11 item 9), the same protected tables the downloads
carry, and the take-away buttons (report built on click, tables)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from foro_data import metrics
from foro_data.informe.textos import t as tr
from tests.apptest import assert_clean, headline, open_page, rendered
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


@pytest.mark.parametrize("campo", ["pais", "rol", "red", "ejes", "ciudad"])
def test_sin_dato_is_never_the_headline_row(campo):
    """Issue 13 item 8: people who left a field blank are counted, but after every real value
    (on the demo most people name no network: "(sin dato)" was the first row of that table)."""
    at = open_page("socios", "socios", "es")
    snap, as_of = rendered(at)
    filas = metrics.cuadro_socios(snap, as_of, campo).filas
    claves = [f.pais if campo == "ciudad" else f.clave for f in filas]
    if metrics.SIN_DATO in claves:
        first = claves.index(metrics.SIN_DATO)
        assert all(k == metrics.SIN_DATO for k in claves[first:]), claves
    assert claves and claves[0] != metrics.SIN_DATO


def test_red_table_has_sin_dato_in_the_demo_and_last():
    at = open_page("socios", "socios", "es")
    snap, as_of = rendered(at)
    claves = [f.clave for f in metrics.cuadro_socios(snap, as_of, "red").filas]
    assert claves[-1] == metrics.SIN_DATO and len(claves) > 2


@pytest.mark.parametrize("lang", ["es", "pt", "en"])
def test_acreditados_and_presentes_are_explained(lang):
    """Both words on the partner page and En vivo say what they count: an accredited person stays
    accredited after leaving, a present one has not scanned out."""
    at = open_page("socios", "socios", lang)
    assert_clean(at)
    captions = " ".join(c.value for c in at.caption)
    assert t("def.acreditados", lang) in captions and t("def.presentes", lang) in captions
    helps = {m.label: m.help for m in at.metric}
    assert helps[t("col.acreditados", lang)] == t("def.acreditados", lang)
    vivo = open_page("en_vivo", "socios", lang)
    helps = {f.label: f.help for f in headline(vivo)}
    assert helps[t("vivo.acreditados", lang)] == t("def.acreditados", lang)
    assert helps[t("vivo.presentes", lang)] == t("def.presentes", lang)
