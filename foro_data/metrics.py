"""Every figure of the dashboard, defined once: pure functions of (Snapshot, as_of).

Nothing here reads a clock: the page or the CLI decides the as-of time. Definitions follow
DESIGN.md "Figure definitions" word for word; where DESIGN leaves a choice, the docstring says
what was chosen.
"""

from __future__ import annotations

import difflib
import weakref
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from .model import Apoyo, Conteo, Persona, Sesion
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
        return 100.0 * self.acreditados / self.inscriptos if self.inscriptos else 0.0


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


def acreditado_a(snap: Snapshot, persona_key: str, as_of: datetime) -> datetime | None:
    """Time of the person's first entrada, if it happened at or before as_of."""
    t = _timeline(snap).first_entry.get(persona_key)
    return t if t is not None and t <= as_of else None


# --- Arrival curve --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Franja:
    inicio: datetime
    llegadas: int
    acumulado: int


def dia_del_foro(snap: Snapshot) -> tuple[datetime, datetime]:
    """Start and end of the forum day in event time: 08:00–20:00 widened to the agenda and scans."""
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

NIVELES = ("normal", "llenandose", "lleno", "excedido", "sin_dato")


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
    ocupacion: int | None
    fuente: str  # "conteo" | "acreditaciones"
    porcentaje: float | None
    nivel: str
    sesion: Sesion | None
    proxima: Sesion | None

    @property
    def actividad(self) -> str:
        return self.sesion.actividad if self.sesion else ""


def _tally(conteos: list[Conteo], since: datetime, as_of: datetime) -> int | None:
    """Latest absolute headcount plus later deltas inside [since, as_of]; None without rows."""
    window = [c for c in conteos if since <= c.at <= as_of]
    if not window:
        return None
    total = 0
    for c in window:
        total = c.valor if c.tipo == "conteo" else total + c.valor
    return max(total, 0)


ANTICIPO_SESION = timedelta(minutes=15)


def _window_start(own: list[Sesion], now: Sesion | None, as_of: datetime, day_start: datetime) -> datetime:
    """Where a room's count starts: the running session (less a short lead-in, for people who sit
    down early), else the end of the room's last session, else the start of the day.

    Without a window, people who scanned into a morning session and left without scanning out
    would still fill the room all afternoon."""
    if now is not None:
        return now.inicio - ANTICIPO_SESION
    ended = [s.fin for s in own if s.fin <= as_of]
    return max(ended) if ended else day_start


def ocupacion_salas(snap: Snapshot, as_of: datetime) -> list[OcupacionSala]:
    """Occupancy of every room at as_of, with the source of each number.

    Tallies (Conteos) win when the room has rows inside its current window (see _window_start);
    otherwise the number is the people whose latest scan at or before as_of is an ``entrada`` at
    that room's point, made inside the same window.
    """
    salas = {fold(s.sala): s for s in snap.salas}
    names = {k: s.sala for k, s in salas.items()}
    sessions: dict[str, list[Sesion]] = {}
    for s in snap.agenda:
        sessions.setdefault(fold(s.sala), []).append(s)
        names.setdefault(fold(s.sala), s.sala)
    tallies: dict[str, list[Conteo]] = {}
    for c in snap.conteos:
        tallies.setdefault(fold(c.sala), []).append(c)
    latest = [s for s in _latest_scans(snap, as_of).values() if s.movimiento == "entrada"]
    day_start, _ = dia_del_foro(snap)

    out: list[OcupacionSala] = []
    for key, name in names.items():
        own = sessions.get(key, [])
        now = next((s for s in own if s.inicio <= as_of < s.fin), None)
        nxt = next((s for s in own if s.inicio > as_of), None)
        since = _window_start(own, now, as_of, day_start)
        counted = _tally(tallies.get(key, []), since, as_of)
        scanned = sum(1 for s in latest if s.at >= since and fold(s.punto) == key)
        ocupacion, fuente = (counted, "conteo") if counted is not None else (scanned, "acreditaciones")
        cap = salas[key].capacidad if key in salas else 0
        pct = 100.0 * ocupacion / cap if cap else None
        out.append(OcupacionSala(name, cap, ocupacion, fuente, pct, nivel_ocupacion(pct), now, nxt))
    return out


def variacion(antes: list[OcupacionSala], ahora: list[OcupacionSala]) -> dict[str, int | None]:
    """Change in occupancy per room between two readings (None when a reading is missing)."""
    prev = {o.sala: o.ocupacion for o in antes}
    return {o.sala: (o.ocupacion - prev[o.sala]) if prev.get(o.sala) is not None and o.ocupacion is not None else None
            for o in ahora}


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
    monedas = sorted({p.moneda for p in snap.presupuesto} | {a.moneda for a in snap.apoyos}, key=lambda m: (m != "ARS", m))
    out = []
    for m in monedas:
        aps = [a for a in snap.apoyos if a.moneda == m]
        out.append(Fondos(
            moneda=m,
            presupuesto=sum(p.monto for p in snap.presupuesto if p.moneda == m),
            comprometido=sum(a.monto_aprobado or 0.0 for a in aps if a.estado in ESTADOS_COMPROMETIDOS),
            pagado=sum(_pagado(a) for a in aps),
            pendiente=sum(a.monto_solicitado for a in aps if a.estado in ESTADOS_PENDIENTES),
        ))
    return out


@dataclass(frozen=True)
class Solicitud:
    apoyo: Apoyo
    persona: Persona | None


def cola_apoyos(snap: Snapshot) -> list[Solicitud]:
    """Pending requests: mayors first, then by request time (unknown times last), then row."""
    by_key = snap.persona_by_key
    items = [Solicitud(a, by_key.get(a.persona) if a.persona else None) for a in snap.apoyos if a.estado in ESTADOS_PENDIENTES]
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
    llegaron, faltan = [], []
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


@dataclass(frozen=True)
class FilaSocios:
    clave: str
    inscriptos: int | str
    acreditados: int | str
    asistencia: float | None  # percent; None when either count is suppressed


def _socios(rows: list[FilaDesglose]) -> list[FilaSocios]:
    out = []
    for r in rows:
        i, a = suprimir(r.inscriptos), suprimir(r.acreditados)
        rate = 100.0 * r.acreditados / r.inscriptos if isinstance(i, int) and isinstance(a, int) and r.inscriptos else None
        out.append(FilaSocios(r.clave, i, a, rate))
    return out


def tabla_socios(snap: Snapshot, as_of: datetime, campo: str) -> list[FilaSocios]:
    """A breakdown for partners: every count of 1 or 2 people shows as "<3"."""
    return _socios([r for r in desglose(snap, as_of, campo) if r.inscriptos > 0])


def paridad_intendencias(snap: Snapshot, as_of: datetime) -> list[FilaSocios]:
    """Mayors by gender (inscriptas / acreditadas), with small-number suppression."""
    acc = _accredited(snap, as_of)
    ins: Counter[str] = Counter(p.genero for p in snap.personas if p.es_intendencia)
    acr: Counter[str] = Counter(p.genero for p in snap.personas if p.es_intendencia and p.key in acc)
    rows = [FilaDesglose(g, n, acr[g]) for g, n in ins.most_common()]
    return _socios(rows)


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
        return 100.0 * self.acreditados / self.inscriptos if self.inscriptos else 0.0


@dataclass(frozen=True)
class SinUbicar:
    entrada: str  # the city as typed
    inscriptos: int
    filas: tuple[int, ...]  # Inscripciones rows, to fix them in the Sheet


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
    lugares = [Lugar(m.clave or m.entrada, m.nombre, m.region, m.pais, m.lat, m.lon, n, a) for m, n, a in places.values()]
    lugares.sort(key=lambda x: (-x.inscriptos, x.nombre))
    unplaced.sort(key=lambda u: (-u.inscriptos, u.entrada))
    return lugares, unplaced


# --- People search ------------------------------------------------------------------------------

_haystacks: "weakref.WeakKeyDictionary[Snapshot, list[tuple[Persona, str, tuple[str, ...]]]]" = weakref.WeakKeyDictionary()


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
            if len(w) >= 5 and any(abs(len(t) - len(w)) <= 1 and difflib.SequenceMatcher(None, w, t).ratio() >= 0.8 for t in tokens):
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
        "por_rol": {r.clave: {"inscriptos": r.inscriptos, "acreditados": r.acreditados} for r in desglose(snap, as_of, "rol")},
        "por_pais": {r.clave: {"inscriptos": r.inscriptos, "acreditados": r.acreditados} for r in desglose(snap, as_of, "pais")},
        "salas": [
            {"sala": o.sala, "capacidad": o.capacidad, "ocupacion": o.ocupacion, "fuente": o.fuente,
             "actividad": o.actividad, "nivel": o.nivel}
            for o in ocupacion_salas(snap, as_of)
        ],
        "apoyos": {
            f.moneda: {"presupuesto": f.presupuesto, "comprometido": f.comprometido, "pagado": f.pagado,
                       "disponible": f.disponible, "pendiente": f.pendiente}
            for f in fondos(snap)
        },
        "problemas": len(snap.problems),
    }
