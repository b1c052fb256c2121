"""The Google Sheet through gspread: one metadata read when opened, then one values:batchGet per read.

Only what talks HTTP lives here. The refresh guard (one read per interval for the whole server,
back-off, last good Snapshot) is ``foro_data.live``; the disk copy is ``foro_data.sources.cache``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from gspread.exceptions import APIError, NoValidUrlKeyFound
from gspread.utils import absolute_range_name, extract_id_from_url

from .. import schema
from ..catalogue.fuente import FuenteSentence as F
from ..catalogue.sheets import SheetsSentence
from ..config import Config
from ..errors import Said
from .base import Cell, RawWorkbook, SourceError
from .sheets_http import (  # noqa: F401  (API_URL*, DEFAULT_TIMEOUT, retry_after_seconds: public here too)
    API_URL,
    API_URL_ENV,
    DEFAULT_TIMEOUT,
    READ_PARAMS,
    READONLY_SCOPES,
    RoutedHTTPClient,
    SheetAddress,
    classify,
    is_range_error,
    open_http,
    retry_after_seconds,
)
from .sheets_http import (
    api_url as resolve_api_url,
)

REQUIRED_TAB = "Inscripciones"

# header_key(name or alias) of every tab the workbook contract knows.
_KNOWN_TAB_KEYS = frozenset(schema.header_key(n) for t in schema.TABS for n in (t.name, *t.aliases))
_REQUIRED_KEYS = frozenset(
    schema.header_key(n) for t in schema.TABS if t.name == REQUIRED_TAB for n in (t.name, *t.aliases)
)


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
        except NoValidUrlKeyFound:
            raise SourceError("no_existe", Said.of(SheetsSentence.CLAVE_ILEGIBLE, texto=text)) from None
    return text


def known_tabs(titles: tuple[str, ...]) -> list[str]:
    """The Sheet's tabs the workbook contract knows (by name or alias), in the Sheet's order.

    Duplicates are all read: cleaning reports them (``pestana_repetida``) rather than guess here.
    """
    return [t for t in titles if schema.header_key(t) in _KNOWN_TAB_KEYS]


class GSheetsSource:
    """Reads the workbook from a Google Sheet with a service account.

    Not thread-safe on its own: ``LiveFeed`` makes sure only one read runs at a time.
    """

    tipo = "gsheets"

    def __init__(
        self,
        planilla: str,
        service_account: Mapping[str, Any],
        *,
        api_url: str | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    ):
        # A bad URL is reported by read(), like every other failure, not by the constructor.
        self._key_error: SourceError | None = None
        try:
            self.key = spreadsheet_key(planilla)
        except SourceError as e:
            self.key, self._key_error = planilla.strip(), e
        self.service_account = dict(service_account)
        self.api_url = resolve_api_url(api_url)
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

    def read(self) -> RawWorkbook:
        """One ``values:batchGet`` of every known tab (plus the metadata the first time)."""
        try:
            return self._read()
        except SourceError:
            raise
        except Exception as e:  # every transport/API failure becomes one sentence (sheets_http.classify)
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
            data = http.values_batch_get(self.key, [absolute_range_name(t) for t in titles], params=dict(READ_PARAMS))
        except APIError as e:
            if not is_range_error(e):
                raise
            # A tab was renamed or deleted since the metadata was read: read it again, once.
            self._meta = self._fetch_meta(http)
            titles = self._tabs_to_read()
            data = http.values_batch_get(self.key, [absolute_range_name(t) for t in titles], params=dict(READ_PARAMS))
        return self._workbook(titles, data)

    def _fetch_meta(self, http: RoutedHTTPClient) -> SheetMeta:
        data = http.fetch_sheet_metadata(self.key)
        try:
            props = data.get("properties") or {}
            tabs = tuple(str(s["properties"]["title"]) for s in data.get("sheets") or [])
            return SheetMeta(str(props.get("title") or self.key), props.get("locale"), props.get("timeZone"), tabs)
        except (AttributeError, KeyError, TypeError):
            raise SourceError("respuesta", Said.of(F.META_INCOMPLETA)) from None

    def _tabs_to_read(self) -> list[str]:
        assert self._meta is not None
        titles = known_tabs(self._meta.tabs)
        if not any(schema.header_key(t) in _REQUIRED_KEYS for t in titles):
            found: object = ", ".join(f"«{t}»" for t in self._meta.tabs) or Said.of(F.NINGUNA)
            # Forget the metadata: the next attempt looks again (the tab may be renamed back).
            self._meta = None
            raise SourceError("pestana", Said.of(F.SIN_PESTANA, tab=REQUIRED_TAB, encontradas=found))
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
            raise SourceError("respuesta", Said.of(F.FORMATO_INESPERADO)) from None
        assert self._meta is not None
        return RawWorkbook(tabs=tabs, time_zone=self._meta.time_zone, locale=self._meta.locale, serial_dates=True)

    # --- failures -------------------------------------------------------------------------

    def describe_error(self, e: BaseException) -> SourceError:
        """A failure of this source as the SourceError the feed keeps (classified in sheets_http)."""
        f = classify(e, SheetAddress(self.key, self.email, self.timeout[1]), "lectura")
        return SourceError(f.code, *f.said(), retry_after=f.retry_after)
