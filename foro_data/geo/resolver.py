"""Choosing the place a typed entry means: candidate lookup, hint filtering, ranking.

The choice rule is stated once, in the package docstring (foro_data/geo/__init__.py).
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Sequence

from ..schema import fold
from . import redes as _redes
from .gazetteer import Gazetteer, Place, gazetteer
from .text import Hint, km, parse, peeled, variants

# The forum's region: Mercociudades countries (Argentina gets its own, larger bonus).
MERCOCIUDADES = frozenset({"AR", "BR", "UY", "PY", "CL", "BO", "PE", "CO", "EC", "VE"})
HOST_COUNTRY = "AR"
HOST_ADMIN1 = "AR.13"  # Mendoza
BONUS_HOST_ADMIN1 = 2.0
BONUS_HOST_COUNTRY = 1.0
BONUS_REGION = 0.5
AMBIGUITY_MARGIN = 1.5  # score units: a factor of about 30 in population
SAME_PLACE_KM = 30.0
MAX_ALTERNATIVES = 5
CACHE_SIZE = 20_000
# A municipality found by its name counts as a town of at least this size: GeoNames often gives its
# seat no population (Caseros, seat of Tres de Febrero: 0), which would lose to any hamlet of the name.
MUNICIPIO_MIN_POP = 20_000


@dataclass(frozen=True)
class GeoMatch:
    """Where one typed entry lands. ``lat``/``lon`` are None when it could not be placed.

    ``alternativas``: other places the text could mean, best first, as
    ``(nombre, region, pais, lat, lon, poblacion)``. ``clave`` identifies the place
    (``"gn:<geonameid>"``, ``"ciudades:<fila>"`` for an override, ``""`` when unresolved) so a page can
    merge entries typed differently that land on the same place. ``redes``: the partner networks
    the place is a member city of.
    """

    entrada: str
    lat: float | None
    lon: float | None
    nombre: str
    pais: str
    region: str
    confianza: float
    ambigua: bool
    alternativas: tuple[tuple[str, str, str, float, float, int], ...] = ()
    clave: str = ""
    redes: tuple[str, ...] = field(default=())

    @property
    def resuelta(self) -> bool:
        return self.lat is not None


@dataclass(frozen=True)
class _Found:
    """Candidates of the first spelling that had any."""

    ids: tuple[int, ...]
    key: str
    quality: float
    implied_admin1: str
    as_municipio: dict[int, int]  # place number -> municipality it was found as (its seat)
    fuzzy: int = 0


def entrada(ciudad: str, provincia: str, pais: str) -> str:
    return ", ".join(s.strip() for s in (ciudad, provincia, pais) if s and s.strip())


# --- Candidate lookup -----------------------------------------------------------------------------


def _exact(key: str, gaz: Gazetteer, members: _redes.Redes) -> tuple[list[int], dict[int, int]]:
    """Places named ``key``, seats of municipalities named ``key``, members called ``key``."""
    ids = list(gaz.lookup(key))
    as_mun: dict[int, int] = {}
    for m in gaz.municipalities(key):
        seat = gaz.municipios[m].sede
        as_mun.setdefault(seat, m)
        if seat not in ids:
            ids.append(seat)
    ids += [n for n in members.por_nombre.get(key, ()) if n not in ids]
    return ids, as_mun


FIRST_TIER = 0.95  # spellings this good are looked up together ("sta fe" and "santa fe")


def _lookup(
    spellings: Sequence[tuple[str, float, str]], gaz: Gazetteer, countries: frozenset[str] | None, members: _redes.Redes
) -> _Found | None:
    """Candidates of the first spelling that has any; the near-literal spellings are pooled, so
    that an alternate name written "sta fe" somewhere does not hide every "santa fe"."""
    pooled: list[int] = []
    pooled_mun: dict[int, int] = {}
    first: tuple[str, float, str] | None = None
    for key, quality, admin in spellings:
        ids, as_mun = _exact(key, gaz, members)
        if countries is not None:
            ids = [i for i in ids if gaz.country_of(i) in countries]
        if quality >= FIRST_TIER:
            if ids and first is None:
                first = (key, quality, admin)
            pooled += [i for i in ids if i not in pooled]
            for i in ids:
                if i in as_mun:
                    pooled_mun.setdefault(i, as_mun[i])
            continue
        if first is not None:
            break
        if ids:
            return _Found(tuple(ids), key, quality, admin, as_mun)
    if first is not None:
        return _Found(tuple(pooled), first[0], first[1], first[2], pooled_mun)
    return None


def _typos(key: str, countries: Iterable[str], gaz: Gazetteer) -> tuple[list[str], int]:
    """Keys within 1 edit (names of 5–7 letters) or 2 edits (8 or more) of ``key``; none below 5.

    Edits are optimal string alignment (insertions, deletions, substitutions, adjacent swaps).
    A typo rarely hits both ends of a name, so a key must share the first or the last letter.
    """
    compact = key.replace(" ", "")
    if len(compact) < 5:
        return [], 0
    limit = 1 if len(compact) < 8 else 2
    from rapidfuzz import process  # imported on the first typo only: most entries never need it
    from rapidfuzz.distance import OSA

    found = process.extract(key, gaz.pool(countries), scorer=OSA.distance, score_cutoff=limit, limit=None)
    hits = [(cand, int(d)) for cand, d, _ in found if cand[0] == key[0] or cand[-1] == key[-1]]
    if not hits:
        return [], 0
    best = min(d for _, d in hits)
    return sorted({cand for cand, d in hits if d == best}), best


def candidates(
    city: str, hints: Sequence[Hint], gaz: Gazetteer, members: _redes.Redes
) -> tuple[_Found | None, Hint | None, bool]:
    """(found, extra hint peeled off the text, whether the typed country had to be ignored).

    Exact spellings first, then a trailing province without a comma, then typos: inside the
    typed country when there is one (else the region). Only when the typed country has nothing
    is the city looked for elsewhere — and then the country conflict lowers the confidence.
    """
    spellings = variants(city)
    strong = frozenset().union(*(h.countries for h in hints if h.strong_country)) or None
    found = _lookup(spellings, gaz, strong, members)
    if found:
        return found, None, False
    for head, h in peeled(city, gaz):
        hit = _lookup(variants(head), gaz, strong, members)
        if hit:
            return _Found(hit.ids, hit.key, hit.quality * 0.9, hit.implied_admin1, hit.as_municipio), h, False
    for key, _quality, admin in spellings:
        keys, d = _typos(key, strong or MERCOCIUDADES, gaz)
        hit = _lookup([(k, 0.8 - 0.1 * d, admin) for k in keys], gaz, strong, members)
        if hit:
            return _Found(hit.ids, hit.key, hit.quality, admin, hit.as_municipio, d), None, False
    if strong:
        found = _lookup(spellings, gaz, None, members)
        return found, None, bool(found)
    return None, None, False


# --- Hint filtering -------------------------------------------------------------------------------


def filter_by_hints(places: list[tuple[int, Place]], hints: Sequence[Hint]) -> tuple[list[tuple[int, Place]], bool]:
    """Keep the places every hint agrees with; a hint none agrees with is ignored (and reported)."""
    conflict = False
    for h in hints:
        kept = [(i, p) for i, p in places if h.matches(p)]
        if kept:
            places = kept
        else:
            conflict = True
    return places, conflict


# --- Ranking --------------------------------------------------------------------------------------


def score(p: Place, key: str, municipio: bool = False) -> float:
    bonus = 0.0
    if p.admin1 == HOST_ADMIN1:
        bonus = BONUS_HOST_ADMIN1
    elif p.pais == HOST_COUNTRY:
        bonus = BONUS_HOST_COUNTRY
    elif p.pais in MERCOCIUDADES:
        bonus = BONUS_REGION
    # The official name typed as such beats a place that merely lists it as an alternate.
    official = 0.3 if fold(p.nombre) == key or municipio else 0.0
    people = max(p.poblacion, MUNICIPIO_MIN_POP) if municipio else p.poblacion
    return math.log10(people + 1) + bonus + official


def rank(
    places: list[tuple[int, Place]], key: str, members: _redes.Redes, as_municipio: Iterable[int] = ()
) -> tuple[tuple[int, Place], list[tuple[int, Place]], bool]:
    """(best, distinct other places, ambiguous?). A member city wins the tie; two members still tie."""
    seats = frozenset(as_municipio)

    def score_of(ip: tuple[int, Place]) -> float:
        return score(ip[1], key, ip[0] in seats)

    ranked = sorted(places, key=lambda ip: (not members.of(ip[0]), -score_of(ip), ip[0]))
    best_i, best = ranked[0]
    others: list[tuple[int, Place]] = []
    for i, p in ranked[1:]:
        if km((best.lat, best.lon), (p.lat, p.lon)) > SAME_PLACE_KM and all(
            km((p.lat, p.lon), (o.lat, o.lon)) > SAME_PLACE_KM for _, o in others
        ):
            others.append((i, p))
    rival = others[0] if others else None
    if rival is None:
        ambigua = False
    elif members.of(best_i):
        ambigua = bool(members.of(rival[0]))
    else:
        ambigua = score_of(rival) >= score_of(ranked[0]) - AMBIGUITY_MARGIN
    return (best_i, best), others, ambigua


# --- Resolution -----------------------------------------------------------------------------------


def _unresolved(text: str, hints: Sequence[Hint] = ()) -> GeoMatch:
    pais = next((next(iter(h.countries)) for h in hints if h.strong_country), "")
    return GeoMatch(text, None, None, "", pais, "", 0.0, False)


def resolve_with(
    ciudad: str, provincia: str, pais: str, gaz: Gazetteer, members: _redes.Redes
) -> tuple[GeoMatch, int | None]:
    """The match and the chosen place number (None when unresolved)."""
    text = entrada(ciudad, provincia, pais)
    city, hints = parse(ciudad, provincia, pais, gaz)
    if not fold(city):
        return _unresolved(text, hints), None
    found, extra, conflict_country = candidates(city, hints, gaz, members)
    if found is None:
        return _unresolved(text, hints), None

    soft = [h for h in hints if not h.strong_country]
    if extra:
        soft.append(extra)
    if found.implied_admin1:
        soft.append(Hint(found.implied_admin1, admin1=frozenset({found.implied_admin1})))
    places, conflict_province = filter_by_hints([(i, gaz.place(i)) for i in found.ids], soft)
    (best_i, best), others, ambigua = rank(places, found.key, members, found.as_municipio)

    confianza = found.quality
    if fold(best.nombre) != found.key and not found.fuzzy and best_i not in found.as_municipio:
        confianza *= 0.97
    if ambigua:
        confianza *= 0.6
    if conflict_country:
        confianza *= 0.7
    if conflict_province:
        confianza *= 0.9
    alternativas = tuple(
        (p.nombre, gaz.region_name(p.admin1), p.pais, p.lat, p.lon, p.poblacion) for _, p in others[:MAX_ALTERNATIVES]
    )
    # Found as a municipality ("Tres de Febrero"): named as typed, placed at its seat (Caseros).
    m = found.as_municipio.get(best_i)
    nombre = gaz.municipios[m].nombre if m is not None and fold(best.nombre) != found.key else best.nombre
    clave = f"gn:{best.geonameid}" if best.geonameid else f"gz:{fold(best.nombre)}:{best.pais}"
    match = GeoMatch(
        text,
        best.lat,
        best.lon,
        nombre,
        best.pais,
        gaz.region_name(best.admin1),
        round(confianza, 2),
        ambigua,
        alternativas,
        clave,
        members.of(best_i),
    )
    return match, best_i


_MEMBERS: _redes.Redes | None = None
_MEMBERS_LOCK = threading.Lock()
_NO_MEMBERS = _redes.Redes({}, {})


def members() -> _redes.Redes:
    """The partner networks' member places, located once per process (each typed with its province)."""
    global _MEMBERS
    if _MEMBERS is None:
        with _MEMBERS_LOCK:
            if _MEMBERS is None:
                gaz = gazetteer()
                _MEMBERS = _redes.index(lambda c, p, pa: resolve_with(c, p, pa, gaz, _NO_MEMBERS)[1])
    return _MEMBERS


@lru_cache(maxsize=CACHE_SIZE)
def resolve(ciudad: str, provincia: str = "", pais: str = "") -> GeoMatch:
    """Coordinates and official name of a typed city; see the package docstring for the choice rule.

    >>> m = resolve("Maipú", pais="Chile")
    >>> (m.pais, m.region, m.ambigua)
    ('CL', 'Región Metropolitana de Santiago', False)
    """
    return resolve_with(ciudad or "", provincia or "", pais or "", gazetteer(), members())[0]


def redes_de(clave: str) -> tuple[str, ...]:
    """Partner networks whose member city is the place ``clave`` ("gn:<geonameid>"), for the map."""
    if not clave.startswith("gn:"):
        return ()
    gaz, m = gazetteer(), members()
    for n, redes in m.por_lugar.items():
        if clave == f"gn:{gaz.place(n).geonameid}":
            return redes
    return ()
