"""The partners' report: the PDF opens, has its sections in es/pt/en, every figure in it is the
metrics figure for the same Snapshot, and nothing personal gets in (demo and a small workbook)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

from foro_data import informe, metrics
from foro_data.build import build_snapshot
from foro_data.countries import country_name
from foro_data.demo import demo_workbook
from foro_data.errors import Said
from foro_data.formato import number, percent
from foro_data.informe.textos import t
from foro_data.snapshot import Fuente, Snapshot
from tests.test_privacy import assert_no_personal_data
from tests.workbooks import INSCRIPCIONES_HEADERS as H
from tests.workbooks import at, person, snapshot

ROOT = Path(__file__).resolve().parents[1]
READ = datetime(2025, 6, 19, 23, 0, tzinfo=timezone.utc)
LANGS = ("es", "pt", "en")


@pytest.fixture(scope="module")
def demo() -> Snapshot:
    return build_snapshot(demo_workbook(), Fuente("demo", "demo", READ))


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def html_text(data: bytes) -> str:
    """What a reader of the HTML report sees (and its SVG text), without the style sheet."""
    from html import unescape

    body = re.sub(r"<style>.*?</style>", " ", data.decode("utf-8"), flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", body))


def _cell(v, lang: str) -> str:
    return number(v, lang) if isinstance(v, int) else str(v)


def expected_rows(snap: Snapshot, as_of: datetime, campo: str, lang: str) -> list[str]:
    """Rows as the report must print them, computed from metrics alone."""
    names = {
        "pais": lambda k: country_name(k, lang),
        "rol": lambda k: t(f"rol.{k}", lang),
        "paridad": lambda k: t(f"genero.{k}", lang),
    }
    out = []
    for f in metrics.cuadro_socios(snap, as_of, campo).filas:
        label = t("sin_dato", lang) if f.clave == metrics.SIN_DATO else names.get(campo, str)(f.clave)
        rate = (
            percent(100.0 * f.acreditados / f.inscriptos, lang)
            if isinstance(f.inscriptos, int) and isinstance(f.acreditados, int) and f.inscriptos
            else "—"
        )
        out.append(f"{label} {_cell(f.inscriptos, lang)} {_cell(f.acreditados, lang)} {rate}")
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_has_its_sections_and_the_metrics_figures(demo, lang):
    as_of = at("11:00")
    pages, text = pdf_text(informe.generar(demo, as_of, "pdf", lang, "Mercociudades"))
    assert 2 <= pages <= 6
    for key in (
        "titulo",
        "cifras",
        "resumen",
        "curva",
        "barras_pais",
        "mapa",
        "por_pais",
        "por_ciudad",
        "por_rol",
        "por_red",
        "por_eje",
        "paridad",
        "sesiones",
        "metodo",
    ):
        title = t(key, lang)
        assert title.casefold() in text.casefold(), (key, title)
    c = metrics.cifras(demo, as_of)
    lines = set(text.splitlines())
    for figure in (
        number(c.inscriptos, lang),
        number(c.acreditados, lang),
        percent(c.porcentaje_acreditados, lang),
        number(c.intendencias_acreditadas, lang),
    ):
        assert figure in lines  # each headline figure is printed on its own line
    flat = " ".join(text.split())
    for campo in ("pais", "rol", "paridad"):
        for row in expected_rows(demo, as_of, campo, lang):
            assert row in flat, (campo, row)
    for p in metrics.picos_sesiones(demo, as_of):
        assert p.sesion.sala in flat
        assert f"{p.pico} {number(p.capacidad, lang)}" in flat or p.pico is None


def test_a_later_time_prints_other_figures(demo):
    """The comparison above is not vacuous: figures at 09:00 are not those at 11:00."""
    _, early = pdf_text(informe.generar(demo, at("09:00"), "pdf", "es"))
    late_rows = expected_rows(demo, at("11:00"), "pais", "es")
    assert not all(r in " ".join(early.split()) for r in late_rows)


@pytest.mark.parametrize("lang", LANGS)
def test_no_personal_data_in_the_demo_report(demo, lang):
    _, text = pdf_text(informe.generar(demo, at("12:00"), "pdf", lang))
    assert_no_personal_data(text, demo)
    assert_no_personal_data(html_text(informe.generar(demo, at("12:00"), "html", lang)), demo)


SMALL = (
    [H]
    + [
        person(
            "Ana",
            "Quiroga",
            "ana.quiroga@muni.gob.ar",
            "20111222",
            "Intendenta",
            ciudad="Godoy Cruz",
            pais="Argentina",
            genero="F",
            red="Mercociudades",
            ejes="Policías municipales",
        ),
        person(
            "Bruno",
            "Ferreyra",
            "bferreyra@pm.uy",
            "30111222",
            "Alcalde",
            ciudad="Montevideo",
            pais="Uruguay",
            genero="M",
            red="Mercociudades",
        ),
        person(
            "Carla",
            "Benedetti",
            "carla@x.org",
            "40111222",
            "Concejala",
            ciudad="Montevideo",
            pais="Uruguay",
            genero="F",
            red="Mercociudades",
        ),
        # Free text typed by one person: it must not reach the report.
        person(
            "Dario",
            "Villafañe",
            "dv@x.org",
            "50111222",
            "Asesor de Dario Villafañe",
            ciudad="Rosario",
            pais="Argentina",
            red="Red personal de Villafañe",
            ejes="Consultoría Villafañe",
        ),
    ]
    + [
        person(
            f"N{i}",
            f"Sosa{i}",
            f"n{i}@x.org",
            f"6011122{i}",
            "Director",
            ciudad="Mendoza",
            pais="Argentina",
            genero="M",
            red="CGLU",
        )
        for i in range(5)
    ]
)


@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_no_personal_data_from_a_test_workbook(fmt):
    snap = snapshot(Inscripciones=SMALL, Acreditaciones=[["Marca temporal", "DNI"], ["19/6/2025 9:00:00", "20111222"]])
    data = informe.generar(snap, at("12:00"), fmt, "es", "Mercociudades")
    text = pdf_text(data)[1] if fmt == "pdf" else html_text(data)
    assert_no_personal_data(text, snap)
    assert "Villafañe" not in text and "Villafane" not in text  # name, network and axis he typed
    assert "Dario" not in text
    assert "Godoy Cruz" in text and "Montevideo" in text  # resolved places are shown
    assert t("otras", "es") in text  # the one-person network and axis are pooled


def test_html_is_self_contained(demo):
    html = informe.generar(demo, at("12:00"), "html", "en").decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", html, re.I)
    assert not re.search(r"https?://", html), "no URL at all, not even SVG metadata"
    assert "@import" not in html
    assert set(re.findall(r"url\(([^)]*)\)", html)) <= {
        m for m in re.findall(r"url\((#[\w-]+)\)", html)
    }  # in-page only


def test_cli_writes_the_report(tmp_path: Path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[foro]\nfuente = "demo"\n', encoding="utf-8")
    out = tmp_path / "informe.pdf"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "foro_data",
            "informe",
            "--salida",
            str(out),
            "--red",
            "Mercociudades",
            "--lang",
            "en",
            "--a-las",
            "2025-06-19T12:00",
            "--secrets",
            str(secrets),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env={"FORO_CACHE_DIR": str(tmp_path), "PATH": ""},
    )
    assert r.returncode == 0, r.stderr
    pages, text = pdf_text(out.read_bytes())
    assert "Prepared for Mercociudades" in text and "Participation report".upper() in text
    bad = subprocess.run(
        [sys.executable, "-m", "foro_data", "informe", "--salida", str(tmp_path / "x.docx"), "--secrets", str(secrets)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 1 and ".pdf o .html" in bad.stderr


def test_stale_figures_are_marked_on_the_cover(demo):
    stale = demo.marked_stale(Said.of("sheets_sin_conexion"))
    _, text = pdf_text(informe.generar(stale, at("12:00"), "pdf", "es"))
    assert "la planilla no respondía" in " ".join(text.split())
    _, fresh = pdf_text(informe.generar(demo, at("12:00"), "pdf", "es"))
    assert "no respondía" not in fresh


@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_hostile_sheet_text_stays_text(fmt):
    """Payloads in every free-text field: the report is still made, markup is escaped, and what
    one person typed (name, network, institution) never appears."""
    from foro_data.build import build_snapshot
    from foro_data.snapshot import Fuente
    from foro_data.sources.base import RawWorkbook
    from tests.reliability.test_hostile_input import hostile_workbook_tabs
    from tests.workbooks import READ_AT

    snap = build_snapshot(RawWorkbook(tabs=hostile_workbook_tabs()), Fuente("archivo", "hostil", READ_AT))
    data = informe.generar(snap, at("12:00"), fmt, "es")
    if fmt == "html":
        html = data.decode("utf-8")
        for raw in ("<script>alert", "<img src=x", "<b>NEGRITA"):
            assert raw not in html
        assert "&lt;script&gt;" in html, "the agenda's activity is printed, escaped: the test can fail"
        text = html_text(data)
    else:
        text = pdf_text(data)[1]
    for word in ("Nombre", "Apellido", "Cargo", "Ciudad", "Red"):
        assert not re.search(rf"{word}\d", text), word  # the payload rows' own text
