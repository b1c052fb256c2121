"""Writing from the venue through the app (AppTest) against the local fake Sheets server: room tallies
on Salas, the accreditation desk (accredit, already accredited, undo, walk-in), who may do what, and
the demo, which writes nothing and says so."""

from __future__ import annotations

import doctest
import json
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator
from zoneinfo import ZoneInfo

import pytest
from streamlit.testing.v1 import AppTest

from foro_data.config import load_config
from foro_data.schema import fold
from foro_data.sources.gsheets import API_URL_ENV
from foro_data.writes import Writer
from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet
from tests.sheets_fixtures import forum_tabs
from ui import tally, writing
from ui.frame import RAISE_ENV
from ui.i18n import t

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = str(ROOT / "dashboard.py")
TIMEOUT = 60
TZ = ZoneInfo("America/Argentina/Mendoza")
CLAVES = {"organizacion": "org-1", "coordinacion": "coord-2", "socios": "soc-3"}


def writable_tabs() -> dict[str, list[list[Any]]]:
    """The forum workbook with the columns the writes need (id_operacion, a Conteos tab)."""
    tabs = forum_tabs()
    tabs["Inscripciones"][0] = tabs["Inscripciones"][0] + ["ID", "Institución"]
    tabs["Acreditaciones"][0] = tabs["Acreditaciones"][0] + ["id_operacion", "DNI", "ID"]
    tabs["Conteos"] = [["Marca temporal", "Sala", "Tipo", "Valor", "Registrado por", "ID de operación"]]
    return tabs


@pytest.fixture()
def fake() -> Iterator[FakeSheetsServer]:
    with FakeSheetsServer() as server:
        server.add(FakeSpreadsheet.from_tabs(writable_tabs()))
        yield server


def secrets_toml(fake: FakeSheetsServer, service_account: dict[str, str]) -> str:
    """The app's configuration for the fake Sheet, with a passcode per role."""
    sa = dict(service_account, token_uri=fake.token_uri)
    lines = [
        "[foro]",
        'fuente = "gsheets"',
        f'planilla = "{fake.book().id}"',
        "refresco_segundos = 5",
        "",
        "[acceso]",
        *(f'{r} = "{c}"' for r, c in CLAVES.items()),
        "",
        "[gcp_service_account]",
    ]
    lines += [f"{k} = {json.dumps(v)}" for k, v in sa.items()]
    return "\n".join(lines) + "\n"


@pytest.fixture()
def sheet(
    fake: FakeSheetsServer, throwaway_service_account: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Writer]:
    """The app configured on the fake Sheet with passcodes; yields the app's own Writer with its
    sender thread stopped, so the test decides when rows go to the Sheet."""
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(secrets_toml(fake, throwaway_service_account), encoding="utf-8")
    monkeypatch.setenv("FORO_SECRETS", str(secrets))
    monkeypatch.setenv("FORO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(API_URL_ENV, fake.url)
    monkeypatch.setenv(RAISE_ENV, "1")
    cfg = load_config()
    writer = writing._shared_writer(writing._writer_key(cfg), cfg)  # the same object the app's pages use
    writer.stop()
    try:
        yield writer
    finally:
        writer.stop()


@pytest.fixture()
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secrets = tmp_path / "demo.toml"
    secrets.write_text('[foro]\nfuente = "demo"\ndemo_inicio = "11:00"\n', encoding="utf-8")
    monkeypatch.setenv("FORO_SECRETS", str(secrets))
    monkeypatch.setenv("FORO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv(API_URL_ENV, raising=False)
    monkeypatch.setenv(RAISE_ENV, "1")


def open_app(page: str, role: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    if role:
        at.query_params["clave"] = CLAVES[role]
    at.query_params.update(params)
    at.run()
    if page != "en_vivo":
        at.switch_page(f"pages/{page}.py").run()
    assert_clean(at)
    return at


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def drain(writer: Writer) -> None:
    """Send everything pending (the sender thread is stopped: this is the only sender)."""
    report = writer.flush(force=True)
    assert not report.reason, report.reason
    assert writer.pending_summary().total == 0


def table(fake: FakeSheetsServer, tab: str) -> list[dict[str, Any]]:
    rows = fake.book().sheet(tab).rows
    header = [str(h) for h in rows[0]]
    return [dict(zip(header, r)) for r in rows[1:] if any(v not in (None, "") for v in r)]


def text_of(at: AppTest) -> str:
    parts = [str(e.value) for kind in ("markdown", "caption", "info", "warning", "success") for e in at.get(kind)]
    return "\n".join(parts).replace("\\", "")


def room(action: str, sala: str = "Plenario") -> str:
    """A room button's widget key, as ui.tally names it."""
    return f"foro-{action}-{writing.key_slug(fold(sala))}"


def person(key: str) -> str:
    """A search result's "Acreditar" key (``fila-4``: the person on Inscripciones row 4)."""
    return f"foro-acreditar-{writing.key_slug(key)}"


def keys(at: AppTest, prefix: str) -> list[str]:
    return [b.key for b in at.button if b.key and b.key.startswith(prefix)]


def plenario_metric(at: AppTest) -> str:
    cards = [m.value for m in at.metric]
    assert len(cards) == 2  # Sala 1, then Plenario
    return cards[1]


def as_sheet_time(value: Any) -> datetime:
    """A Conteos/Acreditaciones timestamp as the fake Sheet stored it (USER_ENTERED)."""
    value = getattr(value, "value", value)  # the fake keeps what a USER_ENTERED date parsed to
    if isinstance(value, datetime):
        return value
    return datetime.strptime(str(value), "%Y-%m-%d %H:%M:%S")


# --- room tallies -------------------------------------------------------------------------------


def test_tally_buttons_write_one_row_each(sheet: Writer, fake: FakeSheetsServer):
    at = open_app("salas", "coordinacion")
    # The name is asked first; no buttons until it is given.
    assert not keys(at, "foro-mas-")
    at.text_input(key=tally.NAME_INPUT).input("Ana Gómez")
    at.button(key="foro-empezar").click().run()
    assert_clean(at)
    assert "Ana Gómez" in text_of(at)
    assert sorted(keys(at, "foro-mas-")) == sorted([room("mas"), room("mas", "Sala 1")])
    assert plenario_metric(at).startswith("— /")  # no tally nor scan at the Plenario yet: "sin dato", not 0

    fake.set_fault("503")  # the Sheet is down: the taps wait in the outbox, the card moves anyway
    at.button(key=room("mas")).click().run()
    at.button(key=room("mas")).click().run()
    at.button(key=room("menos")).click().run()
    assert_clean(at)
    assert plenario_metric(at) == "1 / 600"  # optimistic: +1 +1 −1
    assert "3 escrituras pendientes" in text_of(at)
    assert not table(fake, "Conteos")
    sheet.flush(force=True)
    at.run()
    assert "3 escrituras pendientes" in text_of(at)
    assert "Último error" in text_of(at)

    fake.clear_fault()
    at.number_input(key=room("total")).set_value(40)
    at.button(key=room("guardar")).click().run()
    assert_clean(at)
    assert plenario_metric(at) == "40 / 600"
    drain(sheet)
    at.run()
    assert "Todo guardado" in text_of(at)

    rows = table(fake, "Conteos")
    assert [(r["Sala"], r["Tipo"], r["Valor"], r["Registrado por"]) for r in rows] == [
        ("Plenario", "delta", 1, "Ana Gómez"),
        ("Plenario", "delta", 1, "Ana Gómez"),
        ("Plenario", "delta", -1, "Ana Gómez"),
        ("Plenario", "conteo", 40, "Ana Gómez"),
    ]
    assert len({r["ID de operación"] for r in rows}) == 4
    # The real time of the tap (event time), not the day the Sheet's data is about.
    today = datetime.now(TZ).date()
    assert all(as_sheet_time(r["Marca temporal"]).date() == today for r in rows)


def test_headcount_needs_a_number(sheet: Writer, fake: FakeSheetsServer):
    at = open_app("salas", "coordinacion", sala="Plenario")
    at.text_input(key=tally.NAME_INPUT).input("Ana")
    at.button(key="foro-empezar").click().run()
    at.button(key=room("guardar")).click().run()
    assert_clean(at)
    assert any("Escriba cuántas personas" in w.value for w in at.warning)
    drain(sheet)
    assert not table(fake, "Conteos")


def test_name_can_be_changed(sheet: Writer):
    at = open_app("salas", "coordinacion")
    at.button(key="foro-empezar").click().run()
    assert any("Escriba su nombre" in w.value for w in at.warning)
    assert not keys(at, "foro-mas-")
    at.text_input(key=tally.NAME_INPUT).input("Ana")
    at.button(key="foro-empezar").click().run()
    at.button(key="foro-cambiar-nombre").click().run()
    assert not keys(at, "foro-mas-") and at.text_input(key=tally.NAME_INPUT)


@pytest.mark.parametrize("role", ["organizacion", "socios", None])
def test_only_coordinators_get_tally_buttons(sheet: Writer, role: str | None):
    at = open_app("salas", role)
    assert not keys(at, "foro-mas-") and not keys(at, "foro-menos-")
    assert not at.number_input
    said = [i.value for i in at.info]
    if role == "organizacion":
        assert said == [t("escritura.rol.conteo")]
    else:
        assert not said  # partners and the public screen just see the rooms


def test_read_only_sheet_hides_the_buttons(sheet: Writer, fake: FakeSheetsServer):
    at = open_app("salas", "coordinacion")
    at.text_input(key=tally.NAME_INPUT).input("Ana")
    at.button(key="foro-empezar").click().run()
    at.button(key=room("mas", "Sala 1")).click().run()
    drain(sheet)  # headers known: the next flush goes straight to the append
    at.button(key=room("mas", "Sala 1")).click().run()
    fake.set_fault("403", times=1)  # the service account is only a Lector: Google refuses the append
    sheet.flush(force=True)
    at.run()
    assert_clean(at)
    assert not keys(at, "foro-mas-")
    assert [w.value for w in at.warning] == [t("escritura.solo_lectura")]
    assert len(table(fake, "Conteos")) == 1
    # Shared as Editor again: "Reintentar" sends what was held, and the buttons come back.
    at.button(key="foro-reintentar").click().run()
    drain(sheet)
    at.run()
    assert keys(at, "foro-mas-") and len(table(fake, "Conteos")) == 2


# --- the accreditation desk -----------------------------------------------------------------------


def person_row_state(at: AppTest, key: str) -> tuple[bool, str]:
    """(has an Acreditar button, the desk's text) for one search result."""
    return f"foro-acreditar-{key}" in keys(at, "foro-acreditar-"), text_of(at)


def test_desk_accredit_then_undo(sheet: Writer, fake: FakeSheetsServer):
    at = open_app("acreditacion", "organizacion")
    at.text_input(key="foro-consulta").input("persona2@ejemplo.org").run()
    assert_clean(at)
    button = person("fila-4")  # persona2, the third registration (row 4): not accredited yet
    assert button in keys(at, "foro-acreditar-")
    at.button(key=button).click().run()
    assert_clean(at)
    assert button not in keys(at, "foro-acreditar-")  # the same person cannot be accredited twice
    shown = text_of(at)
    assert "ya acreditado a las" in shown and "Nombre2 Apellido2" in shown
    assert keys(at, "foro-deshacer-")
    drain(sheet)

    rows = [r for r in table(fake, "Acreditaciones") if r.get("id_operacion")]
    assert len(rows) == 1
    (row,) = rows
    assert row["Dirección de correo electrónico"] == "persona2@ejemplo.org"
    assert str(row["DNI"]) == "30000002"
    assert row["Movimiento"] == "entrada" and row["Punto"] == "Acreditación"
    assert as_sheet_time(row["Marca temporal"]).date() == datetime.now(TZ).date()

    at.button(key=keys(at, "foro-deshacer-")[0]).click().run()
    assert_clean(at)
    assert button in keys(at, "foro-acreditar-")  # optimistic: the undo shows at once
    assert not keys(at, "foro-deshacer-")
    drain(sheet)
    rows = [r for r in table(fake, "Acreditaciones") if r.get("id_operacion")]
    assert len(rows) == 2  # the original stays; a compensating row cancels it
    assert rows[1]["Movimiento"] == "anulación"
    assert rows[1]["id_operacion"] == "anula:" + rows[0]["id_operacion"]
    assert rows[1]["Dirección de correo electrónico"] == "persona2@ejemplo.org"


def test_desk_shows_already_accredited(sheet: Writer):
    at = open_app("acreditacion", "organizacion")
    at.text_input(key="foro-consulta").input("persona0@ejemplo.org").run()
    assert not keys(at, "foro-acreditar-")
    shown = text_of(at)
    assert "Nombre0 Apellido0" in shown and "ya acreditado el 19/6 08:00" in shown
    # Accent- and typo-tolerant: "asuncion" finds Asunción, "montevidoe" finds Montevideo.
    at.text_input(key="foro-consulta").input("asuncion").run()
    assert "Asunción" in text_of(at)
    at.text_input(key="foro-consulta").input("montevidoe").run()
    assert "Montevideo" in text_of(at)


def test_walk_in_registers_and_accredits(sheet: Writer, fake: FakeSheetsServer):
    at = open_app("acreditacion", "organizacion")
    before = len(table(fake, "Inscripciones"))
    fill = {
        "nombre": "Lucía",
        "apellido": "Fernández",
        "email": "no-es-mail",
        "documento": "",
        "cargo": "Concejala",
        "institucion": "Concejo Deliberante",
        "ciudad": "Maipú",
        "pais": "Narnia",
    }
    for campo, value in fill.items():
        at.text_input(key=f"foro-ing-{campo}").input(value)
    at.button(key="foro-inscribir").click().run()
    assert_clean(at)
    errors = [m.value for m in at.markdown if m.value.startswith(":red[")]
    assert len(errors) == 2 and "no parece un e-mail" in errors[0].replace("\\", "")
    assert "Narnia" in errors[1]
    drain(sheet)
    assert len(table(fake, "Inscripciones")) == before

    at.text_input(key="foro-ing-email").input("persona5@ejemplo.org")  # already registered
    at.text_input(key="foro-ing-pais").input("Argentina")
    at.button(key="foro-inscribir").click().run()
    assert "Ya hay una inscripción" in text_of(at)

    at.text_input(key="foro-ing-email").input("lucia@maipu.gob.ar")
    at.button(key="foro-inscribir").click().run()
    assert_clean(at)
    assert "Inscripto y acreditado: Lucía Fernández" in text_of(at)
    assert at.text_input(key="foro-ing-nombre").value == ""  # ready for the next person
    assert keys(at, "foro-deshacer-")
    drain(sheet)
    # Google appends after the table found from A1, which may stop at a blank row: find it by e-mail.
    ins = table(fake, "Inscripciones")
    assert len(ins) == before + 1
    new = [r for r in ins if r.get("Dirección de correo electrónico") == "lucia@maipu.gob.ar"]
    assert len(new) == 1
    assert (
        new[0]["Nombre"],
        new[0]["Apellido"],
        new[0]["Dirección de correo electrónico"],
        new[0]["País"],
        new[0]["Institución"],
    ) == ("Lucía", "Fernández", "lucia@maipu.gob.ar", "Argentina", "Concejo Deliberante")
    checkin = [r for r in table(fake, "Acreditaciones") if r.get("id_operacion")]
    assert len(checkin) == 1 and checkin[0]["ID"] == new[0]["ID"] and checkin[0]["Movimiento"] == "entrada"


def test_coordinators_cannot_open_the_desk(sheet: Writer):
    at = open_app("en_vivo", "coordinacion")
    with pytest.raises(ValueError):
        at.switch_page("pages/acreditacion.py")
    direct = AppTest.from_file(str(ROOT / "pages" / "acreditacion.py"), default_timeout=TIMEOUT)
    direct.query_params["clave"] = CLAVES["coordinacion"]
    direct.run()
    assert direct.warning and not direct.text_input and not direct.button


# --- the demo writes nothing ----------------------------------------------------------------------


def test_demo_has_no_write_buttons(demo: None):
    salas = open_app("salas", None, rol="coordinacion")
    assert not keys(salas, "foro-mas-") and not salas.number_input
    assert [i.value for i in salas.info] == [t("escritura.demo.conteo")]

    desk = open_app("acreditacion")
    assert [i.value for i in desk.info] == [t("escritura.demo.acreditacion")]
    desk.text_input(key="foro-consulta").input("garcia").run()
    assert_clean(desk)
    assert any("García" in m.value for m in desk.markdown)  # the search works, read-only
    assert not keys(desk, "foro-acreditar-") and not desk.get("expander")


def test_key_examples():
    assert doctest.testmod(writing).failed == 0
