"""Bytes a viewer's browser downloads to draw a page (issue 13 item 6: the Mapa was 9.6 MB), per
resource kind, measured in real chromium from every response's transferred size (Playwright's
``request.sizes()``: headers + body as sent on the wire).

    .venv/bin/python bench/bench_map_bytes.py [--pages mapa en_vivo] [--width 390]

Prints a table; no assertion (the browser test and the README carry the budget).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools import screenshots as shots  # noqa: E402

SELECTORS = {
    "mapa": ".js-plotly-plot .scattergeo, [data-testid='stImage'] img, .foro-mapa svg",
    "en_vivo": "[data-testid='stMetricValue'], .stApp .foro-cifra-valor",
    "salas": "[data-testid='stMetricValue']",
}


VERBOSE = False


def kind(url: str) -> str:
    path = url.split("?")[0]
    if "/static/topojson/" in path:
        return "topojson"
    for ext, name in ((".js", "js"), (".css", "css"), (".woff2", "fonts"), (".woff", "fonts"), (".json", "json")):
        if path.endswith(ext):
            return name
    return "other"


def measure(b, url: str, page_id: str, width: int) -> dict[str, int]:
    ctx = b.new_context(
        viewport={"width": width, "height": 844 if width < 600 else 1080}, is_mobile=width < 600, has_touch=width < 600
    )
    page = ctx.new_page()
    requests = []
    page.on("requestfinished", lambda r: requests.append(r))
    path = "/" if page_id == "en_vivo" else f"/{page_id}"
    page.goto(f"{url}{path}", wait_until="domcontentloaded")
    page.wait_for_selector(SELECTORS[page_id], timeout=90_000)
    shots._wait_idle(page)
    by_kind: dict[str, int] = defaultdict(int)
    for r in requests:
        if r.url.startswith(("data:", "blob:")):
            continue
        s = r.sizes()
        by_kind[kind(r.url)] += s["responseBodySize"] + s["responseHeadersSize"]
    if VERBOSE:
        for r in sorted(requests, key=lambda r: -r.sizes()["responseBodySize"])[:15]:
            print(f"  {r.sizes()['responseBodySize'] / 1e3:8.0f} kB  {r.url.split('/')[-1][:60]}")
    ctx.close()
    return dict(by_kind)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", nargs="*", default=["mapa"])
    ap.add_argument("--width", type=int, default=390)
    ap.add_argument("--files", action="store_true", help="list the biggest downloads too")
    args = ap.parse_args(argv)
    global VERBOSE
    VERBOSE = args.files
    if not shots.chromium_available():
        print(f"{shots.CHROMIUM} is missing")
        return 1
    kinds = ["js", "css", "fonts", "topojson", "json", "other"]
    print(f"| page | width | {' | '.join(kinds)} | total MB |")
    print("|---|--:|" + "--:|" * (len(kinds) + 1))
    with shots.streamlit_server() as server, shots.browser() as b:
        for page_id in args.pages:
            got = measure(b, server.url, page_id, args.width)
            cells = " | ".join(f"{got.get(k, 0) / 1e6:.2f}" for k in kinds)
            print(f"| {page_id} | {args.width} | {cells} | {sum(got.values()) / 1e6:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
