"""The Google Sheet through gspread: one metadata read when opened, then one values:batchGet per read.

Only what talks HTTP lives here. The refresh guard (one read per interval for the whole server,
back-off, last good Snapshot) is ``foro_data.live``; the disk copy is ``foro_data.sources.cache``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any, Mapping

import requests
from gspread.exceptions import APIError
from gspread.http_client import HTTPClient
from gspread.utils import absolute_range_name, extract_id_from_url

from .. import schema
from ..config import Config
from .base import Cell, RawWorkbook, SourceError

API_URL = "https://sheets.googleapis.com"
API_URL_ENV = "FORO_SHEETS_API_URL"
# Reading needs no more than this; the Sheet may be shared as "Lector".
READONLY_SCOPES = (
    "https://www.googleapis.com/auth/spreadsheets.readonly",
    "https://www.googleapis.com/auth/drive.readonly",
)
# (connect, read) seconds. gspread waits forever by default, which would pin the refresh.
DEFAULT_TIMEOUT: tuple[float, float] = (5.0, 15.0)
RENDER = {"valueRenderOption": "UNFORMATTED_VALUE", "dateTimeRenderOption": "SERIAL_NUMBER", "majorDimension": "ROWS"}
REQUIRED_TAB = "Inscripciones"

# header_key(name or alias) of every tab the workbook contract knows.
_KNOWN_TAB_KEYS = frozenset(schema.header_key(n) for t in schema.TABS for n in (t.name, *t.aliases))
_REQUIRED_KEYS = frozenset(
    schema.header_key(n) for t in schema.TABS if t.name == REQUIRED_TAB for n in (t.name, *t.aliases)
)


class RoutedHTTPClient(HTTPClient):
    """gspread's own HTTP client, sending Sheets API calls to ``api_url`` instead of Google.

    gspread builds every URL from module constants; rewriting them here, at the one place every
    request passes, avoids patching gspread itself.
    """

    api_url: str = API_URL

    def request(self, method: str, endpoint: str, *args: Any, **kwargs: Any) -> requests.Response:
        if self.api_url != API_URL and endpoint.startswith(API_URL):
            endpoint = self.api_url + endpoint[len(API_URL):]
        return super().request(method, endpoint, *args, **kwargs)


@dataclass(frozen=True)
class SheetMeta:
    title: str
    locale: str | None
    time_zone: str | None
    tabs: tuple[str, ...]  # every tab title, in the Sheet's order


def spreadsheet_key(planilla: str) -> str:
    """A full Sheet URL or a bare key -> the key.

    >>> spreadsheet_key("https://docs.google.com/spreadsheets/d/1AbC-d_9/edit#gid=0")
    '1AbC-d_9'
    >>> spreadsheet_key(" 1AbC-d_9 ")
    '1AbC-d_9'
    """
    text = planilla.strip()
    if "/" in text or "key=" in text:
        try:
            return extract_id_from_url(text)
        except Exception:  # gspread raises NoValidUrlKeyFound
            raise SourceError(f"No se reconoce la clave de la planilla en «{text}»: pegue la URL completa "
                              "(https://docs.google.com/spreadsheets/d/…) o solo la clave.", "no_existe") from None
    return text


def known_tabs(titles: tuple[str, ...]) -> list[str]:
    """The Sheet's tabs the workbook contract knows (by name or alias), in the Sheet's order.

    Duplicates are all read: cleaning reports them (``pestana_repetida``) rather than guess here.
    """
    return [t for t in titles if schema.header_key(t) in _KNOWN_TAB_KEYS]


def open_http(service_account: dict, api_url: str, timeout: tuple[float, float], scopes: tuple[str, ...]) -> "RoutedHTTPClient":
    """An authorised gspread HTTP client for the service account, routed to ``api_url``.

    Shared by the reading source (read-only scope) and the venue writer (read-write scope).
    Raises SourceError("credenciales") when the key in secrets.toml is unusable.
    """
    import gspread

    try:
        client = gspread.service_account_from_dict(service_account, scopes=scopes, http_client=RoutedHTTPClient)
    except (ValueError, KeyError, TypeError) as e:
        raise SourceError("La clave de la cuenta de servicio en secrets.toml no es válida "
                          f"({type(e).__name__}): pegue el JSON completo que descargó de Google Cloud.",
                          "credenciales") from None
    http = client.http_client
    assert isinstance(http, RoutedHTTPClient)
    http.api_url = api_url
    http.set_timeout(timeout)
    return http


class GSheetsSource:
    """Reads the workbook from a Google Sheet with a service account.

    Not thread-safe on its own: ``LiveFeed`` makes sure only one read runs at a time.
    """

    tipo = "gsheets"

    def __init__(self, planilla: str, service_account: Mapping[str, Any], *, api_url: str | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT):
        # A bad URL is reported by read(), like every other failure, not by the constructor.
        self._key_error: SourceError | None = None
        try:
            self.key = spreadsheet_key(planilla)
        except SourceError as e:
            self.key, self._key_error = planilla.strip(), e
        self.service_account = dict(service_account)
        self.api_url = (api_url or os.environ.get(API_URL_ENV) or API_URL).rstrip("/")
        self.timeout = timeout
        self._http: RoutedHTTPClient | None = None
        self._meta: SheetMeta | None = None

    @classmethod
    def from_config(cls, config: Config) -> "GSheetsSource":
        return cls(str(config.get("planilla")), config.service_account or {})

    @property
    def email(self) -> str:
        return str(self.service_account.get("client_email") or "(sin client_email)")

    @property
    def descripcion(self) -> str:
        if self._meta is not None:
            return f"Planilla de Google «{self._meta.title}»"
        return f"Planilla de Google {self.key}"

    @property
    def meta(self) -> SheetMeta | None:
        return self._meta

    def read(self) -> RawWorkbook:
        """One ``values:batchGet`` of every known tab (plus the metadata the first time)."""
        try:
            return self._read()
        except SourceError:
            raise
        except Exception as e:  # every transport/API failure becomes one Spanish sentence
            raise self.describe_error(e) from e

    # --- the requests ---------------------------------------------------------------------

    def _client(self) -> RoutedHTTPClient:
        if self._http is None:
            self._http = open_http(self.service_account, self.api_url, self.timeout, READONLY_SCOPES)
        return self._http

    def _read(self) -> RawWorkbook:
        if self._key_error is not None:
            raise self._key_error
        http = self._client()
        if self._meta is None:
            self._meta = self._fetch_meta(http)
        titles = self._tabs_to_read()
        try:
            data = http.values_batch_get(self.key, [absolute_range_name(t) for t in titles], params=dict(RENDER))
        except APIError as e:
            if not _is_range_error(e):
                raise
            # A tab was renamed or deleted since the metadata was read: read it again, once.
            self._meta = self._fetch_meta(http)
            titles = self._tabs_to_read()
            data = http.values_batch_get(self.key, [absolute_range_name(t) for t in titles], params=dict(RENDER))
        return self._workbook(titles, data)

    def _fetch_meta(self, http: RoutedHTTPClient) -> SheetMeta:
        data = http.fetch_sheet_metadata(self.key)
        try:
            props = data.get("properties") or {}
            tabs = tuple(str(s["properties"]["title"]) for s in data.get("sheets") or [])
            return SheetMeta(str(props.get("title") or self.key), props.get("locale"), props.get("timeZone"), tabs)
        except (AttributeError, KeyError, TypeError):
            raise SourceError("Google Sheets devolvió una descripción de la planilla incompleta.", "respuesta") from None

    def _tabs_to_read(self) -> list[str]:
        assert self._meta is not None
        titles = known_tabs(self._meta.tabs)
        if not any(schema.header_key(t) in _REQUIRED_KEYS for t in titles):
            found = ", ".join(f"«{t}»" for t in self._meta.tabs) or "ninguna"
            # Forget the metadata: the next attempt looks again (the tab may be renamed back).
            self._meta = None
            raise SourceError(f"La planilla no tiene la pestaña «{REQUIRED_TAB}» (pestañas encontradas: {found}).",
                              "pestana")
        return titles

    def _workbook(self, titles: list[str], data: Any) -> RawWorkbook:
        try:
            ranges = data["valueRanges"]
            if len(ranges) != len(titles):
                raise ValueError("valueRanges")
            tabs: dict[str, list[list[Cell]]] = {}
            for title, vr in zip(titles, ranges):
                tabs[title] = [list(row) for row in vr.get("values") or []]
        except (KeyError, TypeError, ValueError, AttributeError):
            raise SourceError("Google Sheets devolvió una respuesta con un formato inesperado.", "respuesta") from None
        assert self._meta is not None
        return RawWorkbook(tabs=tabs, time_zone=self._meta.time_zone, locale=self._meta.locale, serial_dates=True,
                           extra={"planilla": self._meta.title, "clave": self.key})

    # --- failures -------------------------------------------------------------------------

    def describe_error(self, e: BaseException) -> SourceError:
        if isinstance(e, APIError):
            return self._api_error(e)
        # google-auth wraps transport failures of the token request; look at the cause.
        cause = e
        while not isinstance(cause, requests.RequestException) and cause.__cause__ is not None:
            cause = cause.__cause__
        read_s = self.timeout[1]
        if isinstance(cause, requests.Timeout):
            return SourceError(f"Google Sheets no respondió a tiempo (más de {read_s:g} s).", "tiempo")
        if isinstance(cause, requests.exceptions.JSONDecodeError) or isinstance(e, ValueError):
            return SourceError("Google Sheets devolvió una respuesta ilegible (JSON incompleto).", "respuesta")
        if isinstance(cause, requests.ConnectionError):
            if "RemoteDisconnected" in repr(cause) or "Connection aborted" in repr(cause):
                return SourceError("Google Sheets cortó la conexión sin responder.", "red")
            return SourceError("No hay conexión con Google Sheets (sin red o servidor inaccesible).", "red")
        if type(e).__name__ == "RefreshError":
            return SourceError(f"Google rechazó la cuenta de servicio {self.email}: revise la clave en "
                               "secrets.toml (¿fue borrada o regenerada?).", "credenciales")
        if isinstance(cause, requests.RequestException):
            return SourceError(f"Falló la conexión con Google Sheets ({type(cause).__name__}).", "red")
        return SourceError(f"Error inesperado al leer la planilla ({type(e).__name__}).", "error")

    def _api_error(self, e: APIError) -> SourceError:
        status = e.response.status_code if e.response is not None else e.code
        if status == 429:
            retry_after = retry_after_seconds(e.response.headers.get("Retry-After") if e.response is not None else None)
            wait = f" Se reintenta en {retry_after:g} s." if retry_after else ""
            return SourceError("Google limitó las lecturas de la planilla (cuota de 60 lecturas por minuto)." + wait,
                               "cuota", retry_after)
        if status == 403:
            return SourceError(f"La planilla no está compartida con la cuenta de servicio {self.email}.", "permiso")
        if status == 404:
            return SourceError(f"No existe una planilla con la clave {self.key}: revise [foro] planilla.", "no_existe")
        if status == 401:
            return SourceError(f"Google no aceptó las credenciales de {self.email}.", "credenciales")
        if status >= 500:
            return SourceError(f"Google Sheets tuvo un error del servidor (HTTP {status}).", "servidor")
        if e.code == -1:  # gspread could not parse the error body
            return SourceError(f"Google Sheets devolvió una respuesta ilegible (HTTP {status}).", "respuesta")
        message = str(e.error.get("message", ""))[:200]
        return SourceError(f"Google Sheets rechazó la lectura (HTTP {status}): {message}", "respuesta")


def _is_range_error(e: APIError) -> bool:
    return e.code == 400 and "Unable to parse range" in str(e.error.get("message", ""))


def retry_after_seconds(value: str | None) -> float | None:
    """``Retry-After`` in seconds (Google sends a number; an HTTP date is ignored).

    >>> retry_after_seconds("30")
    30.0
    >>> retry_after_seconds(None) is None
    True
    """
    if value and re.fullmatch(r"\s*\d+(\.\d+)?\s*", value):
        return float(value)
    return None
