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
# Full-width forms too: some spreadsheets fold "＝" into "=" (issue 18, item 7).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


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


def to_csv(tabla: Tabla, sep: str = ",") -> bytes:
    """UTF-8 with BOM so Excel opens accents correctly; every cell neutralised."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    w.writerow([neutralise(h) for h in tabla.encabezados])
    for fila in tabla.filas:
        w.writerow(["" if v is None else neutralise(v) for v in fila])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def csv_style(lang: str) -> tuple[str, str]:
    """(separator, decimal mark) a spreadsheet in that locale expects when it opens a CSV: Spanish
    and Portuguese Excel split on ";" and read "82,5" as a number; English uses "," and ".".

    >>> csv_style("es"), csv_style("en")
    ((';', ','), (',', '.'))
    """
    return (",", ".") if lang == "en" else (";", ",")


def _csv_value(v: Value, formato: str, decimal: str) -> Value:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return v
    if formato == "porcentaje":  # a fraction: written as a percent number, the header says "(%)"
        return f"{100 * v:.1f}".replace(".", decimal)
    if isinstance(v, float):
        return f"{v:g}".replace(".", decimal)
    return v


def to_csv_informe(acerca: Sequence[tuple[str, str]], tablas: Sequence[Tabla], lang: str) -> bytes:
    """Every table in one CSV for a spreadsheet in ``lang``'s locale: an "about" block, then each
    table under its own title and its own header row, a blank line between them. Numbers stay
    numbers (no thousands mark); percentages are numbers with "(%)" in the header."""
    sep, decimal = csv_style(lang)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    for k, v in acerca:
        w.writerow([neutralise(k), neutralise(v)])
    for tabla in tablas:
        fmts = tabla.formatos or ("",) * len(tabla.encabezados)
        w.writerow([])
        w.writerow([neutralise(tabla.titulo)])
        w.writerow([neutralise(h + (" (%)" if f == "porcentaje" else "")) for h, f in zip(tabla.encabezados, fmts)])
        for fila in tabla.filas:
            w.writerow(["" if v is None else neutralise(_csv_value(v, f, decimal)) for v, f in zip(fila, fmts)])
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


XLSX_FORMATS = {"entero": "#,##0", "porcentaje": "0%"}


def to_xlsx(tablas: Sequence[Tabla], acerca: Sequence[tuple[str, str]] = (), acerca_titulo: str = "Acerca de") -> bytes:
    """One sheet per table, after an optional first sheet of (item, value) lines. Text cells are
    written as strings, never as formulas; numbers stay numbers, formatted per ``Tabla.formatos``
    (percentages are fractions shown as "82%")."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E4ECF5")
    if acerca:
        ws = wb.create_sheet(_sheet_title(_no_control(acerca_titulo), used))
        for k, v in acerca:
            ws.append([_xlsx_text(k), _xlsx_text(v)])
        for row in ws.iter_rows(min_col=1, max_col=1):
            row[0].font = bold
        ws.column_dimensions["A"].width = 28
        ws.column_dimensions["B"].width = 100
        for row in ws.iter_rows(min_col=2, max_col=2):
            row[0].alignment = Alignment(wrap_text=True, vertical="top")
    for tabla in tablas:
        ws = wb.create_sheet(_sheet_title(_no_control(tabla.titulo), used))
        ws.append([_xlsx_text(h) for h in tabla.encabezados])
        for fila in tabla.filas:
            ws.append([_xlsx_text(v) for v in fila])
        if tabla.formatos:
            from openpyxl.utils import get_column_letter

            for j, f in enumerate(tabla.formatos, start=1):
                letter = get_column_letter(j)
                ws.column_dimensions[letter].width = 14 if f in XLSX_FORMATS else 34
                for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                    if f in XLSX_FORMATS and isinstance(cell.value, (int, float)):
                        cell.number_format = XLSX_FORMATS[f]
                    elif f in XLSX_FORMATS:  # "<3", "x": marks, aligned with the numbers
                        cell.alignment = Alignment(horizontal="right")
            for cell in ws[1]:
                cell.font, cell.fill = bold, fill
            ws.freeze_panes = "A2"
            if tabla.nota:
                ws.append([])
                ws.append([_xlsx_text(tabla.nota)])
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
