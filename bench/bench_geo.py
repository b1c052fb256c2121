"""Benchmark of the offline gazetteer: accuracy on the frozen outside set, load time and memory, speed.

Run:  .venv/bin/python bench/bench_geo.py [--antes REV]
Accuracy is measured on tests/geo_eval.tsv (written by rule by tools/build_geo_eval.py, frozen before
tuning) for the code at REV ("antes", default: the commit before the issue-16 work) and for the
working tree ("ahora"), in the same run, each in a fresh interpreter.
Budget (DESIGN.md): gazetteer load <= 200 ms and <= 50 MB. Prints Markdown tables; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tarfile
import tempfile
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
if len(sys.argv) > 2:  # load time only (the 'antes' tree, measured alternately with 'ahora')
    t4 = time.perf_counter()
    geo.Gazetteer()
    print(json.dumps({"import": t1 - t0, "load": time.perf_counter() - t4}))
    sys.exit(0)
rss0 = rss_kb()
tracemalloc.start()
t2 = time.perf_counter()
g = geo.gazetteer()
t3 = time.perf_counter()
current, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
rss1 = rss_kb()
# Load again without tracemalloc (it slows allocation down) for the time figure.
del g
t4 = time.perf_counter()
geo.Gazetteer()
t5 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load_traced": t3 - t2, "load": t5 - t4, "peak": peak, "current": current,
                  "rss_delta_kb": rss1 - rss0}))
"""


# Accuracy on the frozen outside set, run against the foro_data found in sys.argv[1].
_EVAL = r"""
import csv, json, math, sys
sys.path.insert(0, sys.argv[1])
from foro_data import geo
from foro_data.schema import fold

def km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))

def rows(path):
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader((l for l in fh if not l.startswith("#")), delimiter="\t"))

out = {}
misses = []
for r in rows(sys.argv[2]):
    m = geo.resolve(r["ciudad"], r["provincia"], r["pais"])
    for group in ("todo", r["grupo"]):
        c = out.setdefault(group, {"n": 0, "ok": 0, "sin": 0, "mal_seguro": 0, "mal_ambigua": 0})
        c["n"] += 1
        if m.lat is None:
            c["sin"] += 1
        elif km((m.lat, m.lon), (float(r["lat"]), float(r["lon"]))) <= 30:
            c["ok"] += 1
        elif m.ambigua:
            c["mal_ambigua"] += 1
        else:
            c["mal_seguro"] += 1
    if m.lat is None or km((m.lat, m.lon), (float(r["lat"]), float(r["lon"]))) > 30:
        got = "sin resolver" if m.lat is None else f"{m.nombre} ({m.region}, {m.pais})" + (" ambigua" if m.ambigua else "")
        misses.append(f"{r['ciudad']!r}, {r['provincia']!r}, {r['pais']!r} -> {got}")
gaz = geo.gazetteer()
mun = {"n": 0, "ok": 0, "sin": 0}
for r in rows(sys.argv[3]):
    m = geo.resolve(r["ciudad"], r["provincia"], r["pais"])
    want = {fold(gaz.region_name(c)) for c in gaz.admin1(fold(r["provincia"]))} | {fold(r["provincia"])}
    mun["n"] += 1
    mun["sin"] += m.lat is None
    mun["ok"] += m.lat is not None and m.pais == "AR" and fold(m.region) in want
out["municipios"] = mun
out["fallos"] = misses
print(json.dumps(out))
"""


def accuracy(tree: Path) -> dict:
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            _EVAL,
            str(tree),
            str(ROOT / "tests" / "geo_eval.tsv"),
            str(ROOT / "tests" / "geo_eval_municipios.tsv"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout)


def tree_at(rev: str, into: Path) -> Path:
    """foro_data as it was at ``rev`` (git archive), unpacked under ``into``."""
    archive = into / "src.tar"
    with open(archive, "wb") as fh:
        subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, "foro_data"], stdout=fh, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into


def accuracy_rows(before: dict, after: dict) -> list[tuple[str, str, str]]:
    def pct(c: dict, key: str) -> str:
        return f"{100 * c[key] / c['n']:.1f} %" if c["n"] else "—"

    out = []
    for group, label in (("todo", "todas"), ("socios", "ciudades socias"), ("argentina", "Argentina (INDEC/IGN)")):
        b, a = before[group], after[group]
        out.append((f"{label}: a menos de 30 km ({a['n']} escrituras)", pct(b, "ok"), pct(a, "ok")))
        out.append((f"{label}: sin resolver", pct(b, "sin"), pct(a, "sin")))
        out.append((f"{label}: mal y sin marcar ambigua (mal pero seguro)", pct(b, "mal_seguro"), pct(a, "mal_seguro")))
        out.append((f"{label}: mal pero marcada ambigua", pct(b, "mal_ambigua"), pct(a, "mal_ambigua")))
    b, a = before["municipios"], after["municipios"]
    out.append((f"municipios INDEC en la provincia correcta ({a['n']})", pct(b, "ok"), pct(a, "ok")))
    out.append(("municipios INDEC sin resolver", pct(b, "sin"), pct(a, "sin")))
    return out


def fresh_load(runs: int = 5, before: Path | None = None) -> tuple[list[dict], list[dict]]:
    """Fresh-process loads of today's gazetteer and, alternately, of the one at ``before``."""
    out, old = [], []
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT)], capture_output=True, text=True, check=True)
        out.append(json.loads(proc.stdout))
        if before is not None:
            proc = subprocess.run(
                [sys.executable, "-c", _CHILD, str(before), "solo-carga"], capture_output=True, text=True, check=True
            )
            old.append(json.loads(proc.stdout))
    return out, old


def entries(n: int, seed: int = 7) -> list[tuple[str, str, str]]:
    """A registration-like mix: demo spellings (with repeats) plus the test set's spellings."""
    from foro_data import demo_data
    from tests.geo_cases import CASES

    rng = random.Random(seed)
    pool = [(sp, pr, spec.pais) for spec in demo_data.CITIES for sp in spec.spellings for pr in spec.provincia]
    pool += [(c.ciudad, c.provincia, c.pais) for c in CASES]
    return [rng.choice(pool) for _ in range(n)]


BASELINE = "1309511"  # main before the issue-16 work


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--antes", default=BASELINE, help="git revision for the 'antes' column")
    parser.add_argument("--fallos", action="store_true", help="list today's misses")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        old_tree = tree_at(args.antes, Path(tmp))
        before = accuracy(old_tree)
        loads, old_loads = fresh_load(before=old_tree)
    after = accuracy(ROOT)
    rows_acc = accuracy_rows(before, after)
    width = max(len(r[0]) for r in rows_acc)
    print(f"| {'precisión (tests/geo_eval.tsv)'.ljust(width)} | antes ({args.antes}) | ahora |")
    print(f"|{'-' * (width + 2)}|------|------|")
    for name, b, a in rows_acc:
        print(f"| {name.ljust(width)} | {b} | {a} |")
    if args.fallos:
        print("\nFallos de ahora:\n" + "\n".join(after["fallos"]))
    print()

    from foro_data import geo

    load_ms = [r["load"] * 1000 for r in loads]
    old_ms = [r["load"] * 1000 for r in old_loads]
    rows = [
        (
            "gazetteer load (fresh process, median of 5)",
            f"{statistics.median(load_ms):.0f} ms",
            f"min {min(load_ms):.0f}, max {max(load_ms):.0f}; budget 200 ms",
        ),
        (
            f"same, gazetteer at {args.antes} (run alternately)",
            f"{statistics.median(old_ms):.0f} ms",
            f"min {min(old_ms):.0f}, max {max(old_ms):.0f}",
        ),
        ("import foro_data.geo", f"{statistics.median(r['import'] for r in loads) * 1000:.0f} ms", ""),
        (
            "peak traced memory during load (tracemalloc)",
            f"{statistics.median(r['peak'] for r in loads) / 1e6:.1f} MB",
            "budget 50 MB",
        ),
        ("memory kept after load (tracemalloc)", f"{statistics.median(r['current'] for r in loads) / 1e6:.1f} MB", ""),
        ("RSS growth during load", f"{statistics.median(r['rss_delta_kb'] for r in loads) / 1024:.1f} MB", ""),
        ("gazetteer file", f"{geo.DATA_FILE.stat().st_size / 1e6:.2f} MB", "gzip, committed"),
    ]

    g = geo.gazetteer()
    batch = entries(1000)
    distinct = len(set(batch))
    geo.resolve.cache_clear()
    t0 = time.perf_counter()
    results = [geo.resolve(*e) for e in batch]
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for e in batch:
        geo.resolve(*e)
    warm = time.perf_counter() - t0
    unresolved = sum(r.lat is None for r in results)
    rows += [
        (
            f"resolve 1,000 entries ({distinct} distinct), cold cache",
            f"{cold * 1000:.0f} ms",
            f"{1000 / cold:,.0f} entries/s; {unresolved} unresolved",
        ),
        ("resolve the same 1,000 again (cache)", f"{warm * 1000:.1f} ms", f"{1000 / warm:,.0f} entries/s"),
    ]

    typos = [
        ("Guaymalen", "Mendoza", "Argentina"),
        ("Montevido", "", "Uruguay"),
        ("Floranopolis", "", "Brasil"),
        ("Cochabanba", "", "Bolivia"),
        ("Rio de Janerio", "", ""),
        ("Mednoza", "", ""),
        ("Santigo", "", "Chile"),
    ]
    geo.resolve.cache_clear()
    g._pools = None
    g._pool.cache_clear()
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
