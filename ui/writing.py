"""Writing from the venue on screen, what the tally and the desk share: this Sheet's Writer (one
per process), whether this viewer may write and why not, the outbox's state in a line or two, and
the outcome of the last tap.

Every action goes through ``foro_data.writes`` (outbox first, Sheet later); ``ui.tally`` and
``ui.desk`` only turn taps into operations and draw what ``metrics`` counts.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass

import streamlit as st

from foro_data import access
from foro_data.config import Config
from foro_data.per_process import PerProcess
from foro_data.schema import fold
from foro_data.sources.sheets_http import API_URL_ENV
from foro_data.writes import (
    Operation,
    PendingOp,
    Writer,
    WritesUnavailable,
    has_pending,
    not_yet_read,
    open_writer,
    writes_unavailable_reason,
)

from .fmt import age, md_escape
from .frame import Ctx, style

POLL_S = 5.0  # the sender also picks up rows queued by other processes (the CLI)
FLASH = "_escritura_aviso"  # (kind, text) shown once on the next render

# Thumb-sized controls: a phone is held in one hand at the door of a room.
VENUE_CSS = """
<style>
/* Dark text on the light-blue primary colour: 9:1 where white was 2.0:1 (sunlit doors). */
.stButton button[kind="primary"], .stFormSubmitButton button[kind="primaryFormSubmit"],
.stButton button[kind="primary"] p, .stFormSubmitButton button[kind="primaryFormSubmit"] p,
.stButton button[kind="primary"]:is(:hover, :active, :focus) p { color: #0e1117 !important; }
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
    return "|".join(
        str(x)
        for x in (cfg.get("planilla"), cfg.path, os.environ.get("FORO_CACHE_DIR", ""), os.environ.get(API_URL_ENV, ""))
    )


_WRITERS = PerProcess[Writer]("writer")


def _open_started(cfg: Config) -> Writer:
    writer = open_writer(cfg)
    writer.start(POLL_S)
    return writer


def _shared_writer(key: str, cfg: Config) -> Writer:
    # One per Sheet per process, like the feed: every viewer's taps share one sender thread, and
    # a client's clear_cache message cannot start a second one.
    return _WRITERS.get(key, lambda: _open_started(cfg))


_RESUMED = PerProcess[bool]("resume")


def resume_outbox(cfg: Config) -> None:
    """Start this Sheet's sender if the outbox still holds writes from before a restart (a crash, a
    killed replica), so they reach the Sheet at the first visit of any page by anyone — a wall
    reconnecting by itself is enough — not only once a coordinator opens Salas (issue 18).
    Streamlit runs no app code before a first connection; after that, checked once per process."""
    key = _writer_key(cfg)
    _RESUMED.get(key, lambda: _resume(key, cfg))


def _resume(key: str, cfg: Config) -> bool:
    if not has_pending(cfg):
        return False
    try:
        _shared_writer(key, cfg)
    except WritesUnavailable:
        return False
    return True


@dataclass(frozen=True)
class Puesto:
    """This viewer's write post for one kind of action: the writer, and why it may not write.

    ``bloqueo`` is "" when it may; otherwise a ``WritesCode`` (demo, archivo, configuracion, rol,
    solo_lectura). ``writer`` is kept when blocked read-only, so the page can still show what is
    pending."""

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
    return Puesto(writer, writer.blocked(), kind)


def explain(ctx: Ctx, p: Puesto) -> None:
    """Why this viewer has no write buttons: a note for demo, file and role; a warning when the
    configuration or the Sheet's sharing needs fixing."""
    text = motivo(ctx, p)
    if p.bloqueo in ("demo", "archivo", "rol"):
        st.info(text, icon="ℹ️")
    elif text:
        st.warning(text, icon="🔒")
    estado_envio(ctx, p)


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


def estado_envio(ctx: Ctx, p: Puesto) -> None:
    """The outbox in one or two lines: pending writes, the last error, rows that failed for good,
    and what the sender did to the Sheet itself (a header it added). Nothing without a writer."""
    writer = p.writer
    if writer is None:
        return
    s = writer.pending_summary()
    if s.total:
        line = ctx.t("escritura.pendiente_una") if s.total == 1 else ctx.t("escritura.pendientes", n=s.total)
        if s.mas_antigua_s and s.mas_antigua_s >= 30:
            line += " · " + ctx.t("escritura.antigua", edad=age(s.mas_antigua_s, ctx.lang))
        st.markdown(f":orange-background[{md_escape(line)}]")
        if s.ultimo_error:
            st.caption(md_escape(ctx.t("escritura.reintento", motivo=_reason(ctx, s.ultimo_error_in(ctx.lang)))))
    if s.errores and not s.solo_lectura:
        st.warning(
            ctx.t("escritura.fallidas", n=s.errores, motivo=md_escape(_reason(ctx, s.ultimo_error_in(ctx.lang)) or "—"))
        )
    if s.errores or s.solo_lectura:
        # After sharing the Sheet as Editor (or fixing its headers) the held rows go out again.
        st.button(ctx.t("escritura.reintentar"), key="foro-reintentar", icon="🔁", on_click=_retry, args=(writer,))
    for aviso in s.avisos_in(ctx.lang):
        st.caption("ℹ️ " + md_escape(aviso))
    if not s.total and not s.errores and not s.solo_lectura:
        st.caption(md_escape(ctx.t("escritura.al_dia")))


def _reason(ctx: Ctx, text: str) -> str:
    # A coordinator's phone gets the reason without the service account or the Sheet key.
    return access.reason_for(ctx.role, text, ctx.cfg.identifiers())


def _retry(writer: Writer) -> None:
    writer.retry_failed()


def style_venue() -> None:
    style(VENUE_CSS)


# --- one tap, one outcome -------------------------------------------------------------------------


def flash(kind: str, text: str) -> None:
    st.session_state[FLASH] = (kind, text)


def show_flash() -> None:
    """The outcome of the last tap (set by a button callback), once."""
    kind, text = st.session_state.pop(FLASH, ("", ""))
    if kind == "ok":
        st.success(md_escape(text), icon="✅")
    elif kind == "aviso":
        st.warning(md_escape(text))


def submit(writer: Writer, op: Operation, role: str, lang: str) -> bool:
    """Queue one operation; a refusal (role, read-only Sheet) becomes the flash, in ``lang``."""
    try:
        writer.submit(op, role=role)
        return True
    except WritesUnavailable as e:
        flash("aviso", e.reason_in(lang))
    return False


def shown_ops(ctx: Ctx, p: Puesto) -> list[PendingOp]:
    """This Sheet's actions the Snapshot does not show yet (from every device and process); none
    when this viewer may not write."""
    return not_yet_read(ctx.snap, p.writer.recent) if p.writer is not None and p.puede else []


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def key_slug(text: str) -> str:
    """A widget-key piece for a room or a person: readable, and unique even when two names differ
    only in punctuation ("Sala 1" / "Sala-1"), which would otherwise crash the page.

    >>> key_slug("Sala 1") != key_slug("Sala-1")
    True
    """
    return f"{_slug(text)}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:6]}"
