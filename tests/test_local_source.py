"""The local workbook source: a folder of CSV files (one per tab) or an .xlsx file."""

from pathlib import Path

import pytest

from foro_data.build import build_snapshot
from foro_data.snapshot import Fuente
from foro_data.sources.base import SourceError
from foro_data.sources.local import LocalSource
from tests.workbooks import READ_AT


def test_csv_folder_with_excel_habits(tmp_path: Path):
    # Spreadsheet programs in es-AR save CSV with ";" and often in Windows-1252.
    (tmp_path / "Inscripciones.csv").write_bytes(
        "Marca temporal;Nombre;Apellido;Correo electrónico;País\n"
        "19/5/2025 9:05:33;José;Núñez;jn@x.org;Perú\n"
        ";;;;\n"
        "20/5/2025 9:05:33;Ana;Paz;ana@x.org\n".encode("cp1252")
    )
    (tmp_path / "Acreditaciones.csv").write_text("Hora,e-mail\n19/6/2025 08:30,JN@x.org\n", encoding="utf-8-sig")
    (tmp_path / "notas.txt").write_text("ignored", encoding="utf-8")
    raw = LocalSource(tmp_path).read()
    assert set(raw.tabs) == {"Inscripciones", "Acreditaciones"}
    assert raw.tabs["Inscripciones"][3] == ["20/5/2025 9:05:33", "Ana", "Paz", "ana@x.org"]  # trailing cell missing
    snap = build_snapshot(raw, Fuente("archivo", "csv", READ_AT))
    assert [(p.nombre, p.pais) for p in snap.personas] == [("José", "PE"), ("Ana", "")]
    assert len(snap.scans) == 1 and snap.scans[0].persona == snap.personas[0].key


@pytest.mark.parametrize(
    "name, message", [("nada", "No existe"), ("uno.csv", "un solo CSV"), ("x.txt", "no es un .xlsx")]
)
def test_unusable_paths_say_why(tmp_path: Path, name: str, message: str):
    p = tmp_path / name
    if name != "nada":
        p.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(SourceError, match=message):
        LocalSource(p).read()


def test_empty_folder_and_broken_xlsx(tmp_path: Path):
    with pytest.raises(SourceError, match="no tiene archivos .csv"):
        LocalSource(tmp_path).read()
    bad = tmp_path / "roto.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(SourceError, match="No se pudo abrir"):
        LocalSource(bad).read()
