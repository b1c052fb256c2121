"""The desk's and Personas' search: every word must match, accents and case aside, with one typo
(one edit, or two neighbours swapped) allowed in words of five letters or more."""

from __future__ import annotations

import pytest

from foro_data import metrics
from foro_data.build import build_snapshot
from foro_data.snapshot import Fuente
from foro_data.sources.base import RawWorkbook
from tests.workbooks import READ_AT

HEADERS = ["Marca temporal", "Dirección de correo electrónico", "Nombre", "Apellido", "Ciudad", "País"]
ROWS = [
    ["18/06/2025 10:00", "mg@ejemplo.org", "María", "González", "Godoy Cruz", "Argentina"],
    ["18/06/2025 10:05", "pf@ejemplo.org", "Pedro", "Fernández", "Montevideo", "Uruguay"],
]


@pytest.fixture(scope="module")
def snap():
    return build_snapshot(RawWorkbook(tabs={"Inscripciones": [HEADERS, *ROWS]}), Fuente("archivo", "prueba", READ_AT))


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("gonzalez", ["González"]),  # accents and case aside
        ("maria gonzales", ["González"]),  # one substitution
        ("maria gonzalz", ["González"]),  # one deletion
        ("maria gonzaelz", ["González"]),  # two neighbours swapped
        ("maria gnozaelz", []),  # two typos: not the same word
        ("mg@ejemplo.org", ["González"]),  # an e-mail as typed
        ("pedro gonzalez", []),  # every word must match the same person
        ("fernandez montevideo", ["Fernández"]),
    ],
)
def test_search(snap, query: str, found: list[str]) -> None:
    assert [p.apellido for p in metrics.buscar_personas(snap, query)] == found
