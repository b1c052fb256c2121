"""The configuration file shared by the app and the CLI: where it is, what it may say.

Read from the TOML file named by ``FORO_SECRETS``, else ``.streamlit/secrets.toml``; a missing
file means the embedded demo. Every ``[foro]`` key is described in ``SETTINGS`` (the README's
table is checked against it by a test).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalogue.config import ConfigCode as K
from .errors import ForoError
from .replay import DAY_END, parse_hhmm


class ConfigError(ForoError):
    """The configuration file is unusable: a ``ConfigCode`` and its sentence (``reason`` in Spanish,
    ``reason_in(lang)`` for the page's viewer)."""


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("fuente", "demo", 'De dónde salen los datos: "demo", "archivo" o "gsheets".'),
    Setting("planilla", "", 'URL completa de la planilla de Google o solo su clave (fuente = "gsheets").'),
    Setting("archivo", "", 'Ruta a un .xlsx o a una carpeta con un .csv por pestaña (fuente = "archivo").'),
    Setting("refresco_segundos", 15, "Cada cuántos segundos se relee la fuente (mínimo 5)."),
    Setting(
        "red",
        False,
        "true: ./app.sh escucha en la red del lugar (Wi-Fi de la sede) e imprime la dirección y el QR de cada rol; igual que ./app.sh --red.",
    ),
    Setting(
        "proxy_confiable", False, "true solo si el tablero está detrás de un proxy propio que agrega X-Forwarded-For."
    ),
    Setting(
        "redis_url",
        "",
        "Varias réplicas: dirección de Redis (redis://host:6379/0) para leer la planilla una sola vez por "
        "intervalo entre todas; también FORO_REDIS_URL.",
    ),
    Setting("zona_horaria", "America/Argentina/Mendoza", "Zona horaria del evento si la pestaña Evento no la indica."),
    Setting("demo_inicio", "08:00", "Demo: hora del día del foro en la que arranca el reloj de ensayo."),
    Setting("demo_velocidad", 60.0, "Demo: minutos del foro que pasan por cada minuto real (1 = tiempo real)."),
)
SETTING_BY_KEY = {s.key: s for s in SETTINGS}
MIN_REFRESH_SECONDS = 5
SOURCES = ("demo", "archivo", "gsheets")


@dataclass(frozen=True)
class Config:
    foro: dict[str, Any] = field(default_factory=dict)
    service_account: dict[str, Any] | None = None
    acceso: dict[str, str] = field(default_factory=dict)
    path: Path | None = None  # the file it came from, None when there was none

    def get(self, key: str) -> Any:
        return self.foro.get(key, SETTING_BY_KEY[key].default)

    @property
    def fuente(self) -> str:
        return str(self.get("fuente"))

    @property
    def refresco_segundos(self) -> float:
        return max(MIN_REFRESH_SECONDS, float(self.get("refresco_segundos")))

    @property
    def is_demo(self) -> bool:
        return self.fuente == "demo"

    def identifiers(self) -> tuple[str, ...]:
        """What a failure's reason may name that only organisers should read (access.reason_for):
        the Sheet's URL or key, the service account's e-mail, file paths."""
        sa = self.service_account or {}
        found = (self.get("planilla"), self.get("archivo"), sa.get("client_email"), str(self.path or ""))
        return tuple(str(x) for x in found if x)


def config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit)
    env = os.environ.get("FORO_SECRETS")
    if env:
        return Path(env)
    return Path(".streamlit") / "secrets.toml"


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Load the configuration. An explicitly named file must exist; the default one may not."""
    p = config_path(path)
    explicit = bool(path) or bool(os.environ.get("FORO_SECRETS"))
    if not p.exists():
        if explicit:
            raise ConfigError(K.NO_EXISTE, ruta=p)
        return Config()
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(K.NO_ES_TOML, ruta=p, detalle=e) from None
    return config_from_dict(data, p)


def _check_demo_clock(foro: dict[str, Any]) -> None:
    """The rehearsal clock runs inside the forum day: start before 20:00, speed above zero."""
    inicio = str(foro.get("demo_inicio", SETTING_BY_KEY["demo_inicio"].default))
    at = parse_hhmm(inicio)
    if at is None or at >= DAY_END:
        raise ConfigError(K.DEMO_INICIO, inicio=inicio) from None
    try:
        ok = float(foro.get("demo_velocidad", SETTING_BY_KEY["demo_velocidad"].default)) > 0
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise ConfigError(K.DEMO_VELOCIDAD)


def config_from_dict(data: dict[str, Any], path: Path | None = None) -> Config:
    foro = dict(data.get("foro") or {})
    unknown = sorted(set(foro) - set(SETTING_BY_KEY))
    if unknown:
        raise ConfigError(K.CLAVE_DESCONOCIDA, claves=", ".join(unknown))
    fuente = str(foro.get("fuente", "demo"))
    if fuente not in SOURCES:
        raise ConfigError(K.FUENTE_INVALIDA, fuente=fuente)
    if fuente == "archivo" and not foro.get("archivo"):
        raise ConfigError(K.FALTA_ARCHIVO)
    try:
        float(foro.get("refresco_segundos", 15))
    except (TypeError, ValueError):
        raise ConfigError(K.REFRESCO) from None

    _check_demo_clock(foro)
    service_account = data.get("gcp_service_account")
    gs = (data.get("connections") or {}).get("gsheets")
    if service_account is None and gs:
        # The st-gsheets-connection layout: the key's fields sit beside `spreadsheet`.
        service_account = {k: v for k, v in gs.items() if k not in ("spreadsheet", "worksheet")}
        if gs.get("spreadsheet") and not foro.get("planilla"):
            foro["planilla"] = gs["spreadsheet"]
            foro.setdefault("fuente", "gsheets")
    if fuente == "gsheets" or foro.get("fuente") == "gsheets":
        if not foro.get("planilla"):
            raise ConfigError(K.FALTA_PLANILLA)
        if not service_account:
            raise ConfigError(K.FALTA_CUENTA)
    acceso = {str(k): str(v) for k, v in (data.get("acceso") or {}).items() if str(v)}
    return Config(foro=foro, service_account=service_account, acceso=acceso, path=path)
