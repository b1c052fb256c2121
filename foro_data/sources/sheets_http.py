"""The one Sheets transport, shared by the reader (``sources.gsheets``) and the venue writer
(``writes.appender``): the authorised gspread HTTP client, the routed base URL (a fake server in
tests and rehearsals), the API options, and **one** classifier from a failure to a
:class:`SheetsFailure`.

What a failure means for the caller is one field, :class:`Outcome`: retry later (nothing changed),
*maybe applied* (the request reached Google and may have been applied before the error: a write
must look at the Sheet before sending again), or permanent (retrying cannot help until a person
fixes something). A read never changes the Sheet, so a read is never *maybe applied*.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal, Mapping

import requests
from gspread.exceptions import APIError
from gspread.http_client import HTTPClient
from gspread.utils import DateTimeOption, Dimension, InsertDataOption, ValueInputOption, ValueRenderOption

from ..catalogue.sheets import SheetsSentence as S
from ..errors import ForoError, Said, words

API_URL = "https://sheets.googleapis.com"
API_URL_ENV = "FORO_SHEETS_API_URL"
# (connect, read) seconds. gspread waits forever by default, which would pin the refresh.
DEFAULT_TIMEOUT: tuple[float, float] = (5.0, 15.0)
# Reading needs no more than this; the Sheet may be shared as "Lector".
READONLY_SCOPES = (
    "https://www.googleapis.com/auth/spreadsheets.readonly",
    "https://www.googleapis.com/auth/drive.readonly",
)
# Appending needs the read-write scope; the read-only one gets 403 on append.
WRITE_SCOPES = ("https://www.googleapis.com/auth/spreadsheets",)

# Numbers and date serials as stored, never as the Sheet's locale formats them (DESIGN).
READ_PARAMS: dict[str, str] = {
    "valueRenderOption": ValueRenderOption.unformatted,
    "dateTimeRenderOption": DateTimeOption.serial_number,
    "majorDimension": Dimension.rows,
}
# As a person typing: dates parse, a leading apostrophe keeps text literal.
APPEND_PARAMS: dict[str, str] = {
    "valueInputOption": ValueInputOption.user_entered,
    "insertDataOption": InsertDataOption.insert_rows,
    "includeValuesInResponse": "false",
}
UPDATE_PARAMS: dict[str, str] = {"valueInputOption": ValueInputOption.user_entered}

Doing = Literal["lectura", "escritura"]


def api_url(explicit: str | None = None) -> str:
    """The base URL requests go to: the argument, else ``FORO_SHEETS_API_URL``, else Google."""
    return (explicit or os.environ.get(API_URL_ENV) or API_URL).rstrip("/")


class RoutedHTTPClient(HTTPClient):
    """gspread's own HTTP client, sending Sheets API calls to ``api_url`` instead of Google.

    gspread builds every URL from module constants; rewriting them here, at the one place every
    request passes, avoids patching gspread itself.
    """

    api_url: str = API_URL

    def request(self, method: str, endpoint: str, *args: Any, **kwargs: Any) -> requests.Response:
        if self.api_url != API_URL and endpoint.startswith(API_URL):
            endpoint = self.api_url + endpoint[len(API_URL) :]
        return super().request(method, endpoint, *args, **kwargs)


class SheetsCode(StrEnum):
    """``SheetsFailure.code``: what failed, the value callers branch on (declared once, here)."""

    CUOTA = "cuota"  # 429: Google's per-minute quota
    SERVIDOR = "servidor"  # 5xx
    PERMISO = "permiso"  # a read refused: the Sheet is not shared with the account
    SOLO_LECTURA = "solo_lectura"  # a write refused: shared as Lector
    NO_EXISTE = "no_existe"  # no Sheet with that key
    CREDENCIALES = "credenciales"  # the key in secrets.toml is unusable or refused
    RESPUESTA = "respuesta"  # an answer that cannot be read, or a read refused for another reason
    RECHAZADA = "rechazada"  # a write refused for another reason
    PESTANA = "pestana"  # a tab renamed or missing
    ENCABEZADOS = "encabezados"  # a header row missing or changed under the sender
    COLUMNA_FALTANTE = "columna_faltante"  # a column the sender cannot do without
    TIEMPO = "tiempo"  # no answer in time
    RED = "red"  # no connection, or it dropped
    ERROR = "error"  # anything else


C = SheetsCode


class Outcome(StrEnum):
    """What a failed request means for whoever made it."""

    REINTENTAR = "reintentar"  # nothing changed on the Sheet: try again later
    DUDOSA = "dudosa"  # a write may have been applied: look before sending again
    PERMANENTE = "permanente"  # only a person can fix it (sharing, key, headers)


@dataclass(frozen=True)
class SheetsFailure:
    """One failed request, classified: ``code`` says what failed (callers branch on it),
    ``outcome`` what to do about it; the sentence that words it is in the catalogue."""

    code: SheetsCode
    sentence: str
    outcome: Outcome = Outcome.REINTENTAR
    retry_after: float | None = None
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def maybe_applied(self) -> bool:
        return self.outcome is Outcome.DUDOSA

    @property
    def permanent(self) -> bool:
        return self.outcome is Outcome.PERMANENTE

    @property
    def reason(self) -> str:
        return self.reason_in("es")

    def reason_in(self, lang: str) -> str:
        return words(self.said(), lang)

    def said(self) -> tuple[Said, ...]:
        """The reason as sentences to word in any language (what the sender stores)."""
        first = Said(self.sentence, dict(self.params))
        if self.code == C.CUOTA and self.retry_after and self.sentence == S.CUOTA_LECTURA:
            return first, Said(S.REINTENTO_EN, {"segundos": self.retry_after})
        return (first,)


class SheetsError(ForoError):
    """Carries a :class:`SheetsFailure` out of the transport; ``code`` and ``reason`` are the failure's."""

    def __init__(self, failure: SheetsFailure):
        self.failure = failure
        super().__init__(failure.code)

    def sentences(self) -> tuple[Said, ...]:
        return self.failure.said()


@dataclass(frozen=True)
class SheetAddress:
    """What a sentence about a failure names: the Sheet's key, the account, the read timeout."""

    key: str
    email: str
    read_timeout_s: float = DEFAULT_TIMEOUT[1]


def open_http(
    service_account: Mapping[str, Any], url: str, timeout: tuple[float, float], scopes: tuple[str, ...]
) -> RoutedHTTPClient:
    """An authorised gspread HTTP client for the service account, routed to ``url``.

    Raises SheetsError (code ``credenciales``, permanent) when the key in secrets.toml is unusable."""
    import gspread

    try:
        client = gspread.service_account_from_dict(dict(service_account), scopes=scopes, http_client=RoutedHTTPClient)
    except (ValueError, KeyError, TypeError) as e:
        raise SheetsError(
            SheetsFailure(
                C.CREDENCIALES, S.CREDENCIALES_INVALIDAS, Outcome.PERMANENTE, params={"error": type(e).__name__}
            )
        ) from None
    http = client.http_client
    assert isinstance(http, RoutedHTTPClient)
    http.api_url = url
    http.set_timeout(timeout)
    return http


def is_range_error(e: BaseException) -> bool:
    """A range naming a tab that no longer exists (renamed or deleted since the titles were read)."""
    return isinstance(e, APIError) and e.code == 400 and "Unable to parse range" in str(e.error.get("message", ""))


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


def classify(e: BaseException, sheet: SheetAddress, doing: Doing = "lectura") -> SheetsFailure:
    """Any failure of a request (gspread's APIError, a transport error, google-auth's) -> one
    :class:`SheetsFailure`. ``doing`` says whether the request could have changed the Sheet.

    >>> f = classify(TimeoutError("x"), SheetAddress("k", "a@b"))  # a read: it changed nothing
    >>> f.code.value, f.outcome.value, classify(TimeoutError("x"), SheetAddress("k", "a@b"), "escritura").outcome.value
    ('error', 'reintentar', 'dudosa')
    """
    if isinstance(e, SheetsError):
        return e.failure
    failure = _api(e, sheet, doing) if isinstance(e, APIError) else _transport(e, sheet, doing)
    if doing == "lectura" and failure.maybe_applied:
        # A lost read changed nothing.
        failure = SheetsFailure(failure.code, failure.sentence, Outcome.REINTENTAR, failure.retry_after, failure.params)
    return failure


def _api(e: APIError, sheet: SheetAddress, doing: Doing) -> SheetsFailure:
    status = e.response.status_code if e.response is not None else e.code
    if status == 429:
        ra = retry_after_seconds(e.response.headers.get("Retry-After") if e.response is not None else None)
        return SheetsFailure(C.CUOTA, S.CUOTA_LECTURA if doing == "lectura" else S.CUOTA_ESCRITURA, retry_after=ra)
    if status == 403:
        if doing == "escritura":  # reads worked (shared as Lector), the append was refused
            return SheetsFailure(C.SOLO_LECTURA, S.SOLO_LECTURA, Outcome.PERMANENTE)
        return SheetsFailure(C.PERMISO, S.PERMISO, Outcome.PERMANENTE, params={"email": sheet.email})
    if status == 404:
        return SheetsFailure(C.NO_EXISTE, S.NO_EXISTE, Outcome.PERMANENTE, params={"clave": sheet.key})
    if status == 401:
        return SheetsFailure(
            C.CREDENCIALES, S.CREDENCIALES_NO_ACEPTADAS, Outcome.PERMANENTE, params={"email": sheet.email}
        )
    if is_range_error(e):
        return SheetsFailure(C.PESTANA, S.RANGO)
    # From here on the request reached Google; a write may have been applied before the error.
    if status >= 500:
        return SheetsFailure(C.SERVIDOR, S.SERVIDOR, Outcome.DUDOSA, params={"status": status})
    if e.code == -1:  # gspread could not parse the error body
        return SheetsFailure(C.RESPUESTA, S.ILEGIBLE_HTTP, Outcome.DUDOSA, params={"status": status})
    message = str(e.error.get("message", ""))[:200]
    if doing == "escritura":
        return SheetsFailure(
            C.RECHAZADA, S.RECHAZO_ESCRITURA, Outcome.PERMANENTE, params={"status": status, "mensaje": message}
        )
    return SheetsFailure(
        C.RESPUESTA, S.RECHAZO_LECTURA, Outcome.PERMANENTE, params={"status": status, "mensaje": message}
    )


def _transport(e: BaseException, sheet: SheetAddress, doing: Doing) -> SheetsFailure:
    # google-auth and gspread wrap transport failures; the requests exception says what happened.
    cause: BaseException | None = e
    while cause is not None and not isinstance(cause, requests.RequestException):
        cause = cause.__cause__ or cause.__context__
    if type(e).__name__ == "RefreshError":
        return SheetsFailure(C.CREDENCIALES, S.CUENTA_RECHAZADA, Outcome.PERMANENTE, params={"email": sheet.email})
    never_sent = (
        isinstance(cause, requests.ConnectTimeout)
        or type(e).__module__.startswith("google.auth")
        or (
            isinstance(cause, requests.ConnectionError)
            and re.search(r"NewConnectionError|Connection refused|Failed to establish|NameResolution", repr(cause))
        )
    )
    # Read timeout, connection dropped after sending, unreadable 2xx body: a write may be applied.
    outcome = Outcome.REINTENTAR if never_sent else Outcome.DUDOSA
    if isinstance(cause, requests.Timeout):
        return SheetsFailure(C.TIEMPO, S.TIEMPO, outcome, params={"segundos": sheet.read_timeout_s})
    if isinstance(cause, requests.exceptions.JSONDecodeError) or isinstance(e, ValueError):
        return SheetsFailure(C.RESPUESTA, S.ILEGIBLE_JSON, outcome)
    if isinstance(cause, requests.ConnectionError):
        if "RemoteDisconnected" in repr(cause) or "Connection aborted" in repr(cause):
            return SheetsFailure(C.RED, S.CORTADA, outcome)
        return SheetsFailure(C.RED, S.SIN_CONEXION, outcome)
    if isinstance(cause, requests.RequestException):
        return SheetsFailure(C.RED, S.FALLO_CONEXION, outcome, params={"error": type(cause).__name__})
    return SheetsFailure(C.ERROR, S.INESPERADO, outcome, params={"error": type(e).__name__})
