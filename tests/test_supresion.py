"""Complementary suppression: no hidden cell of a partner table can be recomputed from the shown
cells and the column totals (checked by brute force over every table a reader could imagine)."""

from __future__ import annotations

from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from foro_data import metrics
from foro_data.metrics import MENOS_DE_UMBRAL, OCULTO

Row = tuple[int, int]  # (inscriptos, acreditados), acreditados <= inscriptos


def _choices(cell, cap: int) -> range:
    if cell == MENOS_DE_UMBRAL:
        return range(1, 3)
    if cell == OCULTO:
        return range(3, cap + 1)
    return range(cell, cell + 1)


def feasible_values(ci, ca, tot_i: int, tot_a: int) -> dict[tuple[int, int], set[int]]:
    """Every (column, row) hidden cell -> the values it can take in some table consistent with
    what is shown: the marks, both column totals and acreditados <= inscriptos in each row."""
    n = len(ci)
    cap = max(tot_i, 3)
    out: dict[tuple[int, int], set[int]] = {}
    for ins in product(*(_choices(c, cap) for c in ci)):
        if sum(ins) != tot_i:
            continue
        for acr in product(*(_choices(c, cap) for c in ca)):
            if sum(acr) != tot_a or any(a > i for a, i in zip(acr, ins)):
                continue
            for r in range(n):
                if not isinstance(ci[r], int):
                    out.setdefault((0, r), set()).add(ins[r])
                if not isinstance(ca[r], int):
                    out.setdefault((1, r), set()).add(acr[r])
    return out


rows = st.lists(st.integers(0, 9).flatmap(lambda i: st.tuples(st.just(i), st.integers(0, i))), min_size=1, max_size=4)


@settings(max_examples=400, deadline=None)
@given(rows)
def test_no_hidden_cell_can_be_recomputed(table: list[Row]):
    ins, acr = [i for i, _ in table], [a for _, a in table]
    ci, ca = metrics._proteger_filas(ins, acr)
    # Primary suppression: exactly the counts of 1 and 2 show as "<3".
    assert [c == MENOS_DE_UMBRAL for c in ci] == [0 < v < 3 for v in ins]
    assert [c == MENOS_DE_UMBRAL for c in ca] == [0 < v < 3 for v in acr]
    # Shown cells are the true counts; "x" only hides counts of 3 or more.
    for cells, values in ((ci, ins), (ca, acr)):
        for c, v in zip(cells, values):
            assert c == v or (c == MENOS_DE_UMBRAL and v < 3) or (c == OCULTO and v >= 3)
    feasible = feasible_values(ci, ca, sum(ins), sum(acr))
    exhausted_i = all(not isinstance(c, int) for c, v in zip(ci, ins) if v >= 3)
    exhausted_a = all(not isinstance(c, int) for c, v in zip(ca, acr) if v >= 3)
    for (col, r), values in feasible.items():
        if len(values) < 2:
            # Only when nothing is left to hide in that column (the headline itself then says it:
            # a single row, or every count below 3).
            assert exhausted_i if col == 0 else exhausted_a, (table, ci, ca, (col, r), values)


def test_one_small_cell_gets_a_complement():
    ci, ca = metrics._proteger_filas([10, 5, 2], [8, 4, 2])
    assert ci == [10, OCULTO, MENOS_DE_UMBRAL] and ca == [8, OCULTO, MENOS_DE_UMBRAL]


def test_the_brute_force_sees_a_leak():
    """Primary suppression alone leaks through the total; the checker must say so."""
    leaks = feasible_values([10, 5, MENOS_DE_UMBRAL], [8, 4, MENOS_DE_UMBRAL], 17, 14)
    assert leaks[(0, 2)] == {2}


def test_a_leak_seen_first_in_an_exhausted_column_still_hides_in_the_other():
    """Found by the property test: acreditados (all under 3) leak first, and inscriptos' 1 in the
    last row follows from the total unless the shown 3 is hidden too."""
    ci, ca = metrics._proteger_filas([1, 2, 3, 1], [1, 2, 2, 0])
    assert ci == [MENOS_DE_UMBRAL, MENOS_DE_UMBRAL, OCULTO, MENOS_DE_UMBRAL]
    assert len(feasible_values(ci, ca, 7, 5)[(0, 3)]) == 2 or all(not isinstance(c, int) for c in ci)


# --- On real tables -------------------------------------------------------------------------------

from tests.workbooks import INSCRIPCIONES_HEADERS as H  # noqa: E402
from tests.workbooks import at, person, snapshot  # noqa: E402


def _people(spec: list[tuple[str, str, int]]) -> list[list[str]]:
    rows, n = [H], 0
    for ciudad, pais, k in spec:
        for _ in range(k):
            rows.append(person(f"N{n}", f"A{n}", f"p{n}@x.org", ciudad=ciudad, pais=pais))
            n += 1
    return rows


def test_cities_of_a_hidden_country_are_one_row():
    """Two cities of one person each under a "<3" country would say "each has 1": pooled instead."""
    s = snapshot(
        Inscripciones=_people([("Mendoza", "Argentina", 9), ("Montevideo", "Uruguay", 1), ("Salto", "Uruguay", 1)])
    )
    paises = {f.clave: f.inscriptos for f in metrics.cuadro_socios(s, at("12:00"), "pais").filas}
    assert paises["UY"] in (MENOS_DE_UMBRAL, OCULTO)
    uy = [f for f in metrics.cuadro_ciudades(s, at("12:00")).filas if f.pais == "UY"]
    assert len(uy) == 1 and uy[0].agrupada and uy[0].clave == metrics.OTRAS


def test_cities_are_protected_against_their_country():
    """Argentina 12 is public; Mendoza 10 shown and Rosario "<3" would give Rosario = 2."""
    s = snapshot(
        Inscripciones=_people(
            [
                ("Mendoza", "Argentina", 10),
                ("Rosario", "Argentina", 2),
                ("Montevideo", "Uruguay", 5),
                ("Salto", "Uruguay", 4),
            ]
        )
    )
    ar = {f.clave: f.inscriptos for f in metrics.cuadro_ciudades(s, at("12:00")).filas if f.pais == "AR"}
    assert ar == {"Mendoza": OCULTO, "Rosario": MENOS_DE_UMBRAL}


def test_no_count_below_three_is_printed_in_any_partner_table():
    from foro_data.build import build_snapshot
    from foro_data.demo import demo_workbook
    from foro_data.snapshot import Fuente

    snap = build_snapshot(demo_workbook(), Fuente("demo", "demo", at("23:00")))
    for hhmm in ("09:00", "11:00", "20:00"):
        for campo in metrics.CUADROS:
            for f in metrics.cuadro_socios(snap, at(hhmm), campo).filas:
                for v in (f.inscriptos, f.acreditados):
                    assert not (isinstance(v, int) and 0 < v < 3), (campo, f)
