"""API write requests for 100 room tallies in one minute from 10 coordinators: our outbox vs one append per action.

Both strategies send real requests (real gspread client) to the local fake Sheets server, in the
same run, for the same 100 actions:

* **ours**: ``Writer`` with its pacing — a flush at most every ``--intervalo`` seconds while
  something is pending, one ``values:append`` per tab per flush;
* **ingenuo**: one ``values:append`` per button press (what ``worksheet.append_row`` in the
  button callback does).

Compressed clock: the forum minute is simulated. Each coordinator presses at random moments of
the minute; the sender's clock (``Writer(wall=…)``) jumps from event to event, so a 60 s minute
runs in about a second of real time while every request really goes over HTTP. "Hasta la planilla"
is simulated seconds from the press to the append that carried it; "hasta la cifra" adds the
worst case of one refresh interval of the big screen (``--refresco``), because the figure comes
from the next read. Token requests are not Sheets requests and are not counted.

    python bench/bench_writes.py
    python bench/bench_writes.py --coordinadores 10 --conteos 100 --intervalo 3,5,10 --refresco 15
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from foro_data.outbox import Outbox  # noqa: E402
from foro_data.writes import SheetAppender, TallyOp, Writer  # noqa: E402
from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet, make_service_account  # noqa: E402
from tests.sheets_fixtures import forum_tabs  # noqa: E402

TZ = ZoneInfo("America/Argentina/Mendoza")
DAY = datetime(2025, 6, 19, 10, 0, tzinfo=TZ)
QUOTA = 60
READS_PER_MINUTE_AT_15S = 4  # the dashboard's own reads (LiveFeed, 15 s refresh) share the quota


@dataclass
class Result:
    estrategia: str
    appends: int
    lecturas: int
    demoras: list[float]  # simulated seconds, press -> on the Sheet

    @property
    def total(self) -> int:
        return self.appends + self.lecturas


class SimClock:
    def __init__(self) -> None:
        self.t = 1_750_000_000.0

    def __call__(self) -> float:
        return self.t


def presses(coordinadores: int, conteos: int, rng: random.Random) -> list[tuple[float, int]]:
    """(second of the minute, coordinator) for every press, in time order."""
    return sorted((rng.uniform(0, 60), i % coordinadores) for i in range(conteos))


def workbook() -> FakeSpreadsheet:
    tabs = forum_tabs()
    tabs["Conteos"] = [["Marca temporal", "Sala", "Tipo", "Valor", "Registrado por", "ID de operación"]]
    return FakeSpreadsheet.from_tabs(tabs)


def run(strategy: str, events: list[tuple[float, int]], interval: float, sa_base: dict[str, str], tmp: Path) -> Result:
    rooms = ["Eje 1", "Eje 2", "Eje 3", "Eje 4", "Eje 5", "Eje 6", "Plenario"]
    with FakeSheetsServer() as fake:
        fake.add(workbook())
        sa = dict(sa_base, token_uri=fake.token_uri)
        clock = SimClock()
        start = clock.t
        appender = SheetAppender(fake.book().id, sa, api_url=fake.url, timeout=(5.0, 15.0))
        tmp.mkdir(parents=True, exist_ok=True)
        writer = Writer(Outbox(tmp / "outbox.sqlite3"), appender, tz=TZ, wall=clock, min_interval_s=interval)
        pressed_at: dict[str, float] = {}
        sent_at: dict[str, float] = {}
        last_flush = float("-inf")

        def flush() -> None:
            nonlocal last_flush
            before = {p.op.id_operacion for p in writer.pending()}
            writer.flush()
            last_flush = clock.t
            after = {p.op.id_operacion for p in writer.pending()}
            for op_id in before - after:
                sent_at[op_id] = clock.t

        for second, who in events:
            # The background sender's due flushes between the previous press and this one.
            while strategy == "ours" and writer.pending() and last_flush + interval <= start + second:
                clock.t = max(clock.t, last_flush + interval)
                flush()
            clock.t = start + second
            op = TallyOp.new(rooms[who % len(rooms)], "delta", 1, f"coord{who}", DAY + timedelta(seconds=second))
            writer.submit(op, role="coordinacion")
            pressed_at[op.id_operacion] = clock.t
            if strategy == "ingenuo":
                flush()
        while writer.pending():
            clock.t = max(clock.t, last_flush + interval)
            flush()
        appends = fake.count("append")
        reads = fake.count("metadata", "values", "batchGet")
        rows = len(fake.book().sheet("Conteos").rows) - 1
        assert rows == len(events), f"{strategy}: {rows} rows for {len(events)} presses"
    name = f"ours ({interval:g} s)" if strategy == "ours" else strategy
    return Result(name, appends, reads, [sent_at[k] - pressed_at[k] for k in pressed_at])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--coordinadores", type=int, default=10)
    ap.add_argument("--conteos", type=int, default=100)
    ap.add_argument("--intervalo", default="5,3,10", help="seconds between flushes (Writer.min_interval_s), comma list")
    ap.add_argument("--refresco", type=float, default=15.0, help="refresh interval of the big screen")
    ap.add_argument("--semilla", type=int, default=7)
    args = ap.parse_args()

    events = presses(args.coordinadores, args.conteos, random.Random(args.semilla))
    sa = make_service_account("http://127.0.0.1:9/token")
    intervals = [float(x) for x in args.intervalo.split(",")]
    with tempfile.TemporaryDirectory() as d:
        results = [run("ours", events, i, sa, Path(d) / f"{i:g}") for i in intervals]
        results.append(run("ingenuo", events, 0.0, sa, Path(d) / "ingenuo"))

    print(
        f"{args.conteos} conteos en 1 minuto de {args.coordinadores} coordinadores "
        f"(refresco del tablero {args.refresco:g} s, cuota {QUOTA}/min; reloj simulado)\n"
    )
    head = (
        f"{'estrategia':<14} {'appends':>8} {'lecturas':>9} {'total/min':>10} {'+lecturas tablero':>18} "
        f"{'% cuota':>8} {'hasta planilla p50/máx (s)':>27} {'hasta la cifra máx (s)':>23}"
    )
    print(head)
    print("-" * len(head))
    for r in results:
        with_reads = r.total + READS_PER_MINUTE_AT_15S
        p50, mx = statistics.median(r.demoras), max(r.demoras)
        print(
            f"{r.estrategia:<14} {r.appends:>8} {r.lecturas:>9} {r.total:>10} {with_reads:>18} "
            f"{100 * with_reads / QUOTA:>7.0f}% {p50:>13.1f} / {mx:<11.1f} {mx + args.refresco:>23.1f}"
        )
    print(
        "\nlecturas = metadata + fila de encabezados (una vez; caché de 120 s). Las filas llegan una sola vez "
        "en las dos estrategias (verificado en la planilla)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
