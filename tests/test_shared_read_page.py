"""The Calidad de datos page says how the replicas share the read: with a real Redis, and with
none answering («sin coordinación»), in each language; the figures are there either way."""

from __future__ import annotations

from typing import Iterator

import pytest

from tests.apptest import assert_clean, open_page, use_config
from tests.redis_server import RedisServer, free_port
from ui.i18n import t

CLAVE = "org-red-1"
WORKBOOK = {
    "Inscripciones.csv": "Nombre,Apellido,Correo electrónico,Ciudad,País\n"
    "Ana,Pérez,ana@x.org,Mendoza,Argentina\nBruno,Souza,bruno@x.org,Porto Alegre,Brasil\n",
}


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with RedisServer() as server:
        yield server


def _configure(tmp_path, monkeypatch, redis_url: str) -> None:
    folder = tmp_path / "libro"
    folder.mkdir()
    for name, text in WORKBOOK.items():
        (folder / name).write_text(text, encoding="utf-8")
    toml = f'[foro]\nfuente = "archivo"\narchivo = "{folder}"\nredis_url = "{redis_url}"\n'
    toml += f'\n[acceso]\norganizacion = "{CLAVE}"\n'
    use_config(monkeypatch, tmp_path / "replica.toml", toml, tmp_path / "cache")
    monkeypatch.delenv("FORO_REDIS_URL", raising=False)


def _health_text(at) -> str:
    return "\n".join(str(v) for d in at.dataframe for v in d.value.to_numpy().ravel())


@pytest.mark.parametrize("lang", ["es", "pt", "en"])
def test_calidad_says_sin_coordinacion_when_redis_does_not_answer(tmp_path, monkeypatch, lang):
    _configure(tmp_path, monkeypatch, f"redis://127.0.0.1:{free_port()}/0")  # nobody listens there
    at = open_page("calidad", lang=lang, clave=CLAVE)
    assert_clean(at)
    assert t("coordinacion.sin_coordinacion", lang) in _health_text(at)
    assert at.session_state["_snap"].fuente.estado == "ok"  # the replica read the file on its own


def test_calidad_says_the_read_is_shared_when_redis_answers(tmp_path, monkeypatch, redis_server):
    _configure(tmp_path, monkeypatch, redis_server.url)
    at = open_page("calidad", clave=CLAVE)
    assert_clean(at)
    assert t("coordinacion.lee", "es") in _health_text(at)
