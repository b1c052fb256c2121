"""A local Google Sheets API v4 server (the subset this project uses), for tests and rehearsals.

Speaks ``spreadsheets.get``, ``values.get``, ``values:batchGet``, ``values:append`` (and
``values.update``), plus the OAuth token endpoint a service-account JSON's ``token_uri`` points
to. Responses follow the shapes of the real recordings in ``../shared/fixtures/gspread-cassettes``
(``tests/test_fake_sheets.py`` keeps it honest). Every request is logged; faults (quota, server
errors, slowness, refusal, malformed bodies, a renamed or deleted tab, a reply lost after the
request was applied) can be switched on from
Python or through ``POST /_admin/...`` so a separately started server can be steered too.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import socket
import threading
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from datetime import time as dtime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence
from urllib.parse import parse_qs, unquote, urlsplit

DEFAULT_ID = "1FakeForoEnVivoSheetKey_0123456789abcdefghij"
SERIAL_EPOCH = datetime(1899, 12, 30)
FAULT_KINDS = ("429", "500", "503", "403", "404", "delay", "malformed", "close", "refuse", "lost_reply")
WRITE_KINDS = frozenset({"append", "update", "clear", "batchUpdate"})  # what "lost_reply" hits
JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
# A new Google Sheet is 1000 x 26; the API reports ranges clipped to the grid.
MIN_ROWS, MIN_COLS = 1000, 26


# --- the workbook ---------------------------------------------------------------------------


@dataclass
class FakeSheet:
    title: str
    rows: list[list[Any]]
    sheet_id: int
    row_count: int = MIN_ROWS
    column_count: int = MIN_COLS
    hidden: bool = False

    def fit_grid(self) -> None:
        self.row_count = max(self.row_count, len(self.rows))
        self.column_count = max(self.column_count, max((len(r) for r in self.rows), default=0))


@dataclass
class FakeSpreadsheet:
    id: str
    title: str
    sheets: list[FakeSheet]
    locale: str = "es_AR"
    time_zone: str = "America/Argentina/Mendoza"
    shared: bool = True  # False answers 403 as a Sheet not shared with the service account
    writable: bool = True  # False: shared as "Lector" — reads answer, writes get 403

    @classmethod
    def from_tabs(
        cls,
        tabs: Mapping[str, Sequence[Sequence[Any]]],
        *,
        id: str = DEFAULT_ID,
        title: str = "Foro en vivo (ensayo)",
        locale: str = "es_AR",
        time_zone: str = "America/Argentina/Mendoza",
        hidden: Iterable[str] = (),
    ) -> "FakeSpreadsheet":
        hidden = set(hidden)
        sheets = []
        for index, (name, rows) in enumerate(tabs.items()):
            sheet = FakeSheet(name, [list(r) for r in rows], sheet_id=_sheet_id(index), hidden=name in hidden)
            sheet.fit_grid()
            sheets.append(sheet)
        return cls(id=id, title=title, sheets=sheets, locale=locale, time_zone=time_zone)

    @classmethod
    def from_xlsx(cls, path: str | Path, **kwargs: Any) -> "FakeSpreadsheet":
        """Cell values (not formulas) of every worksheet; hidden worksheets stay hidden."""
        import openpyxl

        wb = openpyxl.load_workbook(Path(path), data_only=True, read_only=False)
        tabs: dict[str, list[list[Any]]] = {}
        hidden = []
        for ws in wb.worksheets:
            tabs[ws.title] = [[_from_xlsx(v) for v in row] for row in ws.iter_rows(values_only=True)]
            if ws.sheet_state != "visible":
                hidden.append(ws.title)
        kwargs.setdefault("title", Path(path).stem)
        return cls.from_tabs(tabs, hidden=hidden, **kwargs)

    def sheet(self, title: str) -> FakeSheet | None:
        return next((s for s in self.sheets if s.title == title), None)


def _sheet_id(index: int) -> int:
    # Sheet 0 has id 0 like a new Google Sheet; the others get stable large ids.
    return 0 if index == 0 else 1_000_000_007 * index % 2_147_483_647


def _from_xlsx(value: Any) -> Any:
    if isinstance(value, timedelta):
        return value.total_seconds() / 86400
    return value


# --- rendering cells like the API -----------------------------------------------------------

_COMMA_DECIMAL = ("es", "pt", "de", "fr", "it", "nl")


def to_serial(value: datetime | date | dtime) -> float | int:
    """Days since 1899-12-30, as Sheets stores dates (time of day is the fraction)."""
    if isinstance(value, datetime):
        delta = value.replace(tzinfo=None) - SERIAL_EPOCH
        return _json_number(delta.days + delta.seconds / 86400 + delta.microseconds / 86_400_000_000)
    if isinstance(value, date):
        return (value - SERIAL_EPOCH.date()).days
    return _json_number((value.hour * 3600 + value.minute * 60 + value.second) / 86400)


def _json_number(x: float | int) -> float | int:
    # The API writes 53, not 53.0, for integral numbers.
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**53:
        return int(x)
    return x


def format_value(value: Any, locale: str) -> str:
    """What the cell shows (FORMATTED_VALUE), in the Sheet's locale."""
    comma = locale.split("_")[0] in _COMMA_DECIMAL
    if value is None:
        return ""
    if isinstance(value, bool):
        if locale.startswith("es"):
            return "VERDADERO" if value else "FALSO"
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        text = str(_json_number(value)) if not isinstance(value, float) or value.is_integer() else repr(value)
        return text.replace(".", ",") if comma else text
    day_first = not locale.startswith("en_US")
    if isinstance(value, datetime):
        d = f"{value.day}/{value.month}/{value.year}" if day_first else f"{value.month}/{value.day}/{value.year}"
        return f"{d} {value.hour}:{value.minute:02d}:{value.second:02d}"
    if isinstance(value, date):
        return f"{value.day}/{value.month}/{value.year}" if day_first else f"{value.month}/{value.day}/{value.year}"
    if isinstance(value, dtime):
        return f"{value.hour}:{value.minute:02d}:{value.second:02d}"
    return str(value)


@dataclass(frozen=True)
class Entered:
    """A cell typed by a person (USER_ENTERED): the stored value, plus the text the Sheet keeps
    showing (a date typed as ``2020-01-01`` shows so) or the formula that produced the value."""

    value: Any
    shown: str | None = None
    formula: str | None = None


def render_cell(value: Any, value_render: str, date_render: str, locale: str) -> Any:
    if isinstance(value, Entered):
        if value_render == "FORMULA" and value.formula is not None:
            return value.formula
        is_date = isinstance(value.value, (datetime, date, dtime))
        if value.shown is not None and (
            value_render == "FORMATTED_VALUE" or is_date and date_render != "SERIAL_NUMBER"
        ):
            return value.shown
        value = value.value
    if value is None or value == "":
        return ""
    if value_render == "FORMATTED_VALUE":
        return format_value(value, locale)
    # UNFORMATTED_VALUE and FORMULA (there are no formulas here).
    if isinstance(value, (datetime, date, dtime)):
        return to_serial(value) if date_render == "SERIAL_NUMBER" else format_value(value, locale)
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return _json_number(value)
    return str(value)


def render_rows(
    rows: list[list[Any]],
    r0: int,
    c0: int,
    r1: int,
    c1: int,
    value_render: str,
    date_render: str,
    locale: str,
    major: str = "ROWS",
) -> list[list[Any]]:
    """The API drops trailing empty cells of each row and trailing empty rows."""
    grid = []
    for r in range(r0, min(r1, len(rows))):
        row = rows[r]
        grid.append(
            [render_cell(row[c] if c < len(row) else None, value_render, date_render, locale) for c in range(c0, c1)]
        )
    if major == "COLUMNS":
        width = c1 - c0
        grid = [[grid[r][c] for r in range(len(grid))] for c in range(width)]
    out = []
    for line in grid:
        while line and line[-1] == "":
            line.pop()
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


# --- A1 ranges ------------------------------------------------------------------------------


class RangeError(ValueError):
    pass


def col_letters(n: int) -> str:
    """1 -> A, 27 -> AA."""
    s = ""
    while n:
        n, rem = divmod(n - 1, 26)
        s = chr(65 + rem) + s
    return s


def col_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def quote_title(title: str) -> str:
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", title) and not re.fullmatch(r"[A-Za-z]{1,3}[0-9]+", title):
        return title
    return "'" + title.replace("'", "''") + "'"


_CELL = re.compile(r"([A-Za-z]{0,3})([0-9]*)")


@dataclass(frozen=True)
class Area:
    sheet: FakeSheet
    r0: int  # 0-based, inclusive
    c0: int
    r1: int  # exclusive
    c1: int

    def a1(self) -> str:
        start = f"{col_letters(self.c0 + 1)}{self.r0 + 1}"
        end = f"{col_letters(self.c1)}{self.r1}"
        return f"{quote_title(self.sheet.title)}!{start}" + ("" if start == end else f":{end}")


def parse_range(text: str, book: FakeSpreadsheet) -> Area:
    """``'Tab name'!A1:Z``, ``Tab!A:A``, ``Tab``, ``A1:B2`` (first sheet)."""
    title, ref = _split_range(text, book)
    sheet = book.sheet(title) if title is not None else book.sheets[0]
    if sheet is None:
        raise RangeError(text)
    if ref is None:
        return Area(sheet, 0, 0, sheet.row_count, sheet.column_count)
    parts = ref.split(":")
    if len(parts) > 2:
        raise RangeError(text)
    ends = []
    for p in parts:
        m = _CELL.fullmatch(p)
        if not m or not (m.group(1) or m.group(2)):
            raise RangeError(text)
        ends.append((col_number(m.group(1)) if m.group(1) else None, int(m.group(2)) if m.group(2) else None))
    (ca, ra), (cb, rb) = ends[0], ends[-1]
    if len(parts) == 1 and (ca is None or ra is None):
        raise RangeError(text)
    r0 = (ra or 1) - 1
    c0 = (ca or 1) - 1
    r1 = rb if rb is not None else sheet.row_count
    c1 = cb if cb is not None else sheet.column_count
    if r0 < 0 or c0 < 0 or r1 <= r0 or c1 <= c0:
        raise RangeError(text)
    return Area(sheet, r0, c0, min(r1, sheet.row_count), min(c1, sheet.column_count))


def _split_range(text: str, book: FakeSpreadsheet) -> tuple[str | None, str | None]:
    text = text.strip()
    if text.startswith("'"):
        m = re.fullmatch(r"'((?:[^']|'')*)'(?:!(.*))?", text)
        if not m:
            raise RangeError(text)
        return m.group(1).replace("''", "'"), m.group(2)
    if "!" in text:
        title, ref = text.rsplit("!", 1)
        return title, ref
    if book.sheet(text) is not None:
        return text, None
    if _CELL.fullmatch(text.split(":")[0] or "-"):
        return None, text
    raise RangeError(text)


# --- USER_ENTERED parsing for writes --------------------------------------------------------


def parse_user_entered(value: Any, locale: str) -> Any:
    """Roughly what typing ``value`` into a cell stores. Formulas of plain arithmetic are
    evaluated (``=4/2``); any other formula is kept as its text."""
    if not isinstance(value, str):
        return value
    s = value.strip()
    if s == "":
        return None
    if s.startswith("'"):
        return value[1:]
    if s.startswith("="):
        result = _arithmetic(s[1:])
        return Entered(result if result is not None else s, formula=s)
    if s.upper() in ("TRUE", "VERDADERO"):
        return True
    if s.upper() in ("FALSE", "FALSO"):
        return False
    comma = locale.split("_")[0] in _COMMA_DECIMAL
    num = s.replace(".", "").replace(",", ".") if comma else s.replace(",", "")
    if re.fullmatch(r"[-+]?\d+", num):
        return int(num)
    if re.fullmatch(r"[-+]?(\d+\.\d*|\.\d+)([eE][-+]?\d+)?", num):
        return float(num)
    day_first = not locale.startswith("en_US")
    dmy = ("%d/%m/%Y", "%m/%d/%Y") if day_first else ("%m/%d/%Y", "%d/%m/%Y")
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", f"{dmy[0]} %H:%M:%S", f"{dmy[0]} %H:%M"):
        try:
            return Entered(datetime.strptime(s, fmt), shown=s)
        except ValueError:
            pass
    for fmt in ("%Y-%m-%d", dmy[0]):
        try:
            return Entered(datetime.strptime(s, fmt).date(), shown=s)
        except ValueError:
            pass
    return value


def _arithmetic(expr: str) -> float | int | None:
    import ast
    import operator

    ops = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}

    def ev(node: ast.AST) -> float:
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.BinOp) and type(node.op) in ops:
            return ops[type(node.op)](ev(node.left), ev(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -ev(node.operand)
        raise ValueError(expr)

    try:
        return _json_number(float(ev(ast.parse(expr, mode="eval").body)))
    except (ValueError, SyntaxError, ZeroDivisionError, TypeError):
        return None


# --- faults and the request log -------------------------------------------------------------


@dataclass
class Fault:
    kind: str  # one of FAULT_KINDS
    # Retry-After for 429, the stall for "delay", the outage for "refuse", and for "lost_reply"
    # (a write IS applied, then no answer comes; reads pass untouched) how long to stall before
    # dropping the line.
    seconds: float = 0.0
    times: int | None = None  # how many API requests it hits; None = until cleared

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {self.kind!r}; one of {FAULT_KINDS}")


@dataclass
class LoggedRequest:
    method: str
    path: str  # percent-decoded
    query: dict[str, list[str]]
    kind: str  # token | metadata | values | batchGet | append | update | clear | batchUpdate | admin | other
    at: float  # time.monotonic()
    status: int | None = None  # None: the connection was dropped without an answer

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def request_kind(method: str, raw_path: str) -> str:
    if raw_path == "/token":
        return "token"
    if raw_path.startswith("/_admin"):
        return "admin"
    m = re.fullmatch(r"/v4/spreadsheets/[^/]+(/.*)?", raw_path)
    if not m:
        return "other"
    rest = m.group(1) or ""
    if rest == "":
        return "metadata"
    if rest == "/values:batchGet":
        return "batchGet"
    if rest.startswith("/values/") and rest.endswith(":append"):
        return "append"
    if rest.startswith("/values/") and rest.endswith(":clear"):
        return "clear"
    if rest == ":batchUpdate":
        return "batchUpdate"
    if rest.startswith("/values/"):
        return "values" if method == "GET" else "update"
    return "other"


def _error(code: int, message: str, status: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "status": status}}


QUOTA_MESSAGE = (
    "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per "
    "user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'."
)
FAULT_BODIES = {
    "403": (403, _error(403, "The caller does not have permission", "PERMISSION_DENIED")),
    "404": (404, _error(404, "Requested entity was not found.", "NOT_FOUND")),
    "429": (429, _error(429, QUOTA_MESSAGE, "RESOURCE_EXHAUSTED")),
    "500": (500, _error(500, "Internal error encountered.", "INTERNAL")),
    "503": (503, _error(503, "The service is currently unavailable.", "UNAVAILABLE")),
}

# The shape of a real Sheet's default format and theme (values are Google's defaults).
_RGB_WHITE = {"red": 1, "green": 1, "blue": 1}
DEFAULT_FORMAT = {
    "backgroundColor": dict(_RGB_WHITE),
    "padding": {"top": 2, "right": 3, "bottom": 2, "left": 3},
    "verticalAlignment": "BOTTOM",
    "wrapStrategy": "OVERFLOW_CELL",
    "textFormat": {
        "foregroundColor": {},
        "fontFamily": "arial,sans,sans-serif",
        "fontSize": 10,
        "bold": False,
        "italic": False,
        "strikethrough": False,
        "underline": False,
        "foregroundColorStyle": {"rgbColor": {}},
    },
    "backgroundColorStyle": {"rgbColor": dict(_RGB_WHITE)},
}
SPREADSHEET_THEME = {
    "primaryFontFamily": "Arial",
    "themeColors": [
        {"colorType": "TEXT", "color": {"rgbColor": {}}},
        {"colorType": "BACKGROUND", "color": {"rgbColor": dict(_RGB_WHITE)}},
        {"colorType": "ACCENT1", "color": {"rgbColor": {"red": 0.25882354, "green": 0.52156866, "blue": 0.95686275}}},
        {"colorType": "ACCENT2", "color": {"rgbColor": {"red": 0.91764706, "green": 0.2627451, "blue": 0.20784314}}},
        {"colorType": "ACCENT3", "color": {"rgbColor": {"red": 0.9843137, "green": 0.7372549, "blue": 0.015686275}}},
        {"colorType": "ACCENT4", "color": {"rgbColor": {"red": 0.20392157, "green": 0.65882355, "blue": 0.3254902}}},
        {"colorType": "ACCENT5", "color": {"rgbColor": {"red": 1, "green": 0.42745098, "blue": 0.003921569}}},
        {"colorType": "ACCENT6", "color": {"rgbColor": {"red": 0.27450982, "green": 0.7411765, "blue": 0.7764706}}},
        {"colorType": "LINK", "color": {"rgbColor": {"red": 0.06666667, "green": 0.33333334, "blue": 0.8}}},
    ],
}


# --- the server -----------------------------------------------------------------------------


class FakeSheetsServer:
    """``with FakeSheetsServer() as fake: fake.add(FakeSpreadsheet.from_tabs({...}))``."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, require_auth: bool = True):
        self.host = host
        self.port = port
        self.require_auth = require_auth
        self._lock = threading.RLock()
        self._books: dict[str, FakeSpreadsheet] = {}
        self._fault: Fault | None = None
        self._log: list[LoggedRequest] = []
        self._tokens: set[str] = set()
        self._connections: set[socket.socket] = set()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._refuse_timer: threading.Timer | None = None

    # lifecycle
    def start(self) -> "FakeSheetsServer":
        self._stopping.clear()
        self._listen()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._refuse_timer:
            self._refuse_timer.cancel()
        self._unlisten()

    def __enter__(self) -> "FakeSheetsServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """What ``FORO_SHEETS_API_URL`` should be."""
        return f"http://{self.host}:{self.port}"

    @property
    def token_uri(self) -> str:
        return f"{self.url}/token"

    @property
    def listening(self) -> bool:
        return self._httpd is not None

    def _listen(self) -> None:
        with self._lock:
            if self._httpd is not None:
                return
            httpd = _HTTPServer((self.host, self.port), _Handler)
            httpd.fake = self
            self.port = httpd.server_address[1]
            self._httpd = httpd
            self._thread = threading.Thread(
                target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name=f"fake-sheets-{self.port}", daemon=True
            )
            self._thread.start()

    def _unlisten(self) -> None:
        with self._lock:
            httpd, self._httpd = self._httpd, None
            conns = list(self._connections)
        if httpd is None:
            return
        httpd.shutdown()
        httpd.server_close()
        # Keep-alive connections outlive the listening socket: cut them so clients see the outage.
        for c in conns:
            try:
                c.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    # workbooks
    def add(self, book: FakeSpreadsheet) -> FakeSpreadsheet:
        with self._lock:
            self._books[book.id] = book
        return book

    def replace_workbook(self, book: FakeSpreadsheet) -> None:
        self.add(book)

    def book(self, spreadsheet_id: str = DEFAULT_ID) -> FakeSpreadsheet:
        return self._books[spreadsheet_id]

    def rename_tab(self, old: str, new: str, spreadsheet_id: str = DEFAULT_ID) -> None:
        with self._lock:
            sheet = self._books[spreadsheet_id].sheet(old)
            if sheet is None:
                raise KeyError(old)
            sheet.title = new

    def delete_tab(self, title: str, spreadsheet_id: str = DEFAULT_ID) -> None:
        with self._lock:
            book = self._books[spreadsheet_id]
            book.sheets = [s for s in book.sheets if s.title != title]

    # faults
    def set_fault(self, kind: str, seconds: float = 0.0, times: int | None = None) -> None:
        fault = Fault(kind, seconds, times)
        if kind == "refuse":
            self.refuse(seconds or None)
            return
        with self._lock:
            self._fault = fault

    def clear_fault(self) -> None:
        with self._lock:
            self._fault = None
        self.resume()

    def refuse(self, seconds: float | None = None) -> None:
        """Stop listening (connections are refused); ``seconds`` later, listen again."""
        self._unlisten()
        if seconds:
            self._refuse_timer = threading.Timer(seconds, self.resume)
            self._refuse_timer.daemon = True
            self._refuse_timer.start()

    def resume(self) -> None:
        if not self._stopping.is_set():
            self._listen()

    def _take_fault(self, request_kind: str | None = None) -> Fault | None:
        with self._lock:
            fault = self._fault
            if fault is None:
                return None
            if fault.kind == "lost_reply" and request_kind not in WRITE_KINDS:
                return None  # only a write can be applied and then lose its answer
            if fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    self._fault = None
            return fault

    # log
    @property
    def requests(self) -> list[LoggedRequest]:
        with self._lock:
            return list(self._log)

    def count(self, *kinds: str) -> int:
        """Requests of these kinds (all API requests, token included, when none is named)."""
        with self._lock:
            if not kinds:
                return sum(1 for r in self._log if r.kind not in ("admin",))
            return sum(1 for r in self._log if r.kind in kinds)

    def reset_log(self) -> None:
        with self._lock:
            self._log.clear()

    def _record(self, entry: LoggedRequest) -> None:
        with self._lock:
            self._log.append(entry)

    def _issue_token(self) -> str:
        token = "ya29.fake-" + secrets.token_urlsafe(24)
        with self._lock:
            self._tokens.add(token)
        return token

    def _token_ok(self, header: str | None) -> bool:
        if not self.require_auth:
            return True
        if not header or not header.lower().startswith("bearer "):
            return False
        with self._lock:
            return header.split(" ", 1)[1].strip() in self._tokens


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    fake: FakeSheetsServer


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like the real API
    # Headers and body go out in two writes; with Nagle + delayed ACK each answer would stall ~40 ms.
    disable_nagle_algorithm = True
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the log is self.fake._log
        pass

    @property
    def fake(self) -> FakeSheetsServer:
        return self.server.fake

    def setup(self) -> None:
        super().setup()
        with self.fake._lock:
            self.fake._connections.add(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            with self.fake._lock:
                self.fake._connections.discard(self.connection)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    # plumbing
    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, status: int, payload: Any, headers: Mapping[str, str] | None = None) -> None:
        body = (
            payload
            if isinstance(payload, bytes)
            else (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode()
        )
        # Logged before the answer leaves, so a client that reads the log right after sees it.
        self._entry.status = status
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _dispatch(self, method: str) -> None:
        split = urlsplit(self.path)
        raw_path = split.path
        query = parse_qs(split.query, keep_blank_values=True)
        kind = request_kind(method, raw_path)
        self._entry = LoggedRequest(method, unquote(raw_path), query, kind, time.monotonic())
        self._lose_reply_after: float | None = None
        self.fake._record(self._entry)
        body = self._body()
        try:
            if kind == "token":
                return self._token(body)
            if kind == "admin":
                return self._admin(method, raw_path, body)
            if raw_path.startswith("/v4/"):
                if self._apply_fault():
                    return
                if not self.fake._token_ok(self.headers.get("Authorization")):
                    return self._send(
                        401,
                        _error(
                            401,
                            "Request had invalid authentication credentials. Expected "
                            "OAuth 2 access token, login cookie or other valid authentication "
                            "credential.",
                            "UNAUTHENTICATED",
                        ),
                    )
                return self._api(method, raw_path, query, body)
            self._send(404, _error(404, f"Not found: {raw_path}", "NOT_FOUND"))
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _apply_fault(self) -> bool:
        fault = self.fake._take_fault(self._entry.kind)
        if fault is None:
            return False
        if fault.kind == "lost_reply":
            # Handled in _api: the change is made, then the answer is lost.
            self._lose_reply_after = fault.seconds
            return False
        if fault.kind == "delay":
            # Stall longer than the client waits, then answer normally (to nobody).
            self.fake._stopping.wait(fault.seconds)
            return False
        if fault.kind == "close":
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return True
        if fault.kind == "malformed":
            self._send(200, b'{"spreadsheetId": "1Fake", "valueRanges": [{"range": "Ins')
            return True
        status, payload = FAULT_BODIES[fault.kind]
        headers = {"Retry-After": str(int(fault.seconds))} if fault.kind == "429" and fault.seconds else None
        self._send(status, payload, headers)
        return True

    # OAuth token endpoint
    def _token(self, body: bytes) -> None:
        form = parse_qs(body.decode("utf-8", "replace"))
        grant = (form.get("grant_type") or [""])[0]
        assertion = (form.get("assertion") or [""])[0]
        if grant != JWT_GRANT:
            return self._send(
                400, {"error": "unsupported_grant_type", "error_description": f"Invalid grant_type: {grant}"}
            )
        claims = _jwt_claims(assertion)
        if not claims or not claims.get("iss") or not claims.get("scope"):
            return self._send(400, {"error": "invalid_grant", "error_description": "Invalid JWT Signature."})
        self._send(200, {"access_token": self.fake._issue_token(), "expires_in": 3599, "token_type": "Bearer"})

    # admin endpoints, so a server started by hand can be steered
    def _admin(self, method: str, raw_path: str, body: bytes) -> None:
        fake = self.fake
        try:
            data = json.loads(body or b"{}")
        except ValueError:
            return self._send(400, {"error": "body must be JSON"})
        action = raw_path[len("/_admin/") :]
        try:
            if action == "fault" and method == "DELETE" or action == "fault" and data.get("kind") in (None, "", "none"):
                fake.clear_fault()
            elif action == "fault":
                if data["kind"] == "refuse":
                    # Answer first, then stop listening.
                    self._send(200, {"ok": True})
                    threading.Timer(0.05, fake.refuse, args=(float(data.get("seconds") or 5),)).start()
                    return
                fake.set_fault(data["kind"], float(data.get("seconds") or 0), data.get("times"))
            elif action == "requests" and method == "GET":
                return self._send(200, [r.as_json() for r in fake.requests])
            elif action == "reset":
                fake.reset_log()
            elif action == "rename_tab":
                fake.rename_tab(data["old"], data["new"], data.get("spreadsheet_id", DEFAULT_ID))
            elif action == "delete_tab":
                fake.delete_tab(data["title"], data.get("spreadsheet_id", DEFAULT_ID))
            elif action == "workbook":
                opts = {k: data[k] for k in ("id", "title", "locale", "time_zone") if k in data}
                book = (
                    FakeSpreadsheet.from_xlsx(data["xlsx"], **opts)
                    if data.get("xlsx")
                    else FakeSpreadsheet.from_tabs(data["tabs"], **opts)
                )
                fake.replace_workbook(book)
            else:
                return self._send(404, {"error": f"unknown admin action {action!r}"})
        except (KeyError, ValueError, TypeError, OSError) as e:
            return self._send(400, {"error": f"{type(e).__name__}: {e}"})
        self._send(200, {"ok": True})

    # Sheets API v4
    def _api(self, method: str, raw_path: str, query: dict[str, list[str]], body: bytes) -> None:
        # Compute under the lock, answer outside it: a slow reader must not stall other clients.
        with self.fake._lock:
            status, payload = _answer(self.fake._books, method, raw_path, query, body)
        stall = getattr(self, "_lose_reply_after", None)
        if stall is not None:
            # "lost_reply": the Sheet applied the request but the client never hears back
            # (a timeout when ``stall`` outlasts its read timeout, else a dropped connection).
            self._lose_reply_after = None
            if stall:
                self.fake._stopping.wait(stall)
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        self._send(status, payload)


def _answer(
    books: Mapping[str, FakeSpreadsheet], method: str, raw_path: str, query: dict[str, list[str]], body: bytes
) -> tuple[int, Any]:
    not_found = (404, _error(404, "Requested entity was not found.", "NOT_FOUND"))
    m = re.fullmatch(r"/v4/spreadsheets/([^/:]+)(.*)", raw_path)
    if not m:
        return not_found
    sid, rest = unquote(m.group(1)), m.group(2)
    book = books.get(sid)
    if book is None:
        return not_found
    if not book.shared:
        return FAULT_BODIES["403"]
    if not book.writable and method in ("POST", "PUT"):
        return FAULT_BODIES["403"]
    q = {k: v[-1] for k, v in query.items()}
    try:
        if rest == "" and method == "GET":
            return 200, _metadata(book)
        if rest == "/values:batchGet" and method == "GET":
            return 200, _batch_get(book, query.get("ranges", []), q)
        if rest.startswith("/values/") and rest.endswith(":append") and method == "POST":
            rng = unquote(rest[len("/values/") : -len(":append")])
            return 200, _append(book, rng, q, json.loads(body or b"{}"))
        if rest.startswith("/values/") and rest.endswith(":clear") and method == "POST":
            return 200, _clear(book, unquote(rest[len("/values/") : -len(":clear")]))
        if rest == ":batchUpdate" and method == "POST":
            return 200, _batch_update(book, json.loads(body or b"{}"))
        if rest.startswith("/values/") and method == "GET":
            return 200, _values_get(book, unquote(rest[len("/values/") :]), q)
        if rest.startswith("/values/") and method == "PUT":
            return 200, _update(book, unquote(rest[len("/values/") :]), q, json.loads(body or b"{}"))
    except RangeError as e:
        return 400, _error(400, f"Unable to parse range: {e}", "INVALID_ARGUMENT")
    except (ValueError, KeyError, TypeError) as e:
        return 400, _error(400, f"Invalid request: {e}", "INVALID_ARGUMENT")
    return not_found


def _jwt_claims(assertion: str) -> dict[str, Any] | None:
    parts = assertion.split(".")
    if len(parts) != 3:
        return None
    try:
        payload = parts[1] + "=" * (-len(parts[1]) % 4)
        return json.loads(base64.urlsafe_b64decode(payload))
    except ValueError:
        return None


def _sheet_properties(s: FakeSheet, index: int) -> dict[str, Any]:
    props: dict[str, Any] = {
        "sheetId": s.sheet_id,
        "title": s.title,
        "index": index,
        "sheetType": "GRID",
        "gridProperties": {"rowCount": s.row_count, "columnCount": s.column_count},
    }
    if s.hidden:
        props["hidden"] = True
    return props


def _metadata(book: FakeSpreadsheet) -> dict[str, Any]:
    sheets = [{"properties": _sheet_properties(s, index)} for index, s in enumerate(book.sheets)]
    return {
        "spreadsheetId": book.id,
        "properties": {
            "title": book.title,
            "locale": book.locale,
            "autoRecalc": "ON_CHANGE",
            "timeZone": book.time_zone,
            "defaultFormat": DEFAULT_FORMAT,
            "spreadsheetTheme": SPREADSHEET_THEME,
        },
        "sheets": sheets,
        "spreadsheetUrl": f"https://docs.google.com/spreadsheets/d/{book.id}/edit",
    }


def _value_range(book: FakeSpreadsheet, rng: str, q: Mapping[str, str]) -> dict[str, Any]:
    area = parse_range(rng, book)
    major = q.get("majorDimension", "ROWS")
    values = render_rows(
        area.sheet.rows,
        area.r0,
        area.c0,
        area.r1,
        area.c1,
        q.get("valueRenderOption", "FORMATTED_VALUE"),
        q.get("dateTimeRenderOption", "SERIAL_NUMBER"),
        book.locale,
        major,
    )
    out: dict[str, Any] = {"range": area.a1(), "majorDimension": major}
    if values:
        out["values"] = values
    return out


def _values_get(book: FakeSpreadsheet, rng: str, q: Mapping[str, str]) -> dict[str, Any]:
    return _value_range(book, rng, q)


def _batch_get(book: FakeSpreadsheet, ranges: list[str], q: Mapping[str, str]) -> dict[str, Any]:
    # One bad range fails the whole call, as in the real API.
    return {"spreadsheetId": book.id, "valueRanges": [_value_range(book, r, q) for r in ranges]}


def _store(book: FakeSpreadsheet, q: Mapping[str, str], values: list[list[Any]]) -> list[list[Any]]:
    option = q.get("valueInputOption")
    if option not in ("RAW", "USER_ENTERED"):
        raise ValueError("valueInputOption must be RAW or USER_ENTERED")
    if option == "RAW":
        return [[None if v == "" else v for v in row] for row in values]
    return [[parse_user_entered(v, book.locale) for v in row] for row in values]


def _empty(value: Any) -> bool:
    if isinstance(value, Entered):
        value = value.value
    return value is None or value == ""


def _write(sheet: FakeSheet, r0: int, c0: int, values: list[list[Any]]) -> None:
    for i, row in enumerate(values):
        r = r0 + i
        while len(sheet.rows) <= r:
            sheet.rows.append([])
        line = sheet.rows[r]
        while len(line) < c0 + len(row):
            line.append(None)
        line[c0 : c0 + len(row)] = row
    sheet.fit_grid()


def _updates(book: FakeSpreadsheet, sheet: FakeSheet, r0: int, c0: int, values: list[list[Any]]) -> dict[str, Any]:
    width = max((len(r) for r in values), default=0)
    area = Area(sheet, r0, c0, r0 + len(values), c0 + max(width, 1))
    return {
        "spreadsheetId": book.id,
        "updatedRange": area.a1(),
        "updatedRows": len(values),
        "updatedColumns": width,
        "updatedCells": sum(len(r) for r in values),
    }


def _table(area: Area) -> Area | None:
    """The "table" the API appends after: from the first row with data at or below the range's
    top-left cell, down to the row before the next blank one (so, like Google, an append can land
    in a gap in the middle of a sheet); as wide as that first row's contiguous cells."""
    sheet = area.sheet

    def used(r: int) -> bool:
        row = sheet.rows[r] if r < len(sheet.rows) else []
        return any(not _empty(v) for v in row[area.c0 :])

    start = next((r for r in range(area.r0, len(sheet.rows)) if used(r)), None)
    if start is None:
        return None
    end = start
    while end + 1 < len(sheet.rows) and used(end + 1):
        end += 1
    first = sheet.rows[start]
    c1 = area.c0
    while c1 < len(first) and not _empty(first[c1]):
        c1 += 1
    return Area(sheet, start, area.c0, end + 1, max(c1, area.c0 + 1))


def _append(book: FakeSpreadsheet, rng: str, q: Mapping[str, str], body: Mapping[str, Any]) -> dict[str, Any]:
    area = parse_range(rng, book)
    sheet = area.sheet
    values = _store(book, q, body.get("values") or [])
    table = _table(area)
    out: dict[str, Any] = {"spreadsheetId": book.id}
    if table is not None:
        out["tableRange"] = table.a1()
    r0 = table.r1 if table is not None else area.r0
    if q.get("insertDataOption") == "INSERT_ROWS":
        sheet.row_count += len(values)
    _write(sheet, r0, area.c0, values)
    out["updates"] = _updates(book, sheet, r0, area.c0, values)
    if str(q.get("includeValuesInResponse", "")).lower() == "true":
        out["updates"]["updatedData"] = _value_range(book, out["updates"]["updatedRange"], {})
    return out


def _update(book: FakeSpreadsheet, rng: str, q: Mapping[str, str], body: Mapping[str, Any]) -> dict[str, Any]:
    area = parse_range(rng, book)
    values = _store(book, q, body.get("values") or [])
    _write(area.sheet, area.r0, area.c0, values)
    return _updates(book, area.sheet, area.r0, area.c0, values)


def _clear(book: FakeSpreadsheet, rng: str) -> dict[str, Any]:
    area = parse_range(rng, book)
    for r in range(area.r0, min(area.r1, len(area.sheet.rows))):
        line = area.sheet.rows[r]
        for c in range(area.c0, min(area.c1, len(line))):
            line[c] = None
    return {"spreadsheetId": book.id, "clearedRange": area.a1()}


def _batch_update(book: FakeSpreadsheet, body: Mapping[str, Any]) -> dict[str, Any]:
    """addSheet, deleteSheet and updateSheetProperties (grid size, hidden, title)."""
    replies: list[dict[str, Any]] = []
    for req in body.get("requests") or []:
        if "addSheet" in req:
            props = req["addSheet"].get("properties") or {}
            grid = props.get("gridProperties") or {}
            title = props.get("title") or f"Hoja{len(book.sheets) + 1}"
            if book.sheet(title) is not None:
                raise ValueError(f'A sheet with the name "{title}" already exists.')
            sheet = FakeSheet(
                title,
                [],
                sheet_id=props.get("sheetId") or secrets.randbelow(2**31 - 1) + 1,
                row_count=grid.get("rowCount", MIN_ROWS),
                column_count=grid.get("columnCount", MIN_COLS),
                hidden=bool(props.get("hidden")),
            )
            book.sheets.append(sheet)
            replies.append({"addSheet": {"properties": _sheet_properties(sheet, len(book.sheets) - 1)}})
        elif "deleteSheet" in req:
            sid = req["deleteSheet"]["sheetId"]
            book.sheets = [s for s in book.sheets if s.sheet_id != sid]
            replies.append({})
        elif "updateSheetProperties" in req:
            props = req["updateSheetProperties"]["properties"]
            sheet = next(s for s in book.sheets if s.sheet_id == props.get("sheetId", 0))
            grid = props.get("gridProperties") or {}
            if "rowCount" in grid:
                sheet.row_count = grid["rowCount"]
                del sheet.rows[sheet.row_count :]
            if "columnCount" in grid:
                sheet.column_count = grid["columnCount"]
                for line in sheet.rows:
                    del line[sheet.column_count :]
            if "hidden" in props:
                sheet.hidden = bool(props["hidden"])
            if "title" in props:
                sheet.title = props["title"]
            replies.append({})
        else:
            raise ValueError(f"unsupported request {sorted(req)}")
    return {"spreadsheetId": book.id, "replies": replies}


# --- a throwaway service account ------------------------------------------------------------


def make_service_account(
    token_uri: str, email: str = "foro-en-vivo@ensayo-local.iam.gserviceaccount.com"
) -> dict[str, str]:
    """A service-account JSON with a fresh RSA key (never a committed one) whose tokens come from
    ``token_uri`` — the fake server's ``/token``."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    return {
        "type": "service_account",
        "project_id": "ensayo-local",
        "private_key_id": uuid.uuid4().hex,
        "private_key": pem,
        "client_email": email,
        "client_id": str(10**20 + secrets.randbelow(10**20)),
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": token_uri,
        "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
        "client_x509_cert_url": "",
        "universe_domain": "googleapis.com",
    }
