"""Benchmark of the offline gazetteer: load time and memory, and resolving 1,000 typed entries.

Run:  .venv/bin/python bench/bench_geo.py
Budget (DESIGN.md): gazetteer load <= 200 ms and <= 50 MB. Prints a Markdown table; asserts nothing.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Measured in a fresh interpreter each time, so nothing is already cached or imported.
_CHILD = r"""
import json, sys, time, tracemalloc
sys.path.insert(0, sys.argv[1])
def rss_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
t0 = time.perf_counter()
from foro_data import geo
t1 = time.perf_counter()
rss0 = rss_kb()
tracemalloc.start()
t2 = time.perf_counter()
g = geo.gazetteer()
t3 = time.perf_counter()
current, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
rss1 = rss_kb()
# Load again without tracemalloc (it slows allocation down) for the time figure.
geo._GAZETTEER = None
del g
t4 = time.perf_counter()
geo.gazetteer()
t5 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load_traced": t3 - t2, "load": t5 - t4, "peak": peak, "current": current,
                  "rss_delta_kb": rss1 - rss0}))
"""


def fresh_load(runs: int = 5) -> list[dict]:
    out = []
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT)], capture_output=True, text=True, check=True)
        out.append(json.loads(proc.stdout))
    return out


def entries(n: int, seed: int = 7) -> list[tuple[str, str, str]]:
    """A registration-like mix: demo spellings (with repeats) plus the test set's spellings."""
    from foro_data import demo_data
    from tests.geo_cases import CASES

    rng = random.Random(seed)
    pool = [(sp, pr, spec.pais) for spec in demo_data.CITIES for sp in spec.spellings for pr in spec.provincia]
    pool += [(c.ciudad, c.provincia, c.pais) for c in CASES]
    return [rng.choice(pool) for _ in range(n)]


def main() -> None:
    from foro_data import geo

    loads = fresh_load()
    load_ms = [r["load"] * 1000 for r in loads]
    rows = [
        ("gazetteer load (fresh process, median of 5)", f"{statistics.median(load_ms):.0f} ms",
         f"min {min(load_ms):.0f}, max {max(load_ms):.0f}; budget 200 ms"),
        ("import foro_data.geo", f"{statistics.median(r['import'] for r in loads) * 1000:.0f} ms", ""),
        ("peak traced memory during load (tracemalloc)", f"{statistics.median(r['peak'] for r in loads) / 1e6:.1f} MB",
         "budget 50 MB"),
        ("memory kept after load (tracemalloc)", f"{statistics.median(r['current'] for r in loads) / 1e6:.1f} MB", ""),
        ("RSS growth during load", f"{statistics.median(r['rss_delta_kb'] for r in loads) / 1024:.1f} MB", ""),
        ("gazetteer file", f"{geo.DATA_FILE.stat().st_size / 1e6:.2f} MB", "gzip, committed"),
    ]

    g = geo.gazetteer()
    batch = entries(1000)
    distinct = len(set(batch))
    geo._CACHE.clear()
    t0 = time.perf_counter()
    results = [geo.resolve(*e) for e in batch]
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for e in batch:
        geo.resolve(*e)
    warm = time.perf_counter() - t0
    unresolved = sum(r.lat is None for r in results)
    rows += [
        (f"resolve 1,000 entries ({distinct} distinct), cold cache", f"{cold * 1000:.0f} ms",
         f"{1000 / cold:,.0f} entries/s; {unresolved} unresolved"),
        ("resolve the same 1,000 again (cache)", f"{warm * 1000:.1f} ms", f"{1000 / warm:,.0f} entries/s"),
    ]

    typos = [("Guaymalen", "Mendoza", "Argentina"), ("Montevido", "", "Uruguay"), ("Floranopolis", "", "Brasil"),
             ("Cochabanba", "", "Bolivia"), ("Rio de Janerio", "", ""), ("Mednoza", "", ""), ("Santigo", "", "Chile")]
    geo._CACHE.clear()
    g._pools = None
    t0 = time.perf_counter()
    geo.resolve(*typos[0])
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    for t in typos[1:]:
        geo.resolve(*t)
    rest = (time.perf_counter() - t0) / (len(typos) - 1)
    rows += [
        ("first typo (builds per-country key pools)", f"{first * 1000:.0f} ms", "once per process"),
        ("each further typo (edit-distance search)", f"{rest * 1000:.0f} ms", "hinted country, or the region"),
    ]

    width = max(len(r[0]) for r in rows)
    print(f"| {'measure'.ljust(width)} | value | note |")
    print(f"|{'-' * (width + 2)}|-------|------|")
    for name, value, note in rows:
        print(f"| {name.ljust(width)} | {value} | {note} |")


if __name__ == "__main__":
    main()
