"""The fake Sheets server stores what a write sends the way Google does (valueInputOption
USER_ENTERED) and honours the A1 ranges the writer reads back: the writer's tests are only as good
as these two behaviours."""

from __future__ import annotations

from datetime import datetime

import requests

from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet
from tests.fake_sheets.server import to_serial

CONTEOS = ["marca_temporal", "sala", "tipo", "valor", "registrado_por", "id_operacion"]


def _append(server: FakeSheetsServer, book: FakeSpreadsheet, row: list[object]) -> None:
    r = requests.post(
        f"{server.url}/v4/spreadsheets/{book.id}/values/'Conteos'!A1:append",
        params={"valueInputOption": "USER_ENTERED", "insertDataOption": "INSERT_ROWS"},
        json={"values": [row]},
        timeout=5,
    )
    assert r.status_code == 200, r.text


def _get(server: FakeSheetsServer, book: FakeSpreadsheet, rng: str) -> list[list[object]]:
    r = requests.get(
        f"{server.url}/v4/spreadsheets/{book.id}/values/{rng}",
        params={"valueRenderOption": "UNFORMATTED_VALUE", "dateTimeRenderOption": "SERIAL_NUMBER"},
        timeout=5,
    )
    assert r.status_code == 200, r.text
    return r.json().get("values", [])


def test_a_leading_apostrophe_keeps_text_literal_and_is_not_stored() -> None:
    with FakeSheetsServer(require_auth=False) as server:
        book = server.add(FakeSpreadsheet.from_tabs({"Conteos": [CONTEOS]}))
        _append(server, book, ["", "'=1+1", "delta", 1, "'+54 261 555", "'0012"])
        assert _get(server, book, "'Conteos'!A2:F2") == [["", "=1+1", "delta", 1, "+54 261 555", "0012"]]


def test_an_iso_timestamp_typed_by_the_writer_becomes_a_date_serial() -> None:
    with FakeSheetsServer(require_auth=False) as server:
        book = server.add(FakeSpreadsheet.from_tabs({"Conteos": [CONTEOS]}))
        _append(server, book, ["2025-06-19 09:12:00", "Plenario", "conteo", 40, "Ana", "op-1"])
        (row,) = _get(server, book, "'Conteos'!A2:A2")
        assert row == [to_serial(datetime(2025, 6, 19, 9, 12))]
        assert isinstance(row[0], float) and 45827 < row[0] < 45828


def test_an_open_ended_column_range_reads_that_column_below_the_header() -> None:
    with FakeSheetsServer(require_auth=False) as server:
        book = server.add(FakeSpreadsheet.from_tabs({"Conteos": [CONTEOS]}))
        for i in range(3):
            _append(server, book, ["2025-06-19 09:12:00", "Plenario", "delta", 1, "Ana", f"op-{i}"])
        assert _get(server, book, "'Conteos'!F2:F") == [["op-0"], ["op-1"], ["op-2"]]
        assert _get(server, book, "'Conteos'!F1:F1") == [["id_operacion"]]
