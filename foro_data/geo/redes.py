"""The partner networks' member cities (data/redes.tsv): which places they are, for ties and the map.

A member city wins a tie between places that share its name ("San Justo" is the Santa Fe town that
belongs to Mercociudades, not the bigger one in Buenos Aires). The list holds only cities that a
public source names as members; its sources and date are at the top of the file.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..schema import fold

REDES_FILE = Path(__file__).resolve().parent.parent / "data" / "redes.tsv"


@dataclass(frozen=True)
class Miembro:
    red: str
    ciudad: str  # as the network writes it
    provincia: str
    pais: str  # ISO alpha-2
    fuente: str
    oficial: str = ""  # the place's official name when the network uses a short one


def miembros(path: Path = REDES_FILE) -> list[Miembro]:
    with open(path, encoding="utf-8") as fh:
        rows = csv.reader((line for line in fh if line.strip() and not line.startswith("#")), delimiter="\t")
        return [Miembro(*(c.strip() for c in row[:6])) for row in rows]


@dataclass(frozen=True)
class Redes:
    """Member places by place number, and the place numbers each member's names fold to."""

    por_lugar: dict[int, tuple[str, ...]]
    por_nombre: dict[str, tuple[int, ...]]

    def of(self, n: int) -> tuple[str, ...]:
        return self.por_lugar.get(n, ())


def index(locate: Callable[[str, str, str], int | None], path: Path = REDES_FILE) -> Redes:
    """Place each member with ``locate(ciudad, provincia, pais) -> place number`` (without tie-breaks)."""
    por_lugar: dict[int, list[str]] = {}
    por_nombre: dict[str, set[int]] = {}
    for m in miembros(path):
        n = locate(m.oficial or m.ciudad, m.provincia, m.pais)
        if n is None:
            continue
        redes = por_lugar.setdefault(n, [])
        if m.red not in redes:
            redes.append(m.red)
        for name in {m.ciudad, m.oficial} - {""}:
            por_nombre.setdefault(fold(name), set()).add(n)
    return Redes({n: tuple(r) for n, r in por_lugar.items()}, {k: tuple(sorted(v)) for k, v in por_nombre.items()})
