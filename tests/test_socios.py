"""Partner tables: the role breakdown with the raw «otro» values (suppression: test_supresion)."""

from foro_data import metrics
from tests.workbooks import INSCRIPCIONES_HEADERS as H
from tests.workbooks import at, person, snapshot

PEOPLE = (
    [H]
    + [
        person(f"N{i}", f"A{i}", f"m{i}@x.org", ciudad="Montevideo", pais="UY", cargo="Intendente", genero="Masculino")
        for i in range(4)
    ]
    + [
        person("Lía", "Ro", "l@x.org", ciudad="Asunción", pais="Paraguay", cargo="Intendenta", genero="Femenino"),
        person("Leo", "Ro", "leo@x.org", ciudad="asuncion", pais="PY", cargo="Asesor ad honorem"),
    ]
)


def test_roles_and_otro_values_are_visible():
    s = snapshot(Inscripciones=PEOPLE)
    roles = {r.clave: r.inscriptos for r in metrics.desglose(s, at("12:00"), "rol")}
    assert roles["intendencia"] == 5 and roles["otro"] == 1 and roles["prensa"] == 0
    assert metrics.roles_otro(s) == [("Asesor ad honorem", 1)]
    assert {r.clave for r in metrics.desglose(s, at("12:00"), "pais")} == {"UY", "PY"}
