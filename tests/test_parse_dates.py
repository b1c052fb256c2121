"""parse_datetime: Google Forms stamps, ISO, serials, bare times, and the refusals."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from foro_data.parse import ParseError, parse_datetime

TZ = ZoneInfo("America/Argentina/Mendoza")
DAY = date(2025, 6, 19)


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=TZ)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Google Forms, es-AR locale, as the API and CSV exports give them.
        ("19/6/2025 9:05:33", at(2025, 6, 19, 9, 5, 33)),
        ("19/6/2025 9:05", at(2025, 6, 19, 9, 5)),
        ("19/06/2025 09:05:33", at(2025, 6, 19, 9, 5, 33)),
        ("  19/6/2025 9:05:33 ", at(2025, 6, 19, 9, 5, 33)),
        ("19/06/2025", at(2025, 6, 19)),
        ("19-06-2025 17:40", at(2025, 6, 19, 17, 40)),
        ("19.6.2025", at(2025, 6, 19)),
        ("19/6/25 9:05", at(2025, 6, 19, 9, 5)),
        ("19/6/2025 9:05 hs", at(2025, 6, 19, 9, 5)),
        ("19/6/2025 9:05:33 p. m.", at(2025, 6, 19, 21, 5, 33)),
        ("19/6/2025 12:10 a.m.", at(2025, 6, 19, 0, 10)),
        # Day first, always (es-AR): 5/6 is 5 June, never 6 May.
        ("5/6/2025", at(2025, 6, 5)),
        ("1/12/2025 8:00", at(2025, 12, 1, 8, 0)),
        # ISO 8601; an offset or Z is converted to the event's zone (UTC-3).
        ("2025-06-19T09:05:33", at(2025, 6, 19, 9, 5, 33)),
        ("2025-06-19 09:05", at(2025, 6, 19, 9, 5)),
        ("2025-06-19", at(2025, 6, 19)),
        ("2025-06-19T12:05:33Z", at(2025, 6, 19, 9, 5, 33)),
        ("2025-06-19T12:05:33+00:00", at(2025, 6, 19, 9, 5, 33)),
        # Serials (UNFORMATTED_VALUE + SERIAL_NUMBER): days since 1899-12-30, fraction = time.
        (45827, at(2025, 6, 19)),
        (45827.375, at(2025, 6, 19, 9, 0)),
        (45827.37886574074, at(2025, 6, 19, 9, 5, 34)),  # rounded to the second
        ("45827.375", at(2025, 6, 19, 9, 0)),
        ("45827,375", at(2025, 6, 19, 9, 0)),
        # Python values from openpyxl or pandas.
        (datetime(2025, 6, 19, 9, 5), at(2025, 6, 19, 9, 5)),
        (datetime(2025, 6, 19, 12, 5, tzinfo=timezone.utc), at(2025, 6, 19, 9, 5)),
        (date(2025, 6, 19), at(2025, 6, 19)),
    ],
)
def test_parse_datetime(value: object, expected: datetime) -> None:
    got = parse_datetime(value, TZ)
    assert got == expected
    assert got.utcoffset() == expected.utcoffset()
    assert got.tzinfo is TZ


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("9:05", at(2025, 6, 19, 9, 5)),
        ("09:05:10", at(2025, 6, 19, 9, 5, 10)),
        ("9.05 hs", at(2025, 6, 19, 9, 5)),
        ("9 h", at(2025, 6, 19, 9, 0)),
        ("9hs", at(2025, 6, 19, 9, 0)),
        ("9h30", at(2025, 6, 19, 9, 30)),
        ("18:30 horas", at(2025, 6, 19, 18, 30)),
        ("9:05 p. m.", at(2025, 6, 19, 21, 5)),
        # Sheets serial with no date part (a time-only cell).
        (0.375, at(2025, 6, 19, 9, 0)),
        (0.0, at(2025, 6, 19, 0, 0)),
        # Typed text "0.30" is half past midnight, not a serial fraction (that would be 07:12).
        ("0.30", at(2025, 6, 19, 0, 30)),
        (time(9, 5), at(2025, 6, 19, 9, 5)),
        # A full date ignores default_date.
        ("20/6/2025 10:00", at(2025, 6, 20, 10, 0)),
    ],
)
def test_bare_times_fall_on_default_date(value: object, expected: datetime) -> None:
    assert parse_datetime(value, TZ, default_date=DAY) == expected


def test_serial_flag_reads_small_numbers_and_text_fractions() -> None:
    # Without serial=True, 100 is not a plausible date; with it, it is 1900-04-09.
    assert parse_datetime(100, TZ, serial=True) == at(1900, 4, 9)
    assert parse_datetime(0.5, TZ, serial=True, default_date=DAY) == at(2025, 6, 19, 12, 0)
    # Text is what someone typed: "9.30" stays half past nine even when the source sends serials.
    assert parse_datetime("9.30", TZ, serial=True, default_date=DAY) == at(2025, 6, 19, 9, 30)
    assert parse_datetime("0.30", TZ, serial=True, default_date=DAY) == at(2025, 6, 19, 0, 30)
    with pytest.raises(ParseError):
        parse_datetime(100, TZ)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (None, "vacio"),
        ("", "vacio"),
        ("   ", "vacio"),
        (float("nan"), "vacio"),
        ("ayer", "fecha_invalida"),
        ("19 de junio", "fecha_invalida"),
        ("31/2/2025", "fecha_invalida"),
        ("19/13/2025", "fecha_invalida"),
        ("2025-02-31", "fecha_invalida"),
        ("2025-06-19 junio", "fecha_invalida"),
        ("19/6/2025 25:00", "fecha_invalida"),
        # Month-first (en-US Forms) is refused, not guessed: 6/19 would read as month 19.
        ("6/19/2025", "fecha_invalida"),
        ("9", "fecha_invalida"),  # a bare number is not a time; ask for "9:00" or "9 h"
        (5, "fecha_invalida"),
        (True, "fecha_invalida"),
        (-1.5, "fecha_invalida"),
    ],
)
def test_refusals(value: object, kind: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_datetime(value, TZ, default_date=DAY)
    assert info.value.kind == kind
    assert isinstance(info.value, ValueError)
    assert info.value.args[0] == info.value.reason


@pytest.mark.parametrize("value", ["9:05", 0.375, time(9, 5), "9 h"])
def test_time_without_default_date_is_refused(value: object) -> None:
    with pytest.raises(ParseError) as info:
        parse_datetime(value, TZ)
    assert "no tiene fecha" in info.value.reason


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("ayer", ("No se reconoce la fecha", "«ayer»", "dd/mm/aaaa")),
        ("31/2/2025", ("no existe", "«31/2/2025»", "día/mes/año")),
        ("2025-02-31", ("no existe", "«2025-02-31»", "año-mes-día")),
        ("9:05", ("La hora", "«9:05»", "fecha")),
    ],
)
def test_reasons_are_spanish_and_quote_the_value(value: str, words: tuple[str, ...]) -> None:
    with pytest.raises(ParseError) as info:
        parse_datetime(value, TZ)
    for word in words:
        assert word in info.value.reason
    assert info.value.value == value


def test_long_values_are_shortened_in_the_reason() -> None:
    with pytest.raises(ParseError) as info:
        parse_datetime("x" * 500, TZ)
    assert len(info.value.reason) < 150
