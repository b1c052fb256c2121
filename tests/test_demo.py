"""The demo forum day: deterministic, realistic in size and mix, dirty where declared, replayable."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, time, timedelta, timezone

import pytest

from foro_data import demo, replay
from foro_data import demo_data as D
from foro_data.demo import DIRTY_ROWS, DemoSource, demo_workbook
from foro_data.replay import ReplayClock
from foro_data.roles import derive_role
from foro_data.schema import GENEROS, TAB_BY_NAME, fold, header_key
from foro_data.snapshot import Fuente
from foro_data.sources.base import RawWorkbook

UTC = timezone.utc
FUENTE = Fuente("demo", "prueba", datetime(2025, 6, 19, 12, tzinfo=timezone.utc))
FORMS_TS = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2}):(\d{2}):(\d{2})$")


# --- helpers: read the raw tabs the way a person reading the Sheet would ------------------------


@pytest.fixture(scope="module")
def wb() -> RawWorkbook:
    return demo_workbook()


def records(wb: RawWorkbook, tab: str) -> list[tuple[int, dict[str, object]]]:
    """(Sheet row number, {header: cell}) for every non-blank row; missing trailing cells are ''."""
    rows = wb.tabs[tab]
    header = [str(h).strip() for h in rows[0]]
    out = []
    for i, row in enumerate(rows[1:], start=2):
        if all(str(c).strip() == "" for c in row):
            continue
        out.append((i, {h: (row[j] if j < len(row) else "") for j, h in enumerate(header)}))
    return out


def text(value: object) -> str:
    return str(value).strip()


def digits(value: object) -> str:
    return "".join(ch for ch in str(value) if ch.isdigit())


def role_of(rol: str, cargo: str) -> str:
    """The DESIGN rule, from its one home: ``rol`` first, else ``cargo``."""
    return derive_role(rol, cargo)


def forms_time(value: object) -> datetime | None:
    m = FORMS_TS.match(str(value).strip())
    if not m:
        return None
    d, mo, y, h, mi, s = (int(x) for x in m.groups())
    return datetime(y, mo, d, h, mi, s)


def scan_ident(rec: dict[str, object]) -> str:
    email = text(rec["Dirección de correo electrónico"]).casefold()
    return email or digits(rec["DNI"])


def registered_idents(wb: RawWorkbook) -> set[str]:
    out = set()
    for _, r in records(wb, "Inscripciones"):
        if text(r["Dirección de correo electrónico"]):
            out.add(text(r["Dirección de correo electrónico"]).casefold())
        if digits(r["DNI / Pasaporte"]):
            out.add(digits(r["DNI / Pasaporte"]))
    return out


# --- determinism and the public API --------------------------------------------------------------


def test_same_seed_same_cells_and_another_seed_differs():
    first = demo_workbook(7)
    demo._build.cache_clear()  # rebuild from scratch: equality must not come from the cache
    assert demo_workbook(7) == first
    assert demo_workbook(8).tabs["Inscripciones"] != first.tabs["Inscripciones"]
    assert demo_workbook(8).tabs["Acreditaciones"] != first.tabs["Acreditaciones"]


def test_callers_cannot_spoil_the_cache():
    wb = demo_workbook()
    wb.tabs["Inscripciones"][1][2] = "cambiado"
    wb.tabs["Salas"].clear()
    fresh = demo_workbook()
    assert fresh.tabs["Inscripciones"][1][2] != "cambiado"
    assert len(fresh.tabs["Salas"]) > 1


def test_demo_source_reads_the_default_workbook():
    source = DemoSource()
    assert (source.tipo, source.descripcion) == ("demo", "Datos de demostración")
    raw = source.read()
    assert isinstance(raw, RawWorkbook) and raw == demo_workbook()
    assert raw.time_zone == "America/Argentina/Mendoza" and not raw.serial_dates


def test_cells_are_what_a_sheet_export_holds(wb):
    allowed = (str, int, float)
    csv_blank = {(d.tab, d.row) for d in DIRTY_ROWS if d.kind == "fila_vacia"}
    for tab, rows in wb.tabs.items():
        for i, row in enumerate(rows, start=1):
            assert all(isinstance(c, allowed) and not isinstance(c, bool) for c in row), (tab, row)
            if (tab, i) not in csv_blank:
                assert not row or row[-1] != "", f"{tab} row {i}: trailing empty cells are dropped, as the API does"


# --- headers --------------------------------------------------------------------------------------


def test_every_header_resolves_to_one_canonical_column(wb):
    assert set(wb.tabs) == {
        "Inscripciones",
        "Acreditaciones",
        "Salas",
        "Agenda",
        "Conteos",
        "Apoyos",
        "Presupuesto",
        "Evento",
    }
    for name, rows in wb.tabs.items():
        tab = TAB_BY_NAME[name]
        found = []
        for header in rows[0]:
            matches = [c.name for c in tab.columns if header_key(header) in c.keys()]
            assert len(matches) == 1, (name, header, matches)
            found.append(matches[0])
        assert len(found) == len(set(found)), (name, found)
        missing = {c.name for c in tab.columns if c.required} - set(found)
        assert not missing, (name, missing)


# --- size and mix ---------------------------------------------------------------------------------


def test_about_450_registrations(wb):
    assert 420 <= len(records(wb, "Inscripciones")) <= 480


def _city_of(rec: dict[str, object]) -> D.CitySpec | None:
    iso = {fold(s): code for code, spellings in D.COUNTRY_SPELLINGS.items() for s in spellings}.get(fold(rec["País"]))
    typed, prov = fold(rec["Ciudad"]), fold(rec["Provincia / Estado"])
    candidates = [c for c in D.CITIES if c.pais == iso and typed in {fold(s) for s in c.spellings}]
    if len(candidates) > 1:
        candidates = [c for c in candidates if prov in {fold(p) for p in c.provincia}]
    return candidates[0] if len(candidates) == 1 else None


def test_real_cities_of_the_region_typed_as_people_type_them(wb):
    recs = [r for _, r in records(wb, "Inscripciones") if text(r["País"]) != "Narnia"]
    cities = {_city_of(r) for r in recs} - {None}
    assert 80 <= len(cities) <= 100
    assert len({c.pais for c in cities}) >= 7
    assert {"AR", "UY", "BR", "PY", "CL", "BO", "PE"} <= {c.pais for c in cities}
    assert sum(1 for r in recs if (c := _city_of(r)) and c.provincia[0] == "Mendoza") > len(recs) / 3
    typed = {text(r["Ciudad"]) for r in recs}
    assert {"Gral. San Martín", "Montevideo - UY", "asuncion", "CABA", "Sao Paulo", "Rosario, Santa Fe"} <= typed
    countries = {text(r["País"]) for r in recs}
    assert {"ARG", "Brazil", "Brasil", "UY", "República Oriental del Uruguay", "Perú", "Peru", "España"} <= countries


def test_mayors_are_about_one_in_eight_with_gender_parity(wb):
    recs = [r for _, r in records(wb, "Inscripciones")]
    mayors = [r for r in recs if role_of(text(r["Rol"]), text(r["Cargo"])) == "intendencia"]
    assert 0.09 <= len(mayors) / len(recs) <= 0.15
    genders = Counter(GENEROS.get(fold(r["Género"])) for r in mayors)
    assert genders["femenino"] / len(mayors) >= 0.4 and genders["masculino"] / len(mayors) >= 0.4
    cargos = {text(r["Cargo"]) for r in mayors}
    assert {
        "Intendente Municipal",
        "Intendenta",
        "Sra. Intendenta",
        "Alcalde",
        "Alcaldesa",
        "Prefeito",
        "Prefeita",
    } <= cargos
    assert sum(1 for r in recs if not text(r["Rol"])) > len(recs) / 2  # mostly derived from Cargo


def test_every_role_is_present_and_only_the_dirty_cargo_falls_into_otro(wb):
    roles = Counter(role_of(text(r["Rol"]), text(r["Cargo"])) for _, r in records(wb, "Inscripciones"))
    assert set(roles) == {
        "intendencia",
        "gobierno_local",
        "gobierno_nacional_provincial",
        "organismo_internacional",
        "academia_sociedad_civil",
        "policia_seguridad",
        "prensa",
        "otro",
    }
    assert roles["otro"] == 1


@pytest.mark.parametrize("role", sorted(D.ROLE_CARGOS))
def test_each_cargo_in_the_tables_maps_to_the_role_it_is_filed_under(role):
    for table in (D.ROLE_CARGOS, D.ROLE_CARGOS_PT):
        for masc, fem in table.get(role, ()):
            assert role_of("", masc) == role, masc
            assert role_of("", fem) == role, fem
    assert role_of(D.ROL_OPTIONS[role], "") == role


def test_every_mayor_cargo_and_rol_option_maps_to_intendencia():
    forms = [f for m, f in D.MAYOR_CARGOS.values() for f in (*m, *f)] + list(D.CAPITAL_MAYOR)
    assert all(role_of("", f) == "intendencia" for f in forms)
    assert role_of(D.ROL_OPTIONS["intendencia"], "") == "intendencia"


def test_registrations_span_may_and_june_in_forms_format(wb):
    times = [forms_time(r["Marca temporal"]) for _, r in records(wb, "Inscripciones")]
    parsed = [t for t in times if t]
    assert len(times) - len(parsed) == 1  # the one "ayer a la tarde"
    assert min(parsed) >= datetime(2025, 5, 1) and max(parsed) < datetime(2025, 6, 19)
    assert {t.month for t in parsed} == {5, 6}


# --- the day --------------------------------------------------------------------------------------


def test_four_in_five_check_in_from_eight_with_a_morning_peak(wb):
    registered = registered_idents(wb)
    desk = [
        r
        for _, r in records(wb, "Acreditaciones")
        if text(r["Punto"]) == D.DESK and fold(r["Movimiento"]) in ("", "entrada") and forms_time(r["Marca temporal"])
    ]
    matched = {scan_ident(r) for r in desk} & registered
    people = len(records(wb, "Inscripciones"))
    assert 0.72 <= len(matched) / people <= 0.88
    times = [forms_time(r["Marca temporal"]) for r in desk]
    assert min(times).time() >= time(8, 0)
    bins = Counter(t.replace(minute=t.minute // 15 * 15, second=0).time() for t in times)
    assert time(8, 30) <= bins.most_common(1)[0][0] < time(9, 30)
    peak = sum(1 for t in times if time(8, 30) <= t.time() < time(9, 30))
    assert peak > len(times) / 2 and all(t.date() == demo.EVENT_DATE for t in times)


def test_walk_ins_identifier_variants_and_room_movements(wb):
    recs = [r for _, r in records(wb, "Acreditaciones")]
    registered = registered_idents(wb)
    walk_ins = {scan_ident(r) for r in recs} - registered
    assert 4 <= len(walk_ins) <= 6
    emails = [text(r["Dirección de correo electrónico"]) for r in recs if text(r["Dirección de correo electrónico"])]
    assert any(e != e.lower() and e.lower() in registered for e in emails)  # e-mail typed in another case
    assert any("." in str(r["DNI"]) for r in recs) and any(isinstance(r["DNI"], int) for r in recs)
    rooms = {text(r[0]) for r in demo_workbook().tabs["Salas"][1:] if r}
    points = Counter((text(r["Punto"]), fold(r["Movimiento"]) or "entrada") for r in recs)
    assert {p for p, _ in points} <= rooms | {D.DESK}
    # exits are scanned at the desk only: a salida means leaving the venue (presentes)
    assert points[(D.DESK, "salida")] > 0 and points[(D.EXCHANGE_ROOMS[0].name, "entrada")] > 0
    assert not any(mov == "salida" and p != D.DESK for p, mov in points)


def _present(wb: RawWorkbook, punto: str, at: datetime) -> int:
    """People whose latest scan at or before ``at`` is an entrada at ``punto``."""
    latest: dict[str, tuple[datetime, str, str]] = {}
    for _, r in records(wb, "Acreditaciones"):
        t = forms_time(r["Marca temporal"])
        if t and t <= at:
            ident = scan_ident(r)
            if ident not in latest or t >= latest[ident][0]:
                latest[ident] = (t, text(r["Punto"]), fold(r["Movimiento"]) or "entrada")
    return sum(1 for _, p, m in latest.values() if p == punto and m == "entrada")


def _peak(wb: RawWorkbook, punto: str, start: str, end: str) -> int:
    t, stop = demo._at(start), demo._at(end)
    best = 0
    while t <= stop:
        best = max(best, _present(wb, punto, t))
        t += timedelta(minutes=5)
    return best


def test_one_room_runs_over_capacity_and_others_near_ninety_percent(wb):
    capacity = {text(r[0]): r[1] for r in wb.tabs["Salas"][1:] if r}
    sala5, sala3, sala1 = D.EXCHANGE_ROOMS[4].name, D.EXCHANGE_ROOMS[2].name, D.EXCHANGE_ROOMS[0].name
    assert _peak(wb, sala5, "10:45", "12:15") > capacity[sala5]
    assert 0.85 <= _peak(wb, sala3, "14:30", "16:00") / int(capacity[sala3]) <= 1.0
    tally = [r for _, r in records(wb, "Conteos") if text(r["Sala"]) == sala1]
    seen, total = set(), 0
    for r in tally:
        if text(r["ID de operación"]) in seen:
            continue
        seen.add(text(r["ID de operación"]))
        total = int(r["Valor"]) if r["Tipo"] == "conteo" else total + int(r["Valor"])
        if forms_time(r["Marca temporal"]).time() == time(15, 16, 40):
            assert total / int(capacity[sala1]) == pytest.approx(0.9)


def test_agenda_covers_the_day_in_the_rooms_of_salas(wb):
    rooms = {text(r[0]) for r in wb.tabs["Salas"][1:] if r}
    agenda = [r for _, r in records(wb, "Agenda")]
    assert {text(r["Sala"]) for r in agenda} <= rooms
    assert {text(r["Eje"]) for r in agenda} - {""} == set(D.AXES)
    starts = [text(r["Inicio"]) for r in agenda]
    assert starts[0] == "19/6/2025 8:00:00" and any(re.fullmatch(r"\d\d:\d\d", s) for s in starts)
    assert sum(1 for r in agenda if fold(r["Tipo"]) == "intercambio") == 12
    assert text(agenda[-1]["Fin"]) == "18:00" and text(agenda[-1]["Actividad"]).startswith("Cierre")


# --- funding ---------------------------------------------------------------------------------------


def _amount(value: object) -> float:
    """The es-AR and en-US shapes the demo writes (a test-side reading, kept deliberately small)."""
    if isinstance(value, (int, float)):
        return float(value)
    s = re.sub(r"^(USD|U\$S|\$)\s*", "", str(value).strip())
    if re.fullmatch(r"\d{1,3}(,\d{3})*\.\d\d", s):
        return float(s.replace(",", ""))
    return float(s.replace(".", "").replace(",", "."))


def test_about_sixty_requests_mayors_first_and_the_budget_runs_short(wb):
    regs = {text(r["Dirección de correo electrónico"]).casefold(): r for _, r in records(wb, "Inscripciones")}
    requests = [r for _, r in records(wb, "Apoyos")]
    assert 55 <= len(requests) <= 65
    mayors = sum(
        1
        for r in requests
        if role_of("", text(regs[text(r["Dirección de correo electrónico"]).casefold()]["Cargo"])) == "intendencia"
    )
    assert mayors / len(requests) > 0.35
    assert {fold(r["Estado"]) for r in requests} >= {
        "solicitado",
        "en evaluacion",
        "aprobado",
        "confirmado",
        "pagado",
        "rechazado",
        "cancelado",
    }
    assert any(text(r["Monto aprobado"]) == "" for r in requests) and any(
        str(r["Monto solicitado"]).startswith("$ ") for r in requests
    )
    clean = [
        r
        for r in requests
        if text(r["Moneda"]).upper() in ("ARS", "USD")
        and fold(r["Estado"])
        in ("solicitado", "en evaluacion", "aprobado", "confirmado", "pagado", "rechazado", "cancelado")
        and text(r["Monto solicitado"]) != "mucho"
    ]
    budget = Counter()
    for _, r in records(wb, "Presupuesto"):
        budget[text(r["Moneda"])] += _amount(r["Monto"])
    for currency in ("ARS", "USD"):
        mine = [r for r in clean if text(r["Moneda"]).upper() == currency]
        committed = sum(
            _amount(r["Monto aprobado"]) for r in mine if fold(r["Estado"]) in ("aprobado", "confirmado", "pagado")
        )
        pending = sum(
            _amount(r["Monto solicitado"]) for r in mine if fold(r["Estado"]) in ("solicitado", "en evaluacion")
        )
        assert committed < budget[currency] < committed + pending, currency


def test_event_tab(wb):
    evento = {text(r["Clave"]): text(r["Valor"]) for _, r in records(wb, "Evento")}
    assert evento["fecha"] == "2025-06-19" and evento["zona_horaria"] == "America/Argentina/Mendoza"
    assert "Arizu" in evento["sede"] and evento["nombre"]


# --- dirty rows --------------------------------------------------------------------------------------


def _cell(wb: RawWorkbook, spec) -> object:
    rows = wb.tabs[spec.tab]
    row = rows[spec.row - 1]
    j = rows[0].index(spec.column)
    return row[j] if j < len(row) else ""


def _earlier(wb: RawWorkbook, spec) -> list[dict[str, object]]:
    return [r for i, r in records(wb, spec.tab) if i < spec.row]


def _this(wb: RawWorkbook, spec) -> dict[str, object]:
    return dict(records(wb, spec.tab))[spec.row] if spec.kind != "fila_vacia" else {}


def _check_dirty(wb: RawWorkbook, spec) -> bool:
    rows = wb.tabs[spec.tab]
    raw = rows[spec.row - 1]
    kind = spec.kind
    if kind == "fila_vacia":
        return all(str(c).strip() == "" for c in raw)
    r = _this(wb, spec)
    if kind == "fila_corta":
        return 0 < len(raw) < len(rows[0])
    if kind == "espacios":
        return any(isinstance(c, str) and c != c.strip() for c in raw)
    if kind == "sin_identificacion":
        return not text(r["Dirección de correo electrónico"]) and not digits(r["DNI / Pasaporte"]) and text(r["Nombre"])
    if kind == "duplicado_email":
        e = text(r["Dirección de correo electrónico"])
        return any(
            text(o["Dirección de correo electrónico"]).casefold() == e.casefold()
            and text(o["Dirección de correo electrónico"]) != e
            for o in _earlier(wb, spec)
        )
    if kind == "duplicado_documento":
        d = text(r["DNI / Pasaporte"])
        return "." in d and any(
            digits(o["DNI / Pasaporte"]) == digits(d) and "." not in str(o["DNI / Pasaporte"])
            for o in _earlier(wb, spec)
        )
    if kind == "duplicado_nombre":
        key = tuple(fold(r[c]) for c in ("Nombre", "Apellido", "Ciudad"))
        mine = (text(r["Dirección de correo electrónico"]).casefold(), digits(r["DNI / Pasaporte"]))
        return any(
            tuple(fold(o[c]) for c in ("Nombre", "Apellido", "Ciudad")) == key
            and (text(o["Nombre"]), text(o["Apellido"]), text(o["Ciudad"]))
            != (text(r["Nombre"]), text(r["Apellido"]), text(r["Ciudad"]))
            and text(o["Dirección de correo electrónico"]).casefold() != mine[0]
            and not mine[1]
            for o in _earlier(wb, spec)
        )
    if kind == "sin_inscripcion":
        return scan_ident(r) not in registered_idents(wb) and forms_time(r["Marca temporal"]) is not None
    if kind == "escaneo_repetido":
        prev = rows[spec.row - 2]
        gap = forms_time(raw[0]) - forms_time(prev[0])
        return raw[1:] == prev[1:] and timedelta(0) < gap < timedelta(minutes=1)
    if kind == "operacion_repetida":
        return any(text(o["ID de operación"]) == text(r["ID de operación"]) for o in _earlier(wb, spec))
    return text(_cell(wb, spec)) == spec.value  # kinds whose bad value is fixed


@pytest.mark.parametrize("spec", DIRTY_ROWS, ids=lambda d: f"{d.tab}-{d.row}-{d.kind}")
@pytest.mark.parametrize("seed", [demo.DEFAULT_SEED, 11])
def test_each_declared_defect_is_where_dirty_rows_says(spec, seed):
    wb = demo_workbook(seed)
    if spec.value is not None:
        assert text(_cell(wb, spec)) == spec.value
    assert _check_dirty(wb, spec)


def test_dirty_rows_cover_the_promised_defects():
    kinds = {d.kind for d in DIRTY_ROWS}
    assert kinds >= {
        "fecha_invalida",
        "sin_identificacion",
        "duplicado_email",
        "duplicado_documento",
        "duplicado_nombre",
        "pais_desconocido",
        "cargo_sin_rol",
        "monto_invalido",
        "moneda_desconocida",
        "estado_desconocido",
        "hora_invalida",
        "valor_invalido",
        "capacidad_invalida",
        "fila_vacia",
        "fila_corta",
        "espacios",
    }
    assert len({(d.tab, d.row) for d in DIRTY_ROWS}) == len(DIRTY_ROWS)


def test_cleaning_reports_a_problem_for_each_dirty_kind(wb):
    clean = pytest.importorskip("foro_data.clean")
    problems = clean.clean_workbook(wb, FUENTE).problems
    at = {(p.tab, p.row) for p in problems}
    for kind in sorted({d.kind for d in DIRTY_ROWS if d.problem}):
        assert any((d.tab, d.row) in at for d in DIRTY_ROWS if d.kind == kind), kind
    # Noise that must be absorbed silently produces no Problem.
    for d in DIRTY_ROWS:
        if not d.problem and d.kind != "operacion_repetida":
            assert (d.tab, d.row) not in at, d


def test_cleaning_finds_no_defect_that_was_not_planted(wb):
    clean = pytest.importorskip("foro_data.clean")
    planted = {(d.tab, d.row) for d in DIRTY_ROWS}
    unplanned = [p for p in clean.clean_workbook(wb, FUENTE).problems if (p.tab, p.row) not in planted]
    assert unplanned == []


# --- replay clock ---------------------------------------------------------------------------------------

START = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def local(hh: int, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(2025, 6, 19, hh, mm, ss, tzinfo=replay.EVENT_TZ)


def test_clock_starts_at_inicio_and_runs_at_velocidad():
    clock = ReplayClock(START)
    assert clock.as_of(START) == local(8)
    assert clock.as_of(START + timedelta(minutes=1)) == local(9)
    assert clock.as_of(START + timedelta(seconds=90)) == local(9, 30)
    assert clock.as_of(START).utcoffset() == timedelta(hours=-3)
    real_time = ReplayClock(START, inicio=time(10, 45), velocidad=1.0)
    assert real_time.as_of(START + timedelta(minutes=20, seconds=7)) == local(11, 5, 7)


def test_clock_is_independent_of_the_real_time_zone():
    clock = ReplayClock(START.astimezone(replay.EVENT_TZ))
    assert clock.as_of(START + timedelta(minutes=2)) == local(10)


def test_clock_before_start_shows_inicio():
    assert ReplayClock(START, inicio=time(9, 0)).as_of(START - timedelta(hours=5)) == local(9)


def test_clock_wraps_after_the_day_ends_by_default():
    clock = ReplayClock(START)  # 08:00 -> 20:00 is 12 real minutes at 60x
    assert clock.as_of(START + timedelta(minutes=11, seconds=59)) == local(19, 59)
    assert clock.as_of(START + timedelta(minutes=12)) == local(8)
    assert clock.as_of(START + timedelta(minutes=13)) == local(9)
    days_later = [clock.as_of(START + timedelta(hours=h, seconds=17)) for h in range(0, 48, 5)]
    assert all(local(8) <= t < local(20) for t in days_later)


def test_clock_can_stop_at_the_end_of_the_day():
    clock = ReplayClock(START, velocidad=120.0, al_terminar="detener")
    assert clock.as_of(START + timedelta(minutes=3)) == local(14)
    assert clock.as_of(START + timedelta(days=3)) == local(20)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"started_at": datetime(2026, 3, 2, 15, 0)},
        {"started_at": START, "velocidad": 0},
        {"started_at": START, "inicio": time(20, 0)},
        {"started_at": START, "al_terminar": "nunca"},
    ],
)
def test_clock_rejects_nonsense(kwargs):
    with pytest.raises(ValueError):
        ReplayClock(**kwargs)


def test_clock_needs_an_aware_real_time():
    with pytest.raises(ValueError):
        ReplayClock(START).as_of(datetime(2026, 3, 2, 15, 5))
