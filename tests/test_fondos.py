"""Funding per currency: never summed across currencies; the queue puts mayors first."""

import pytest

from foro_data import metrics
from tests.workbooks import INSCRIPCIONES_HEADERS as H
from tests.workbooks import at, kinds, person, snapshot

PEOPLE = [
    H,
    person("Ana", "Paz", "ana@x.org", cargo="Intendenta"),
    person("Beto", "Sosa", "beto@x.org", cargo="Concejal"),
    person("Caro", "Gil", "caro@x.org", cargo="Alcaldesa"),
]
AP = [
    "Dirección de correo electrónico",
    "Marca temporal",
    "Tipo",
    "Monto solicitado",
    "Monto aprobado",
    "Monto pagado",
    "Moneda",
    "Estado",
]
APOYOS = [
    AP,
    ["beto@x.org", "1/5/2025 10:00:00", "pasaje", "$ 150.000", "", "", "ARS", "solicitado"],
    ["caro@x.org", "2/5/2025 10:00:00", "pasaje", "USD 1,200.00", "", "", "", "en evaluación"],
    ["ana@x.org", "3/5/2025 10:00:00", "alojamiento", "1.234.567,50", "1.000.000", "", "ARS", "pagado"],
    ["ana@x.org", "3/5/2025 11:00:00", "viático", "300", "300", "", "USD", "Aprobado"],
    ["beto@x.org", "4/5/2025 10:00:00", "pasaje", "mucho", "", "", "ARS", "solicitado"],
    ["beto@x.org", "4/5/2025 10:00:00", "pasaje", "10", "", "", "XYZ", "solicitado"],
    ["beto@x.org", "4/5/2025 10:00:00", "pasaje", "10", "", "", "ARS", "pendiente de firma"],
    ["nadie@x.org", "5/5/2025 10:00:00", "pasaje", "20.000", "20.000", "20.000", "ARS", "confirmado"],
]
PRESUP = [
    ["Moneda", "Tipo", "Monto"],
    ["ARS", "pasajes", "1.000.000"],
    ["ARS", "alojamiento", "$ 50.000"],
    ["USD", "", "1000"],
]


@pytest.fixture(scope="module")
def snap():
    return snapshot(
        Inscripciones=PEOPLE,
        Apoyos=APOYOS,
        Presupuesto=PRESUP,
        Acreditaciones=[["Marca temporal", "Dirección de correo electrónico"], ["19/6/2025 9:00:00", "ana@x.org"]],
    )


def test_two_currencies_are_never_summed(snap):
    f = {x.moneda: x for x in metrics.fondos(snap)}
    assert set(f) == {"ARS", "USD"}
    ars, usd = f["ARS"], f["USD"]
    assert (ars.presupuesto, ars.comprometido, ars.pagado, ars.pendiente) == (1_050_000, 1_020_000, 1_020_000, 150_000)
    assert ars.disponible == 30_000
    # a request in pagado with monto_pagado blank counts its monto_aprobado as paid
    assert (usd.presupuesto, usd.comprometido, usd.pagado, usd.pendiente, usd.disponible) == (1000, 300, 0, 1200, 700)


def test_bad_rows_are_reported_not_summed(snap):
    k = kinds(snap)
    assert {"monto_invalido", "moneda_desconocida", "estado_desconocido", "apoyo_sin_inscripcion"} <= set(k)


def test_queue_puts_mayors_first(snap):
    q = metrics.cola_apoyos(snap)
    assert [s.persona.apellido for s in q] == ["Gil", "Sosa"]


def test_funded_accredited_vs_not_arrived(snap):
    llegaron, faltan = metrics.seguimiento_apoyos(snap, at("10:00"))
    assert [s.persona.apellido for s in llegaron] == ["Paz", "Paz"]
    assert [s.persona for s in faltan] == [None]
    llegaron, faltan = metrics.seguimiento_apoyos(snap, at("8:00"))
    assert len(llegaron) == 0 and len(faltan) == 3
