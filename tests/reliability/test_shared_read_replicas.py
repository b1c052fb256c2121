"""Three replicas of the real app, one Redis, one fake Sheet: the Sheet sees one read per interval
for the whole deployment; with Redis stopped, one per interval per replica and no viewer sees an
error; when Redis comes back, one per interval again. Counted from the fake Sheet's own log.

Small on purpose (5 viewers per replica: CPU is scarce); ``bench/replicas.py`` runs 100 per replica.
"""

from __future__ import annotations

import asyncio

from tests.fake_sheets import FakeSheetsServer
from tests.redis_server import RedisServer
from tests.reliability.conftest import REFRESH_S, add_person, forum_book
from tests.replicas import Crowd, batch_gets, replicas

N_REPLICAS = 3
PER_REPLICA = 5
WINDOW_S = 6 * REFRESH_S  # several intervals
SETTLE_S = 2 * REFRESH_S  # after Redis stops or starts: the turns under way finish
BOUND = WINDOW_S // REFRESH_S + 1  # one read per interval, plus the one on the window's edge


async def _window(fake: FakeSheetsServer, crowd: Crowd) -> tuple[int, int]:
    """(Sheet reads, script runs of the viewers) over one window."""
    loop = asyncio.get_running_loop()
    t0, runs0 = loop.time(), crowd.runs()
    await asyncio.sleep(WINDOW_S)
    return batch_gets(fake, t0, loop.time()), crowd.runs() - runs0


async def _scenario(fake: FakeSheetsServer, redis: RedisServer, urls: list[str]) -> dict[str, int]:
    crowd = await Crowd.start(urls, PER_REPLICA)
    try:
        await crowd.wait_figures(120)
        assert all(v.figure is not None for v in crowd.viewers), crowd.errors()
        await asyncio.sleep(REFRESH_S)  # every viewer's fragment timer runs

        # Shared: one read per interval in total; a change in the Sheet reaches every replica.
        before = max(v.figure or 0 for v in crowd.viewers)
        add_person(fake, 1)
        shared, _ = await _window(fake, crowd)
        reached = await crowd.wait_figure(before + 1, 4 * REFRESH_S)

        # Redis stopped: each replica reads on its own, the viewers keep their figures.
        await asyncio.to_thread(redis.stop)
        await asyncio.sleep(SETTLE_S)
        alone, runs_alone = await _window(fake, crowd)

        # Redis back (empty, as after a crash): shared again by itself.
        await asyncio.to_thread(redis.start)
        await asyncio.sleep(SETTLE_S)
        resumed, _ = await _window(fake, crowd)
        assert not crowd.errors(), crowd.errors()[:5]
        return {"shared": shared, "reached": reached, "alone": alone, "runs_alone": runs_alone, "resumed": resumed}
    finally:
        await crowd.close()


def test_three_replicas_read_the_sheet_once_per_interval_and_alone_without_redis():
    with FakeSheetsServer() as fake, RedisServer() as redis:
        fake.add(forum_book())
        with replicas(fake, N_REPLICAS, redis.url, REFRESH_S) as apps:
            got = asyncio.run(_scenario(fake, redis, [a.url for a in apps]))
            logs = [a.log_text() for a in apps]
    print(f"\nlecturas en {WINDOW_S} s (intervalo {REFRESH_S} s): {got}")
    viewers = N_REPLICAS * PER_REPLICA
    assert WINDOW_S // (2 * REFRESH_S) <= got["shared"] <= BOUND, got
    assert got["reached"] == viewers, got
    # Without Redis, at most one read per interval per replica, and they did read on their own.
    assert BOUND < got["alone"] <= N_REPLICAS * BOUND, got
    assert got["runs_alone"] >= viewers, got  # the viewers kept rerunning (none froze)
    assert WINDOW_S // (2 * REFRESH_S) <= got["resumed"] <= BOUND, got
    for log in logs:
        assert "Traceback" not in log, log[log.index("Traceback") - 500 :][:3000]
    assert any("Redis no responde" in log for log in logs) and any("Redis responde otra vez" in log for log in logs)
