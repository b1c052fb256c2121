"""Role categories of real cargo strings (es/pt/en), expected categories written by hand from
DESIGN.md before the rules were tuned: tests/data/cargos.tsv."""

from pathlib import Path

import pytest

from foro_data.clean import derive_role

TABLE = Path(__file__).parent / "data" / "cargos.tsv"


def _rows() -> list[tuple[str, str]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cargo, expected = line.split("\t")
            rows.append((cargo, expected))
    return rows


ROWS = _rows()


def test_the_table_is_big_enough_and_covers_every_category():
    from foro_data.schema import ROLES

    assert len(ROWS) >= 150
    assert {e for _, e in ROWS} == set(ROLES)


@pytest.mark.parametrize("cargo, expected", ROWS, ids=[c for c, _ in ROWS])
def test_cargo_role(cargo, expected):
    assert derive_role("", cargo) == expected


@pytest.mark.parametrize(
    "spelling",
    [
        "Viceintendente",
        "Vice Intendenta",
        "Vice-intendente",
        "Vice-prefeito",
        "Vice Prefeita",
        "Vicealcalde",
        "Vice alcaldesa",
        "VICEINTENDENTA",
    ],
)
def test_every_spelling_of_vice_mayor_is_one_category(spelling):
    assert derive_role("", spelling) == "gobierno_local"
