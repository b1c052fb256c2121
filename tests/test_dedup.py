"""Inscriptos: de-duplication by e-mail, document, and name+surname+city."""

from foro_data import metrics
from tests.workbooks import INSCRIPCIONES_HEADERS as H
from tests.workbooks import at, kinds, person, snapshot


def test_same_email_in_other_case_is_one_person():
    s = snapshot(
        Inscripciones=[
            H,
            person("Ana", "Pérez", "ana@x.org"),
            person("Ana María", "Pérez", "ANA@X.ORG ", ts="11/5/2025 9:00:00"),
        ]
    )
    assert metrics.cifras(s, at("12:00")).inscriptos == 1
    assert kinds(s).count("duplicado") == 1
    # the latest non-blank value wins field by field
    assert s.personas[0].nombre == "Ana María"
    assert s.personas[0].rows == (2, 3)


def test_same_document_with_dots_is_one_person():
    s = snapshot(
        Inscripciones=[H, person("Juan", "Gómez", "", "30.123.456"), person("Juan", "Gomez", "jg@x.org", "30123456")]
    )
    assert len(s.personas) == 1
    # every e-mail and document the person used still identifies them
    assert s.personas[0].emails == {"jg@x.org"} and s.personas[0].documentos == {"30123456"}


def test_same_name_surname_city_without_accents_is_one_person():
    s = snapshot(
        Inscripciones=[H, person("José", "Núñez", ciudad="San Rafael"), person("jose", "NUNEZ", ciudad="san rafael")]
    )
    assert len(s.personas) == 1
    assert "mismo nombre" in next(p.reason for p in s.problems if p.kind == "duplicado")


def test_same_name_in_other_city_is_two_people():
    s = snapshot(
        Inscripciones=[H, person("José", "Núñez", ciudad="San Rafael"), person("José", "Núñez", ciudad="Maipú")]
    )
    assert len(s.personas) == 2


def test_merge_is_transitive():
    s = snapshot(
        Inscripciones=[
            H,
            person("A", "B", "a@x.org", "111111"),
            person("A", "B", "", "111111", ciudad="X"),
            person("Z", "Z", "a@x.org"),
        ]
    )
    assert len(s.personas) == 1


def test_row_without_any_identification_is_a_problem_not_a_person():
    s = snapshot(Inscripciones=[H, person("", "", cargo="Intendente"), person("Eva", "Ruiz", "eva@x.org")])
    assert len(s.personas) == 1
    assert "sin_identificacion" in kinds(s)
