"""Socios: participation for partner networks — aggregates only, small numbers suppressed, a
report to forward and the tables to download."""

import streamlit as st

from foro_data import metrics
from ui import components as c
from ui import partners
from ui.fmt import number, percent
from ui.frame import Ctx, live_page


def screen(ctx: Ctx) -> None:
    st.title(ctx.t("socios.titulo"), anchor=False)
    st.caption(ctx.t("socios.nota"))
    cifras = ctx.calc(metrics.cifras, ctx.snap, ctx.as_of)
    with st.container(horizontal=True, gap="medium"):  # wraps two by two on a phone
        st.metric(ctx.t("col.inscriptos"), number(cifras.inscriptos, ctx.lang), width="content")
        st.metric(
            ctx.t("col.acreditados"),
            number(cifras.acreditados, ctx.lang),
            help=ctx.t("def.acreditados"),
            width="content",
        )
        st.metric(
            ctx.t("socios.asistencia"),
            percent(ctx.calc(metrics.asistencia_general, ctx.snap, ctx.as_of), ctx.lang),
            help=ctx.t("socios.asistencia_def"),
            width="content",
        )
        st.metric(ctx.t("socios.intendencias"), number(cifras.intendencias_acreditadas, ctx.lang), width="content")
    st.caption(
        f"{ctx.t('socios.asistencia')} = {ctx.t('socios.asistencia_def')}  \n"
        f"{ctx.t('def.acreditados')}  \n{ctx.t('def.presentes')}"
    )

    with st.container(border=True):
        st.subheader(ctx.t("socios.llevar"), anchor=False)
        red = c.network_choice(ctx, ctx.calc(partners.redes, ctx))
        c.take_away(ctx, red)

    todas = ctx.calc(partners.tablas, ctx, red)
    for i in range(0, len(todas), 2):
        cols = st.columns(2, gap="large")
        for col, tabla in zip(cols, todas[i : i + 2]):
            with col:
                st.subheader(tabla.titulo, anchor=False)
                headers, rows = partners.vista(tabla, ctx.lang)
                # Every row without scrolling up to 20 rows (the review: 10 of 13 countries shown).
                height = 35 * (len(rows) + 1) + 3 if len(rows) <= 20 else 560
                c.dataframe(rows, headers, height=height, key=f"socios-{i}-{tabla.titulo}")
                if tabla.nota:
                    st.caption(tabla.nota)


live_page("socios", screen)
