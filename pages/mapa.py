"""Mapa: where participants come from — one bubble per city, sized by inscriptos, coloured by the
share already accredited; places that could not be located are listed."""

import streamlit as st

from foro_data import metrics
from ui import components as c
from ui.frame import Ctx, live_page
from ui.mapdata import burbujas


def screen(ctx: Ctx) -> None:
    st.title(ctx.t("mapa.titulo"))
    puntos, sin_ubicar = burbujas(ctx.snap, ctx.as_of)
    # Partners and the public see "<3" for small places, as in every aggregate view.
    suprimir = ctx.role != "organizacion"
    c.city_map(ctx, puntos, suprimir)
    if sin_ubicar:
        with st.expander(ctx.t("mapa.sin_ubicar", n=len(sin_ubicar))):
            c.dataframe(
                [(u.entrada, metrics.suprimir(u.inscriptos) if suprimir else u.inscriptos) for u in sin_ubicar],
                [ctx.t("col.ciudad"), ctx.t("col.inscriptos")], key="sin-ubicar",
            )


live_page("mapa", screen)
