"""Downloadable tables (CSV and XLSX) with spreadsheet formula injection neutralised."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Union

Value = Union[str, int, float, bool, None]

# A cell starting with one of these is read as a formula by Excel, LibreOffice or Sheets
# (OWASP "CSV injection"); tab and carriage return can hide one after a separator.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Tabla:
    """One table to download: a title (the XLSX sheet name), headers and rows."""

    titulo: str
    encabezados: tuple[str, ...]
    filas: tuple[tuple[Value, ...], ...]
    # Per column: "texto", "entero" or "porcentaje" (a fraction, 0.76 = 76 %); empty = as given.
    formatos: tuple[str, ...] = ()
    nota: str = ""  # one line under the table (report) / in the "Acerca de" sheet


def neutralise(value: Value) -> Value:
    """Make a cell inert: text that would start a formula gets a leading apostrophe.

    Numbers stay numbers (a negative amount is data, not a formula).

    >>> neutralise("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise("-5"), neutralise(-5), neutralise("Mendoza")
    ("'-5", -5, 'Mendoza')
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def to_csv(tabla: Tabla) -> bytes:
    """UTF-8 with BOM so Excel opens accents correctly; every cell neutralised."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([neutralise(h) for h in tabla.encabezados])
    for fila in tabla.filas:
        w.writerow(["" if v is None else neutralise(v) for v in fila])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _sheet_title(titulo: str, used: set[str]) -> str:
    # Excel: at most 31 characters, none of []:*?/\ , unique per workbook.
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in titulo).strip() or "Hoja"
    base = clean[:31]
    name, n = base, 2
    while name.casefold() in used:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(name.casefold())
    return name


def _no_control(text: str) -> str:
    """Control characters (a pasted soft line break is \\x0b) are not allowed in XLSX: openpyxl
    refuses the whole file. They become spaces.

    >>> _no_control("a\\x0bb")
    'a b'
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub(" ", text)


def _xlsx_text(value: Value) -> Value:
    return neutralise(_no_control(value) if isinstance(value, str) else value)


def to_xlsx(tablas: Sequence[Tabla]) -> bytes:
    """One sheet per table. Text cells are written as strings, never as formulas."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for tabla in tablas:
        ws = wb.create_sheet(_sheet_title(_no_control(tabla.titulo), used))
        ws.append([_xlsx_text(h) for h in tabla.encabezados])
        for fila in tabla.filas:
            ws.append([_xlsx_text(v) for v in fila])
        # openpyxl treats any str starting with "=" as a formula; neutralise() already prefixed
        # those, and forcing the data type keeps it that way whatever the cell holds.
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    if not tablas:
        wb.create_sheet("Vacío")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def combined(tablas: Sequence[Tabla], seccion: str = "seccion") -> Tabla:
    """Several tables as one long CSV: a first column names the table each row came from."""
    width = max((len(t.encabezados) for t in tablas), default=0)
    headers = (seccion, *(tablas[0].encabezados if tablas else ()))
    headers = headers + ("",) * (width + 1 - len(headers))
    filas: list[tuple[Value, ...]] = []
    for t in tablas:
        for f in t.filas:
            filas.append((t.titulo, *f, *([None] * (width - len(f)))))
    return Tabla("todo", tuple(headers), tuple(filas))
