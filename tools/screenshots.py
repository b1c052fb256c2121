"""Screenshots of every page on demo data, at 390×844 (phone), 1920×1080 (big screen) and 1280×720 (a TV at 150 %).

    .venv/bin/python tools/screenshots.py [--pages en_vivo salas] [--out screenshots]
    .venv/bin/python tools/screenshots.py --planilla-falsa   # writing from the venue, on the fake Sheet

Starts its own ``streamlit run dashboard.py`` on a free port with demo data, opens each page in
Debian's chromium through Playwright, waits for the figures and for the run to finish, checks that
no error box is shown and that no request left 127.0.0.1, and writes
``screenshots/<page>-<width>x<height>.png``. The browser tests (tests/e2e) use the same routine.

With ``--planilla-falsa`` it instead starts the local fake Sheets server (tests/fake_sheets) and
photographs the two screens that write: a coordinator's room with its tally buttons and the
accreditation desk after accrediting someone (``*-conteo.png``, ``*-mesa.png``).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: the project's packages are beside tools/
    sys.path.insert(0, str(ROOT))

from foro_data import access  # noqa: E402 - after the path line above

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = (390, 844)
BIG = (1920, 1080)
TV = (1280, 720)  # a 1080p TV driven at 150 % scaling
SIZES = (PHONE, BIG, TV)

# A figure the app drew (not the first frame's): a metric, or one of En vivo's headline figures (one
# HTML block, ui.components.headline_html); and its value.
APP_FIGURE = '[data-testid="stMetric"], .stApp .foro-cifra'
APP_FIGURE_VALUE = '[data-testid="stMetricValue"], .stApp .foro-cifra-valor'

# page id -> (query, selector of its first figure); the pages themselves come from access.PAGE_REGISTRY.
SHOTS: dict[str, tuple[str, str]] = {
    "en_vivo": ("kiosk=1", ".stApp .foro-cifra-valor"),
    "salas": ("", '[data-testid="stMetric"]'),
    "socios": ("", '[data-testid="stMetric"]'),
    "apoyos": ("", '[data-testid="stDataFrame"]'),
    "personas": ("", '[data-testid="stDataFrame"]'),
    "calidad": ("", '[data-testid="stExpander"], [data-testid="stAlertContentSuccess"]'),
    "mapa": ("", ".st-key-foro-mapa img"),
    # The rotation's other pages as the wall shows them (issue 13): "<page>_kiosk".
    "salas_kiosk": ("kiosk=1", '[data-testid="stMetric"]'),
    "mapa_kiosk": ("kiosk=1", ".st-key-foro-mapa img"),
    "acreditacion": ("", ".st-key-foro-buscar input"),
    # Calidad de datos opened on its «En la sede» tab: each role's address and QR (issue 15).
    "calidad_sede": ("", '[data-testid="stExpander"], [data-testid="stAlertContentSuccess"]'),
}
# Views that are a tab of their page: view -> (page id, catalogue key of the tab, selector inside it).
TAB_VIEWS: dict[str, tuple[str, str, str]] = {
    "calidad_sede": ("calidad", "calidad.sede", '[data-testid="stImage"] img'),
}
# Passcodes for the views that show what only organisers see with passcodes configured.
DEMO_ACCESO_TOML = '[acceso]\norganizacion = "org-demo"\ncoordinacion = "coord-demo"\nsocios = "socios-demo"\n'
PAGES: tuple[str, ...] = access.PAGES
VIEWS: tuple[str, ...] = tuple(SHOTS)  # every page, plus the kiosk views
ERROR_SELECTORS = ('[data-testid="stException"]', '[data-testid="stAlertContentError"]')

# Demo settings for pictures: the replay clock starts mid-morning so the screens have content.
DEMO_TOML = '[foro]\nfuente = "demo"\nrefresco_segundos = 15\ndemo_inicio = "{inicio}"\ndemo_velocidad = 1.0\n'


def chromium_available() -> bool:
    return Path(CHROMIUM).exists()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log_path: Path


@contextmanager
def streamlit_server(
    demo_inicio: str = "10:45",
    timeout_s: float = 90.0,
    *,
    secrets_toml: str | None = None,
    env_extra: dict[str, str] | None = None,
    extra_args: tuple[str, ...] = (),
    script: str = "serve.py",
    root: Path = ROOT,
):
    """A real ``streamlit run serve.py`` on 127.0.0.1 with demo data (or ``secrets_toml``), as app.sh
    serves it (the pulse route, compression); stopped on exit. ``script="dashboard.py"``: the bare app."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="foro-shots-") as tmp:
        secrets = Path(tmp) / "secrets.toml"
        secrets.write_text(secrets_toml or DEMO_TOML.format(inicio=demo_inicio), encoding="utf-8")
        env = dict(os.environ, FORO_SECRETS=str(secrets), FORO_CACHE_DIR=str(Path(tmp) / "cache"), **(env_extra or {}))
        env.pop("FORO_UI_RAISE", None)  # the real app: friendly messages, never a traceback
        log_path = Path(tmp) / "server.log"
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "streamlit",
                    "run",
                    script,
                    "--server.headless",
                    "true",
                    "--server.port",
                    str(port),
                    "--server.address",
                    "127.0.0.1",
                    "--browser.gatherUsageStats",
                    "false",
                    "--server.fileWatcherType",
                    "none",
                    *extra_args,
                ],
                cwd=root,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                url = f"http://127.0.0.1:{port}"
                _wait_healthy(url, proc, timeout_s, log_path)
                yield Server(url, proc, log_path)
            finally:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()


def _wait_healthy(url: str, proc: subprocess.Popen, timeout_s: float, log_path: Path) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log_path.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("streamlit did not become healthy in time")


@dataclass
class Shot:
    page: str
    size: tuple[int, int]
    path: Path
    errors: list[str] = field(default_factory=list)  # error boxes seen on the page
    outside: list[str] = field(default_factory=list)  # requests to anything but 127.0.0.1
    failed: list[str] = field(default_factory=list)  # requests that failed
    seconds_to_figure: float = 0.0


@contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def capture(
    b,
    server_url: str,
    page_id: str,
    size: tuple[int, int],
    out_dir: Path,
    lang: str = "es",
    suffix: str = "",
    height: int | None = None,
    carried: bool = False,
) -> Shot:
    """Open one page, wait until it has drawn, check it, save a PNG. ``carried``: only once the
    screen has been replaced by one the pulse brought (ui/pulse.py; En vivo, at a minute's turn)."""
    query, selector = SHOTS[page_id]
    tab = TAB_VIEWS.get(page_id)
    base = tab[0] if tab else page_id.removesuffix("_kiosk")
    path_ = "/" if base == PAGES[0] else f"/{access.PAGE_BY_ID[base].url_path}"  # the first page is home
    q = "&".join(x for x in (query, f"lang={lang}" if lang != "es" else "") if x)
    url = f"{server_url}{path_}" + (f"?{q}" if q else "")
    w, h = size
    out_dir.mkdir(parents=True, exist_ok=True)
    shot = Shot(page_id, size, out_dir / f"{page_id}-{w}x{h}{suffix}.png")
    ctx = b.new_context(
        viewport={"width": w, "height": height or h},
        device_scale_factor=1,
        is_mobile=w < 600,
        has_touch=w < 600,
        locale="es-AR",
    )
    page = ctx.new_page()

    def on_request(req) -> None:
        host = urlsplit(req.url).hostname
        if req.url.startswith(("data:", "blob:", "about:")):
            return
        if host not in ("127.0.0.1",):
            shot.outside.append(req.url)

    page.on("request", on_request)
    page.on("requestfailed", lambda req: shot.failed.append(f"{req.url} {req.failure}"))
    t0 = time.monotonic()
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(selector, timeout=60_000)
    shot.seconds_to_figure = time.monotonic() - t0
    if tab:
        from ui.i18n import t

        page.get_by_role("tab", name=t(tab[1], lang)).click()
        page.wait_for_selector(tab[2], timeout=30_000)
    _wait_idle(page)
    if carried:
        page.wait_for_function(
            "() => window.__foroEdad && JSON.parse(window.__foroEdad.state()).carried > 0", timeout=150_000
        )
        page.wait_for_timeout(1500)  # the chart's image paints
    for sel in ERROR_SELECTORS:
        for el in page.query_selector_all(sel):
            shot.errors.append(el.inner_text()[:500])
    page.screenshot(path=str(shot.path))
    ctx.close()
    return shot


def _wait_idle(page, timeout_ms: int = 30_000) -> None:
    """Until the script run finished (status widget gone), then time for images and fonts to paint."""
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=timeout_ms)
    page.wait_for_timeout(1500)


def first_frame_shot(b, server_url: str, page_id: str, size: tuple[int, int], out_dir: Path) -> Path:
    """What a phone shows before Streamlit's JavaScript has arrived: the first frame alone
    (ui/first_frame.py), photographed with the app's scripts held back."""
    query = SHOTS[page_id][0]
    path_ = "/" if page_id == PAGES[0] else f"/{access.PAGE_BY_ID[page_id].url_path}"
    ctx, page = _new_page(b, size)
    try:
        page.route("**/static/js/**", lambda route: route.abort())
        page.goto(f"{server_url}{path_}" + (f"?{query}" if query else ""), wait_until="domcontentloaded")
        page.wait_for_selector("#foro-previa", timeout=30_000)
        return _flow_shot(page, out_dir / f"{page_id}-{size[0]}x{size[1]}-primer-cuadro.png", idle=False)
    finally:
        ctx.close()


# --- writing from the venue, on the local fake Sheet --------------------------------------------


@dataclass
class FakeSheetApp:
    url: str  # the dashboard
    fake: object  # tests.fake_sheets.FakeSheetsServer
    claves: dict[str, str]


@contextmanager
def fake_sheet_app():
    """The fake Sheets server with the test forum workbook (writable) and a dashboard on it."""
    from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet, make_service_account
    from tests.test_app_venue import CLAVES, secrets_toml, writable_tabs

    with FakeSheetsServer() as fake:
        fake.add(FakeSpreadsheet.from_tabs(writable_tabs()))
        toml = secrets_toml(fake, make_service_account(fake.token_uri))
        with streamlit_server(secrets_toml=toml, env_extra={"FORO_SHEETS_API_URL": fake.url}) as server:
            yield FakeSheetApp(server.url, fake, dict(CLAVES))


def venue_selector(prefix: str, text: str, room: bool = False) -> str:
    """The CSS class Streamlit gives a widget keyed by ui.tally or ui.desk (``.st-key-<key>``)."""
    from foro_data.schema import fold
    from ui.writing import key_slug

    return f".st-key-foro-{prefix}-{key_slug(fold(text) if room else text)}"


def _new_page(b, size: tuple[int, int], height: int | None = None):
    w, h = size
    ctx = b.new_context(
        viewport={"width": w, "height": height or h},
        device_scale_factor=1,
        is_mobile=w < 600,
        has_touch=w < 600,
        locale="es-AR",
    )
    return ctx, ctx.new_page()


def _flow_shot(page, path: Path, idle: bool = True) -> Path:
    """The end of a flow: once the page is idle (when a script runs), its screenshot at ``path``."""
    if idle:
        _wait_idle(page)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    return path


def tally_flow(b, app: FakeSheetApp, size: tuple[int, int], out_dir: Path, sala: str = "Plenario") -> Path:
    """A coordinator opens their room, gives their name once and taps +1; returns the PNG."""
    ctx, page = _new_page(b, size)
    try:
        page.goto(f"{app.url}/salas?clave={app.claves['coordinacion']}&sala={sala}")
        page.wait_for_selector('.st-key-_registra_in input, [class*="st-key-foro-tally-"]', timeout=60_000)
        if page.query_selector(".st-key-_registra_in input"):
            page.fill(".st-key-_registra_in input", "Ana Gómez")
            page.click(".st-key-foro-empezar button")
        plus = venue_selector("mas", sala, room=True) + " button"
        page.wait_for_selector(plus, timeout=60_000)
        page.click(plus)
        page.wait_for_function(
            "document.body.innerText.includes('toques aún no guardados') || "
            "document.body.innerText.includes('Todo guardado')",
            timeout=30_000,
        )
        return _flow_shot(page, out_dir / f"salas-{size[0]}x{size[1]}-conteo.png")
    finally:
        ctx.close()


def desk_flow(
    b,
    app: FakeSheetApp,
    size: tuple[int, int],
    out_dir: Path,
    consulta: str = "persona2@ejemplo.org",
    persona_key: str = "fila-4",
) -> Path:
    """The desk searches a person, taps "Acreditar" and sees "ya acreditado"; returns the PNG."""
    ctx, page = _new_page(b, size)
    try:
        page.goto(f"{app.url}/acreditacion?clave={app.claves['organizacion']}")
        page.wait_for_selector(".st-key-foro-buscar input", timeout=60_000)
        page.fill(".st-key-foro-buscar input", consulta)  # results follow the typing, no Enter
        button = venue_selector("acreditar", persona_key) + " button"
        page.wait_for_selector(button, timeout=30_000)
        page.click(button)
        page.wait_for_selector(venue_selector("persona", persona_key) + " >> text=ya acreditado a las", timeout=30_000)
        return _flow_shot(page, out_dir / f"acreditacion-{size[0]}x{size[1]}-mesa.png")
    finally:
        ctx.close()


def venue_shots(out: Path) -> int:
    with fake_sheet_app() as app, browser() as b:
        # One person per size: whoever the phone accredited is "ya acreditado" on the big screen.
        for size, (consulta, key) in (
            (PHONE, ("persona2@ejemplo.org", "fila-4")),
            (BIG, ("persona5@ejemplo.org", "fila-7")),
        ):
            print(f"ok       {tally_flow(b, app, size, out)}")
            print(f"ok       {desk_flow(b, app, size, out, consulta, key)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--pages", nargs="*", default=None, choices=VIEWS, help="page ids (default: every page and kiosk view)"
    )
    ap.add_argument("--out", default=str(ROOT / "screenshots"))
    ap.add_argument("--lang", default="es")
    ap.add_argument(
        "--hora", default="10:45", help="hora del foro en la demo (HH:MM), p. ej. 11:15 con una sala excedida"
    )
    ap.add_argument(
        "--planilla-falsa",
        action="store_true",
        help="las pantallas que escriben (conteo de sala, mesa de acreditación) sobre la planilla falsa local",
    )
    ap.add_argument(
        "--primer-cuadro",
        action="store_true",
        help="lo que muestra un teléfono antes de que llegue el JavaScript de Streamlit (ui/first_frame.py)",
    )
    ap.add_argument(
        "--tras-pulso",
        action="store_true",
        help="En vivo después de que el pulso trajo una pantalla nueva (al cambiar el minuto), sin redibujar",
    )
    args = ap.parse_args(argv)
    if not chromium_available():
        print(f"No está {CHROMIUM}: instálelo con `apt-get install -y chromium`.", file=sys.stderr)
        return 2
    if args.planilla_falsa:
        return venue_shots(Path(args.out))
    if args.primer_cuadro:
        with streamlit_server(demo_inicio=args.hora) as server, browser() as b:
            for page_id in ("en_vivo", "salas"):
                for size in SIZES:
                    print(f"ok       {first_frame_shot(b, server.url, page_id, size, Path(args.out))}")
        return 0
    pages = args.pages or list(VIEWS)
    out = Path(args.out)
    bad = 0
    # The tab views need passcodes configured (a QR that carries one, with its warning).
    secrets = DEMO_TOML.format(inicio=args.hora) + (DEMO_ACCESO_TOML if set(pages) <= set(TAB_VIEWS) else "")
    with streamlit_server(demo_inicio=args.hora, secrets_toml=secrets) as server, browser() as b:
        for page_id in pages:
            for size in SIZES:
                carried = args.tras_pulso and page_id == "en_vivo"
                shot = capture(
                    b, server.url, page_id, size, out, args.lang, "-pulso" if carried else "", carried=carried
                )
                status = "ok" if not (shot.errors or shot.outside or shot.failed) else "PROBLEMA"
                bad += status != "ok"
                print(
                    f"{status:8} {shot.path.relative_to(out.parent) if out.parent in shot.path.parents else shot.path}"
                    f"  primera cifra {shot.seconds_to_figure:.1f} s"
                )
                for what, items in (
                    ("error", shot.errors),
                    ("fuera de 127.0.0.1", shot.outside),
                    ("falló", shot.failed),
                ):
                    for item in items:
                        print(f"         {what}: {item}")
        # The phone view of the rooms in full length: every card, as a coordinator scrolls it.
        if "salas" in pages:
            shot = capture(b, server.url, "salas", PHONE, out, suffix="-completa", height=2600)
            print(f"ok       {shot.path}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
