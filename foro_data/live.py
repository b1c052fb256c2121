"""The refresh guard: one read per interval for the whole server, the last good Snapshot, back-off.

Streamlit caches results but not exceptions, so a failing Sheet seen by 200 viewers would become
200 requests per rerun. ``LiveFeed`` sits between every viewer and the source instead:

* at most one read in flight and at most one read attempt per interval for the process, also
  while the source fails (then less often: exponential back-off with jitter, Retry-After honoured);
* reads run in a background thread; once there is something to show, only the viewer whose visit
  started a read waits for it, and briefly (``fresh_wait_s``: fresh figures in the usual case, never
  a page stuck on a slow Sheet); everyone else gets the current Snapshot at once. While there is
  nothing at all to show, callers wait for the read in flight;
* a failure keeps the last good Snapshot, marked ``desactualizado`` with the reason (catalogue codes,
  worded in the viewer's language where it is shown);
* every good read is saved to disk (``sources.cache``); a new feed serves that copy at once,
  marked stale, until its first read answers.

Time is a parameter: ``clock`` (monotonic seconds) paces reads, ``wall`` stamps them.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import deque
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Callable

from . import sanity
from .build import build_snapshot
from .catalogue.fuente import FuenteSentence as F
from .errors import Said, say, words
from .snapshot import Fuente, Snapshot
from .sources import cache
from .sources.base import RawWorkbook, Source, SourceError

if TYPE_CHECKING:
    from .config import Config

log = logging.getLogger(__name__)

QUOTA_PER_MINUTE = 60  # Sheets read requests per minute per user; a service account is one user
MAX_BACKOFF_S = 300.0
FIRST_READ_WAIT_S = 60.0  # bound on how long a caller with nothing to show waits for the first read
FRESH_WAIT_S = 2.0  # how long the viewer who started a read waits for it before showing the last one
CONTENT_CODE = "contenido"  # SourceError.code when the Sheet answered but lost a tab (sanity)
CACHED_REASON = say(F.GUARDADA)  # the Spanish sentences, for the CLI and tests
UNEXPECTED_REASON = say(F.INESPERADO)

Builder = Callable[[RawWorkbook, Fuente], Snapshot]


@dataclass(frozen=True)
class SourceHealth:
    """What the *Calidad de datos* page shows about the source."""

    last_ok: datetime | None  # wall time of the last good read
    last_attempt: datetime | None
    last_error_said: tuple[Said, ...]  # why the last attempt failed, unworded; () when it succeeded
    last_error_code: str  # SourceError.code, "" when none
    consecutive_failures: int
    requests_last_minute: int  # source reads started in the last 60 s
    next_attempt_in_s: float
    reading: bool  # a read is in flight now
    quota_per_minute: int = QUOTA_PER_MINUTE

    @property
    def last_error(self) -> str:
        """The reason in Spanish ("" when the last attempt succeeded)."""
        return self.last_error_in("es")

    def last_error_in(self, lang: str) -> str:
        return words(self.last_error_said, lang)


def backoff_delay(
    interval_s: float, failures: int, retry_after: float | None, rng: random.Random, cap_s: float = MAX_BACKOFF_S
) -> float:
    """Seconds to wait after ``failures`` consecutive failures: never below the interval, doubling
    with each failure up to ``cap_s``, with jitter so restarted servers do not retry in step, and
    never sooner than the server's Retry-After.

    >>> backoff_delay(15, 1, None, random.Random(0))
    15.0
    >>> backoff_delay(15, 10, 400, random.Random(0))
    400.0
    """
    base = min(cap_s, interval_s * 2 ** max(0, failures - 1))
    delay = max(interval_s, base * rng.uniform(0.75, 1.0)) if failures > 1 else interval_s
    return float(max(delay, retry_after or 0.0))


class LiveFeed:
    """One per process (``ui.data``, a process-level object), shared by every viewer."""

    def __init__(
        self,
        source: Source,
        interval_s: float,
        cache_key: str | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
        build: Builder = build_snapshot,
        rng: random.Random | None = None,
        max_backoff_s: float = MAX_BACKOFF_S,
        fresh_wait_s: float = FRESH_WAIT_S,
    ):
        self.source = source
        self.interval_s = float(interval_s)
        self.cache_key = cache_key
        self._clock = clock
        self._wall = wall
        self._build = build
        self._rng = rng or random.Random()
        self._max_backoff_s = max_backoff_s
        self.fresh_wait_s = fresh_wait_s

        self._cond = threading.Condition(threading.Lock())
        self._good: Snapshot | None = None  # the last good Snapshot, unmarked
        self._shown: Snapshot | None = None  # what viewers get: _good, possibly marked stale
        self._from_cache = False
        self._in_flight = False
        self._reads_done = 0
        self._next_at = float("-inf")
        self._starts: deque[float] = deque()
        self._last_ok: datetime | None = None
        self._last_attempt: datetime | None = None
        self._last_error: tuple[Said, ...] = ()
        self._last_error_code = ""
        self._failures = 0
        self._last_build: Snapshot | None = None  # only the read thread touches it
        self._listeners: list[Callable[[], None]] = []
        self._load_cached()

    @classmethod
    def from_config(cls, config: "Config", **kwargs: object) -> "LiveFeed":
        """The configured source, paced by ``[foro] refresco_segundos``, cached on disk unless demo."""
        from .shared_read import shared_source
        from .sources import open_source, source_identity

        source = open_source(config)
        key = None if config.fuente == "demo" else source_identity(config)
        if key is not None:  # replicas with a Redis share one read per interval (shared_read)
            source = shared_source(config, source, key)
        return cls(source, config.refresco_segundos, key, **kwargs)  # type: ignore[arg-type]

    # --- what callers use -----------------------------------------------------------------

    def current(self) -> Snapshot | None:
        """The Snapshot to show now. Starts a background read when one is due (and waits for it up
        to ``fresh_wait_s``); otherwise waits only when there is nothing to show yet. Never raises;
        None means no data at all (see ``health``)."""
        with self._cond:
            started = self._start_read_if_due()
            if self._in_flight and self._shown is None:
                self._cond.wait_for(lambda: not self._in_flight, timeout=FIRST_READ_WAIT_S)
            elif started and not self._from_cache:  # a restart shows the saved read at once
                self._cond.wait_for(lambda: not self._in_flight, timeout=self.fresh_wait_s)
            return self._shown

    @property
    def shown(self) -> Snapshot | None:
        """What viewers get now, without starting a read (the pulse looks, it does not ask)."""
        with self._cond:
            return self._shown

    def on_read(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` after every read attempt, from the read thread, outside the lock."""
        with self._cond:
            self._listeners.append(listener)

    def wait_read(self, timeout: float | None = None) -> Snapshot | None:
        """Like ``current`` but waits for the read in flight (or the one just started) to finish.
        For the CLI and tests, which want the freshest answer rather than an instant one."""
        with self._cond:
            self._start_read_if_due()
            self._cond.wait_for(lambda: not self._in_flight, timeout=timeout)
            return self._shown

    @property
    def health(self) -> SourceHealth:
        with self._cond:
            now = self._clock()
            self._forget_old_starts(now)
            return SourceHealth(
                last_ok=self._last_ok,
                last_attempt=self._last_attempt,
                last_error_said=self._last_error,
                last_error_code=self._last_error_code,
                consecutive_failures=self._failures,
                requests_last_minute=len(self._starts),
                next_attempt_in_s=max(0.0, self._next_at - now) if self._next_at != float("-inf") else 0.0,
                reading=self._in_flight,
            )

    @property
    def poll_every_s(self) -> float:
        """How often a page should call ``current()`` (``st.fragment(run_every=…)``): a little slower
        than the interval. Polling at exactly the interval, a poll that arrives a hair early finds no
        read due, and that viewer's figures wait a whole extra interval."""
        return self.interval_s + max(0.5, 0.05 * self.interval_s)

    @property
    def reads_done(self) -> int:
        """Read attempts finished so far (tests and benchmarks wait on it)."""
        with self._cond:
            return self._reads_done

    # --- the guard ------------------------------------------------------------------------

    def _start_read_if_due(self) -> bool:
        """Called with the lock held. Exactly one caller wins the right to start a read."""
        now = self._clock()
        if self._in_flight or now < self._next_at:
            return False
        self._in_flight = True
        # Pace from the start of the attempt: one attempt per interval, however long it takes.
        self._next_at = now + self.interval_s
        self._starts.append(now)
        self._forget_old_starts(now)
        self._last_attempt = self._wall()
        try:
            threading.Thread(target=self._read, args=(now,), name="foro-live-read", daemon=True).start()
        except RuntimeError:  # no thread to be had: try again next interval rather than wedge
            log.exception("No se pudo iniciar la lectura de la fuente")
            self._in_flight = False
            return False
        return True

    def _forget_old_starts(self, now: float) -> None:
        while self._starts and self._starts[0] <= now - 60.0:
            self._starts.popleft()

    def _read(self, started: float) -> None:
        snapshot: Snapshot | None = None
        raw: RawWorkbook | None = None
        error: SourceError | None = None
        leido_en = self._wall()
        try:
            raw = self.source.read()
            leido_en = raw.read_at or leido_en  # a read shared by another replica keeps its own time
            snapshot = self._built_for(raw, Fuente(self.source.tipo, self.source.descripcion, leido_en))
            lost = sanity.lost_since(self._good, snapshot) if self._good is not None else None
            if lost:  # the Sheet answered but lost a tab or its headers: not data, a failure
                snapshot, error = None, SourceError(CONTENT_CODE, lost)
            elif (broken := sanity.required_missing(snapshot)) is not None:
                snapshot = snapshot.marked_stale(broken)  # shown (Calidad de datos says why), never "ok"
        except SourceError as e:
            error = e
        except Exception:  # never let a bug in reading or cleaning reach a viewer
            log.exception("Lectura de la fuente %s falló", getattr(self.source, "descripcion", "?"))
            error = SourceError("error", Said.of(F.INESPERADO))
        if snapshot is not None and raw is not None and self.cache_key and self.source.tipo != "demo":
            try:
                cache.save(raw, leido_en, self.cache_key)  # outside the lock: disk may be slow
            except Exception:  # noqa: BLE001 - a full disk must not cost the fresh figures
                log.exception("No se pudo guardar la última lectura")
        with self._cond:
            if snapshot is not None:
                self._good = self._shown = snapshot
                self._from_cache = False
                self._last_ok = leido_en
                self._last_error, self._last_error_code = (), ""
                self._failures = 0
            else:
                assert error is not None
                self._failures += 1
                self._last_error, self._last_error_code = error.sentences(), error.code
                # A Sheet that answers with broken content is not overloaded: look again next interval.
                delay = (
                    self.interval_s
                    if error.code == CONTENT_CODE
                    else backoff_delay(
                        self.interval_s, self._failures, error.retry_after, self._rng, self._max_backoff_s
                    )
                )
                # Retry-After counts from the answer, the back-off from the start of the attempt.
                self._next_at = max(self._next_at, started + delay, self._clock() + (error.retry_after or 0.0))
                if self._good is not None:
                    prefix = (Said.of(F.GUARDADA_ANTES),) if self._from_cache else ()
                    self._shown = self._good.marked_stale(*prefix, *error.sentences())
                log.warning(
                    "Fuente %s: %s (fallas seguidas: %d, próximo intento en %.0f s)",
                    self.source.tipo,
                    error.reason,
                    self._failures,
                    self._next_at - self._clock(),
                )
            self._in_flight = False
            self._reads_done += 1
            self._cond.notify_all()
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener()
            except Exception:  # noqa: BLE001 - a listener's bug must not stop the reads
                log.exception("Aviso de lectura falló")

    def _built_for(self, raw: RawWorkbook, fuente: Fuente) -> Snapshot:
        """The Snapshot of ``raw``; an unchanged workbook reuses the last build with the new read
        time (same version: pages need not redraw, and cleaning 10,000 rows is not repeated)."""
        last = self._last_build
        if last is not None and last.version and last.version == raw.fingerprint():
            return replace(last, fuente=fuente)
        built = self._build(raw, fuente)
        self._last_build = built
        return built

    def _load_cached(self) -> None:
        if not self.cache_key:
            return
        saved = cache.load(self.cache_key)
        if saved is None:
            return
        raw, leido_en = saved
        try:
            good = self._build(raw, Fuente(self.source.tipo, self.source.descripcion, leido_en))
        except Exception:  # a cache from an older version that no longer cleans: ignore it
            log.exception("Se ignora la lectura guardada de %s", self.source.tipo)
            return
        self._good = self._last_build = good
        self._shown = good.marked_stale(Said.of(F.GUARDADA))
        self._from_cache = True
        self._last_ok = leido_en
