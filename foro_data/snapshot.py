"""One immutable, typed, timestamped view of the workbook (built by :mod:`foro_data.build`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property
from zoneinfo import ZoneInfo

from . import model as m  # the tables are the model's records (clean builds them)
from .errors import Said, words
from .geo import CityPoint


@dataclass(frozen=True)
class Fuente:
    """Where the Snapshot came from and how fresh it is."""

    tipo: str  # "demo" | "archivo" | "gsheets"
    descripcion: str
    leido_en: datetime  # aware; when the data was read from the source
    estado: str = "ok"  # "ok" | "desactualizado"
    # Why it is desactualizado, unworded (catalogue codes and their parameters, foro_data/catalogue/
    # fuente.py and sheets.py): the banner words it in the viewer's language.
    motivo_said: tuple[Said, ...] = ()

    @property
    def motivo(self) -> str:
        """The reason in Spanish ("" when fresh): the CLI's and the JSON summary's language."""
        return self.motivo_in("es")

    def motivo_in(self, lang: str) -> str:
        return words(self.motivo_said, lang)

    def as_json(self) -> dict[str, str]:
        return {"tipo": self.tipo, "leido_en": self.leido_en.isoformat(), "estado": self.estado}


@dataclass(frozen=True, eq=False)
class Snapshot:
    fuente: Fuente
    evento: m.Evento
    personas: tuple[m.Persona, ...]
    scans: tuple[m.Scan, ...]  # sorted by time
    salas: tuple[m.Sala, ...]
    agenda: tuple[m.Sesion, ...]
    apoyos: tuple[m.Apoyo, ...]
    presupuesto: tuple[m.Partida, ...]
    conteos: tuple[m.Conteo, ...]  # sorted by time, one per id_operacion
    ciudades: tuple[m.CiudadOverride, ...]
    problems: tuple[m.Problem, ...]
    tabs: tuple[m.TabReport, ...]
    # Which optional tabs the workbook has; pages say what is missing and how to add it.
    present_tabs: frozenset[str] = frozenset()
    # Where each distinct typed city lands (offline gazetteer + the Ciudades tab).
    ubicaciones: tuple[CityPoint, ...] = ()

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.evento.zona_horaria)

    @cached_property
    def persona_by_key(self) -> dict[str, m.Persona]:
        return {p.key: p for p in self.personas}

    def marked_stale(self, *motivo: Said) -> "Snapshot":
        """The same figures, flagged as the last good read (the source is failing), and why."""
        return replace(self, fuente=replace(self.fuente, estado="desactualizado", motivo_said=motivo))
