"""The raw workbook every source returns, and the errors a source may raise."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol, Union

from ..errors import ForoError, Said

Cell = Union[str, int, float, bool, datetime, date, None]


def trim_row(row: list[Cell]) -> list[Cell]:
    """Drop trailing empty cells, as the Sheets API does, so every source looks alike.

    >>> trim_row(["a", "", None, "b", "", None])
    ['a', '', None, 'b']
    """
    end = len(row)
    while end and (row[end - 1] is None or row[end - 1] == ""):
        end -= 1
    return list(row[:end])


# Row 0 of each tab is the header row, exactly as the Sheet holds it. Trailing cells may be missing.
Rows = list[list[Cell]]


@dataclass(frozen=True)
class RawWorkbook:
    """Tab title (as found in the source) -> rows of cells. Nothing is cleaned yet."""

    tabs: dict[str, Rows]
    time_zone: str | None = None  # the Sheet's own time zone, when the source knows it
    locale: str | None = None
    # Dates read as serial numbers (Sheets UNFORMATTED_VALUE + SERIAL_NUMBER): clean must turn
    # numbers in date columns into datetimes. Local files carry real datetimes.
    serial_dates: bool = False
    # When it was read, if not just now: a read shared by another replica (``shared_read``).
    read_at: datetime | None = None

    def fingerprint(self) -> str:
        """A short digest of everything the workbook holds: equal digests, equal Snapshots.

        Pages redraw only when it changes (issue 14), and the feed skips cleaning an unchanged read.

        >>> a = RawWorkbook({"Salas": [["Sala"], ["Plenario"]]})
        >>> a.fingerprint() == RawWorkbook({"Salas": [["Sala"], ["Plenario"]]}).fingerprint()
        True
        >>> a.fingerprint() == RawWorkbook({"Salas": [["Sala"], ["Sala 2"]]}).fingerprint()
        False
        """
        # Types matter (the number 1 and the text "1" clean differently), so each cell is tagged.
        body = json.dumps(
            [self.time_zone, self.locale, self.serial_dates, sorted(self.tabs.items())],
            default=lambda v: [type(v).__name__, v.isoformat()],
            ensure_ascii=False,
        )
        return hashlib.blake2b(body.encode("utf-8"), digest_size=12).hexdigest()


class SourceError(ForoError):
    """A source could not deliver a workbook. ``code`` says what failed, the value callers branch
    on (``SheetsCode`` for a Sheet, ``archivo``, ``contenido``, ``error``); the reason is one or
    more catalogue sentences (``sentences()``), worded in Spanish by ``reason`` and in the
    viewer's language by ``reason_in``."""

    def __init__(self, code: str, *reason: Said, retry_after: float | None = None):
        if not reason:
            raise ValueError("a SourceError says why: give at least one sentence")
        self._reason = reason
        self.retry_after = retry_after
        super().__init__(code)

    def sentences(self) -> tuple[Said, ...]:
        return self._reason


class Source(Protocol):
    @property
    def tipo(self) -> str:  # "demo" | "archivo" | "gsheets"
        ...

    @property
    def descripcion(self) -> str: ...

    def read(self) -> RawWorkbook:
        """One read of the whole workbook. Raises SourceError on failure."""
        ...
