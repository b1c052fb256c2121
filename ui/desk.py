"""The accreditation desk on Acreditación: search, "Acreditar", since when a person is in, undo
within the minute, and the walk-in form. Who is who is ``identity``'s rule; when a person was
accredited is ``metrics.acreditado_a``'s, with the desk's own check-ins not on the Sheet yet passed in."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import streamlit as st

from foro_data import metrics
from foro_data.countries import country_name
from foro_data.identity import find_persona
from foro_data.model import Persona
from foro_data.snapshot import Snapshot
from foro_data.writes import (
    AccreditOp,
    InvalidOperation,
    PendingOp,
    UndoOp,
    WalkInOp,
    Writer,
    anuladas,
    as_scans,
    may_undo,
    not_yet_read,
    validate_walk_in,
)

from . import data
from .fmt import day_hour, hour, md_escape
from .frame import Ctx
from .writing import Puesto, flash, key_slug, submit

MAX_RESULTS = 20
MIN_QUERY = 2
DESK = "_mesa_ops"  # this desk's check-ins: id_operacion -> DeskOp
WALK_IN_ERRORS = "_puerta_errores"
# The walk-in form asks for these (a subset of the operation's writes.WALK_IN_FIELDS): a desk types fast.
FORM_FIELDS = ("nombre", "apellido", "email", "documento", "cargo", "institucion", "ciudad", "pais")


@dataclass(frozen=True)
class DeskOp:
    """A check-in made at this desk (this browser session), for "Deshacer" within the minute."""

    op: AccreditOp | WalkInOp
    etiqueta: str  # who, as the desk reads it
    deshecha: bool = False


def _desk() -> dict[str, DeskOp]:
    return st.session_state.setdefault(DESK, {})


@dataclass(frozen=True)
class EstadoPersona:
    acreditado_a: datetime | None
    pendiente: bool  # the check-in is not on the Sheet (or not re-read) yet


def estado_persona(snap: Snapshot, p: Persona, ops: Sequence[PendingOp], now: datetime) -> EstadoPersona:
    """Accredited as the Sheet says, with this Sheet's check-ins and undos not read back yet."""
    undone = anuladas(ops)
    at = metrics.acreditado_a(snap, p.key, now, pendientes=as_scans(ops, [p]), anuladas=undone)
    on_sheet = metrics.acreditado_a(snap, p.key, now, anuladas=undone)
    return EstadoPersona(at, at is not None and at != on_sheet)


def _when(ctx: Ctx, at: datetime, now: datetime) -> str:
    tz = ctx.snap.tz
    if at.astimezone(tz).date() == now.astimezone(tz).date():
        return ctx.t("acr.ya_hora", hora=hour(at, tz))
    return ctx.t("acr.ya_dia", dia=day_hour(at, ctx.lang, tz))


def _where(p: Persona, lang: str) -> str:
    place = ", ".join(x for x in (p.ciudad, country_name(p.pais, lang) if p.pais else p.pais_raw) if x)
    return " · ".join(x for x in (place, p.institucion, p.cargo) if x)


def person_row(ctx: Ctx, p: Persona, estado: EstadoPersona, puesto_: Puesto, now: datetime) -> None:
    """One search result: who, where from, and "Acreditar" or since when they are in."""
    with st.container(border=True, key=f"foro-persona-{key_slug(p.key)}"):
        st.markdown(f"**{md_escape(p.nombre_completo or '—')}**")
        where = _where(p, ctx.lang)
        ids = " · ".join(x for x in (p.documento, p.email) if x)
        if where:
            st.caption(md_escape(where))
        if ids:
            st.caption(md_escape(ids))
        if estado.acreditado_a is not None:
            line = _when(ctx, estado.acreditado_a, now)
            if estado.pendiente:
                line += " " + ctx.t("acr.pendiente")
            st.markdown(f":green-background[{md_escape(line)}]")
        elif puesto_.puede:
            st.button(
                ctx.t("acr.acreditar"),
                key=f"foro-acreditar-{key_slug(p.key)}",
                type="primary",
                width="stretch",
                icon="🪪",
                on_click=_accredit,
                args=(puesto_.writer, ctx.role, ctx.lang, ctx.snap, p, ctx.t("acr.hecho"), ctx.t("acr.ya_hora")),
            )


def _accredit(writer: Writer, role: str, lang: str, snap: Snapshot, p: Persona, done: str, already: str) -> None:
    now = data.real_now()
    # Like `python -m foro_data acreditar`: someone accredited meanwhile (another desk, the CLI)
    # is not written again.
    at = estado_persona(snap, p, not_yet_read(snap, writer.recent), now).acreditado_a
    if at is not None:
        flash("aviso", f"{p.nombre_completo}: " + already.format(hora=hour(at, snap.tz)))
        return
    try:
        op = AccreditOp.of_persona(p, now)
    except InvalidOperation as e:
        flash("aviso", e.reason_in(lang))
        return
    if submit(writer, op, role, lang):
        _desk()[op.id_operacion] = DeskOp(op, p.nombre_completo)
        flash("ok", done.format(nombre=p.nombre_completo))


def search(ctx: Ctx) -> str:
    """The desk's search box: results follow the typing (after a short pause)."""
    with st.container(key="foro-buscar"):
        return (
            st.text_input(
                ctx.t("acr.buscar"),
                key="foro-consulta",
                type="search",
                live=True,
                placeholder=ctx.t("acr.buscar.placeholder"),
            )
            or ""
        )


def results(ctx: Ctx, consulta: str, puesto_: Puesto, ops: Sequence[PendingOp], now: datetime) -> None:
    q = consulta.strip()
    if len(q) < MIN_QUERY:
        st.caption(md_escape(ctx.t("acr.escriba")))
        return
    found = metrics.buscar_personas(ctx.snap, q, limite=MAX_RESULTS + 1)
    if not found:
        st.info(ctx.t("acr.sin_resultados", consulta=md_escape(q)))
        return
    for p in found[:MAX_RESULTS]:
        person_row(ctx, p, estado_persona(ctx.snap, p, ops, now), puesto_, now)
    if len(found) > MAX_RESULTS:
        st.caption(md_escape(ctx.t("acr.mas", n=MAX_RESULTS)))


def recent_panel(ctx: Ctx, puesto_: Puesto, now: datetime) -> None:
    """This desk's check-ins of the last minute, each with "Deshacer"."""
    desk = _desk()
    for key in [k for k, d in desk.items() if d.deshecha or not may_undo(d.op, now)]:
        del desk[key]  # past the minute: nothing left to offer
    if not desk or not puesto_.puede:
        return
    st.markdown(f"**{md_escape(ctx.t('acr.recientes'))}**")
    for op_id, d in sorted(desk.items(), key=lambda kv: kv[1].op.marca_temporal, reverse=True):
        with st.container(horizontal=True, vertical_alignment="center", gap="small", key=f"foro-reciente-{op_id[:8]}"):
            st.markdown(
                f"{md_escape(hour(d.op.marca_temporal, ctx.snap.tz))} · **{md_escape(d.etiqueta)}**", width="stretch"
            )
            st.button(
                ctx.t("acr.deshacer"),
                key=f"foro-deshacer-{op_id}",
                icon="↩️",
                on_click=_undo,
                args=(puesto_.writer, ctx.role, ctx.lang, op_id, ctx.t("acr.deshecho"), ctx.t("acr.deshacer_tarde")),
            )


def _undo(writer: Writer, role: str, lang: str, op_id: str, done: str, late: str) -> None:
    d = _desk().get(op_id)
    if d is None or d.deshecha:
        return
    now = data.real_now()
    if not may_undo(d.op, now):
        _desk().pop(op_id, None)
        flash("aviso", late)
        return
    if submit(writer, UndoOp.of(d.op, now), role, lang):
        _desk()[op_id] = dataclasses.replace(d, deshecha=True)
        flash("ok", done.format(nombre=d.etiqueta))


def walk_in_form(ctx: Ctx, puesto_: Puesto) -> None:
    """Someone not registered: one form appends to Inscripciones and accredits, with the same
    rules as clean (validate_walk_in); each field shows its own error."""
    errores: dict[str, str] = st.session_state.get(WALK_IN_ERRORS, {})
    with st.expander(ctx.t("acr.puerta"), expanded=bool(errores), icon="📝"):
        with st.form("foro-puerta", border=False, enter_to_submit=False), st.container(key="foro-puerta-campos"):
            for pair in (("nombre", "apellido"), ("email", "documento"), ("cargo", "institucion"), ("ciudad", "pais")):
                for col, campo in zip(st.columns(2), pair):
                    with col:
                        st.text_input(
                            ctx.t(f"campo.{campo}"),
                            key=f"foro-ing-{campo}",
                            max_chars=120,
                            autocomplete={"email": "email", "nombre": "given-name", "apellido": "family-name"}.get(
                                campo
                            ),
                        )
                        if campo in errores:
                            st.markdown(f":red[{md_escape(errores[campo])}]")
            st.form_submit_button(
                ctx.t("acr.puerta.guardar"),
                key="foro-inscribir",
                type="primary",
                width="stretch",
                on_click=_walk_in,
                args=(
                    ctx.snap.personas,
                    puesto_.writer,
                    ctx.role,
                    ctx.lang,
                    ctx.t("acr.puerta.hecho"),
                    ctx.t("acr.puerta.revisar"),
                    ctx.t("acr.puerta.ya_inscripto"),
                    ctx.t("acr.puerta.inscripcion"),
                ),
            )


def already_registered(personas: Sequence[Persona], fields: dict[str, str]) -> tuple[str, Persona] | None:
    """(field, person) when the e-mail or document is already in Inscripciones (identity's rule):
    accredit them instead of adding a second registration."""
    for campo in ("email", "documento"):
        p = find_persona(personas, **{campo: fields.get(campo, "")})
        if p is not None:
            return campo, p
    return None


def _walk_in(
    personas: Sequence[Persona], writer: Writer, role: str, lang: str, done: str, check: str, duplicate: str, label: str
) -> None:
    fields = {c: str(st.session_state.get(f"foro-ing-{c}") or "") for c in FORM_FIELDS}
    errores = validate_walk_in(fields, lang)
    dup = None if errores else already_registered(personas, fields)
    if dup is not None:
        errores = {dup[0]: duplicate.format(nombre=dup[1].nombre_completo)}
    if errores:
        st.session_state[WALK_IN_ERRORS] = errores
        flash("aviso", check)
        return
    op = WalkInOp.new(fields, data.real_now())
    if submit(writer, op, role, lang):
        nombre = f"{op.nombre} {op.apellido}".strip()
        _desk()[op.id_operacion] = DeskOp(op, f"{nombre} ({label})")
        st.session_state[WALK_IN_ERRORS] = {}
        for c in FORM_FIELDS:
            st.session_state[f"foro-ing-{c}"] = ""
        flash("ok", done.format(nombre=nombre))
