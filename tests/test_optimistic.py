"""The optimistic view is a parameter of the metrics: what the venue queued but the Sheet does not
show yet counts exactly as it will once the Sheet has it (the figure never jumps), and the write
path's sentences exist in every language."""

from __future__ import annotations

import string
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Iterator
from zoneinfo import ZoneInfo

import pytest

from foro_data import metrics
from foro_data.build import build_snapshot
from foro_data.catalogue.sheets import SheetsSentence
from foro_data.catalogue.writes import DeskSentence, OpSentence, SendSentence, WritesCode
from foro_data.errors import CATALOGUE
from foro_data.outbox import Outbox
from foro_data.snapshot import Fuente, Snapshot
from foro_data.sources.gsheets import GSheetsSource
from foro_data.writes import (
    AccreditOp,
    SheetAppender,
    TallyOp,
    UndoOp,
    Writer,
    anuladas,
    as_conteos,
    as_scans,
    not_yet_read,
)
from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet, make_service_account
from tests.sheets_fixtures import TEST_TIMEOUT, forum_tabs

TZ = ZoneInfo("America/Argentina/Mendoza")
AT = datetime(2025, 6, 19, 10, 0, tzinfo=TZ)  # inside the Plenario session (9:00-11:00)
AS_OF = datetime(2025, 6, 19, 10, 50, tzinfo=TZ)


def tabs() -> dict[str, list[list[Any]]]:
    t = forum_tabs()
    t["Acreditaciones"][0] = t["Acreditaciones"][0] + ["id_operacion", "DNI"]
    t["Conteos"] = [["Marca temporal", "Sala", "Tipo", "Valor", "Registrado por", "ID de operación"]]
    return t


@pytest.fixture()
def fake() -> Iterator[FakeSheetsServer]:
    with FakeSheetsServer() as server:
        server.add(FakeSpreadsheet.from_tabs(tabs()))
        yield server


@pytest.fixture()
def writer(fake: FakeSheetsServer, tmp_path: Path) -> Writer:
    sa = make_service_account(fake.token_uri)
    appender = SheetAppender(fake.book().id, sa, api_url=fake.url, timeout=TEST_TIMEOUT)
    return Writer(Outbox(tmp_path / "o.sqlite3"), appender, tz=TZ)


def read(fake: FakeSheetsServer, at: datetime) -> Snapshot:
    sa = make_service_account(fake.token_uri)
    source = GSheetsSource(fake.book().id, sa, api_url=fake.url, timeout=TEST_TIMEOUT)
    return build_snapshot(source.read(), Fuente("gsheets", "prueba", at))


def plenario(salas: list[metrics.OcupacionSala]) -> metrics.OcupacionSala:
    return next(o for o in salas if o.sala == "Plenario")


def test_queued_taps_count_as_they_will_once_on_the_sheet(fake: FakeSheetsServer, writer: Writer) -> None:
    before = read(fake, AS_OF)
    for op in (
        TallyOp.new("Plenario", "conteo", 40, "Ana", AT),
        TallyOp.new("Plenario", "delta", 3, "Ana", AT + timedelta(minutes=1)),
        TallyOp.new("Plenario", "delta", -13, "Beto", AT + timedelta(minutes=2)),
        TallyOp.new("plenario", "delta", 7, "Beto", AT + timedelta(minutes=3)),
    ):
        writer.submit(op, role="coordinacion")
    ops = not_yet_read(before, writer.recent)
    optimistic = plenario(metrics.ocupacion_salas(before, AS_OF, pendientes=as_conteos(ops)))
    assert (optimistic.ocupacion, optimistic.fuente) == (37, "conteo")  # the headcount, then the deltas
    # Without them the room has no tally and no scan at its point in this session: no figure.
    assert plenario(metrics.ocupacion_salas(before, AS_OF)).fuente == "sin_dato"
    writer.flush()
    after = read(fake, AS_OF)
    assert not_yet_read(after, writer.recent) == []
    assert plenario(metrics.ocupacion_salas(after, AS_OF)) == optimistic


def test_a_queued_check_in_and_its_undo_count_as_they_will(fake: FakeSheetsServer, writer: Writer) -> None:
    before = read(fake, AS_OF)
    persona = next(p for p in before.personas if p.email == "persona2@ejemplo.org")  # no check-in in the fixture
    kept = AccreditOp.new(AT, documento="30.000.002")  # another spelling of the same document
    writer.submit(kept, role="organizacion")
    ops = not_yet_read(before, writer.recent)
    queued = dict(pendientes=as_scans(ops, before.personas), anuladas=anuladas(ops))
    assert metrics.acreditado_a(before, persona.key, AS_OF) is None
    assert metrics.acreditado_a(before, persona.key, AS_OF, **queued) == AT
    writer.flush()
    after = read(fake, AS_OF)
    assert metrics.acreditado_a(after, persona.key, AS_OF) == AT

    writer.submit(UndoOp.of(kept, AT + timedelta(seconds=30)), role="organizacion")
    ops = not_yet_read(after, writer.recent)
    queued = dict(pendientes=as_scans(ops, after.personas), anuladas=anuladas(ops))
    assert metrics.acreditado_a(after, persona.key, AS_OF, **queued) is None
    writer.flush()
    assert metrics.acreditado_a(read(fake, AS_OF), persona.key, AS_OF) is None


FAMILIES = [SheetsSentence, WritesCode, OpSentence, SendSentence, DeskSentence]


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("code", [c for family in FAMILIES for c in family], ids=str)
def test_every_write_path_sentence_is_written_in_three_languages(code: str) -> None:
    s = CATALOGUE[code]
    assert s.es and s.pt and s.en, code
    assert _fields(s.es) == _fields(s.pt) == _fields(s.en), code  # the same placeholders in each


def test_the_senders_state_is_worded_in_the_viewers_language(fake: FakeSheetsServer, writer: Writer) -> None:
    fake.book().sheet("Conteos").rows[0] = ["Marca temporal", "Sala", "Tipo", "Valor", "ID de operación"]
    writer.submit(TallyOp.new("Plenario", "delta", 1, "Ana", AT), role=None)
    fake.refuse()  # the venue network is down
    report = writer.flush()
    summary = writer.pending_summary()
    assert summary.ultimo_error == report.reason and report.reason.startswith("No hay conexión")
    assert summary.ultimo_error_in("en").startswith("No connection to Google Sheets")
    assert summary.ultimo_error_in("pt").startswith("Não há conexão")
    fake.resume()
    report = writer.flush(force=True)  # sent; the Sheet has no «Registrado por» column
    summary = writer.pending_summary()
    assert report.enviadas == 1 and summary.avisos == report.avisos and "registrado_por" in report.avisos[0]
    assert summary.avisos_in("en") == ("The «Conteos» tab has no «registrado_por» column; that value is not saved.",)
