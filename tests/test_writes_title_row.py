"""A hand-made Sheet with a title row above the headers (schema.Tab.header_row finds them among
the first rows): the writer reads the header row where it is, writes the added "ID operación"
header in THAT row and appends under the table, never into the gap below the title. Real gspread
against the fake Sheets server."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, Iterator
from zoneinfo import ZoneInfo

import pytest

from foro_data.outbox import Outbox
from foro_data.writes import AccreditOp, SheetAppender, Writer
from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet, make_service_account
from tests.sheets_fixtures import TEST_TIMEOUT
from tests.test_desk_design_sheet import DESIGN_ACREDITACIONES, design_tabs

TZ = ZoneInfo("America/Argentina/Mendoza")
AT = datetime(2025, 6, 19, 10, 0, tzinfo=TZ)
TITLE = ["Acreditaciones del Foro 2025"]


def titled_tabs(blank_line: bool) -> dict[str, list[list[Any]]]:
    tabs = design_tabs()
    tabs["Acreditaciones"] = [TITLE, *([[]] if blank_line else []), *tabs["Acreditaciones"]]
    return tabs


@pytest.fixture(params=[True, False], ids=["title-blank-headers", "title-headers"])
def fake(request: pytest.FixtureRequest) -> Iterator[FakeSheetsServer]:
    with FakeSheetsServer() as server:
        server.add(FakeSpreadsheet.from_tabs(titled_tabs(request.param)))
        yield server


def rows(fake: FakeSheetsServer) -> list[list[Any]]:
    return [list(r) for r in fake.book().sheet("Acreditaciones").rows]


def header_at(fake: FakeSheetsServer) -> int:
    return next(i for i, r in enumerate(rows(fake)) if r and r[0] == DESIGN_ACREDITACIONES[0])


def test_the_added_header_goes_in_the_header_row_and_rows_land_under_the_table(
    fake: FakeSheetsServer, tmp_path: Path
) -> None:
    appender = SheetAppender(
        fake.book().id, make_service_account(fake.token_uri), api_url=fake.url, timeout=TEST_TIMEOUT
    )
    writer = Writer(Outbox(tmp_path / "o.sqlite3"), appender, tz=TZ)
    h = header_at(fake)
    before = rows(fake)
    first = AccreditOp.new(AT, email="persona2@ejemplo.org")
    writer.submit(first, role="organizacion")
    report = writer.flush()
    assert (report.enviadas, report.errores) == (1, 0), report.reason
    after = rows(fake)
    assert after[0] == TITLE  # the title row is untouched, no header written beside it
    assert after[h] == DESIGN_ACREDITACIONES + ["ID operación"]
    assert after[:h] == before[:h]  # nothing written into the title or the gap below it
    last = after[-1]
    assert len(after) == len(before) + 1 and last[-1] == first.id_operacion
    assert "persona2@ejemplo.org" in [str(c).lstrip("'") for c in last]
    # A second send reuses the header (one header write in all) and reconciles against the same row.
    second = AccreditOp.new(AT, documento="30.000.008")
    writer.submit(second, role="organizacion")
    assert writer.flush().enviadas == 1
    assert fake.count("update") == 1
    assert [r[6] for r in rows(fake)[h + 1 :] if len(r) > 6 and r[6]] == [first.id_operacion, second.id_operacion]
