"""The raw workbook every source returns, and the errors a source may raise."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol, Union

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


class SourceError(Exception):
    """A source could not deliver a workbook. ``reason`` is one Spanish sentence for people."""

    def __init__(self, reason: str, code: str = "error", retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.code = code
        self.retry_after = retry_after


class Source(Protocol):
    @property
    def tipo(self) -> str:  # "demo" | "archivo" | "gsheets"
        ...

    @property
    def descripcion(self) -> str:
        ...

    def read(self) -> RawWorkbook:
        """One read of the whole workbook. Raises SourceError on failure."""
        ...
