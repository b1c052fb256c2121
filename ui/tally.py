"""The room tally on Salas: −1 / +1 and the absolute headcount at a room card's foot, and the
rooms as ``metrics`` counts them with the taps the Sheet does not show yet (optimistic view)."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from pathlib import Path

import streamlit as st

from foro_data import metrics, schema
from foro_data.outbox import ENVIADA
from foro_data.schema import fold
from foro_data.writes import InvalidOperation, PendingOp, TallyOp, Writer, as_conteos

from . import data
from .fmt import md_escape
from .frame import Ctx
from .writing import Puesto, flash, key_slug, submit

# Session-state keys.
NAME = "_registra"  # the coordinator's name, asked once per session
NAME_INPUT = "_registra_in"
POR = "por"  # ... and kept in the URL, so a reload or the pinned link does not ask again
MAX_NAME = 60
RECEIVED = "_toques_recibidos"  # button key -> taps this session's server received

# Shipped with the app and inlined (no request, no CDN); see the file's header for what it does.
_TOQUES_JS = (Path(__file__).resolve().parents[1] / "static" / "foro-toques.js").read_text(encoding="utf-8")
TOQUES_CSS = """
<style>
.foro-toques.foro-toques-aviso { color: #1b1300; background: #ffb74d; font-weight: 700; padding: 0.35em 0.6em;
  border-radius: 0.4rem; }
</style>
"""


def rooms(ctx: Ctx, ops: Sequence[PendingOp] = ()) -> list[metrics.OcupacionSala]:
    """Every room's occupancy, the taps not on the Sheet yet counted as they will be once it has
    them (the figure is metrics'; this only passes the pending taps in)."""
    if not ops:  # what every viewer without taps of their own sees: computed once per view
        return ctx.calc(metrics.ocupacion_salas, ctx.snap, ctx.as_of)
    return metrics.ocupacion_salas(ctx.snap, ctx.as_of, pendientes=as_conteos(ops))


def pending_taps(ops: Sequence[PendingOp], sala: str) -> int:
    """How many of the room's taps are not on the Sheet yet: the same rows the page's "⏳ N
    escrituras pendientes" line counts (sent ones only wait for the next read, they are saved)."""
    return sum(1 for p in ops if isinstance(p.op, TallyOp) and fold(p.op.sala) == fold(sala) and p.estado != ENVIADA)


def coordinator_name(ctx: Ctx) -> str:
    """The name written in ``registrado_por``: asked once (then kept in ``?por=``), shown with "cambiar"."""
    name = st.session_state.get(NAME, "") or _clean(st.query_params.get(POR, ""))
    if name:
        st.session_state[NAME] = name
        if st.query_params.get(POR) != name:
            st.query_params[POR] = name
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            st.markdown(ctx.t("conteo.registra", nombre=md_escape(name)), width="content")
            st.button(
                ctx.t("conteo.cambiar"), key="foro-cambiar-nombre", type="tertiary", icon="✏️", on_click=_forget_name
            )
        return name
    with st.form("foro-nombre", border=True, enter_to_submit=True):
        st.text_input(
            ctx.t("conteo.nombre"),
            key=NAME_INPUT,
            max_chars=MAX_NAME,
            help=ctx.t("conteo.nombre.ayuda"),
            autocomplete="name",
        )
        st.form_submit_button(
            ctx.t("conteo.empezar"),
            key="foro-empezar",
            type="primary",
            width="stretch",
            on_click=_save_name,
            args=(ctx.t("conteo.falta_nombre"),),
        )
    return ""


def _clean(name: object) -> str:
    return " ".join(str(name or "").split())[:MAX_NAME]


def _save_name(missing: str) -> None:
    name = _clean(st.session_state.get(NAME_INPUT))
    if name:
        st.session_state[NAME] = name
        st.query_params[POR] = name
    else:
        flash("aviso", missing)


def _forget_name() -> None:
    st.session_state.pop(NAME, None)
    if POR in st.query_params:
        del st.query_params[POR]


def tally_controls(ctx: Ctx, p: Puesto, o: metrics.OcupacionSala, ops: Sequence[PendingOp], nombre: str) -> None:
    """At a room card's foot: −1 and +1 side by side, then the absolute headcount."""
    assert p.writer is not None
    slug = key_slug(fold(o.sala))
    with st.container(key=f"foro-tally-{slug}"):
        # A horizontal container keeps the two buttons side by side at 390 px (columns stack).
        with st.container(horizontal=True, gap="small"):
            st.button(
                "−1",
                key=f"foro-menos-{slug}",
                width="stretch",
                on_click=_tally,
                args=(p.writer, ctx.role, ctx.lang, o.sala, -1, nombre, f"foro-menos-{slug}"),
            )
            st.button(
                "+1",
                key=f"foro-mas-{slug}",
                type="primary",
                width="stretch",
                on_click=_tally,
                args=(p.writer, ctx.role, ctx.lang, o.sala, 1, nombre, f"foro-mas-{slug}"),
            )
        st.html(tap_check(ctx, (f"foro-menos-{slug}", f"foro-mas-{slug}")), unsafe_allow_javascript=True)
        with st.form(f"foro-conteo-{slug}", border=False, clear_on_submit=True):
            with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
                st.number_input(
                    ctx.t("conteo.total"),
                    min_value=0,
                    max_value=schema.MAX_PERSONAS_SALA,
                    step=1,
                    value=None,
                    key=f"foro-total-{slug}",
                    placeholder=ctx.t("conteo.total.placeholder"),
                )
                st.form_submit_button(
                    ctx.t("conteo.guardar"),
                    key=f"foro-guardar-{slug}",
                    width="content",
                    on_click=_headcount,
                    args=(
                        p.writer,
                        ctx.role,
                        ctx.lang,
                        o.sala,
                        nombre,
                        f"foro-total-{slug}",
                        ctx.t("conteo.falta_total"),
                    ),
                )
        # One slot under the buttons, its height reserved (ui.room_picker.STEADY_CSS): the taps not
        # saved yet, else the first-use hint. Above the buttons it moved them when it went away.
        n = pending_taps(ops, o.sala)
        with st.container(key=f"foro-nota-{slug}"):
            if n:
                st.caption(md_escape(ctx.t("conteo.sin_enviar_uno") if n == 1 else ctx.t("conteo.sin_enviar", n=n)))
            elif o.fuente != "conteo":
                st.caption(md_escape(ctx.t("conteo.empezar_con_total")))
            else:
                st.html("<div></div>")  # an empty container is not drawn: this keeps its slot


def tap_check(ctx: Ctx, keys: tuple[str, ...]) -> str:
    """HTML for ``st.html``: how many taps of each button this session received, for the browser
    to compare with the taps it saw and say when some never arrived (static/foro-toques.js)."""
    received = st.session_state.get(RECEIVED, {})
    datos = {
        "recibidos": {k: int(received.get(k, 0)) for k in keys},
        "uno": ctx.t("conteo.toque_perdido"),
        "varios": ctx.t("conteo.toques_perdidos", n="{n}"),
    }
    return (
        f'{TOQUES_CSS}<div class="foro-toques" role="status" data-foro="{html.escape(json.dumps(datos), quote=True)}">'
        f'<span class="foro-toques-texto"></span></div><script>{_TOQUES_JS}</script>'
    )


def _tally(writer: Writer, role: str, lang: str, sala: str, delta: int, nombre: str, key: str = "") -> None:
    # Counted as received before anything else: the browser compares this with the taps it saw.
    received = st.session_state.setdefault(RECEIVED, {})
    received[key] = received.get(key, 0) + 1
    # Real time, never the replay or chosen as-of time: the row says when the door was counted.
    try:
        submit(writer, TallyOp.new(sala, "delta", delta, nombre, data.real_now()), role, lang)
    except InvalidOperation as e:
        flash("aviso", e.reason_in(lang))


def _headcount(writer: Writer, role: str, lang: str, sala: str, nombre: str, key: str, missing: str) -> None:
    value = st.session_state.get(key)
    if value is None:
        flash("aviso", missing)
        return
    try:
        submit(writer, TallyOp.new(sala, "conteo", int(value), nombre, data.real_now()), role, lang)
    except InvalidOperation as e:
        flash("aviso", e.reason_in(lang))
