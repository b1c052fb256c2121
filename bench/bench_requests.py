"""Sheets API requests per minute for 1, 50 and 200 viewers: LiveFeed vs a naive per-viewer read.

Both run against the same local fake Sheets server in the same run:

* **ours**: one ``LiveFeed(GSheetsSource)`` shared by every viewer (one ``values:batchGet`` per
  refresh interval for the whole server, plus one metadata read when the source opens);
* **naive**: what a page built on st-gsheets-connection without a shared cache does — on every
  viewer refresh, read the metadata and then one ``values.get`` per tab.

Each viewer refreshes once per interval with a random phase, like ``st.fragment(run_every=…)``.
Token requests are not Sheets reads and are not counted.

    python bench/bench_requests.py                      # ~55 s
    python bench/bench_requests.py --duration 60 --interval 15 --viewers 1,50,200,500
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gspread.utils import absolute_range_name  # noqa: E402

from foro_data.live import LiveFeed  # noqa: E402
from foro_data.sources.gsheets import GSheetsSource, known_tabs  # noqa: E402
from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet, make_service_account  # noqa: E402
from tests.sheets_fixtures import forum_tabs  # noqa: E402

SHEETS_KINDS = ("metadata", "values", "batchGet")


@dataclass
class Result:
    viewers: int
    requests: int
    seconds: float
    interval: float
    refreshes: int
    waits_ms: list[float]

    @property
    def per_minute(self) -> float:
        return self.requests * 60.0 / self.seconds

    @property
    def per_interval(self) -> float:
        return self.requests * self.interval / self.seconds

    @property
    def median_wait_ms(self) -> float:
        return statistics.median(self.waits_ms) if self.waits_ms else 0.0


def run_viewers(n: int, interval: float, duration: float, refresh: Callable[[], object]) -> tuple[int, list[float]]:
    """``n`` threads call ``refresh`` once per ``interval`` (random phase) for ``duration`` seconds."""
    stop_at = time.monotonic() + duration
    waits: list[float] = []
    lock = threading.Lock()
    done = [0]

    def viewer(phase: float) -> None:
        next_at = time.monotonic() + phase
        while True:
            now = time.monotonic()
            if next_at >= stop_at:
                return
            if next_at > now:
                time.sleep(next_at - now)
            t0 = time.perf_counter()
            try:
                refresh()
            except Exception:  # noqa: BLE001 - the naive reader may fail under load; count it anyway
                pass
            with lock:
                waits.append((time.perf_counter() - t0) * 1000)
                done[0] += 1
            next_at += interval

    threads = [threading.Thread(target=viewer, args=(random.uniform(0, interval),), daemon=True) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(duration + 60)
    return done[0], waits


def bench_ours(fake: FakeSheetsServer, sa: dict, key: str, n: int, interval: float, duration: float) -> Result:
    source = GSheetsSource(key, sa, api_url=fake.url)
    feed = LiveFeed(source, interval, None)
    feed.wait_read()  # warm: token, metadata and the first read happen before the window
    fake.reset_log()
    t0 = time.monotonic()
    refreshes, waits = run_viewers(n, interval, duration, feed.current)
    seconds = max(duration, time.monotonic() - t0)
    while feed.health.reading:  # a read started inside the window still counts
        time.sleep(0.01)
    return Result(n, fake.count(*SHEETS_KINDS), seconds, interval, refreshes, waits)


def bench_naive(fake: FakeSheetsServer, sa: dict, key: str, n: int, interval: float, duration: float) -> Result:
    # gspread's own client, as st-gsheets-connection uses it; one per process (its token is shared).
    http = GSheetsSource(key, sa, api_url=fake.url)._client()

    def refresh() -> None:
        meta = http.fetch_sheet_metadata(key)
        titles = tuple(s["properties"]["title"] for s in meta["sheets"])
        for title in known_tabs(titles):
            http.values_get(key, absolute_range_name(title), params={"valueRenderOption": "UNFORMATTED_VALUE"})

    refresh()  # warm: the token
    fake.reset_log()
    t0 = time.monotonic()
    refreshes, waits = run_viewers(n, interval, duration, refresh)
    seconds = max(duration, time.monotonic() - t0)
    return Result(n, fake.count(*SHEETS_KINDS), seconds, interval, refreshes, waits)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--viewers", default="1,50,200", help="viewer counts, comma-separated")
    ap.add_argument("--interval", type=float, default=3.0, help="refresh interval in seconds (app default 15)")
    ap.add_argument("--duration", type=float, default=9.0, help="seconds per measurement (a multiple of the interval)")
    ap.add_argument("--personas", type=int, default=450, help="registrations in the workbook")
    args = ap.parse_args(argv)
    counts = [int(v) for v in args.viewers.split(",")]

    with FakeSheetsServer() as fake:
        book = fake.add(FakeSpreadsheet.from_tabs(forum_tabs(args.personas)))
        sa = make_service_account(fake.token_uri)
        rows = []
        for n in counts:
            ours = bench_ours(fake, sa, book.id, n, args.interval, args.duration)
            naive = bench_naive(fake, sa, book.id, n, args.interval, args.duration)
            rows.append((ours, naive))
            print(f"  … {n} viewers done", file=sys.stderr, flush=True)

    tabs = len(known_tabs(tuple(s.title for s in book.sheets)))
    print(
        f"\nSheets API requests per minute — interval {args.interval:g} s, {args.duration:g} s per run, "
        f"{args.personas} registrations, {tabs} tabs read; quota: 60/min per service account\n"
    )
    print(
        "| viewers | ours req/min | naive req/min | naive / ours | ours req/interval | naive req/interval "
        "| ours median wait | naive median wait |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for ours, naive in rows:
        ratio = f"{naive.per_minute / ours.per_minute:.0f}×" if ours.per_minute else "∞"
        print(
            f"| {ours.viewers} | {ours.per_minute:.1f} | {naive.per_minute:.1f} | {ratio} | {ours.per_interval:.2f} "
            f"| {naive.per_interval:.1f} | {ours.median_wait_ms:.2f} ms | {naive.median_wait_ms:.0f} ms |"
        )
    print(
        "\nours: one LiveFeed for the server (warmed up: token and metadata read before the window); naive: "
        "metadata + one values.get per tab on every viewer refresh. Above 60 req/min the real API answers 429. "
        "A naive median wait far above one round trip means the local server itself was saturated."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
