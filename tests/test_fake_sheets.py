"""The fake Sheets server against real recorded traffic, and its own switches."""

from __future__ import annotations

import json
import socket
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet
from tests.fake_sheets.server import parse_range, quote_title, render_rows, to_serial

CASSETTES = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "gspread-cassettes"
SHEETS_HOST = "sheets.googleapis.com"
DRIVE_FILES = "https://www.googleapis.com/drive/v3/files"

# Sheets interactions whose recorded JSON is compared in full; every other one by shape
# (the same keys at every level and the same value types).
DIVERGES = {
    # The real API's "table" detection returned "Sheet1!A1" for a row with an empty middle cell.
    ("WorksheetTest.test_append_row_with_empty_value_and_table_range.json", "tableRange"),
}
REPLAYED = [
    "SpreadsheetTest.test_values_get.json",
    "SpreadsheetTest.test_values_batch_get.json",
    "SpreadsheetTest.test_worksheets_exclude_hidden.json",
    "WorksheetTest.test_append_row.json",
    "WorksheetTest.test_append_row_with_empty_value_and_table_range.json",
    "WorksheetTest.test_batch_get.json",
    "WorksheetTest.test_get_all_values.json",
    "WorksheetTest.test_get_all_values_date_time_render_options.json",
    "WorksheetTest.test_get_all_records_value_render_options.json",
    "ClientTest.test_access_non_existing_spreadsheet.json",
    "ClientTest.test_access_private_spreadsheet.json",
]


def _cassette(name: str) -> list[dict[str, Any]]:
    path = CASSETTES / name
    if not path.exists():
        pytest.skip(
            f"../shared/fixtures/gspread-cassettes not found: {path} (the recorded Sheets API traffic "
            "lives beside the repository, not in it)"
        )
    return json.loads(path.read_text(encoding="utf-8"))["interactions"]


def shape(value: Any) -> Any:
    """Keys and value types, recursively; lists by the shapes of their items."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(v) for v in value]
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return type(value).__name__


def _drop(value: Any, key: str) -> Any:
    if isinstance(value, dict):
        return {k: _drop(v, key) for k, v in value.items() if k != key}
    if isinstance(value, list):
        return [_drop(v, key) for v in value]
    return value


@pytest.fixture()
def open_fake():
    with FakeSheetsServer(require_auth=False) as server:
        yield server


@pytest.mark.parametrize("name", REPLAYED)
def test_replaying_real_traffic_gives_the_same_answers(name: str, open_fake: FakeSheetsServer) -> None:
    """Every recorded Sheets API call of the cassette, sent in order to the fake server.

    Drive calls (creating and deleting the file) are not the Sheets API: a Drive "create" makes a
    new Sheet on the fake (one 1000x26 tab "Sheet1", en_US, Etc/GMT, like Google's default).
    """
    interactions = _cassette(name)
    compared = 0
    for i, it in enumerate(interactions):
        req, resp = it["request"], it["response"]
        uri = urlsplit(req["uri"])
        recorded_status = resp["status"]["code"]
        recorded_body = resp["body"]["string"]
        if req["uri"].startswith(DRIVE_FILES):
            if req["method"] == "POST" and recorded_status == 200:
                meta = json.loads(recorded_body)
                open_fake.add(
                    FakeSpreadsheet.from_tabs(
                        {"Sheet1": []}, id=meta["id"], title=meta["name"], locale="en_US", time_zone="Etc/GMT"
                    )
                )
            continue
        assert uri.netloc == SHEETS_HOST
        if recorded_status == 403:
            # A Sheet that exists but was never shared with the caller.
            sid = uri.path.split("/")[3]
            book = open_fake.add(FakeSpreadsheet.from_tabs({"Sheet1": []}, id=sid, locale="en_US", time_zone="Etc/GMT"))
            book.shared = False
        body = req.get("body")
        got = requests.request(
            req["method"],
            open_fake.url + uri.path + ("?" + uri.query if uri.query else ""),
            data=body.encode("utf-8") if isinstance(body, str) else body,
            headers={"Content-Type": "application/json"},
            timeout=5,
        )
        where = f"{name} #{i} {req['method']} {req['uri']}"
        assert got.status_code == recorded_status, where
        expected = json.loads(recorded_body)
        answer = got.json()
        if "addSheet" in (body or ""):
            # Google picks sheet ids; adopt the recorded one so later requests that name it work.
            recorded_props = expected["replies"][0]["addSheet"]["properties"]
            sheet = open_fake.book(answer["spreadsheetId"]).sheet(recorded_props["title"])
            sheet.sheet_id = recorded_props["sheetId"]
            answer["replies"][0]["addSheet"]["properties"]["sheetId"] = sheet.sheet_id
        assert shape(answer) == shape(expected), where
        for ignored in [k for (n, k) in DIVERGES if n == name]:
            expected, answer = _drop(expected, ignored), _drop(answer, ignored)
        assert answer == expected, where
        compared += 1
    assert compared >= 1


def test_the_token_endpoint_answers_like_google(open_fake: FakeSheetsServer, throwaway_service_account) -> None:
    from google.auth.transport.requests import Request
    from google.oauth2 import service_account

    info = dict(throwaway_service_account, token_uri=open_fake.token_uri)
    creds = service_account.Credentials.from_service_account_info(
        info, scopes=["https://www.googleapis.com/auth/spreadsheets.readonly"]
    )
    creds.refresh(Request())
    assert creds.token and creds.token.startswith("ya29.")
    assert creds.expiry is not None
    bad = requests.post(open_fake.token_uri, data={"grant_type": "password"}, timeout=5)
    assert bad.status_code == 400 and bad.json()["error"] == "unsupported_grant_type"


# --- the server's own rules ------------------------------------------------------------------


def _book() -> FakeSpreadsheet:
    return FakeSpreadsheet.from_tabs(
        {
            "Inscripciones": [
                ["Marca temporal", "Nombre", "Monto"],
                [datetime(2025, 6, 19, 9, 5, 33), "Ana", 1234.5],
                [None, None, None],
                [date(2025, 6, 19), "Bea", None, None],
            ],
            "Hoja con espacios": [["x"]],
        }
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Inscripciones", "Inscripciones!A1:Z1000"),
        ("'Inscripciones'", "Inscripciones!A1:Z1000"),
        ("Inscripciones!A1:C2", "Inscripciones!A1:C2"),
        ("Inscripciones!A:A", "Inscripciones!A1:A1000"),
        ("'Inscripciones'!A1:1", "Inscripciones!A1:Z1"),
        ("Inscripciones!B2:Z", "Inscripciones!B2:Z1000"),
        ("'Hoja con espacios'!A1", "'Hoja con espacios'!A1"),
        ("Hoja con espacios!A1:B2", "'Hoja con espacios'!A1:B2"),
        ("A1:B2", "Inscripciones!A1:B2"),
    ],
)
def test_ranges_are_parsed_and_reported_like_the_api(text: str, expected: str) -> None:
    assert parse_range(text, _book()).a1() == expected


@pytest.mark.parametrize("text", ["Nada", "'Nada'!A1:B2", "Inscripciones!A1:B2:C3", "Inscripciones!??"])
def test_unknown_tabs_and_bad_ranges_do_not_parse(text: str) -> None:
    from tests.fake_sheets.server import RangeError

    with pytest.raises(RangeError):
        parse_range(text, _book())


def test_render_options_and_trailing_blanks() -> None:
    rows = _book().sheets[0].rows
    unformatted = render_rows(rows, 0, 0, 1000, 26, "UNFORMATTED_VALUE", "SERIAL_NUMBER", "es_AR")
    assert unformatted == [
        ["Marca temporal", "Nombre", "Monto"],
        [to_serial(datetime(2025, 6, 19, 9, 5, 33)), "Ana", 1234.5],
        [],
        [45827, "Bea"],
    ]
    assert to_serial(date(2025, 6, 19)) == 45827
    formatted = render_rows(rows, 0, 0, 1000, 26, "FORMATTED_VALUE", "SERIAL_NUMBER", "es_AR")
    assert formatted[1] == ["19/6/2025 9:05:33", "Ana", "1234,5"]
    as_strings = render_rows(rows, 0, 0, 1000, 26, "UNFORMATTED_VALUE", "FORMATTED_STRING", "en_US")
    assert as_strings[1] == ["6/19/2025 9:05:33", "Ana", 1234.5]
    assert (
        quote_title("Sheet1") == "Sheet1"
        and quote_title("A1") == "'A1'"
        and quote_title("Inscripción") == "'Inscripción'"
    )


def test_faults_are_switched_from_python_and_from_the_admin_endpoint(open_fake: FakeSheetsServer) -> None:
    book = open_fake.add(_book())
    url = f"{open_fake.url}/v4/spreadsheets/{book.id}/values/Inscripciones"
    assert requests.get(url, timeout=5).status_code == 200
    open_fake.set_fault("429", seconds=7, times=1)
    r = requests.get(url, timeout=5)
    assert r.status_code == 429 and r.headers["Retry-After"] == "7"
    assert r.json()["error"]["status"] == "RESOURCE_EXHAUSTED"
    assert requests.get(url, timeout=5).status_code == 200  # times=1: one request only
    assert requests.post(f"{open_fake.url}/_admin/fault", json={"kind": "503"}, timeout=5).json() == {"ok": True}
    assert requests.get(url, timeout=5).status_code == 503
    requests.delete(f"{open_fake.url}/_admin/fault", timeout=5)
    assert requests.get(url, timeout=5).status_code == 200
    requests.post(f"{open_fake.url}/_admin/rename_tab", json={"old": "Inscripciones", "new": "Hoja 1"}, timeout=5)
    r = requests.get(url, timeout=5)
    assert r.status_code == 400 and r.json()["error"]["message"].startswith("Unable to parse range: Inscripciones")
    log = requests.get(f"{open_fake.url}/_admin/requests", timeout=5).json()
    assert [e["kind"] for e in log if e["kind"] == "values"] == ["values"] * 6
    assert [e["status"] for e in log if e["kind"] == "values"] == [200, 429, 200, 503, 200, 400]


def test_malformed_close_and_refuse(open_fake: FakeSheetsServer) -> None:
    book = open_fake.add(_book())
    url = f"{open_fake.url}/v4/spreadsheets/{book.id}"
    open_fake.set_fault("malformed", times=1)
    with pytest.raises(ValueError):
        requests.get(url, timeout=5).json()
    open_fake.set_fault("close", times=1)
    with pytest.raises(requests.ConnectionError):
        requests.get(url, timeout=5)
    with requests.Session() as keep_alive:
        assert keep_alive.get(url, timeout=5).status_code == 200
        open_fake.refuse()
        with pytest.raises(requests.ConnectionError):
            keep_alive.get(url, timeout=5)
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", open_fake.port), timeout=2)
        open_fake.resume()
        assert keep_alive.get(url, timeout=5).status_code == 200


def test_delay_outlasts_the_client_timeout(open_fake: FakeSheetsServer) -> None:
    book = open_fake.add(_book())
    open_fake.set_fault("delay", seconds=2, times=1)
    with pytest.raises(requests.Timeout):
        requests.get(f"{open_fake.url}/v4/spreadsheets/{book.id}", timeout=(1, 0.3))


def test_append_writes_after_the_table_and_answers_like_the_api(open_fake: FakeSheetsServer) -> None:
    book = open_fake.add(_book())
    r = requests.post(
        f"{open_fake.url}/v4/spreadsheets/{book.id}/values/Inscripciones!A1:append",
        params={"valueInputOption": "USER_ENTERED", "insertDataOption": "INSERT_ROWS"},
        json={"values": [["19/6/2025 10:00:00", "Caro", "12,5"]]},
        timeout=5,
    )
    assert r.status_code == 200
    body = r.json()
    # Like Google, the table ends at the first blank row: the append fills that gap.
    assert body["tableRange"] == "Inscripciones!A1:C2"
    assert body["updates"]["updatedRange"] == "Inscripciones!A3:C3"
    rows = book.sheet("Inscripciones").rows
    assert rows[2][1:] == ["Caro", 12.5]
    got = requests.get(
        f"{open_fake.url}/v4/spreadsheets/{book.id}/values/Inscripciones!A3:C3",
        params={"valueRenderOption": "UNFORMATTED_VALUE"},
        timeout=5,
    ).json()
    assert got["values"] == [[to_serial(datetime(2025, 6, 19, 10)), "Caro", 12.5]]


def test_requests_need_a_token_from_the_token_endpoint() -> None:
    with FakeSheetsServer() as server:
        book = server.add(_book())
        r = requests.get(f"{server.url}/v4/spreadsheets/{book.id}", timeout=5)
        assert r.status_code == 401 and r.json()["error"]["status"] == "UNAUTHENTICATED"


def test_xlsx_workbooks_are_served(tmp_path: Path, open_fake: FakeSheetsServer) -> None:
    from tests.sheets_fixtures import write_xlsx

    path = write_xlsx(
        {"Inscripciones": [["Marca temporal", "Nombre"], [datetime(2025, 6, 19, 9, 0), "Ana"]]}, tmp_path / "libro.xlsx"
    )
    book = open_fake.add(FakeSpreadsheet.from_xlsx(path, id="xlsx1"))
    got = requests.get(
        f"{open_fake.url}/v4/spreadsheets/xlsx1/values:batchGet",
        params={
            "ranges": ["Inscripciones"],
            "valueRenderOption": "UNFORMATTED_VALUE",
            "dateTimeRenderOption": "SERIAL_NUMBER",
        },
        timeout=5,
    ).json()
    assert got["valueRanges"][0]["values"] == [
        ["Marca temporal", "Nombre"],
        [to_serial(datetime(2025, 6, 19, 9)), "Ana"],
    ]
    assert book.title == "libro"


def test_the_workbook_is_replaced_through_the_admin_endpoint(open_fake: FakeSheetsServer) -> None:
    open_fake.add(_book())
    r = requests.post(
        f"{open_fake.url}/_admin/workbook",
        timeout=5,
        json={"tabs": {"Inscripciones": [["Nombre"], ["Nueva"]]}, "locale": "pt_BR"},
    )
    assert r.json() == {"ok": True}
    meta = requests.get(f"{open_fake.url}/v4/spreadsheets/{_book().id}", timeout=5).json()
    assert [s["properties"]["title"] for s in meta["sheets"]] == ["Inscripciones"]
    assert meta["properties"]["locale"] == "pt_BR"
    got = requests.get(f"{open_fake.url}/v4/spreadsheets/{_book().id}/values/Inscripciones", timeout=5).json()
    assert got["values"] == [["Nombre"], ["Nueva"]]


def test_the_printed_secrets_snippet_connects(open_fake: FakeSheetsServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """What ``python -m tests.fake_sheets`` prints is a working secrets.toml for that server."""
    import tomllib

    from foro_data.config import config_from_dict
    from foro_data.sources.gsheets import GSheetsSource
    from tests.fake_sheets.__main__ import secrets_snippet

    book = open_fake.add(_book())
    open_fake.require_auth = True
    config = config_from_dict(tomllib.loads(secrets_snippet(open_fake.url, open_fake.token_uri, book.id)))
    monkeypatch.setenv("FORO_SHEETS_API_URL", open_fake.url)
    raw = GSheetsSource.from_config(config).read()
    assert raw.tabs["Inscripciones"][1][1] == "Ana"
    assert open_fake.count("token") == 1
