"""One immutable, typed, timestamped view of the workbook, and how to build one from raw tabs."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property
from zoneinfo import ZoneInfo

from .geo import CityPoint
from .model import (
    Apoyo,
    CiudadOverride,
    Conteo,
    Evento,
    Partida,
    Persona,
    Problem,
    Sala,
    Scan,
    Sesion,
    TabReport,
)
from .sources.base import RawWorkbook


@dataclass(frozen=True)
class Fuente:
    """Where the Snapshot came from and how fresh it is."""

    tipo: str  # "demo" | "archivo" | "gsheets"
    descripcion: str
    leido_en: datetime  # aware; when the data was read from the source
    estado: str = "ok"  # "ok" | "desactualizado"
    motivo: str = ""  # Spanish reason when desactualizado

    def as_json(self) -> dict[str, str]:
        return {"tipo": self.tipo, "leido_en": self.leido_en.isoformat(), "estado": self.estado}


@dataclass(frozen=True, eq=False)
class Snapshot:
    fuente: Fuente
    evento: Evento
    personas: tuple[Persona, ...]
    scans: tuple[Scan, ...]  # sorted by time
    salas: tuple[Sala, ...]
    agenda: tuple[Sesion, ...]
    apoyos: tuple[Apoyo, ...]
    presupuesto: tuple[Partida, ...]
    conteos: tuple[Conteo, ...]  # sorted by time, one per id_operacion
    ciudades: tuple[CiudadOverride, ...]
    problems: tuple[Problem, ...]
    tabs: tuple[TabReport, ...]
    # Which optional tabs the workbook has; pages say what is missing and how to add it.
    present_tabs: frozenset[str] = frozenset()
    # Where each distinct typed city lands (offline gazetteer + the Ciudades tab).
    ubicaciones: tuple[CityPoint, ...] = ()

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.evento.zona_horaria)

    @cached_property
    def persona_by_key(self) -> dict[str, Persona]:
        return {p.key: p for p in self.personas}

    @cached_property
    def scans_by_persona(self) -> dict[str, list[Scan]]:
        out: dict[str, list[Scan]] = {}
        for s in self.scans:
            if s.persona is not None:
                out.setdefault(s.persona, []).append(s)
        return out

    def marked_stale(self, motivo: str) -> "Snapshot":
        """The same figures, flagged as the last good read (the source is failing)."""
        return replace(self, fuente=replace(self.fuente, estado="desactualizado", motivo=motivo))

    @classmethod
    def build(cls, raw: RawWorkbook, tipo: str, descripcion: str, leido_en: datetime) -> "Snapshot":
        from . import geo
        from .clean import clean_workbook

        c = clean_workbook(raw)
        points = tuple(geo.city_points(c.personas, c.ciudades))
        matches = [None] * len(c.personas)
        for point in points:
            for i in point.indices:
                matches[i] = point.match
        geo_problems = geo.geo_problems(matches, c.personas)
        return cls(
            fuente=Fuente(tipo=tipo, descripcion=descripcion, leido_en=leido_en),
            evento=c.evento,
            personas=c.personas,
            scans=c.scans,
            salas=c.salas,
            agenda=c.agenda,
            apoyos=c.apoyos,
            presupuesto=c.presupuesto,
            conteos=c.conteos,
            ciudades=c.ciudades,
            problems=c.problems + tuple(geo_problems),
            tabs=c.tabs,
            present_tabs=c.present_tabs,
            ubicaciones=points,
        )
