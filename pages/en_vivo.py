"""En vivo: the control-room big screen — headline figures, arrival curve, rooms, data age."""

import streamlit as st

from foro_data import metrics
from ui import components as c
from ui.frame import Ctx, live_page


def screen(ctx: Ctx) -> None:
    cifras = ctx.calc(metrics.cifras, ctx.snap, ctx.as_of)
    c.big_numbers(ctx, cifras)
    curve, rooms = st.columns([5, 7], gap="large")
    with curve:
        c.arrival_chart(
            ctx,
            ctx.t("vivo.curva"),
            ctx.calc(metrics.curva_llegadas, ctx.snap, ctx.as_of),
            cifras.inscriptos,
            ctx.calc(metrics.meta_llegadas, ctx.snap),
        )
    with rooms:
        salas = ctx.calc(metrics.ocupacion_salas, ctx.snap, ctx.as_of)
        c.room_strip(ctx, salas, per_row=3 if ctx.kiosk else 4)  # under the rooms' heading and alerts


live_page("en_vivo", screen, big=True)
