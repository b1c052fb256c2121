"""Apoyos: funds per currency, pending requests (mayors first), funded people arrived or not yet."""

import streamlit as st

from foro_data import metrics
from ui import components as c
from ui import funding as f
from ui.frame import Ctx, live_page


def screen(ctx: Ctx) -> None:
    st.title(ctx.t("apoyos.titulo"), anchor=False)
    fondos = metrics.fondos(ctx.snap)
    if not fondos:
        st.info(ctx.t("apoyos.sin_fondos"))
        return
    st.subheader(ctx.t("apoyos.fondos"), anchor=False)
    st.caption(ctx.t("apoyos.fondos.nota"))
    c.dataframe(f.fondos_rows(ctx, fondos), f.fondos_headers(ctx), key="fondos")

    st.subheader(ctx.t("apoyos.cola"), anchor=False)
    cola = metrics.cola_apoyos(ctx.snap)
    if cola:
        c.dataframe(f.cola_rows(ctx, cola), f.cola_headers(ctx), key="cola")
    else:
        st.info(ctx.t("apoyos.cola.vacia"))

    llegaron, faltan = metrics.seguimiento_apoyos(ctx.snap, ctx.as_of)
    tab_faltan, tab_llegaron = st.tabs(
        [f"{ctx.t('apoyos.no_llegaron')} ({len(faltan)})", f"{ctx.t('apoyos.llegaron')} ({len(llegaron)})"]
    )
    with tab_faltan:
        c.dataframe(f.seguimiento_rows(ctx, faltan), f.seguimiento_headers(ctx), key="faltan")
    with tab_llegaron:
        c.dataframe(f.seguimiento_rows(ctx, llegaron), f.seguimiento_headers(ctx), key="llegaron")


live_page("apoyos", screen)
