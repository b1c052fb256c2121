"""A deployment on loopback: N replicas of the real app (``streamlit run serve.py``) reading one
fake Sheet, sharing one Redis, and browser-less viewers on each (``bench/load.py``'s ``Viewer``).
Shared by ``tests/reliability/test_shared_read_replicas.py`` and ``bench/replicas.py``."""

from __future__ import annotations

import asyncio
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Iterator

from bench.load import Viewer
from tests.fake_sheets import FakeSheetsServer, make_service_account
from tests.reliability.conftest import App, secrets_toml
from tools import screenshots as shots


@contextmanager
def replicas(
    fake: FakeSheetsServer, n: int, redis_url: str | None, refresh_s: int = 5, timeout_s: float = 180.0
) -> Iterator[list[App]]:
    """``n`` app processes on their own ports and cache folders (as on separate machines), one
    configuration; ``FORO_REDIS_URL`` names the Redis they share (None: they do not share)."""
    toml = secrets_toml(fake.book().id, make_service_account(fake.token_uri), refresh_s)
    env = {"FORO_SHEETS_API_URL": fake.url}
    if redis_url:
        env["FORO_REDIS_URL"] = redis_url
    with ExitStack() as stack:
        servers = [
            stack.enter_context(shots.streamlit_server(timeout_s=timeout_s, secrets_toml=toml, env_extra=env))
            for _ in range(n)
        ]
        yield [App(s.url, s.process, s.log_path, fake) for s in servers]


def batch_gets(fake: FakeSheetsServer, t0: float, t1: float) -> int:
    """Whole-workbook reads the fake Sheet answered in [t0, t1) (its own log, monotonic clock)."""
    return sum(1 for r in fake.requests if r.kind == "batchGet" and t0 <= r.at < t1)


@dataclass
class Crowd:
    """Viewers spread evenly over the replicas, each a real session running the big screen."""

    viewers: list[Viewer]
    stop: asyncio.Event
    tasks: list[asyncio.Task] = field(default_factory=list)

    @classmethod
    async def start(cls, urls: list[str], per_replica: int, ramp_s: float = 2.0) -> "Crowd":
        crowd = cls([Viewer(u) for u in urls for _ in range(per_replica)], asyncio.Event())
        for v in crowd.viewers:
            crowd.tasks.append(asyncio.create_task(v.run(crowd.stop)))
            await asyncio.sleep(ramp_s / len(crowd.viewers))
        return crowd

    async def wait_figures(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and any(v.figure is None and not v.errors for v in self.viewers):
            await asyncio.sleep(0.2)

    async def wait_figure(self, value: int, timeout_s: float) -> int:
        """Waits until every viewer has seen ``value``; how many have."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and any(value not in v.seen for v in self.viewers):
            await asyncio.sleep(0.2)
        return sum(1 for v in self.viewers if value in v.seen)

    def runs(self) -> int:
        return sum(v.runs for v in self.viewers)

    def errors(self) -> list[str]:
        return [e for v in self.viewers for e in v.errors + v.page_errors]

    async def close(self) -> None:
        self.stop.set()
        await asyncio.gather(*self.tasks, return_exceptions=True)
