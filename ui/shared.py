"""Draw once per data version (issue 14): what a page computes is shared by every viewer.

Everything a screen derives from (Snapshot version, as-of time, role, language, kiosk) — metrics
results, Plotly figures, SVG maps, HTML strips — is built by the first viewer who needs it and
reused by every other session of the process until the data or the minute moves. A viewer's rerun
then costs what Streamlit needs to send the frame, not what the figures cost to compute.

Two rules make the sharing exact rather than approximate:

* the as-of time is made canonical per minute (``canonical_as_of``): every viewer in the same
  minute gets the same instant, so figures computed for one are the figures of all;
* a key names what the value depends on besides the view (``extra``); the caller guarantees the
  builder reads nothing else.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import datetime
from typing import Any, TypeVar

T = TypeVar("T")

# A view is about 10 values (figures, a chart, a map); a few pages × roles × languages × minutes
# stay well under this, and the oldest entries go first.
MAX_ENTRIES = 512


class _Memo:
    """A bounded LRU map with one builder per key: the other viewers wait for it, never rebuild."""

    def __init__(self, max_entries: int):
        self._max = max_entries
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._building: dict[Hashable, threading.Event] = {}
        self._lock = threading.Lock()
        self.built = 0  # how many values were computed (tests and benchmarks read it)

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        while True:
            with self._lock:
                if key in self._values:
                    self._values.move_to_end(key)
                    return self._values[key]
                waiting = self._building.get(key)
                if waiting is None:
                    self._building[key] = threading.Event()
                    break
            # Someone else is building it: wait, then look again (a failed build leaves no value,
            # and the next caller builds it itself).
            waiting.wait(30)
        try:
            value = build()
            with self._lock:
                self._values[key] = value
                self.built += 1
                while len(self._values) > self._max:
                    self._values.popitem(last=False)
            return value
        finally:
            with self._lock:
                self._building.pop(key).set()

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


_MEMO = _Memo(MAX_ENTRIES)


def canonical_as_of(value: datetime) -> datetime:
    """The as-of instant every viewer uses during ``value``'s minute: its last microsecond.

    A screen says "a las 10:42"; every viewer in that minute then shares one set of figures. The
    end of the minute, not its start: a scan or a tap made at 10:42:30 is already in the Sheet or
    in the outbox, and must count at once (nothing later than now exists yet, except in a replay).

    >>> canonical_as_of(datetime(2025, 6, 19, 10, 42, 31, 5)).isoformat()
    '2025-06-19T10:42:59.999999'
    """
    return value.replace(second=59, microsecond=999999)


def once(view: Hashable, name: str, build: Callable[[], T], *extra: Hashable) -> T:
    """``build()`` computed once per (view, name, extra) for the whole process."""
    return _MEMO.get((view, name, extra), build)


def builds_so_far() -> int:
    """Values computed so far (a test checks that a second viewer computes nothing)."""
    return _MEMO.built


def forget_all() -> None:
    """Tests that change the data outside the feed start from an empty memo."""
    _MEMO.clear()


# Screens drawn at the same time. When a change reaches 400 screens at once, 400 script threads
# running together share one GIL round-robin and each finishes only when all do; in turns, the
# first screens are done after a few milliseconds. Two, so that one may wait on I/O.
DRAWING_AT_ONCE = 2
_TURNS = threading.BoundedSemaphore(DRAWING_AT_ONCE)


def turn() -> threading.BoundedSemaphore:
    """``with shared.turn():`` around drawing a screen."""
    return _TURNS


class DrawCost:
    """How far apart screens should ask for their redraws (ui.pulse puts them in line): the smaller
    of two measures of what a redraw costs, each of which overstates it in its own situation.

    * A draw's wall time: two screens drawn at once share one GIL, so the wall clock also counts
      the other's work and the machine's other load. With 1,000 screens at 15 s the line followed
      that noise (bench/load.py, five runs of 78737b5: 38–85 % of a core, p95 from 21.5 to 62.1 s).
      It was × 1.5 for the work Streamlit does after the script, per element sent; since En vivo's
      redraw sends 5 elements instead of 17 that share is small, and × 1.5 kept 1,000 screens at
      15 s in a line of ~17 s at 42–57 % of a core (the wall time alone, same run: 8.5 s at 48 %).
    * The whole process's CPU time between consecutive redraws ÷ 0.75 of a core: it also counts the
      pulse answers and everything else the process does meanwhile, which at a 5 s refresh with 400
      screens is a large share; alone it spaced that line too wide (32 % of a core, p95 18 s).

    Redraws further apart than ``BURST_GAP_S`` are not a line and teach the CPU measure nothing."""

    BUSY = 0.75
    START_S = 0.015  # before any screen was drawn: about the wall's En vivo (bench/load.py, 5–9 ms of CPU)
    BURST_GAP_S = 1.0

    def __init__(self, cpu: Callable[[], float] = time.process_time, wall: Callable[[], float] = time.monotonic):
        self._cpu, self._wall = cpu, wall
        self._lock = threading.Lock()
        self._last: tuple[float, float] | None = None  # (cpu, wall) at the last redraw
        self._cpu_avg: float | None = None
        self._wall_avg: float | None = None

    def note(self, seconds: float) -> None:
        """A screen has just been drawn, its script having taken ``seconds`` of wall time."""
        with self._lock:
            self._wall_avg = seconds if self._wall_avg is None else 0.9 * self._wall_avg + 0.1 * seconds
            cpu, wall = self._cpu(), self._wall()
            if self._last is not None and wall - self._last[1] <= self.BURST_GAP_S:
                used = cpu - self._last[0]
                self._cpu_avg = used if self._cpu_avg is None else 0.9 * self._cpu_avg + 0.1 * used
            self._last = (cpu, wall)

    def per_screen_s(self) -> float:
        with self._lock:
            cpu = None if self._cpu_avg is None else self._cpu_avg / self.BUSY
            return min((m for m in (self._wall_avg, cpu) if m is not None), default=self.START_S)


DRAW_COST = DrawCost()
