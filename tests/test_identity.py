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
