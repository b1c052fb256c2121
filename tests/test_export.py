"""Downloads: formula injection neutralised in CSV and XLSX."""

import csv
import io

import pytest
from openpyxl import load_workbook

from foro_data.export import Tabla, combined, neutralise, to_csv, to_xlsx

EVIL = ["=1+1", "+54 261 000", "-2", "@SUM(A1)", "\t=cmd", "\r=cmd", '=HYPERLINK("http://x","y")']


@pytest.mark.parametrize("value", EVIL)
def test_neutralise_prefixes_formula_starts(value):
    out = neutralise(value)
    assert out == "'" + value


@pytest.mark.parametrize("value", ["Mendoza", "", "<3", " =espacio primero", 5, -5, 2.5, None, True])
def test_neutralise_leaves_the_rest(value):
    assert neutralise(value) == value


def _tabla():
    return Tabla("Por país", ("clave", "n"), tuple((v, i) for i, v in enumerate(EVIL)))


def test_csv_cells_are_inert():
    text = to_csv(_tabla()).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["clave", "n"]
    for row in rows[1:]:
        assert row[0].startswith("'")


def test_xlsx_cells_are_text_not_formulas():
    wb = load_workbook(io.BytesIO(to_xlsx([_tabla(), Tabla("Por país", ("a",), (("=x",),))])))
    assert wb.sheetnames == ["Por país", "Por país (2)"]
    ws = wb["Por país"]
    values = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
    assert all(isinstance(v, str) and v.startswith("'") for v in values)
    assert all(ws.cell(row=r, column=1).data_type == "s" for r in range(2, ws.max_row + 1))
    assert ws.cell(row=2, column=2).value == 0  # numbers stay numbers


def test_combined_names_each_row_section():
    t = combined([Tabla("A", ("k", "n"), (("x", 1),)), Tabla("B", ("k", "n"), (("y", 2),))], "sección")
    assert t.encabezados == ("sección", "k", "n")
    assert t.filas == (("A", "x", 1), ("B", "y", 2))
