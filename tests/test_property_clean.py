"""Property: any cells under any headers go through clean and metrics without an exception, and
every non-blank row of a known tab is either used or reported as a Problem."""

from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foro_data import metrics, schema
from foro_data.build import build_snapshot
from foro_data.snapshot import Fuente, Snapshot
from foro_data.sources.base import RawWorkbook
from tests.workbooks import READ_AT, at

TABS = [
    schema.INSCRIPCIONES,
    schema.ACREDITACIONES,
    schema.SALAS,
    schema.AGENDA,
    schema.APOYOS,
    schema.PRESUPUESTO,
    schema.CONTEOS,
    schema.CIUDADES,
]

cells = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(
        [
            "19/6/2025 9:05:33",
            "2025-06-19",
            "45827.4",
            "1.234.567,50",
            "$ 150.000",
            "USD 1,200.00",
            "12,5",
            "ARS",
            "USD",
            "entrada",
            "salida",
            "conteo",
            "delta",
            "aprobado",
            "solicitado",
            "Intendenta",
            "  ",
            '=HYPERLINK("http://x")',
            "<b>x</b>",
            "**x**",
            "ana@x.org",
            "ANA@X.ORG",
            "30.123.456",
            "Narnia",
            "🙂",
            "مرحبا",
        ]
    ),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    st.booleans(),
)


@st.composite
def tab_rows(draw, tab: schema.Tab):
    known = [a for c in tab.columns for a in (c.name, *c.aliases)]
    headers = draw(
        st.lists(
            st.one_of(st.sampled_from(known), st.text(max_size=12), st.none()),
            min_size=0,
            max_size=len(tab.columns) + 3,
        )
    )
    rows = draw(st.lists(st.lists(cells, max_size=len(headers) + 2), max_size=8))
    return [headers, *rows]


@st.composite
def workbooks(draw):
    chosen = draw(st.lists(st.sampled_from(TABS), unique_by=lambda t: t.name, max_size=len(TABS)))
    tabs = {t.name: draw(tab_rows(t)) for t in chosen}
    return RawWorkbook(tabs=tabs, serial_dates=draw(st.booleans()))


def used_rows(snap: Snapshot) -> set[tuple[str, int]]:
    used = {("Inscripciones", r) for p in snap.personas for r in p.rows}
    used |= {("Acreditaciones", s.row) for s in snap.scans} | {("Salas", s.row) for s in snap.salas}
    used |= {("Agenda", s.row) for s in snap.agenda} | {("Apoyos", a.row) for a in snap.apoyos}
    used |= {("Presupuesto", p.row) for p in snap.presupuesto} | {("Conteos", c.row) for c in snap.conteos}
    used |= {("Ciudades", c.row) for c in snap.ciudades}
    return used


def blank(c) -> bool:
    return c is None or (isinstance(c, str) and not c.strip())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workbooks())
def test_every_row_is_used_or_reported(raw: RawWorkbook):
    snap = build_snapshot(raw, Fuente("archivo", "hipótesis", READ_AT))
    for as_of in (at("08:00"), at("12:00"), at("23:59")):
        metrics.resumen_json(snap, as_of)
        metrics.curva_llegadas(snap, as_of)
        for campo in metrics.CUADROS:
            metrics.cuadro_socios(snap, as_of, campo)
        metrics.cola_apoyos(snap)
        metrics.seguimiento_apoyos(snap, as_of)
    metrics.buscar_personas(snap, "ana")
    used = used_rows(snap)
    reported = {(p.tab, p.row) for p in snap.problems}
    for name, rows in raw.tabs.items():
        # Data rows are those below the header row (DESIGN: the first of the first five rows that
        # names known columns); what sits above it may only be a title: one filled cell at most.
        h = schema.TAB_BY_NAME[name].header_row(rows)
        assert all(sum(not blank(c) for c in row) <= 1 for row in rows[:h]), f"{name}: datos tomados por título"
        for n, row in enumerate(rows[h + 1 :], start=h + 2):
            if all(blank(c) for c in row):
                continue
            assert (name, n) in used or (name, n) in reported, f"{name} fila {n} ni usada ni reportada: {row!r}"
    for p in snap.problems:
        assert p.reason and isinstance(p.value, str)


# --- Merging rows never turns a field someone gave into a blank (issue 12) ---------------------

MERGED_TEXT = ("nombre", "apellido", "cargo", "institucion", "ciudad", "provincia", "apoyo")
MERGE_HEADERS = [
    "Marca temporal",
    "Dirección de correo electrónico",
    "Nombre",
    "Apellido",
    "Cargo",
    "Rol",
    "Institución",
    "Ciudad",
    "Provincia",
    "Género",
    "Solicita apoyo",
]
maybe = st.one_of(
    st.just(""), st.just("  "), st.none(), st.sampled_from(["Ana", "Intendenta", "Periodista", "Mendoza", "Sí", "x"])
)
genders = st.one_of(st.just(""), st.none(), st.sampled_from(["Femenino", "M", "no binario", "???"]))


@st.composite
def rows_of_one_person(draw):
    n = draw(st.integers(min_value=2, max_value=6))
    days = draw(st.lists(st.integers(min_value=1, max_value=28), min_size=n, max_size=n, unique=True))
    rows = []
    for d in days:
        email = draw(st.sampled_from(["ana@x.org", "ANA@x.org ", " Ana@X.org"]))
        rows.append(
            [
                f"{d}/5/2025 10:00:00",
                email,
                draw(maybe),
                draw(maybe),
                draw(maybe),
                draw(st.sampled_from(["", "Intendencia", "Prensa", None])),
                draw(maybe),
                draw(maybe),
                draw(maybe),
                draw(genders),
                draw(maybe),
            ]
        )
    return rows


@settings(max_examples=200, deadline=None)
@given(rows_of_one_person())
def test_merging_never_changes_a_non_blank_field_into_blank(rows):
    snap = build_snapshot(
        RawWorkbook(tabs={"Inscripciones": [MERGE_HEADERS, *rows]}), Fuente("archivo", "hipótesis", READ_AT)
    )
    (p,) = snap.personas
    latest_first = sorted(rows, key=lambda r: int(r[0].split("/")[0]), reverse=True)
    for field_name in MERGED_TEXT:
        col = MERGE_HEADERS.index(
            {
                "nombre": "Nombre",
                "apellido": "Apellido",
                "cargo": "Cargo",
                "institucion": "Institución",
                "ciudad": "Ciudad",
                "provincia": "Provincia",
                "apoyo": "Solicita apoyo",
            }[field_name]
        )
        given_values = [r[col].strip() for r in latest_first if not blank(r[col])]
        # the latest non-blank value wins; a blank never does when someone gave a value
        assert getattr(p, field_name) == (given_values[0] if given_values else "")
    gave_role = any(not blank(r[4]) or not blank(r[5]) for r in rows)
    assert bool(p.rol_raw) == gave_role
    if any(not blank(r[5]) for r in rows):
        assert p.rol in ("intendencia", "prensa")
    known = [g for g in (r[9] for r in latest_first) if not blank(g) and g != "???"]
    assert (p.genero != "sin_dato") == bool(known)
