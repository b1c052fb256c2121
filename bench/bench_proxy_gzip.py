"""What the proxy's compression buys a phone on a poor connection (issue 15): bytes transferred and
time to the first figure of En vivo through nginx with deploy/nginx.conf as it is (gzip on) and
with gzip switched off, on Chrome's «Fast 3G» profile with the CPU slowed 4× (CDP), cold cache.

    .venv/bin/python bench/bench_proxy_gzip.py [--runs 3] [--width 390]

One Streamlit process on demo data, two nginx in front of it (same file, one line changed). Prints a
table of medians; no assertion.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.topology.conftest import NGINX_CONF, nginx_or_skip, render_site, start_nginx, wait_http  # noqa: E402
from tools import screenshots as shots  # noqa: E402

# Chrome DevTools' «Fast 3G» preset (the same numbers Lighthouse's mobile throttling derives from).
FAST_3G = {"offline": False, "latency": 562.5, "downloadThroughput": 180_000, "uploadThroughput": 84_375}
CPU_SLOWDOWN = 4
FIGURE = '[data-testid="stMetricValue"], .stApp .foro-cifra-valor'


def measure(b, url: str, width: int) -> tuple[int, int, float, int, float]:
    """Cold cache: (HTTP bytes on the wire and websocket bytes received by the first figure, its
    seconds, HTTP bytes and seconds once the network is idle: images and lazy chunks too)."""
    ctx = b.new_context(
        viewport={"width": width, "height": 844 if width < 600 else 1080},
        is_mobile=width < 600,
        has_touch=width < 600,
        locale="es-AR",
    )
    page = ctx.new_page()
    cdp = ctx.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", FAST_3G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    http: list[float] = []
    ws: list[int] = []
    cdp.on("Network.loadingFinished", lambda e: http.append(e["encodedDataLength"]))
    cdp.on("Network.webSocketFrameReceived", lambda e: ws.append(len(e["response"]["payloadData"])))
    try:
        t0 = time.monotonic()
        page.goto(url, wait_until="commit")
        page.wait_for_selector(FIGURE, timeout=180_000)
        seconds, first = time.monotonic() - t0, int(sum(http))
        page.wait_for_load_state("networkidle", timeout=300_000)
        return first, sum(ws), seconds, int(sum(http)), time.monotonic() - t0
    finally:
        ctx.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--width", type=int, default=390)
    args = ap.parse_args(argv)
    nginx = nginx_or_skip()
    conf = NGINX_CONF.read_text(encoding="utf-8")
    assert "    gzip on;" in conf
    results: dict[str, list[tuple[int, int, float, int, float]]] = {}
    with (
        # The bare app: the proxy's gzip is what is measured, not serve.py's own.
        shots.streamlit_server(demo_inicio="11:00", script="dashboard.py") as server,
        tempfile.TemporaryDirectory() as tmp_s,
        shots.browser() as b,
    ):
        port = int(server.url.rsplit(":", 1)[1])
        procs = []
        try:
            urls = {}
            for name, site in (("con gzip", conf), ("sin gzip", conf.replace("    gzip on;", "    gzip off;"))):
                tmp = Path(tmp_s) / name.replace(" ", "-")
                tmp.mkdir()
                listen = shots.free_port()
                proc = start_nginx(nginx, tmp, render_site(site, [port], listen))
                procs.append(proc)
                urls[name] = f"http://127.0.0.1:{listen}"
                wait_http(urls[name] + "/_stcore/health", proc)
            measure(b, urls["con gzip"] + "/?kiosk=1", args.width)  # warm the server, not the browser
            for _ in range(args.runs):
                for name, url in urls.items():  # interleaved, so a slow moment hits both
                    results.setdefault(name, []).append(measure(b, url + "/?kiosk=1", args.width))
        finally:
            for proc in procs:
                proc.terminate()
                proc.wait(timeout=10)
    print(
        f"En vivo a {args.width} px, Fast 3G (562,5 ms, 1,44 Mbit/s) + CPU {CPU_SLOWDOWN}×, caché vacía; "
        f"mediana de {args.runs} cargas"
    )
    print(
        f"{'proxy':<10} {'HTTP a la 1.ª cifra (KB)':>25} {'websocket (KB)':>15} {'1.ª cifra (s)':>14}"
        f" {'HTTP completa (KB)':>19} {'completa (s)':>13}"
    )
    for name, runs in results.items():
        med = [statistics.median(r[i] for r in runs) for i in range(5)]
        print(
            f"{name:<10} {med[0] / 1000:>25.0f} {med[1] / 1000:>15.0f} {med[2]:>14.1f} {med[3] / 1000:>19.0f} {med[4]:>13.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
