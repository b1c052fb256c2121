"""Writing from the venue: room tallies and check-ins appended to the Sheet, idempotent, through a durable outbox.

A user action becomes an *operation* (a frozen dataclass with an ``id_operacion`` chosen when the
user acts and a ``marca_temporal`` chosen by the caller). ``Writer.submit`` stores its rows in the
outbox on disk (``foro_data.outbox``) before anything goes over the network, so a dropped venue
network or a restarted server loses nothing. ``Writer.flush`` sends every pending row with **one
``values:append`` per tab**, mapped onto the Sheet's own header order (never by position).

Exactly once: a row is marked sent only after Google answered 2xx, or after it was *seen* on the
Sheet. After an ambiguous failure (timeout or dropped connection once the request was sent, a 5xx,
a flusher killed mid-request) the rows are *dudosas*: before resending, the sender reads the tab's
``id_operacion`` column and drops those already there. The one window left (Google applying a
request later than that read) yields a repeated ``id_operacion``, which ``clean`` counts once.

Concurrency (see the README, «Escribir desde la sede»): tallies are append-only (a delta or an absolute headcount,
never a read-modify-write of a total), so two coordinators on one room both count; two desks
accrediting one person write two ``entrada`` rows and *acreditados* are distinct people.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import random
import re
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Callable, Iterable, Mapping, Sequence, Union
from zoneinfo import ZoneInfo

import requests
from gspread.exceptions import APIError
from gspread.utils import absolute_range_name, rowcol_to_a1

from . import schema
from .identity import IDENTIFYING, is_email, normalise
from .config import Config
from .live import backoff_delay
from .model import Persona
from .outbox import ENVIADA, ENVIANDO, ERROR_PERMANENTE, PENDIENTE, Fila, Outbox, outbox_path
from .parse import country_code, digits, text
from .schema import fold, header_key
from .sources.base import SourceError
from .sources.gsheets import (
    API_URL,
    API_URL_ENV,
    DEFAULT_TIMEOUT,
    GSheetsSource,
    RoutedHTTPClient,
    retry_after_seconds,
    known_tabs,
    open_http,
    spreadsheet_key,
)

log = logging.getLogger(__name__)

# Appending needs the read-write scope; the read-only one of sources.gsheets gets 403 on append.
WRITE_SCOPES = ("https://www.googleapis.com/auth/spreadsheets",)
SOLO_LECTURA = ("La cuenta de servicio solo tiene permiso de lectura: compártala como Editor para registrar "
                "conteos y acreditaciones.")
SIN_ESCRITURA_DEMO = ("Con datos de demostración no se puede registrar nada: los conteos y acreditaciones se "
                      "escriben en una planilla de Google ([foro] fuente = \"gsheets\").")
SIN_ESCRITURA_ARCHIVO = ("La fuente es un archivo local: no se escriben conteos ni acreditaciones en él. Para "
                         "registrar desde el tablero use una planilla de Google ([foro] fuente = \"gsheets\").")
APPEND_PARAMS = {"valueInputOption": "USER_ENTERED", "insertDataOption": "INSERT_ROWS",
                 "includeValuesInResponse": "false"}
READ_PARAMS = {"valueRenderOption": "UNFORMATTED_VALUE", "dateTimeRenderOption": "SERIAL_NUMBER",
               "majorDimension": "ROWS"}
# Tabs in the order a flush sends them: a walk-in's registration before its check-in.
TAB_ORDER = ("Inscripciones", "Acreditaciones", "Conteos")
# Without these columns a row would be unusable or not idempotent: refuse rather than write.
REQUIRED_TO_WRITE: dict[str, tuple[str, ...]] = {
    "Conteos": ("marca_temporal", "sala", "tipo", "valor", "id_operacion"),
    "Acreditaciones": ("marca_temporal", "movimiento", "id_operacion"),
    "Inscripciones": (),
}
DATE_COLUMNS = frozenset({"marca_temporal", "registrado_en"})
SHEET_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # ISO: parsed as a date by Sheets in every locale
MIN_FLUSH_INTERVAL_S = 5.0  # <= 12 flushes a minute: writes share the 60-per-minute quota with reads
BACKOFF_BASE_S = 2.0
BACKOFF_CAP_S = 120.0
HEADER_TTL_S = 120.0


class WritesUnavailable(Exception):
    """Writing is not possible here; ``reason`` is one Spanish sentence, ``code`` is stable:
    ``demo``, ``archivo``, ``solo_lectura``, ``rol``, ``configuracion``."""

    def __init__(self, reason: str, code: str):
        super().__init__(reason)  # str(e) is the reason too
        self.reason = reason
        self.code = code


class InvalidOperation(ValueError):
    """The user's input cannot be written. ``errores``: field -> Spanish reason (for a form)."""

    def __init__(self, errores: Mapping[str, str]):
        self.errores = dict(errores)
        super().__init__(" ".join(self.errores.values()))


# --- operations -------------------------------------------------------------------------------


def new_operation_id() -> str:
    return str(uuid.uuid4())


def _aware(marca_temporal: datetime) -> datetime:
    if marca_temporal.tzinfo is None:
        raise InvalidOperation({"marca_temporal": "La hora de la operación debe llevar zona horaria."})
    return marca_temporal


def _sheet_time(at: datetime, tz: ZoneInfo) -> str:
    """Event-local wall time: clean reads Sheet dates in the event's zone."""
    return at.astimezone(tz).strftime(SHEET_TIME_FORMAT)


@dataclass(frozen=True)
class TallyOp:
    """A room count at the door: ``delta`` (+n / −n) or ``conteo`` (absolute headcount, resets)."""

    sala: str
    tipo: str  # "delta" | "conteo"
    valor: int
    registrado_por: str
    marca_temporal: datetime
    id_operacion: str
    kind = "conteo"

    @classmethod
    def new(cls, sala: str, tipo: str, valor: int, registrado_por: str, marca_temporal: datetime) -> "TallyOp":
        errores: dict[str, str] = {}
        sala = text(sala)
        if not sala:
            errores["sala"] = "Falta la sala."
        if tipo not in ("delta", "conteo"):
            errores["tipo"] = "El tipo de conteo debe ser «delta» o «conteo»."
        if isinstance(valor, bool) or not isinstance(valor, int):
            errores["valor"] = "El valor debe ser un número entero."
        elif tipo == "conteo" and valor < 0:
            errores["valor"] = "Un conteo absoluto no puede ser negativo."
        elif tipo == "delta" and valor == 0:
            errores["valor"] = "Una variación de 0 no cambia nada."
        if errores:
            raise InvalidOperation(errores)
        return cls(sala, tipo, valor, text(registrado_por), _aware(marca_temporal), new_operation_id())

    def rows(self, tz: ZoneInfo) -> list[tuple[str, str, dict[str, Any]]]:
        return [(self.id_operacion, "Conteos", {
            "marca_temporal": _sheet_time(self.marca_temporal, tz), "sala": self.sala, "tipo": self.tipo,
            "valor": self.valor, "registrado_por": self.registrado_por, "id_operacion": self.id_operacion})]


def _identity_errors(id: str, email: str, documento: str) -> dict[str, str]:
    errores: dict[str, str] = {}
    if not (id or email or documento):
        errores["persona"] = "Indique el ID, el e-mail o el documento de la persona."
    if email and not is_email(email):
        errores["email"] = f"«{email}» no parece un e-mail."
    if documento and not digits(documento):
        errores["documento"] = "El documento debe tener números."
    return errores


@dataclass(frozen=True)
class AccreditOp:
    """A check-in (movimiento entrada) at the desk. Any one identifier finds the person."""

    id: str
    email: str
    documento: str
    punto: str
    marca_temporal: datetime
    id_operacion: str
    kind = "acreditacion"

    @classmethod
    def new(cls, marca_temporal: datetime, *, id: str = "", email: str = "", documento: str = "",
            punto: str = "Acreditación") -> "AccreditOp":
        id, email, documento = text(id), text(email), text(documento)
        errores = _identity_errors(id, email, documento)
        if errores:
            raise InvalidOperation(errores)
        return cls(id, email, documento, text(punto), _aware(marca_temporal), new_operation_id())

    @classmethod
    def of_persona(cls, persona: Persona, marca_temporal: datetime, punto: str = "Acreditación") -> "AccreditOp":
        """The desk's "Acreditar" on a search result: every identifier the person has goes in
        the row, so clean matches it whichever column the Sheet keeps."""
        return cls.new(marca_temporal, id=persona.id, email=persona.email, documento=persona.documento, punto=punto)

    def rows(self, tz: ZoneInfo) -> list[tuple[str, str, dict[str, Any]]]:
        return [(self.id_operacion, "Acreditaciones", {
            "marca_temporal": _sheet_time(self.marca_temporal, tz), "id": self.id, "email": self.email,
            "documento": self.documento, "punto": self.punto, "movimiento": "entrada",
            "id_operacion": self.id_operacion})]


UNDO_WINDOW = timedelta(minutes=1)


def may_undo(op: "AccreditOp | WalkInOp", now: datetime, window: timedelta = UNDO_WINDOW) -> bool:
    """The desk offers "Deshacer" for a minute after the check-in (issue 7).

    >>> at = datetime(2025, 6, 19, 9, 12, tzinfo=ZoneInfo("America/Argentina/Mendoza"))
    >>> op = AccreditOp("", "a@b.org", "", "Mesa 1", at, "x")
    >>> may_undo(op, at + timedelta(seconds=59)), may_undo(op, at + timedelta(seconds=61))
    (True, False)
    """
    return timedelta(0) <= now - op.marca_temporal <= window


@dataclass(frozen=True)
class UndoOp:
    """Undo of a check-in: a compensating ``anulación`` row, never a delete.

    It repeats the person's identifiers because clean skips a row that names nobody."""

    anula: str  # the id_operacion of the AccreditOp (or WalkInOp) it cancels
    id: str
    email: str
    documento: str
    punto: str
    marca_temporal: datetime
    kind = "anulacion"

    @property
    def id_operacion(self) -> str:
        # Deterministic: undoing twice is one undo (same key in the outbox and in clean).
        return schema.ANULA_PREFIX + self.anula

    @classmethod
    def of(cls, original: "AccreditOp | WalkInOp", marca_temporal: datetime) -> "UndoOp":
        return cls(original.id_operacion, original.id, original.email, original.documento, original.punto,
                   _aware(marca_temporal))

    def rows(self, tz: ZoneInfo) -> list[tuple[str, str, dict[str, Any]]]:
        return [(self.id_operacion, "Acreditaciones", {
            "marca_temporal": _sheet_time(self.marca_temporal, tz), "id": self.id, "email": self.email,
            "documento": self.documento, "punto": self.punto, "movimiento": "anulación",
            "id_operacion": self.id_operacion})]


WALK_IN_FIELDS = ("nombre", "apellido", "email", "documento", "cargo", "rol", "institucion", "ciudad", "provincia",
                  "pais", "genero")


def validate_walk_in(fields: Mapping[str, str]) -> dict[str, str]:
    """Field -> Spanish reason for every value clean would reject or could not identify at the desk.

    Same rules as clean: e-mail shape, a document with digits, a known country, a known gender;
    and, because a walk-in is accredited at once, name, surname and an e-mail or a document.
    """
    f = {k: text(fields.get(k, "")) for k in WALK_IN_FIELDS}
    errores: dict[str, str] = {}
    for k in ("nombre", "apellido"):
        if not f[k]:
            errores[k] = f"Falta el {'nombre' if k == 'nombre' else 'apellido'}."
    if not (f["email"] or f["documento"]):
        errores["email"] = "Indique el e-mail o el documento: es lo que identifica a la persona."
    if f["email"] and not is_email(f["email"]):
        errores["email"] = f"«{f['email']}» no parece un e-mail."
    if f["documento"] and not digits(f["documento"]):
        errores["documento"] = "El documento debe tener números."
    if f["pais"] and not country_code(f["pais"]):
        errores["pais"] = f"No se reconoce el país «{f['pais']}»: escriba el nombre (Argentina, Brasil…) o el código (AR, BR)."
    if f["genero"] and fold(f["genero"]) not in schema.GENEROS:
        errores["genero"] = f"No se reconoce el género «{f['genero']}»."
    return errores


@dataclass(frozen=True)
class WalkInOp:
    """A walk-in: one Inscripciones row and its check-in, written in one user action.

    The new registration gets ``id`` = "P-" + 8 hex digits of the operation, so the check-in
    (and a reconciliation after a lost reply) finds exactly this row."""

    nombre: str
    apellido: str
    email: str
    documento: str
    cargo: str
    rol: str
    institucion: str
    ciudad: str
    provincia: str
    pais: str
    genero: str
    punto: str
    marca_temporal: datetime
    id_operacion: str
    id: str
    kind = "inscripcion"

    @classmethod
    def new(cls, fields: Mapping[str, str], marca_temporal: datetime, punto: str = "Acreditación") -> "WalkInOp":
        errores = validate_walk_in(fields)
        if errores:
            raise InvalidOperation(errores)
        op_id = new_operation_id()
        values = {k: text(fields.get(k, "")) for k in WALK_IN_FIELDS}
        return cls(**values, punto=text(punto), marca_temporal=_aware(marca_temporal), id_operacion=op_id,
                   id="P-" + op_id.replace("-", "")[:8])

    def rows(self, tz: ZoneInfo) -> list[tuple[str, str, dict[str, Any]]]:
        at = _sheet_time(self.marca_temporal, tz)
        inscripcion = {"id": self.id, "registrado_en": at, **{k: getattr(self, k) for k in WALK_IN_FIELDS}}
        acreditacion = {"marca_temporal": at, "id": self.id, "email": self.email, "documento": self.documento,
                        "punto": self.punto, "movimiento": "entrada", "id_operacion": self.id_operacion}
        return [(self.id_operacion + "#inscripcion", "Inscripciones", inscripcion),
                (self.id_operacion, "Acreditaciones", acreditacion)]


Operation = Union[TallyOp, AccreditOp, UndoOp, WalkInOp]
_OP_TYPES: dict[str, type] = {"conteo": TallyOp, "acreditacion": AccreditOp, "anulacion": UndoOp, "inscripcion": WalkInOp}


def op_to_dict(op: Operation) -> dict[str, Any]:
    d = {f.name: getattr(op, f.name) for f in dataclasses.fields(op)}
    d["marca_temporal"] = op.marca_temporal.isoformat()
    return d


def op_from_dict(kind: str, d: Mapping[str, Any]) -> Operation:
    values = dict(d)
    values["marca_temporal"] = datetime.fromisoformat(values["marca_temporal"])
    return _OP_TYPES[kind](**values)


# --- the Sheet side ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    """One failed request, classified. ``ambigua``: the Sheet may have applied it."""

    motivo: str
    codigo: str
    ambigua: bool = False
    permanente: bool = False
    retry_after: float | None = None


class SheetFailure(Exception):
    def __init__(self, failure: Failure):
        super().__init__(failure.motivo)
        self.failure = failure


@dataclass
class _TabInfo:
    title: str
    headers: list[str]
    index: dict[str, int]  # canonical column -> 0-based position in the Sheet
    read_at: float


def _cell(column: str, value: Any) -> Any:
    """A value as typed by a person (USER_ENTERED): dates parse, text stays text.

    The leading apostrophe keeps text literal: "=1+1" or "+54 261…" must not become a formula
    or a number, and a document "0012345" keeps its zeros.

    >>> _cell("sala", "=1+1"), _cell("valor", -1), _cell("marca_temporal", "2025-06-19 09:12:00")
    ("'=1+1", -1, '2025-06-19 09:12:00')
    """
    if value is None or value == "":
        return ""
    if column in DATE_COLUMNS or isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return "'" + str(value)


class SheetAppender:
    """Talks HTTP for the writer: tab titles, header rows (cached), appends, key-column reads."""

    def __init__(self, planilla: str, service_account: Mapping[str, Any], *, api_url: str | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT, header_ttl_s: float = HEADER_TTL_S,
                 clock: Callable[[], float] = time.monotonic):
        self.key = spreadsheet_key(planilla)
        self.service_account = dict(service_account)
        self.api_url = (api_url or os.environ.get(API_URL_ENV) or API_URL).rstrip("/")
        self.timeout = timeout
        self.header_ttl_s = header_ttl_s
        self._clock = clock
        # Only to word transport failures exactly as the reading side does.
        self._describer = GSheetsSource(self.key, self.service_account, api_url=self.api_url, timeout=timeout)
        self._http: RoutedHTTPClient | None = None
        self._titles: tuple[str, ...] | None = None
        self._tabs: dict[str, _TabInfo] = {}
        self.requests: dict[str, int] = {"append": 0, "lectura": 0}

    def _client(self) -> RoutedHTTPClient:
        if self._http is None:
            try:
                self._http = open_http(self.service_account, self.api_url, self.timeout, WRITE_SCOPES)
            except SourceError as e:
                raise SheetFailure(Failure(e.reason, "credenciales", permanente=True)) from None
        return self._http

    def forget(self, tab: str | None = None) -> None:
        """Drop cached headers (of one tab, or all and the tab titles)."""
        if tab is None:
            self._tabs.clear()
            self._titles = None
        else:
            self._tabs.pop(tab, None)

    def _call(self, what: str, fn: Callable[[], Any]) -> Any:
        self.requests[what] = self.requests.get(what, 0) + 1
        try:
            return fn()
        except SheetFailure:
            raise
        except Exception as e:  # every transport/API failure becomes a classified Failure
            failure = self.classify(e)
            if what != "append" and failure.ambigua:
                failure = dataclasses.replace(failure, ambigua=False)  # a lost read changed nothing
            if what != "append" and failure.codigo == "solo_lectura":
                # A read refused: the Sheet is not shared at all (as Lector, reads work).
                failure = Failure(self._describer.describe_error(e).reason, "permiso", permanente=True)
            raise SheetFailure(failure) from e

    def _title(self, tab: str) -> str:
        wanted = {header_key(n) for n in (tab, *schema.TAB_BY_NAME[tab].aliases)}
        for attempt in (0, 1):
            if self._titles is None or attempt:
                data = self._call("lectura", lambda: self._client().fetch_sheet_metadata(self.key))
                self._titles = tuple(str(s["properties"]["title"]) for s in data.get("sheets") or [])
            title = next((t for t in known_tabs(self._titles) if header_key(t) in wanted), None)
            if title is not None:
                return title
        cols = ", ".join(schema.TAB_BY_NAME[tab].headers)
        raise SheetFailure(Failure(f"La planilla no tiene la pestaña «{tab}»: agréguela con los encabezados {cols} "
                                   "(python -m foro_data plantilla escribe un modelo).", "pestana", permanente=True))

    def tab_info(self, tab: str) -> _TabInfo:
        info = self._tabs.get(tab)
        if info is not None and self._clock() - info.read_at < self.header_ttl_s:
            return info
        title = self._title(tab)
        data = self._call("lectura", lambda: self._client().values_get(
            self.key, absolute_range_name(title, "1:1"), params=dict(READ_PARAMS)))
        headers = [text(h) for h in ((data.get("values") or [[]])[0])]
        return self._remember(tab, title, headers)

    def _remember(self, tab: str, title: str, headers: list[str]) -> _TabInfo:
        if not any(headers):
            raise SheetFailure(Failure(f"La pestaña «{title}» no tiene encabezados en la fila 1.", "encabezados",
                                       permanente=True))
        info = _TabInfo(title, headers, schema.TAB_BY_NAME[tab].resolve(headers).index, self._clock())
        self._tabs[tab] = info
        return info

    def present_keys(self, tab: str, columns: Sequence[str]) -> dict[str, set[str]]:
        """The values already in these columns of the tab (normalised), read in one request that
        also refreshes the header row: canonical column -> set."""
        info = self.tab_info(tab)
        cols = [c for c in columns if c in info.index]
        ranges = [absolute_range_name(info.title, "1:1")]
        for c in cols:
            letter = re.sub(r"\d", "", rowcol_to_a1(1, info.index[c] + 1))
            ranges.append(absolute_range_name(info.title, f"{letter}2:{letter}"))
        data = self._call("lectura", lambda: self._client().values_batch_get(self.key, ranges, params=dict(READ_PARAMS)))
        vrs = data.get("valueRanges") or []
        headers = [text(h) for h in ((vrs[0].get("values") or [[]])[0])] if vrs else []
        fresh = self._remember(tab, info.title, headers)
        if any(fresh.index.get(c) != info.index.get(c) for c in cols):
            # Columns moved between the two reads of this request's header: read again next time.
            self.forget(tab)
            raise SheetFailure(Failure("Los encabezados de la planilla cambiaron; se vuelve a intentar.", "encabezados"))
        out: dict[str, set[str]] = {}
        for c, vr in zip(cols, vrs[1:]):
            out[c] = {normalise(c, row[0]) for row in vr.get("values") or [] if row and text(row[0])}
        return out

    def append(self, tab: str, info: _TabInfo, rows: list[list[Any]]) -> None:
        body = {"majorDimension": "ROWS", "values": rows}
        answer = self._call("append", lambda: self._client().values_append(
            self.key, absolute_range_name(info.title, "A1"), params=dict(APPEND_PARAMS), body=body))
        # A table wider or narrower than the header we know: a column was added or removed.
        table = str((answer or {}).get("tableRange") or "")
        m = re.search(r"!([A-Z]+)\d*:([A-Z]+)\d*$", table)
        if m and _col(m.group(2)) - _col(m.group(1)) + 1 != len(info.headers):
            self.forget(tab)

    # --- failures ----------------------------------------------------------------------------

    def classify(self, e: BaseException) -> Failure:
        if isinstance(e, APIError):
            status = e.response.status_code if e.response is not None else e.code
            if status == 403:
                return Failure(SOLO_LECTURA, "solo_lectura", permanente=True)
            if status == 429:
                ra = retry_after_seconds(e.response.headers.get("Retry-After") if e.response is not None else None)
                return Failure("Google limitó las solicitudes a la planilla (60 por minuto); las escrituras esperan "
                               "y se reintentan.", "cuota", retry_after=ra)
            if status == 404:
                return Failure(f"No existe una planilla con la clave {self.key}: revise [foro] planilla.", "no_existe",
                               permanente=True)
            if status == 401:
                return Failure("Google no aceptó las credenciales de la cuenta de servicio.", "credenciales",
                               permanente=True)
            if status == 400 and "Unable to parse range" in str(e.error.get("message", "")):
                self.forget()  # a tab renamed since we read the titles
                return Failure("Una pestaña de la planilla cambió de nombre; se vuelve a intentar.", "pestana")
            if status >= 500 or e.code == -1:
                # The request reached Google; it may have been applied before the error.
                return Failure(f"Google Sheets tuvo un error del servidor (HTTP {status}).", "servidor", ambigua=True)
            message = str(e.error.get("message", ""))[:200]
            return Failure(f"Google Sheets rechazó la escritura (HTTP {status}): {message}", "rechazada",
                           permanente=True)
        reason = self._describer.describe_error(e)
        cause: BaseException | None = e
        while cause is not None and not isinstance(cause, requests.RequestException):
            cause = cause.__cause__ or cause.__context__
        if type(e).__name__ == "RefreshError":
            return Failure(reason.reason, "credenciales", permanente=True)
        if isinstance(cause, requests.ConnectTimeout):
            return Failure(reason.reason, "red")
        if isinstance(cause, requests.ConnectionError) and re.search(
                r"NewConnectionError|Connection refused|Failed to establish|NameResolution", repr(cause)):
            return Failure(reason.reason, "red")  # never reached the server
        if type(e).__module__.startswith("google.auth"):
            return Failure(reason.reason, "red")  # the token request failed; nothing was sent
        # Read timeout, connection dropped after sending, unreadable 2xx body: maybe applied.
        return Failure(reason.reason, reason.code or "red", ambigua=True)


def _col(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


# --- the writer -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FlushReport:
    """What one flush did."""

    enviadas: int = 0  # rows appended now
    ya_estaban: int = 0  # dudosas found on the Sheet, not sent again
    pendientes: int = 0  # rows left for a later flush
    errores: int = 0  # rows now in error_permanente
    appends: int = 0  # values:append requests made
    lecturas: int = 0  # read requests made (titles, headers, reconciliation)
    motivo: str = ""  # Spanish, when something failed
    avisos: tuple[str, ...] = ()  # columns the Sheet lacks (value not written)
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


@dataclass(frozen=True)
class PendingOp:
    """One user action not yet (or just) on the Sheet, for the optimistic view."""

    op: Operation
    estado: str  # worst state of its rows: error_permanente > pendiente/enviando > enviada
    motivo: str
    encolada_en: float


def can_submit(role: str | None, kind: str) -> bool:
    """None = a trusted local caller (the CLI, which holds the secrets file)."""
    if role is None:
        return True
    from .access import can_write

    return can_write(role, kind)


class Writer:
    """One per Sheet per process (Streamlit: ``st.cache_resource``); shares the outbox file with
    every other process. Time is a parameter: ``wall`` (epoch seconds) stamps the outbox."""

    def __init__(self, outbox: Outbox, appender: SheetAppender, *, tz: ZoneInfo,
                 wall: Callable[[], float] = time.time, rng: random.Random | None = None,
                 min_interval_s: float = MIN_FLUSH_INTERVAL_S, backoff_base_s: float = BACKOFF_BASE_S,
                 backoff_cap_s: float = BACKOFF_CAP_S):
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

        Raises WritesUnavailable when the role may not write this, or the Sheet is read-only."""
        if not can_submit(role, op.kind):
            who = "coordinación" if op.kind == "conteo" else "organización"
            raise WritesUnavailable(f"Solo el rol {who} puede registrar esto.", "rol")
        bloqueo = self.outbox.get_flag("bloqueo")
        if bloqueo:
            raise WritesUnavailable(bloqueo, "solo_lectura")
        payload = op_to_dict(op)
        self.outbox.add([(clave, op.id_operacion, op.kind, tab, values, payload)
                         for clave, tab, values in op.rows(self.tz)], self._wall())
        self._wake.set()
        return op.id_operacion

    def flush(self, *, force: bool = False) -> FlushReport:
        """Send what is pending: one values:append per tab. Respects the shared back-off unless
        ``force`` (a person asked, e.g. the CLI); Google's Retry-After is honoured always.
        Never raises for Sheet or network failures (they are in the report)."""
        with self._flush_lock:
            now = self._wall()
            due = self._retry_after_until() if force else self._next_attempt()
            if due > now:
                return FlushReport(pendientes=self._pending_count(), esperando=True,
                                   motivo=self.outbox.get_flag("ultimo_error"))
            self._last_flush = now
            before = dict(self.appender.requests)
            filas = self.outbox.claim(now)
            report = self._send(filas)
            report = dataclasses.replace(
                report,
                appends=self.appender.requests.get("append", 0) - before.get("append", 0),
                lecturas=self.appender.requests.get("lectura", 0) - before.get("lectura", 0),
                pendientes=self._pending_count())
            return report

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
        rows = self.outbox.rows(PENDIENTE, ENVIANDO, ERROR_PERMANENTE)
        waiting = [r for r in rows if r.estado != ERROR_PERMANENTE]
        por: dict[str, int] = {}
        for r in waiting:
            por[r.pestana] = por.get(r.pestana, 0) + 1
        bloqueo = self.outbox.get_flag("bloqueo")
        avisos = tuple(a for a in self.outbox.get_flag("avisos").split("\n") if a)
        return PendingSummary(
            por_pestana=por, total=len(waiting),
            mas_antigua_s=max(0.0, now - min(r.encolada_en for r in waiting)) if waiting else None,
            errores=len(rows) - len(waiting), ultimo_error=self.outbox.get_flag("ultimo_error"),
            solo_lectura=bool(bloqueo), bloqueo=bloqueo,
            proximo_intento_en_s=max(0.0, self._next_attempt() - now), avisos=avisos)

    def retry_failed(self) -> int:
        """After sharing the Sheet as Editor or fixing its headers: failed rows go back to pending."""
        self.outbox.set_flag("bloqueo", "")
        self.outbox.set_flag("proximo_intento", "")
        self.outbox.set_flag("no_antes_de", "")
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
                due = max(self._next_attempt(), self._last_flush + self.min_interval_s)
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

    def _next_attempt(self) -> float:
        """Back-off and Retry-After together (shared by every process on this outbox)."""
        v = self.outbox.get_flag("proximo_intento")
        return max(float(v) if v else float("-inf"), self._retry_after_until())

    def _retry_after_until(self) -> float:
        v = self.outbox.get_flag("no_antes_de")
        return float(v) if v else float("-inf")

    def _ops(self, rows: list[Fila]) -> list[PendingOp]:
        rank = {ENVIADA: 0, ENVIANDO: 1, PENDIENTE: 1, ERROR_PERMANENTE: 2}
        by_op: dict[str, PendingOp] = {}
        for r in rows:
            prev = by_op.get(r.id_operacion)
            if prev is None:
                by_op[r.id_operacion] = PendingOp(op_from_dict(r.tipo, r.operacion), r.estado, r.motivo, r.encolada_en)
            elif rank[r.estado] > rank[prev.estado]:
                by_op[r.id_operacion] = dataclasses.replace(prev, estado=r.estado, motivo=r.motivo)
        return list(by_op.values())

    def _send(self, filas: list[Fila]) -> FlushReport:
        groups: dict[str, list[Fila]] = {}
        for f in filas:
            groups.setdefault(f.pestana, []).append(f)
        sent = found = failed = 0
        motivo = ""
        avisos: list[str] = []
        transient: Failure | None = None
        for tab in sorted(groups, key=lambda t: TAB_ORDER.index(t) if t in TAB_ORDER else 99):
            rows = groups[tab]
            if transient is not None:
                # One failure per flush is enough: leave the other tabs for the next attempt.
                self.outbox.release([r.clave for r in rows], transient.motivo, transient.codigo, dudosa=False)
                continue
            try:
                s, fnd, warn, refused = self._send_tab(tab, rows)
                sent, found, failed = sent + s, found + fnd, failed + refused
                avisos.extend(warn)
                if refused:
                    motivo = warn[-1]
            except SheetFailure as e:
                fail = e.failure
                motivo = fail.motivo
                claves = [r.clave for r in rows]
                if fail.permanente:
                    self.outbox.fail(claves, fail.motivo, fail.codigo)
                    failed += len(rows)
                    if fail.codigo == "solo_lectura":
                        self.outbox.set_flag("bloqueo", SOLO_LECTURA)
                else:
                    # Rows already dudosa stay dudosa; release() only ever raises the flag.
                    self.outbox.release(claves, fail.motivo, fail.codigo, dudosa=fail.ambigua)
                    transient = fail
                log.warning("Escritura en %s: %s", tab, fail.motivo)
        self._after(transient, motivo, avisos)
        return FlushReport(enviadas=sent, ya_estaban=found, errores=failed, motivo=motivo, avisos=tuple(avisos))

    def _after(self, transient: Failure | None, motivo: str, avisos: list[str]) -> None:
        now = self._wall()
        if transient is None:
            self.outbox.set_flag("fallas", "")
            self.outbox.set_flag("proximo_intento", "")
            self.outbox.set_flag("no_antes_de", "")
        else:
            failures = int(self.outbox.get_flag("fallas") or 0) + 1
            self.outbox.set_flag("fallas", str(failures))
            delay = backoff_delay(self.backoff_base_s, failures, transient.retry_after, self._rng, self.backoff_cap_s)
            self.outbox.set_flag("proximo_intento", repr(now + delay))
            self.outbox.set_flag("no_antes_de", repr(now + transient.retry_after) if transient.retry_after else "")
        self.outbox.set_flag("ultimo_error", motivo)
        if avisos:
            self.outbox.set_flag("avisos", "\n".join(dict.fromkeys(avisos)))

    def _send_tab(self, tab: str, rows: list[Fila]) -> tuple[int, int, list[str], int]:
        """(rows appended, dudosas found on the Sheet, warnings, rows refused). Raises SheetFailure."""
        found_claves: list[str] = []
        dudosas = [r for r in rows if r.dudosa]
        if dudosas:
            keys = _reconcile_columns(tab)
            present = self.appender.present_keys(tab, keys)
            for r in dudosas:
                if _already_there(r, present):
                    found_claves.append(r.clave)
            self.outbox.mark_sent(found_claves, self._wall())
        todo = [r for r in rows if r.clave not in set(found_claves)]
        if not todo:
            return 0, len(found_claves), [], 0
        info = self.appender.tab_info(tab)
        matrix, kept, refused, avisos = _matrix(tab, info, todo)
        for r in refused:
            self.outbox.fail([r.clave], _identity_refusal(info.title, r), "columna_faltante")
            avisos.append(_identity_refusal(info.title, r))
        if kept:
            self.appender.append(tab, info, matrix)
            self.outbox.mark_sent([r.clave for r in kept], self._wall())
        return len(kept), len(found_claves), avisos, len(refused)


def _reconcile_columns(tab: str) -> list[str]:
    # Inscripciones has no id_operacion: a walk-in's row is found by the id it was given,
    # else by its e-mail or document.
    return list(IDENTIFYING) if tab == "Inscripciones" else ["id_operacion"]


def _already_there(fila: Fila, present: dict[str, set[str]]) -> bool:
    for column, values in present.items():
        mine = fila.valores.get(column)
        if text(mine) and normalise(column, mine) in values:
            return True
    return False


def _matrix(tab: str, info: _TabInfo, rows: list[Fila]) -> tuple[list[list[Any]], list[Fila], list[str], list[str]]:
    """Rows in the Sheet's own column order: (matrix, rows in it, rows refused, warnings).

    Raises SheetFailure (permanent) when the tab lacks a column no row can do without. A row
    whose identifiers all lack a column is refused alone (``refused``), not the whole batch.
    Other missing columns holding a value are reported as warnings."""
    missing_required = [c for c in REQUIRED_TO_WRITE.get(tab, ()) if c not in info.index]
    if missing_required:
        cols = ", ".join(f"«{c}»" for c in missing_required)
        why = " (sin ella no se puede evitar contar dos veces una operación)" if "id_operacion" in missing_required else ""
        raise SheetFailure(Failure(
            f"La pestaña «{info.title}» no tiene la columna {cols}{why}: agréguela en la fila 1 para poder "
            "registrar desde el tablero.", "columna_faltante", permanente=True))
    width = max(info.index.values()) + 1
    matrix: list[list[Any]] = []
    kept: list[Fila] = []
    refused: list[Fila] = []
    lost: set[str] = set()
    for r in rows:
        if tab in ("Acreditaciones", "Inscripciones") and not any(
                text(r.valores.get(c)) and c in info.index for c in IDENTIFYING):
            refused.append(r)
            continue
        line: list[Any] = [""] * width
        for column, value in r.valores.items():
            i = info.index.get(column)
            if i is None:
                if text(value):
                    lost.add(column)
                continue
            line[i] = _cell(column, value)
        matrix.append(line)
        kept.append(r)
    avisos = [f"La pestaña «{info.title}» no tiene la columna «{c}»; ese dato no se guarda." for c in sorted(lost)]
    return matrix, kept, refused, avisos


def _identity_refusal(title: str, fila: Fila) -> str:
    have = ", ".join(c for c in IDENTIFYING if text(fila.valores.get(c)))
    return (f"La pestaña «{title}» no tiene columna para identificar a la persona por {have}: agregue esa "
            "columna en la fila 1.")


# --- opening a writer from the configuration --------------------------------------------------


def writes_unavailable_reason(config: Config) -> WritesUnavailable | None:
    """Why this configuration cannot write (None when it can)."""
    if config.fuente == "demo":
        return WritesUnavailable(SIN_ESCRITURA_DEMO, "demo")
    if config.fuente == "archivo":
        return WritesUnavailable(SIN_ESCRITURA_ARCHIVO, "archivo")
    if config.fuente != "gsheets" or not config.get("planilla") or not config.service_account:
        return WritesUnavailable("Falta configurar la planilla de Google y la cuenta de servicio.", "configuracion")
    return None


def open_writer(config: Config, *, tz: ZoneInfo | None = None, timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                wall: Callable[[], float] = time.time, **kwargs: Any) -> Writer:
    """The writer for the configured Sheet, with its outbox under FORO_CACHE_DIR.

    Raises WritesUnavailable for the demo and for local files (with a Spanish reason)."""
    why = writes_unavailable_reason(config)
    if why is not None:
        raise why
    assert config.service_account is not None
    try:
        appender = SheetAppender(str(config.get("planilla")), config.service_account, timeout=timeout)
    except SourceError as e:  # a planilla value that is neither a URL nor a key
        raise WritesUnavailable(e.reason, "configuracion") from None
    zone = tz or ZoneInfo(str(config.get("zona_horaria")))
    return Writer(Outbox(outbox_path(appender.key)), appender, tz=zone, wall=wall, **kwargs)


# --- the optimistic view ----------------------------------------------------------------------


def visible_ids(conteos: Iterable[Any], scans: Iterable[Any]) -> set[str]:
    """id_operacion values a Snapshot already shows (pass ``snap.conteos, snap.scans``)."""
    return {c.id_operacion for c in conteos if c.id_operacion} | {s.id_operacion for s in scans if s.id_operacion}


def unseen(ops: Sequence[PendingOp], shown: set[str]) -> list[PendingOp]:
    """The actions the Snapshot does not show yet (failed ones excluded)."""
    return [p for p in ops if p.estado != ERROR_PERMANENTE and p.op.id_operacion not in shown]


def tally_with_pending(base: int | None, ops: Sequence[PendingOp], sala: str) -> int | None:
    """A room's occupancy with the tallies not yet in the Snapshot applied in order: a headcount
    replaces, a delta adds (never below 0). ``base`` None and no tally: None."""
    mine = sorted((p.op for p in ops if isinstance(p.op, TallyOp) and fold(p.op.sala) == fold(sala)),
                  key=lambda o: o.marca_temporal)
    if not mine:
        return base
    total = base or 0
    for o in mine:
        total = o.valor if o.tipo == "conteo" else total + o.valor
    return max(total, 0)


def pending_check_ins(ops: Sequence[PendingOp]) -> list[AccreditOp | WalkInOp]:
    """Check-ins not yet in the Snapshot, minus those undone (also still pending)."""
    undone = {p.op.anula for p in ops if isinstance(p.op, UndoOp)}
    return [p.op for p in ops if isinstance(p.op, (AccreditOp, WalkInOp)) and p.op.id_operacion not in undone]


__all__ = [
    "AccreditOp", "FlushReport", "InvalidOperation", "Operation", "PendingOp", "PendingSummary", "SOLO_LECTURA",
    "SheetAppender", "TallyOp", "UNDO_WINDOW", "UndoOp", "WalkInOp", "Writer", "WritesUnavailable", "may_undo",
    "open_writer",
    "pending_check_ins", "tally_with_pending", "unseen", "validate_walk_in", "visible_ids",
    "writes_unavailable_reason",
]
