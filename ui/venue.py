"""Writing from the venue on screen: the shared Writer, room tally buttons, the desk's rows, undo and walk-in form.

Every action goes through ``foro_data.writes`` (outbox first, Sheet later); this module only turns
taps into operations and shows them at once (optimistic) until the Sheet has them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import streamlit as st

from foro_data import access, metrics
from foro_data import identity
from foro_data.config import Config
from foro_data.countries import country_name
from foro_data.model import Persona
from foro_data.schema import fold
from foro_data.sources.gsheets import API_URL_ENV
from foro_data.writes import (
    AccreditOp,
    InvalidOperation,
    PendingOp,
    TallyOp,
    UndoOp,
    WalkInOp,
    Writer,
    WritesUnavailable,
    may_undo,
    open_writer,
    pending_check_ins,
    tally_with_pending,
    unseen,
    validate_walk_in,
    visible_ids,
    writes_unavailable_reason,
)

from . import data
from .fmt import age, day_hour, hour, md_escape
from .frame import Ctx, style

POLL_S = 5.0  # the sender also picks up rows queued by other processes (the CLI)
# Actions sent this long before the Snapshot's read may still be missing from it (the read and
# the append race): keep showing them until the Snapshot has their id_operacion.
SEEN_MARGIN_S = 60.0
MAX_RESULTS = 20
MIN_QUERY = 2

# Session-state keys.
NAME = "_registra"  # the coordinator's name, asked once per session
NAME_INPUT = "_registra_in"
DESK = "_mesa_ops"  # this desk's check-ins: id_operacion -> DeskOp
FLASH = "_escritura_aviso"  # (kind, text) shown once on the next render
WALK_IN_ERRORS = "_puerta_errores"
WALK_IN_FIELDS = ("nombre", "apellido", "email", "documento", "cargo", "institucion", "ciudad", "pais")

# Thumb-sized controls: a phone is held in one hand at the door of a room.
VENUE_CSS = """
<style>
[class*="st-key-foro-tally-"] .stButton button { min-height: 3.5rem; font-size: 1.6rem; font-weight: 700; }
[class*="st-key-foro-tally-"] .stButton button p { font-size: 1.6rem; }
[class*="st-key-foro-tally-"] .stFormSubmitButton button { min-height: 3rem; font-size: 1.15rem; }
[class*="st-key-foro-tally-"] [data-testid="stNumberInput"] input { min-height: 3rem; font-size: 1.3rem; }
[class*="st-key-foro-persona-"] .stButton button { min-height: 3.25rem; }
[class*="st-key-foro-persona-"] .stButton button p { font-size: 1.2rem; font-weight: 600; }
[class*="st-key-foro-reciente-"] .stButton button { min-height: 3rem; }
.st-key-foro-buscar input { min-height: 3rem; font-size: 1.15rem; }
.st-key-foro-puerta-campos .stFormSubmitButton button { min-height: 3.25rem; }
.st-key-foro-puerta-campos .stTextInput input { min-height: 2.75rem; }
</style>
"""


# --- who may write, with which writer -----------------------------------------------------------

def _writer_key(cfg: Config) -> str:
    # The outbox lives under FORO_CACHE_DIR and the API URL may point at a fake server: both
    # belong to the writer's identity, as the config file does.
    return "|".join(str(x) for x in (cfg.get("planilla"), cfg.path, os.environ.get("FORO_CACHE_DIR", ""),
                                      os.environ.get(API_URL_ENV, "")))


@st.cache_resource(show_spinner=False)
def _shared_writer(key: str, _cfg: Config) -> Writer:
    # One per Sheet per process, like the feed: every viewer's taps share one sender thread.
    writer = open_writer(_cfg)
    writer.start(POLL_S)
    return writer


@dataclass(frozen=True)
class Puesto:
    """This viewer's write post for one kind of action: the writer, and why it may not write.

    ``bloqueo`` is "" when it may; otherwise a code of ``writes.WritesUnavailable`` (demo,
    archivo, configuracion, rol, solo_lectura). ``writer`` is kept when blocked read-only, so
    the page can still show what is pending."""

    writer: Writer | None
    bloqueo: str
    kind: str

    @property
    def puede(self) -> bool:
        return self.writer is not None and not self.bloqueo


def puesto(ctx: Ctx, kind: str) -> Puesto:
    """Source first (demo, file), then role, then the Sheet's permission (a 403 seen on append)."""
    why = writes_unavailable_reason(ctx.cfg)
    if why is not None:
        return Puesto(None, why.code, kind)
    if not access.can_write(ctx.role, kind):
        return Puesto(None, "rol", kind)
    try:
        writer = _shared_writer(_writer_key(ctx.cfg), ctx.cfg)
    except WritesUnavailable as e:
        return Puesto(None, e.code, kind)
    if writer.blocked():
        return Puesto(writer, "solo_lectura", kind)
    return Puesto(writer, "", kind)


def explain(ctx: Ctx, p: Puesto) -> None:
    """Why this viewer has no write buttons: a note for demo, file and role; a warning when the
    configuration or the Sheet's sharing needs fixing."""
    text = motivo(ctx, p)
    if p.bloqueo in ("demo", "archivo", "rol"):
        st.info(text, icon="ℹ️")
    elif text:
        st.warning(text, icon="🔒")
    if p.writer is not None:
        estado_envio(ctx, p.writer)


def motivo(ctx: Ctx, p: Puesto) -> str:
    """One sentence saying why this viewer cannot write ("" when it can)."""
    if not p.bloqueo:
        return ""
    group = "conteo" if p.kind == "conteo" else "acreditacion"
    if p.bloqueo in ("demo", "archivo", "rol"):
        return ctx.t(f"escritura.{p.bloqueo}.{group}")
    if p.bloqueo == "solo_lectura":
        return ctx.t("escritura.solo_lectura")
    return ctx.t("escritura.configuracion")


def estado_envio(ctx: Ctx, writer: Writer) -> None:
    """The outbox in one or two lines: pending writes, the last error, rows that failed for good."""
    s = writer.pending_summary()
    if s.total:
        line = ctx.t("escritura.pendiente_una") if s.total == 1 else ctx.t("escritura.pendientes", n=s.total)
        if s.mas_antigua_s and s.mas_antigua_s >= 30:
            line += " · " + ctx.t("escritura.antigua", edad=age(s.mas_antigua_s, ctx.lang))
        st.markdown(f":orange-background[{md_escape(line)}]")
        if s.ultimo_error:
            st.caption(md_escape(ctx.t("escritura.reintento", motivo=s.ultimo_error)))
    if s.errores and not s.solo_lectura:
        st.warning(ctx.t("escritura.fallidas", n=s.errores, motivo=md_escape(s.ultimo_error or "—")))
    if s.errores or s.solo_lectura:
        # After sharing the Sheet as Editor (or fixing its headers) the held rows go out again.
        st.button(ctx.t("escritura.reintentar"), key="foro-reintentar", icon="🔁", on_click=writer.retry_failed)
    if not s.total and not s.errores and not s.solo_lectura:
        st.caption(md_escape(ctx.t("escritura.al_dia")))


def style_venue() -> None:
    style(VENUE_CSS)


def _flash(kind: str, text: str) -> None:
    st.session_state[FLASH] = (kind, text)


def show_flash() -> None:
    """The outcome of the last tap (set by a button callback), once."""
    kind, text = st.session_state.pop(FLASH, ("", ""))
    if kind == "ok":
        st.success(md_escape(text), icon="✅")
    elif kind == "aviso":
        st.warning(md_escape(text))


def _submit(writer: Writer, op, role: str) -> bool:
    try:
        writer.submit(op, role=role)
        return True
    except WritesUnavailable as e:
        _flash("aviso", e.reason)
    return False


def shown_ops(ctx: Ctx, writer: Writer) -> list[PendingOp]:
    """This Sheet's actions the Snapshot does not show yet (from every device and process)."""
    since = ctx.snap.fuente.leido_en.timestamp() - SEEN_MARGIN_S
    return unseen(writer.recent(since), visible_ids(ctx.snap.conteos, ctx.snap.scans))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def key_slug(text: str) -> str:
    """A widget-key piece for a room or a person: readable, and unique even when two names differ
    only in punctuation ("Sala 1" / "Sala-1"), which would otherwise crash the page.

    >>> key_slug("Sala 1") != key_slug("Sala-1")
    True
    """
    return f"{_slug(text)}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:6]}"


# --- Salas: the tally buttons -------------------------------------------------------------------

def with_pending(salas: Sequence[metrics.OcupacionSala], ops: Sequence[PendingOp]) -> list[metrics.OcupacionSala]:
    """Rooms with the taps the Sheet does not show yet applied, as metrics will count them once
    it does: a tally replaces the door-check-in figure (latest headcount plus later deltas)."""
    out = []
    for o in salas:
        base = o.ocupacion if o.fuente == "conteo" else None
        n = tally_with_pending(base, ops, o.sala)
        if n is None or not pending_taps(ops, o.sala):
            out.append(o)
            continue
        pct = 100.0 * n / o.capacidad if o.capacidad else None
        out.append(dataclasses.replace(o, ocupacion=n, fuente="conteo", porcentaje=pct,
                                       nivel=metrics.nivel_ocupacion(pct)))
    return out


def pending_taps(ops: Sequence[PendingOp], sala: str) -> int:
    """How many of the room's taps are not in the Snapshot yet."""
    return sum(1 for p in ops if isinstance(p.op, TallyOp) and fold(p.op.sala) == fold(sala))


def coordinator_name(ctx: Ctx) -> str:
    """The name written in ``registrado_por``: asked once per session, then shown with "cambiar"."""
    name = st.session_state.get(NAME, "")
    if name:
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            st.markdown(ctx.t("conteo.registra", nombre=md_escape(name)), width="content")
            st.button(ctx.t("conteo.cambiar"), key="foro-cambiar-nombre", type="tertiary", icon="✏️",
                      on_click=lambda: st.session_state.pop(NAME, None))
        return name
    with st.form("foro-nombre", border=True, enter_to_submit=True):
        st.text_input(ctx.t("conteo.nombre"), key=NAME_INPUT, max_chars=60, help=ctx.t("conteo.nombre.ayuda"),
                      autocomplete="name")
        st.form_submit_button(ctx.t("conteo.empezar"), key="foro-empezar", type="primary", width="stretch",
                              on_click=_save_name, args=(ctx.t("conteo.falta_nombre"),))
    return ""


def _save_name(missing: str) -> None:
    name = " ".join(str(st.session_state.get(NAME_INPUT) or "").split())
    if name:
        st.session_state[NAME] = name
    else:
        _flash("aviso", missing)


def tally_controls(ctx: Ctx, p: Puesto, o: metrics.OcupacionSala, ops: Sequence[PendingOp], nombre: str) -> None:
    """At a room card's foot: −1 and +1 side by side, then the absolute headcount."""
    assert p.writer is not None
    slug = key_slug(fold(o.sala))
    with st.container(key=f"foro-tally-{slug}"):
        if o.fuente != "conteo":
            st.caption(md_escape(ctx.t("conteo.empezar_con_total")))
        # A horizontal container keeps the two buttons side by side at 390 px (columns stack).
        with st.container(horizontal=True, gap="small"):
            st.button("−1", key=f"foro-menos-{slug}", width="stretch",
                      on_click=_tally, args=(p.writer, ctx.role, o.sala, -1, nombre))
            st.button("+1", key=f"foro-mas-{slug}", type="primary", width="stretch",
                      on_click=_tally, args=(p.writer, ctx.role, o.sala, 1, nombre))
        with st.form(f"foro-conteo-{slug}", border=False, clear_on_submit=True):
            with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
                st.number_input(ctx.t("conteo.total"), min_value=0, max_value=100_000, step=1, value=None,
                                key=f"foro-total-{slug}", placeholder=ctx.t("conteo.total.placeholder"))
                st.form_submit_button(ctx.t("conteo.guardar"), key=f"foro-guardar-{slug}", width="content",
                                      on_click=_headcount,
                                      args=(p.writer, ctx.role, o.sala, nombre, f"foro-total-{slug}",
                                            ctx.t("conteo.falta_total")))
        n = pending_taps(ops, o.sala)
        if n:
            st.caption(md_escape(ctx.t("conteo.sin_enviar_uno") if n == 1 else ctx.t("conteo.sin_enviar", n=n)))


def _tally(writer: Writer, role: str, sala: str, delta: int, nombre: str) -> None:
    # Real time, never the replay or chosen as-of time: the row says when the door was counted.
    try:
        _submit(writer, TallyOp.new(sala, "delta", delta, nombre, data.real_now()), role)
    except InvalidOperation as e:
        _flash("aviso", str(e))


def _headcount(writer: Writer, role: str, sala: str, nombre: str, key: str, missing: str) -> None:
    value = st.session_state.get(key)
    if value is None:
        _flash("aviso", missing)
        return
    try:
        _submit(writer, TallyOp.new(sala, "conteo", int(value), nombre, data.real_now()), role)
    except InvalidOperation as e:
        _flash("aviso", str(e))


# --- Acreditación: the desk ---------------------------------------------------------------------

@dataclass(frozen=True)
class DeskOp:
    """A check-in made at this desk (this browser session), for "Deshacer" within the minute."""

    op: AccreditOp | WalkInOp
    etiqueta: str  # who, as the desk reads it
    deshecha: bool = False


def _desk() -> dict[str, DeskOp]:
    return st.session_state.setdefault(DESK, {})


def matches(op: AccreditOp | WalkInOp, p: Persona) -> bool:
    """Whether a check-in names this person (the same identifiers clean matches on)."""
    return identity.matches(p, id=op.id, email=op.email, documento=op.documento)


@dataclass(frozen=True)
class EstadoPersona:
    acreditado_a: datetime | None
    pendiente: bool  # the check-in is not on the Sheet (or not re-read) yet


def estado_persona(ctx: Ctx, p: Persona, ops: Sequence[PendingOp], now: datetime) -> EstadoPersona:
    """Accredited as the Sheet says, plus this Sheet's check-ins not read back yet, minus undos
    not read back yet."""
    mine = [op for op in pending_check_ins(ops) if matches(op, p)]
    if mine:
        return EstadoPersona(min(op.marca_temporal for op in mine), True)
    undone = {po.op.anula for po in ops if isinstance(po.op, UndoOp)}
    at = metrics.acreditado_a(ctx.snap, p.key, now)
    if at is not None and undone:
        entries = [s.at for s in ctx.snap.scans
                   if s.persona == p.key and s.movimiento == "entrada" and s.at <= now and s.id_operacion not in undone]
        at = min(entries) if entries else None
    return EstadoPersona(at, False)


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
            st.button(ctx.t("acr.acreditar"), key=f"foro-acreditar-{key_slug(p.key)}", type="primary", width="stretch",
                      icon="🪪", on_click=_accredit, args=(puesto_.writer, ctx.role, p, ctx.t("acr.hecho")))


def _accredit(writer: Writer, role: str, p: Persona, done: str) -> None:
    try:
        op = AccreditOp.of_persona(p, data.real_now())
    except InvalidOperation as e:
        _flash("aviso", str(e))
        return
    if _submit(writer, op, role):
        _desk()[op.id_operacion] = DeskOp(op, p.nombre_completo)
        _flash("ok", done.format(nombre=p.nombre_completo))


def search(ctx: Ctx) -> str:
    """The desk's search box: results follow the typing (after a short pause)."""
    with st.container(key="foro-buscar"):
        return st.text_input(ctx.t("acr.buscar"), key="foro-consulta", type="search", live=True,
                             placeholder=ctx.t("acr.buscar.placeholder")) or ""


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
        person_row(ctx, p, estado_persona(ctx, p, ops, now), puesto_, now)
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
            st.markdown(f"{md_escape(hour(d.op.marca_temporal, ctx.snap.tz))} · **{md_escape(d.etiqueta)}**",
                        width="stretch")
            st.button(ctx.t("acr.deshacer"), key=f"foro-deshacer-{op_id}", icon="↩️",
                      on_click=_undo, args=(puesto_.writer, ctx.role, op_id, ctx.t("acr.deshecho"),
                                            ctx.t("acr.deshacer_tarde")))


def _undo(writer: Writer, role: str, op_id: str, done: str, late: str) -> None:
    d = _desk().get(op_id)
    if d is None or d.deshecha:
        return
    now = data.real_now()
    if not may_undo(d.op, now):
        _desk().pop(op_id, None)
        _flash("aviso", late)
        return
    if _submit(writer, UndoOp.of(d.op, now), role):
        _desk()[op_id] = dataclasses.replace(d, deshecha=True)
        _flash("ok", done.format(nombre=d.etiqueta))


def walk_in_form(ctx: Ctx, puesto_: Puesto) -> None:
    """Someone not registered: one form appends to Inscripciones and accredits, with the same
    rules as clean (validate_walk_in); each field shows its own error."""
    errores: dict[str, str] = st.session_state.get(WALK_IN_ERRORS, {})
    with st.expander(ctx.t("acr.puerta"), expanded=bool(errores), icon="📝"):
        with st.form("foro-puerta", border=False, enter_to_submit=False), st.container(key="foro-puerta-campos"):
            for pair in (("nombre", "apellido"), ("email", "documento"), ("cargo", "institucion"), ("ciudad", "pais")):
                for col, campo in zip(st.columns(2), pair):
                    with col:
                        st.text_input(ctx.t(f"campo.{campo}"), key=f"foro-ing-{campo}", max_chars=120,
                                      autocomplete={"email": "email", "nombre": "given-name",
                                                    "apellido": "family-name"}.get(campo))
                        if campo in errores:
                            st.markdown(f":red[{md_escape(errores[campo])}]")
            st.form_submit_button(ctx.t("acr.puerta.guardar"), key="foro-inscribir", type="primary", width="stretch",
                                  on_click=_walk_in, args=(ctx.snap.personas, puesto_.writer, ctx.role,
                                                          ctx.t("acr.puerta.hecho"), ctx.t("acr.puerta.revisar"),
                                                          ctx.t("acr.puerta.ya_inscripto"),
                                                          ctx.t("acr.puerta.inscripcion")))


def already_registered(personas: Sequence[Persona], fields: dict[str, str]) -> tuple[str, Persona] | None:
    """(field, person) when the e-mail or document is already in Inscripciones: accredit them
    instead of adding a second registration."""
    email = identity.norm_email(fields.get("email", ""))
    doc = identity.norm_document(fields.get("documento", ""))
    for p in personas:
        if email and email in p.emails:
            return "email", p
        if doc and doc in p.documentos:
            return "documento", p
    return None


def _walk_in(personas: Sequence[Persona], writer: Writer, role: str, done: str, check: str, duplicate: str,
             label: str) -> None:
    fields = {c: str(st.session_state.get(f"foro-ing-{c}") or "") for c in WALK_IN_FIELDS}
    errores = validate_walk_in(fields)
    dup = None if errores else already_registered(personas, fields)
    if dup is not None:
        errores = {dup[0]: duplicate.format(nombre=dup[1].nombre_completo)}
    if errores:
        st.session_state[WALK_IN_ERRORS] = errores
        _flash("aviso", check)
        return
    op = WalkInOp.new(fields, data.real_now())
    if _submit(writer, op, role):
        nombre = f"{op.nombre} {op.apellido}".strip()
        _desk()[op.id_operacion] = DeskOp(op, f"{nombre} ({label})")
        st.session_state[WALK_IN_ERRORS] = {}
        for c in WALK_IN_FIELDS:
            st.session_state[f"foro-ing-{c}"] = ""
        _flash("ok", done.format(nombre=nombre))
