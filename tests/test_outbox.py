"""The durable outbox: idempotent enqueue, exclusive claims across processes, recovery of dead claims."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from foro_data.outbox import ENVIADA, ENVIANDO, ERROR_PERMANENTE, PENDIENTE, Outbox, outbox_path

NOW = 1_750_000_000.0


def row(i: int, tab: str = "Conteos") -> tuple[str, str, str, str, dict, dict]:
    return (f"op-{i}", f"op-{i}", "conteo", tab, {"valor": i, "id_operacion": f"op-{i}"}, {"i": i})


def test_the_same_action_is_stored_once(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "o.sqlite3")
    assert box.add([row(1), row(2)], NOW) == 2
    assert box.add([row(1)], NOW + 1) == 0  # a double click, or a retried submit
    assert [f.clave for f in box.rows()] == ["op-1", "op-2"]
    assert box.counts() == {PENDIENTE: 2}


def test_survives_a_new_instance_and_keeps_order(tmp_path: Path) -> None:
    Outbox(tmp_path / "o.sqlite3").add([row(i) for i in range(5)], NOW)
    again = Outbox(tmp_path / "o.sqlite3")
    assert [f.valores["valor"] for f in again.rows(PENDIENTE)] == [0, 1, 2, 3, 4]
    with sqlite3.connect(tmp_path / "o.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_claim_is_exclusive_until_released(tmp_path: Path) -> None:
    a, b = Outbox(tmp_path / "o.sqlite3"), Outbox(tmp_path / "o.sqlite3")
    a.add([row(1), row(2)], NOW)
    claimed = a.claim(NOW)
    assert [f.estado for f in claimed] == [ENVIANDO, ENVIANDO]
    assert b.claim(NOW + 1) == []  # same process, live lease: not taken twice
    a.release(["op-1"], "sin red", "red", dudosa=False)
    a.mark_sent(["op-2"], NOW + 2)
    again = b.claim(NOW + 3)
    assert [(f.clave, f.dudosa) for f in again] == [("op-1", False)]
    assert {f.clave: f.estado for f in b.rows()} == {"op-1": ENVIANDO, "op-2": ENVIADA}


def test_an_expired_claim_comes_back_as_dudosa(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "o.sqlite3", lease_s=60)
    box.add([row(1)], NOW)
    box.claim(NOW)
    assert box.claim(NOW + 30) == []
    back = box.claim(NOW + 61)
    assert [(f.clave, f.dudosa) for f in back] == [("op-1", True)]


def test_a_claim_of_a_dead_process_comes_back_as_dudosa(tmp_path: Path) -> None:
    path = tmp_path / "o.sqlite3"
    Outbox(path).add([row(1), row(2)], NOW)
    code = f"from foro_data.outbox import Outbox; print(len(Outbox({str(path)!r}).claim({NOW})))"
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "2"  # that process claimed both, then exited without a word
    back = Outbox(path).claim(NOW + 1)  # long before the lease expires
    assert [(f.clave, f.dudosa) for f in back] == [("op-1", True), ("op-2", True)]


def test_release_never_clears_doubt_and_retry_failed(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "o.sqlite3")
    box.add([row(1), row(2)], NOW)
    box.claim(NOW)
    box.release(["op-1"], "tiempo agotado", "tiempo", dudosa=True)
    box.fail(["op-2"], "solo lectura", "solo_lectura")
    box.claim(NOW + 1)
    box.release(["op-1"], "sin red", "red", dudosa=False)
    assert {f.clave: (f.estado, f.dudosa) for f in box.rows()} == {
        "op-1": (PENDIENTE, True),
        "op-2": (ERROR_PERMANENTE, False),
    }
    assert box.retry_failed() == 1
    assert box.counts() == {PENDIENTE: 2}


def test_flags_are_shared(tmp_path: Path) -> None:
    a, b = Outbox(tmp_path / "o.sqlite3"), Outbox(tmp_path / "o.sqlite3")
    a.set_flag("bloqueo", "solo lectura")
    assert b.get_flag("bloqueo") == "solo lectura"
    b.set_flag("bloqueo", "")
    assert a.get_flag("bloqueo") == ""


def _claimer(path: str, start, out) -> None:  # type: ignore[no-untyped-def]
    box = Outbox(Path(path))
    start.wait()
    got: list[str] = []
    for _ in range(30):
        batch = [f.clave for f in box.claim(NOW)]
        got.extend(batch)
        box.mark_sent(batch, NOW)
    out.put(got)


def test_processes_never_claim_the_same_row(tmp_path: Path) -> None:
    path = tmp_path / "o.sqlite3"
    box = Outbox(path)
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Barrier(4), ctx.Queue()  # three claimers and this process
    procs = [ctx.Process(target=_claimer, args=(str(path), start, out)) for _ in range(3)]
    for p in procs:
        p.start()
    for i in range(200):  # rows keep arriving while three processes claim
        box.add([row(i)], NOW)
        if i == 0:
            start.wait()
    claimed = [c for _ in procs for c in out.get(timeout=60)]
    for p in procs:
        p.join(timeout=60)
    rest = [f.clave for f in box.claim(NOW)]
    assert len(claimed) == len(set(claimed))
    assert sorted(claimed + rest, key=lambda c: int(c[3:])) == [f"op-{i}" for i in range(200)]


def test_the_file_lives_in_the_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORO_CACHE_DIR", str(tmp_path / "cache"))
    path = outbox_path("1AbC")
    assert path.parent == tmp_path / "cache" and path.name.startswith("escrituras-gsheets-")
    Outbox(path)
    assert os.stat(path).st_mode & 0o077 == 0  # walk-ins' personal data: owner only


def test_a_restarted_process_knows_from_the_file_alone_whether_writes_are_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What lets a restarted replica start its sender before anyone opens Salas (issue 18, issue 15):
    only the local file is read, and a Sheet that never had an outbox gets none."""
    from foro_data.config import config_from_dict
    from foro_data.writes import has_pending

    monkeypatch.setenv("FORO_CACHE_DIR", str(tmp_path))
    key = "1FakeKey_0123456789abcdefghijklmnopqrstuv"
    cfg = config_from_dict(
        {
            "foro": {"fuente": "gsheets", "planilla": key},
            "gcp_service_account": {"client_email": "x@y.iam.gserviceaccount.com"},
        }
    )
    assert not has_pending(cfg) and not outbox_path(key).exists()
    box = Outbox(outbox_path(key))
    box.add([row(1)], NOW)
    assert has_pending(cfg)
    box.claim(NOW)  # claimed by a sender that then died: still waiting
    assert has_pending(cfg)
    box.mark_sent([row(1)[0]], NOW + 1)
    assert not has_pending(cfg)
    assert not has_pending(config_from_dict({}))  # the demo never writes
