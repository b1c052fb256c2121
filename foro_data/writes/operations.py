"""What may be written from the venue: validated, immutable operations and the two refusals.

A user action becomes an *operation* with an ``id_operacion`` chosen when the user acts and a
``marca_temporal`` chosen by the caller (time is a parameter). ``rows(tz)`` lays it out as the
Sheet rows it appends, by canonical column name (the appender maps them onto the Sheet's headers).
Pure: no HTTP, no disk.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Union
from zoneinfo import ZoneInfo

from .. import schema
from ..catalogue.writes import OpSentence as O
from ..catalogue.writes import SendSentence, WritesCode
from ..countries import country_code
from ..errors import ForoError, Said, say
from ..identity import is_document, is_email
from ..model import Persona
from ..parse import text
from ..schema import fold

SHEET_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # ISO: parsed as a date by Sheets in every locale
UNDO_WINDOW = timedelta(minutes=1)


class WritesUnavailable(ForoError):
    """Writing is not possible here. ``code`` (a ``WritesCode``: demo, archivo, configuracion,
    rol, solo_lectura) is what the UI branches on; ``sentence`` words the case more precisely."""

    def __init__(self, code: str, /, sentence: str | None = None, **params: object):
        self.sentence = sentence or str(code)
        super().__init__(code, **params)

    def sentences(self) -> tuple[Said, ...]:
        return (Said(self.sentence, dict(self.params)),)


# field -> (sentence code, its parameters)
FieldErrors = dict[str, tuple[str, dict[str, object]]]


class InvalidOperation(ForoError):
    """The user's input cannot be written; one sentence per field, for a form."""

    def __init__(self, errores: FieldErrors):
        self.campos = dict(errores)
        super().__init__("operacion_invalida")

    @property
    def errores(self) -> dict[str, str]:
        """field -> Spanish reason."""
        return self.errores_in("es")

    def errores_in(self, lang: str) -> dict[str, str]:
        return {f: say(code, lang, **params) for f, (code, params) in self.campos.items()}

    def sentences(self) -> tuple[Said, ...]:
        return tuple(Said(code, params) for code, params in self.campos.values())

    def reason_in(self, lang: str) -> str:
        return " ".join(self.errores_in(lang).values())  # one sentence per field, spaced


def new_operation_id() -> str:
    return str(uuid.uuid4())


def _aware(marca_temporal: datetime) -> datetime:
    if marca_temporal.tzinfo is None:
        raise InvalidOperation({"marca_temporal": (O.SIN_ZONA, {})})
    return marca_temporal


def _sheet_time(at: datetime, tz: ZoneInfo) -> str:
    """Event-local wall time: clean reads Sheet dates in the event's zone."""
    return at.astimezone(tz).strftime(SHEET_TIME_FORMAT)


# (outbox key, canonical tab, canonical column -> value)
Row = tuple[str, str, dict[str, Any]]


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
        errores: FieldErrors = {}
        sala = text(sala)
        if not sala:
            errores["sala"] = (O.FALTA_SALA, {})
        if tipo not in ("delta", "conteo"):
            errores["tipo"] = (O.TIPO_CONTEO, {})
        if isinstance(valor, bool) or not isinstance(valor, int):
            errores["valor"] = (O.VALOR_ENTERO, {})
        elif tipo == "conteo" and valor < 0:
            errores["valor"] = (O.CONTEO_NEGATIVO, {})
        elif tipo == "delta" and valor == 0:
            errores["valor"] = (O.DELTA_CERO, {})
        elif abs(valor) > schema.MAX_PERSONAS_SALA:
            errores["valor"] = (O.VALOR_GRANDE, {"max": schema.MAX_PERSONAS_SALA})
        if errores:
            raise InvalidOperation(errores)
        return cls(sala, tipo, valor, text(registrado_por), _aware(marca_temporal), new_operation_id())

    def rows(self, tz: ZoneInfo) -> list[Row]:
        return [
            (
                self.id_operacion,
                "Conteos",
                {
                    "marca_temporal": _sheet_time(self.marca_temporal, tz),
                    "sala": self.sala,
                    "tipo": self.tipo,
                    "valor": self.valor,
                    "registrado_por": self.registrado_por,
                    "id_operacion": self.id_operacion,
                },
            )
        ]


def _identity_errors(id: str, email: str, documento: str) -> FieldErrors:
    errores: FieldErrors = {}
    if not (id or email or documento):
        errores["persona"] = (O.FALTA_IDENTIFICADOR, {})
    if email and not is_email(email):
        errores["email"] = (O.EMAIL, {"valor": email})
    if documento and not is_document(documento):
        errores["documento"] = (O.DOCUMENTO, {})
    return errores


def _check_in_row(op: "AccreditOp | UndoOp | WalkInOp", tz: ZoneInfo, movimiento: str) -> dict[str, Any]:
    return {
        "marca_temporal": _sheet_time(op.marca_temporal, tz),
        "id": op.id,
        "email": op.email,
        "documento": op.documento,
        "punto": op.punto,
        "movimiento": movimiento,
        "id_operacion": op.id_operacion,
    }


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
    def new(
        cls,
        marca_temporal: datetime,
        *,
        id: str = "",
        email: str = "",
        documento: str = "",
        punto: str = "Acreditación",
    ) -> "AccreditOp":
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

    def rows(self, tz: ZoneInfo) -> list[Row]:
        return [(self.id_operacion, "Acreditaciones", _check_in_row(self, tz, "entrada"))]


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
        return cls(
            original.id_operacion,
            original.id,
            original.email,
            original.documento,
            original.punto,
            _aware(marca_temporal),
        )

    def rows(self, tz: ZoneInfo) -> list[Row]:
        return [(self.id_operacion, "Acreditaciones", _check_in_row(self, tz, "anulación"))]


WALK_IN_FIELDS = (
    "nombre",
    "apellido",
    "email",
    "documento",
    "cargo",
    "rol",
    "institucion",
    "ciudad",
    "provincia",
    "pais",
    "genero",
)


def walk_in_errors(fields: Mapping[str, str]) -> FieldErrors:
    """Field -> (sentence code, parameters) for every value clean would reject or could not identify.

    Same rules as clean: e-mail shape, a document that identifies (identity.is_document), a known country, a known gender;
    and, because a walk-in is accredited at once, name, surname and an e-mail or a document.
    """
    f = {k: text(fields.get(k, "")) for k in WALK_IN_FIELDS}
    errores: FieldErrors = {}
    if not f["nombre"]:
        errores["nombre"] = (O.FALTA_NOMBRE, {})
    if not f["apellido"]:
        errores["apellido"] = (O.FALTA_APELLIDO, {})
    if not (f["email"] or f["documento"]):
        errores["email"] = (O.FALTA_CONTACTO, {})
    errores.update(_identity_errors("-", f["email"], f["documento"]))
    if f["pais"] and not country_code(f["pais"]):
        errores["pais"] = (O.PAIS, {"valor": f["pais"]})
    if f["genero"] and fold(f["genero"]) not in schema.GENEROS:
        errores["genero"] = (O.GENERO, {"valor": f["genero"]})
    return errores


def validate_walk_in(fields: Mapping[str, str], lang: str = "es") -> dict[str, str]:
    """Field -> reason (in ``lang``) for every value that cannot be written; {} when all is well."""
    return {k: say(code, lang, **params) for k, (code, params) in walk_in_errors(fields).items()}


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
        errores = walk_in_errors(fields)
        if errores:
            raise InvalidOperation(errores)
        op_id = new_operation_id()
        values = {k: text(fields.get(k, "")) for k in WALK_IN_FIELDS}
        return cls(
            **values,
            punto=text(punto),
            marca_temporal=_aware(marca_temporal),
            id_operacion=op_id,
            id="P-" + op_id.replace("-", "")[:8],
        )

    def rows(self, tz: ZoneInfo) -> list[Row]:
        inscripcion = {
            "id": self.id,
            "registrado_en": _sheet_time(self.marca_temporal, tz),
            **{k: getattr(self, k) for k in WALK_IN_FIELDS},
        }
        return [
            (self.id_operacion + "#inscripcion", "Inscripciones", inscripcion),
            (self.id_operacion, "Acreditaciones", _check_in_row(self, tz, "entrada")),
        ]


Operation = Union[TallyOp, AccreditOp, UndoOp, WalkInOp]
_OP_TYPES: dict[str, type] = {
    "conteo": TallyOp,
    "acreditacion": AccreditOp,
    "anulacion": UndoOp,
    "inscripcion": WalkInOp,
}


def op_to_dict(op: Operation) -> dict[str, Any]:
    d = {f.name: getattr(op, f.name) for f in dataclasses.fields(op)}
    d["marca_temporal"] = op.marca_temporal.isoformat()
    return d


def op_from_dict(kind: str, d: Mapping[str, Any]) -> Operation:
    values = dict(d)
    values["marca_temporal"] = datetime.fromisoformat(values["marca_temporal"])
    return _OP_TYPES[kind](**values)


def role_refusal(kind: str) -> WritesUnavailable:
    """The refusal for a role that may not write this kind of operation."""
    sentence = SendSentence.ROL_CONTEO if kind == "conteo" else SendSentence.ROL_ACREDITACION
    return WritesUnavailable(WritesCode.ROL, sentence)
