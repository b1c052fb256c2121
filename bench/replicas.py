"""Replicas sharing one Sheet read: 1 replica vs 3 replicas with Redis, browser-less viewers on each.

    .venv/bin/python bench/replicas.py                      # 1 × 100 and 3 × 100 viewers (heavy: run once)
    .venv/bin/python bench/replicas.py --viewers 5 --window 20   # a quick look

Each replica is a real ``streamlit run serve.py`` on its own port and cache folder; the three
share a real ``redis-server`` on loopback (``FORO_REDIS_URL``) and read the fake Sheet. Measured per
configuration, over one window: the Sheet's whole-workbook reads (the fake server's own log) per
refresh interval, for the deployment; viewers per replica that got figures; each replica's CPU; the
time from a change in the Sheet to the new figure on every viewer (budget: 2 intervals + 5 s, a
follower may take the read one interval late); errors seen by viewers. Only 127.0.0.1 is used.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import add_registration, cpu_seconds  # noqa: E402
from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet  # noqa: E402
from tests.redis_server import RedisServer  # noqa: E402
from tests.replicas import Crowd, batch_gets, replicas  # noqa: E402
from tests.sheets_fixtures import forum_tabs  # noqa: E402


@dataclass
class Row:
    replicas: int
    redis: bool
    per_replica: int
    connected: int
    reads: int
    window_s: float
    refresh_s: int
    cpu_pct: list[float]  # per replica, % of one core
    change_p50_s: float
    change_max_s: float
    within_budget: int
    budget_s: float
    errors: int

    @property
    def reads_per_interval(self) -> float:
        return self.reads / (self.window_s / self.refresh_s)


async def measure(
    n_replicas: int, use_redis: bool, per_replica: int, window_s: float, refresh_s: int, n_personas: int
) -> Row:
    with FakeSheetsServer() as fake:
        fake.add(FakeSpreadsheet.from_tabs(forum_tabs(n_personas)))
        redis = RedisServer().start() if use_redis else None
        try:
            with replicas(fake, n_replicas, redis.url if redis else None, refresh_s) as apps:
                print(
                    f"{n_replicas} réplica(s){' + Redis' if redis else ''}: {', '.join(a.url for a in apps)}",
                    flush=True,
                )
                crowd = await Crowd.start([a.url for a in apps], per_replica, ramp_s=10.0)
                try:
                    await crowd.wait_figures(120)
                    await asyncio.sleep(refresh_s)
                    pids = [a.process.pid for a in apps]
                    cpu0, t0 = [cpu_seconds(p) for p in pids], time.monotonic()
                    before = max(v.figure or 0 for v in crowd.viewers)
                    await asyncio.sleep(window_s / 3)
                    add_registration(fake, 1)
                    changed = time.monotonic()
                    await asyncio.sleep(window_s - window_s / 3)
                    t1 = time.monotonic()
                    reads = batch_gets(fake, t0, t1)
                    cpu = [(cpu_seconds(p) - c) / (t1 - t0) * 100 for p, c in zip(pids, cpu0)]
                    budget = 2 * refresh_s + 5
                    await crowd.wait_figure(before + 1, budget)
                    lat = [v.seen[before + 1] - changed for v in crowd.viewers if before + 1 in v.seen]
                    connected = sum(1 for v in crowd.viewers if v.figure is not None)
                    return Row(
                        n_replicas,
                        use_redis,
                        per_replica,
                        connected,
                        reads,
                        t1 - t0,
                        refresh_s,
                        cpu,
                        statistics.median(lat) if lat else float("nan"),
                        max(lat) if lat else float("nan"),
                        sum(1 for x in lat if x <= budget),
                        budget,
                        sum(1 for v in crowd.viewers if v.errors or v.page_errors),
                    )
                finally:
                    await crowd.close()
        finally:
            if redis:
                redis.close()


def print_rows(rows: list[Row]) -> None:
    print()
    print(
        "| réplicas | Redis | espectadores por réplica | con cifras | lecturas de la planilla por intervalo (despliegue) "
        "| CPU por réplica (% de un núcleo) | cambio → todas las pantallas p50 / máx (s) | dentro del presupuesto | errores |"
    )
    print("|---:|---|---:|---:|---:|---|---|---|---:|")
    for r in rows:
        print(
            f"| {r.replicas} | {'sí' if r.redis else 'no'} | {r.per_replica} | {r.connected}/{r.replicas * r.per_replica} "
            f"| {r.reads_per_interval:.2f} ({r.reads} en {r.window_s:.0f} s) | {' / '.join(f'{c:.0f}' for c in r.cpu_pct)} "
            f"| {r.change_p50_s:.1f} / {r.change_max_s:.1f} | {r.within_budget}/{r.replicas * r.per_replica} (≤ {r.budget_s:.0f} s) "
            f"| {r.errors} |"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--viewers", type=int, default=100, help="espectadores por réplica")
    ap.add_argument("--window", type=float, default=60.0, help="segundos medidos por configuración")
    ap.add_argument("--refresh", type=int, default=5, help="refresco_segundos (mínimo 5)")
    ap.add_argument("--personas", type=int, default=450, help="inscripciones en la planilla simulada")
    args = ap.parse_args(argv)
    rows = []
    for n, use_redis in ((1, False), (3, True)):
        rows.append(asyncio.run(measure(n, use_redis, args.viewers, args.window, args.refresh, args.personas)))
        print_rows(rows[-1:])
    print("\nResumen:")
    print_rows(rows)
    shared = rows[-1]
    # The deployment reads at most once per interval (plus the window's edge), whatever the replicas.
    ok = shared.reads <= shared.window_s / args.refresh + 1 and all(r.errors == 0 for r in rows)
    print("\nResultado:", "dentro de lo esperado" if ok else "FUERA DE LO ESPERADO")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
