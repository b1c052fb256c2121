"""Every page × role × language in demo mode through AppTest: no exception, figures equal metrics,
forbidden pages refused; and the fail-closed rule with a real (local file) source."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from foro_data import access, metrics
from tests.apptest import (
    DASHBOARD,
    EXISTING,
    LANGS,
    PAGE_FILES,
    ROLES,
    ROOT,
    TIMEOUT,
    assert_clean,
    headline,
    open_page,
    rendered,
    use_config,
)
from ui import fmt
from ui.frame import REDRAW_KEY
from ui.i18n import t

pytestmark = pytest.mark.usefixtures("demo_config")


def check_figures(page: str, at: AppTest, lang: str) -> None:
    """The figures on the page equal metrics for the Snapshot and time the page rendered."""
    snap, as_of = rendered(at)
    shown = {m.label: m.value for m in at.metric} | {f.label: f.value for f in headline(at)}
    from ui.i18n import t

    if page == "en_vivo":
        c = metrics.cifras(snap, as_of)
        expected = {
            "vivo.inscriptos": c.inscriptos,
            "vivo.acreditados": c.acreditados,
            "vivo.presentes": c.presentes,
            "vivo.intendencias": c.intendencias_acreditadas,
            "vivo.sin_inscripcion": c.sin_inscripcion,
        }
        for key, n in expected.items():
            assert shown[t(key, lang)] == fmt.number(n, lang)
        assert c.inscriptos > 0
    elif page == "salas":
        salas = metrics.ocupacion_salas(snap, as_of)
        values = [m.value for m in at.metric]
        assert values == [
            f"{fmt.number(o.ocupacion, lang) if o.ocupacion is not None else '—'} / "
            f"{fmt.number(o.capacidad, lang) if o.capacidad else '—'}"
            for o in salas
        ]
    elif page == "socios":
        assert shown[t("socios.asistencia", lang)] == fmt.percent(metrics.asistencia_general(snap, as_of), lang)
    elif page == "apoyos":
        fondos = metrics.fondos(snap)
        df = at.dataframe[0].value
        assert list(df.iloc[:, 0]) == [f.moneda for f in fondos]
        assert list(df.iloc[:, 4]) == [fmt.money(f.disponible, f.moneda, lang) for f in fondos]
        assert len(at.dataframe[1].value) == len(metrics.cola_apoyos(snap))
    elif page == "personas":
        assert len(at.dataframe[0].value) == len(snap.personas)
    elif page == "mapa":
        # A Markdown table now (the data grid's JavaScript made the page too heavy: issue 13.6).
        table = next(m.value for m in at.markdown if m.value.startswith(f"| {t('col.pais', lang)} |"))
        paises = [[c.strip() for c in line.split("|")[1:-1]] for line in table.splitlines()[2:]]
        if at.session_state["_rol_base"] == "organizacion" and "rol" not in at.query_params:
            assert sum(int(r[1]) for r in paises) == len(snap.personas)
        # The map is one SVG image now (no Plotly: issue 13.6); tests/test_svg_map.py counts its
        # bubbles, one per resolved city, and the page says how many cities it shows.
        lugares = metrics.por_lugar(snap, as_of)[0]
        assert at.get("image") and len(lugares) >= 10
        assert shown[t("mapa.lugares", lang)] == fmt.number(len(lugares), lang)
    elif page == "calidad":
        problem_rows = sum(len(d.value) for d in at.dataframe[:-2])
        assert problem_rows == len(snap.problems)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", EXISTING)
def test_page_role_language(page, role, lang):
    if not access.may_open(role, page):
        at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
        at.query_params.update({"lang": lang, "rol": role})
        at.run()
        assert_clean(at)
        # The navigation does not even register the page for this role...
        with pytest.raises(ValueError):
            at.switch_page(PAGE_FILES[page])
        # ...and the page itself refuses a direct visit.
        direct = AppTest.from_file(str(ROOT / PAGE_FILES[page]), default_timeout=TIMEOUT)
        direct.query_params.update({"lang": lang, "rol": role})
        direct.run()
        assert_clean(direct)
        assert direct.warning and not direct.metric and not direct.dataframe
        return
    at = open_page(page, role, lang)
    assert_clean(at)
    check_figures(page, at, lang)
    # The demo ribbon is on every page.
    from ui.i18n import t

    assert any(t("banner.demo", lang).split(" —")[0][2:] in m.value for m in at.markdown)


def test_kiosk_has_no_controls():
    at = open_page("en_vivo", kiosk="1")
    assert_clean(at)
    assert len(headline(at)) == 5
    # The only button is the hidden one the browser clicks to redraw (ui.frame.redraw_button).
    assert [b.key for b in at.button] == [REDRAW_KEY]
    assert not at.selectbox and not at.text_input and not at.slider and not at.toggle


def test_salas_pins_one_room():
    at = open_page("salas")
    snap, as_of = rendered(at)
    name = metrics.ocupacion_salas(snap, as_of)[1].sala
    pinned = open_page("salas", sala=name.upper())  # the name is matched like every Sheet text
    assert_clean(pinned)
    assert len(pinned.metric) == 1
    assert any(name in m.value for m in [*pinned.markdown, *pinned.subheader])
    unknown = open_page("salas", sala="no existe")
    assert len(unknown.metric) == len(metrics.ocupacion_salas(snap, as_of))


def test_organiser_chooses_the_time():
    at = open_page("en_vivo")
    at.toggle[0].set_value(True).run()
    snap, _ = rendered(at)
    start, end = metrics.dia_del_foro(snap)
    at.slider[0].set_value(start.replace(hour=9, minute=0, tzinfo=None)).run()
    assert_clean(at)
    snap, as_of = rendered(at)
    assert (as_of.hour, as_of.minute) == (9, 0)
    c = metrics.cifras(snap, as_of)
    assert headline(at)[1].value == fmt.number(c.acreditados, "es")


def test_salas_trend_since_last_refresh():
    at = open_page("salas")
    at.toggle[0].set_value(True).run()
    snap, _ = rendered(at)
    start, _ = metrics.dia_del_foro(snap)
    at.slider[0].set_value(start.replace(hour=10, minute=45, tzinfo=None)).run()
    _, before_at = rendered(at)
    at.slider[0].set_value(start.replace(hour=11, minute=30, tzinfo=None)).run()
    assert_clean(at)
    _, now_at = rendered(at)
    cambios = metrics.variacion(metrics.ocupacion_salas(snap, before_at), metrics.ocupacion_salas(snap, now_at))
    shown = [m.proto.delta for m in at.metric]
    expected = [f"{cambios[o.sala]:+d}" if cambios[o.sala] else "" for o in metrics.ocupacion_salas(snap, now_at)]
    assert shown == expected
    assert any(expected), "the demo rooms change between 09:00 and 10:30, so the test can fail"


def test_personas_search_and_filters():
    at = open_page("personas")
    snap, as_of = rendered(at)
    someone = snap.personas[10]
    at.text_input[0].set_value(someone.apellido).run()
    assert_clean(at)
    names = list(at.dataframe[0].value.iloc[:, 0])
    assert someone.nombre_completo in names
    at.text_input[0].set_value("").run()
    at.multiselect[0].set_value(["intendencia"]).run()
    assert len(at.dataframe[0].value) == sum(1 for p in snap.personas if p.es_intendencia)


def test_language_switch_from_sidebar():
    at = open_page("en_vivo")
    at.selectbox[0].set_value("pt").run()
    assert_clean(at)
    assert headline(at)[0].label == "Inscritos"


# --- a real source: passcodes and the fail-closed rule --------------------------------------

WORKBOOK = {
    "Inscripciones.csv": "Nombre,Apellido,Correo electrónico,DNI,Cargo,Ciudad,País\n"
    "Ana,Pérez,ana@x.org,20111222,Intendenta,Godoy Cruz,Argentina\n"
    "Bruno,Souza,bruno@x.org,30111222,Prefeito,Porto Alegre,Brasil\n",
    "Acreditaciones.csv": "Marca temporal,Correo electrónico\n19/6/2025 8:15:00,ana@x.org\n",
}


@pytest.fixture()
def real_source(tmp_path, monkeypatch):
    folder = tmp_path / "libro"
    folder.mkdir()
    for name, text in WORKBOOK.items():
        (folder / name).write_text(text, encoding="utf-8")

    def configure(acceso: str = "") -> None:
        use_config(
            monkeypatch,
            tmp_path / "real.toml",
            f'[foro]\nfuente = "archivo"\narchivo = "{folder}"\n{acceso}',
            tmp_path / "cache",
        )

    yield configure


def test_sheet_text_is_never_markup(tmp_path, monkeypatch):
    folder = tmp_path / "libro"
    folder.mkdir()
    evil_room = "Sala <b>1</b> [clic](http://evil.example)"
    evil_activity = "**Taller** :red[rojo] <img src=x onerror=alert(1)>"
    files = {
        **WORKBOOK,
        "Salas.csv": f'Sala,Capacidad\n"{evil_room}",40\n',
        "Agenda.csv": f'Inicio,Fin,Sala,Actividad\n19/6/2025 8:00:00,19/6/2025 23:59:00,"{evil_room}","{evil_activity}"\n',
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    use_config(
        monkeypatch, tmp_path / "evil.toml", f'[foro]\nfuente = "archivo"\narchivo = "{folder}"\n', tmp_path / "cache"
    )
    for page in ("en_vivo", "salas"):
        at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT).run()
        if page != "en_vivo":
            at.switch_page(PAGE_FILES[page]).run()
        assert_clean(at)
        md = "\n".join(m.value for m in [*at.markdown, *at.subheader])
        # En vivo's room strip is one HTML block: there Markdown is plain text, HTML is escaped.
        markup = "\n".join(str(h.proto.body) for h in at.get("html"))
        assert "evil" in md + markup, "the room is on screen, so the test can fail"
        for raw in ("<b>", "](http", "**Taller**", ":red[", "<img"):
            assert raw not in md, (page, raw)
        for raw in ("<b>1", "<img src=x"):  # the arrival chart is an <img> of ours
            assert raw not in markup, (page, raw)
        assert "\\<b\\>" in md or "&lt;b&gt;1&lt;/b&gt;" in markup


def _registered(at: AppTest) -> set[str]:
    ok = set()
    for page in EXISTING:
        try:
            at.switch_page(PAGE_FILES[page])
            ok.add(page)
        except ValueError:
            pass
    return ok


def test_real_source_without_passcodes_fails_closed(real_source):
    real_source()
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT).run()
    assert_clean(at)
    assert _registered(at) == set(EXISTING) & access.AGGREGATE_PAGES
    assert not any("demostración" in m.value for m in at.markdown)
    assert any(w.value == __import__("ui.i18n").i18n.t("acceso.sin_claves") for w in at.sidebar.info)
    # Even a passcode cannot open more: there is none to match.
    at2 = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    at2.query_params["clave"] = "adivinanza"
    at2.run()
    assert _registered(at2) == set(EXISTING) & access.AGGREGATE_PAGES


def test_real_source_passcodes(real_source):
    real_source('\n[acceso]\norganizacion = "org-1"\nsocios = "soc-2"\n')
    public = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT).run()
    assert _registered(public) == set(EXISTING) & access.AGGREGATE_PAGES

    partner = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    partner.query_params["clave"] = "soc-2"
    partner.run()
    assert_clean(partner)
    assert _registered(partner) == set(access.allowed_pages("socios")) & set(EXISTING)

    organiser = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT).run()
    organiser.sidebar.text_input[0].input("org-1")
    organiser.sidebar.button[0].click().run()
    assert_clean(organiser)
    assert _registered(organiser) == set(EXISTING)
    assert headline(organiser)[0].value == "2"

    leaving = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT).run()
    leaving.sidebar.text_input[0].input("org-1")
    leaving.sidebar.button[0].click().run()
    assert leaving.session_state["_rol_base"] == "organizacion"
    leaving.sidebar.button(key="_salir").click().run()
    assert leaving.session_state["_rol_base"] == "publico"
    assert leaving.sidebar.text_input  # the passcode form is back

    wrong = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT).run()
    wrong.sidebar.text_input[0].input("nope")
    wrong.sidebar.button[0].click().run()
    assert wrong.sidebar.error
    assert wrong.session_state["_claves_fallidas"] == 1
    assert _registered(wrong) == set(EXISTING) & access.AGGREGATE_PAGES


def test_stale_banner_keeps_the_figures():
    def app():
        from datetime import timedelta

        from foro_data.config import Config
        from foro_data.errors import Said
        from tests.workbooks import INSCRIPCIONES_HEADERS, person, snapshot
        from ui.frame import Ctx, banners

        snap = snapshot(Inscripciones=[INSCRIPCIONES_HEADERS, person("Ana", "Pérez", "a@x.org")])
        snap = snap.marked_stale(Said.of("sheets_servidor", status=503))
        now = snap.fuente.leido_en + timedelta(seconds=95)
        banners(Ctx(Config(), snap, snap.fuente.leido_en, "es", "organizacion", False), now)

    at = AppTest.from_function(app, default_timeout=TIMEOUT).run()
    assert_clean(at)
    assert len(at.warning) == 1
    text = at.warning[0].value
    assert "desactualizados" in text and "19/6 20:00" in text and "1 min" in text and "503" in text


def test_config_error_is_a_sentence(tmp_path, monkeypatch):
    bad = tmp_path / "bad.toml"
    use_config(monkeypatch, bad, '[foro]\nfuente = "nube"\n', tmp_path / "cache")
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.error and "nube" in at.error[0].value


def test_kiosk_rotation_follows_the_wall_clock():
    from ui.frame import rotation_target

    pages = ("en_vivo", "salas", "mapa")
    assert [rotation_target(pages, t, 30) for t in (0, 29, 30, 60, 90)] == [
        "en_vivo",
        "en_vivo",
        "salas",
        "mapa",
        "en_vivo",
    ]
    at = open_page("en_vivo", kiosk="1", rotar="10")
    assert_clean(at)
    # Whatever slot the clock is in, the screen ends on a rotation page with its figures drawn.
    assert at.metric or headline(at) or at.get("image")


@pytest.mark.parametrize("lang", LANGS)
def test_calidad_lists_the_raw_values_counted_as_otro(lang):
    at = open_page("calidad", lang=lang)
    assert_clean(at)
    snap, _ = rendered(at)
    otro = metrics.roles_otro(snap)
    assert otro, "the demo has people in «otro»"
    shown = "\n".join(m.value for m in at.markdown)
    for raw, n in otro:
        expected = t("sin_dato", lang) if raw == metrics.SIN_DATO else raw
        assert f"{fmt.md_escape(expected)} · {fmt.number(n, lang)}" in shown
