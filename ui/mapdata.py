"""Bubbles for the Mapa page: geo resolves each typed city, metrics decides who is accredited.

Counting per resolved place lives here only because metrics has no per-place breakdown yet; it
adds nothing to the figure definitions (inscriptos per place, acreditados via metrics.acreditado_a).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from foro_data import geo, metrics
from foro_data.snapshot import Snapshot


@dataclass(frozen=True)
class Burbuja:
    nombre: str
    region: str
    pais: str
    lat: float
    lon: float
    inscriptos: int
    acreditados: int

    @property
    def porcentaje(self) -> float:
        return 100.0 * self.acreditados / self.inscriptos if self.inscriptos else 0.0


@dataclass(frozen=True)
class SinUbicar:
    entrada: str  # the city as typed
    inscriptos: int


def burbujas(snap: Snapshot, as_of: datetime) -> tuple[list[Burbuja], list[SinUbicar]]:
    """One bubble per resolved place (entries typed differently that land on one place merge)."""
    personas = snap.personas
    places: dict[str, dict] = {}
    unplaced: list[SinUbicar] = []
    for point in geo.city_points(personas, snap.ciudades):
        people = [personas[i] for i in point.indices]
        m = point.match
        if not m.resuelta:
            unplaced.append(SinUbicar(m.entrada or point.ciudad, len(people)))
            continue
        acc = sum(1 for p in people if metrics.acreditado_a(snap, p.key, as_of) is not None)
        slot = places.setdefault(m.clave or m.entrada, {"m": m, "ins": 0, "acc": 0})
        slot["ins"] += len(people)
        slot["acc"] += acc
    out = [Burbuja(s["m"].nombre, s["m"].region, s["m"].pais, s["m"].lat, s["m"].lon, s["ins"], s["acc"])
           for s in places.values()]
    out.sort(key=lambda b: -b.inscriptos)
    unplaced.sort(key=lambda u: -u.inscriptos)
    return out, unplaced
