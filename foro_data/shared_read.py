"""One Sheet read per interval for a whole deployment: replicas share the read through Redis.

With ``[foro] redis_url`` (or ``FORO_REDIS_URL``) every replica's ``LiveFeed`` reads through a
``SharedSource``. On each of its turns a replica tries to take the *lease* (``SET … NX PX`` with a
random token); the one that gets it reads the source and stores in Redis what the source returned
(the raw workbook as JSON, never pickle: what Redis holds must not be able to run code), its
version (a fingerprint), when it was read and the source's health. The other replicas take that
stored read instead of asking the Sheet and build their Snapshot from it by the same
``build_snapshot`` path as always.

The lease is the deployment's clock. It lives ``interval`` seconds from the start of the read
(longer while a read is in flight; the holder shortens it when it finishes, only if the token is
still its own), so the next replica can take it an interval later: one read per interval whatever
the number of replicas. After a failure the holder stretches it to the back-off delay, Retry-After
included, and the others get the failure with the time left: the whole deployment waits.

Redis unreachable, or holding something that does not parse: the replica reads the source itself
(``LiveFeed`` already keeps that to one read per interval per replica), says so (``coordinacion``),
and tries Redis again on its next turn, so the shared read resumes by itself. No Redis error ever
leaves ``read``: the caller sees only the source's own ``SourceError``.
"""

from __future__ import annotations

import json
import logging
import os
import random
import secrets
import threading
import time
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Callable, Literal

from .catalogue.fuente import FuenteSentence as F
from .errors import Said, say, words
from .live import MAX_BACKOFF_S, backoff_delay
from .sources import cache
from .sources.base import RawWorkbook, Source, SourceError

if TYPE_CHECKING:
    import redis

    from .config import Config

log = logging.getLogger(__name__)

REDIS_URL_ENV = "FORO_REDIS_URL"
FORMAT_VERSION = 1
SOCKET_TIMEOUT_S = 1.0  # Redis is next door: a second without an answer means it is not there
KEEP_S = 24 * 3600  # the stored read outlives a pause of the deployment, not the event
READ_HOLD_S = 60.0  # the lease while a read is in flight: beyond any read the source allows
POLL_S = 0.1  # how often a waiting replica looks for the reader's result
WAITING_REASON = say(F.ESPERANDO_COMPARTIDA)  # in Spanish, for the log and tests
WAITING_CODE = "compartida"

# What the Calidad de datos page shows: this replica read the source for everyone, used another
# replica's read, or read on its own because Redis did not answer.
Coordinacion = Literal["lee", "comparte", "sin_coordinacion"]

# Store our result only while the lease is still ours, then shorten the lease to the pace (or free
# it). A reader whose lease expired mid-read must not overwrite or free a newer reader's lease.
_PUBLISH = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[3] ~= '' then redis.call('SET', KEYS[3], ARGV[3], 'PX', ARGV[5]) end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[5])
local pace = tonumber(ARGV[4])
if pace > 0 then redis.call('PEXPIRE', KEYS[1], pace) else redis.call('DEL', KEYS[1]) end
return 1
"""


@dataclass(frozen=True)
class Keys:
    """The three Redis keys of one data source: the lease, the small record, the workbook."""

    lease: str
    meta: str
    raw: str

    @classmethod
    def for_source(cls, identity: str) -> "Keys":
        """
        >>> Keys.for_source("gsheets-abc").lease
        'foro-en-vivo:gsheets-abc:lease'
        """
        p = f"foro-en-vivo:{identity}:"
        return cls(p + "lease", p + "meta", p + "raw")


@dataclass(frozen=True)
class SharedError:
    code: str
    said: tuple[Said, ...]  # the source's reason, unworded: every replica words it for its viewers
    retry_after: float | None

    @property
    def reason(self) -> str:
        return words(self.said)


@dataclass(frozen=True)
class Meta:
    """The record every replica reads on its turn (small; the workbook is a separate key)."""

    token: str  # the lease token of the read that wrote it
    attempt_at: datetime
    version: str | None  # fingerprint of the last good workbook, None before the first
    leido_en: datetime | None  # when that workbook was read
    descripcion: str
    error: SharedError | None  # the last attempt's failure, None when it succeeded
    failures: int  # consecutive failures, deployment-wide

    def to_json(self) -> str:
        e = self.error
        return json.dumps(
            {
                "v": FORMAT_VERSION,
                "token": self.token,
                "attempt_at": self.attempt_at.isoformat(),
                "version": self.version,
                "leido_en": self.leido_en.isoformat() if self.leido_en else None,
                "descripcion": self.descripcion,
                # "reason" (Spanish) is what replicas of the previous version read; "said" is the reason.
                "error": None
                if e is None
                else {
                    "code": e.code,
                    "reason": e.reason,
                    "said": [s.to_json() for s in e.said],
                    "retry_after": e.retry_after,
                },
                "failures": self.failures,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: bytes | str) -> "Meta":
        """ValueError/KeyError/TypeError on anything that is not a record we wrote."""
        d = json.loads(text)
        if d["v"] != FORMAT_VERSION:
            raise ValueError(f"formato {d['v']!r}")
        e = d["error"]
        return cls(
            token=str(d["token"]),
            attempt_at=datetime.fromisoformat(d["attempt_at"]),
            version=None if d["version"] is None else str(d["version"]),
            leido_en=datetime.fromisoformat(d["leido_en"]) if d["leido_en"] else None,
            descripcion=str(d["descripcion"]),
            error=None
            if e is None
            else SharedError(str(e["code"]), _said(e), None if e["retry_after"] is None else float(e["retry_after"])),
            failures=int(d["failures"]),
        )


def _said(error: dict[str, Any]) -> tuple[Said, ...]:
    """The stored reason; a record of the previous version has only its Spanish text."""
    if "said" in error:
        return tuple(Said.from_json(s) for s in error["said"])
    return (Said.of(F.TEXTO, texto=str(error["reason"])),)


def encode_workbook(raw: RawWorkbook) -> tuple[str, str]:
    """(version, JSON text) of a workbook; the version is the Snapshot version pages key on.

    >>> encode_workbook(RawWorkbook({"A": [["x"]]}))[0] == RawWorkbook({"A": [["x"]]}).fingerprint()
    True
    """
    version = raw.fingerprint()
    return version, json.dumps(
        {"v": FORMAT_VERSION, "version": version, "raw": cache.encode_raw(raw)}, ensure_ascii=False
    )


def decode_workbook(text: bytes | str) -> tuple[str, RawWorkbook]:
    d = json.loads(text)
    if d["v"] != FORMAT_VERSION:
        raise ValueError(f"formato {d['v']!r}")
    return str(d["version"]), cache.decode_raw(d["raw"])


@dataclass(frozen=True)
class _Lease:
    token: str
    started: float  # clock() when taken
    leido_en: datetime  # wall() when taken
    previous: Meta | None  # the record before this read (for the failure count and last version)


@dataclass(frozen=True)
class _Shared:
    """Another replica's result: what this turn hands back instead of reading."""

    meta: Meta | None
    lease_left_s: float


class SharedSource:
    """A ``Source`` that reads the inner source only when it holds the deployment's lease."""

    def __init__(
        self,
        inner: Source,
        client: "redis.Redis",
        keys: Keys,
        interval_s: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        max_backoff_s: float = MAX_BACKOFF_S,
        hold_s: float = READ_HOLD_S,
        wait_s: float | None = None,
    ):
        self.inner = inner
        self.keys = keys
        self.interval_s = float(interval_s)
        self._redis = client
        self._clock, self._wall, self._sleep = clock, wall, sleep
        self._rng = rng or random.Random()
        self._max_backoff_s = max_backoff_s
        self._hold_s = max(hold_s, self.interval_s)
        # How long a turn may wait for a read in flight (or a lease about to expire) before it
        # settles for the last stored read. LiveFeed runs turns in its own thread: viewers never wait.
        self._wait_s = min(self.interval_s, 10.0) if wait_s is None else wait_s
        self._soon_s = min(1.0, 0.2 * self.interval_s)
        self._publish = client.register_script(_PUBLISH)
        self._lock = threading.Lock()
        self._coordinacion: Coordinacion = "comparte"
        self._descripcion: str | None = None
        self._workbook: tuple[str, RawWorkbook] | None = None  # the last stored workbook fetched

    # --- the Source protocol ------------------------------------------------------------------

    @property
    def tipo(self) -> str:
        return self.inner.tipo

    @property
    def descripcion(self) -> str:
        return self._descripcion or self.inner.descripcion

    @property
    def coordinacion(self) -> Coordinacion:
        with self._lock:
            return self._coordinacion

    def read(self) -> RawWorkbook:
        """This replica's turn: read the source for everyone, or take the stored read. Raises only
        ``SourceError`` (the source's own, or the one another replica stored); reads the source at
        most once."""
        try:
            turn = self._turn()
            if isinstance(turn, _Shared):
                self._set("comparte")
                return self._take(turn)
        except SourceError:
            raise
        except Exception as e:  # noqa: BLE001 - Redis down, slow or holding nonsense: read on our own
            self._set(("sin_coordinacion", e))
            return self.inner.read()
        self._set("lee")
        return self._read_for_everyone(turn)

    # --- one turn ------------------------------------------------------------------------------

    def _turn(self) -> _Lease | _Shared:
        """Take the lease, or wait (bounded) for the reader's result. Redis errors propagate."""
        deadline = self._clock() + self._wait_s
        while True:
            token = secrets.token_hex(16)
            started, leido_en = self._clock(), self._wall()
            previous = self._meta(self._redis.get(self.keys.meta))
            if self._redis.set(self.keys.lease, token, nx=True, px=_ms(self._hold_s)):
                return _Lease(token, started, leido_en, previous)
            pipe = self._redis.pipeline(transaction=True)
            pipe.get(self.keys.lease)
            pipe.pttl(self.keys.lease)
            pipe.get(self.keys.meta)
            holder, ttl_ms, meta_text = pipe.execute()
            if holder is None:  # expired between our SET and GET: try again at once
                continue
            meta = self._meta(meta_text)
            left_s = max(0.0, ttl_ms / 1000.0) if ttl_ms is not None and ttl_ms >= 0 else 0.0
            finished = meta is not None and meta.token == _text(holder)
            time_left = deadline - self._clock()
            if finished and not (left_s <= self._soon_s and left_s < time_left):
                return _Shared(meta, left_s)
            if time_left <= 0:  # the reader is slow (or died holding the lease): the last stored read
                return _Shared(meta, left_s)
            # A read in flight, or the lease about to free: its result (or the lease) is moments away.
            self._sleep(min(time_left, POLL_S if not finished else left_s + 0.01))

    def _read_for_everyone(self, lease: _Lease) -> RawWorkbook:
        try:
            raw = self.inner.read()
        except SourceError as e:
            self._store_failure(lease, e)
            raise
        except BaseException:
            self._release(lease)  # a bug is not the Sheet's failure: the next turn may try again
            raise
        self._descripcion = None  # ours is the freshest (a renamed Sheet shows its new title)
        self._store(lease, raw)
        return replace(raw, read_at=lease.leido_en)  # every replica stamps this read with one time

    def _take(self, shared: _Shared) -> RawWorkbook:
        meta = shared.meta
        if meta is None:  # nobody has stored anything yet: the reader is on its first read
            raise SourceError(WAITING_CODE, Said.of(F.ESPERANDO_COMPARTIDA), retry_after=shared.lease_left_s or None)
        self._descripcion = meta.descripcion
        if meta.error is not None:  # the deployment's last read failed: wait as long as its lease says
            e = meta.error
            raise SourceError(e.code, *e.said, retry_after=max(shared.lease_left_s, 0.0) or None)
        if meta.version is None:
            raise SourceError(WAITING_CODE, Said.of(F.ESPERANDO_COMPARTIDA), retry_after=shared.lease_left_s or None)
        if self._workbook is None or self._workbook[0] != meta.version:
            text = self._redis.get(self.keys.raw)
            if text is None:
                raise SourceError(
                    WAITING_CODE, Said.of(F.ESPERANDO_COMPARTIDA), retry_after=shared.lease_left_s or None
                )
            self._workbook = decode_workbook(text)  # unreadable: the caller reads on its own
        return replace(self._workbook[1], read_at=meta.leido_en)

    # --- storing (never raises: the read already happened; the others fall back or wait) ------

    def _store(self, lease: _Lease, raw: RawWorkbook) -> None:
        try:
            version, text = encode_workbook(raw)
            prev = lease.previous
            same = prev is not None and prev.version == version and self._workbook_stored(version)
            meta = Meta(lease.token, lease.leido_en, version, lease.leido_en, self.inner.descripcion, None, 0)
            pace = lease.started + self.interval_s - self._clock()
            self._run_publish(lease, meta, "" if same else text, pace)
            self._workbook = (version, raw)
        except Exception as e:  # noqa: BLE001
            self._set(("sin_coordinacion", e))

    def _store_failure(self, lease: _Lease, error: SourceError) -> None:
        try:
            prev = lease.previous
            failures = (prev.failures if prev else 0) + 1
            delay = backoff_delay(self.interval_s, failures, error.retry_after, self._rng, self._max_backoff_s)
            # Retry-After counts from the answer, the back-off from the start of the attempt.
            pace = max(lease.started + delay - self._clock(), error.retry_after or 0.0)
            meta = Meta(
                lease.token,
                lease.leido_en,
                prev.version if prev else None,
                prev.leido_en if prev else None,
                self.inner.descripcion,
                SharedError(error.code, error.sentences(), error.retry_after),
                failures,
            )
            self._run_publish(lease, meta, "", pace)
        except Exception as e:  # noqa: BLE001
            self._set(("sin_coordinacion", e))

    def _workbook_stored(self, version: str) -> bool:
        return self._redis.exists(self.keys.raw) == 1 and self._workbook is not None and self._workbook[0] == version

    def _run_publish(self, lease: _Lease, meta: Meta, raw_text: str, pace_s: float) -> None:
        pace_ms = _ms(pace_s) if pace_s > 0 else 0
        ours = self._publish(
            keys=[self.keys.lease, self.keys.meta, self.keys.raw],
            args=[lease.token, meta.to_json(), raw_text, pace_ms, _ms(KEEP_S)],
        )
        if not ours:
            log.warning("La lectura compartida tardó más que su turno (%.0f s); otra réplica ya leyó", self._hold_s)

    def _release(self, lease: _Lease) -> None:
        try:
            self._run_publish(
                lease,
                lease.previous or Meta(lease.token, lease.leido_en, None, None, self.inner.descripcion, None, 0),
                "",
                0.0,
            )
        except Exception:  # noqa: BLE001 - the lease expires by itself
            log.debug("No se pudo liberar el turno de lectura", exc_info=True)

    # --- helpers --------------------------------------------------------------------------------

    @staticmethod
    def _meta(text: Any) -> Meta | None:
        return None if text is None else Meta.from_json(text)

    def _set(self, what: Coordinacion | tuple[Coordinacion, BaseException]) -> None:
        modo, cause = (what, None) if isinstance(what, str) else what
        with self._lock:
            before, self._coordinacion = self._coordinacion, modo
        if modo == "sin_coordinacion" and before != modo:
            log.warning("Redis no responde (%s): esta réplica lee la fuente por su cuenta", cause)
        elif before == "sin_coordinacion" and modo != before:
            log.warning("Redis responde otra vez: lectura compartida entre réplicas")


def _ms(seconds: float) -> int:
    return max(1, int(round(seconds * 1000)))


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def redis_url(config: "Config") -> str:
    """``FORO_REDIS_URL`` when set (containers), else ``[foro] redis_url``; "" means no sharing."""
    return (os.environ.get(REDIS_URL_ENV) or str(config.get("redis_url") or "")).strip()


def connect(url: str) -> "redis.Redis":
    """A client that fails fast: short socket timeouts, no retries (the next turn is the retry)."""
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return redis.Redis.from_url(
        url,
        socket_timeout=SOCKET_TIMEOUT_S,
        socket_connect_timeout=SOCKET_TIMEOUT_S,
        retry=Retry(NoBackoff(), 0),
        health_check_interval=0,
    )


def shared_source(config: "Config", inner: Source, identity: str) -> Source:
    """``inner`` shared through Redis when a URL is configured; ``inner`` itself otherwise."""
    url = redis_url(config)
    if not url:
        return inner
    try:
        client = connect(url)
    except ValueError as e:  # a malformed URL: say so and read alone, the page shows «sin coordinación»
        log.error("redis_url inválida (%s): cada réplica lee la fuente por su cuenta", e)
        return _Unshared(inner)
    return SharedSource(inner, client, Keys.for_source(identity), config.refresco_segundos)


def coordinacion(source: object) -> Coordinacion | None:
    """How the replicas share reads, for the Calidad de datos page; None when they do not try."""
    return source.coordinacion if isinstance(source, (SharedSource, _Unshared)) else None


class _Unshared:
    """The source read alone because the Redis URL is unusable; the page still says so."""

    coordinacion: Coordinacion = "sin_coordinacion"

    def __init__(self, inner: Source):
        self.inner = inner

    @property
    def tipo(self) -> str:
        return self.inner.tipo

    @property
    def descripcion(self) -> str:
        return self.inner.descripcion

    def read(self) -> RawWorkbook:
        return self.inner.read()
