"""Time to the first figure per page, at localhost and on a throttled phone, with the bytes the
browser downloaded (issue 13: a coordinator's phone on the venue's network must show Salas in
≤ 8 s; today's figure and an older commit's, measured in one run).

    .venv/bin/python bench/bench_first_figure.py [--pages en_vivo salas mapa socios] [--before REV_DIR]
                                                 [--repeat 1]

Each load is a new browser context (empty cache), through Playwright in Debian's chromium. The
phone profile is set over the Chrome DevTools Protocol: Network.emulateNetworkConditions "Fast 3G"
(1.6 Mbit/s down, 750 kbit/s up, 150 ms latency) and Emulation.setCPUThrottlingRate 4, at 390×844.
"First figure" = from navigation to the page's first figure selector (tools/screenshots.SHOTS); for
En vivo and Salas served by serve.py, also to the first frame's first figure (ui/first_frame.py:
the figures in the HTML document, before Streamlit's JavaScript).
Bytes = every response's headers + body as sent (Playwright's ``request.sizes()``), counted until
the first figure. ``--before`` names a checkout of an older commit (``git worktree add /tmp/old
6df8172``): its app is served the same way, from that directory, with this venv's packages. Today's
app is measured twice: ``streamlit run dashboard.py`` (as the tests start it) and ``streamlit run
serve.py`` (as app.sh starts it: every response gzip-compressed).

Prints a Markdown table; no assertion (timings belong here, not in tests).
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from tools import screenshots as shots  # noqa: E402

FAST_3G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
CPU_SLOWDOWN = 4
TIMEOUT_S = 120
PATHS = {
    "en_vivo": "/",
    "salas": "/salas",
    "mapa": "/mapa",
    "socios": "/socios",
    "personas": "/personas",
    "calidad": "/calidad",
    "apoyos": "/apoyos",
}


# The first frame's figures (ui/first_frame.py, served by serve.py in the HTML document itself).
FRAME_FIGURE = "#foro-previa .foro-cifra-valor, #foro-previa .foro-sala-cifra"


@dataclass(frozen=True)
class Load:
    seconds: float  # to the app's own first figure
    bytes: int  # downloaded until then
    frame_s: float = math.inf  # to the first frame's first figure (inf: the page had none)


@contextmanager
def server_at(root: Path, script: str):
    """``streamlit run <script>`` from ``root`` on demo data at 11:15 (as tools/screenshots)."""
    with shots.streamlit_server("11:15", root=root, script=script, env_extra={"PYTHONPATH": str(root)}) as server:
        yield server.url


def load(b, url: str, page_id: str, phone: bool) -> Load:
    w, h = shots.PHONE if phone else shots.BIG
    ctx = b.new_context(viewport={"width": w, "height": h}, is_mobile=phone, has_touch=phone, locale="es-AR")
    page = ctx.new_page()
    if phone:
        cdp = ctx.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", FAST_3G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    done: list = []
    page.on("requestfinished", lambda r: done.append(r))
    selector = shots.SHOTS[page_id][1]
    t0 = time.monotonic()
    frame_s = math.inf
    try:
        page.goto(url + PATHS[page_id], wait_until="commit", timeout=TIMEOUT_S * 1000)
        # Whichever shows first: the first frame's figure, else the app's (a page without a frame).
        page.wait_for_selector(f"{FRAME_FIGURE}, {selector}", timeout=TIMEOUT_S * 1000)
        if page.query_selector(FRAME_FIGURE):
            frame_s = time.monotonic() - t0
        page.wait_for_selector(selector, timeout=TIMEOUT_S * 1000)
        seconds = time.monotonic() - t0
    except PlaywrightTimeout:  # said in the table as "> TIMEOUT_S", not a crash of the whole run
        seconds = math.inf
    total = 0
    for r in list(done):
        if not r.url.startswith(("data:", "blob:")):
            s = r.sizes()
            total += s["responseBodySize"] + s["responseHeadersSize"]
    ctx.close()
    return Load(seconds, total, frame_s)


def measure(root: Path, script: str, pages: list[str], repeat: int) -> dict[tuple[str, bool], Load]:
    out = {}
    with server_at(root, script) as url, shots.browser() as b:
        load(b, url, pages[0], False)  # the first run of a fresh server builds its caches: not timed
        for page_id in pages:
            for phone in (False, True):
                runs = [load(b, url, page_id, phone) for _ in range(repeat)]
                out[(page_id, phone)] = Load(
                    statistics.median(r.seconds for r in runs),
                    int(statistics.median(r.bytes for r in runs)),
                    statistics.median(r.frame_s for r in runs),
                )
    return out


def secs(seconds: float) -> str:
    return f"> {TIMEOUT_S}" if math.isinf(seconds) else f"{seconds:.1f}"


def frame_secs(load_: Load) -> str:
    return "—" if math.isinf(load_.frame_s) else f"{load_.frame_s:.1f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", nargs="*", default=["en_vivo", "salas", "mapa", "socios"])
    ap.add_argument("--before", type=Path, help="a checkout of an older commit, measured first")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args(argv)
    if not shots.chromium_available():
        print(f"{shots.CHROMIUM} is missing")
        return 1
    old_script = "serve.py" if args.before and (args.before / "serve.py").exists() else "dashboard.py"
    runs = ([(f"antes, {old_script}", args.before, old_script)] if args.before else []) + [
        ("ahora, dashboard.py", ROOT, "dashboard.py"),
        ("ahora, serve.py (app.sh)", ROOT, "serve.py"),
    ]
    results = {name: measure(root, script, args.pages, args.repeat) for name, root, script in runs}
    print("First frame: the figures serve.py puts in the HTML document (ui/first_frame.py); app: Streamlit's own.")
    print("| página | versión | localhost: primer cuadro / app s | MB | teléfono lento: primer cuadro / app s | MB |")
    print("|---|---|--:|--:|--:|--:|")
    for page_id in args.pages:
        for name, _, _ in runs:
            fast, slow = results[name][(page_id, False)], results[name][(page_id, True)]
            print(
                f"| {page_id} | {name} | {frame_secs(fast)} / {secs(fast.seconds)} | {fast.bytes / 1e6:.2f} "
                f"| {frame_secs(slow)} / {secs(slow.seconds)} | {slow.bytes / 1e6:.2f} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
