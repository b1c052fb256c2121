"""Page timings on demo data: a rerun on a warm Snapshot (budget ≤ 300 ms) and the time to the first
figure for a new viewer (a fresh AppTest session, and a real browser when chromium is installed).

    .venv/bin/python bench/bench_pages.py [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from foro_data import access  # noqa: E402

BUDGET_MS = 300.0
PAGE_FILES = {p: f"pages/{p}.py" for p in access.PAGES}


def _session(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    if page != "en_vivo":
        at.switch_page(PAGE_FILES[page]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def bench_apptest(pages: list[str], runs: int) -> list[tuple[str, float, float, float]]:
    """(page, new-viewer ms, median rerun ms, max rerun ms) with a warm Snapshot in the process."""
    _session("en_vivo")  # warm: the feed, the demo Snapshot, the gazetteer
    rows = []
    for page in pages:
        t0 = time.perf_counter()
        at = _session(page)
        first = (time.perf_counter() - t0) * 1000
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            at.run()
            times.append((time.perf_counter() - t0) * 1000)
        rows.append((page, first, statistics.median(times), max(times)))
    return rows


def bench_browser(pages: list[str]) -> list[tuple[str, str, float]]:
    from tools import screenshots as shots

    if not shots.chromium_available():
        return []
    out = []
    with tempfile.TemporaryDirectory() as tmp, shots.streamlit_server() as server, shots.browser() as b:
        for page in pages:
            for size in (shots.PHONE, shots.BIG):
                shot = shots.capture(b, server.url, page, size, Path(tmp))
                out.append((page, f"{size[0]}x{size[1]}", shot.seconds_to_figure * 1000))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args()
    pages = [p for p in access.PAGES if (ROOT / PAGE_FILES[p]).exists()]
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "demo.toml"
        cfg.write_text('[foro]\nfuente = "demo"\ndemo_inicio = "11:00"\n', encoding="utf-8")
        os.environ["FORO_SECRETS"] = str(cfg)
        os.environ["FORO_CACHE_DIR"] = str(Path(tmp) / "cache")
        rows = bench_apptest(pages, args.runs)

    print(f"\nAppTest, demo data (~450 people), {args.runs} reruns per page; budget {BUDGET_MS:.0f} ms per rerun")
    print(f"{'page':<10} {'new viewer ms':>14} {'rerun median ms':>16} {'rerun max ms':>13}  budget")
    for page, first, med, worst in rows:
        print(f"{page:<10} {first:>14.0f} {med:>16.0f} {worst:>13.0f}  {'ok' if med <= BUDGET_MS else 'OVER'}")

    if not args.no_browser:
        browser_rows = bench_browser(pages)
        if browser_rows:
            print("\nReal browser (chromium), new viewer: navigation start -> first figure on screen")
            print(f"{'page':<10} {'viewport':>10} {'first figure ms':>16}")
            for page, size, ms in browser_rows:
                print(f"{page:<10} {size:>10} {ms:>16.0f}")
        else:
            print("\n(no /usr/bin/chromium: browser timings skipped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
