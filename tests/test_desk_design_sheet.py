"""Issue 12, items 7 and 8: accrediting on a Sheet laid out exactly as DESIGN documents
(Acreditaciones without an operation-id column), from the writer and from the CLI, and the CLI
finding the person the way the desk does. Real gspread against the fake Sheets server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator
from zoneinfo import ZoneInfo

import pytest

from foro_data.outbox import Outbox
from foro_data.writes import AccreditOp, SheetAppender, Writer
from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet, make_service_account
from tests.sheets_fixtures import TEST_TIMEOUT, forum_tabs

TZ = ZoneInfo("America/Argentina/Mendoza")
AT = datetime(2025, 6, 19, 10, 0, tzinfo=TZ)
ROOT = Path(__file__).resolve().parents[1]
# DESIGN's Acreditaciones, in its own words: no id_operacion column.
DESIGN_ACREDITACIONES = ["Marca temporal", "ID", "Dirección de correo electrónico", "DNI", "Punto", "Movimiento"]


def design_tabs() -> dict[str, list[list[Any]]]:
    tabs = forum_tabs()
    acr = tabs["Acreditaciones"]
    # Same rows, DESIGN's headers: (marca, email, punto, movimiento) -> (marca, id, email, dni, punto, movimiento)
    tabs["Acreditaciones"] = [DESIGN_ACREDITACIONES] + [[r[0], None, r[1], None, r[2], r[3]] for r in acr[1:]]
    return tabs


@pytest.fixture()
def fake() -> Iterator[FakeSheetsServer]:
    with FakeSheetsServer() as server:
        server.add(FakeSpreadsheet.from_tabs(design_tabs()))
        yield server


@pytest.fixture()
def sa(fake: FakeSheetsServer) -> dict[str, str]:
    return make_service_account(fake.token_uri)


def header(fake: FakeSheetsServer) -> list[Any]:
    return list(fake.book().sheet("Acreditaciones").rows[0])


def column(fake: FakeSheetsServer, name: str) -> list[Any]:
    rows = fake.book().sheet("Acreditaciones").rows
    i = rows[0].index(name)
    return [r[i] for r in rows[1:] if len(r) > i and r[i] not in (None, "")]


def writer_for(fake: FakeSheetsServer, sa: dict[str, str], tmp_path: Path) -> Writer:
    appender = SheetAppender(fake.book().id, sa, api_url=fake.url, timeout=TEST_TIMEOUT)
    return Writer(Outbox(tmp_path / "o.sqlite3"), appender, tz=TZ)


# --- item 7: the header cell --------------------------------------------------------------------


def test_the_writer_adds_the_operation_id_header_once_then_accredits(
    fake: FakeSheetsServer, sa: dict[str, str], tmp_path: Path
) -> None:
    writer = writer_for(fake, sa, tmp_path)
    first = AccreditOp.new(AT, email="persona2@ejemplo.org")
    writer.submit(first, role="organizacion")
    report = writer.flush()
    assert (report.enviadas, report.errores) == (1, 0)
    assert header(fake) == DESIGN_ACREDITACIONES + ["ID operación"]  # the first free column, G
    assert any("ID operación" in a and "columna G" in a for a in report.avisos)
    assert column(fake, "ID operación") == [first.id_operacion]
    assert fake.count("update") == 1
    second = AccreditOp.new(AT, documento="30.000.008")
    writer.submit(second, role="organizacion")
    assert writer.flush().enviadas == 1
    assert fake.count("update") == 1  # the header is written once
    assert column(fake, "ID operación") == [first.id_operacion, second.id_operacion]


def test_without_edit_rights_nothing_is_written_and_the_reason_says_why(
    fake: FakeSheetsServer, sa: dict[str, str], tmp_path: Path
) -> None:
    writer = writer_for(fake, sa, tmp_path)
    fake.book().writable = False
    before = [list(r) for r in fake.book().sheet("Acreditaciones").rows]
    writer.submit(AccreditOp.new(AT, email="persona2@ejemplo.org"), role="organizacion")
    report = writer.flush()
    assert (report.enviadas, report.errores, report.appends) == (0, 1, 0)
    assert "ID operación" in report.reason and "lectura" in report.reason
    assert [list(r) for r in fake.book().sheet("Acreditaciones").rows] == before


# --- the CLI, as a person runs it ---------------------------------------------------------------


def run_cli(fake: FakeSheetsServer, sa: dict[str, str], tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    lines = ["[foro]", 'fuente = "gsheets"', f'planilla = "{fake.book().id}"', "", "[gcp_service_account]"]
    lines += [f"{k} = {json.dumps(v)}" for k, v in sa.items()]
    secrets = tmp_path / "secrets.toml"
    secrets.write_text("\n".join(lines) + "\n")
    env = dict(os.environ, FORO_SHEETS_API_URL=fake.url, FORO_CACHE_DIR=str(tmp_path / "cache"))
    return subprocess.run(
        [sys.executable, "-m", "foro_data", "acreditar", *args, "--secrets", str(secrets)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_accredits_on_a_design_sheet_and_says_it_added_the_header(
    fake: FakeSheetsServer, sa: dict[str, str], tmp_path: Path
) -> None:
    done = run_cli(fake, sa, tmp_path, "--email", "PERSONA2@ejemplo.org")
    assert done.returncode == 0, done.stderr
    assert "enviada" in done.stdout and "ID operación" in done.stdout
    assert header(fake)[-1] == "ID operación" and len(column(fake, "ID operación")) == 1


# --- item 8: the CLI finds the person like the desk -----------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["--documento", "30.000.008"], ["--documento", "DNI 30000008"], ["--email", " Persona8@Ejemplo.ORG "]],
    ids=["dots", "prefix", "case"],
)
def test_cli_finds_the_person_by_any_identifier_normalised_as_clean_does(
    fake: FakeSheetsServer, sa: dict[str, str], tmp_path: Path, args: list[str]
) -> None:
    done = run_cli(fake, sa, tmp_path, *args)
    assert done.returncode == 0, done.stderr
    assert "Nombre8 Apellido8" in done.stdout
    rows = fake.book().sheet("Acreditaciones").rows
    assert len(column(fake, "ID operación")) == 1
    # Every identifier the person has goes in the row, like the desk's "Acreditar".
    assert "persona8@ejemplo.org" in [str(c).lstrip("'") for c in rows[-1]]


def test_cli_unknown_person_is_one_spanish_line_exit_2_nothing_written(
    fake: FakeSheetsServer, sa: dict[str, str], tmp_path: Path
) -> None:
    done = run_cli(fake, sa, tmp_path, "--email", "nadie@ejemplo.org")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "Error: no hay ninguna persona inscripta con el e-mail «nadie@ejemplo.org». "
        "Para registrar su entrada igual, repita con --sin-inscripcion."
    ]
    assert fake.count("append", "update") == 0 and "Traceback" not in done.stderr


def test_cli_sin_inscripcion_records_the_walk_in_deliberately(
    fake: FakeSheetsServer, sa: dict[str, str], tmp_path: Path
) -> None:
    done = run_cli(fake, sa, tmp_path, "--email", "nadie@ejemplo.org", "--sin-inscripcion")
    assert done.returncode == 0, done.stderr
    assert "enviada" in done.stdout
    assert [str(c).lstrip("'") for c in column(fake, "Dirección de correo electrónico")][-1] == "nadie@ejemplo.org"


def test_cli_already_accredited_says_since_when_and_writes_nothing(
    fake: FakeSheetsServer, sa: dict[str, str], tmp_path: Path
) -> None:
    done = run_cli(fake, sa, tmp_path, "--email", "persona1@ejemplo.org")  # in at 08:05 in the fixture
    assert done.returncode == 0, done.stderr
    assert "ya acreditado a las 08:05" in done.stdout
    assert fake.count("append", "update") == 0


# --- the desk page, on the same Sheet -------------------------------------------------------------


@pytest.fixture()
def desk(
    fake: FakeSheetsServer, sa: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Writer]:
    """The app configured on the fake Sheet (organizacion passcode "org-1"); yields the page's own
    Writer with its sender thread stopped, so the test decides when rows go out."""
    from foro_data.config import load_config
    from foro_data.sources.sheets_http import API_URL_ENV
    from ui import writing
    from ui.frame import RAISE_ENV

    lines = [
        "[foro]",
        'fuente = "gsheets"',
        f'planilla = "{fake.book().id}"',
        "",
        "[acceso]",
        'organizacion = "org-1"',
        "",
        "[gcp_service_account]",
        *(f"{k} = {json.dumps(v)}" for k, v in sa.items()),
    ]
    (tmp_path / "secrets.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for k, v in {
        "FORO_SECRETS": str(tmp_path / "secrets.toml"),
        "FORO_CACHE_DIR": str(tmp_path / "cache"),
        API_URL_ENV: fake.url,
        RAISE_ENV: "1",
    }.items():
        monkeypatch.setenv(k, v)
    cfg = load_config()
    writer = writing._shared_writer(writing._writer_key(cfg), cfg)
    writer.stop()
    try:
        yield writer
    finally:
        writer.stop()


def open_desk(query: str):  # -> AppTest
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["clave"] = "org-1"
    at.run()
    at.switch_page("pages/acreditacion.py").run()
    at.text_input(key="foro-consulta").input(query).run()
    assert not at.exception and not at.error
    return at


def page_text(at) -> str:
    kinds = ("caption", "markdown", "warning", "success", "info")
    return "\n".join(str(e.value) for kind in kinds for e in at.get(kind)).replace("\\", "")


PERSONA2 = "fila-4"  # persona2@ejemplo.org, Inscripciones row 4, no check-in in the fixture


def test_the_desk_accredits_on_a_design_sheet_and_says_it_added_the_header(
    fake: FakeSheetsServer, desk: Writer
) -> None:
    from ui import writing

    at = open_desk("persona2@ejemplo.org")
    at.button(key=f"foro-acreditar-{writing.key_slug(PERSONA2)}").click().run()
    assert not at.exception and not at.error
    assert desk.flush(force=True).enviadas == 1
    at.run()
    assert "ID operación" in page_text(at) and "columna G" in page_text(at)
    assert header(fake)[-1] == "ID operación" and len(column(fake, "ID operación")) == 1


def test_the_desk_does_not_accredit_twice_someone_accredited_meanwhile(fake: FakeSheetsServer, desk: Writer) -> None:
    from ui import writing

    at = open_desk("persona2@ejemplo.org")  # the button is on screen: not accredited yet
    desk.submit(AccreditOp.new(AT, email="persona2@ejemplo.org", punto="Mesa 2"), role="organizacion")  # another desk
    at.button(key=f"foro-acreditar-{writing.key_slug(PERSONA2)}").click().run()
    assert not at.exception and not at.error
    assert "ya acreditado a las" in page_text(at)
    assert desk.pending_summary().total == 1  # the other desk's row only: nothing queued twice
