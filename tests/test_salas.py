"""Room occupancy: tallies inside the session window win over scans; levels by percentage."""

from foro_data import metrics
from tests.workbooks import INSCRIPCIONES_HEADERS as H
from tests.workbooks import at, person, snapshot

SALAS = [["Sala", "Capacidad"], ["Sala 1", "10"], ["Plenario", "sesenta"]]
AGENDA = [
    ["Inicio", "Fin", "Sala", "Actividad", "Eje", "Tipo"],
    ["09:00", "10:00", "Sala 1", "Diseño urbano", "Diseño urbano", "intercambio"],
    ["19/6/2025 11:00:00", "19/6/2025 12:00:00", "Sala 1", "Crimen organizado", "", "intercambio"],
]
ACRED = [["Marca temporal", "Dirección de correo electrónico", "Punto", "Movimiento"]]
PEOPLE = [H] + [person(f"N{i}", f"A{i}", f"p{i}@x.org") for i in range(12)]
for i in range(9):
    ACRED.append([f"19/6/2025 9:0{i}:00", f"p{i}@x.org", "Sala 1", "entrada"])
ACRED.append(["19/6/2025 9:30:00", "p0@x.org", "sala 1", "salida"])
CONTEOS = [
    ["Marca temporal", "Sala", "Tipo", "Valor", "Registrado por", "ID de operación"],
    ["19/6/2025 11:05:00", "Sala 1", "conteo", "8", "Lu", "op1"],
    ["19/6/2025 11:10:00", "Sala 1", "delta", "+3", "Lu", "op2"],
    ["19/6/2025 11:10:00", "Sala 1", "delta", "+3", "Lu", "op2"],  # the same operation sent twice
    ["19/6/2025 11:20:00", "Sala 1", "delta", "-1", "Mar", "op3"],
]


def room(snap, hhmm, name="Sala 1"):
    return next(o for o in metrics.ocupacion_salas(snap, at(hhmm)) if o.sala == name)


def test_scan_based_occupancy_counts_latest_entry_at_the_room():
    s = snapshot(Inscripciones=PEOPLE, Salas=SALAS, Agenda=AGENDA, Acreditaciones=ACRED, Conteos=CONTEOS)
    o = room(s, "9:45")
    assert (o.ocupacion, o.fuente, o.actividad, o.nivel) == (8, "acreditaciones", "Diseño urbano", "llenandose")
    assert o.proxima.actividad == "Crimen organizado"


def test_tallies_inside_the_session_window_win_and_an_operation_counts_once():
    s = snapshot(Inscripciones=PEOPLE, Salas=SALAS, Agenda=AGENDA, Acreditaciones=ACRED, Conteos=CONTEOS)
    o = room(s, "11:30")
    assert (o.ocupacion, o.fuente, o.nivel) == (10, "conteo", "lleno")
    assert room(s, "11:12").ocupacion == 11 and room(s, "11:12").nivel == "excedido"
    assert any(p.kind == "operacion_repetida" and p.row == 4 for p in s.problems)


def test_room_with_unreadable_capacity_is_shown_without_percentage():
    s = snapshot(Inscripciones=PEOPLE, Salas=SALAS, Agenda=AGENDA)
    o = room(s, "9:30", "Plenario")
    assert (o.capacidad, o.porcentaje, o.nivel) == (0, None, "sin_dato")
    assert any(p.kind == "capacidad_invalida" and p.value == "sesenta" for p in s.problems)


def test_levels():
    assert [metrics.nivel_ocupacion(p) for p in (0, 69.99, 70, 89.99, 90, 100, 100.01)] == [
        "normal",
        "normal",
        "llenandose",
        "llenandose",
        "lleno",
        "lleno",
        "excedido",
    ]


def test_ciudades_override_reads_decimal_degrees():
    from tests.workbooks import snapshot as snap_of

    s = snap_of(
        Inscripciones=PEOPLE,
        Ciudades=[
            ["Ciudad", "País", "Latitud", "Longitud"],
            ["Godoy Cruz", "AR", "-32.925", "-68,845"],
            ["Xx", "AR", "-132.9", "0"],
        ],
    )
    assert [(c.ciudad, c.pais, c.lat, c.lon) for c in s.ciudades] == [("Godoy Cruz", "AR", -32.925, -68.845)]
    assert any(p.kind == "coordenada_invalida" and p.row == 3 for p in s.problems)


# --- Issue 12 item 4: where a room's count starts, and "sin dato" -------------------------------

ROOMS = [["Sala", "Capacidad"], ["Sala 1", "10"], ["Sala 2", "10"], ["Sala 3", "10"]]
DAY = [
    ["Inicio", "Fin", "Sala", "Actividad"],
    ["09:00", "09:30", "Sala 1", "Primera"],
    ["10:00", "11:00", "Sala 1", "Segunda"],
    ["10:00", "11:00", "Sala 2", "Única"],
    ["10:00", "11:00", "Sala 3", "Vacía"],
]


def scans(*rows):
    return [
        ["Marca temporal", "Dirección de correo electrónico", "Punto", "Movimiento"],
        *[[f"19/6/2025 {hhmm}:00", f"p{i}@x.org", punto, mov] for hhmm, i, punto, mov in rows],
    ]


def test_people_who_entered_twenty_minutes_early_are_in_the_room():
    # Sala 2 has no earlier session: its count starts at the start of the day.
    s = snapshot(
        Inscripciones=PEOPLE,
        Salas=ROOMS,
        Agenda=DAY,
        Acreditaciones=scans(
            ("9:40", 1, "Sala 2", "entrada"), ("9:41", 2, "Sala 2", "entrada"), ("10:05", 3, "Sala 2", "entrada")
        ),
    )
    o = room(s, "10:15", "Sala 2")
    assert (o.ocupacion, o.fuente, o.actividad) == (3, "acreditaciones", "Única")


def test_count_starts_at_the_end_of_the_rooms_previous_session():
    # p1 sat in the 9:00 session and never scanned out; p2 came in after it ended, before the next one.
    s = snapshot(
        Inscripciones=PEOPLE,
        Salas=ROOMS,
        Agenda=DAY,
        Acreditaciones=scans(
            ("9:05", 1, "Sala 1", "entrada"), ("9:35", 2, "Sala 1", "entrada"), ("10:02", 3, "Sala 1", "entrada")
        ),
    )
    assert room(s, "10:15").ocupacion == 2
    assert room(s, "9:20").ocupacion == 1


def test_a_headcount_taken_just_before_the_session_counts():
    s = snapshot(
        Inscripciones=PEOPLE,
        Salas=ROOMS,
        Agenda=DAY,
        Conteos=[
            ["Marca temporal", "Sala", "Tipo", "Valor"],
            ["19/6/2025 9:40:00", "Sala 2", "conteo", "7"],
            ["19/6/2025 10:10:00", "Sala 2", "delta", "+1"],
        ],
    )
    o = room(s, "10:15", "Sala 2")
    assert (o.ocupacion, o.fuente) == (8, "conteo")


def test_a_room_without_any_source_is_sin_dato_not_zero():
    s = snapshot(Inscripciones=PEOPLE, Salas=ROOMS, Agenda=DAY, Acreditaciones=scans(("10:05", 3, "Sala 2", "entrada")))
    o = room(s, "10:15", "Sala 3")
    assert (o.ocupacion, o.fuente, o.porcentaje, o.nivel) == (None, "sin_dato", None, "sin_dato")
    # scans at the room's point before its window are no source for the running session either
    o1 = room(
        snapshot(Inscripciones=PEOPLE, Salas=ROOMS, Agenda=DAY, Acreditaciones=scans(("9:05", 1, "Sala 1", "entrada"))),
        "10:15",
    )
    assert o1.ocupacion is None
    # without an Acreditaciones tab at all
    assert room(snapshot(Inscripciones=PEOPLE, Salas=ROOMS, Agenda=DAY), "10:15", "Sala 2").ocupacion is None


def test_a_room_everyone_left_is_zero_with_its_source():
    s = snapshot(
        Inscripciones=PEOPLE,
        Salas=ROOMS,
        Agenda=DAY,
        Acreditaciones=scans(("10:01", 1, "Sala 2", "entrada"), ("10:10", 1, "Sala 2", "salida")),
    )
    o = room(s, "10:15", "Sala 2")
    assert (o.ocupacion, o.fuente, o.nivel) == (0, "acreditaciones", "normal")


def test_resumen_json_says_null_for_sin_dato():
    s = snapshot(Inscripciones=PEOPLE, Salas=ROOMS, Agenda=DAY)
    salas = {r["sala"]: r for r in metrics.resumen_json(s, at("10:15"))["salas"]}
    assert (salas["Sala 3"]["ocupacion"], salas["Sala 3"]["fuente"], salas["Sala 3"]["nivel"]) == (
        None,
        "sin_dato",
        "sin_dato",
    )
