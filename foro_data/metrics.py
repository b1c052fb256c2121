"""Every figure of the dashboard, defined once: pure functions of (Snapshot, as_of).

Nothing here reads a clock: the page or the CLI decides the as-of time. Definitions follow
DESIGN.md "Figure definitions" word for word; where DESIGN leaves a choice, the docstring says
what was chosen.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from rapidfuzz.distance import OSA  # one typo = one edit or one swap of neighbours

from .model import Apoyo, Conteo, Persona, Scan, Sesion
from .parse import META_LLEGADAS, parse_meta
from .schema import ESTADOS_COMPROMETIDOS, ESTADOS_PENDIENTES, ROLES, fold
from .snapshot import Snapshot

UMBRAL_SUPRESION = 3
SIN_DATO = "sin_dato"


# --- Per-Snapshot indexes (computed once, reused by every as-of time) ---------------------------


@dataclass(frozen=True)
class _Timeline:
    first_entry: dict[str, datetime]  # Persona.key -> time of first entrada (any point)
    entry_times: list[datetime]  # sorted first-entry times of registered people
    walkin_first: list[datetime]  # sorted first-entry times of unmatched identifiers


_timelines: "weakref.WeakKeyDictionary[Snapshot, _Timeline]" = weakref.WeakKeyDictionary()


def _timeline(snap: Snapshot) -> _Timeline:
    tl = _timelines.get(snap)
    if tl is None:
        first: dict[str, datetime] = {}
        walkins: dict[str, datetime] = {}
        for s in snap.scans:  # sorted by time: the first seen is the earliest
            if s.movimiento != "entrada":
                continue
            if s.persona is not None:
                first.setdefault(s.persona, s.at)
            else:
                walkins.setdefault(s.identificador, s.at)
        tl = _Timeline(first, sorted(first.values()), sorted(walkins.values()))
        _timelines[snap] = tl
    return tl


def _accredited(snap: Snapshot, as_of: datetime) -> set[str]:
    return {k for k, t in _timeline(snap).first_entry.items() if t <= as_of}


def _latest_scans(snap: Snapshot, as_of: datetime):  # -> dict[str, Scan]
    """Latest scan at or before as_of per person (registered key or walk-in identifier)."""
    latest = {}
    for s in snap.scans:
        if s.at > as_of:
            break
        latest[s.persona or "?" + s.identificador] = s
    return latest


# --- Headline figures ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Cifras:
    inscriptos: int
    acreditados: int
    presentes: int
    sin_inscripcion: int
    intendencias_inscriptas: int
    intendencias_acreditadas: int

    @property
    def porcentaje_acreditados(self) -> float:
        return asistencia(self.acreditados, self.inscriptos)


def asistencia(acreditados: int, inscriptos: int) -> float:
    """DESIGN's "Asistencia": acreditados ÷ inscriptos, in percent; 0 when nobody registered.

    >>> asistencia(3, 4), asistencia(0, 0)
    (75.0, 0.0)
    """
    return 100.0 * acreditados / inscriptos if inscriptos else 0.0


def cifras(snap: Snapshot, as_of: datetime) -> Cifras:
    """Inscriptos (de-duplicated in clean), acreditados, presentes and walk-ins at as_of.

    A repeated scan never counts twice and a ``salida`` never reduces acreditados; presentes are
    the acreditados whose latest movement at or before as_of is not a ``salida``.
    """
    tl = _timeline(snap)
    acc = _accredited(snap, as_of)
    latest = _latest_scans(snap, as_of)
    presentes = sum(1 for k in acc if latest.get(k) is not None and latest[k].movimiento != "salida")
    mayors = {p.key for p in snap.personas if p.es_intendencia}
    return Cifras(
        inscriptos=len(snap.personas),
        acreditados=len(acc),
        presentes=presentes,
        sin_inscripcion=bisect_right(tl.walkin_first, as_of),
        intendencias_inscriptas=len(mayors),
        intendencias_acreditadas=len(mayors & acc),
    )


def acreditado_a(
    snap: Snapshot,
    persona_key: str,
    as_of: datetime,
    *,
    pendientes: Sequence[Scan] = (),
    anuladas: frozenset[str] = frozenset(),
) -> datetime | None:
    """Time of the person's first entrada, if it happened at or before as_of.

    The optimistic view (the desk, before the Sheet has its writes) passes ``pendientes``, the
    check-ins queued but not read back yet, and ``anuladas``, the id_operacion of check-ins
    undone but not read back yet: the same rule then applies to the Sheet's rows and to them."""
    if anuladas:
        sheet = [
            s.at
            for s in snap.scans
            if s.persona == persona_key and s.movimiento == "entrada" and s.id_operacion not in anuladas
        ]
    else:
        first = _timeline(snap).first_entry.get(persona_key)
        sheet = [first] if first is not None else []
    queued = [
        s.at
        for s in pendientes
        if s.persona == persona_key and s.movimiento == "entrada" and s.id_operacion not in anuladas
    ]
    return min((t for t in sheet + queued if t <= as_of), default=None)


# --- Arrival curve --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Franja:
    inicio: datetime
    llegadas: int
    acumulado: int


_days: "weakref.WeakKeyDictionary[Snapshot, tuple[datetime, datetime]]" = weakref.WeakKeyDictionary()


def dia_del_foro(snap: Snapshot) -> tuple[datetime, datetime]:
    """Start and end of the forum day in event time: 08:00–20:00 widened to the agenda and scans.

    Computed once per Snapshot: every room reading asks for it, and it reads every scan."""
    day = _days.get(snap)
    if day is None:
        day = _days[snap] = _dia_del_foro(snap)
    return day


def _dia_del_foro(snap: Snapshot) -> tuple[datetime, datetime]:
    tz = snap.tz
    day = datetime.fromisoformat(snap.evento.fecha).date()
    start = datetime.combine(day, time(8, 0), tz)
    end = datetime.combine(day, time(20, 0), tz)
    times = [s.inicio for s in snap.agenda] + [s.fin for s in snap.agenda]
    times += [s.at for s in snap.scans if s.at.astimezone(tz).date() == day]
    if times:
        start = min(start, min(times).astimezone(tz).replace(minute=0, second=0, microsecond=0))
        last = max(times).astimezone(tz)
        end = max(end, last.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1))
    return start, end


def curva_llegadas(snap: Snapshot, as_of: datetime, minutos: int = 15) -> list[Franja]:
    """Accreditations (first entrada of registered people) per slot and cumulative, event time.

    Slots run from the start of the forum day (or the first accreditation, if earlier) to the slot
    containing as_of, at most to the end of the day. Walk-ins are not in the curve: they are shown
    separately.
    """
    tz = snap.tz
    times = _timeline(snap).entry_times
    start, day_end = dia_del_foro(snap)
    # After the day (a rehearsal on another date, a look the week after) the curve is the whole
    # day, not one slot per quarter hour since then: a year later that was 35,000 bars per rerun.
    as_of = min(as_of, day_end)
    if times and times[0] < start:
        first = times[0].astimezone(tz)
        start = first.replace(minute=first.minute - first.minute % minutos, second=0, microsecond=0)
    if as_of < start:
        return []
    step = timedelta(minutes=minutos)
    out: list[Franja] = []
    slot, before = start, bisect_right(times, start - timedelta(microseconds=1))
    acumulado = before
    while slot <= as_of:
        end = min(slot + step, as_of + timedelta(microseconds=1))
        n = bisect_right(times, end - timedelta(microseconds=1)) - bisect_right(times, slot - timedelta(microseconds=1))
        acumulado += n
        out.append(Franja(slot.astimezone(tz), n, acumulado))
        slot += step
    return out


def meta_llegadas(snap: Snapshot) -> list[tuple[datetime, int]]:
    """The organisers' target curve (Evento ``meta_acreditados``: cumulative check-ins by time of
    day) on the forum day, in event time; empty when the tab gives none. Unreadable parts are
    Problems of the Evento tab (clean.py) and left out here."""
    value = dict(snap.evento.extra).get(META_LLEGADAS)
    if not value:
        return []
    day = datetime.fromisoformat(snap.evento.fecha).date()
    return [(datetime.combine(day, hhmm, snap.tz), n) for hhmm, n in parse_meta(value)[0]]


# --- Breakdowns ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FilaDesglose:
    clave: str
    inscriptos: int
    acreditados: int


CAMPOS = ("rol", "pais", "ciudad", "provincia", "genero", "red", "ejes", "institucion")


def _values(p: Persona, campo: str) -> tuple[str, ...]:
    v = getattr(p, campo)
    if isinstance(v, tuple):
        return v or (SIN_DATO,)
    return (v or SIN_DATO,)


def desglose(snap: Snapshot, as_of: datetime, campo: str) -> list[FilaDesglose]:
    """Inscriptos and acreditados per value of a field; multi-valued fields (red, ejes) count a
    person once under each value. Free-text values are grouped accent- and case-insensitively and
    shown with their most frequent spelling. Sorted by inscriptos, descending."""
    if campo not in CAMPOS:
        raise ValueError(f"campo desconocido: {campo}")
    acc = _accredited(snap, as_of)
    ins: Counter[str] = Counter()
    acr: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for p in snap.personas:
        for v in dict.fromkeys(_values(p, campo)):
            k = fold(v) if campo not in ("rol", "pais", "genero") else v
            spellings.setdefault(k, Counter())[v] += 1
            ins[k] += 1
            if p.key in acc:
                acr[k] += 1
    rows = [FilaDesglose(spellings[k].most_common(1)[0][0], n, acr[k]) for k, n in ins.items()]
    if campo == "rol":
        rows += [FilaDesglose(r, 0, 0) for r in ROLES if r not in ins]
    rows.sort(key=lambda r: (-r.inscriptos, r.clave))
    return rows


def roles_otro(snap: Snapshot) -> list[tuple[str, int]]:
    """The raw rol/cargo values that fell into «otro», with how many people typed each."""
    c = Counter(p.rol_raw or SIN_DATO for p in snap.personas if p.rol == "otro")
    return c.most_common()


# --- Rooms ------------------------------------------------------------------------------------


def nivel_ocupacion(porcentaje: float | None) -> str:
    """< 70 % normal, 70–90 % llenándose, 90–100 % lleno, > 100 % excedido.

    >>> [nivel_ocupacion(p) for p in (69.9, 70, 90, 100, 100.1, None)]
    ['normal', 'llenandose', 'lleno', 'lleno', 'excedido', 'sin_dato']
    """
    if porcentaje is None:
        return "sin_dato"
    if porcentaje > 100:
        return "excedido"
    if porcentaje >= 90:
        return "lleno"
    if porcentaje >= 70:
        return "llenandose"
    return "normal"


@dataclass(frozen=True)
class OcupacionSala:
    sala: str
    capacidad: int
    ocupacion: int | None  # None: no source for the room's window ("sin dato", never 0)
    fuente: str  # "conteo" | "acreditaciones" | "sin_dato"
    porcentaje: float | None
    nivel: str
    sesion: Sesion | None
    proxima: Sesion | None

    @property
    def actividad(self) -> str:
        return self.sesion.actividad if self.sesion else ""


def tally(conteos: Iterable[Conteo], base: int | None = None) -> int | None:
    """The tally rule, once: the latest absolute headcount plus later deltas (in the given
    order), starting from ``base``, never below 0; ``base`` when there are no rows."""
    rows = list(conteos)
    if not rows:
        return base
    total = base or 0
    for c in rows:
        total = c.valor if c.tipo == "conteo" else total + c.valor
    return max(total, 0)


def _tally(conteos: list[Conteo], since: datetime, as_of: datetime) -> int | None:
    """Latest absolute headcount plus later deltas inside [since, as_of]; None without rows."""
    return tally(c for c in conteos if since <= c.at <= as_of)


def _window_start(own: list[Sesion], now: Sesion | None, as_of: datetime, day_start: datetime) -> datetime:
    """Where a room's count starts (DESIGN): the end of that room's previous session, or the
    start of the day when it has none — people who sit down 20 minutes early are in the room.
    Without a running session, the end of the room's last session so far.

    Without a window, people who scanned into a morning session and left without scanning out
    would still fill the room all afternoon."""
    until = now.inicio if now is not None else as_of
    ended = [s.fin for s in own if s.fin <= until]
    return max(ended) if ended else day_start


_point_times: "weakref.WeakKeyDictionary[Snapshot, dict[str, list[datetime]]]" = weakref.WeakKeyDictionary()


def _scan_times_by_point(snap: Snapshot) -> dict[str, list[datetime]]:
    """Sorted times of every scan (any movement) per folded point: whether a room has a source."""
    out = _point_times.get(snap)
    if out is None:
        out = {}
        folded: dict[str, str] = {}
        for sc in snap.scans:  # sorted by time
            k = folded.get(sc.punto)
            if k is None:
                k = folded[sc.punto] = fold(sc.punto)
            out.setdefault(k, []).append(sc.at)
        _point_times[snap] = out
    return out


def ocupacion_salas(snap: Snapshot, as_of: datetime, pendientes: Sequence[Conteo] = ()) -> list[OcupacionSala]:
    """Occupancy of every room at as_of, with the source of each number.

    ``pendientes``: tallies made at the door but not read back from the Sheet yet (the optimistic
    view of Salas); they count exactly as they will once the Sheet has them.

    The window of a room runs from _window_start to as_of, for both sources. Tallies (Conteos) win
    when the room has rows inside it; otherwise the number is the people whose latest scan at or
    before as_of is an ``entrada`` at that room's point, made inside the window; with no tally
    and no scan at that point inside the window, the room is "sin dato" (None), never 0.
    """
    salas = {fold(s.sala): s for s in snap.salas}
    names = {k: s.sala for k, s in salas.items()}
    sessions: dict[str, list[Sesion]] = {}
    for s in snap.agenda:
        sessions.setdefault(fold(s.sala), []).append(s)
        names.setdefault(fold(s.sala), s.sala)
    tallies: dict[str, list[Conteo]] = {}
    for c in sorted([*snap.conteos, *pendientes], key=lambda c: c.at) if pendientes else snap.conteos:
        tallies.setdefault(fold(c.sala), []).append(c)
    # Entries by room point, folded once per distinct spelling (this runs per as-of time).
    entries: dict[str, list[datetime]] = {}
    folded: dict[str, str] = {}
    for s in _latest_scans(snap, as_of).values():
        if s.movimiento == "entrada":
            k = folded.get(s.punto)
            if k is None:
                k = folded[s.punto] = fold(s.punto)
            entries.setdefault(k, []).append(s.at)
    at_point = _scan_times_by_point(snap)
    day_start, _ = dia_del_foro(snap)

    out: list[OcupacionSala] = []
    for key, name in names.items():
        own = sessions.get(key, [])
        now = next((s for s in own if s.inicio <= as_of < s.fin), None)
        nxt = next((s for s in own if s.inicio > as_of), None)
        since = _window_start(own, now, as_of, day_start)
        counted = _tally(tallies.get(key, []), since, as_of)
        times = at_point.get(key, [])
        ocupacion: int | None
        if counted is not None:
            ocupacion, fuente = counted, "conteo"
        elif bisect_right(times, as_of) > bisect_left(times, since):
            ocupacion = sum(1 for t in entries.get(key, ()) if t >= since)
            fuente = "acreditaciones"
        else:
            ocupacion, fuente = None, SIN_DATO
        cap = salas[key].capacidad if key in salas else 0
        pct = 100.0 * ocupacion / cap if cap and ocupacion is not None else None
        out.append(OcupacionSala(name, cap, ocupacion, fuente, pct, nivel_ocupacion(pct), now, nxt))
    return out


def variacion(antes: list[OcupacionSala], ahora: list[OcupacionSala]) -> dict[str, int | None]:
    """Change in occupancy per room between two readings (None when a reading is missing)."""
    prev = {o.sala: o.ocupacion for o in antes}
    return {
        o.sala: (o.ocupacion - p) if (p := prev.get(o.sala)) is not None and o.ocupacion is not None else None
        for o in ahora
    }


# Rooms that must be seen from across the control room, most urgent first (DESIGN levels).
NIVELES_ALERTA = ("excedido", "lleno")


@dataclass(frozen=True)
class AlertaSalas:
    excedidas: int
    llenas: int

    @property
    def hay(self) -> bool:
        return bool(self.excedidas or self.llenas)


def alerta_salas(salas: list[OcupacionSala]) -> AlertaSalas:
    """How many rooms are over capacity and how many are full, for the header count."""
    return AlertaSalas(sum(o.nivel == "excedido" for o in salas), sum(o.nivel == "lleno" for o in salas))


def por_urgencia(salas: list[OcupacionSala]) -> list[OcupacionSala]:
    """Over-capacity rooms, then full ones, then the rest in the Sheet's order (a stable sort: a
    room only moves when its level asks for attention, so the big screen does not reshuffle)."""
    rank = {n: i for i, n in enumerate(NIVELES_ALERTA)}
    return sorted(salas, key=lambda o: rank.get(o.nivel, len(rank)))


# --- Funding ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fondos:
    moneda: str
    presupuesto: float
    comprometido: float
    pagado: float
    pendiente: float

    @property
    def disponible(self) -> float:
        return self.presupuesto - self.comprometido


def _pagado(a: Apoyo) -> float:
    if a.monto_pagado is not None:
        return a.monto_pagado
    return (a.monto_aprobado or 0.0) if a.estado == "pagado" else 0.0


def fondos(snap: Snapshot) -> list[Fondos]:
    """Budget, committed, paid, available and pending per currency; never summed across them."""
    monedas = sorted(
        {p.moneda for p in snap.presupuesto} | {a.moneda for a in snap.apoyos}, key=lambda m: (m != "ARS", m)
    )
    out = []
    for m in monedas:
        aps = [a for a in snap.apoyos if a.moneda == m]
        out.append(
            Fondos(
                moneda=m,
                presupuesto=sum(p.monto for p in snap.presupuesto if p.moneda == m),
                comprometido=sum(a.monto_aprobado or 0.0 for a in aps if a.estado in ESTADOS_COMPROMETIDOS),
                pagado=sum(_pagado(a) for a in aps),
                pendiente=sum(a.monto_solicitado for a in aps if a.estado in ESTADOS_PENDIENTES),
            )
        )
    return out


@dataclass(frozen=True)
class Solicitud:
    apoyo: Apoyo
    persona: Persona | None


def cola_apoyos(snap: Snapshot) -> list[Solicitud]:
    """Pending requests: mayors first, then by request time (unknown times last), then row."""
    by_key = snap.persona_by_key
    items = [
        Solicitud(a, by_key.get(a.persona) if a.persona else None)
        for a in snap.apoyos
        if a.estado in ESTADOS_PENDIENTES
    ]
    far = datetime.max.replace(tzinfo=snap.tz)
    items.sort(key=lambda s: (not (s.persona and s.persona.es_intendencia), s.apoyo.solicitado_en or far, s.apoyo.row))
    return items


@dataclass(frozen=True)
class Seguimiento:
    apoyo: Apoyo
    persona: Persona | None
    acreditado_a: datetime | None


def seguimiento_apoyos(snap: Snapshot, as_of: datetime) -> tuple[list[Seguimiento], list[Seguimiento]]:
    """Funded requests (aprobado, confirmado, pagado) split into (accredited, not yet arrived)."""
    by_key = snap.persona_by_key
    llegaron: list[Seguimiento] = []
    faltan: list[Seguimiento] = []
    for a in snap.apoyos:
        if a.estado not in ESTADOS_COMPROMETIDOS:
            continue
        p = by_key.get(a.persona) if a.persona else None
        t = acreditado_a(snap, p.key, as_of) if p else None
        (llegaron if t else faltan).append(Seguimiento(a, p, t))
    faltan.sort(key=lambda s: (not (s.persona and s.persona.es_intendencia), s.apoyo.row))
    return llegaron, faltan


# --- Partners -----------------------------------------------------------------------------------


def suprimir(n: int) -> int | str:
    """Small-number suppression for partner views: 1 or 2 people show as "<3".

    >>> [suprimir(n) for n in (0, 1, 2, 3)]
    [0, '<3', '<3', 3]
    """
    return "<3" if 0 < n < UMBRAL_SUPRESION else n


def asistencia_general(snap: Snapshot, as_of: datetime) -> float:
    """Attendance rate: acreditados / inscriptos, in percent."""
    return cifras(snap, as_of).porcentaje_acreditados


# --- Places (the map) ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Lugar:
    """One place on the map: entries typed differently that land on the same place are merged."""

    clave: str
    nombre: str
    region: str
    pais: str
    lat: float
    lon: float
    inscriptos: int
    acreditados: int

    @property
    def porcentaje(self) -> float:
        return asistencia(self.acreditados, self.inscriptos)


@dataclass(frozen=True)
class SinUbicar:
    entrada: str  # the city as typed
    inscriptos: int
    filas: tuple[int, ...]  # Inscripciones rows, to fix them in the Sheet


@dataclass(frozen=True)
class TotalMapa:
    """The figures printed with the map: how many places and people it shows."""

    lugares: int
    inscriptos: int
    acreditados: int


def total_mapa(lugares: Sequence[Lugar]) -> TotalMapa:
    return TotalMapa(len(lugares), sum(p.inscriptos for p in lugares), sum(p.acreditados for p in lugares))


def por_lugar(snap: Snapshot, as_of: datetime) -> tuple[list[Lugar], list[SinUbicar]]:
    """Inscriptos and acreditados per resolved place, and the entries that could not be placed."""
    acc = _accredited(snap, as_of)
    places: dict[str, list] = {}
    unplaced: list[SinUbicar] = []
    for point in snap.ubicaciones:
        people = [snap.personas[i] for i in point.indices]
        m = point.match
        if not m.resuelta:
            unplaced.append(SinUbicar(m.entrada or point.ciudad, len(people), tuple(p.row for p in people)))
            continue
        slot = places.setdefault(m.clave or m.entrada, [m, 0, 0])
        slot[1] += len(people)
        slot[2] += sum(1 for p in people if p.key in acc)
    lugares = [
        Lugar(m.clave or m.entrada, m.nombre, m.region, m.pais, m.lat, m.lon, n, a) for m, n, a in places.values()
    ]
    lugares.sort(key=lambda x: (-x.inscriptos, x.nombre))
    unplaced.sort(key=lambda u: (-u.inscriptos, u.entrada))
    return lugares, unplaced


# --- People search ------------------------------------------------------------------------------

_haystacks: "weakref.WeakKeyDictionary[Snapshot, list[tuple[Persona, str, tuple[str, ...]]]]" = (
    weakref.WeakKeyDictionary()
)


def buscar_personas(snap: Snapshot, consulta: str, limite: int = 50) -> list[Persona]:
    """People matching every word of the query, accent- and case-insensitive, one typo allowed
    in words of five letters or more. Searches name, surname, e-mail, document, city, institution.
    Exact substring matches rank before typo matches."""
    index = _haystacks.get(snap)
    if index is None:
        index = []
        for p in snap.personas:
            text_ = " ".join(fold(x) for x in (p.nombre, p.apellido, p.ciudad, p.institucion, p.cargo) if x)
            text_ += " " + " ".join(sorted(p.emails)) + " " + " ".join(sorted(p.documentos))
            index.append((p, text_, tuple(text_.split())))
        _haystacks[snap] = index
    words = [w for w in fold(consulta).split() if w]
    raw = consulta.strip().casefold()
    if not words and not raw:
        return []
    scored: list[tuple[int, int, Persona]] = []
    for p, hay, tokens in index:
        score = 0
        if raw and "@" in raw and raw in hay:
            scored.append((0, p.row, p))
            continue
        for w in words:
            if w in hay:
                continue
            if len(w) >= 5 and any(
                abs(len(t) - len(w)) <= 1 and OSA.distance(w, t, score_cutoff=1) <= 1 for t in tokens
            ):
                score += 1
                continue
            score = -1
            break
        if score >= 0:
            scored.append((score, p.row, p))
    scored.sort(key=lambda x: (x[0], x[1]))
    return [p for _, _, p in scored[:limite]]


# --- The JSON contract --------------------------------------------------------------------------


def resumen_json(snap: Snapshot, as_of: datetime) -> dict:
    """The figures as the JSON contract of DESIGN.md (``python -m foro_data resumen --json``)."""
    c = cifras(snap, as_of)
    return {
        "as_of": as_of.isoformat(),
        "evento": snap.evento.nombre,
        "fuente": snap.fuente.as_json() | ({"motivo": snap.fuente.motivo} if snap.fuente.motivo else {}),
        "inscriptos": c.inscriptos,
        "acreditados": c.acreditados,
        "presentes": c.presentes,
        "sin_inscripcion": c.sin_inscripcion,
        "intendencias": {"inscriptas": c.intendencias_inscriptas, "acreditadas": c.intendencias_acreditadas},
        "por_rol": {
            r.clave: {"inscriptos": r.inscriptos, "acreditados": r.acreditados} for r in desglose(snap, as_of, "rol")
        },
        "por_pais": {
            r.clave: {"inscriptos": r.inscriptos, "acreditados": r.acreditados} for r in desglose(snap, as_of, "pais")
        },
        "salas": [
            {
                "sala": o.sala,
                "capacidad": o.capacidad,
                "ocupacion": o.ocupacion,
                "fuente": o.fuente,
                "actividad": o.actividad,
                "nivel": o.nivel,
            }
            for o in ocupacion_salas(snap, as_of)
        ],
        "apoyos": {
            f.moneda: {
                "presupuesto": f.presupuesto,
                "comprometido": f.comprometido,
                "pagado": f.pagado,
                "disponible": f.disponible,
                "pendiente": f.pendiente,
            }
            for f in fondos(snap)
        },
        "problemas": len(snap.problems),
    }


# --- Partner tables with complementary suppression -----------------------------------------------
#
# The one privacy policy for everything a partner can see or download (Socios page, downloads,
# the report). Primary suppression: a count of 1 or 2 people shows as "<3". Complementary
# suppression: every column's sum is public (it is a headline figure, or can be added up), so when
# a hidden cell could be recomputed from the shown cells and that sum, more cells are hidden ("x")
# until every hidden cell has at least two possible values. Rows of free-typed fields (red, ejes)
# with fewer than 3 people are pooled under OTRAS, so nothing typed by one person is printed.

MENOS_DE_UMBRAL = "<3"
OCULTO = "x"
OTRAS = "otras"
SIN_UBICAR = "sin_ubicar"
_INF = float("inf")

Celda = int | str  # a count, MENOS_DE_UMBRAL or OCULTO


def _dominio(valor: Celda, piso: float, techo: float) -> tuple[float, float]:
    """What a reader can know about a cell: an interval of whole numbers."""
    if valor == MENOS_DE_UMBRAL:
        return max(1.0, piso), min(float(UMBRAL_SUPRESION - 1), techo)
    if valor == OCULTO:
        return max(float(UMBRAL_SUPRESION), piso), techo
    return float(valor), float(valor)


def intervalos(
    mostradas: list[Celda], total: int, pisos: list[float] | None = None, techos: list[float] | None = None
) -> list[tuple[float, float]]:
    """What a reader can work out about each cell from the shown cells and the column total.

    One linear equation over integer intervals: a cell's possible values are exactly
    ``[max(lo, total − Σ others' hi), min(hi, total − Σ others' lo)]``.

    >>> intervalos([5, "<3"], 7)
    [(5.0, 5.0), (2.0, 2.0)]
    """
    n = len(mostradas)
    pisos = pisos or [0.0] * n
    techos = techos or [_INF] * n
    doms = [_dominio(v, pisos[i], techos[i]) for i, v in enumerate(mostradas)]
    lo_all, hi_all = sum(d[0] for d in doms), sum(d[1] for d in doms)
    return [(max(lo, total - (hi_all - hi)), min(hi, total - (lo_all - lo))) for lo, hi in doms]


def celdas_deducibles(
    mostradas: list[Celda], total: int, pisos: list[float] | None = None, techos: list[float] | None = None
) -> list[int]:
    """Positions of hidden cells whose value follows from the shown cells and the column total.

    >>> celdas_deducibles([5, "<3"], 7), celdas_deducibles(["x", "<3", "<3"], 9)
    ([1], [])
    """
    return [
        i
        for i, (a, b) in enumerate(intervalos(mostradas, total, pisos, techos))
        if not isinstance(mostradas[i], int) and b - a < 1
    ]


def proteger_columna(
    valores: list[int],
    pisos: list[float] | None = None,
    techos: list[float] | None = None,
    ocultas: frozenset[int] = frozenset(),
) -> list[Celda]:
    """Primary then complementary suppression of one column whose sum is public.

    ``pisos``/``techos``: what the same row's other column tells a reader (acreditados ≤
    inscriptos). ``ocultas``: cells already hidden for another reason. The complementary cell is
    the smallest count of 3 or more, so the least information is withheld; when nothing more can
    be hidden the column is returned as it is.

    >>> proteger_columna([10, 4, 2]), proteger_columna([10, 4, 2, 1])
    ([10, 'x', '<3'], [10, 4, '<3', '<3'])
    """
    celdas: list[Celda] = [
        MENOS_DE_UMBRAL if 0 < v < UMBRAL_SUPRESION else (OCULTO if i in ocultas else v) for i, v in enumerate(valores)
    ]
    total = sum(valores)
    while celdas_deducibles(celdas, total, pisos, techos):
        candidatas = [i for i, c in enumerate(celdas) if isinstance(c, int) and c >= UMBRAL_SUPRESION]
        if not candidatas:
            break
        i = min(candidatas, key=lambda j: (valores[j], -j))
        celdas[i] = OCULTO
    return celdas


def _proteger_filas(ins: list[int], acr: list[int]) -> tuple[list[Celda], list[Celda]]:
    """Both columns of a table, until neither hides a new cell: hiding in one changes what the
    other column's cells can be (acreditados ≤ inscriptos in every row)."""
    ci: list[Celda] = proteger_columna(ins)
    ca: list[Celda] = proteger_columna(acr)
    while True:
        # What a reader knows of one column bounds the other, row by row.
        techos = [b for _, b in intervalos(ci, sum(ins))]
        ca2 = proteger_columna(acr, None, techos, frozenset(i for i, c in enumerate(ca) if c == OCULTO))
        pisos = [a for a, _ in intervalos(ca2, sum(acr), None, techos)]
        ci2 = proteger_columna(ins, pisos, None, frozenset(i for i, c in enumerate(ci) if c == OCULTO))
        if ci2 == ci and ca2 == ca:
            # The intervals see one column at a time; a reader can combine rows. Check exactly
            # when the table is small enough to enumerate, and hide more while something leaks.
            leaks = _deducibles_exacto(ci, ca, sum(ins), sum(acr))
            if not leaks:
                return ci, ca
            # Hide one more count: in the leaking cell's column if it has one left, else in the
            # other column (a shown acreditados bounds the inscriptos of its row, and back).
            pick = None
            for col in [c for c, _ in leaks] + [1 - c for c, _ in leaks]:
                cells, values = (ci, ins) if col == 0 else (ca, acr)
                more = [i for i, c in enumerate(cells) if isinstance(c, int) and c >= UMBRAL_SUPRESION]
                if more:
                    pick = col, min(more, key=lambda k: (values[k], -k))
                    break
            if pick is None:
                return ci, ca
            ci2, ca2 = list(ci), list(ca)
            (ci2 if pick[0] == 0 else ca2)[pick[1]] = OCULTO
        ci, ca = ci2, ca2


_LIMITE_EXACTO = 60  # largest hidden residual per column the exact check enumerates


def _choices(cell: Celda, cap: int) -> range:
    if cell == MENOS_DE_UMBRAL:
        return range(1, UMBRAL_SUPRESION)
    if cell == OCULTO:
        return range(UMBRAL_SUPRESION, cap + 1)
    return range(int(cell), int(cell) + 1)


def _deducibles_exacto(ci: list[Celda], ca: list[Celda], tot_i: int, tot_a: int) -> list[tuple[int, int]] | None:
    """Hidden cells (column 0 inscriptos / 1 acreditados, row) with one possible value, given the
    marks, both column totals and acreditados ≤ inscriptos in every row. Exact: forward and
    backward sets of reachable partial sums over the rows with a hidden cell. None when the hidden
    part is too large to enumerate (then the interval check alone decides)."""
    rows = [r for r in range(len(ci)) if not isinstance(ci[r], int) or not isinstance(ca[r], int)]
    if not rows:
        return []
    ri = tot_i - sum(c for r, c in enumerate(ci) if r not in rows)  # type: ignore[misc]
    ra = tot_a - sum(c for r, c in enumerate(ca) if r not in rows)  # type: ignore[misc]
    if ri > _LIMITE_EXACTO or ra > _LIMITE_EXACTO or ri < 0 or ra < 0:
        return None
    doms = [[(i, a) for i in _choices(ci[r], ri) for a in _choices(ca[r], ra) if a <= i] for r in rows]
    fwd: list[set[tuple[int, int]]] = [{(0, 0)}]
    for d in doms:
        fwd.append({(x + i, y + a) for x, y in fwd[-1] for i, a in d if x + i <= ri and y + a <= ra})
    bwd: list[set[tuple[int, int]]] = [{(ri, ra)}]
    for d in reversed(doms):  # remaining sums still needed before each row
        bwd.append({(x - i, y - a) for x, y in bwd[-1] for i, a in d if x - i >= 0 and y - a >= 0})
    bwd.reverse()
    out = []
    for k, (r, d) in enumerate(zip(rows, doms)):
        ok = [(i, a) for i, a in d if any((x + i, y + a) in bwd[k + 1] for x, y in fwd[k])]
        if not isinstance(ci[r], int) and len({i for i, _ in ok}) < 2:
            out.append((0, r))
        if not isinstance(ca[r], int) and len({a for _, a in ok}) < 2:
            out.append((1, r))
    return out


@dataclass(frozen=True)
class FilaCuadro:
    """One row of a partner table. ``clave``: the value (role code, ISO country, place name,
    OTRAS, SIN_DATO, SIN_UBICAR); for cities ``pais`` is the country it is grouped under and
    ``redes`` the partner networks the place is a member city of."""

    clave: str
    inscriptos: Celda
    acreditados: Celda
    pais: str = ""
    redes: tuple[str, ...] = ()
    agrupada: bool = False  # several cities pooled because the country's count is hidden
    lugar: str = ""  # GeoMatch.clave of a city row (to find it on the map)
    region: str = ""  # the city's province or state, to tell apart places that share a name

    @property
    def asistencia(self) -> float | None:
        """Acreditados ÷ inscriptos in percent; None unless both counts are shown."""
        if isinstance(self.inscriptos, int) and isinstance(self.acreditados, int) and self.inscriptos:
            return asistencia(self.acreditados, self.inscriptos)
        return None


@dataclass(frozen=True)
class Cuadro:
    """A partner table after suppression. ``una_por_persona``: each person is in exactly one row,
    so the rows add up to the headline (not for red and ejes, where a person can pick several)."""

    campo: str
    filas: tuple[FilaCuadro, ...]
    una_por_persona: bool


CUADROS = ("pais", "ciudad", "rol", "red", "ejes", "paridad")
_LIBRES = ("red", "ejes")  # free-typed by the person registering


def _filas_pooled(snap: Snapshot, as_of: datetime, campo: str) -> list[FilaDesglose]:
    """desglose(), with rows of free-typed fields under the threshold pooled under OTRAS
    (distinct people), so no label typed by one or two people is shown."""
    rows = [r for r in desglose(snap, as_of, campo) if r.inscriptos > 0]
    if campo not in _LIBRES:
        return rows
    small = {fold(r.clave) for r in rows if r.inscriptos < UMBRAL_SUPRESION and r.clave != SIN_DATO}
    if not small:
        return rows
    acc = _accredited(snap, as_of)
    pooled = [p for p in snap.personas if any(fold(v) in small for v in _values(p, campo))]
    keep = [r for r in rows if fold(r.clave) not in small]
    keep.append(FilaDesglose(OTRAS, len(pooled), sum(1 for p in pooled if p.key in acc)))
    return keep


def _al_final(clave: str) -> int:
    """Sort key that puts the pooled rows after the real values: a table never opens with
    "(sin dato)" or "Otras" (issue 13 item 8), even when blanks outnumber every named value."""
    return {OTRAS: 1, SIN_DATO: 2}.get(clave, 0)


def _cuadro(campo: str, rows: list[FilaDesglose], una: bool) -> Cuadro:
    ci, ca = _proteger_filas([r.inscriptos for r in rows], [r.acreditados for r in rows])
    filas = sorted((FilaCuadro(r.clave, i, a) for r, i, a in zip(rows, ci, ca)), key=lambda f: _al_final(f.clave))
    return Cuadro(campo, tuple(filas), una)


def cuadro_socios(snap: Snapshot, as_of: datetime, campo: str) -> Cuadro:
    """A partner table by ``campo`` (pais, rol, red, ejes, ciudad, paridad), fully protected."""
    if campo == "ciudad":
        return cuadro_ciudades(snap, as_of)
    if campo == "paridad":
        acc = _accredited(snap, as_of)
        mayors = [p for p in snap.personas if p.es_intendencia]
        ins = Counter(p.genero for p in mayors)
        acr = Counter(p.genero for p in mayors if p.key in acc)
        rows = [FilaDesglose(g, n, acr[g]) for g, n in sorted(ins.items(), key=lambda kv: (-kv[1], kv[0]))]
        return _cuadro("paridad", rows, True)
    return _cuadro(campo, _filas_pooled(snap, as_of, campo), campo not in _LIBRES)


def cuadro_ciudades(snap: Snapshot, as_of: datetime) -> Cuadro:
    """Participants by resolved place, grouped under the country each person gave.

    Cities nest in countries, and the country table is public too: inside a country whose counts
    are shown, the cities (plus SIN_UBICAR for entries not placed) are protected against that
    country's figures; a country whose counts are hidden shows one pooled row, so its cities
    cannot reveal what the country table hides. Only resolved place names are printed.
    """
    acc = _accredited(snap, as_of)
    paises = {f.clave: f for f in cuadro_socios(snap, as_of, "pais").filas}
    place_of: dict[int, tuple[str, str, tuple[str, ...], str]] = {}
    for point in snap.ubicaciones:
        m = point.match
        for i in point.indices:
            place_of[i] = (
                (m.clave or m.entrada, m.nombre, m.redes, m.region) if m.resuelta else ("", SIN_UBICAR, (), "")
            )
    groups: dict[str, dict[str, list]] = {}
    for i, p in enumerate(snap.personas):
        key, nombre, redes, region = place_of.get(i, ("", SIN_UBICAR, (), ""))
        slot = groups.setdefault(p.pais or SIN_DATO, {}).setdefault(
            key or SIN_UBICAR, [nombre, redes, 0, 0, key, region]
        )
        slot[2] += 1
        slot[3] += p.key in acc
    filas: list[FilaCuadro] = []
    for pais in sorted(groups, key=lambda k: (_al_final(k), -sum(s[2] for s in groups[k].values()))):
        places = sorted(groups[pais].values(), key=lambda s: (s[0] == SIN_UBICAR, -s[2], s[0]))
        country = paises.get(pais)
        if country is None or not isinstance(country.inscriptos, int) or not isinstance(country.acreditados, int):
            one: list[Any] = places[0] if len(places) == 1 else [OTRAS, (), 0, 0, "", ""]
            ins_c = country.inscriptos if country else MENOS_DE_UMBRAL
            acr_c = country.acreditados if country else MENOS_DE_UMBRAL
            filas.append(FilaCuadro(one[0], ins_c, acr_c, pais, tuple(one[1]), len(places) > 1, one[4], one[5]))
            continue
        ci, ca = _proteger_filas([s[2] for s in places], [s[3] for s in places])
        filas += [FilaCuadro(s[0], i, a, pais, tuple(s[1]), False, s[4], s[5]) for s, i, a in zip(places, ci, ca)]
    return Cuadro("ciudad", tuple(filas), True)


# --- Sessions and the rows left out (for the partners' report) ------------------------------------

MUESTREO_PICOS = timedelta(minutes=5)


@dataclass(frozen=True)
class PicoSesion:
    sesion: Sesion
    capacidad: int
    pico: int | None  # None: no reading during the session (not started, or no source)
    fuente: str


def picos_sesiones(snap: Snapshot, as_of: datetime) -> list[PicoSesion]:
    """Peak occupancy of every session that started by as_of, sampling ocupacion_salas every
    MUESTREO_PICOS from the session's start to its end (or as_of). Sessions without a room of
    the Salas tab (a coffee break at the stands) keep capacity 0."""
    started = sorted((s for s in snap.agenda if s.inicio <= as_of), key=lambda s: (s.inicio, s.sala))
    if not started:
        return []
    times: set[datetime] = set()
    for s in started:
        t = s.inicio
        end = min(s.fin, as_of)
        while t < end:
            times.add(t)
            t += MUESTREO_PICOS
        times.add(end - timedelta(microseconds=1) if end > s.inicio else s.inicio)
    readings = {t: {fold(o.sala): o for o in ocupacion_salas(snap, t)} for t in sorted(times)}
    out = []
    for s in started:
        end = min(s.fin, as_of)
        seen = [
            r[fold(s.sala)]
            for t, r in readings.items()
            if s.inicio <= t < max(end, s.inicio + timedelta(microseconds=1)) and fold(s.sala) in r
        ]
        best = max(seen, key=lambda o: o.ocupacion or 0, default=None)
        cap = seen[0].capacidad if seen else 0
        out.append(PicoSesion(s, cap, best.ocupacion if best else None, best.fuente if best else ""))
    return out


def filas_descartadas(snap: Snapshot) -> list[tuple[str, str, int]]:
    """Rows or cells the figures left out, as (tab, Problem kind, count); warnings are not
    counted (those rows were used)."""
    c = Counter((p.tab, p.code) for p in snap.problems if p.severity == "error")
    return sorted(((tab, kind, n) for (tab, kind), n in c.items()), key=lambda x: (x[0], -x[2], x[1]))


def filas_unidas(snap: Snapshot) -> int:
    """Registration rows merged into another person by de-duplication."""
    return sum(len(p.rows) - 1 for p in snap.personas)
