"""Salas: one card per room for coordinators on their phones; a picker (or ``?sala=``) pins one room; coordinators count at the door."""

import streamlit as st

from foro_data import access, metrics
from ui import components as c
from ui import room_picker as picker
from ui import tally, writing
from ui.frame import Ctx, live_page
from ui.trend import since_last_refresh


def screen(ctx: Ctx) -> None:
    # Tally buttons only where this viewer may write; otherwise one sentence says why.
    puesto = writing.puesto(ctx, "conteo")
    acciones = None
    venue_area = access.sees_write_controls(ctx.role, ctx.kiosk)
    ops = writing.shown_ops(ctx, puesto) if venue_area else []  # the taps show at once, before the Sheet has them
    salas = tally.rooms(ctx, ops)
    if not ctx.kiosk:  # the phone: a room picker first, and lines that come and go keep their space
        picker.steady_layout()
        picker.room_picker(ctx, salas)
    if venue_area:
        if puesto.puede:
            writing.style_venue()
            nombre = tally.coordinator_name(ctx)
            with st.container(key="foro-venue-estado", gap="small"):  # its height is reserved
                writing.show_flash()
                writing.estado_envio(ctx, puesto)
            if nombre:
                acciones = lambda o: tally.tally_controls(ctx, puesto, o, ops, nombre)  # noqa: E731
        else:
            writing.explain(ctx, puesto)
    cambios = since_last_refresh(ctx, salas)
    pinned = picker.pinned()
    shown = picker.rooms_named(salas, pinned) if pinned else salas
    if pinned and not shown:
        st.info(ctx.t("salas.no_encontrada"))
        shown = salas
    if not shown:
        st.info(ctx.t("vivo.sin_salas"))
        return
    c.rooms_heading(ctx, salas)
    if ctx.kiosk:  # the wall shows rooms needing attention first; a phone keeps the Sheet's order
        shown = metrics.por_urgencia(shown)
    # Three cards per row on wide screens; a phone stacks them in the same order.
    per_row = 1 if len(shown) == 1 else 3
    cortos = c.session_names(shown) if ctx.kiosk else None  # the wall shows what tells sessions apart
    for start in range(0, len(shown), per_row):
        for col, o in zip(st.columns(per_row), shown[start : start + per_row]):
            with col:
                c.room_card(ctx, o, cambios.get(o.sala), shown.index(o), acciones=acciones, cortos=cortos)
    if pinned and len(shown) == 1 and not ctx.kiosk:
        picker.all_rooms_button(ctx)


live_page("salas", screen)
