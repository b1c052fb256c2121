"""Mapa: where participants come from — one bubble per city, sized by inscriptos, coloured by the
share already accredited; places that could not be located are listed."""

import streamlit as st

from foro_data import access, metrics
from ui import components as c
from ui.frame import Ctx, live_page


def screen(ctx: Ctx) -> None:
    st.title(ctx.t("mapa.titulo"), anchor=False)
    puntos, sin_ubicar = ctx.calc(metrics.por_lugar, ctx.snap, ctx.as_of)
    suprimir = not access.sees_small_numbers(ctx.role)
    # The partners' table by country (complementary suppression too): the same figures as Socios
    # and the report, on the wall as in the expander.
    por_pais = (
        ctx.calc(metrics.cuadro_socios, ctx.snap, ctx.as_of, "pais").filas
        if suprimir
        else ctx.calc(metrics.desglose, ctx.snap, ctx.as_of, "pais")
    )
    if ctx.kiosk:  # the wall: the map across most of the width, the figures beside it, nothing to click
        mapa, cifras = st.columns([3, 2], gap="large")
        with mapa:
            c.city_map(ctx, puntos, suprimir)
        with cifras:
            c.country_board(ctx, por_pais)
        return
    c.city_map(ctx, puntos, suprimir)
    with st.expander(ctx.t("socios.por_pais")):
        c.light_table(
            [(c.label(ctx, "pais", f.clave), f.inscriptos, f.acreditados) for f in por_pais],
            [ctx.t("col.pais"), ctx.t("col.inscriptos"), ctx.t("col.acreditados")],
        )
    if sin_ubicar:
        with st.expander(ctx.t("mapa.sin_ubicar", n=len(sin_ubicar))):
            if not access.sees_typed_text(ctx.role):  # counts only: the typed text may hold a name
                st.caption(
                    ctx.t(
                        "mapa.sin_ubicar.solo_cifras",
                        lugares=len(sin_ubicar),
                        n=metrics.suprimir(sum(u.inscriptos for u in sin_ubicar)),
                    )
                )
            else:  # organisers also get the Inscripciones rows, to fix the city in the Sheet
                c.light_table(
                    [(u.entrada, u.inscriptos, ", ".join(map(str, u.filas))) for u in sin_ubicar],
                    [ctx.t("col.ciudad"), ctx.t("col.inscriptos"), ctx.t("col.filas")],
                )


live_page("mapa", screen)
