"""The venue on its Wi-Fi (issue 15): each role's address and QR, the organiser-only passcodes,
``./app.sh --red`` / ``[foro] red`` and the start banner."""

from __future__ import annotations

import ipaddress
import subprocess
import sys
from pathlib import Path

import pytest

from foro_data import sede
from foro_data.config import config_from_dict
from tests.apptest import assert_clean, open_page
from ui.i18n import t

ROOT = Path(__file__).resolve().parent.parent
CLAVES = {"organizacion": "org-secreta-1", "coordinacion": "coord-secreta-2", "socios": "socios-secreta-3"}


def test_the_lan_address_is_found_offline_and_is_never_loopback() -> None:
    ip = sede.lan_ip()
    if ip is not None:
        assert not ipaddress.ip_address(ip).is_loopback


@pytest.mark.parametrize(
    ("host", "scheme", "expected"),
    [
        ("192.168.0.7:8501", "http", "http://192.168.0.7:8501"),
        ("foro.example.org", "https", "https://foro.example.org"),
        ("localhost:8501", "http", "http://10.1.2.3:8501"),
        ("127.0.0.1:8501", "http", "http://10.1.2.3:8501"),
        ("[::1]:8501", "http", "http://10.1.2.3:8501"),
        (None, "http", "http://10.1.2.3:8501"),
    ],
)
def test_phones_get_the_address_the_organiser_used_unless_it_only_works_on_this_laptop(
    host: str | None, scheme: str, expected: str
) -> None:
    assert sede.base_url(host, scheme=scheme, ip="10.1.2.3", port=8501) == expected


def test_coordinators_and_partners_carry_their_passcode_only_when_asked_and_organisers_never() -> None:
    doors = {e.rol: e for e in sede.entradas("http://10.0.0.5:8501", CLAVES, con_claves=True)}
    assert doors["coordinacion"].url == "http://10.0.0.5:8501/salas?clave=coord-secreta-2"
    assert doors["socios"].url == "http://10.0.0.5:8501/socios?clave=socios-secreta-3"
    assert doors["coordinacion"].lleva_clave and doors["socios"].lleva_clave
    assert doors["pantalla"].url == "http://10.0.0.5:8501/en-vivo?kiosk=1"
    assert not any(CLAVES["organizacion"] in e.url for e in doors.values())
    safe = sede.entradas("http://10.0.0.5:8501", CLAVES, con_claves=False)
    assert not any(c in e.url for e in safe for c in CLAVES.values())
    assert not any(e.lleva_clave for e in safe)


def test_a_passcode_with_reserved_characters_survives_the_address() -> None:
    door = sede.entradas("http://h", {"coordinacion": "a&b=c d"}, con_claves=True)[2]
    assert door.url == "http://h/salas?clave=a%26b%3Dc+d"


def test_qr_codes_are_real_images_and_terminal_blocks() -> None:
    png = sede.qr_png("http://10.0.0.5:8501/salas")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 200
    rows = sede.qr_terminal("http://10.0.0.5:8501/").splitlines()
    assert len(rows) >= 12 and len({len(r) for r in rows if r}) == 1  # a square of equal rows


def _cli(*args: str, secrets: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "foro_data", "sede", "--secrets", str(secrets), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_start_banner_names_every_role_and_never_prints_a_passcode(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text("[foro]\nred = true\n[acceso]\n" + "".join(f'{k} = "{v}"\n' for k, v in CLAVES.items()))
    out = _cli("--puerto", "8600", secrets=secrets)
    assert out.returncode == 0, out.stderr
    assert ":8600/salas" in out.stdout and ":8600/en-vivo?kiosk=1" in out.stdout and ":8600/socios" in out.stdout
    assert not any(c in out.stdout for c in CLAVES.values())
    assert "Calidad de datos" in out.stdout  # where the addresses with a passcode are
    assert "█" in out.stdout or "▀" in out.stdout  # the QR
    assert _cli("--activa", secrets=secrets).returncode == 0
    secrets.write_text('[foro]\nfuente = "demo"\n')
    assert _cli("--activa", secrets=secrets).returncode == 1
    ip = _cli("--ip", secrets=secrets).stdout.strip()
    ipaddress.ip_address(ip)


def test_red_is_a_documented_setting_and_must_be_a_boolean_to_switch_on() -> None:
    assert config_from_dict({"foro": {"red": True}}).get("red") is True
    assert config_from_dict({}).get("red") is False


def test_app_sh_documents_red_and_listens_on_every_interface() -> None:
    text = (ROOT / "app.sh").read_text(encoding="utf-8")
    assert "./app.sh --red" in text and "--server.address 0.0.0.0" in text and "--browser.serverAddress" in text


def test_the_organisers_page_shows_each_door_with_a_qr_and_warns_on_the_passcode_ones() -> None:
    at = open_page("calidad")
    assert_clean(at)
    codes = [c.value for c in at.code]
    assert any(c.endswith("/en-vivo?kiosk=1") for c in codes)
    assert len(at.get("image")) == len(codes) == 5
    # Demo data has no passcodes configured: no address carries one, so no warning.
    assert not any(t("sede.aviso_clave", "es", rol="")[:20] in w.value for w in at.warning)


def test_community_cloud_secrets_pasted_in_the_settings_are_read_when_there_is_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.apptest import DASHBOARD, rendered

    folder = tmp_path / "libro"
    folder.mkdir()
    (folder / "Inscripciones.csv").write_text(
        "Nombre,Apellido,Ciudad,País\nAna,Paz,Mendoza,Argentina\n", encoding="utf-8"
    )
    monkeypatch.delenv("FORO_SECRETS", raising=False)
    monkeypatch.setenv("FORO_CACHE_DIR", str(tmp_path / "cache"))
    assert not (ROOT / ".streamlit" / "secrets.toml").exists(), "this test needs the repository without a secrets file"
    from ui import data

    data._config_cached.clear()  # an earlier test of this process may have cached "no file: demo"
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.secrets["foro"] = {"fuente": "archivo", "archivo": str(folder)}
    try:
        at.run()
        assert_clean(at)
        snap, _ = rendered(at)
        assert snap.fuente.tipo == "archivo" and len(snap.personas) == 1
    finally:
        data._config_cached.clear()  # the next test of this process must not inherit this folder
