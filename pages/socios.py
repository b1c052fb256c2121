"""Socios: participation for partner networks — aggregates only, small numbers suppressed, downloads."""

import streamlit as st

from foro_data import metrics
from ui import components as c
from ui.fmt import percent
from ui.frame import Ctx, live_page
from ui.partners import tablas


def screen(ctx: Ctx) -> None:
    st.title(ctx.t("socios.titulo"), anchor=False)
    st.caption(ctx.t("socios.nota"))
    st.metric(ctx.t("socios.asistencia"), percent(metrics.asistencia_general(ctx.snap, ctx.as_of), ctx.lang))
    todas = tablas(ctx)
    c.downloads(ctx, todas, "foro-socios")
    for i in range(0, len(todas), 2):
        cols = st.columns(2, gap="large")
        for col, tabla in zip(cols, todas[i:i + 2]):
            with col:
                st.subheader(tabla.titulo, anchor=False)
                c.dataframe(tabla.filas, tabla.encabezados, key=f"socios-{i}-{tabla.titulo}")


live_page("socios", screen)
