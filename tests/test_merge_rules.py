"""Issue 12: how registration rows merge into people (items 1, 3 and the sin_contacto detail of 6)."""

from foro_data import metrics
from tests.workbooks import INSCRIPCIONES_HEADERS as H
from tests.workbooks import at, kinds, person, snapshot


def problems_of(snap, kind):
    return [p for p in snap.problems if p.kind == kind]


# --- 1. a merged person keeps a role they gave ----------------------------------------------------


def test_a_later_row_with_blank_cargo_keeps_the_mayor():
    s = snapshot(
        Inscripciones=[
            H,
            person("Ana", "Paz", "ana@muni.gob.ar", cargo="Intendenta", ts="1/5/2025 9:00:00"),
            person("Ana", "Paz", "ANA@muni.gob.ar", ts="2/5/2025 9:00:00"),
        ]
    )
    assert len(s.personas) == 1
    p = s.personas[0]
    assert (p.rol, p.cargo, p.rol_raw) == ("intendencia", "Intendenta", "Intendenta")
    assert metrics.cifras(s, at("12:00")).intendencias_inscriptas == 1


def test_a_later_row_with_blank_rol_keeps_the_rol_column_and_mayor_priority():
    apoyos = [
        ["Dirección de correo electrónico", "Monto solicitado", "Moneda", "Estado", "Marca temporal"],
        ["otro@x.org", "100", "ARS", "solicitado", "1/5/2025 8:00:00"],
        ["ana@muni.gob.ar", "100", "ARS", "solicitado", "2/5/2025 8:00:00"],
    ]
    s = snapshot(
        Inscripciones=[
            H,
            person("Ana", "Paz", "ana@muni.gob.ar", rol="Intendencia", ts="1/5/2025 9:00:00"),
            person("Otro", "Uno", "otro@x.org", cargo="Periodista"),
            person("Ana", "Paz", "ana@muni.gob.ar", ts="3/5/2025 9:00:00"),
        ],
        Apoyos=apoyos,
    )
    ana = next(p for p in s.personas if p.nombre == "Ana")
    assert ana.rol == "intendencia"
    assert [q.apoyo.row for q in metrics.cola_apoyos(s)] == [3, 2]  # the mayor first


def test_a_later_role_given_wins_over_an_earlier_one():
    s = snapshot(
        Inscripciones=[
            H,
            person("Ana", "Paz", "ana@x.org", cargo="Concejal", ts="1/5/2025 9:00:00"),
            person("Ana", "Paz", "ana@x.org", cargo="Intendenta", ts="2/5/2025 9:00:00"),
        ]
    )
    assert s.personas[0].rol == "intendencia"


def test_a_later_row_with_blank_gender_keeps_the_gender():
    s = snapshot(
        Inscripciones=[
            H,
            person("Ana", "Paz", "ana@x.org", genero="Femenino", ts="1/5/2025 9:00:00"),
            person("Ana", "Paz", "ana@x.org", ts="2/5/2025 9:00:00"),
        ]
    )
    assert s.personas[0].genero == "femenino"


# --- 3. name + surname + city merges only when nothing contradicts it ----------------------------


def test_same_name_and_city_with_two_emails_are_two_people():
    s = snapshot(
        Inscripciones=[
            H,
            person("José", "Núñez", "jose@muni.gob.ar", ciudad="San Rafael"),
            person("Jose", "Nuñez", "jnunez@gmail.com", ciudad="San Rafael"),
        ]
    )
    assert len(s.personas) == 2
    assert "duplicado" not in kinds(s)
    (p,) = problems_of(s, "posible_duplicado")
    assert (p.tab, p.row, p.column) == ("Inscripciones", 3, "email")
    assert "jose@muni.gob.ar" in p.value and "jnunez@gmail.com" in p.value
    assert "filas 2 y 3" in p.reason and "dos personas" in p.reason


def test_same_name_and_city_with_two_documents_are_two_people():
    s = snapshot(Inscripciones=[H, person("Ana", "Paz", dni="20.111.222"), person("Ana", "Paz", dni="27 333 444")])
    assert len(s.personas) == 2
    (p,) = problems_of(s, "posible_duplicado")
    assert p.column == "documento" and "20.111.222" in p.value and "27 333 444" in p.value


def test_a_row_without_email_joins_the_first_name_match_and_the_contradicting_one_stays_apart():
    s = snapshot(
        Inscripciones=[H, person("Ana", "Paz", "a1@x.org"), person("Ana", "Paz"), person("Ana", "Paz", "a2@x.org")]
    )
    assert sorted(p.rows for p in s.personas) == [(2, 3), (4,)]
    assert [p.row for p in problems_of(s, "posible_duplicado")] == [4]


def test_same_name_and_city_without_contradiction_still_merges():
    s = snapshot(Inscripciones=[H, person("Ana", "Paz", "a1@x.org"), person("Ana", "Paz", dni="20111222")])
    assert len(s.personas) == 1 and "posible_duplicado" not in kinds(s)


def test_misma_persona_column_merges_what_the_organisers_decided():
    headers = H + ["Misma persona"]
    s = snapshot(
        Inscripciones=[
            headers,
            person("Ana", "Paz", "a1@x.org") + ["ana"],
            person("Ana", "Paz", "a2@x.org") + ["ANA "],
            person("Eva", "Ruiz", "e@x.org") + [""],
        ]
    )
    assert len(s.personas) == 2
    ana = next(p for p in s.personas if p.nombre == "Ana")
    assert ana.emails == {"a1@x.org", "a2@x.org"} and ana.rows == (2, 3)
    assert "posible_duplicado" not in kinds(s)
    assert "misma_persona" in next(p.reason for p in s.problems if p.kind == "duplicado")


# --- 6. no sin_contacto on a row whose merged person has an e-mail ------------------------------


def test_no_sin_contacto_when_the_merged_person_has_an_email():
    s = snapshot(Inscripciones=[H, person("Ana", "Paz", "ana@x.org"), person("Ana", "Paz")])
    assert len(s.personas) == 1
    assert "sin_contacto" not in kinds(s)


def test_sin_contacto_once_for_a_person_without_email_nor_document():
    s = snapshot(Inscripciones=[H, person("Ana", "Paz"), person("ana", "PAZ")])
    assert [(p.row, p.column) for p in problems_of(s, "sin_contacto")] == [(2, "email")]
