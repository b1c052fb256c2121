"""Acreditación: the desk on a phone — search a person, accredit, undo within a minute, register a walk-in."""

import streamlit as st

from ui import data, desk, writing
from ui.frame import Ctx, live_page


def screen(ctx: Ctx) -> None:
    writing.style_venue()
    st.header(ctx.t("acr.titulo"), anchor=False)
    puesto = writing.puesto(ctx, "acreditacion")
    if puesto.puede:
        # The desk acts now: real time, whatever as-of time the sidebar shows elsewhere.
        now = data.real_now().astimezone(ctx.snap.tz)
        ops = writing.shown_ops(ctx, puesto)
        writing.estado_envio(ctx, puesto)
    else:
        # Without the Sheet the desk can still look people up, read-only.
        writing.explain(ctx, puesto)
        now, ops = ctx.as_of, []
    # The search box stays at the top: the desk types the next name while the last one settles.
    consulta = desk.search(ctx)
    if puesto.puede:
        writing.show_flash()
        desk.recent_panel(ctx, puesto, now)
    desk.results(ctx, consulta, puesto, ops, now)
    if puesto.puede:
        desk.walk_in_form(ctx, puesto)


live_page("acreditacion", screen)
