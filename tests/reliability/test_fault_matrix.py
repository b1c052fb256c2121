"""The fault matrix, end to end: the real app in a real browser against the fake Sheets server.

For each fault: no traceback on the page, the last good figures stay with the stale banner and the
reason in Spanish, and when the fault clears the banner goes and the figures move on. The first
tests are the regression tests (no browser) for the defects the matrix found.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable

import pytest

from foro_data.live import LiveFeed
from foro_data.sources.base import RawWorkbook
from tests.fake_sheets import FakeSheetsServer
from tests.reliability.conftest import REFRESH_S, add_person, chromium_or_skip
from tests.sheets_fixtures import forum_tabs

WALL = datetime(2025, 6, 19, 12, 0, tzinfo=timezone.utc)

# --- regression tests: a Sheet that answers but lost a tab's headers is a failure, not data ---


class _Scripted:
    tipo = "gsheets"
    descripcion = "planilla de prueba"

    def __init__(self, tabs: dict[str, list[list[Any]]]) -> None:
        self.tabs = tabs

    def read(self) -> RawWorkbook:
        return RawWorkbook(tabs=copy.deepcopy(self.tabs))


def _feed(source: _Scripted) -> LiveFeed:
    t = [0.0]
    feed = LiveFeed(source, REFRESH_S, None, clock=lambda: t[0], wall=lambda: WALL)
    feed._test_clock = t  # type: ignore[attr-defined]
    return feed


def _next_read(feed: LiveFeed):
    feed._test_clock[0] += REFRESH_S  # type: ignore[attr-defined]
    return feed.wait_read(timeout=30)


def _emptied(tabs: dict[str, list[list[Any]]]) -> dict[str, list[list[Any]]]:
    return {name: [] for name in tabs}


def _header_renamed(tabs: dict[str, list[list[Any]]]) -> dict[str, list[list[Any]]]:
    out = copy.deepcopy(tabs)
    out["Acreditaciones"][0][0] = "Momento del escaneo"  # was "Marca temporal" (required)
    return out


def _tab_lost(tabs: dict[str, list[list[Any]]]) -> dict[str, list[list[Any]]]:
    return {k: v for k, v in tabs.items() if k != "Acreditaciones"}


@pytest.mark.parametrize(
    "mangle, words",
    [
        (_emptied, "Inscripciones"),
        (_header_renamed, "Acreditaciones"),
        (_tab_lost, "Acreditaciones"),
    ],
    ids=["planilla-vaciada", "encabezado-renombrado", "pestana-borrada"],
)
def test_a_sheet_that_lost_its_headers_keeps_the_last_good_figures(mangle: Callable, words: str) -> None:
    good = forum_tabs()
    source = _Scripted(good)
    feed = _feed(source)
    first = feed.wait_read(timeout=30)
    assert first is not None and first.fuente.estado == "ok" and first.scans
    source.tabs = mangle(good)
    stale = _next_read(feed)
    assert stale is not None
    assert stale.fuente.estado == "desactualizado", "a mangled Sheet replaced the good figures"
    assert words in (stale.fuente.motivo or "")
    assert len(stale.personas) == len(first.personas) and len(stale.scans) == len(first.scans)
    # No back-off: the Sheet answers, only its content is wrong; the fix shows at the next read.
    source.tabs = good
    assert feed.health.next_attempt_in_s <= REFRESH_S
    fixed = _next_read(feed)
    assert fixed is not None and fixed.fuente.estado == "ok"


def test_a_sheet_broken_from_the_start_is_shown_with_its_problems() -> None:
    """With nothing good to fall back on, the broken read is shown (Calidad de datos explains it)."""
    feed = _feed(_Scripted(_header_renamed(forum_tabs())))
    snap = feed.wait_read(timeout=30)
    assert snap is not None and snap.fuente.estado == "ok"
    assert any(p.kind == "columna_faltante" and p.tab == "Acreditaciones" for p in snap.problems)


def test_registrations_going_down_to_zero_rows_is_data() -> None:
    """Headers kept, rows cleared: that is a real (if odd) Sheet, not a failure."""
    good = forum_tabs()
    source = _Scripted(good)
    feed = _feed(source)
    feed.wait_read(timeout=30)
    source.tabs = {k: v[:1] for k, v in good.items()}
    snap = _next_read(feed)
    assert snap is not None and snap.fuente.estado == "ok" and not snap.personas


# --- the matrix in the browser ---------------------------------------------------------------

_READ_PAGE = """() => {
  const metrics = {};
  for (const m of document.querySelectorAll('[data-testid="stMetric"]')) {
    const l = m.querySelector('[data-testid="stMetricLabel"]');
    const v = m.querySelector('[data-testid="stMetricValue"]');
    if (l && v) metrics[l.textContent.trim()] = v.textContent.trim();
  }
  for (const m of document.querySelectorAll('.stApp .foro-cifra')) {  // En vivo's headline block
    metrics[m.querySelector('.foro-cifra-etiqueta').textContent.trim()] = m.querySelector('.foro-cifra-valor').textContent.trim();
  }
  return {
    metrics,
    alerts: [...document.querySelectorAll('[data-testid="stAlert"]')].map(e => e.textContent),
    exceptions: [...document.querySelectorAll('[data-testid="stException"]')].map(e => e.textContent.slice(0, 500)),
    errors: [...document.querySelectorAll('[data-testid="stAlertContentError"]')].map(e => e.textContent.slice(0, 500)),
    // textContent, not innerText: no forced layout of a heavy page several times a second.
    traceback: (document.querySelector('[data-testid="stMain"]') || document.body).textContent.includes('Traceback'),
    // The frontend's own "connecting / connection error" states (a dead session freezes the figures).
    connection: [...document.querySelectorAll('[data-testid="stConnectionStatus"], [role="dialog"]')].map(e => e.textContent.slice(0, 200)),
  };
}"""
STALE = "Datos desactualizados"
INSCRIPTOS = "Inscriptos"
DETECT_S = 60.0  # the slow-response row needs the 15 s read timeout plus one or two intervals
RECOVER_S = 60.0  # back-off after two failures (≤ 2 intervals) plus a poll; generous for a loaded CI box


class Screen:
    """One big-screen tab left open for the whole matrix, as in the control room."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.seen_problems: list[str] = []

    def read(self) -> dict[str, Any]:
        state = self.page.evaluate(_READ_PAGE)
        bad = state["exceptions"] + state["errors"] + (["Traceback in page text"] if state["traceback"] else [])
        self.seen_problems += bad
        return state

    def wait(self, predicate: Callable[[dict[str, Any]], bool], timeout_s: float, what: str) -> dict[str, Any]:
        deadline = time.monotonic() + timeout_s
        state = self.read()
        while not predicate(state):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout_s:.0f} s waiting for {what}; page: {state}")
            self.page.wait_for_timeout(500)
            state = self.read()
        return state


def inscriptos(state: dict[str, Any]) -> int | None:
    for label, value in state["metrics"].items():
        if label.startswith(INSCRIPTOS):
            return int(value.replace(".", ""))
    return None


def stale_banner(state: dict[str, Any]) -> str:
    return next((a for a in state["alerts"] if STALE in a), "")


@dataclass(frozen=True)
class Fault:
    id: str
    words: str  # part of the Spanish reason the banner must show
    apply: Callable[[FakeSheetsServer], None]
    clear: Callable[[FakeSheetsServer], None]


def _set(kind: str, seconds: float = 0.0) -> Callable[[FakeSheetsServer], None]:
    return lambda fake: fake.set_fault(kind, seconds)


def _clear(fake: FakeSheetsServer) -> None:
    fake.clear_fault()


def _rename_tab(old: str, new: str) -> Callable[[FakeSheetsServer], None]:
    return lambda fake: fake.rename_tab(old, new)


def _set_header(tab: str, col: int, value: str) -> Callable[[FakeSheetsServer], None]:
    def run(fake: FakeSheetsServer) -> None:
        with fake._lock:
            fake.book().sheet(tab).rows[0][col] = value  # type: ignore[union-attr]

    return run


_SAVED: dict[str, list[list[Any]]] = {}


def _empty_sheet(fake: FakeSheetsServer) -> None:
    with fake._lock:
        for s in fake.book().sheets:
            _SAVED[s.title] = s.rows
            s.rows = []


def _refill_sheet(fake: FakeSheetsServer) -> None:
    with fake._lock:
        for s in fake.book().sheets:
            s.rows = _SAVED.pop(s.title, s.rows)


FAULTS = [
    Fault("429-retry-after", "limitó las lecturas", _set("429", 8), _clear),
    Fault("500", "HTTP 500", _set("500"), _clear),
    Fault("503", "HTTP 503", _set("503"), _clear),
    Fault("respuesta-lenta", "no respondió a tiempo", _set("delay", 17), _clear),
    Fault("conexion-rechazada", "No hay conexión", lambda fake: fake.refuse(), lambda fake: fake.resume()),
    Fault("json-malformado", "ilegible", _set("malformed"), _clear),
    Fault("403", "no está compartida", _set("403"), _clear),
    Fault("404", "No existe una planilla", _set("404"), _clear),
    Fault(
        "pestana-renombrada",
        "no tiene la pestaña «Inscripciones»",
        _rename_tab("Inscripciones", "Inscripciones (vieja)"),
        _rename_tab("Inscripciones (vieja)", "Inscripciones"),
    ),
    Fault(
        "encabezado-renombrado",
        "Acreditaciones",
        _set_header("Acreditaciones", 0, "Momento del escaneo"),
        _set_header("Acreditaciones", 0, "Marca temporal"),
    ),
    Fault("planilla-vaciada", "Inscripciones", _empty_sheet, _refill_sheet),
]


@pytest.fixture(scope="module")
def screen(browser, app):
    chromium_or_skip()
    ctx = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = ctx.new_page()
    page.goto(app.url + "/?kiosk=1", wait_until="domcontentloaded")
    s = Screen(page)
    s.wait(lambda st: inscriptos(st) is not None, 90, "the first figures")
    yield s
    ctx.close()


_added = [0]


@pytest.mark.parametrize("fault", FAULTS, ids=[f.id for f in FAULTS])
def test_fault_in_the_browser(fault: Fault, screen: Screen, app) -> None:
    fake = app.fake
    healthy = screen.wait(lambda st: inscriptos(st) is not None and not stale_banner(st), RECOVER_S, "healthy figures")
    before = dict(healthy["metrics"])
    t0 = time.monotonic()
    fault.apply(fake)
    try:
        # Banner and every figure card drawn: mid-rerun some cards may be between two renders,
        # so wait for the full set (a card that never comes back times out and fails).
        during = screen.wait(
            lambda st: fault.words in stale_banner(st) and set(st["metrics"]) >= set(before),
            DETECT_S,
            f"the stale banner with «{fault.words}» and every figure",
        )
        assert during["metrics"] == before, "the last good figures must stay on screen"
    finally:
        fault.clear(fake)
    t1 = time.monotonic()
    _added[0] += 1
    add_person(fake, _added[0])
    want = inscriptos(healthy) + 1  # type: ignore[operator]
    after = screen.wait(
        lambda st: not stale_banner(st) and inscriptos(st) == want, RECOVER_S, f"recovery with {want} inscriptos"
    )
    assert inscriptos(after) == want
    # For docs/confiabilidad.md (shown with -s): how long the banner took to appear and to go.
    print(
        f"\n[matriz] {fault.id}: aviso a los {t1 - t0:.1f} s; recuperado {time.monotonic() - t1:.1f} s después "
        f"de quitar la falla; motivo: {stale_banner(during)[:160]!r}"
    )
    assert not screen.seen_problems, screen.seen_problems


def test_ten_thousand_rows(screen: Screen, app) -> None:
    fake = app.fake
    screen.wait(lambda st: inscriptos(st) is not None and not stale_banner(st), RECOVER_S, "healthy figures")
    with fake._lock:
        sheet = fake.book().sheet("Inscripciones")
        assert sheet is not None
        saved = sheet.rows
        header = sheet.rows[0]
        big = [header] + [
            [
                f"19/6/2025 {8 + i % 10}:{i % 60:02d}:00",
                f"Nombre{i}",
                f"Apellido{i}",
                f"p{i}@ejemplo.org",
                40_000_000 + i,
                "Concejal",
                "Rosario",
                "Santa Fe",
                "Argentina",
            ]
            for i in range(10_000)
        ]
        sheet.rows = big
        sheet.fit_grid()
    try:
        screen.wait(lambda st: inscriptos(st) == 10_000 and not stale_banner(st), 90, "10.000 inscriptos")
    finally:
        with fake._lock:
            sheet.rows = saved
    screen.wait(
        lambda st: inscriptos(st) is not None and inscriptos(st) < 10_000 and not stale_banner(st),
        90,
        "the small Sheet back",
    )
    assert not screen.seen_problems, screen.seen_problems
