"""Per-viewer memory of the previous room readings, for the "since the last refresh" trend."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from foro_data import metrics

from .frame import Ctx

_KEY = "_salas_lecturas"


def since_last_refresh(ctx: Ctx, salas: list[metrics.OcupacionSala]) -> dict[str, int | None]:
    """Change per room since this viewer's previous reading at another moment.

    A rerun at the same moment (a click) keeps the last change instead of resetting it to zero.
    """
    moment: tuple[datetime, datetime] = (ctx.snap.fuente.leido_en, ctx.as_of.replace(second=0, microsecond=0))
    state = st.session_state.get(_KEY)
    if state is None:
        state = {"moment": moment, "ahora": salas, "antes": salas}
    elif state["moment"] != moment:
        state = {"moment": moment, "ahora": salas, "antes": state["ahora"]}
    st.session_state[_KEY] = state
    return metrics.variacion(state["antes"], state["ahora"])
