"""How much work one session and one client address may ask of the server (issue 18, finding 2).

A script run costs the server real CPU; a client that sends rerun requests five times a second
from a few sessions starved every other screen (the review: a new viewer's first figure took 85 s,
open screens froze). ``RunPacer`` keeps a token bucket per session and per client address for each
kind of run: a run that finds tokens goes at once; one that finds a bucket in debt is told how
long to wait first. Streamlit folds the requests that arrive meanwhile into one, so a flooding
session gets at most the bucket's rate of runs, and the rest of the server keeps its CPU.

The limits sit far above what a person does: a page load or a click is a full run now and then; a
screen's watcher runs once per refresh; a coordinator taps +1 a few times a second; a venue's
phones share one address behind the Wi-Fi's NAT.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    """A token bucket: ``rate`` runs per second on average, ``burst`` at once."""

    rate: float
    burst: float


# kind -> (per session, per client address)
LIMITS: dict[str, tuple[Limit, Limit]] = {
    # Full runs: page loads, navigation, widgets outside the live screen.
    "app": (Limit(rate=1.0, burst=6), Limit(rate=10.0, burst=40)),
    # Fragment runs: the watcher, the screen's redraws, +1/−1 taps (a fast thumb: ~10 a second).
    "fragment": (Limit(rate=15.0, burst=60), Limit(rate=100.0, burst=300)),
}
MAX_WAIT_S = 2.0  # a run never waits longer; the debt a bucket may carry is this much of its rate
MAX_KEYS = 20_000  # buckets kept; the oldest go first (sessions and addresses come and go)


class RunPacer:
    """Token buckets per (kind, session) and (kind, address); the time is passed in (monotonic s).

    >>> p = RunPacer({"app": (Limit(1, 2), Limit(100, 100))})
    >>> [p.wait_s("app", "s1", "10.0.0.1", 0.0) for _ in range(4)]
    [0.0, 0.0, 1.0, 2.0]
    >>> p.wait_s("app", "s2", "10.0.0.1", 0.0)  # another session of the same address: its own bucket
    0.0
    >>> p.wait_s("app", "s1", "10.0.0.1", 10.0)  # refilled
    0.0
    """

    def __init__(
        self,
        limits: dict[str, tuple[Limit, Limit]] | None = None,
        max_wait_s: float = MAX_WAIT_S,
        max_keys: int = MAX_KEYS,
    ):
        self.limits = limits or LIMITS
        self.max_wait_s = max_wait_s
        self.max_keys = max_keys
        self._buckets: dict[tuple[str, str, str], tuple[float, float]] = {}  # key -> (tokens, at)
        self._lock = threading.Lock()

    def wait_s(self, kind: str, session: str, address: str, now: float) -> float:
        """Take one run's token from the session's and the address's bucket; how long to wait."""
        per_session, per_address = self.limits[kind]
        with self._lock:
            if len(self._buckets) > self.max_keys:
                for key in list(self._buckets)[: len(self._buckets) - self.max_keys // 2]:
                    del self._buckets[key]
            return max(
                self._take((kind, "s", session), per_session, now), self._take((kind, "a", address), per_address, now)
            )

    def _take(self, key: tuple[str, str, str], limit: Limit, now: float) -> float:
        tokens, at = self._buckets.pop(key, (limit.burst, now))
        tokens = min(limit.burst, tokens + max(0.0, now - at) * limit.rate) - 1
        tokens = max(tokens, -limit.rate * self.max_wait_s)  # the debt is bounded: so is the wait
        self._buckets[key] = (tokens, now)  # re-inserted last: dict order is the age order
        return 0.0 if tokens >= 0 else min(self.max_wait_s, -tokens / limit.rate)
