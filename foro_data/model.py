"""Typed records of the cleaned workbook: people, scans, rooms, sessions, funding, tallies, Problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .errors import Said


@dataclass(frozen=True)
class Problem:
    """One unusable cell or row. ``code`` is the stable kind pages group by (DESIGN calls it the
    Problem's kind); ``reason`` and ``fix`` are for people, in Spanish, and ``reason_in(lang)`` /
    ``fix_in(lang)`` word them in the viewer's language from the catalogue.

    ``row`` is the row number as the user sees it in the Sheet (the header is row 1).
    """

    code: str
    tab: str
    row: int | None
    column: str | None
    value: str
    reason: str
    # How to fix it in the Sheet, when there is more to say than the reason.
    fix: str = ""
    # "error": the row or cell was not used; "aviso": used, but worth a look (duplicates, otro).
    severity: str = "error"
    # The reason and the fix unworded (foro_data/catalogue/problems.py), for other languages.
    reason_said: Said | None = None
    fix_said: Said | None = None

    @classmethod
    def of(
        cls,
        code: str,
        tab: str,
        row: int | None,
        column: str | None,
        value: str,
        reason: Said,
        fix: Said | None = None,
        severity: str = "error",
    ) -> Problem:
        return cls(code, tab, row, column, value, reason.in_("es"), fix.in_("es") if fix else "", severity, reason, fix)

    @property
    def kind(self) -> str:
        """DESIGN's word for the code."""
        return self.code

    def reason_in(self, lang: str) -> str:
        return self.reason_said.in_(lang) if self.reason_said else self.reason

    def fix_in(self, lang: str) -> str:
        return self.fix_said.in_(lang) if self.fix_said else self.fix


@dataclass(frozen=True)
class Persona:
    """One registered person after de-duplication (merged rows combine field by field)."""

    key: str  # stable key: the first source row's id, else "fila-N"
    row: int  # first Sheet row of this person in Inscripciones
    rows: tuple[int, ...]
    id: str
    registrado_en: datetime | None
    nombre: str
    apellido: str
    email: str
    documento: str
    cargo: str
    rol_raw: str
    rol: str  # one of schema.ROLES
    institucion: str
    ciudad: str
    provincia: str
    pais: str  # ISO alpha-2, or "" when unknown
    pais_raw: str
    genero: str  # femenino / masculino / no_binario / otro / sin_dato
    ejes: tuple[str, ...]
    red: tuple[str, ...]
    apoyo: str
    emails: frozenset[str] = field(default_factory=frozenset)
    documentos: frozenset[str] = field(default_factory=frozenset)
    ids: frozenset[str] = field(default_factory=frozenset)

    @property
    def nombre_completo(self) -> str:
        return f"{self.nombre} {self.apellido}".strip()

    @property
    def es_intendencia(self) -> bool:
        return self.rol == "intendencia"


@dataclass(frozen=True)
class Scan:
    """One row of Acreditaciones. ``persona`` is the matched Persona.key, or None (walk-in)."""

    row: int
    at: datetime
    persona: str | None
    identificador: str  # what identified the person (folded e-mail, digits of document, or id)
    punto: str
    movimiento: str  # "entrada" | "salida"
    id_operacion: str = ""


@dataclass(frozen=True)
class Sala:
    sala: str
    capacidad: int
    piso: str = ""
    ubicacion: str = ""
    row: int = 0


@dataclass(frozen=True)
class Sesion:
    row: int
    inicio: datetime
    fin: datetime
    sala: str
    actividad: str
    eje: str
    tipo: str


@dataclass(frozen=True)
class Apoyo:
    row: int
    persona: str | None  # Persona.key, None when the request names nobody registered
    identificador: str
    solicitado_en: datetime | None
    tipo: str
    monto_solicitado: float
    monto_aprobado: float | None
    monto_pagado: float | None
    moneda: str
    estado: str


@dataclass(frozen=True)
class Partida:
    row: int
    moneda: str
    tipo: str
    monto: float


@dataclass(frozen=True)
class Conteo:
    row: int
    at: datetime
    sala: str
    tipo: str  # "conteo" | "delta"
    valor: int
    registrado_por: str
    id_operacion: str


@dataclass(frozen=True)
class CiudadOverride:
    row: int
    ciudad: str
    provincia: str
    pais: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Evento:
    nombre: str
    fecha: str  # ISO date
    zona_horaria: str
    sede: str
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class TabReport:
    """What ``verificar`` says about one tab: where it was found and which headers matched."""

    tab: str
    found_as: str | None
    columns: tuple[tuple[str, str], ...]  # (canonical, header as found)
    missing: tuple[str, ...]
    unknown: tuple[str, ...]
    rows: int
    header_row: int = 1  # the Sheet row holding the headers (a title row may sit above it)
