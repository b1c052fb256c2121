"""GSheetsSource through the real gspread + google-auth clients, against the fake Sheets server."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from foro_data import metrics
from foro_data.build import build_snapshot
from foro_data.config import config_from_dict
from foro_data.snapshot import Fuente
from foro_data.sources.base import SourceError
from foro_data.sources.gsheets import GSheetsSource, spreadsheet_key
from foro_data.sources.local import LocalSource
from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet
from tests.sheets_fixtures import TEST_TIMEOUT, forum_tabs, write_xlsx

READ_AT = datetime(2025, 6, 19, 23, 0, tzinfo=timezone.utc)


def test_one_metadata_read_then_one_batch_get_per_read(
    fake_sheets: FakeSheetsServer, gsheets_source: GSheetsSource
) -> None:
    raw = gsheets_source.read()
    raw2 = gsheets_source.read()
    assert raw2.tabs == raw.tabs
    assert (fake_sheets.count("token"), fake_sheets.count("metadata"), fake_sheets.count("batchGet")) == (1, 1, 2)
    assert fake_sheets.count("values") == 0
    batch = [r for r in fake_sheets.requests if r.kind == "batchGet"][0]
    assert batch.query["valueRenderOption"] == ["UNFORMATTED_VALUE"]
    assert batch.query["dateTimeRenderOption"] == ["SERIAL_NUMBER"]
    # Every tab the contract knows, in one call; tabs it does not know are not read.
    assert set(raw.tabs) == {"Inscripciones", "Acreditaciones", "Salas", "Agenda", "Apoyos", "Presupuesto"}
    assert len(batch.query["ranges"]) == 6
    assert raw.serial_dates and raw.locale == "es_AR" and raw.time_zone == "America/Argentina/Mendoza"
    assert gsheets_source.descripcion == "Planilla de Google «Foro en vivo (ensayo)»"


def test_figures_equal_those_of_the_same_workbook_read_from_xlsx(tmp_path: Path, service_account) -> None:
    """The contract: a Sheet and the .xlsx it was exported to give the same figures."""
    path = write_xlsx(forum_tabs(), tmp_path / "foro.xlsx")
    with FakeSheetsServer() as fake:
        book = fake.add(FakeSpreadsheet.from_xlsx(path, id="contrato"))
        sa = dict(service_account, token_uri=fake.token_uri)
        raw_sheet = GSheetsSource(book.id, sa, api_url=fake.url, timeout=TEST_TIMEOUT).read()
    raw_file = LocalSource(path).read()
    # Dates travel as serial numbers from the Sheet and as datetimes from the file...
    assert raw_sheet.serial_dates and not raw_file.serial_dates
    assert isinstance(raw_sheet.tabs["Acreditaciones"][1][0], float)
    from_sheet = build_snapshot(raw_sheet, Fuente("gsheets", "planilla", READ_AT))
    from_file = build_snapshot(raw_file, Fuente("archivo", "archivo", READ_AT))
    # ...and become the same people, scans and figures.
    assert len(from_sheet.personas) == len(from_file.personas) == 25
    assert len(from_sheet.scans) == len(from_file.scans) == 17
    assert [s.at for s in from_sheet.scans] == [s.at for s in from_file.scans]
    figures_sheet = metrics.resumen_json(from_sheet, READ_AT)
    figures_file = metrics.resumen_json(from_file, READ_AT)
    figures_sheet.pop("fuente"), figures_file.pop("fuente")
    assert figures_sheet == figures_file
    assert [(p.kind, p.tab, p.row) for p in from_sheet.problems] == [(p.kind, p.tab, p.row) for p in from_file.problems]


@pytest.mark.parametrize(
    "planilla, key",
    [
        ("https://docs.google.com/spreadsheets/d/1AbC-d_9xyz/edit#gid=0", "1AbC-d_9xyz"),
        ("https://docs.google.com/spreadsheets/d/1AbC-d_9xyz", "1AbC-d_9xyz"),
        ("  1AbC-d_9xyz ", "1AbC-d_9xyz"),
    ],
)
def test_planilla_is_a_url_or_a_bare_key(planilla: str, key: str) -> None:
    assert spreadsheet_key(planilla) == key


def test_a_url_without_a_key_is_refused_in_spanish_when_read() -> None:
    source = GSheetsSource("https://docs.google.com/document/u/0/", {}, api_url="http://127.0.0.1:9")
    with pytest.raises(SourceError) as e:
        source.read()
    assert e.value.code == "no_existe" and "clave de la planilla" in e.value.reason


@pytest.mark.parametrize("layout", ["gcp_service_account", "connections.gsheets"])
def test_from_config_reads_through_foro_sheets_api_url(
    layout: str, fake_sheets: FakeSheetsServer, service_account, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = fake_sheets.book().id
    url = f"https://docs.google.com/spreadsheets/d/{key}/edit"
    if layout == "gcp_service_account":
        data = {"foro": {"fuente": "gsheets", "planilla": url}, "gcp_service_account": service_account}
    else:  # what st-gsheets-connection users already have
        data = {"connections": {"gsheets": {"spreadsheet": url, "worksheet": "0", **service_account}}}
    monkeypatch.setenv("FORO_SHEETS_API_URL", fake_sheets.url)
    source = GSheetsSource.from_config(config_from_dict(data))
    assert source.key == key and source.api_url == fake_sheets.url
    assert "Inscripciones" in source.read().tabs
    assert fake_sheets.count("batchGet") == 1


@pytest.mark.parametrize(
    "kind, code, words",
    [
        ("429", "cuota", "cuota de 60 lecturas por minuto"),
        ("500", "servidor", "HTTP 500"),
        ("503", "servidor", "HTTP 503"),
        (
            "403",
            "permiso",
            "no está compartida con la cuenta de servicio foro-en-vivo@ensayo-local.iam.gserviceaccount.com",
        ),
        ("404", "no_existe", "revise [foro] planilla"),
        ("malformed", "respuesta", "ilegible"),
        ("close", "red", "cortó la conexión"),
        ("delay", "tiempo", "no respondió a tiempo"),
    ],
)
def test_each_failure_becomes_one_spanish_sentence(
    kind: str, code: str, words: str, fake_sheets: FakeSheetsServer, gsheets_source: GSheetsSource
) -> None:
    gsheets_source.read()
    fake_sheets.set_fault(kind, seconds=3 if kind == "delay" else 20)
    with pytest.raises(SourceError) as e:
        gsheets_source.read()
    assert e.value.code == code
    assert words in e.value.reason
    assert e.value.retry_after == (20.0 if kind == "429" else None)
    fake_sheets.clear_fault()
    assert "Inscripciones" in gsheets_source.read().tabs


def test_refused_connection(fake_sheets: FakeSheetsServer, gsheets_source: GSheetsSource) -> None:
    gsheets_source.read()
    fake_sheets.refuse()
    with pytest.raises(SourceError) as e:
        gsheets_source.read()
    assert e.value.code == "red" and "No hay conexión" in e.value.reason
    fake_sheets.resume()
    assert gsheets_source.read().tabs


def test_a_sheet_not_shared_and_a_wrong_key(fake_sheets: FakeSheetsServer, service_account) -> None:
    fake_sheets.book().shared = False
    source = GSheetsSource(fake_sheets.book().id, service_account, api_url=fake_sheets.url, timeout=TEST_TIMEOUT)
    with pytest.raises(SourceError) as e:
        source.read()
    assert e.value.reason == (
        "La planilla no está compartida con la cuenta de servicio foro-en-vivo@ensayo-local.iam.gserviceaccount.com."
    )
    wrong = GSheetsSource("1NoExisteEstaClave", service_account, api_url=fake_sheets.url, timeout=TEST_TIMEOUT)
    with pytest.raises(SourceError) as e:
        wrong.read()
    assert e.value.code == "no_existe" and "1NoExisteEstaClave" in e.value.reason


def test_a_renamed_tab_rereads_the_metadata_once(fake_sheets: FakeSheetsServer, gsheets_source: GSheetsSource) -> None:
    gsheets_source.read()
    fake_sheets.rename_tab("Salas", "Espacios y salas")
    raw = gsheets_source.read()
    assert "Salas" not in raw.tabs and "Inscripciones" in raw.tabs
    assert fake_sheets.count("metadata") == 2
    assert [r.status for r in fake_sheets.requests if r.kind == "batchGet"] == [200, 400, 200]
    gsheets_source.read()
    assert fake_sheets.count("metadata") == 2  # not again while the ranges parse


def test_a_missing_inscripciones_tab_is_reported_and_noticed_when_back(
    fake_sheets: FakeSheetsServer, gsheets_source: GSheetsSource
) -> None:
    gsheets_source.read()
    fake_sheets.rename_tab("Inscripciones", "Hoja 1")
    with pytest.raises(SourceError) as e:
        gsheets_source.read()
    assert e.value.code == "pestana"
    assert e.value.reason.startswith("La planilla no tiene la pestaña «Inscripciones» (pestañas encontradas: «Hoja 1»")
    fake_sheets.rename_tab("Hoja 1", "Respuestas de formulario 1")  # an alias is as good as the name
    raw = gsheets_source.read()
    assert "Respuestas de formulario 1" in raw.tabs


def test_a_broken_key_in_secrets_is_a_credentials_error(fake_sheets: FakeSheetsServer, service_account) -> None:
    broken = dict(service_account, private_key="-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n")
    with pytest.raises(SourceError) as e:
        GSheetsSource(fake_sheets.book().id, broken, api_url=fake_sheets.url).read()
    assert e.value.code == "credenciales"
    assert fake_sheets.count() == 0  # nothing was sent


def test_requests_go_only_to_the_configured_api_url(
    fake_sheets: FakeSheetsServer, gsheets_source: GSheetsSource
) -> None:
    gsheets_source.read()
    assert {r.kind for r in fake_sheets.requests} == {"token", "metadata", "batchGet"}
    assert all(r.status == 200 for r in fake_sheets.requests)


def test_a_key_google_no_longer_accepts_is_a_credentials_error(fake_sheets: FakeSheetsServer, service_account) -> None:
    revoked = dict(service_account, token_uri=fake_sheets.url + "/token-revocado")  # the token call fails
    with pytest.raises(SourceError) as e:
        GSheetsSource(fake_sheets.book().id, revoked, api_url=fake_sheets.url, timeout=TEST_TIMEOUT).read()
    assert e.value.code == "credenciales"
    assert e.value.reason.startswith("Google rechazó la cuenta de servicio foro-en-vivo@")
    assert fake_sheets.count("metadata", "batchGet") == 0
