"""The writer's HTTP: tab titles, header rows (cached), appends, key-column reads and the one
header cell the sender may add. Every failure is classified by ``sources.sheets_http.classify``
(the same classifier the reader uses) and raised as ``SheetsError``.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Mapping, Sequence

from gspread.utils import a1_to_rowcol, absolute_range_name, rowcol_to_a1

from .. import schema
from ..catalogue.writes import SendSentence as E
from ..identity import normalise
from ..parse import text
from ..schema import header_key
from ..sources.gsheets import known_tabs, spreadsheet_key
from ..sources.sheets_http import (
    APPEND_PARAMS,
    DEFAULT_TIMEOUT,
    READ_PARAMS,
    UPDATE_PARAMS,
    WRITE_SCOPES,
    Doing,
    Outcome,
    RoutedHTTPClient,
    SheetAddress,
    SheetsCode,
    SheetsError,
    SheetsFailure,
    classify,
    open_http,
)
from ..sources.sheets_http import (
    api_url as resolve_api_url,
)

HEADER_TTL_S = 120.0
# The rows the header row is looked for in, as the reader does (schema.HEADER_SEARCH_ROWS).
HEADER_ROWS = f"1:{schema.HEADER_SEARCH_ROWS}"


def refusal(sentence: str, code: SheetsCode, outcome: Outcome = Outcome.PERMANENTE, **params: object) -> SheetsError:
    """A failure the sender decides itself (a missing tab or column), worded from the catalogue."""
    return SheetsError(SheetsFailure(code, sentence, outcome, params=params))


@dataclass(frozen=True)
class TabInfo:
    """A tab as the writer knows it: its title on the Sheet and where each canonical column is."""

    title: str
    headers: list[str]
    index: dict[str, int]  # canonical column -> 0-based position in the Sheet
    read_at: float = field(compare=False)
    row: int = 1  # the Sheet row (1-based) holding the headers: a title row may sit above it


def column_letter(position: int) -> str:
    """0-based position -> A1 column letters.

    >>> column_letter(0), column_letter(25), column_letter(26)
    ('A', 'Z', 'AA')
    """
    return re.sub(r"\d", "", rowcol_to_a1(1, position + 1))


class SheetAppender:
    """Talks HTTP for the writer. ``requests`` counts what it sent, by kind."""

    def __init__(
        self,
        planilla: str,
        service_account: Mapping[str, Any],
        *,
        api_url: str | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        header_ttl_s: float = HEADER_TTL_S,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.key = spreadsheet_key(planilla)
        self.service_account = dict(service_account)
        self.api_url = resolve_api_url(api_url)
        self.timeout = timeout
        self.header_ttl_s = header_ttl_s
        self._clock = clock
        email = str(self.service_account.get("client_email") or "(sin client_email)")
        self.address = SheetAddress(self.key, email, timeout[1])
        self._http: RoutedHTTPClient | None = None
        self._titles: tuple[str, ...] | None = None
        self._tabs: dict[str, TabInfo] = {}
        self.requests: dict[str, int] = {"append": 0, "lectura": 0, "encabezado": 0}

    def forget(self, tab: str | None = None) -> None:
        """Drop cached headers (of one tab, or all and the tab titles)."""
        if tab is None:
            self._tabs.clear()
            self._titles = None
        else:
            self._tabs.pop(tab, None)

    def _client(self) -> RoutedHTTPClient:
        if self._http is None:
            self._http = open_http(self.service_account, self.api_url, self.timeout, WRITE_SCOPES)
        return self._http

    def _call(self, what: str, fn: Callable[[], Any]) -> Any:
        self.requests[what] = self.requests.get(what, 0) + 1
        doing: Doing = "escritura" if what in ("append", "encabezado") else "lectura"
        try:
            return fn()
        except SheetsError:
            raise
        except Exception as e:  # every transport/API failure becomes a classified SheetsFailure
            failure = classify(e, self.address, doing)
            if failure.code == SheetsCode.PESTANA:
                self.forget()  # a tab renamed since we read the titles
            raise SheetsError(failure) from e

    def _title(self, tab: str) -> str:
        wanted = {header_key(n) for n in (tab, *schema.TAB_BY_NAME[tab].aliases)}
        for attempt in (0, 1):
            if self._titles is None or attempt:
                data = self._call("lectura", lambda: self._client().fetch_sheet_metadata(self.key))
                self._titles = tuple(str(s["properties"]["title"]) for s in data.get("sheets") or [])
            title = next((t for t in known_tabs(self._titles) if header_key(t) in wanted), None)
            if title is not None:
                return title
        raise refusal(
            E.FALTA_PESTANA, SheetsCode.PESTANA, pestana=tab, columnas=", ".join(schema.TAB_BY_NAME[tab].headers)
        )

    def tab_info(self, tab: str) -> TabInfo:
        info = self._tabs.get(tab)
        if info is not None and self._clock() - info.read_at < self.header_ttl_s:
            return info
        title = self._title(tab)
        data = self._call(
            "lectura",
            lambda: self._client().values_get(
                self.key, absolute_range_name(title, HEADER_ROWS), params=dict(READ_PARAMS)
            ),
        )
        return self._remember(tab, title, data.get("values"))

    def _remember(self, tab: str, title: str, top_rows: Any) -> TabInfo:
        """Find the header row among the top rows exactly as the reader does (schema.Tab.header_row)."""
        rows = [list(r) for r in (top_rows or [])]
        at = schema.TAB_BY_NAME[tab].header_row(rows)
        headers = [text(h) for h in (rows[at] if at < len(rows) else [])]
        if not any(headers):
            raise refusal(E.SIN_ENCABEZADOS, SheetsCode.ENCABEZADOS, pestana=title)
        info = TabInfo(title, headers, schema.TAB_BY_NAME[tab].resolve(headers).index, self._clock(), at + 1)
        self._tabs[tab] = info
        return info

    def add_header(self, tab: str, info: TabInfo, column: str, header: str) -> TabInfo:
        """Write ``header`` in the first free cell of the header row (one request) and remember it as
        ``column``. Raises SheetsError when the Sheet refuses (read-only account, …)."""
        position = len(info.headers)
        rng = absolute_range_name(info.title, f"{column_letter(position)}{info.row}")
        self._call(
            "encabezado",
            lambda: self._client().values_update(
                self.key, rng, params=dict(UPDATE_PARAMS), body={"values": [[header]]}
            ),
        )
        fresh = replace(info, headers=[*info.headers, header], index={**info.index, column: position})
        self._tabs[tab] = fresh
        return fresh

    def present_keys(self, tab: str, columns: Sequence[str]) -> dict[str, set[str]]:
        """The values already in these columns of the tab (normalised), read in one request that
        also refreshes the header row: canonical column -> set."""
        info = self.tab_info(tab)
        cols = [c for c in columns if c in info.index]
        ranges = [absolute_range_name(info.title, HEADER_ROWS)]
        for c in cols:
            letter = column_letter(info.index[c])
            ranges.append(absolute_range_name(info.title, f"{letter}{info.row + 1}:{letter}"))
        data = self._call(
            "lectura", lambda: self._client().values_batch_get(self.key, ranges, params=dict(READ_PARAMS))
        )
        vrs = data.get("valueRanges") or []
        fresh = self._remember(tab, info.title, vrs[0].get("values") if vrs else [])
        if fresh.row != info.row or any(fresh.index.get(c) != info.index.get(c) for c in cols):
            # Columns moved between the two reads of this request's header: read again next time.
            self.forget(tab)
            raise refusal(E.ENCABEZADOS_CAMBIARON, SheetsCode.ENCABEZADOS, Outcome.REINTENTAR)
        return {
            c: {normalise(c, row[0]) for row in vr.get("values") or [] if row and text(row[0])}
            for c, vr in zip(cols, vrs[1:])
        }

    def append(self, tab: str, info: TabInfo, rows: list[list[Any]]) -> None:
        body = {"majorDimension": "ROWS", "values": rows}
        answer = self._call(
            "append",
            lambda: self._client().values_append(
                # From the header row: appending from A1 would see a title row as the table (and land
                # in the blank line under it).
                self.key,
                absolute_range_name(info.title, f"A{info.row}"),
                params=dict(APPEND_PARAMS),
                body=body,
            ),
        )
        # A table wider or narrower than the header we know: a column was added or removed.
        table = str((answer or {}).get("tableRange") or "")
        m = re.search(r"!([A-Z]+\d*):([A-Z]+\d*)$", table)
        if m and _width(m.group(1), m.group(2)) != len(info.headers):
            self.forget(tab)


def _width(first: str, last: str) -> int:
    def col(ref: str) -> int:
        return a1_to_rowcol(ref if ref[-1].isdigit() else ref + "1")[1]

    return col(last) - col(first) + 1
