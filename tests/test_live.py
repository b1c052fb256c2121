"""LiveFeed: one read per interval for the whole server, stale-but-correct figures, recovery, disk cache."""

from __future__ import annotations

import json
import os
import random
import threading
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

import pytest

from foro_data import metrics
from foro_data.errors import Said
from foro_data.live import CACHED_REASON, MAX_BACKOFF_S, UNEXPECTED_REASON, LiveFeed, backoff_delay
from foro_data.snapshot import Snapshot
from foro_data.sources import cache
from foro_data.sources.base import RawWorkbook, SourceError
from foro_data.sources.gsheets import GSheetsSource
from tests.fake_sheets import FakeSheetsServer
from tests.sheets_fixtures import TEST_TIMEOUT, forum_tabs

AS_OF = datetime(2025, 6, 19, 23, 0, tzinfo=timezone.utc)
WALL = datetime(2025, 6, 19, 12, 0, tzinfo=timezone.utc)


class FakeClock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self) -> None:
        self._t = 1000.0
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self._t

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._t += seconds


class ScriptedSource:
    """A source whose next answer the test decides: a workbook, a SourceError, or any exception."""

    tipo = "archivo"
    descripcion = "libro de prueba"

    def __init__(self) -> None:
        self.outcome: Callable[[], RawWorkbook] = lambda: RawWorkbook(tabs=forum_tabs())
        self.calls = 0
        self.gate = threading.Event()
        self.gate.set()

    def read(self) -> RawWorkbook:
        self.calls += 1
        self.gate.wait(10)
        return self.outcome()

    def fail(self, exc: Exception) -> None:
        def raise_it() -> RawWorkbook:
            raise exc

        self.outcome = raise_it


def wait_until(cond: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.005)


def figures(snap: Snapshot) -> dict:
    data = metrics.resumen_json(snap, AS_OF)
    data.pop("fuente")
    return data


def run_viewers(
    feed: LiveFeed, n: int, intervals: int, clock: FakeClock, interval_s: float, settle: Callable[[int], None]
) -> tuple[list[Snapshot | None], list[BaseException]]:
    """``n`` viewer threads call ``feed.current()`` in a loop while the clock crosses ``intervals``."""
    stop = threading.Event()
    seen: list[Snapshot | None] = []
    errors: list[BaseException] = []

    def viewer() -> None:
        try:
            while not stop.is_set():
                seen.append(feed.current())
                time.sleep(0.001)
        except BaseException as e:  # noqa: BLE001 - the test reports it
            errors.append(e)

    threads = [threading.Thread(target=viewer) for _ in range(n)]
    for t in threads:
        t.start()
    try:
        for i in range(intervals):
            if i:
                clock.advance(interval_s)
            settle(i)
            time.sleep(0.02)  # the viewers keep refreshing inside the interval
    finally:
        stop.set()
        for t in threads:
            t.join(10)
    return seen, errors


# --- one read per interval for the whole server ----------------------------------------------


def test_fifty_viewers_over_ten_intervals_make_ten_batch_gets(
    fake_sheets: FakeSheetsServer, gsheets_source: GSheetsSource
) -> None:
    clock = FakeClock()
    feed = LiveFeed(gsheets_source, 0.2, None, clock=clock)
    seen, errors = run_viewers(
        feed, 50, 10, clock, 0.2, settle=lambda i: wait_until(lambda: feed.reads_done >= i + 1, f"read {i + 1}")
    )
    assert errors == []
    assert len(seen) > 500
    assert all(s is not None for s in seen)  # the first viewers waited for the first read
    assert fake_sheets.count("batchGet") == 10
    assert fake_sheets.count("metadata") == 1
    assert fake_sheets.count("token") == 1
    assert feed.health.requests_last_minute == 10


def test_a_sheet_failing_throughout_is_tried_at_most_once_per_interval(
    fake_sheets: FakeSheetsServer, gsheets_source: GSheetsSource
) -> None:
    fake_sheets.set_fault("503")
    clock = FakeClock()
    feed = LiveFeed(gsheets_source, 0.2, None, clock=clock, rng=random.Random(1))
    seen, errors = run_viewers(
        feed, 50, 10, clock, 0.2, settle=lambda i: wait_until(lambda: not feed.health.reading, "idle")
    )
    assert errors == []
    assert all(s is None for s in seen)  # nothing good was ever read
    attempts = fake_sheets.count("metadata", "batchGet")
    assert attempts == feed.health.consecutive_failures
    assert 3 <= attempts < 10  # back-off: fewer than one per interval
    assert feed.health.last_error == "Google Sheets tuvo un error del servidor (HTTP 503)."


def test_after_a_good_read_a_failing_sheet_keeps_serving_it(
    fake_sheets: FakeSheetsServer, gsheets_source: GSheetsSource
) -> None:
    clock = FakeClock()
    feed = LiveFeed(gsheets_source, 0.2, None, clock=clock, rng=random.Random(2))
    good = feed.wait_read()
    assert good is not None
    fake_sheets.set_fault("500")
    clock.advance(0.2)
    seen, errors = run_viewers(
        feed, 50, 10, clock, 0.2, settle=lambda i: wait_until(lambda: not feed.health.reading, "idle")
    )
    assert errors == []
    assert "desactualizado" in {s.fuente.estado for s in seen}
    assert all(s.personas == good.personas for s in seen)
    assert feed.current().fuente.estado == "desactualizado"
    assert 1 <= fake_sheets.count("batchGet") - 1 <= 10


# --- every fault: stale but correct, reason in Spanish, recovery -------------------------------

FAULTS = [
    # kind, code, words of the reason
    ("429", "cuota", "cuota de 60 lecturas por minuto"),
    ("500", "servidor", "HTTP 500"),
    ("503", "servidor", "HTTP 503"),
    ("delay", "tiempo", "no respondió a tiempo"),
    ("refuse", "red", "No hay conexión"),
    ("malformed", "respuesta", "ilegible"),
    ("close", "red", "cortó la conexión"),
    ("403", "permiso", "no está compartida con la cuenta de servicio"),
    ("404", "no_existe", "revise [foro] planilla"),
    ("pestana", "pestana", "no tiene la pestaña «Inscripciones»"),
]


@pytest.mark.parametrize("kind, code, words", FAULTS, ids=[f[0] for f in FAULTS])
def test_each_fault_leaves_stale_but_correct_figures_and_recovers(
    kind: str, code: str, words: str, fake_sheets: FakeSheetsServer, gsheets_source: GSheetsSource
) -> None:
    clock = FakeClock()
    feed = LiveFeed(gsheets_source, 5.0, None, clock=clock, rng=random.Random(3))
    good = feed.wait_read()
    assert good is not None and good.fuente.estado == "ok"

    if kind == "refuse":
        fake_sheets.refuse()
    elif kind == "pestana":
        fake_sheets.rename_tab("Inscripciones", "Hoja 1")
    else:
        fake_sheets.set_fault(kind, seconds=3 if kind == "delay" else 30)
    clock.advance(5.0)
    stale = feed.wait_read(timeout=15)

    assert stale is not None
    assert stale.fuente.estado == "desactualizado"
    assert words in stale.fuente.motivo
    assert stale.fuente.leido_en == good.fuente.leido_en
    assert figures(stale) == figures(good)
    health = feed.health
    assert (health.consecutive_failures, health.last_error_code) == (1, code)
    assert health.last_error == stale.fuente.motivo
    if kind == "429":  # Retry-After (30 s) beats the interval (5 s)
        assert health.next_attempt_in_s >= 30
        before = fake_sheets.count()
        clock.advance(5.0)
        assert feed.current() is not None and not feed.health.reading
        assert fake_sheets.count() == before  # no attempt during the back-off

    if kind == "refuse":
        fake_sheets.resume()
    elif kind == "pestana":
        fake_sheets.rename_tab("Hoja 1", "Inscripciones")
    else:
        fake_sheets.clear_fault()
    clock.advance(feed.health.next_attempt_in_s + 0.001)
    fresh = feed.wait_read(timeout=15)
    assert fresh is not None and fresh.fuente.estado == "ok" and fresh.fuente.motivo == ""
    assert figures(fresh) == figures(good)
    assert feed.health.consecutive_failures == 0 and feed.health.last_error == ""


def test_no_snapshot_at_all_returns_none_with_the_reason(
    fake_sheets: FakeSheetsServer, gsheets_source: GSheetsSource
) -> None:
    fake_sheets.set_fault("403")
    feed = LiveFeed(gsheets_source, 5.0, None, clock=FakeClock())
    assert feed.current() is None
    assert feed.health.last_error.startswith("La planilla no está compartida con la cuenta de servicio")
    assert feed.health.last_ok is None


def test_an_unexpected_exception_never_reaches_the_viewer() -> None:
    source = ScriptedSource()
    clock = FakeClock()
    feed = LiveFeed(source, 5.0, None, clock=clock)
    good = feed.wait_read()
    source.fail(RuntimeError("bug"))
    clock.advance(5.0)
    stale = feed.wait_read()
    assert stale is not None and stale.fuente.motivo == UNEXPECTED_REASON
    assert figures(stale) == figures(good)


def test_a_bug_while_cleaning_is_contained_too() -> None:
    def broken_build(raw, fuente):  # type: ignore[no-untyped-def]
        raise KeyError("column")

    feed = LiveFeed(ScriptedSource(), 5.0, None, clock=FakeClock(), build=broken_build)
    assert feed.current() is None
    assert feed.health.last_error == UNEXPECTED_REASON


def test_only_the_viewer_who_starts_a_read_waits_and_briefly() -> None:
    source = ScriptedSource()
    clock = FakeClock()
    feed = LiveFeed(source, 5.0, None, clock=clock, fresh_wait_s=0.05)
    good = feed.wait_read()
    source.gate.clear()  # the next read hangs until released
    clock.advance(5.0)
    got: list[Snapshot | None] = []
    t = threading.Thread(target=lambda: got.extend(feed.current() for _ in range(100)))
    t.start()
    t.join(10)
    assert not t.is_alive() and got == [good] * 100
    assert feed.health.reading and source.calls == 2
    source.gate.set()
    feed.wait_read()
    assert source.calls == 2


def test_the_viewer_who_starts_a_read_usually_gets_its_result() -> None:
    source = ScriptedSource()
    clock = FakeClock()
    feed = LiveFeed(source, 5.0, None, clock=clock, fresh_wait_s=10)
    first = feed.wait_read()
    clock.advance(5.0)
    second = feed.current()  # started the read and waited for it
    assert second is not first and second.fuente.estado == "ok" and source.calls == 2


# --- back-off ---------------------------------------------------------------------------------


def test_back_off_doubles_with_jitter_up_to_the_cap() -> None:
    source = ScriptedSource()
    source.fail(SourceError("servidor", Said.of("sheets_servidor", status=503)))
    clock = FakeClock()
    feed = LiveFeed(source, 10.0, None, clock=clock, rng=random.Random(4))
    waits = []
    for _ in range(8):
        feed.wait_read()
        waits.append(feed.health.next_attempt_in_s)
        clock.advance(waits[-1])
    assert waits[0] == 10.0
    assert 15 <= waits[1] <= 20 and 30 <= waits[2] <= 40 and 60 <= waits[3] <= 80
    assert 0.75 * MAX_BACKOFF_S <= waits[-1] <= MAX_BACKOFF_S
    assert source.calls == 8 and feed.health.consecutive_failures == 8


@pytest.mark.parametrize(
    "failures, retry_after, low, high",
    [
        (1, None, 15, 15),
        (2, None, 22.5, 30),
        (3, None, 45, 60),
        (20, None, 225, 300),
        (1, 120, 120, 120),
    ],
)
def test_backoff_delay_table(failures: int, retry_after: float | None, low: float, high: float) -> None:
    for seed in range(20):
        assert low <= backoff_delay(15, failures, retry_after, random.Random(seed)) <= high


def test_requests_last_minute_forgets_old_reads() -> None:
    clock = FakeClock()
    feed = LiveFeed(ScriptedSource(), 5.0, None, clock=clock)
    for _ in range(13):
        feed.wait_read()
        clock.advance(5.0)
    # 13 reads 5 s apart, now 65 s after the first: those at 0 s and 5 s are a minute old or more.
    assert feed.health.requests_last_minute == 11
    assert feed.health.quota_per_minute == 60


# --- the disk copy --------------------------------------------------------------------------


def test_a_restarted_server_shows_the_saved_read_at_once(
    cache_dir: Path, fake_sheets: FakeSheetsServer, gsheets_source: GSheetsSource, service_account
) -> None:
    key = cache.key_for("gsheets", gsheets_source.key)
    first = LiveFeed(gsheets_source, 5.0, key, clock=FakeClock(), wall=lambda: WALL)
    good = first.wait_read()
    assert good is not None and list(cache_dir.iterdir()) == [cache.path_for(key)]
    fake_sheets.refuse()  # the Sheet is unreachable when the server restarts

    restarted = GSheetsSource(gsheets_source.key, service_account, api_url=fake_sheets.url, timeout=TEST_TIMEOUT)
    second = LiveFeed(restarted, 5.0, key, clock=FakeClock())
    shown = second.current()
    assert shown is not None
    assert (shown.fuente.estado, shown.fuente.motivo) == ("desactualizado", CACHED_REASON)
    assert shown.fuente.leido_en == WALL
    assert figures(shown) == figures(good)
    after = second.wait_read()
    assert after.fuente.motivo.startswith("Mostrando la última lectura guardada. No hay conexión")
    fake_sheets.resume()


def test_cache_round_trip_keeps_types(cache_dir: Path) -> None:
    raw = RawWorkbook(
        tabs={
            "Inscripciones": [
                ["Marca temporal", "n", "x"],
                [datetime(2025, 6, 19, 9, 5, 33), 3, 1.5],
                [date(2025, 6, 19), "2025-06-19", None],
                [True, "", '{"$date": "2025-06-19"}'],
            ]
        },
        time_zone="America/Argentina/Mendoza",
        locale="es_AR",
        serial_dates=True,
    )
    leido = datetime(2025, 6, 19, 12, 0, tzinfo=timezone(timedelta(hours=-3)))
    assert cache.save(raw, leido, "gsheets-abc")
    loaded = cache.load("gsheets-abc")
    assert loaded == (raw, leido)
    path = cache.path_for("gsheets-abc")
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in cache_dir.iterdir()] == [path.name]  # no temporary file left behind


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{",
        "[]",
        '{"version": 1}',
        '{"version": 1, "leido_en": "ayer", "raw": {}}',
        '{"version": 1, "leido_en": "2025-06-19T12:00:00", "raw": {"tabs": {"A": [[{"$x": 1}]]}}}',
    ],
)
def test_a_corrupt_cache_file_is_ignored(cache_dir: Path, content: str) -> None:
    path = cache.path_for("archivo-x")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content)
    assert cache.load("archivo-x") is None
    assert cache.load("nunca-guardado") is None


def test_an_unwritable_cache_does_not_break_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "un-archivo"
    blocker.write_text("x")
    monkeypatch.setenv("FORO_CACHE_DIR", str(blocker / "sub"))
    assert cache.save(RawWorkbook(tabs={}), WALL, "k") is False
    feed = LiveFeed(ScriptedSource(), 5.0, "k", clock=FakeClock())
    snap = feed.current()
    assert snap is not None and snap.fuente.estado == "ok"


def test_cache_dir_defaults_to_a_per_user_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("FORO_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "foro-en-vivo"
    assert json.loads(json.dumps(str(cache.path_for("a/b")))).startswith(str(tmp_path))
    assert os.sep not in cache.path_for("a/b").name


def test_from_config_builds_a_cached_gsheets_feed(
    fake_sheets: FakeSheetsServer, service_account, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from foro_data.config import config_from_dict

    monkeypatch.setenv("FORO_SHEETS_API_URL", fake_sheets.url)
    config = config_from_dict(
        {
            "foro": {"fuente": "gsheets", "planilla": fake_sheets.book().id, "refresco_segundos": 2},
            "gcp_service_account": service_account,
        }
    )
    feed = LiveFeed.from_config(config, clock=FakeClock())
    assert feed.interval_s == 5  # the minimum
    snap = feed.current()
    assert snap is not None and snap.fuente.tipo == "gsheets"
    assert len(list(cache_dir.iterdir())) == 1


def test_polling_at_poll_every_s_finds_a_read_due_each_time() -> None:
    source = ScriptedSource()
    clock = FakeClock()
    feed = LiveFeed(source, 15.0, None, clock=clock, fresh_wait_s=10)
    feed.wait_read()
    for _ in range(5):
        clock.advance(feed.poll_every_s - 0.4)  # even a poll 0.4 s early
        assert feed.current().fuente.leido_en is not None
    assert source.calls == 6


# --- one version per content (issue 14: pages redraw only when it moves) ---------------------


def test_an_unchanged_read_keeps_the_version_and_is_not_cleaned_again() -> None:
    source, clock, builds = ScriptedSource(), FakeClock(), []

    def build(raw: RawWorkbook, fuente):  # the real pipeline, counted
        from foro_data.build import build_snapshot

        builds.append(fuente.leido_en)
        return build_snapshot(raw, fuente)

    walls = iter(WALL + timedelta(seconds=s) for s in range(100))
    feed = LiveFeed(source, 5, None, clock=clock, wall=lambda: next(walls), build=build)
    first = feed.wait_read(10)
    clock.advance(5)
    second = feed.wait_read(10)
    assert first is not None and second is not None
    assert len(builds) == 1 and source.calls == 2
    assert second.version == first.version != ""
    assert second.fuente.leido_en > first.fuente.leido_en  # the age is the new read's
    assert second.personas is first.personas  # the cleaned tables are reused, not rebuilt
    tabs = forum_tabs()
    tabs["Inscripciones"] = tabs["Inscripciones"][:-1]
    source.outcome = lambda: RawWorkbook(tabs=tabs)
    clock.advance(5)
    third = feed.wait_read(10)
    assert third is not None and len(builds) == 2
    assert third.version != first.version
    assert len(third.personas) == len(first.personas) - 1
