"""Snapshot build time and peak memory for 500 / 5,000 / 50,000 registrations (scans ×10).

Budget (DESIGN.md): 5,000 registrations + 50,000 scans ≤ 1 s. Run:
    .venv/bin/python bench/bench_snapshot.py [--sizes 500,5000,50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tracemalloc
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from foro_data import metrics  # noqa: E402
from foro_data.build import build_snapshot  # noqa: E402
from foro_data.snapshot import Fuente  # noqa: E402
from foro_data.sources.base import RawWorkbook  # noqa: E402

CITIES = [
    "Godoy Cruz",
    "Mendoza",
    "Maipú",
    "Montevideo - UY",
    "São Paulo",
    "asuncion",
    "Rosario, Santa Fe",
    "Gral. San Martín",
]
CARGOS = [
    "Intendente Municipal",
    "Sra. Intendenta",
    "Secretario de Seguridad",
    "Periodista",
    "Comisario",
    "Investigadora",
    "",
]


def workbook(n: int, seed: int = 1) -> RawWorkbook:
    rnd = random.Random(seed)
    ins = [
        [
            "Marca temporal",
            "Nombre",
            "Apellido",
            "Dirección de correo electrónico",
            "DNI",
            "Cargo",
            "Ciudad",
            "País",
            "Género",
            "Ejes de interés",
        ]
    ]
    for i in range(n):
        ins.append(
            [
                f"{rnd.randint(1, 30)}/5/2025 {rnd.randint(8, 20)}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}",
                f"Nombre{i}",
                f"Apellido{i}",
                f"p{i}@muni.org",
                f"{20_000_000 + i:,}".replace(",", "."),
                rnd.choice(CARGOS),
                rnd.choice(CITIES),
                rnd.choice(["Argentina", "UY", "Brasil", "Paraguay"]),
                rnd.choice(["Femenino", "Masculino", ""]),
                "Diseño urbano, Crimen organizado",
            ]
        )
    acr = [["Marca temporal", "Dirección de correo electrónico", "Punto", "Movimiento"]]
    rooms = ["Acreditación", "Plenario", "Sala 1", "Sala 2"]
    for _ in range(n * 10):
        acr.append(
            [
                f"19/6/2025 {rnd.randint(8, 18)}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}",
                f"p{rnd.randrange(n)}@muni.org",
                rnd.choice(rooms),
                rnd.choice(["entrada"] * 4 + ["salida"]),
            ]
        )
    salas = [["Sala", "Capacidad"]] + [[r, "200"] for r in rooms[1:]]
    return RawWorkbook(tabs={"Inscripciones": ins, "Acreditaciones": acr, "Salas": salas})


def measure(raw: RawWorkbook, repeat: int) -> tuple[float, float, float]:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        snap = build_snapshot(raw, Fuente("archivo", "bench", datetime.now(timezone.utc)))
        best = min(best, time.perf_counter() - t0)
    as_of = datetime(2025, 6, 19, 13, 0, tzinfo=snap.tz)
    t0 = time.perf_counter()
    metrics.resumen_json(snap, as_of)
    figures = time.perf_counter() - t0
    tracemalloc.start()
    build_snapshot(raw, Fuente("archivo", "bench", datetime.now(timezone.utc)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, figures, peak / 2**20


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="500,5000,50000")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(f"{'inscripciones':>13} {'acreditaciones':>14} {'build s':>8} {'resumen s':>9} {'pico MiB':>8}  presupuesto")
    for n in (int(x) for x in args.sizes.split(",")):
        build, figures, peak = measure(workbook(n), args.repeat if n <= 5000 else 1)
        budget = "≤ 1 s: " + ("ok" if build <= 1 else "EXCEDIDO") if n == 5000 else ""
        print(f"{n:>13,} {n * 10:>14,} {build:>8.3f} {figures:>9.3f} {peak:>8.1f}  {budget}")


if __name__ == "__main__":
    main()
