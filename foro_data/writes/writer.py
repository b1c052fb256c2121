"""The sender: operations into the durable outbox first, then to the Sheet with one
``values:append`` per tab, from a flush a person asks for or from a background thread.

Exactly once: a row is marked sent only after Google answered 2xx, or after it was *seen* on the
Sheet. After a failure that may have been applied (``Outcome.DUDOSA``: a timeout or dropped
connection once the request was sent, a 5xx, a flusher killed mid-request) the rows are *dudosas*:
before resending, the sender reads the tab's ``id_operacion`` column and drops those already
there. The one window left (Google applying a request later than that read) yields a repeated
``id_operacion``, which ``clean`` counts once.

Back-off is scheduled, not slept (a retry library would sleep in-line): the next attempt time
lives in the outbox's ``SenderState``, shared by every process writing to this Sheet.
"""

from __future__ import annotations

import dataclasses
import logging
import random
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable
from zoneinfo import ZoneInfo

from .. import access
from ..catalogue.writes import SendSentence as E
from ..catalogue.writes import WritesCode
from ..errors import Said, say, words
from ..live import backoff_delay
from ..outbox import ENVIADA, ENVIANDO, ERROR_PERMANENTE, PENDIENTE, Fila, Outbox, SenderState
from ..sources.sheets_http import SheetsCode, SheetsError, SheetsFailure
from .appender import SheetAppender, TabInfo, column_letter, refusal
from .layout import already_there, identity_refusal, matrix, reconcile_columns
from .operations import Operation, WritesUnavailable, op_from_dict, op_to_dict, role_refusal
from .pending import PendingOp

log = logging.getLogger(__name__)

SOLO_LECTURA = say(WritesCode.SOLO_LECTURA)
# Tabs in the order a flush sends them: a walk-in's registration before its check-in.
TAB_ORDER = ("Inscripciones", "Acreditaciones", "Conteos")
# DESIGN lists Acreditaciones without id_operacion: the sender adds this header before its first write.
ADDED_HEADERS: dict[str, tuple[str, str]] = {"Acreditaciones": ("id_operacion", "ID operación")}
MIN_FLUSH_INTERVAL_S = 5.0  # <= 12 flushes a minute, well inside the write quota (60 a minute, apart from reads)
BACKOFF_BASE_S = 2.0
BACKOFF_CAP_S = 120.0


@dataclass(frozen=True)
class FlushReport:
    """What one flush did."""

    enviadas: int = 0  # rows appended now
    ya_estaban: int = 0  # dudosas found on the Sheet, not sent again
    pendientes: int = 0  # rows left for a later flush
    errores: int = 0  # rows now in error_permanente
    appends: int = 0  # values:append requests made
    lecturas: int = 0  # read requests made (titles, headers, reconciliation)
    reason: str = ""  # Spanish, when something failed
    avisos: tuple[str, ...] = ()  # columns the Sheet lacks (value not written), a header added
    esperando: bool = False  # nothing sent: inside back-off


@dataclass(frozen=True)
class PendingSummary:
    """For "N escrituras pendientes" and the Calidad de datos page."""

    por_pestana: dict[str, int]  # pendiente + enviando rows per tab
    total: int
    mas_antigua_s: float | None  # age of the oldest pending row
    errores: int  # rows in error_permanente
    ultimo_error: str
    solo_lectura: bool
    bloqueo: str  # Spanish reason while blocked ("" otherwise)
    proximo_intento_en_s: float
    avisos: tuple[str, ...] = ()
    dicho: SenderState | None = None  # the same, as sentences to word in the viewer's language

    def ultimo_error_in(self, lang: str) -> str:
        return words(self.dicho.ultimo_error, lang) if self.dicho else self.ultimo_error

    def avisos_in(self, lang: str) -> tuple[str, ...]:
        return tuple(a.in_(lang) for a in self.dicho.avisos) if self.dicho else self.avisos


@dataclass(frozen=True)
class _TabResult:
    enviadas: int = 0
    ya_estaban: int = 0
    rechazadas: int = 0
    avisos: tuple[Said, ...] = ()


class Writer:
    """One per Sheet per process (``ui.writing``, a process-level object); shares the outbox file with
    every other process. Time is a parameter: ``wall`` (epoch seconds) stamps the outbox."""

    def __init__(
        self,
        outbox: Outbox,
        appender: SheetAppender,
        *,
        tz: ZoneInfo,
        wall: Callable[[], float] = time.time,
        rng: random.Random | None = None,
        min_interval_s: float = MIN_FLUSH_INTERVAL_S,
        backoff_base_s: float = BACKOFF_BASE_S,
        backoff_cap_s: float = BACKOFF_CAP_S,
    ):
        self.outbox = outbox
        self.appender = appender
        self.tz = tz
        self._wall = wall
        self._rng = rng or random.Random()
        self.min_interval_s = min_interval_s
        self.backoff_base_s = backoff_base_s
        self.backoff_cap_s = backoff_cap_s
        self._flush_lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_flush = float("-inf")

    # --- what pages and the CLI call ---------------------------------------------------------

    def submit(self, op: Operation, *, role: str | None) -> str:
        """Store the operation durably; returns its id_operacion. Sending happens on flush.

        ``role`` None is a trusted local caller (the CLI, which holds the secrets file).
        Raises WritesUnavailable when the role may not write this, or the Sheet is read-only."""
        if role is not None and not access.can_write(role, op.kind):
            raise role_refusal(op.kind)
        if self.blocked():
            raise WritesUnavailable(self.blocked())
        payload = op_to_dict(op)
        self.outbox.add(
            [(clave, op.id_operacion, op.kind, tab, values, payload) for clave, tab, values in op.rows(self.tz)],
            self._wall(),
        )
        self._wake.set()
        return op.id_operacion

    def blocked(self) -> str:
        """The WritesCode blocking every write on this Sheet ("" when none): read by the pages."""
        return self.outbox.state().bloqueo

    def flush(self, *, force: bool = False) -> FlushReport:
        """Send what is pending: one values:append per tab. Respects the shared back-off unless
        ``force`` (a person asked, e.g. the CLI); Google's Retry-After is honoured always.
        Never raises for Sheet or network failures (they are in the report)."""
        with self._flush_lock:
            now = self._wall()
            state = self.outbox.state()
            due = _at(state.no_antes_de) if force else _next_attempt(state)
            if due > now:
                return FlushReport(pendientes=self._pending_count(), esperando=True, reason=words(state.ultimo_error))
            self._last_flush = now
            before = dict(self.appender.requests)
            report = self._send(self.outbox.claim(now))
            return dataclasses.replace(
                report,
                appends=self.appender.requests.get("append", 0) - before.get("append", 0),
                lecturas=self.appender.requests.get("lectura", 0) - before.get("lectura", 0),
                pendientes=self._pending_count(),
            )

    def pending(self) -> list[PendingOp]:
        """Actions not yet confirmed on the Sheet (and failed ones), oldest first."""
        return self._ops(self.outbox.rows(PENDIENTE, ENVIANDO, ERROR_PERMANENTE))

    def recent(self, since: float) -> list[PendingOp]:
        """Pending and failed actions, plus those sent at or after ``since`` (epoch seconds).

        For the optimistic view pass a little before the Snapshot's read time
        (``snap.fuente.leido_en.timestamp() - 60``) and keep what ``unseen`` returns: an action
        stays on screen until the Sheet shows it, and never counts twice."""
        return self._ops(self.outbox.rows(since_sent=since))

    def pending_summary(self) -> PendingSummary:
        now = self._wall()
        state = self.outbox.state()
        rows = self.outbox.rows(PENDIENTE, ENVIANDO, ERROR_PERMANENTE)
        waiting = [r for r in rows if r.estado != ERROR_PERMANENTE]
        por: dict[str, int] = {}
        for r in waiting:
            por[r.pestana] = por.get(r.pestana, 0) + 1
        return PendingSummary(
            por_pestana=por,
            total=len(waiting),
            mas_antigua_s=max(0.0, now - min(r.encolada_en for r in waiting)) if waiting else None,
            errores=len(rows) - len(waiting),
            ultimo_error=words(state.ultimo_error),
            solo_lectura=bool(state.bloqueo),
            bloqueo=say(state.bloqueo) if state.bloqueo else "",
            proximo_intento_en_s=max(0.0, _next_attempt(state) - now),
            avisos=tuple(a.in_() for a in state.avisos),
            dicho=state,
        )

    def retry_failed(self) -> int:
        """After sharing the Sheet as Editor or fixing its headers: failed rows go back to pending."""
        self.outbox.update_state(bloqueo="", proximo_intento=None, no_antes_de=None)
        self.appender.forget()
        n = self.outbox.retry_failed()
        self._wake.set()
        return n

    # --- background sender -------------------------------------------------------------------

    def start(self, poll_s: float = 5.0) -> None:
        """A daemon thread that flushes when something is pending, at most once per
        ``min_interval_s`` and never inside the back-off. ``poll_s`` also picks up rows that
        other processes (the CLI) queued."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, args=(poll_s,), name="foro-escrituras", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def _loop(self, poll_s: float) -> None:
        while not self._stop.is_set():
            try:
                now = self._wall()
                due = max(_next_attempt(self.outbox.state()), self._last_flush + self.min_interval_s)
                if now < due:
                    self._wake.clear()
                    self._stop.wait(min(due - now, poll_s))
                    continue
                if self._pending_count():
                    self.flush()
                    continue
                self._wake.wait(poll_s)
                self._wake.clear()
            except Exception:  # never let the sender die: the outbox keeps the rows
                log.exception("El envío de escrituras falló")
                self._stop.wait(poll_s)

    # --- internals -----------------------------------------------------------------------------

    def _pending_count(self) -> int:
        c = self.outbox.counts()
        return c.get(PENDIENTE, 0) + c.get(ENVIANDO, 0)

    def _ops(self, rows: list[Fila]) -> list[PendingOp]:
        rank = {ENVIADA: 0, ENVIANDO: 1, PENDIENTE: 1, ERROR_PERMANENTE: 2}
        by_op: dict[str, PendingOp] = {}
        for r in rows:
            prev = by_op.get(r.id_operacion)
            if prev is None:
                by_op[r.id_operacion] = PendingOp(op_from_dict(r.tipo, r.operacion), r.estado, r.reason, r.encolada_en)
            elif rank[r.estado] > rank[prev.estado]:
                by_op[r.id_operacion] = dataclasses.replace(prev, estado=r.estado, reason=r.reason)
        return list(by_op.values())

    def _send(self, filas: list[Fila]) -> FlushReport:
        groups: dict[str, list[Fila]] = {}
        for f in filas:
            groups.setdefault(f.pestana, []).append(f)
        total = _TabResult()
        reason: tuple[Said, ...] = ()
        transient: SheetsFailure | None = None
        for tab in sorted(groups, key=lambda t: TAB_ORDER.index(t) if t in TAB_ORDER else 99):
            rows = groups[tab]
            claves = [r.clave for r in rows]
            if transient is not None:
                # One failure per flush is enough: leave the other tabs for the next attempt.
                self.outbox.release(claves, transient.reason, transient.code, dudosa=False)
                continue
            try:
                done = self._send_tab(tab, rows)
                total = _TabResult(
                    total.enviadas + done.enviadas,
                    total.ya_estaban + done.ya_estaban,
                    total.rechazadas + done.rechazadas,
                    total.avisos + done.avisos,
                )
                if done.rechazadas:
                    reason = (done.avisos[-1],)
            except SheetsError as e:
                fail = e.failure
                reason = fail.said()
                if fail.permanent:
                    self.outbox.fail(claves, fail.reason, fail.code)
                    total = dataclasses.replace(total, rechazadas=total.rechazadas + len(rows))
                    if fail.code == SheetsCode.SOLO_LECTURA:
                        self.outbox.update_state(bloqueo=WritesCode.SOLO_LECTURA.value)
                else:
                    # Rows already dudosa stay dudosa; release() only ever raises the flag.
                    self.outbox.release(claves, fail.reason, fail.code, dudosa=fail.maybe_applied)
                    transient = fail
                log.warning("Escritura en %s: %s", tab, fail.reason)
        avisos = tuple(dict.fromkeys(total.avisos))
        self._after(transient, reason, avisos)
        return FlushReport(
            enviadas=total.enviadas,
            ya_estaban=total.ya_estaban,
            errores=total.rechazadas,
            reason=words(reason),
            avisos=tuple(a.in_() for a in avisos),
        )

    def _after(self, transient: SheetsFailure | None, reason: tuple[Said, ...], avisos: tuple[Said, ...]) -> None:
        """Schedule the next attempt (shared by every process on this outbox)."""
        changes: dict[str, Any] = {"ultimo_error": tuple(reason)}
        if avisos:
            changes["avisos"] = avisos
        if transient is None:
            self.outbox.update_state(fallas=0, proximo_intento=None, no_antes_de=None, **changes)
            return
        now = self._wall()
        failures = self.outbox.state().fallas + 1
        delay = backoff_delay(self.backoff_base_s, failures, transient.retry_after, self._rng, self.backoff_cap_s)
        self.outbox.update_state(
            fallas=failures,
            proximo_intento=now + delay,
            no_antes_de=now + transient.retry_after if transient.retry_after else None,
            **changes,
        )

    def _send_tab(self, tab: str, rows: list[Fila]) -> _TabResult:
        """Append the tab's rows (after dropping dudosas already on the Sheet). Raises SheetsError."""
        found: set[str] = set()
        dudosas = [r for r in rows if r.dudosa]
        if dudosas:
            present = self.appender.present_keys(tab, reconcile_columns(tab))
            found = {r.clave for r in dudosas if already_there(r, present)}
            self.outbox.mark_sent(sorted(found), self._wall())
        todo = [r for r in rows if r.clave not in found]
        if not todo:
            return _TabResult(ya_estaban=len(found))
        info = self.appender.tab_info(tab)
        info, added = self._ensure_added_header(tab, info)
        batch = matrix(tab, info, todo)
        for r in batch.refused:
            why = identity_refusal(info, r)
            self.outbox.fail([r.clave], why.in_(), SheetsCode.COLUMNA_FALTANTE)
            batch.avisos.append(why)
        if batch.kept:
            self.appender.append(tab, info, batch.matrix)
            self.outbox.mark_sent([r.clave for r in batch.kept], self._wall())
        return _TabResult(len(batch.kept), len(found), len(batch.refused), (*added, *batch.avisos))

    def _ensure_added_header(self, tab: str, info: TabInfo) -> tuple[TabInfo, tuple[Said, ...]]:
        """Issue 12: a tab laid out as DESIGN documents lacks ``id_operacion``; when the account
        may edit, the sender writes that one header cell and says so, else it refuses with why."""
        if tab not in ADDED_HEADERS or ADDED_HEADERS[tab][0] in info.index:
            return info, ()
        column, header = ADDED_HEADERS[tab]
        try:
            fresh = self.appender.add_header(tab, info, column, header)
        except SheetsError as e:
            if not e.failure.permanent:
                raise
            raise refusal(
                E.ID_OPERACION_NO_AGREGADA,
                e.failure.code,
                pestana=info.title,
                encabezado=header,
                fila=info.row,
                motivo=e.failure.reason.rstrip("."),
            ) from None
        letter = column_letter(fresh.index[column])
        return fresh, (Said(E.ID_OPERACION_AGREGADA, {"encabezado": header, "columna": letter, "pestana": info.title}),)


def _at(value: float | None) -> float:
    return float("-inf") if value is None else value


def _next_attempt(state: SenderState) -> float:
    """Back-off and Retry-After together."""
    return max(_at(state.proximo_intento), _at(state.no_antes_de))
