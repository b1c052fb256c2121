"""Item 7 of issue 18 (Low findings), at the layer that owns each rule: absurd tallies refused,
bidi controls dropped from Sheet text, full-width formula signs neutralised in exports."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from foro_data import export, parse
from foro_data.writes import InvalidOperation, TallyOp

NOW = datetime(2026, 6, 19, 10, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("tipo,valor", [("delta", 99999999999999999999), ("delta", -(10**7)), ("conteo", 10**12)])
def test_absurd_tallies_are_refused(tipo: str, valor: int) -> None:
    with pytest.raises(InvalidOperation) as e:
        TallyOp.new("Plenario", tipo, valor, "CLI", NOW)
    assert "100" in e.value.reason_in("es")


def test_a_large_real_tally_still_passes() -> None:
    assert TallyOp.new("Plenario", "conteo", 1500, "Ana", NOW).valor == 1500


@pytest.mark.parametrize("name", ["Sala6 abc\u202eexe.txt", "\u2067Sala6 abc\u2069exe.txt", "Sala6\u200f abcexe.txt"])
def test_bidi_controls_are_dropped_from_sheet_text(name: str) -> None:
    assert parse.text(name).replace(" ", "") == "Sala6abcexe.txt"


@pytest.mark.parametrize("cell", ["\uff1d1+1", "\uff0bSUM(A1)", "\uff20cargo", "\uff0d3"])
def test_full_width_formula_signs_are_neutralised_in_exports(cell: str) -> None:
    tabla = export.Tabla("Personas", ("Nombre",), ((cell,),))
    assert ("'" + cell).encode("utf-8") in export.to_csv(tabla)


def test_an_absurd_tally_typed_into_the_sheet_is_a_problem() -> None:
    from tests.sheets_fixtures import forum_tabs
    from tests.workbooks import snapshot

    tabs = forum_tabs(6)
    tabs["Conteos"] = [
        ["Marca temporal", "Sala", "Tipo", "Valor"],
        [datetime(2025, 6, 19, 10, 0), "Plenario", "delta", 99999999999999999999],
        [datetime(2025, 6, 19, 10, 1), "Plenario", "delta", 3],
    ]
    snap = snapshot(**tabs)
    assert [c.valor for c in snap.conteos] == [3]
    bad = [p for p in snap.problems if p.tab == "Conteos" and p.column == "valor"]
    assert bad and "100" in bad[0].reason, snap.problems


def test_a_tally_for_an_unknown_room_is_a_problem_on_calidad() -> None:
    """Issue 18 (Low): a tally whose room is in neither Salas nor Agenda was kept and never shown
    anywhere. It is a Problem with tab, row, column and value, its reason from the catalogue in
    the viewer's language; the rooms that exist keep their tallies (spelling folded as Salas does)."""
    from tests.sheets_fixtures import forum_tabs
    from tests.workbooks import snapshot

    tabs = forum_tabs(6)
    tabs["Conteos"] = [
        ["Marca temporal", "Sala", "Tipo", "Valor"],
        [datetime(2025, 6, 19, 10, 0), "Sala 9", "conteo", 40],
        [datetime(2025, 6, 19, 10, 1), "plenario", "conteo", 30],
    ]
    snap = snapshot(**tabs)
    assert [(c.sala, c.valor) for c in snap.conteos] == [("plenario", 30)]
    bad = [p for p in snap.problems if p.tab == "Conteos" and p.value == "Sala 9"]
    assert len(bad) == 1, snap.problems
    p = bad[0]
    assert (p.row, p.column) == (2, "sala")
    assert "Sala 9" in p.reason and "Salas" in p.reason
    assert "room" in p.reason_in("en") and "Sala 9" in p.reason_in("en")
    assert "sala" in p.reason_in("pt") and p.reason_in("pt") != p.reason
