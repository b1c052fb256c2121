"""End to end: an .xlsx with Google Forms headers and es-AR values → the CLI's JSON contract."""

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[1]


def write_xlsx(path: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    tabs = {
        # Titles and headers as a Google Forms response sheet has them, columns in another order.
        "Respuestas de formulario 1": [
            [
                "Marca temporal",
                "Dirección de correo electrónico",
                "Nombre",
                "Apellido",
                "DNI",
                "Cargo",
                "Ciudad",
                "País",
                "Género",
            ],
            [
                "5/5/2025 10:00:00",
                "ana@muni.gob.ar",
                "Ana",
                "Paz",
                "20.111.222",
                "Intendenta",
                "Godoy Cruz",
                "Argentina",
                "Mujer",
            ],
            [
                "6/5/2025 11:30:00",
                "ANA@muni.gob.ar",
                "Ana",
                "Paz",
                "",
                "Intendenta Municipal",
                "Godoy Cruz",
                "AR",
                "Femenino",
            ],
            ["7/5/2025 9:15:00", "lu@pm.uy", "Lucía", "Ferro", "", "Alcaldesa", "Montevideo - UY", "Uruguay", "F"],
            ["8/5/2025 9:15:00", "jo@pref.br", "João", "Silva", "", "Prefeito", "São Paulo", "Brasil", "Masculino"],
            ["9/5/2025 9:15:00", "", "", "", "", "Periodista", "", "", ""],
            [None, None, None, None, None, None, None, None, None],
            [
                datetime(2025, 5, 10, 8, 0),
                "p@diario.com",
                "Pedro",
                "Mur",
                "30123456",
                "Periodista",
                "Mendoza",
                "Narnia",
                "Masculino",
            ],
        ],
        "Acreditaciones": [
            ["Marca temporal", "DNI", "Dirección de correo electrónico", "Punto"],
            ["19/6/2025 8:40:00", "20111222", "", "Acreditación"],
            ["19/6/2025 8:40:30", "", "ana@muni.gob.ar", "Acreditación"],
            ["19/6/2025 9:10:00", "", "lu@pm.uy", "Acreditación"],
            ["19/6/2025 9:20:00", "99.999.999", "", "Acreditación"],
            ["19/6/2025 11:00:00", "", "jo@pref.br", "Acreditación"],
        ],
        "Salas": [["Sala", "Capacidad"], ["Plenario", 100]],
        "Agenda": [["Inicio", "Fin", "Sala", "Actividad"], ["09:30", "10:30", "Plenario", "Apertura"]],
        "Apoyos": [
            ["Dirección de correo electrónico", "Monto solicitado", "Monto aprobado", "Moneda", "Estado"],
            ["ana@muni.gob.ar", "$ 150.000", "120.000,50", "ARS", "aprobado"],
            ["lu@pm.uy", "USD 1,200.00", "", "USD", "solicitado"],
        ],
        "Presupuesto": [["Moneda", "Monto"], ["ARS", "1.000.000"], ["USD", "2.000"]],
    }
    for title, rows in tabs.items():
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
    wb.save(path)


def run_cli(*args: str, secrets: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "foro_data", *args, "--secrets", str(secrets)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture()
def workbook(tmp_path: Path) -> Path:
    xlsx = tmp_path / "foro.xlsx"
    write_xlsx(xlsx)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[foro]\nfuente = "archivo"\narchivo = "{xlsx}"\n', encoding="utf-8")
    return secrets


def test_resumen_json_matches_figures_counted_by_hand(workbook: Path):
    r = run_cli("resumen", "--json", "--a-las", "2025-06-19T10:00", secrets=workbook)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["as_of"] == "2025-06-19T10:00:00-03:00"
    assert data["fuente"]["tipo"] == "archivo" and data["fuente"]["estado"] == "ok"
    # Ana's two rows are one person; the row with no identification is a Problem, not a person.
    assert data["inscriptos"] == 4
    # Ana (scanned twice, by document and e-mail) and Lucía by 10:00; João arrives at 11:00.
    assert (data["acreditados"], data["presentes"], data["sin_inscripcion"]) == (2, 2, 1)
    assert data["por_rol"]["intendencia"] == {"inscriptos": 3, "acreditados": 2}
    assert data["por_rol"]["prensa"] == {"inscriptos": 1, "acreditados": 0}
    assert data["por_pais"]["AR"] == {"inscriptos": 1, "acreditados": 1}
    assert data["por_pais"]["sin_dato"] == {"inscriptos": 1, "acreditados": 0}  # Narnia
    # Nobody scanned at the Plenario and nobody counted it: "sin dato", never 0 (DESIGN, issue 12 item 4).
    assert data["salas"] == [
        {
            "sala": "Plenario",
            "capacidad": 100,
            "ocupacion": None,
            "fuente": "sin_dato",
            "actividad": "Apertura",
            "nivel": "sin_dato",
        }
    ]
    assert data["apoyos"]["ARS"] == {
        "presupuesto": 1_000_000,
        "comprometido": 120_000.5,
        "pagado": 0,
        "disponible": 879_999.5,
        "pendiente": 0,
    }
    assert data["apoyos"]["USD"]["pendiente"] == 1200 and data["apoyos"]["USD"]["presupuesto"] == 2000
    # duplicado, sin_identificacion, pais_desconocido, sin_inscripcion
    assert data["problemas"] == 4


def test_later_as_of_counts_the_late_arrival(workbook: Path):
    data = json.loads(run_cli("resumen", "--json", "--a-las", "2025-06-19T14:00:00-03:00", secrets=workbook).stdout)
    assert data["acreditados"] == 3


def test_verificar_lists_tabs_headers_and_problems(workbook: Path):
    r = run_cli("verificar", secrets=workbook)
    assert r.returncode == 0
    assert "Inscripciones (como «Respuestas de formulario 1»)" in r.stdout
    assert "email              ← «Dirección de correo electrónico»" in r.stdout
    assert "[pais_desconocido] Inscripciones fila 8, columna pais: «Narnia»" in r.stdout


def test_verificar_fails_when_inscripciones_is_unusable(tmp_path: Path):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "Inscripciones.csv").write_text("Hola,Chau\n1,2\n", encoding="utf-8")
    secrets = tmp_path / "s.toml"
    secrets.write_text(f'[foro]\nfuente = "archivo"\narchivo = "{folder}"\n', encoding="utf-8")
    r = run_cli("verificar", secrets=secrets)
    assert r.returncode == 1
    assert "no tiene ninguna columna que identifique" in r.stdout


def test_errors_are_one_spanish_line_without_traceback(tmp_path: Path):
    secrets = tmp_path / "s.toml"
    secrets.write_text('[foro]\nfuente = "archivo"\narchivo = "no-existe.xlsx"\n', encoding="utf-8")
    r = run_cli("resumen", "--json", secrets=secrets)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and r.stderr.startswith("Error: ") and len(r.stderr.strip().splitlines()) == 1
    r = run_cli("resumen", "--a-las", "mañana", secrets=tmp_path / "missing.toml")
    assert r.returncode == 1 and "No existe el archivo de configuración" in r.stderr


def test_plantilla_writes_every_tab_and_header(tmp_path: Path):
    from openpyxl import load_workbook

    from foro_data import schema

    out = tmp_path / "plantilla.xlsx"
    r = subprocess.run(
        [sys.executable, "-m", "foro_data", "plantilla", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0, r.stderr
    wb = load_workbook(out)
    assert wb.sheetnames == [t.name for t in schema.TABS]
    for t in schema.TABS:
        assert [c.value for c in wb[t.name][1]] == t.headers


def test_a_failing_source_shows_the_last_good_read_marked_stale(workbook: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("FORO_CACHE_DIR", str(tmp_path / "cache"))
    assert json.loads(run_cli("resumen", "--json", secrets=workbook).stdout)["fuente"]["estado"] == "ok"
    (tmp_path / "foro.xlsx").unlink()  # the source now fails
    r = run_cli("resumen", "--json", "--a-las", "2025-06-19T10:00", secrets=workbook)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["fuente"]["estado"] == "desactualizado" and data["inscriptos"] == 4
    monkeypatch.setenv("FORO_CACHE_DIR", str(tmp_path / "empty"))
    r = run_cli("resumen", "--json", secrets=workbook)
    assert r.returncode == 1 and "no hay una lectura anterior guardada" in r.stderr and "Traceback" not in r.stderr
