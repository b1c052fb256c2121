"""Salas on a phone: the room picker at the top (it sets ``?sala=``, so the one-room view is
reachable without typing a URL) and the CSS that keeps the cards and the −1/+1 row where they are
while lines come and go (issue 13 item 5)."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from foro_data import metrics
from foro_data.schema import fold

from .frame import Ctx, style

PICKER = "foro-sala-picker"
SALA = "sala"  # the query parameter of the one-room view

# Reserved heights: a refresh, a tap or the sender emptying the outbox changes which lines are
# there, never how tall their slot is; so nothing under a thumb moves. Every control ≥ 48 px.
STEADY_CSS = """
<style>
/* The figure takes its own line with room for its "↑ N" change, so the badge never wraps in or out. */
[class*="st-key-nivel-"] .stElementContainer:has(> .stMetric) { flex: 1 0 100% !important; }
[class*="st-key-nivel-"] .stMetric { min-height: 5rem; }
[class*="st-key-foro-nota-"] { min-height: 2.9rem; }
[class*="st-key-foro-barra-c"] { min-height: 16px; }  /* a progress bar's height */
[class*="st-key-foro-fuente-c"] { min-height: 4rem; }  /* the longest source line: 3 lines at 390 px */
.st-key-foro-venue-estado { min-height: 3.5rem; }
.st-key-foro-sala-picker [role="group"] { min-height: 3rem; }
.st-key-foro-sala-picker input { font-size: 1.1rem; }
.st-key-foro-todas button, .st-key-foro-cambiar-nombre button { min-height: 3rem; }
.st-key-foro-empezar button, .st-key-_registra_in input { min-height: 3rem; }
</style>
"""


def pinned() -> str:
    return str(st.query_params.get(SALA, ""))


def rooms_named(salas: Sequence[metrics.OcupacionSala], name: str) -> list[metrics.OcupacionSala]:
    """The rooms ``?sala=`` names (accents and case aside): none when it names no room."""
    return [o for o in salas if fold(o.sala) == fold(name)]


def room_picker(ctx: Ctx, salas: Sequence[metrics.OcupacionSala]) -> None:
    """A select box of every room ("Todas" first) mirroring ``?sala=``; picking one pins it."""
    names = [o.sala for o in salas]
    current = next((n for n in names if fold(n) == fold(pinned())), "")
    # The URL is the truth (a link, "Ver todas las salas", a reload): the box follows it.
    if st.session_state.get(PICKER) != current:
        st.session_state[PICKER] = current
    st.selectbox(
        ctx.t("salas.elegir"),
        ["", *names],
        key=PICKER,
        on_change=_pin,
        format_func=lambda n: n or ctx.t("salas.todas_opcion"),
    )


def all_rooms_button(ctx: Ctx) -> None:
    st.button(ctx.t("salas.todas"), key="foro-todas", width="stretch", on_click=_unpin)


def steady_layout() -> None:
    style(STEADY_CSS)


def _pin() -> None:
    value = str(st.session_state.get(PICKER) or "")
    if value:
        st.query_params[SALA] = value
    else:
        _unpin()


def _unpin() -> None:
    if SALA in st.query_params:
        del st.query_params[SALA]
    st.session_state[PICKER] = ""
