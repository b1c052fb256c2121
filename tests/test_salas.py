"""Room occupancy: tallies inside the session window win over scans; levels by percentage."""

from foro_data import metrics
from tests.workbooks import INSCRIPCIONES_HEADERS as H
from tests.workbooks import at, person, snapshot

SALAS = [["Sala", "Capacidad"], ["Sala 1", "10"], ["Plenario", "sesenta"]]
AGENDA = [["Inicio", "Fin", "Sala", "Actividad", "Eje", "Tipo"],
          ["09:00", "10:00", "Sala 1", "Diseño urbano", "Diseño urbano", "intercambio"],
          ["19/6/2025 11:00:00", "19/6/2025 12:00:00", "Sala 1", "Crimen organizado", "", "intercambio"]]
ACRED = [["Marca temporal", "Dirección de correo electrónico", "Punto", "Movimiento"]]
PEOPLE = [H] + [person(f"N{i}", f"A{i}", f"p{i}@x.org") for i in range(12)]
for i in range(9):
    ACRED.append([f"19/6/2025 9:0{i}:00", f"p{i}@x.org", "Sala 1", "entrada"])
ACRED.append(["19/6/2025 9:30:00", "p0@x.org", "sala 1", "salida"])
CONTEOS = [["Marca temporal", "Sala", "Tipo", "Valor", "Registrado por", "ID de operación"],
           ["19/6/2025 11:05:00", "Sala 1", "conteo", "8", "Lu", "op1"],
           ["19/6/2025 11:10:00", "Sala 1", "delta", "+3", "Lu", "op2"],
           ["19/6/2025 11:10:00", "Sala 1", "delta", "+3", "Lu", "op2"],  # the same operation sent twice
           ["19/6/2025 11:20:00", "Sala 1", "delta", "-1", "Mar", "op3"]]


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
        "normal", "normal", "llenandose", "llenandose", "lleno", "lleno", "excedido"]


def test_ciudades_override_reads_decimal_degrees():
    from tests.workbooks import snapshot as snap_of

    s = snap_of(Inscripciones=PEOPLE, Ciudades=[["Ciudad", "País", "Latitud", "Longitud"], ["Godoy Cruz", "AR", "-32.925", "-68,845"],
                                                 ["Xx", "AR", "-132.9", "0"]])
    assert [(c.ciudad, c.pais, c.lat, c.lon) for c in s.ciudades] == [("Godoy Cruz", "AR", -32.925, -68.845)]
    assert any(p.kind == "coordenada_invalida" and p.row == 3 for p in s.problems)
