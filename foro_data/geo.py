"""Offline gazetteer and resolver: free-typed city (+ province, country) → coordinates, and its Problems.

The gazetteer (``foro_data/data/gazetteer.tsv.gz``) is derived from GeoNames (CC BY 4.0) by
``tools/build_gazetteer.py``; it is loaded lazily, once per process.

How a name is chosen when several places share it (Maipú in Mendoza and in Chile; San Martín
everywhere) — an opinionated rule, made here once:

1. What the person typed wins: the country (``pais`` column, or a country inside the text) first,
   then the province. A hint that matches none of the candidates is ignored, and the confidence
   drops.
2. Among what remains, the forum's region is favoured over size, but not absolutely: the score is
   ``log10(population) + bonus`` with a bonus of 2 for Mendoza province, 1 for the rest of
   Argentina and 0.5 for the other Mercociudades countries. Maipú (Mendoza) beats Maipú (Chile,
   three times bigger), but La Paz (Bolivia, two million) beats La Paz (Mendoza, ten thousand).
3. When another place more than 30 km away scores within 1.5 (a factor of ~30 in population) of the
   chosen one, the choice is flagged ``ambigua`` and reported as a Problem: someone should look.

>>> r = resolve("Gral. San Martín", "Mendoza")
>>> (r.nombre, r.pais, r.region, r.ambigua)
('San Martín', 'AR', 'Mendoza', False)
>>> resolve("Montevideo - UY").pais
'UY'
>>> resolve("Ciudad Inexistente de Prueba").lat is None
True
"""

from __future__ import annotations

import gzip
import json
import math
import re
import threading
from array import array
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any, Iterable, NamedTuple, Sequence, TextIO

from .countries import country_code
from .model import CiudadOverride, Problem
from .schema import fold

DATA_FILE = Path(__file__).resolve().parent / "data" / "gazetteer.tsv.gz"

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


# --- Results ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GeoMatch:
    """Where one typed entry lands. ``lat``/``lon`` are None when it could not be placed.

    ``alternativas``: other places the text could mean, best first, as
    ``(nombre, region, pais, lat, lon, poblacion)``. ``clave`` identifies the place
    (``"gn:<geonameid>"``, ``"ciudades:<fila>"`` for an override, ``""`` when unresolved) so a page can
    merge entries typed differently that land on the same place.
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

    @property
    def resuelta(self) -> bool:
        return self.lat is not None


@dataclass(frozen=True)
class CityPoint:
    """One distinct (ciudad, provincia, pais) as typed, its resolution, and which entries typed it."""

    ciudad: str
    provincia: str
    pais: str
    match: GeoMatch
    indices: tuple[int, ...]  # positions in the ``entries`` given to city_points


class Place(NamedTuple):
    nombre: str
    lat: float
    lon: float
    pais: str
    admin1: str  # "CC.code"
    poblacion: int
    geonameid: int


# --- The gazetteer ------------------------------------------------------------------------------


class Gazetteer:
    """The shipped gazetteer: places by folded name, first-level regions, per-country key pools.

    The decompressed file stays one ``bytes`` object; places and keys are found through arrays of
    line offsets (keys are sorted, so a lookup is a binary search) and a place is parsed only when a
    lookup needs it. Python objects per line would cost about 20 MB more; this keeps the load under
    the 200 ms / 50 MB budget (see bench/bench_geo.py).
    """

    def __init__(self, path: Path = DATA_FILE) -> None:
        raw = gzip.decompress(path.read_bytes())
        self._raw = raw
        # Lines "#name" open the sections; no place name starts with "#".
        bounds: dict[str, tuple[int, int]] = {}
        pos = 0
        while pos < len(raw):
            eol = raw.index(b"\n", pos)
            name = raw[pos + 1: eol].decode("ascii")
            nxt = raw.find(b"\n#", eol)
            end = len(raw) if nxt < 0 else nxt + 1
            bounds[name] = (eol + 1, end)
            pos = end
        self.meta = dict(line.split("\t", 1) for line in self._text(*bounds["meta"]).splitlines())
        self._place_off = self._offsets(*bounds["places"])
        self._key_off = self._offsets(*bounds["keys"])
        self._ids_off = self._offsets(*bounds["ids"])
        self._cc_start = bounds["countries"][0]
        self.admin1_names: dict[str, str] = {}
        self._admin1_by_alias: dict[str, set[str]] = {}
        for line in self._text(*bounds["admin1"]).splitlines():
            code, name, aliases = line.split("\t")
            self.admin1_names[code] = name
            for alias in aliases.split("|"):
                if alias:
                    self._admin1_by_alias.setdefault(alias, set()).add(code)
        self._places: dict[int, Place] = {}
        self._pools: dict[str, dict[int, array]] | None = None
        self._lock = threading.Lock()

    def _text(self, start: int, end: int) -> str:
        return self._raw[start:end].decode("utf-8")

    def _offsets(self, start: int, end: int) -> array:
        """Start offset of every line in raw[start:end], plus one past the end (for slicing)."""
        lengths = map(len, self._raw[start:end - 1].split(b"\n"))
        return array("L", accumulate((n + 1 for n in lengths), initial=start))

    def _line(self, offsets: array, n: int) -> bytes:
        return self._raw[offsets[n]: offsets[n + 1] - 1]

    def __len__(self) -> int:
        return len(self._place_off) - 1

    def place(self, n: int) -> Place:
        p = self._places.get(n)
        if p is None:
            name, lat, lon, cc, a1, pop, gid = self._line(self._place_off, n).decode("utf-8").split("\t")
            p = Place(name, float(lat), float(lon), cc, f"{cc}.{a1}", int(pop), int(gid))
            self._places[n] = p
        return p

    def country_of(self, n: int) -> str:
        start = self._cc_start + 2 * n
        return self._raw[start: start + 2].decode("ascii")

    def _key(self, k: int) -> bytes:
        return self._line(self._key_off, k)

    def _ids(self, k: int) -> list[int]:
        return [int(x) for x in self._line(self._ids_off, k).split(b",")]

    def lookup(self, key: str) -> list[int]:
        """Place numbers whose name or an alternate name folds to ``key``."""
        target = key.encode("ascii", "ignore")
        lo, hi = 0, len(self._key_off) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self._key(mid) < target:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self._key_off) - 1 and self._key(lo) == target:
            return self._ids(lo)
        return []

    def admin1(self, text: str) -> set[str]:
        """First-level region codes (``"AR.13"``) a folded province text may name."""
        return set(self._admin1_by_alias.get(text, ()))

    def region_name(self, code: str) -> str:
        return self.admin1_names.get(code, "")

    def pool(self, countries: Iterable[str]) -> dict[int, list[str]]:
        """Folded keys of places in ``countries``, by length (for typo search)."""
        with self._lock:
            if self._pools is None:
                # Built on the first typo only: ~0.1 s and ~1 MB of key numbers.
                pools: dict[str, dict[int, array]] = {}
                cc_of = self._raw[self._cc_start:]
                for k in range(len(self._key_off) - 1):
                    length = self._key_off[k + 1] - 1 - self._key_off[k]
                    ids = self._line(self._ids_off, k).split(b",")
                    for cc in {cc_of[2 * int(x): 2 * int(x) + 2] for x in ids}:
                        pools.setdefault(cc.decode("ascii"), {}).setdefault(length, array("L")).append(k)
                self._pools = pools
        merged: dict[int, list[str]] = {}
        for cc in countries:
            for length, keys in self._pools.get(cc, {}).items():
                merged.setdefault(length, []).extend(self._key(k).decode("ascii") for k in keys)
        return merged


_GAZETTEER: Gazetteer | None = None
_GAZETTEER_LOCK = threading.Lock()


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use."""
    global _GAZETTEER
    if _GAZETTEER is None:
        with _GAZETTEER_LOCK:
            if _GAZETTEER is None:
                _GAZETTEER = Gazetteer()
    return _GAZETTEER


# --- Reading what people type -------------------------------------------------------------------

# Token abbreviations, applied to folded text ("Gral. San Martín" → "general san martin").
_ABBREVIATIONS = {
    "gral": "general", "grl": "general", "pte": "presidente", "pdte": "presidente",
    "sta": "santa", "sto": "santo", "sn": "san", "cdad": "ciudad", "cd": "ciudad", "cnel": "coronel",
    "cmte": "comandante", "cte": "comandante", "tte": "teniente", "ing": "ingeniero", "dr": "doctor",
    "pto": "puerto", "pta": "punta", "fco": "francisco", "mte": "monte", "va": "villa", "vla": "villa",
    "pdo": "partido", "gob": "gobernador", "sgto": "sargento", "cap": "capitan", "mcal": "mariscal",
    "nra": "nuestra", "sra": "senora",
}
# Whole-text habits → (name to look up, province code it implies or "").
_PHRASES: dict[str, tuple[str, str]] = {
    "caba": ("buenos aires", "AR.07"), "c a b a": ("buenos aires", "AR.07"),
    "cap fed": ("buenos aires", "AR.07"), "capital federal": ("buenos aires", "AR.07"),
    "ciudad autonoma de buenos aires": ("buenos aires", "AR.07"),
    "ciudad autonoma buenos aires": ("buenos aires", "AR.07"),
    "ciudad de buenos aires": ("buenos aires", "AR.07"), "bs as": ("buenos aires", ""),
    "bsas": ("buenos aires", ""), "baires": ("buenos aires", ""), "bs aires": ("buenos aires", ""),
    "mza": ("mendoza", "AR.13"), "mdz": ("mendoza", "AR.13"), "gran mendoza": ("mendoza", "AR.13"),
    "cdmx": ("mexico city", "MX.09"), "s m de tucuman": ("san miguel de tucuman", "AR.24"),
    "sm de tucuman": ("san miguel de tucuman", "AR.24"), "stgo": ("santiago", "CL.12"),
    "sgo de chile": ("santiago", "CL.12"), "cde": ("ciudad del este", "PY.01"),
    "floripa": ("florianopolis", "BR.26"), "sampa": ("sao paulo", "BR.27"), "poa": ("porto alegre", "BR.23"),
    "bh": ("belo horizonte", "BR.15"), "bsb": ("brasilia", "BR.07"), "lima metropolitana": ("lima", ""),
    "asuncion del paraguay": ("asuncion", "PY.22"), "comodoro": ("comodoro rivadavia", "AR.04"),
    "sgo del estero": ("santiago del estero", "AR.22"), "stgo del estero": ("santiago del estero", "AR.22"),
}
_PREFIXES = tuple(p + " " for p in (
    "ciudad de", "ciudad autonoma de", "municipio de", "municipalidad de", "municipalidad distrital de",
    "municipalidad provincial de", "municipalidad de la ciudad de", "i municipalidad de",
    "ilustre municipalidad de", "prefeitura de", "prefeitura municipal de", "prefeitura da cidade de",
    "cidade de", "intendencia de", "intendencia municipal de", "departamento de", "departamento",
    "depto", "dpto", "distrito de", "comuna de", "partido de", "localidad de", "alcaldia de",
    "alcaldia municipal de", "gobierno autonomo municipal de", "gam de", "gobierno de la ciudad de",
    "municipio", "municipalidad",
))
_SUFFIXES = tuple(" " + s for s in ("capital", "ciudad", "city", "centro", "cercado", "dc", "d c", "df", "d f"))
_PROVINCE_PREFIX = re.compile(
    r"^(provincia|prov|pcia|estado|departamento|depto|dpto|region|regiao|distrito|state|province)"
    r"( (de|del|da|do|of))? "
)
# Splits "Rosario, Santa Fe", "Asunción (Paraguay)", "Montevideo - UY", "Porto Alegre/RS", "Salto-UY".
_SEGMENTS = re.compile(r"\s*[,;/()\[\]|]\s*|\s+[-–—]+\s*|\s*[-–—]+\s+|(?<=[^\W\d_]{3})[-–—](?=[A-Za-z]{2,3}\s*$)")


@dataclass(frozen=True)
class _Hint:
    """What one piece of text says about where: countries and/or first-level regions."""

    text: str
    countries: frozenset[str] = frozenset()
    admin1: frozenset[str] = frozenset()
    strong_country: bool = False  # from the pais column, or a text that is only a country

    def matches(self, place: Place) -> bool:
        return place.pais in self.countries or place.admin1 in self.admin1

    @property
    def empty(self) -> bool:
        return not self.countries and not self.admin1


def _fold_province(text: str) -> str:
    return _PROVINCE_PREFIX.sub("", fold(text))


def _hint(text: str, gaz: Gazetteer, *, is_country_column: bool = False) -> _Hint:
    cc = country_code(text)
    if is_country_column:
        return _Hint(text, frozenset({cc}) if cc else frozenset(), strong_country=bool(cc))
    folded = fold(text)
    admin = gaz.admin1(folded) | gaz.admin1(_fold_province(text)) if folded else set()
    phrase = _PHRASES.get(folded)
    if phrase and phrase[1]:
        admin.add(phrase[1])
    # A two-letter code that is a Brazilian state (RS, PE, SC, PR...) is read as the state, not as
    # Serbia, Peru, the Seychelles or Puerto Rico: that is how Brazilians write it after a city.
    if len(folded) == 2 and any(a.startswith("BR.") for a in admin):
        cc = None
    countries = frozenset({cc}) if cc else frozenset()
    return _Hint(text, countries, frozenset(admin), strong_country=bool(cc) and not admin)


def _expand(folded: str) -> str:
    return " ".join(_ABBREVIATIONS.get(tok, tok) for tok in folded.split())


def _variants(city: str) -> list[tuple[str, float, str]]:
    """(folded key, quality, implied province code) to try, best first."""
    raw = fold(city)
    out: list[tuple[str, float, str]] = []

    def add(key: str, quality: float, admin: str = "") -> None:
        key = key.strip()
        if key and all(key != k for k, _, _ in out):
            out.append((key, quality, admin))

    add(raw, 1.0)
    for text in (raw, _expand(raw)):
        if text in _PHRASES:
            name, admin = _PHRASES[text]
            add(name, 0.97, admin)
    expanded = _expand(raw)
    add(expanded, 0.97)
    for base in (raw, expanded):
        for prefix in _PREFIXES:
            if base.startswith(prefix):
                add(base[len(prefix):], 0.93)
        for suffix in _SUFFIXES:
            if base.endswith(suffix):
                add(base[: -len(suffix)], 0.93)
    # "San Pedro" → "S." typed as a single letter: both Spanish and Portuguese readings.
    if expanded.startswith("s "):
        add("san " + expanded[2:], 0.9)
        add("sao " + expanded[2:], 0.9)
    return out


def _parse(ciudad: str, provincia: str, pais: str, gaz: Gazetteer) -> tuple[str, list[_Hint]]:
    """The city text proper, and the hints: pais column, provincia column, extra pieces of the text."""
    pieces = [p for p in _SEGMENTS.split(ciudad.strip()) if p and p.strip()]
    city = pieces[0].strip() if pieces else ""
    hints: list[_Hint] = []
    if pais.strip():
        hints.append(_hint(pais, gaz, is_country_column=True))
    for text in (provincia, *pieces[1:]):
        if text.strip():
            h = _hint(text.strip(), gaz)
            if not h.empty:
                hints.append(h)
    # A provincia column holding only a country ("Uruguay") is a country hint like any other.
    return city, hints


# --- Typo search --------------------------------------------------------------------------------


def _osa(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (edits + adjacent swaps), or ``limit + 1`` when above it.

    >>> _osa("guaymalen", "guaymallen", 2), _osa("mednoza", "mendoza", 2), _osa("lima", "roma", 1)
    (1, 1, 2)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        ai = a[i - 1]
        for j in range(1, len(b) + 1):
            cost = 0 if ai == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            if v < best:
                best = v
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _fuzzy(key: str, countries: Iterable[str], gaz: Gazetteer) -> tuple[list[str], int]:
    """Keys within 1 edit (names of 5–7 letters) or 2 edits (8 or more) of ``key``; none below 5."""
    compact = key.replace(" ", "")
    if len(compact) < 5:
        return [], 0
    limit = 1 if len(compact) < 8 else 2
    pool = gaz.pool(countries)
    best: list[str] = []
    best_d = limit + 1
    for length in range(len(key) - limit, len(key) + limit + 1):
        for cand in pool.get(length, ()):
            # A typo rarely hits both ends of a name: a cheap filter before the real distance.
            if cand[0] != key[0] and cand[-1] != key[-1]:
                continue
            d = _osa(key, cand, min(limit, best_d))
            if d < best_d:
                best, best_d = [cand], d
            elif d == best_d and d <= limit and cand not in best:
                best.append(cand)
    return (best, best_d) if best_d <= limit else ([], 0)


# --- Resolution ---------------------------------------------------------------------------------


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _score(p: Place, key: str) -> float:
    bonus = 0.0
    if p.admin1 == HOST_ADMIN1:
        bonus = BONUS_HOST_ADMIN1
    elif p.pais == HOST_COUNTRY:
        bonus = BONUS_HOST_COUNTRY
    elif p.pais in MERCOCIUDADES:
        bonus = BONUS_REGION
    # The official name typed as such beats a place that merely lists it as an alternate.
    official = 0.3 if fold(p.nombre) == key else 0.0
    return math.log10(p.poblacion + 1) + bonus + official


def _entrada(ciudad: str, provincia: str, pais: str) -> str:
    return ", ".join(s.strip() for s in (ciudad, provincia, pais) if s and s.strip())


def _unresolved(entrada: str, hints: Sequence[_Hint] = ()) -> GeoMatch:
    pais = next((next(iter(h.countries)) for h in hints if h.strong_country), "")
    return GeoMatch(entrada, None, None, "", pais, "", 0.0, False)


def _lookup_all(variants: list[tuple[str, float, str]], gaz: Gazetteer, countries: frozenset[str] | None):
    """First variant with candidates (inside ``countries`` when given): (ids, key, quality, admin)."""
    for key, quality, admin in variants:
        ids = gaz.lookup(key)
        if countries is not None:
            ids = [i for i in ids if gaz.country_of(i) in countries]
        if ids:
            return ids, key, quality, admin
    return None


def _peeled(city: str, gaz: Gazetteer) -> list[tuple[str, _Hint]]:
    """'Godoy Cruz Mendoza', 'Salto Uruguay': a trailing province or country without a comma."""
    tokens = fold(city).split()
    out = []
    for n in (1, 2, 3):
        if len(tokens) > n:
            tail = " ".join(tokens[-n:])
            h = _hint(tail, gaz)
            if not h.empty:
                out.append((" ".join(tokens[:-n]), h))
    return out


def _resolve(ciudad: str, provincia: str, pais: str, gaz: Gazetteer) -> GeoMatch:
    entrada = _entrada(ciudad, provincia, pais)
    city, hints = _parse(ciudad, provincia, pais, gaz)
    if not fold(city):
        return _unresolved(entrada, hints)
    variants = _variants(city)
    strong = frozenset().union(*(h.countries for h in hints if h.strong_country)) or None

    found = None
    conflict_country = False
    extra_hint: _Hint | None = None
    fuzzy_d = 0
    for countries in ([strong] if strong else [None]):
        found = _lookup_all(variants, gaz, countries)
        if not found:
            for head, h in _peeled(city, gaz):
                hit = _lookup_all(_variants(head), gaz, countries)
                if hit:
                    found, extra_hint = (hit[0], hit[1], hit[2] * 0.9, hit[3]), h
                    break
        if not found:
            for key, quality, admin in variants:
                keys, d = _fuzzy(key, countries or MERCOCIUDADES, gaz)
                if keys:
                    ids = sorted({i for k in keys for i in gaz.lookup(k) if countries is None or gaz.country_of(i) in countries})
                    if ids:
                        found, fuzzy_d = (ids, keys[0], 0.8 - 0.1 * d, admin), d
                        break
    if not found and strong:
        # The country typed does not have this city: trust the city, flag the country.
        found = _lookup_all(variants, gaz, None)
        conflict_country = bool(found)
    if not found:
        return _unresolved(entrada, hints)

    ids, key, quality, implied_admin = found
    places = [(i, gaz.place(i)) for i in ids]
    soft = [h for h in hints if not h.strong_country]
    if extra_hint:
        soft.append(extra_hint)
    if implied_admin:
        soft.append(_Hint(implied_admin, admin1=frozenset({implied_admin})))
    conflict_province = False
    for h in soft:
        kept = [(i, p) for i, p in places if h.matches(p)]
        if kept:
            places = kept
        else:
            conflict_province = True

    ranked = sorted(places, key=lambda ip: (-_score(ip[1], key), ip[0]))
    best_i, best = ranked[0]
    best_score = _score(best, key)
    others = []
    for i, p in ranked[1:]:
        if _km((best.lat, best.lon), (p.lat, p.lon)) > SAME_PLACE_KM and all(
            _km((p.lat, p.lon), (o.lat, o.lon)) > SAME_PLACE_KM for _, o in others
        ):
            others.append((i, p))
    ambigua = bool(others) and _score(others[0][1], key) >= best_score - AMBIGUITY_MARGIN

    confianza = quality
    if fold(best.nombre) != key and not fuzzy_d:
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
    clave = f"gn:{best.geonameid}" if best.geonameid else f"gz:{fold(best.nombre)}:{best.pais}"
    return GeoMatch(entrada, best.lat, best.lon, best.nombre, best.pais, gaz.region_name(best.admin1),
                    round(confianza, 2), ambigua, alternativas, clave)


_CACHE: dict[tuple[str, str, str], GeoMatch] = {}
_CACHE_MAX = 20_000


def resolve(ciudad: str, provincia: str = "", pais: str = "") -> GeoMatch:
    """Coordinates and official name of a typed city; see the module docstring for the choice rule.

    >>> m = resolve("Maipú", pais="Chile")
    >>> (m.pais, m.region, m.ambigua)
    ('CL', 'Región Metropolitana de Santiago', False)
    """
    k = (ciudad or "", provincia or "", pais or "")
    hit = _CACHE.get(k)
    if hit is None:
        hit = _resolve(*k, gazetteer())
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        _CACHE[k] = hit
    return hit


# --- Rows, overrides, points, Problems -----------------------------------------------------------


def _fields(row: Any) -> tuple[str, str, str]:
    """(ciudad, provincia, pais) of a Persona, a mapping or a tuple."""
    if isinstance(row, dict):
        return str(row.get("ciudad") or ""), str(row.get("provincia") or ""), str(row.get("pais") or "")
    if isinstance(row, (tuple, list)):
        padded = [*row, "", "", ""]
        return str(padded[0] or ""), str(padded[1] or ""), str(padded[2] or "")
    return (str(getattr(row, "ciudad", "") or ""), str(getattr(row, "provincia", "") or ""),
            str(getattr(row, "pais", "") or ""))


def _row_number(row: Any) -> int | None:
    if isinstance(row, dict):
        return row.get("row")
    return getattr(row, "row", None)


def _override_for(ciudad: str, provincia: str, pais: str, overrides: Sequence[CiudadOverride]) -> CiudadOverride | None:
    """The most specific Ciudades row naming this entry (city must match; province/country if given)."""
    if not overrides:
        return None
    pieces = [p for p in _SEGMENTS.split(ciudad.strip()) if p and p.strip()]
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


def resolve_many(rows: Iterable[Any], overrides: Sequence[CiudadOverride] = ()) -> list[GeoMatch]:
    """One GeoMatch per row (Persona, mapping or (ciudad, provincia, pais)); a Ciudades row wins."""
    out: list[GeoMatch] = []
    for row in rows:
        ciudad, provincia, pais = _fields(row)
        ov = _override_for(ciudad, provincia, pais, overrides)
        if ov is not None:
            out.append(GeoMatch(_entrada(ciudad, provincia, pais), ov.lat, ov.lon, ov.ciudad,
                                ov.pais or country_code(pais) or "", ov.provincia, 1.0, False, (),
                                f"ciudades:{ov.row}"))
        else:
            out.append(resolve(ciudad, provincia, pais))
    return out


def city_points(entries: Sequence[Any], overrides: Sequence[CiudadOverride] = ()) -> list[CityPoint]:
    """Resolution per distinct typed (ciudad, provincia, pais), with the positions of its entries.

    Only resolution: counting people per point is metrics' job.
    """
    groups: dict[tuple[str, str, str], list[int]] = {}
    first: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    for n, row in enumerate(entries):
        c, p, pa = _fields(row)
        key = (fold(c), fold(p), country_code(pa) or fold(pa))
        groups.setdefault(key, []).append(n)
        first.setdefault(key, (c.strip(), p.strip(), pa.strip()))
    points = []
    for key, idx in groups.items():
        c, p, pa = first[key]
        (match,) = resolve_many([(c, p, pa)], overrides)
        points.append(CityPoint(c, p, pa, match, tuple(idx)))
    return points


def _describe(nombre: str, region: str, pais: str) -> str:
    inside = ", ".join(x for x in (region, pais) if x)
    return f"{nombre} ({inside})" if inside else nombre


_FIX = "Agregue una fila en la pestaña Ciudades con ciudad, provincia, país, lat y lon."


def geo_problems(results: Sequence[GeoMatch], rows: Sequence[Any]) -> list[Problem]:
    """Problems for unplaced and ambiguous cities, one per row (tab Inscripciones, column ciudad)."""
    problems: list[Problem] = []
    for match, row in zip(results, rows):
        ciudad = _fields(row)[0].strip()
        number = _row_number(row)
        if match.lat is None:
            if ciudad:
                reason = (f"No se encontró la ciudad «{ciudad}» en el nomenclador; "
                          "agréguela en la pestaña Ciudades con lat y lon.")
            else:
                reason = "No se indicó la ciudad; la persona no aparece en el mapa."
            problems.append(Problem("ciudad_no_encontrada", "Inscripciones", number, "ciudad", ciudad, reason, _FIX))
        elif match.ambigua:
            otras = "; ".join(_describe(n, r, p) for n, r, p, *_ in match.alternativas)
            reason = (f"«{ciudad}» puede ser más de un lugar: se eligió {_describe(match.nombre, match.region, match.pais)}"
                      f"; otras posibilidades: {otras}. Si no es el correcto, agréguela en la pestaña "
                      "Ciudades con lat y lon, o complete provincia y país.")
            problems.append(Problem("ciudad_ambigua", "Inscripciones", number, "ciudad", ciudad, reason, _FIX,
                                    severity="aviso"))
    return problems


# --- CLI ----------------------------------------------------------------------------------------


def split_line(line: str) -> tuple[str, str, str]:
    """``ciudad[, provincia][, país]`` → three fields; a middle part of several commas is the province.

    >>> split_line("Rosario, Santa Fe, Argentina")
    ('Rosario', 'Santa Fe', 'Argentina')
    >>> split_line("Montevideo - UY")
    ('Montevideo - UY', '', '')
    >>> split_line("Maipú, Chile")
    ('Maipú', 'Chile', '')
    """
    parts = [p.strip() for p in line.split(",") if p.strip()]
    if not parts:
        return "", "", ""
    if len(parts) == 1:
        return parts[0], "", ""
    if len(parts) == 2:
        # The second piece may be a province or a country: the resolver reads either.
        return parts[0], parts[1], ""
    return parts[0], ", ".join(parts[1:-1]), parts[-1]


def geocodificar(stdin: TextIO, stdout: TextIO) -> int:
    """Reads ``ciudad[, provincia][, país]`` lines, writes one JSON object per non-blank line."""
    for line in stdin:
        if not line.strip():
            continue
        m = resolve(*split_line(line))
        obj = {"entrada": line.strip(), "lat": m.lat, "lon": m.lon, "nombre": m.nombre, "pais": m.pais,
               "confianza": m.confianza, "ambigua": m.ambigua}
        stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    stdout.flush()
    return 0
