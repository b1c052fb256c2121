"""Who a person is: one rule for clean, the writer's reconciliation and the desk."""

import pytest

from foro_data import identity
from tests.workbooks import INSCRIPCIONES_HEADERS, person, snapshot


@pytest.mark.parametrize(
    "column, typed, stored",
    [
        ("documento", "AB CD", "abcd"),  # clean and the writer once disagreed here ("ab cd")
        ("documento", "30.123.456", "30123456"),
        ("documento", "'0030123456", "0030123456"),  # the Sheet's literal-text apostrophe
        ("documento", 30123456.0, "30123456"),  # read unformatted as a number
        ("email", " Ana@Muni.gob.AR", "ana@muni.gob.ar"),
        ("id", "P-1A2B", "p 1a2b"),
    ],
)
def test_every_caller_normalises_alike(column, typed, stored):
    assert identity.normalise(column, typed) == identity.normalise(column, stored) == stored


def test_index_matches_what_clean_indexed():
    snap = snapshot(Inscripciones=[INSCRIPCIONES_HEADERS, person("Ana", "Paz", "ana@b.co", dni="AB CD")])
    ix = identity.Index.of(snap.personas)
    key, _ = ix.match("", "", "ab  cd")
    assert key == snap.personas[0].key
    assert identity.matches(snap.personas[0], documento="A.B C-D")


def test_a_passport_of_letters_only_is_accepted_at_the_desk_as_clean_accepts_it():
    """clean identifies a letters-only document (some passports); the desk's Acreditar, the CLI
    and the walk-in form once refused it ("must contain digits"), so such a person could not be
    accredited. One rule now: identity.is_document."""
    from datetime import datetime, timezone

    from foro_data.writes import AccreditOp, InvalidOperation, validate_walk_in
    from ui.desk import already_registered

    snap = snapshot(Inscripciones=[INSCRIPCIONES_HEADERS, person("Ana", "Paz", "", dni="AB CD")])
    ana = snap.personas[0]
    assert ana.documentos == frozenset({"abcd"})
    now = datetime(2025, 6, 19, 12, tzinfo=timezone.utc)
    op = AccreditOp.of_persona(ana, now)
    assert op.documento == "AB CD" and identity.matches(ana, documento=op.documento)
    assert AccreditOp.new(now, documento="ab-cd").documento == "ab-cd"

    walk_in = {"nombre": "Ana", "apellido": "Paz", "documento": "AB CD"}
    assert "documento" not in validate_walk_in(walk_in)
    assert already_registered(snap.personas, walk_in) == ("documento", ana)

    # What normalises to nothing, or only says there is no document, identifies nobody: refused.
    for nothing in ("-", " . ", "sin número", "N/A"):
        assert not identity.is_document(nothing)
        assert "documento" in validate_walk_in({**walk_in, "documento": nothing})
        with pytest.raises(InvalidOperation) as e:
            AccreditOp.new(now, documento=nothing)
        assert e.value.errores["documento"] == "El documento debe tener números o letras."


def test_two_people_who_typed_that_they_have_no_document_stay_two():
    snap = snapshot(
        Inscripciones=[
            INSCRIPCIONES_HEADERS,
            person("Ana", "Paz", "", dni="sin número", ciudad="Salta"),
            person("Luis", "Gil", "", dni="Sin numero", ciudad="Jujuy"),
        ]
    )
    assert len(snap.personas) == 2 and all(not p.documentos for p in snap.personas)
