"""Access, hardened: each passcode opens exactly its role's pages, wrong passcodes are slowed down
and never echoed, no passcode reaches the server log or a link the app draws, and the public and
partner pages in the real browser carry no personal data, in any language.

tests/test_access.py holds the role rules and tests/test_privacy.py the demo-data privacy sweep;
this file drives the real app with a real (file or fake Google) source and real passcodes.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from streamlit.testing.v1 import AppTest

from foro_data import access
from foro_data.access import wrong_passcode_delay as real_delay  # before any spy replaces it
from tests.reliability.conftest import PASSCODES, chromium_or_skip
from tests.sheets_fixtures import forum_tabs, write_xlsx
from tools import screenshots as shots
from ui.frame import RAISE_ENV

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
PAGE_FILES = {p.id: p.file for p in access.PAGE_REGISTRY}
EXISTING = list(access.PAGES)
WRONG = "adivinanza-Vt7#incorrecta"


@pytest.fixture(scope="module")
def file_source(tmp_path_factory):
    """The app reads a local workbook, with the three passcodes configured."""
    tmp = tmp_path_factory.mktemp("acceso")
    book = write_xlsx(forum_tabs(24), tmp / "foro.xlsx")
    acceso = "\n".join(f'{k} = "{v}"' for k, v in PASSCODES.items())
    (tmp / "secrets.toml").write_text(
        f'[foro]\nfuente = "archivo"\narchivo = "{book}"\n\n[acceso]\n{acceso}\n', encoding="utf-8"
    )
    with pytest.MonkeyPatch.context() as env:
        env.setenv("FORO_SECRETS", str(tmp / "secrets.toml"))
        env.setenv("FORO_CACHE_DIR", str(tmp / "cache"))
        env.setenv(RAISE_ENV, "1")
        yield tmp


def registered(app: AppTest) -> set[str]:
    ok = set()
    for page in EXISTING:
        try:
            app.switch_page(PAGE_FILES[page])
            ok.add(page)
        except ValueError:
            pass
    return ok


def with_clave(clave: str) -> AppTest:
    app = AppTest.from_file(DASHBOARD, default_timeout=60)
    app.query_params["clave"] = clave
    return app.run()


def everything_said(app: AppTest) -> str:
    parts = []
    for kind in (
        "markdown",
        "caption",
        "title",
        "header",
        "subheader",
        "info",
        "warning",
        "success",
        "error",
        "exception",
        "text",
        "code",
    ):
        parts += [str(getattr(e, "value", "")) for e in app.get(kind)]
    parts += [str(v) for v in app.query_params.values()]
    return "\n".join(parts)


@pytest.mark.parametrize("role", list(PASSCODES))
def test_each_passcode_opens_exactly_its_pages(file_source, role: str) -> None:
    app = with_clave(PASSCODES[role])
    assert not app.exception
    assert app.session_state["_rol_base"] == role
    assert registered(app) == set(access.allowed_pages(role)) & set(EXISTING)


def test_a_wrong_passcode_opens_nothing_more_and_is_not_echoed(file_source) -> None:
    app = with_clave(WRONG)
    assert not app.exception
    assert registered(app) == access.AGGREGATE_PAGES & set(EXISTING)
    assert app.session_state["_claves_fallidas"] == 1
    said = everything_said(app).replace(f"clave={WRONG}", "")  # the viewer's own query parameter
    assert WRONG not in "\n".join(
        str(e.value) for k in ("markdown", "error", "warning", "info", "caption") for e in app.get(k)
    )
    assert not any(v in said for v in PASSCODES.values())


@pytest.fixture()
def delay_calls(monkeypatch) -> list[int]:
    """Records the failure count each wrong passcode is slowed down for (the real delay still runs)."""
    calls: list[int] = []
    real = access.wrong_passcode_delay

    def spy(failures: int) -> float:
        calls.append(failures)
        return real(failures)

    monkeypatch.setattr(access, "wrong_passcode_delay", spy)
    return calls


def test_wrong_passcodes_in_one_session_wait_longer_each_time(file_source, delay_calls) -> None:
    app = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    for guess in ("uno-mal", "dos-mal", "tres-mal"):
        app.sidebar.text_input[0].input(guess)
        app.sidebar.button[0].click().run()
        assert app.sidebar.error
    assert delay_calls == [1, 2, 3]
    assert [real_delay(n) for n in (1, 2, 3)] == [0.5, 1.0, 2.0]


def test_guessing_from_fresh_sessions_is_slowed_down_too(file_source, delay_calls) -> None:
    for guess in ("uno-mal", "dos-mal", "tres-mal"):
        with_clave(guess)
    assert delay_calls[-1] >= 3, delay_calls


# --- the real server and browser: logs, links, personal data ---------------------------------


def personal_data(n: int = 24) -> tuple[list[str], list[str], list[str]]:
    rows = forum_tabs(n)["Inscripciones"][1:]
    emails = [str(r[3]) for r in rows if len(r) > 3 and r[3]]
    docs = [str(r[4]) for r in rows if len(r) > 4 and r[4]]
    surnames = [str(r[2]) for r in rows if len(r) > 2 and r[2]]
    return emails, docs, surnames


OUTSIDE_PAGES = [
    (role, page) for role in ("publico", "socios") for page in access.allowed_pages(role) if page in EXISTING
]
URL_PATH = {p: "/" if p == access.PAGES[0] else f"/{access.PAGE_BY_ID[p].url_path}" for p in access.PAGES}


def _visible_text(page) -> str:
    page.wait_for_selector(
        f'{shots.APP_FIGURE}, [data-testid="stDataFrame"], .st-key-foro-mapa img',
        timeout=60_000,
    )
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=30_000)
    page.wait_for_timeout(800)
    # innerText misses canvas-drawn grids; glide-data-grid keeps an accessible table copy in the DOM.
    # It misses text drawn inside an image too: the Mapa is one SVG <img>, so its labels are read from it.
    return page.evaluate("""async () => {
      const svgText = [];
      for (const img of document.querySelectorAll('[data-testid="stMain"] img')) {
        const body = await (await fetch(img.currentSrc || img.src)).text();
        if (body.includes('<svg')) {
          const svg = new DOMParser().parseFromString(body, 'image/svg+xml');
          svgText.push(...[...svg.querySelectorAll('text')].map(t => t.textContent));
        }
      }
      return document.body.innerText + '\\n' +
        [...document.querySelectorAll('table td, table th')].map(e => e.textContent).join('\\n') + '\\n' +
        svgText.join('\\n');
    }""")


@pytest.mark.parametrize("lang", ["es", "pt", "en"])
def test_outsider_pages_in_the_browser_show_no_personal_data(browser, app, lang) -> None:
    chromium_or_skip()
    emails, docs, surnames = personal_data()
    ctx = browser.new_context(viewport={"width": 1400, "height": 1800})
    page = ctx.new_page()
    try:
        for role, page_id in OUTSIDE_PAGES:
            clave = f"&clave={quote(PASSCODES['socios'], safe='')}" if role == "socios" else ""
            page.goto(f"{app.url}{URL_PATH[page_id]}?lang={lang}{clave}", wait_until="domcontentloaded")
            text = _visible_text(page)
            assert "Nombre1" not in text and "@" not in text, (role, page_id)
            low = text.casefold()
            assert not [e for e in emails if e.casefold() in low], (role, page_id)
            numbers = set(re.sub(r"\D", " ", text).split())
            assert not [d for d in docs if d in numbers], (role, page_id)
            words = set(re.findall(r"\w+", text))
            assert not [s for s in surnames if s in words], (role, page_id)
            if role == "socios":  # the passcode really opened the partner role
                assert page_id != "socios" or any(
                    w in low for w in ("para socios", "para parceiros", "partner summary")
                )
    finally:
        ctx.close()


def test_links_the_app_draws_carry_no_passcode(browser, app) -> None:
    chromium_or_skip()
    ctx = browser.new_context(viewport={"width": 1400, "height": 1200})
    page = ctx.new_page()
    try:
        # Salas: its room cards are Streamlit headings (En vivo draws its own, without anchors).
        page.goto(f"{app.url}/salas?clave={quote(PASSCODES['organizacion'], safe='')}", wait_until="domcontentloaded")
        _visible_text(page)
        hrefs = page.evaluate(
            "() => [...document.querySelectorAll("
            '\'[data-testid="stHeadingWithActionElements"] a[href], [data-testid="stMain"] a[href]\')]'
            ".map(a => a.href)"
        )
        # Headings are on screen, so Streamlit's anchor links would be there if they were enabled.
        assert page.locator("h1, h2, h3").count() > 0
        leaked = [h for h in hrefs if "clave=" in h or quote(PASSCODES["organizacion"], safe="") in h]
        assert not leaked, leaked
    finally:
        ctx.close()


def test_passcodes_never_reach_the_server_log(browser, app) -> None:
    chromium_or_skip()
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    try:
        for clave in (*PASSCODES.values(), WRONG):
            page.goto(f"{app.url}/?clave={quote(clave, safe='')}", wait_until="domcontentloaded")
            page.wait_for_selector(shots.APP_FIGURE, timeout=60_000)
            page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=30_000)
        # The sidebar form too (a wrong one: the error box must not repeat it).
        page.goto(f"{app.url}/", wait_until="domcontentloaded")
        page.wait_for_selector('input[type="password"]', timeout=60_000)
        page.fill('input[type="password"]', WRONG + "-form")
        page.keyboard.press("Enter")
        page.wait_for_selector('[data-testid="stAlertContentError"]', timeout=30_000)
        assert WRONG not in page.evaluate("() => document.body.innerText")
    finally:
        ctx.close()
    log = app.log_text()
    assert log.strip(), "the server log was captured"
    for secret in (*PASSCODES.values(), WRONG):
        assert secret not in log
