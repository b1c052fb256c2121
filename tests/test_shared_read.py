"""The shared read between replicas (foro_data.shared_read) against a real redis-server on loopback.

Each ``SharedSource`` stands for one replica; they share one Redis and each has its own source, so
how many times each source was read is exactly what the Sheet would have seen.
"""

from __future__ import annotations

import copy
import threading
from datetime import date, datetime, timezone
from typing import Any, Iterator

import pytest

from foro_data.config import config_from_dict
from foro_data.errors import Said
from foro_data.live import LiveFeed
from foro_data.shared_read import (
    Keys,
    SharedSource,
    connect,
    coordinacion,
    decode_workbook,
    encode_workbook,
    shared_source,
)
from foro_data.sources.base import RawWorkbook, SourceError
from tests.redis_server import RedisServer
from tests.sheets_fixtures import forum_tabs

WALL = datetime(2025, 6, 19, 12, 0, tzinfo=timezone.utc)
INTERVAL_S = 15.0


class _Sheet:
    """A source that counts its reads; ``fail`` makes the next reads fail; ``gate`` holds a read."""

    tipo = "gsheets"
    descripcion = "Planilla de Google «Foro»"

    def __init__(self, tabs: dict[str, list[list[Any]]]):
        self.tabs = tabs
        self.reads = 0
        self.fail: SourceError | None = None
        self.gate: threading.Event | None = None
        self.reading = threading.Event()

    def read(self) -> RawWorkbook:
        self.reads += 1
        self.reading.set()
        if self.gate is not None:
            self.gate.wait(10)
        if self.fail is not None:
            raise self.fail
        return RawWorkbook(tabs=copy.deepcopy(self.tabs), time_zone="America/Argentina/Mendoza")


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with RedisServer() as server:
        yield server


@pytest.fixture
def keys(redis_server: RedisServer, request: pytest.FixtureRequest) -> Keys:
    return Keys.for_source(f"test-{request.node.name}")  # a fresh deployment per test


def _replica(
    redis_server: RedisServer, keys: Keys, sheet: _Sheet, interval_s: float = INTERVAL_S, **kwargs: Any
) -> SharedSource:
    return SharedSource(sheet, connect(redis_server.url), keys, interval_s, wall=lambda: WALL, **kwargs)


def _tabs() -> dict[str, list[list[Any]]]:
    return {"Inscripciones": [["Nombre", "Fecha"], ["Ana", datetime(2025, 6, 19, 9, 30)], ["Luis", date(2025, 6, 18)]]}


def test_one_replica_reads_for_the_deployment_in_one_interval(redis_server, keys):
    sheets = [_Sheet(_tabs()) for _ in range(3)]
    replicas = [_replica(redis_server, keys, s) for s in sheets]
    raws = [r.read() for r in replicas]
    assert [s.reads for s in sheets] == [1, 0, 0]
    assert [r.coordinacion for r in replicas] == ["lee", "comparte", "comparte"]
    # The others got what the reader's source returned, cell types included, stamped with its time.
    assert raws[1].tabs == raws[2].tabs == raws[0].tabs
    assert raws[1].time_zone == "America/Argentina/Mendoza" and raws[1].read_at == WALL
    # The lease paces the deployment: nobody may read before the interval is over.
    ttl_ms = connect(redis_server.url).pttl(keys.lease)
    assert INTERVAL_S * 1000 - 5000 < ttl_ms <= INTERVAL_S * 1000
    replicas[1].read()
    assert [s.reads for s in sheets] == [1, 0, 0]


def test_the_next_interval_is_read_by_whoever_comes_first(redis_server, keys):
    sheets = [_Sheet(_tabs()) for _ in range(2)]
    a, b = (_replica(redis_server, keys, s, interval_s=0.3, wait_s=0.0) for s in sheets)
    a.read()
    connect(redis_server.url).delete(keys.lease)  # the interval is over (as its expiry would say)
    sheets[1].tabs["Inscripciones"].append(["Eva", None])
    assert len(b.read().tabs["Inscripciones"]) == 4
    assert [s.reads for s in sheets] == [1, 1]
    assert [x.coordinacion for x in (a, b)] == ["lee", "lee"]
    assert len(a.read().tabs["Inscripciones"]) == 4  # and a takes b's newer read
    assert sheets[0].reads == 1


def test_a_turn_just_before_the_lease_frees_waits_for_it_and_reads_fresh(redis_server, keys):
    sheets = [_Sheet(_tabs()) for _ in range(2)]
    a, b = (_replica(redis_server, keys, s, interval_s=2.0, wait_s=2.0) for s in sheets)
    a.read()
    connect(redis_server.url).pexpire(keys.lease, 300)  # 0.3 s left: less than a fifth of the interval
    b.read()
    assert [s.reads for s in sheets] == [1, 1] and b.coordinacion == "lee"


def test_a_failure_makes_the_whole_deployment_wait_as_long_as_retry_after(redis_server, keys):
    sheets = [_Sheet(_tabs()) for _ in range(2)]
    a, b = (_replica(redis_server, keys, s) for s in sheets)
    sheets[0].fail = SourceError(
        "cuota", Said.of("fuente.texto", texto="Google pidió esperar (cuota)."), retry_after=40.0
    )
    with pytest.raises(SourceError) as mine:
        a.read()
    with pytest.raises(SourceError) as theirs:
        b.read()
    assert sheets[1].reads == 0  # b did not ask the Sheet: it got a's failure
    assert (theirs.value.code, theirs.value.reason) == ("cuota", "Google pidió esperar (cuota).")
    assert theirs.value.retry_after is not None and 35 < theirs.value.retry_after <= 40
    assert mine.value.code == "cuota"
    assert 35_000 < connect(redis_server.url).pttl(keys.lease) <= 40_000


def test_another_replica_words_the_failure_in_its_viewers_language(redis_server, keys):
    """The stored failure keeps its catalogue sentences (a reason inside a reason included), so
    the replica that did not read says it in pt or en too, not only in the reader's Spanish."""
    sheets = [_Sheet(_tabs()) for _ in range(2)]
    a, b = (_replica(redis_server, keys, s) for s in sheets)
    lost = Said.of("fuente.pestana_perdida", tab="Conteos", detalle=Said.of("fuente.pestana_ya_no_esta", tab="Conteos"))
    sheets[0].fail = SourceError("contenido", lost)
    with pytest.raises(SourceError) as mine:
        a.read()
    with pytest.raises(SourceError) as theirs:
        b.read()
    assert sheets[1].reads == 0
    for lang in ("es", "pt", "en"):
        assert theirs.value.reason_in(lang) == mine.value.reason_in(lang)
    assert theirs.value.reason_in("en").startswith("The Sheet answered, but the tab Conteos can no longer be read")
    assert "pestaña" not in theirs.value.reason_in("en")


def test_a_record_of_the_previous_version_keeps_its_spanish_reason():
    from foro_data.shared_read import Meta

    old = (
        '{"v": 1, "token": "t", "attempt_at": "2025-06-19T12:00:00+00:00", "version": null, "leido_en": null, '
        '"descripcion": "x", "error": {"code": "red", "reason": "La planilla no respondió.", "retry_after": null}, '
        '"failures": 1}'
    )
    error = Meta.from_json(old).error
    assert error is not None and (error.code, error.reason) == ("red", "La planilla no respondió.")
    again = Meta.from_json(Meta.from_json(old).to_json()).error
    assert again == error


def test_back_off_grows_with_the_deployments_failures(redis_server, keys):
    sheets = [_Sheet(_tabs()) for _ in range(2)]
    a, b = (_replica(redis_server, keys, s, interval_s=10.0) for s in sheets)
    client = connect(redis_server.url)
    for s in sheets:
        s.fail = SourceError("red", Said.of("fuente.texto", texto="La planilla no respondió."))
    ttls = []
    for replica in (a, b, a):  # each failure by whichever replica held the lease, counted together
        with pytest.raises(SourceError):
            replica.read()
        ttls.append(client.pttl(keys.lease))
        client.delete(keys.lease)  # the wait is over
    assert ttls[0] <= 10_000 and ttls[1] > 14_000 and ttls[2] > 29_000  # 10 s, then 20 and 40 × jitter


def test_a_replica_waits_for_the_read_in_flight_instead_of_reading(redis_server, keys):
    sheets = [_Sheet(_tabs()) for _ in range(2)]
    a, b = (_replica(redis_server, keys, s, wait_s=10.0) for s in sheets)
    sheets[0].gate = threading.Event()
    reader = threading.Thread(target=a.read)
    reader.start()
    assert sheets[0].reading.wait(10)
    got: list[RawWorkbook] = []
    follower = threading.Thread(target=lambda: got.append(b.read()))
    follower.start()
    sheets[0].gate.set()
    reader.join(10)
    follower.join(10)
    assert sheets[1].reads == 0 and got and got[0].tabs == _tabs()


def test_a_reader_whose_lease_expired_does_not_touch_the_next_readers_lease(redis_server, keys):
    sheets = [_Sheet(_tabs()) for _ in range(2)]
    a = _replica(redis_server, keys, sheets[0], interval_s=0.2, hold_s=0.2)
    b = _replica(redis_server, keys, sheets[1], interval_s=30.0, wait_s=0.0)
    client = connect(redis_server.url)
    sheets[0].gate = threading.Event()
    reader = threading.Thread(target=a.read)
    reader.start()
    assert sheets[0].reading.wait(10)
    client.delete(keys.lease)  # a's read outlived its lease
    sheets[1].tabs = {"Inscripciones": [["Nombre"], ["Nueva"]]}
    b.read()
    token = client.get(keys.lease)
    sheets[0].gate.set()
    reader.join(10)
    assert client.get(keys.lease) == token and client.pttl(keys.lease) > 25_000
    assert decode_workbook(client.get(keys.raw))[1].tabs == {"Inscripciones": [["Nombre"], ["Nueva"]]}


def test_redis_down_means_each_replica_reads_alone_and_sharing_resumes_when_it_returns(keys):
    with RedisServer() as server:
        sheets = [_Sheet(_tabs()) for _ in range(2)]
        a, b = (_replica(server, keys, s, wait_s=0.0) for s in sheets)
        a.read()
        server.stop()
        assert a.read().tabs == _tabs() and b.read().tabs == _tabs()  # no Redis error reaches the caller
        assert [s.reads for s in sheets] == [2, 1]
        assert [x.coordinacion for x in (a, b)] == ["sin_coordinacion", "sin_coordinacion"]
        server.start()  # empty: it lost everything
        a.read()
        b.read()
        assert [s.reads for s in sheets] == [3, 1]
        assert [x.coordinacion for x in (a, b)] == ["lee", "comparte"]


def test_a_source_error_while_redis_is_down_is_the_sources_own(keys):
    with RedisServer() as server:
        sheet = _Sheet(_tabs())
        a = _replica(server, keys, sheet)
        server.stop()
        sheet.fail = SourceError("red", Said.of("fuente.texto", texto="La planilla no respondió."))
        with pytest.raises(SourceError, match="no respondió"):
            a.read()
        assert sheet.reads == 1


@pytest.mark.parametrize(
    "garbage",
    [
        b"\x80\x04\x95\x1d\x00\x00\x00\x00\x00\x00\x00\x8c\x02os\x94\x8c\x06system\x94\x93\x94.",  # a pickle
        b'{"v": 1, "version": "x", "raw": {"tabs": {"A": [[{"$python": "os.system"}]]}}}',
        b"not json",
    ],
)
def test_content_in_redis_that_is_not_ours_is_never_used(redis_server, keys, garbage):
    sheets = [_Sheet(_tabs()) for _ in range(2)]
    a, b = (_replica(redis_server, keys, s, wait_s=0.0) for s in sheets)
    a.read()
    connect(redis_server.url).set(keys.raw, garbage)
    assert b.read().tabs == _tabs()
    assert sheets[1].reads == 1 and b.coordinacion == "sin_coordinacion"
    connect(redis_server.url).set(keys.meta, garbage)
    assert b.read().tabs == _tabs() and sheets[1].reads == 2


def test_the_workbook_goes_through_json_with_its_cell_types():
    raw = RawWorkbook(
        {"A": [["x", 1, 2.5, True, None, datetime(2025, 6, 19, 9, 30), date(2025, 6, 19), "2025-06-19"]]},
        time_zone="America/Argentina/Mendoza",
        locale="es_AR",
        serial_dates=True,
    )
    version, text = encode_workbook(raw)
    assert decode_workbook(text) == (version, raw)
    assert encode_workbook(RawWorkbook({"A": [["y"]]}))[0] != version


def test_no_url_means_no_sharing_and_a_bad_url_says_sin_coordinacion(monkeypatch):
    monkeypatch.delenv("FORO_REDIS_URL", raising=False)
    sheet = _Sheet(_tabs())
    plain = shared_source(config_from_dict({"foro": {}}), sheet, "x")
    assert plain is sheet and coordinacion(plain) is None
    bad = shared_source(config_from_dict({"foro": {"redis_url": "http://nope"}}), sheet, "x")
    assert coordinacion(bad) == "sin_coordinacion" and bad.read().tabs == _tabs()


def test_the_env_names_redis_too(redis_server, monkeypatch):
    monkeypatch.setenv("FORO_REDIS_URL", redis_server.url)
    assert isinstance(shared_source(config_from_dict({"foro": {}}), _Sheet(_tabs()), "x"), SharedSource)


def test_live_feeds_of_three_replicas_show_the_same_figures_from_one_read(redis_server, keys):
    sheets = [_Sheet(forum_tabs(24)) for _ in range(3)]
    t = [0.0]
    feeds = [
        LiveFeed(
            _replica(redis_server, keys, s, clock=lambda: t[0]),
            INTERVAL_S,
            None,
            clock=lambda: t[0],
            wall=lambda: datetime(2025, 6, 19, 12, 0, 5, tzinfo=timezone.utc),
        )
        for s in sheets
    ]
    snaps = [f.wait_read(timeout=30) for f in feeds]
    assert [s.reads for s in sheets] == [1, 0, 0]
    assert all(s is not None and s.fuente.estado == "ok" for s in snaps)
    assert len({len(s.personas) for s in snaps if s is not None}) == 1
    # The followers' figures carry the time the reader read them, not the time they took them.
    assert {s.fuente.leido_en for s in snaps if s is not None} == {WALL}
