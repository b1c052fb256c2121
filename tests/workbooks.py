"""Small hand-built workbooks for unit tests: each test says exactly which rows it has."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from foro_data.build import build_snapshot
from foro_data.snapshot import Fuente, Snapshot
from foro_data.sources.base import RawWorkbook

TZ = ZoneInfo("America/Argentina/Mendoza")
READ_AT = datetime(2025, 6, 19, 20, 0, tzinfo=TZ)

INSCRIPCIONES_HEADERS = [
    "Marca temporal",
    "Nombre",
    "Apellido",
    "Dirección de correo electrónico",
    "DNI",
    "Cargo",
    "Rol",
    "Ciudad",
    "País",
    "Género",
    "Red",
    "Ejes de interés",
]


def at(hhmm: str) -> datetime:
    h, m = hhmm.split(":")
    return datetime(2025, 6, 19, int(h), int(m), tzinfo=TZ)


def person(
    nombre: str,
    apellido: str,
    email: str = "",
    dni: str = "",
    cargo: str = "",
    ciudad: str = "Mendoza",
    pais: str = "Argentina",
    genero: str = "",
    rol: str = "",
    red: str = "",
    ejes: str = "",
    ts: str = "10/5/2025 10:00:00",
) -> list[str]:
    return [ts, nombre, apellido, email, dni, cargo, rol, ciudad, pais, genero, red, ejes]


def snapshot(**tabs: list[list]) -> Snapshot:
    """``snapshot(Inscripciones=[headers, row, ...], Acreditaciones=[...])``."""
    return build_snapshot(RawWorkbook(tabs=dict(tabs)), Fuente("archivo", "prueba", READ_AT))


def kinds(snap: Snapshot) -> list[str]:
    return [p.kind for p in snap.problems]
