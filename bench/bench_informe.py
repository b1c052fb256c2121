"""Time and peak memory to build the partners' report (content, PDF, HTML, XLSX) for the demo and
for ~5,000 registrations.

The big event is the demo multiplied by rule: copy k of every registration gets ``k`` appended to
its e-mail, document, name and surname (so de-duplication keeps them apart) and copy k of every
scan points at the same copy; cities, networks, rooms and agenda stay those of the demo. Run:
    .venv/bin/python bench/bench_informe.py [--copias 11] [--repeat 2]

Peak memory: tracemalloc's peak of Python allocations during one build, and the process's
ru_maxrss (the high-water mark since it started: matplotlib and fonts included).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime, timezone
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from foro_data import informe  # noqa: E402
from foro_data.build import build_snapshot  # noqa: E402
from foro_data.demo import demo_workbook  # noqa: E402
from foro_data.informe import descargas  # noqa: E402
from foro_data.snapshot import Fuente  # noqa: E402
from foro_data.sources.base import RawWorkbook  # noqa: E402

READ = datetime(2025, 6, 19, 23, 30, tzinfo=timezone.utc)
IDENTITY = ("correo", "dni", "documento", "nombre", "apellido")


def _identity_columns(header: list) -> list[int]:
    return [i for i, h in enumerate(header) if any(w in str(h).casefold() for w in IDENTITY)]


def multiplied(copias: int) -> RawWorkbook:
    """The demo with every registration and scan repeated ``copias`` times (see module doc)."""
    tabs = {k: [list(r) for r in v] for k, v in demo_workbook().tabs.items()}
    for tab in ("Inscripciones", "Acreditaciones"):
        header, rows = tabs[tab][0], tabs[tab][1:]
        cols = _identity_columns(header)
        out = [header]
        for k in range(copias):
            for r in rows:
                r2 = list(r)
                for c in cols:
                    if c < len(r2) and str(r2[c] or "").strip():
                        v = str(r2[c])
                        r2[c] = v.replace("@", f"{k}@") if "@" in v else (f"{v}{k}" if k else v)
                out.append(r2)
        tabs[tab] = out
    return RawWorkbook(tabs=tabs)


def measure(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, peak / 2**20


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--copias", type=int, default=11)
    p.add_argument("--repeat", type=int, default=2)
    args = p.parse_args()
    cases = [("demo", build_snapshot(demo_workbook(), Fuente("demo", "demo", READ)))]
    big = build_snapshot(multiplied(args.copias), Fuente("archivo", "bench", READ))
    cases.append((f"demo ×{args.copias}", big))
    print(
        f"{'datos':<10} {'inscriptos':>10} {'escaneos':>9} {'paso':<18} {'s':>7} {'pico MB':>8} {'maxrss MB':>10} {'bytes':>9}"
    )
    for name, snap in cases:
        as_of = datetime(2025, 6, 19, 20, 0, tzinfo=snap.tz)
        steps: list[tuple[str, Callable[[], object]]] = [
            ("contenido", partial(informe.construir, snap, as_of, "es", "Mercociudades")),
            ("pdf", partial(informe.generar, snap, as_of, "pdf", "es", "Mercociudades")),
            ("html", partial(informe.generar, snap, as_of, "html", "es", "Mercociudades")),
            ("xlsx", partial(descargas.xlsx, snap, as_of, "es", "Mercociudades")),
            ("csv", partial(descargas.csv, snap, as_of, "es", "Mercociudades")),
        ]
        for step, fn in steps:
            secs, peak = measure(fn, args.repeat)
            size = len(fn()) if step != "contenido" else 0  # type: ignore[arg-type]
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"{name:<10} {len(snap.personas):>10} {len(snap.scans):>9} {step:<18} {secs:>7.2f} {peak:>8.1f} "
                f"{rss:>10.0f} {size:>9}"
            )


if __name__ == "__main__":
    main()
