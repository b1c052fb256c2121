"""The configuration loader shared by the app and the CLI, and the README's table of settings."""

import re
from pathlib import Path

import pytest

from foro_data.config import SETTINGS, ConfigError, config_from_dict, load_config

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(\w+)` \|", readme, flags=re.M))
    assert documented == {s.key for s in SETTINGS}


def test_no_file_means_demo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORO_SECRETS", raising=False)
    assert load_config().is_demo


def test_foro_secrets_names_the_file(tmp_path, monkeypatch):
    f = tmp_path / "x.toml"
    f.write_text('[foro]\nfuente = "archivo"\narchivo = "a.xlsx"\nrefresco_segundos = 2\n', encoding="utf-8")
    monkeypatch.setenv("FORO_SECRETS", str(f))
    c = load_config()
    assert c.fuente == "archivo" and c.refresco_segundos == 5  # the minimum


@pytest.mark.parametrize(
    "data, message",
    [
        ({"foro": {"fuente": "excel"}}, "no es válida"),
        ({"foro": {"fuente": "archivo"}}, "necesita archivo"),
        ({"foro": {"fuente": "gsheets", "planilla": "abc"}}, "cuenta de servicio"),
        ({"foro": {"refresco": 3}}, "Clave desconocida"),
        ({"foro": {"demo_inicio": "21:00"}}, "demo_inicio"),
        ({"foro": {"demo_inicio": "ocho"}}, "demo_inicio"),
        ({"foro": {"demo_velocidad": 0}}, "demo_velocidad"),
    ],
)
def test_bad_configuration_is_one_spanish_sentence(data, message):
    with pytest.raises(ConfigError, match=message):
        config_from_dict(data)


def test_st_gsheets_connection_layout_is_accepted():
    c = config_from_dict(
        {
            "connections": {
                "gsheets": {
                    "spreadsheet": "https://docs.google.com/spreadsheets/d/KEY/edit",
                    "type": "service_account",
                    "client_email": "a@b",
                }
            }
        }
    )
    assert c.fuente == "gsheets" and c.get("planilla").endswith("/edit")
    assert c.service_account == {"type": "service_account", "client_email": "a@b"}
