"""A local workbook: an .xlsx file or a folder of CSV files, one per tab (rehearsals, no internet)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from ..catalogue.fuente import FuenteSentence as F
from ..errors import Said
from .base import Cell, RawWorkbook, SourceError, trim_row


def _read_xlsx(path: Path) -> RawWorkbook:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as e:
        raise SourceError("archivo", Said.of(F.LIBRO_ILEGIBLE, nombre=path.name, error=str(e))) from None
    try:
        tabs: dict[str, list[list[Cell]]] = {}
        for ws in wb.worksheets:
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            tabs[ws.title] = [trim_row(r) for r in rows]
        return RawWorkbook(tabs=tabs)
    finally:
        wb.close()


def _decode(data: bytes) -> str:
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _delimiter(text: str) -> str:
    """The separator of the header line: spreadsheets in es-AR save CSV with ";" (the decimal
    comma is taken), elsewhere with ","; exports from other tools use tabs. A bare title line
    above the headers (no separator at all) is skipped, up to the five lines headers are looked for.

    >>> _delimiter("Nombre;Apellido;Monto\\n"), _delimiter("a,b\\tc,d"), _delimiter("sola")
    (';', ',', ',')
    >>> _delimiter("Inscripciones Foro 2025\\nNombre;Apellido\\n")
    ';'
    """
    seps = (",", ";", "\t")
    lines = text.split("\n", 5)[:5]
    header = next((line for line in lines if any(s in line for s in seps)), lines[0])
    return max(seps, key=header.count)


def _read_csv_folder(path: Path) -> RawWorkbook:
    files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv")
    if not files:
        raise SourceError("archivo", Said.of(F.CARPETA_SIN_CSV, ruta=str(path)))
    tabs: dict[str, list[list[Cell]]] = {}
    for f in files:
        text = _decode(f.read_bytes())
        tabs[f.stem] = [trim_row(list(r)) for r in csv.reader(io.StringIO(text), delimiter=_delimiter(text))]
    return RawWorkbook(tabs=tabs)


class LocalSource:
    """Reads the whole workbook from disk on every refresh (the file may be edited meanwhile)."""

    tipo = "archivo"

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.descripcion = f"Archivo {self.path.name}"

    def read(self) -> RawWorkbook:
        if not self.path.exists():
            raise SourceError("archivo", Said.of(F.NO_EXISTE, ruta=str(self.path)))
        if self.path.is_dir():
            return _read_csv_folder(self.path)
        if self.path.suffix.lower() in (".xlsx", ".xlsm"):
            return _read_xlsx(self.path)
        if self.path.suffix.lower() == ".csv":
            raise SourceError("archivo", Said.of(F.UN_SOLO_CSV, nombre=self.path.name))
        raise SourceError("archivo", Said.of(F.NO_ES_LIBRO, nombre=self.path.name))
