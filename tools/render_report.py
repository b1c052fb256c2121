"""Render the partners' report to PDF and its first pages to PNG, to look at them.

    .venv/bin/python tools/render_report.py [--lang es] [--red Mercociudades] [--a-las 2025-06-19T12:00]
                                            [--paginas 1 2] [--out screenshots/informe] [--dpi 80]

Uses the demo data (no configuration), writes ``<out>/informe-<lang>.pdf`` and
``<out>/informe-<lang>-<page>.png`` with ``pdftoppm`` (Debian poppler-utils). Without pdftoppm it
writes the PDF and says why there are no images.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foro_data import informe  # noqa: E402
from foro_data.build import build_snapshot  # noqa: E402
from foro_data.demo import demo_workbook  # noqa: E402
from foro_data.parse import parse_datetime  # noqa: E402
from foro_data.snapshot import Fuente  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--lang", default="es", choices=("es", "pt", "en"))
    p.add_argument("--red", default="")
    p.add_argument("--a-las", dest="a_las", default="2025-06-19T20:00")
    p.add_argument("--paginas", nargs="*", type=int, default=[1, 2])
    p.add_argument("--out", default=str(ROOT / "screenshots" / "informe"))
    p.add_argument("--dpi", type=int, default=80)
    args = p.parse_args(argv)

    snap = build_snapshot(demo_workbook(), Fuente("demo", "demo", datetime(2025, 6, 19, 23, 30, tzinfo=timezone.utc)))
    as_of = parse_datetime(args.a_las, snap.tz)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pdf = informe.escribir(snap, as_of, out / f"informe-{args.lang}.pdf", args.lang, args.red)
    print(f"ok  {pdf}")
    tool = shutil.which("pdftoppm")
    if tool is None:
        print("sin imágenes: falta pdftoppm (Debian: apt-get install poppler-utils)")
        return 0
    for n in args.paginas:
        stem = out / f"informe-{args.lang}-{n}"
        subprocess.run(
            [tool, "-png", "-r", str(args.dpi), "-f", str(n), "-l", str(n), "-singlefile", str(pdf), str(stem)],
            check=True,
        )
        print(f"ok  {stem}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
