"""Issue 12 item 5: a title row above the headers (hand-made Sheets) — the header row is the first
of the first five rows that names known columns, in every tab and from every source; and
``resumen`` never says ``estado: ok`` when Inscripciones could not be used."""

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from foro_data import metrics
from foro_data.build import build_snapshot
from foro_data.snapshot import Fuente, Snapshot
from foro_data.sources.gsheets import GSheetsSource
from foro_data.sources.local import LocalSource
from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet
from tests.sheets_fixtures import TEST_TIMEOUT
from tests.test_cli import run_cli
from tests.workbooks import READ_AT, at

TITLE = "Inscripciones Foro 2025"
INS = [
    ["Marca temporal", "Nombre", "Apellido", "Correo electrónico", "Cargo", "Ciudad", "País"],
    ["5/5/2025 10:00:00", "Ana", "Paz", "ana@muni.gob.ar", "Intendenta", "Godoy Cruz", "Argentina"],
    ["6/5/2025 10:00:00", "Lucía", "Ferro", "lu@pm.uy", "Alcaldesa", "Montevideo", "Uruguay"],
    ["7/5/2025 10:00:00", "João", "Silva", "jo@pref.br", "", "São Paulo", "Brasil"],
]


def tabs_with_titles() -> dict[str, list[list]]:
    return {
        "Inscripciones": [[TITLE], *INS],
        # two title lines, the second one blank
        "Acreditaciones": [
            ["Acreditaciones del día"],
            [],
            ["Marca temporal", "Dirección de correo electrónico", "Punto"],
            ["19/6/2025 9:10:00", "lu@pm.uy", "Plenario"],
            ["19/6/2025 9:12:00", "nadie@x.org", "Plenario"],
        ],
        "Salas": [["Salas y capacidad", None, None], ["Sala", "Capacidad"], ["Plenario", "100"]],
        "Agenda": [["Programa"], ["Inicio", "Fin", "Sala", "Actividad"], ["09:00", "10:30", "Plenario", "Apertura"]],
    }


def check(snap: Snapshot) -> None:
    assert "pestana_inutilizable" not in [p.kind for p in snap.problems]
    assert {"Inscripciones", "Acreditaciones", "Salas", "Agenda"} <= snap.present_tabs
    c = metrics.cifras(snap, at("10:00"))
    assert (c.inscriptos, c.acreditados, c.sin_inscripcion, c.intendencias_inscriptas) == (3, 1, 1, 2)
    # rows keep the numbers the user sees in the Sheet
    assert [p.row for p in snap.personas] == [3, 4, 5]
    walkin = next(p for p in snap.problems if p.kind == "sin_inscripcion")
    assert (walkin.tab, walkin.row) == ("Acreditaciones", 5)
    (sala,) = metrics.ocupacion_salas(snap, at("10:00"))
    # Lucía and the walk-in both scanned into the Plenario
    assert (sala.sala, sala.capacidad, sala.ocupacion, sala.actividad) == ("Plenario", 100, 2, "Apertura")
    report = next(t for t in snap.tabs if t.tab == "Inscripciones")
    assert report.header_row == 2 and report.rows == 3


def write_xlsx(tabs: dict[str, list[list]], path: Path, merge_title: bool = True) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in tabs.items():
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r if r else [None])
        if merge_title and title == "Inscripciones":
            ws.merge_cells("A1:G1")  # the merged "Inscripciones Foro 2025" banner of a hand-made Sheet
    wb.save(path)
    return path


def test_title_row_in_xlsx(tmp_path: Path):
    check(
        build_snapshot(
            LocalSource(write_xlsx(tabs_with_titles(), tmp_path / "foro.xlsx")).read(), Fuente("archivo", "x", READ_AT)
        )
    )


@pytest.mark.parametrize("sep", [",", ";"])
def test_title_row_in_a_csv_folder(tmp_path: Path, sep: str):
    import csv

    folder = tmp_path / "csv"
    folder.mkdir()
    for title, rows in tabs_with_titles().items():
        with open(folder / f"{title}.csv", "w", encoding="cp1252", newline="") as f:
            if title == "Inscripciones":
                f.write(TITLE + "\r\n")  # a bare title line, without a single separator
                rows = rows[1:]
            csv.writer(f, delimiter=sep).writerows(rows)
    check(build_snapshot(LocalSource(folder).read(), Fuente("archivo", "x", READ_AT)))


def test_title_row_through_the_sheets_api(throwaway_service_account):
    with FakeSheetsServer() as server:
        book = server.add(FakeSpreadsheet.from_tabs(tabs_with_titles()))
        sa = dict(throwaway_service_account, token_uri=server.token_uri)
        raw = GSheetsSource(book.id, sa, api_url=server.url, timeout=TEST_TIMEOUT).read()
    check(build_snapshot(raw, Fuente("gsheets", "x", READ_AT)))


def test_headers_below_row_five_are_not_searched():
    raw = {"Inscripciones": [[TITLE], [], [], [], [], *INS]}
    from foro_data.sources.base import RawWorkbook

    snap = build_snapshot(RawWorkbook(tabs=raw), Fuente("archivo", "x", READ_AT))
    assert "Inscripciones" not in snap.present_tabs


def secrets_for(tmp_path: Path, tabs: dict[str, list[list]]) -> Path:
    xlsx = write_xlsx(tabs, tmp_path / "foro.xlsx")
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[foro]\nfuente = "archivo"\narchivo = "{xlsx}"\n', encoding="utf-8")
    return secrets


def test_resumen_reads_a_workbook_with_a_title_row(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("FORO_CACHE_DIR", str(tmp_path / "cache"))
    r = run_cli("resumen", "--json", "--a-las", "2025-06-19T10:00", secrets=secrets_for(tmp_path, tabs_with_titles()))
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert (data["fuente"]["estado"], data["inscriptos"], data["acreditados"]) == ("ok", 3, 1)


def test_resumen_never_says_ok_when_inscripciones_is_unusable(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("FORO_CACHE_DIR", str(tmp_path / "cache"))
    tabs = tabs_with_titles()
    tabs["Inscripciones"] = [["Hola", "Chau"], ["Ana", "Paz"]]
    r = run_cli("resumen", "--json", secrets=secrets_for(tmp_path, tabs))
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["fuente"]["estado"] != "ok"
    assert "Inscripciones" in data["fuente"]["motivo"]
    text = run_cli("resumen", secrets=secrets_for(tmp_path, tabs)).stdout
    assert "Inscripciones" in text


def test_verificar_says_where_the_headers_are(tmp_path: Path):
    r = run_cli("verificar", secrets=secrets_for(tmp_path, tabs_with_titles()))
    assert r.returncode == 0, r.stdout
    assert "Inscripciones (como «Inscripciones»): 3 filas, encabezados en la fila 2" in r.stdout
    assert "Acreditaciones (como «Acreditaciones»): 2 filas, encabezados en la fila 3" in r.stdout
