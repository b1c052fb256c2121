"""Issue 13 item 5, a thumb-steady phone, in real chromium at 390×844 against the local fake Sheets
server: −1/+1 stay where the thumb is across taps, refreshes and a reload; every control is at least
48 px tall; button text is readable (contrast ≥ 4.5:1 from computed styles); the room picker at
the top opens the one-room view; the coordinator's name survives a reload (kept in ?por=)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
from tools import screenshots as shots  # noqa: E402 - one server/browser helper for tests and tools

pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not shots.chromium_available():
    pytest.skip(
        f"{shots.CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)", allow_module_level=True
    )

THUMB_PX = 48
STEADY_PX = 2
MIN_CONTRAST = 4.5
SALA = "Plenario"
PLUS = shots.venue_selector("mas", SALA, room=True) + " button"
MINUS = shots.venue_selector("menos", SALA, room=True) + " button"

# WCAG relative luminance and contrast of two computed CSS colours ("rgb(a)(r, g, b[, a])").
CONTRAST_JS = """
(el) => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let bg = null;
  for (let n = el; n && !bg; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) bg = c;
  }
  const label = el.querySelector('p') || el;
  const fg = rgb(getComputedStyle(label).color);
  const [a, b] = [lum(fg), lum(bg || [14, 17, 23])].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}
"""


@pytest.fixture(scope="module")
def app():
    with shots.fake_sheet_app() as a:
        yield a


@pytest.fixture(scope="module")
def browser():
    with shots.browser() as b:
        yield b


@pytest.fixture()
def page(browser):
    ctx, page = shots._new_page(browser, shots.PHONE)
    try:
        yield page
    finally:
        ctx.close()


def boxes(page) -> tuple[dict, dict]:
    page.wait_for_selector(PLUS, timeout=60_000)
    return page.query_selector(MINUS).bounding_box(), page.query_selector(PLUS).bounding_box()


def assert_steady(before: tuple[dict, dict], after: tuple[dict, dict], when: str) -> None:
    for b, a, name in zip(before, after, ("−1", "+1")):
        moved = max(abs(a[k] - b[k]) for k in ("x", "y", "width", "height"))
        assert moved <= STEADY_PX, f"{name} moved {moved:.0f} px {when}: {b} -> {a}"


def start_counting(page, app, query: str = f"&sala={SALA}") -> None:
    page.goto(f"{app.url}/salas?clave={app.claves['coordinacion']}{query}")
    page.wait_for_selector(".st-key-_registra_in input", timeout=60_000)
    page.fill(".st-key-_registra_in input", "Ana Gómez")
    page.click(".st-key-foro-empezar button")
    page.wait_for_selector(PLUS, timeout=60_000)
    shots._wait_idle(page)


def test_tally_row_stays_under_the_thumb_across_taps_refreshes_and_a_reload(page, app) -> None:
    start_counting(page, app)
    assert parse_qs(urlparse(page.url).query).get("por") == ["Ana Gómez"]  # the name is in the URL
    first = boxes(page)
    page.tap(PLUS)  # the first tap is the one that used to remove the hint above the buttons
    shots._wait_idle(page)
    assert_steady(first, boxes(page), "after the first tap")
    for _ in range(4):
        page.tap(PLUS)
    shots._wait_idle(page)
    assert_steady(first, boxes(page), "after five taps")
    # The app refreshes every 5 s and the sender empties the outbox: sample across several refreshes.
    for _ in range(4):
        page.wait_for_timeout(4_000)
        assert_steady(first, boxes(page), "across a refresh")
    page.reload()
    page.wait_for_selector(PLUS, timeout=60_000)  # no name form: the name survived the reload
    assert not page.query_selector(".st-key-_registra_in input")
    shots._wait_idle(page)
    assert_steady(first, boxes(page), "after a reload")


def test_every_control_is_thumb_sized_and_button_text_is_readable(page, app) -> None:
    page.goto(f"{app.url}/salas?clave={app.claves['coordinacion']}&sala={SALA}")
    page.wait_for_selector(".st-key-foro-empezar button", timeout=60_000)
    shots._wait_idle(page)
    start = page.query_selector(".st-key-foro-empezar button")
    assert start.bounding_box()["height"] >= THUMB_PX
    assert start.evaluate(CONTRAST_JS) >= MIN_CONTRAST  # "Empezar a contar" is a primary button
    page.fill(".st-key-_registra_in input", "Ana Gómez")
    page.click(".st-key-foro-empezar button")
    page.wait_for_selector(PLUS, timeout=60_000)
    shots._wait_idle(page)
    controls = page.query_selector_all(
        '[data-testid="stMain"] button, [data-testid="stMain"] input, '
        '[data-testid="stMain"] [data-testid="stSelectbox"] [role="group"]'
    )
    seen = 0
    for el in controls:
        box = el.bounding_box()
        if not box or not el.is_visible() or box["height"] == 0:
            continue
        if el.evaluate("e => !!e.closest('[data-testid=\"stNumberInputContainer\"]') && e.tagName === 'BUTTON'"):
            continue  # the number input's own −/+ steppers sit inside its 48 px field
        if el.evaluate(
            "e => !!e.closest('[data-testid=\"stSelectbox\"] [role=\"group\"]') && e.getAttribute('role') !== 'group'"
        ):
            continue  # the picker's type-ahead field: the select box around it is measured
        seen += 1
        label = el.evaluate("e => e.innerText || e.getAttribute('aria-label') || e.outerHTML.slice(0, 80)")
        assert box["height"] >= THUMB_PX - 0.5, f"{label!r} is {box['height']:.0f} px tall"
        if el.evaluate("e => e.tagName === 'BUTTON'"):
            ratio = el.evaluate(CONTRAST_JS)
            assert ratio >= MIN_CONTRAST, f"{label!r} text contrast {ratio:.2f}:1"
    assert seen >= 5  # picker, cambiar, −1, +1, headcount, Conteo, Ver todas las salas


def test_the_room_picker_at_the_top_opens_one_room(page, app) -> None:
    page.goto(f"{app.url}/salas?clave={app.claves['coordinacion']}")
    picker = page.wait_for_selector(".st-key-foro-sala-picker [role='combobox']", timeout=60_000)
    shots._wait_idle(page)
    first_card = page.query_selector('[class*="st-key-nivel-"]')
    assert picker.bounding_box()["y"] < first_card.bounding_box()["y"]  # above the cards
    picker.click()
    page.get_by_role("option", name=re.compile("Sala 1")).first.click()
    page.wait_for_function("location.search.includes('sala=')", timeout=30_000)
    shots._wait_idle(page)
    assert "Sala 1" in parse_qs(urlparse(page.url).query)["sala"][0]
    assert len(page.query_selector_all('[class*="st-key-nivel-"]')) == 1


def card_tops(page) -> list[float]:
    return [c.bounding_box()["y"] for c in page.query_selector_all('[class*="st-key-nivel-"]')]


def test_taps_and_refreshes_never_move_the_cards_of_the_room_list(page, app) -> None:
    start_counting(page, app, query="")
    first_room_plus = shots.venue_selector("mas", "Sala 1", room=True) + " button"
    before = card_tops(page)
    assert len(before) == 2
    for _ in range(3):
        page.tap(first_room_plus)  # the first card gains its pending line and its "↑ +3" change
    shots._wait_idle(page)
    for when in ("after three taps", "across a refresh", "across another refresh"):
        after = card_tops(page)
        assert max(abs(a - b) for a, b in zip(after, before)) <= STEADY_PX, f"cards moved {when}: {before} -> {after}"
        page.wait_for_timeout(6_000)
