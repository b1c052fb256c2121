"""Registrations → places: Ciudades overrides, one resolution per distinct entry, Problems."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

from ..catalogue.problems import FixSentence as F
from ..catalogue.problems import ProblemSentence as P
from ..countries import country_code
from ..errors import Said
from ..model import CiudadOverride, Problem
from ..schema import fold
from .resolver import GeoMatch, entrada, resolve
from .text import SEGMENTS


class Escrito(Protocol):
    """Where a person said they come from, as typed (a Persona is one)."""

    @property
    def ciudad(self) -> str: ...
    @property
    def provincia(self) -> str: ...
    @property
    def pais(self) -> str: ...


class Fila(Escrito, Protocol):
    """An Escrito that knows its Inscripciones row (for Problems)."""

    @property
    def row(self) -> int: ...


@dataclass(frozen=True)
class CityPoint:
    """One distinct (ciudad, provincia, pais) as typed, its resolution, and which entries typed it."""

    ciudad: str
    provincia: str
    pais: str
    match: GeoMatch
    indices: tuple[int, ...]  # positions in the ``entries`` given to city_points


def _fields(row: Escrito) -> tuple[str, str, str]:
    return (row.ciudad or "").strip(), (row.provincia or "").strip(), (row.pais or "").strip()


def _override_for(ciudad: str, provincia: str, pais: str, overrides: Sequence[CiudadOverride]) -> CiudadOverride | None:
    """The most specific Ciudades row naming this entry (city must match; province/country if given)."""
    if not overrides:
        return None
    pieces = [p for p in SEGMENTS.split(ciudad.strip()) if p and p.strip()]
    names = {fold(ciudad), fold(pieces[0]) if pieces else ""} - {""}
    cc = country_code(pais) or ""
    best: tuple[int, CiudadOverride] | None = None
    for ov in overrides:
        if fold(ov.ciudad) not in names:
            continue
        rank = 0
        if ov.provincia:
            if fold(ov.provincia) != fold(provincia):
                continue
            rank += 1
        if ov.pais:
            if ov.pais != cc:
                continue
            rank += 1
        if best is None or rank > best[0]:
            best = (rank, ov)
    return best[1] if best else None


def resolve_one(ciudad: str, provincia: str, pais: str, overrides: Sequence[CiudadOverride] = ()) -> GeoMatch:
    """A Ciudades row wins over the gazetteer."""
    ov = _override_for(ciudad, provincia, pais, overrides)
    if ov is None:
        return resolve(ciudad, provincia, pais)
    return GeoMatch(
        entrada(ciudad, provincia, pais),
        ov.lat,
        ov.lon,
        ov.ciudad,
        ov.pais or country_code(pais) or "",
        ov.provincia,
        1.0,
        False,
        (),
        f"ciudades:{ov.row}",
    )


def resolve_many(rows: Sequence[Escrito], overrides: Sequence[CiudadOverride] = ()) -> list[GeoMatch]:
    """One GeoMatch per row; a Ciudades row wins."""
    return [resolve_one(*_fields(row), overrides) for row in rows]


def city_points(entries: Sequence[Escrito], overrides: Sequence[CiudadOverride] = ()) -> list[CityPoint]:
    """Resolution per distinct typed (ciudad, provincia, pais), with the positions of its entries.

    Only resolution: counting people per point is metrics' job.
    """
    groups: dict[tuple[str, str, str], list[int]] = {}
    first: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    for n, row in enumerate(entries):
        c, p, pa = _fields(row)
        key = (fold(c), fold(p), country_code(pa) or fold(pa))
        groups.setdefault(key, []).append(n)
        first.setdefault(key, (c, p, pa))
    return [CityPoint(*first[key], resolve_one(*first[key], overrides), tuple(idx)) for key, idx in groups.items()]


def _describe(nombre: str, region: str, pais: str) -> str:
    inside = ", ".join(x for x in (region, pais) if x)
    return f"{nombre} ({inside})" if inside else nombre


def geo_problems(results: Sequence[GeoMatch | None], rows: Sequence[Fila]) -> list[Problem]:
    """Problems for unplaced and ambiguous cities, one per row (tab Inscripciones, column ciudad)."""
    problems: list[Problem] = []
    fix = Said.of(F.CIUDADES)
    for match, row in zip(results, rows):
        if match is None:
            continue
        ciudad = _fields(row)[0]
        number = row.row
        if match.lat is None:
            reason = Said.of(P.CIUDAD_NO_ENCONTRADA, ciudad=ciudad) if ciudad else Said.of(P.CIUDAD_NO_INDICADA)
            problems.append(Problem.of("ciudad_no_encontrada", "Inscripciones", number, "ciudad", ciudad, reason, fix))
        elif match.ambigua:
            otras = "; ".join(_describe(n, r, p) for n, r, p, *_ in match.alternativas)
            reason = Said.of(
                P.CIUDAD_AMBIGUA, ciudad=ciudad, elegida=_describe(match.nombre, match.region, match.pais), otras=otras
            )
            problems.append(
                Problem.of("ciudad_ambigua", "Inscripciones", number, "ciudad", ciudad, reason, fix, severity="aviso")
            )
    return problems
