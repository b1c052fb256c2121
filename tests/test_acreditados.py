"""Acreditados, presentes, walk-ins and the arrival curve at any as-of time."""

from foro_data import metrics
from tests.workbooks import INSCRIPCIONES_HEADERS as H
from tests.workbooks import at, kinds, person, snapshot

A = ["Marca temporal", "Dirección de correo electrónico", "DNI", "Punto", "Movimiento"]
PEOPLE = [
    H,
    person("Ana", "Paz", "ana@x.org", "1111111", cargo="Intendenta"),
    person("Beto", "Sosa", "beto@x.org", "2222222"),
    person("Carla", "Ríos", "carla@x.org"),
]


def scans(*rows):
    return [A, *rows]


def test_repeated_scan_counts_once():
    s = snapshot(
        Inscripciones=PEOPLE,
        Acreditaciones=scans(
            ["19/6/2025 8:30:00", "ana@x.org", "", "Acreditación", ""],
            ["19/6/2025 8:30:20", "ANA@x.org", "", "Acreditación", "entrada"],
        ),
    )
    c = metrics.cifras(s, at("9:00"))
    assert (c.acreditados, c.presentes, c.intendencias_acreditadas) == (1, 1, 1)


def test_as_of_time_is_respected():
    s = snapshot(
        Inscripciones=PEOPLE,
        Acreditaciones=scans(
            ["19/6/2025 8:30:00", "ana@x.org", "", "", ""], ["19/6/2025 10:30:00", "", "2.222.222", "", ""]
        ),
    )
    assert metrics.cifras(s, at("8:29")).acreditados == 0
    assert metrics.cifras(s, at("8:30")).acreditados == 1
    assert metrics.cifras(s, at("11:00")).acreditados == 2


def test_exit_then_reentry():
    s = snapshot(
        Inscripciones=PEOPLE,
        Acreditaciones=scans(
            ["19/6/2025 8:30:00", "ana@x.org", "", "", ""],
            ["19/6/2025 12:00:00", "ana@x.org", "", "", "salida"],
            ["19/6/2025 14:00:00", "ana@x.org", "", "", "Entrada"],
        ),
    )
    assert (metrics.cifras(s, at("13:00")).acreditados, metrics.cifras(s, at("13:00")).presentes) == (1, 0)
    assert metrics.cifras(s, at("15:00")).presentes == 1


def test_scan_with_no_registration_is_a_walkin_and_a_problem():
    s = snapshot(
        Inscripciones=PEOPLE,
        Acreditaciones=scans(
            ["19/6/2025 9:00:00", "nadie@x.org", "", "", ""], ["19/6/2025 9:05:00", "nadie@x.org", "", "", ""]
        ),
    )
    c = metrics.cifras(s, at("10:00"))
    assert (c.acreditados, c.sin_inscripcion) == (0, 1)
    assert kinds(s).count("sin_inscripcion") == 1


def test_unparseable_scan_time_is_reported_and_not_counted():
    s = snapshot(Inscripciones=PEOPLE, Acreditaciones=scans(["ayer a la tarde", "ana@x.org", "", "", ""]))
    assert metrics.cifras(s, at("20:00")).acreditados == 0
    p = next(p for p in s.problems if p.kind == "fecha_invalida")
    assert (p.tab, p.row, p.column, p.value) == ("Acreditaciones", 2, "marca_temporal", "ayer a la tarde")


def test_arrival_curve_per_quarter_hour():
    s = snapshot(
        Inscripciones=PEOPLE,
        Acreditaciones=scans(
            ["19/6/2025 8:01:00", "ana@x.org", "", "", ""],
            ["19/6/2025 8:14:59", "beto@x.org", "", "", ""],
            ["19/6/2025 8:15:00", "carla@x.org", "", "", ""],
        ),
    )
    curve = metrics.curva_llegadas(s, at("8:40"))
    assert [(f.inicio.strftime("%H:%M"), f.llegadas, f.acumulado) for f in curve] == [
        ("08:00", 2, 2),
        ("08:15", 1, 3),
        ("08:30", 0, 3),
    ]


def test_undo_writes_a_compensating_row_that_cancels_the_operation():
    head = ["Marca temporal", "Dirección de correo electrónico", "Punto", "Movimiento", "ID de operación"]
    s = snapshot(
        Inscripciones=PEOPLE,
        Acreditaciones=[
            head,
            ["19/6/2025 9:00:00", "ana@x.org", "Mesa 1", "entrada", "op-1"],
            ["19/6/2025 9:00:40", "ana@x.org", "Mesa 1", "anulación", "anula:op-1"],
            ["19/6/2025 9:01:00", "beto@x.org", "Mesa 1", "entrada", "op-2"],
            ["19/6/2025 9:01:00", "beto@x.org", "Mesa 1", "entrada", "op-2"],
            ["19/6/2025 9:02:00", "beto@x.org", "Mesa 1", "anulación", "op-9"],
        ],
    )
    c = metrics.cifras(s, at("10:00"))
    assert (c.acreditados, c.presentes) == (1, 1)
    assert {"operacion_repetida", "anulacion_invalida"} <= set(kinds(s))
