"""Writes to the Sheet through the outbox, against the local fake Sheets server (real gspread client)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Iterator
from zoneinfo import ZoneInfo

import pytest

from foro_data import metrics
from foro_data.__main__ import main as cli_main
from foro_data.build import build_snapshot
from foro_data.config import Config
from foro_data.outbox import Outbox
from foro_data.snapshot import Fuente, Snapshot
from foro_data.sources.gsheets import GSheetsSource
from foro_data.writes import (
    SOLO_LECTURA,
    AccreditOp,
    InvalidOperation,
    PendingOp,
    SheetAppender,
    TallyOp,
    UndoOp,
    WalkInOp,
    Writer,
    WritesUnavailable,
    open_writer,
    pending_check_ins,
    tally_with_pending,
    unseen,
    visible_ids,
)
from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet
from tests.sheets_fixtures import TEST_TIMEOUT, forum_tabs

TZ = ZoneInfo("America/Argentina/Mendoza")
AT = datetime(2025, 6, 19, 10, 0, tzinfo=TZ)  # inside the Plenario session (9:00-11:00)
AS_OF = datetime(2025, 6, 19, 10, 50, tzinfo=TZ)
ROOT = Path(__file__).resolve().parents[1]
# Conteos with its columns in an order of its own (and a Spanish alias for id_operacion).
CONTEOS_HEADERS = ["ID de operación", "Valor", "Sala", "Marca temporal", "Registrado por", "Tipo"]


def writable_tabs() -> dict[str, list[list[Any]]]:
    tabs = forum_tabs()
    tabs["Acreditaciones"][0] = tabs["Acreditaciones"][0] + ["id_operacion", "DNI"]
    tabs["Conteos"] = [list(CONTEOS_HEADERS)]
    return tabs


@pytest.fixture()
def fake() -> Iterator[FakeSheetsServer]:
    with FakeSheetsServer() as server:
        server.add(FakeSpreadsheet.from_tabs(writable_tabs()))
        yield server


@pytest.fixture()
def sa(fake: FakeSheetsServer, throwaway_service_account: dict[str, str]) -> dict[str, str]:
    return dict(throwaway_service_account, token_uri=fake.token_uri)


class Clock:
    """A wall clock the test moves by hand (epoch seconds)."""

    def __init__(self) -> None:
        self.t = 1_750_000_000.0

    def __call__(self) -> float:
        return self.t


def make_writer(
    fake: FakeSheetsServer, sa: dict[str, str], path: Path, clock: Clock | None = None, **kwargs: Any
) -> Writer:
    appender = SheetAppender(fake.book().id, sa, api_url=fake.url, timeout=TEST_TIMEOUT)
    return Writer(Outbox(path), appender, tz=TZ, wall=clock or Clock(), **kwargs)


@pytest.fixture()
def writer(fake: FakeSheetsServer, sa: dict[str, str], tmp_path: Path) -> Writer:
    return make_writer(fake, sa, tmp_path / "outbox.sqlite3")


def rows(fake: FakeSheetsServer, tab: str) -> list[list[Any]]:
    return [list(r) for r in fake.book().sheet(tab).rows]


def ids_in(fake: FakeSheetsServer, tab: str, column: str) -> list[str]:
    table = rows(fake, tab)
    i = table[0].index(column)
    return [str(r[i]) for r in table[1:] if len(r) > i and r[i] not in (None, "")]


def snapshot(fake: FakeSheetsServer, sa: dict[str, str]) -> Snapshot:
    source = GSheetsSource(fake.book().id, sa, api_url=fake.url, timeout=TEST_TIMEOUT)
    return build_snapshot(source.read(), Fuente("gsheets", "prueba", AS_OF))


def plenario(snap: Snapshot) -> metrics.OcupacionSala:
    return next(o for o in metrics.ocupacion_salas(snap, AS_OF) if o.sala == "Plenario")


def tally(valor: int = 1, tipo: str = "delta", por: str = "Ana", minutes: int = 0) -> TallyOp:
    return TallyOp.new("Plenario", tipo, valor, por, AT + timedelta(minutes=minutes))


# --- landing exactly once ---------------------------------------------------------------------


def test_every_write_lands_once_with_one_append_per_tab(
    fake: FakeSheetsServer, sa: dict[str, str], writer: Writer
) -> None:
    ops = [tally(+3), tally(+2, minutes=1), tally(40, "conteo", minutes=2), tally(-1, minutes=3)]
    acc = [AccreditOp.new(AT, email="persona2@ejemplo.org"), AccreditOp.new(AT, email="persona5@ejemplo.org")]
    walk = WalkInOp.new({"nombre": "Ana", "apellido": "Pérez", "email": "ana@ejemplo.org", "pais": "Uruguay"}, AT)
    for op in [*ops, *acc, walk]:
        writer.submit(op, role=None)
    before = snapshot(fake, sa)
    fake.reset_log()

    report = writer.flush()

    assert (report.enviadas, report.pendientes, report.errores) == (8, 0, 0)
    assert fake.count("append") == 3 == report.appends  # Inscripciones, Acreditaciones, Conteos
    assert sorted(ids_in(fake, "Conteos", "ID de operación")) == sorted(o.id_operacion for o in ops)
    assert writer.flush().appends == 0  # nothing left: nothing sent again
    after = snapshot(fake, sa)
    assert plenario(after).ocupacion == 39 and plenario(after).fuente == "conteo"
    c0, c1 = metrics.cifras(before, AS_OF), metrics.cifras(after, AS_OF)
    assert c1.inscriptos == c0.inscriptos + 1
    assert c1.acreditados == c0.acreditados + 3  # two registered people and the walk-in
    assert not [
        p for p in after.problems if p.kind in ("operacion_repetida", "sin_inscripcion") and walk.email in p.value
    ]


def test_values_land_in_the_sheets_own_column_order(fake: FakeSheetsServer, writer: Writer) -> None:
    op = TallyOp.new("Sala 1", "conteo", 57, "Beto", AT)
    writer.submit(op, role=None)
    writer.flush()
    header, line = rows(fake, "Conteos")[0], rows(fake, "Conteos")[1]
    by_header = dict(zip(header, line))
    assert by_header["ID de operación"] == op.id_operacion
    assert by_header["Valor"] == 57
    assert by_header["Sala"] == "Sala 1"
    assert by_header["Tipo"] == "conteo"
    assert by_header["Registrado por"] == "Beto"
    assert by_header["Marca temporal"].value == datetime(2025, 6, 19, 10, 0)  # a real date cell, event-local


def test_text_is_never_taken_for_a_formula_or_a_number(fake: FakeSheetsServer, writer: Writer) -> None:
    op = TallyOp.new("=IMPORTXML(1)", "delta", 1, "+54 261 000", AT)
    writer.submit(op, role=None)
    writer.flush()
    by_header = dict(zip(rows(fake, "Conteos")[0], rows(fake, "Conteos")[1]))
    assert by_header["Sala"] == "=IMPORTXML(1)" and by_header["Registrado por"] == "+54 261 000"


def test_a_column_the_sheet_lacks_is_reported(fake: FakeSheetsServer, writer: Writer) -> None:
    fake.book().sheet("Conteos").rows[0] = [h for h in CONTEOS_HEADERS if h != "Registrado por"]
    writer.submit(tally(), role=None)
    report = writer.flush()
    assert report.enviadas == 1
    assert any("Registrado por" in a or "registrado_por" in a for a in report.avisos)
    assert writer.pending_summary().avisos == report.avisos


def test_a_row_that_cannot_be_identified_is_refused_alone(fake: FakeSheetsServer, writer: Writer) -> None:
    fake.book().sheet("Acreditaciones").rows[0].remove("DNI")
    by_doc, by_mail = AccreditOp.new(AT, documento="30000008"), AccreditOp.new(AT, email="persona2@ejemplo.org")
    writer.submit(by_doc, role=None)
    writer.submit(by_mail, role=None)
    report = writer.flush()
    assert (report.enviadas, report.errores) == (1, 1) and "documento" in report.reason
    assert ids_in(fake, "Acreditaciones", "id_operacion") == [by_mail.id_operacion]
    assert [(p.op.id_operacion, p.estado) for p in writer.pending()] == [(by_doc.id_operacion, "error_permanente")]


def test_without_an_id_operacion_column_nothing_is_written(fake: FakeSheetsServer, writer: Writer) -> None:
    fake.book().sheet("Conteos").rows[0] = [h for h in CONTEOS_HEADERS if h != "ID de operación"]
    writer.submit(tally(), role=None)
    report = writer.flush()
    assert (report.enviadas, report.errores, report.appends) == (0, 1, 0)
    assert "id_operacion" in report.reason and "dos veces" in report.reason
    assert len(rows(fake, "Conteos")) == 1
    # Once the column is there, the failed row goes through.
    fake.book().sheet("Conteos").rows[0] = list(CONTEOS_HEADERS)
    assert writer.retry_failed() == 1
    assert writer.flush().enviadas == 1


# --- faults -----------------------------------------------------------------------------------


@pytest.mark.parametrize("stall", [2.0, 0.0], ids=["timeout", "dropped_connection"])
def test_a_reply_lost_after_the_append_does_not_duplicate(fake: FakeSheetsServer, writer: Writer, stall: float) -> None:
    writer.submit(tally(), role=None)
    writer.flush()  # headers now cached: the next request is the append itself
    ops = [tally(+1, minutes=5), tally(+4, minutes=6)]
    for op in ops:
        writer.submit(op, role=None)
    fake.set_fault("lost_reply", seconds=stall, times=1)

    first = writer.flush()
    assert first.enviadas == 0 and first.pendientes == 2
    assert all(i in ids_in(fake, "Conteos", "ID de operación") for i in (o.id_operacion for o in ops))  # applied

    second = writer.flush(force=True)
    assert (second.enviadas, second.ya_estaban, second.appends) == (0, 2, 0)
    got = ids_in(fake, "Conteos", "ID de operación")
    assert len(got) == len(set(got)) == 3
    assert writer.pending_summary().total == 0


def test_a_server_error_is_checked_before_resending(fake: FakeSheetsServer, sa: dict[str, str], writer: Writer) -> None:
    writer.submit(tally(10, "conteo"), role=None)
    fake.set_fault("500", times=1)
    assert writer.flush().pendientes == 1
    report = writer.flush(force=True)
    assert (report.enviadas, report.ya_estaban) == (1, 0)  # not there: sent once
    assert plenario(snapshot(fake, sa)).ocupacion == 10


def test_the_outbox_drains_when_the_server_comes_back(
    fake: FakeSheetsServer, sa: dict[str, str], writer: Writer
) -> None:
    fake.refuse()  # the venue network is down
    for i in range(5):
        writer.submit(tally(+1, minutes=i), role=None)
    report = writer.flush()
    assert report.enviadas == 0 and report.pendientes == 5 and report.reason
    summary = writer.pending_summary()
    assert summary.total == 5 and summary.por_pestana == {"Conteos": 5} and summary.ultimo_error
    fake.resume()
    fake.reset_log()
    report = writer.flush(force=True)
    assert report.enviadas == 5 and fake.count("append") == 1
    assert plenario(snapshot(fake, sa)).ocupacion == 5
    assert writer.pending_summary().total == 0 and writer.pending_summary().ultimo_error == ""


def test_quota_retry_after_is_honoured(fake: FakeSheetsServer, sa: dict[str, str], tmp_path: Path) -> None:
    clock = Clock()
    writer = make_writer(fake, sa, tmp_path / "o.sqlite3", clock)
    writer.submit(tally(), role=None)
    fake.set_fault("429", seconds=30, times=1)
    writer.flush()
    assert writer.pending_summary().proximo_intento_en_s >= 30
    fake.reset_log()
    clock.t += 10
    assert writer.flush().esperando and fake.count() == 0  # still inside Retry-After: no request
    clock.t += 25
    assert writer.flush().enviadas == 1


def test_read_only_account_blocks_writes_with_a_clear_message(fake: FakeSheetsServer, writer: Writer) -> None:
    writer.submit(tally(), role=None)
    fake.book().writable = False  # shared as Lector: reads work, the append gets 403
    report = writer.flush()
    assert report.errores == 1 and report.reason == SOLO_LECTURA
    summary = writer.pending_summary()
    assert summary.solo_lectura and summary.bloqueo == SOLO_LECTURA and summary.errores == 1
    with pytest.raises(WritesUnavailable) as e:
        writer.submit(tally(), role=None)
    assert e.value.code == "solo_lectura" and e.value.reason == SOLO_LECTURA
    # Shared as Editor: retry sends the blocked row.
    fake.book().writable = True
    assert writer.retry_failed() == 1
    assert writer.flush().enviadas == 1
    assert not writer.pending_summary().solo_lectura


def test_a_process_killed_mid_flush_loses_nothing(fake: FakeSheetsServer, sa: dict[str, str], tmp_path: Path) -> None:
    outbox = tmp_path / "outbox.sqlite3"
    (tmp_path / "sa.json").write_text(json.dumps(sa))
    script = textwrap.dedent(f"""
        import json, sys
        from datetime import datetime, timedelta
        from pathlib import Path
        from zoneinfo import ZoneInfo
        from foro_data.outbox import Outbox
        from foro_data.writes import SheetAppender, TallyOp, Writer
        tz = ZoneInfo("America/Argentina/Mendoza")
        sa = json.loads(Path({str(tmp_path / "sa.json")!r}).read_text())
        w = Writer(Outbox(Path({str(outbox)!r})), SheetAppender({fake.book().id!r}, sa, api_url={fake.url!r},
                   timeout=(2.0, 60.0)), tz=tz)
        at = datetime(2025, 6, 19, 10, 0, tzinfo=tz)
        for i in range(6):
            w.submit(TallyOp.new("Plenario", "delta", 1, "Proceso", at + timedelta(minutes=i)), role=None)
        print("encoladas", flush=True)
        if sys.argv[1] == "flush":
            w.flush()
        else:
            sys.stdin.read()  # wait to be killed before any flush
    """)
    fake.set_fault("lost_reply", seconds=60, times=1)  # the append is applied, its answer never comes
    # 1) killed while its append hangs (already applied on the Sheet)
    proc = subprocess.Popen(
        [sys.executable, "-c", script, "flush"], cwd=ROOT, stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "encoladas"
        # The Sheet has them; the process, stuck waiting for the answer, never learns it.
        _wait_for(lambda: len(ids_in(fake, "Conteos", "ID de operación")) == 6 or proc.poll() is not None)
        assert proc.poll() is None and fake.count("append") == 1
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    # 2) killed after queuing, before any flush
    proc = subprocess.Popen(
        [sys.executable, "-c", script, "wait"], cwd=ROOT, stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "encoladas"
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    restarted = make_writer(fake, sa, outbox)
    assert restarted.pending_summary().total == 12
    report = restarted.flush()
    assert (report.ya_estaban, report.enviadas) == (6, 6)
    got = ids_in(fake, "Conteos", "ID de operación")
    assert len(got) == len(set(got)) == 12
    assert plenario(snapshot(fake, sa)).ocupacion == 12


def _wait_for(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.02)


# --- concurrency ------------------------------------------------------------------------------


def test_two_coordinators_on_one_room_both_count(fake: FakeSheetsServer, sa: dict[str, str], tmp_path: Path) -> None:
    """Two app servers (separate outboxes) and two sessions of one server (shared outbox), all
    tallying the same room at once: every delta counts, none twice."""
    shared = tmp_path / "shared.sqlite3"
    writers = [
        make_writer(fake, sa, tmp_path / "a.sqlite3"),
        make_writer(fake, sa, shared),
        make_writer(fake, sa, shared),
        make_writer(fake, sa, tmp_path / "b.sqlite3"),
    ]
    first = writers[0]
    first.submit(tally(20, "conteo", minutes=-30), role="coordinacion")
    first.flush()
    start = threading.Barrier(len(writers))

    def coordinator(w: Writer, n: int) -> None:
        start.wait()
        for i in range(10):
            w.submit(tally(+1 if i % 3 else +2, por=f"coord{n}", minutes=i), role="coordinacion")
            w.flush(force=True)
        while w.pending_summary().total:
            w.flush(force=True)

    threads = [threading.Thread(target=coordinator, args=(w, n)) for n, w in enumerate(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    got = ids_in(fake, "Conteos", "ID de operación")
    assert len(got) == len(set(got)) == 1 + 4 * 10
    per_writer = sum(2 if i % 3 == 0 else 1 for i in range(10))
    assert plenario(snapshot(fake, sa)).ocupacion == 20 + 4 * per_writer


def test_two_desks_accrediting_one_person_count_once(
    fake: FakeSheetsServer, sa: dict[str, str], tmp_path: Path
) -> None:
    desks = [make_writer(fake, sa, tmp_path / "d1.sqlite3"), make_writer(fake, sa, tmp_path / "d2.sqlite3")]
    before = metrics.cifras(snapshot(fake, sa), AS_OF).acreditados
    for d in desks:  # persona2 has no check-in in the fixture
        d.submit(AccreditOp.new(AT, email="persona2@ejemplo.org", punto="Mesa"), role="organizacion")
        d.submit(AccreditOp.new(AT, documento="30.000.008"), role="organizacion")  # persona8, by document
    for d in desks:
        d.flush()
    assert len(ids_in(fake, "Acreditaciones", "id_operacion")) == 4
    assert metrics.cifras(snapshot(fake, sa), AS_OF).acreditados == before + 2


def test_undo_writes_a_compensating_row(fake: FakeSheetsServer, sa: dict[str, str], writer: Writer) -> None:
    before = metrics.cifras(snapshot(fake, sa), AS_OF).acreditados
    op = AccreditOp.new(AT, email="persona5@ejemplo.org")
    writer.submit(op, role="organizacion")
    writer.flush()
    assert metrics.cifras(snapshot(fake, sa), AS_OF).acreditados == before + 1
    undo = UndoOp.of(op, AT + timedelta(seconds=40))
    writer.submit(undo, role="organizacion")
    writer.submit(UndoOp.of(op, AT + timedelta(seconds=45)), role="organizacion")  # a double click: one row
    writer.flush()
    assert metrics.cifras(snapshot(fake, sa), AS_OF).acreditados == before
    assert ids_in(fake, "Acreditaciones", "id_operacion")[-2:] == [op.id_operacion, "anula:" + op.id_operacion]


def test_a_sheet_not_shared_at_all_is_not_called_read_only(fake: FakeSheetsServer, writer: Writer) -> None:
    fake.book().shared = False
    writer.submit(tally(), role=None)
    report = writer.flush()
    assert report.errores == 1 and "no está compartida" in report.reason
    assert not writer.pending_summary().solo_lectura


# --- rules, roles, sources --------------------------------------------------------------------


def test_roles(writer: Writer) -> None:
    writer.submit(tally(), role="coordinacion")
    writer.submit(AccreditOp.new(AT, email="a@b.org"), role="organizacion")
    for role, op in [
        ("organizacion", tally()),
        ("socios", tally()),
        ("coordinacion", AccreditOp.new(AT, id="7")),
        ("publico", WalkInOp.new({"nombre": "A", "apellido": "B", "documento": "123"}, AT)),
    ]:
        with pytest.raises(WritesUnavailable) as e:
            writer.submit(op, role=role)
        assert e.value.code == "rol"


def test_walk_in_fields_follow_the_cleaning_rules() -> None:
    with pytest.raises(InvalidOperation) as e:
        WalkInOp.new(
            {
                "nombre": "Ana",
                "email": "ana(at)ejemplo",
                "documento": "sin número",
                "pais": "Atlántida",
                "genero": "zzz",
            },
            AT,
        )
    assert set(e.value.errores) == {"apellido", "email", "documento", "pais", "genero"}
    ok = WalkInOp.new({"nombre": "Ana", "apellido": "Paz", "documento": "30.123.456", "pais": "BR"}, AT)
    assert ok.id.startswith("P-")
    with pytest.raises(InvalidOperation):
        TallyOp.new("Plenario", "conteo", -3, "x", AT)
    with pytest.raises(InvalidOperation):
        AccreditOp.new(AT)
    with pytest.raises(InvalidOperation):
        TallyOp.new("Plenario", "delta", 1, "x", datetime(2025, 6, 19, 10))  # naive time


@pytest.mark.parametrize("fuente,code", [("demo", "demo"), ("archivo", "archivo")])
def test_other_sources_cannot_write(fuente: str, code: str) -> None:
    config = Config(foro={"fuente": fuente, "archivo": "libro.xlsx"})
    with pytest.raises(WritesUnavailable) as e:
        open_writer(config)
    assert e.value.code == code and "planilla de Google" in e.value.reason


def test_pending_actions_show_at_once(fake: FakeSheetsServer, sa: dict[str, str], writer: Writer) -> None:
    snap = snapshot(fake, sa)
    fake.refuse()
    a = AccreditOp.new(AT, email="persona2@ejemplo.org")
    b = AccreditOp.new(AT, email="persona5@ejemplo.org")
    for op in (tally(30, "conteo"), tally(+2, minutes=1), a, b, UndoOp.of(b, AT + timedelta(seconds=20))):
        writer.submit(op, role=None)
    writer.flush()
    ops = unseen(writer.pending(), visible_ids(snap.conteos, snap.scans))
    assert len(ops) == 5 and all(isinstance(p, PendingOp) and p.estado == "pendiente" for p in ops)
    assert tally_with_pending(plenario(snap).ocupacion, ops, "plenario") == 32
    assert tally_with_pending(7, ops, "Sala 1") == 7
    assert [o.id_operacion for o in pending_check_ins(ops)] == [a.id_operacion]
    fake.resume()
    writer.flush(force=True)
    assert writer.pending() == []
    sent = writer.recent(since=0)
    after = snapshot(fake, sa)
    left = unseen(sent, visible_ids(after.conteos, after.scans))
    # Only the undone check-in and its undo stay "unseen" (cancelled rows are not scans): together
    # they add nothing to what the page shows.
    assert {p.op.id_operacion for p in left} == {b.id_operacion, "anula:" + b.id_operacion}
    assert pending_check_ins(left) == []


# --- CLI --------------------------------------------------------------------------------------


def _secrets(tmp_path: Path, fake: FakeSheetsServer, sa: dict[str, str]) -> Path:
    lines = ["[foro]", 'fuente = "gsheets"', f'planilla = "{fake.book().id}"', "", "[gcp_service_account]"]
    lines += [f"{k} = {json.dumps(v)}" for k, v in sa.items()]
    path = tmp_path / "secrets.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_cli_conteo_and_acreditar(
    fake: FakeSheetsServer,
    sa: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("FORO_SHEETS_API_URL", fake.url)
    monkeypatch.setenv("FORO_CACHE_DIR", str(tmp_path / "cache"))
    secrets = str(_secrets(tmp_path, fake, sa))
    assert cli_main(["conteo", "--sala", "Sala 1", "--delta", "-2", "--por", "Ana", "--secrets", secrets]) == 0
    op_id, state = capsys.readouterr().out.split()[:2]
    assert state == "enviada" and ids_in(fake, "Conteos", "ID de operación") == [op_id]
    assert cli_main(["acreditar", "--email", "persona2@ejemplo.org", "--punto", "Puerta 2", "--secrets", secrets]) == 0
    op_id, state = capsys.readouterr().out.split()[:2]
    assert state == "enviada" and ids_in(fake, "Acreditaciones", "id_operacion") == [op_id]

    fake.refuse()
    assert cli_main(["conteo", "--sala", "Sala 1", "--total", "12", "--secrets", secrets]) == 0
    op_id, state = capsys.readouterr().out.split()[:2]
    assert state == "pendiente:"
    fake.resume()
    assert cli_main(["acreditar", "--documento", "30000008", "--secrets", secrets]) == 0
    out = capsys.readouterr().out
    assert op_id in ids_in(fake, "Conteos", "ID de operación")  # the earlier pending one went out too
    assert "enviada" in out

    assert cli_main(["acreditar", "--email", "no-es-un-mail", "--secrets", secrets]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "no parece un e-mail" in err and "Traceback" not in err


def test_cli_read_only_says_so(
    fake: FakeSheetsServer,
    sa: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("FORO_SHEETS_API_URL", fake.url)
    monkeypatch.setenv("FORO_CACHE_DIR", str(tmp_path / "cache"))
    fake.book().writable = False
    assert cli_main(["conteo", "--sala", "Sala 1", "--delta", "1", "--secrets", str(_secrets(tmp_path, fake, sa))]) == 1
    captured = capsys.readouterr()
    assert "no enviada" in captured.out and SOLO_LECTURA in captured.err


def test_the_background_sender_drains_the_outbox(fake: FakeSheetsServer, sa: dict[str, str], tmp_path: Path) -> None:
    writer = Writer(
        Outbox(tmp_path / "o.sqlite3"),
        SheetAppender(fake.book().id, sa, api_url=fake.url, timeout=TEST_TIMEOUT),
        tz=TZ,
        min_interval_s=0.05,
        backoff_base_s=0.05,
    )
    fake.set_fault("503", times=1)  # the first attempt fails; the sender retries by itself
    writer.start(poll_s=0.05)
    try:
        ops = [tally(+1, minutes=i) for i in range(4)]
        for op in ops:
            writer.submit(op, role="coordinacion")
        _wait_for(lambda: writer.pending_summary().total == 0)
    finally:
        writer.stop()
    assert sorted(ids_in(fake, "Conteos", "ID de operación")) == sorted(o.id_operacion for o in ops)


def test_the_desk_accredits_a_search_result_with_all_its_identifiers(
    fake: FakeSheetsServer, sa: dict[str, str], writer: Writer
) -> None:
    snap = snapshot(fake, sa)
    persona = next(p for p in snap.personas if p.email == "persona2@ejemplo.org")
    op = AccreditOp.of_persona(persona, AT, punto="Mesa 3")
    assert (op.email, op.documento) == ("persona2@ejemplo.org", "30000002")
    writer.submit(op, role="organizacion")
    writer.flush()
    after = snapshot(fake, sa)
    assert metrics.acreditado_a(after, persona.key, AS_OF) == AT


def test_a_bad_planilla_is_a_configuration_problem(sa: dict[str, str]) -> None:
    config = Config(
        foro={"fuente": "gsheets", "planilla": "https://example.org/no/es/una/planilla"}, service_account=sa
    )
    with pytest.raises(WritesUnavailable) as e:
        open_writer(config)
    assert e.value.code == "configuracion" and "planilla" in e.value.reason
