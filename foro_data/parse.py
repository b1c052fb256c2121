"""Pure converters from what real Sheet cells hold (es-AR text, serials, Forms stamps) to Python values.

Every converter either returns a clean value or raises :class:`ParseError` whose ``reason`` is one
Spanish sentence naming the offending value, ready for the *Calidad de datos* page.

Opinionated choices, made here once (each is pinned by a test):

* Dates are always **day-first** (es-AR): ``5/6/2025`` is 5 June. A month-first stamp such as
  ``6/19/2025`` is refused rather than guessed, so a Sheet never mixes two readings silently.
* In :func:`parse_number` a single dot followed by exactly three digits (and a leading group of one
  to three digits, not starting with 0) is a **thousands** separator: ``1.234`` is 1234, as
  es-AR writes it; ``1.5``, ``0.250`` and ``1234.567`` stay decimals. A single comma is always the
  decimal mark: ``1,200`` is 1.2.
* :func:`parse_money` differs in one case only: a single comma followed by exactly three digits is
  a thousands separator (``USD 1,200`` is 1200), because no amount of money has three decimals.
* :func:`parse_decimal` (coordinates, percentages) reads any single separator as the decimal mark:
  ``-32.889`` is -32.889 there, not -32889.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from foro_data.catalogue.problems import ParseSentence as X
from foro_data.countries import country_code, country_name
from foro_data.errors import ForoError, Said
from foro_data.schema import CURRENCY_SYMBOLS, fold

__all__ = [
    "ParseError",
    "text",
    "digits",
    "parse_datetime",
    "parse_number",
    "parse_decimal",
    "parse_money",
    "parse_int",
    "split_list",
    "country_code",
    "country_name",
]


class ParseError(ForoError, ValueError):
    """A cell that cannot be converted: ``code`` is a ``ParseSentence``
    (foro_data/catalogue/problems.py), ``reason`` its Spanish sentence, ``said`` the sentence for
    any language. ``value`` is the cell as it was."""

    def __init__(self, code: str, /, value: object = None, **params: object) -> None:
        super().__init__(code, **params)
        self.value = value

    @property
    def kind(self) -> str:
        """The Problem kind the refusal falls under: ``"vacio"``, ``"fecha_invalida"``,
        ``"numero_invalido"`` or ``"formato"``."""
        return _KIND.get(self.code, "formato")


_KIND: dict[str, str] = {
    X.FECHA_VACIA: "vacio",
    X.NUMERO_VACIO: "vacio",
    X.FECHA_NO_RECONOCIDA: "fecha_invalida",
    X.FECHA_INEXISTENTE: "fecha_invalida",
    X.HORA_SIN_FECHA: "fecha_invalida",
    X.HORA_INEXISTENTE: "fecha_invalida",
    X.NUMERO_NO_RECONOCIDO: "numero_invalido",
    X.ENTERO: "numero_invalido",
}


def _show(value: object) -> str:
    """The value as quoted in a reason: short and on one line."""
    s = " ".join(str(value).split())
    return s if len(s) <= 60 else s[:57] + "..."


def _is_blank_float(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


# --- Text -------------------------------------------------------------------------------------

_ODD_SPACE_RE = re.compile(r"[^\S ]")  # any whitespace other than a plain space
# Bidi controls (embeddings, overrides, isolates, marks): "Sala abc\u202eexe.txt" would show as
# "Sala abctxt.exe". Sheet text never needs them, so they are dropped (issue 18, item 7).
_BIDI_RE = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def text(value: object) -> str:
    """A cell as clean text: blank for None, whole numbers without ``.0``, inner spaces collapsed.

    >>> text(None)
    ''
    >>> text(30123456.0)
    '30123456'
    >>> text(12.5)
    '12.5'
    >>> text("  Godoy   Cruz \\n")
    'Godoy Cruz'
    >>> text("Sala6 abc\\u202eexe.txt")
    'Sala6 abcexe.txt'
    """
    if value is None or _is_blank_float(value):
        return ""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, str):
        # Fast path: most cells are already clean.
        if (
            "  " not in value
            and value == value.strip()
            and not _ODD_SPACE_RE.search(value)
            and not _BIDI_RE.search(value)
        ):
            return value
        return " ".join(_BIDI_RE.sub("", value).split())
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return str(int(value))
    return " ".join(str(value).split())


def digits(value: object) -> str:
    """Only the digits of a cell (documents, phone numbers).

    >>> digits("30.123.456")
    '30123456'
    >>> digits(30123456.0)
    '30123456'
    >>> digits(None)
    ''
    """
    return "".join(ch for ch in text(value) if ch.isdigit() and ch.isascii())


_SPLIT_RE = re.compile(r"[,;/|\n\r]+")


def split_list(value: object) -> tuple[str, ...]:
    """Items of a multi-choice cell, in order, blanks dropped, repeats (accent/case-folded) dropped.

    Separators: ``,`` ``;`` ``/`` ``|`` and new lines.

    >>> split_list("Diseño urbano, Crimen organizado; Policías")
    ('Diseño urbano', 'Crimen organizado', 'Policías')
    >>> split_list("Mercociudades | mercociudades / ")
    ('Mercociudades',)
    """
    s = text(value) if not isinstance(value, str) else value
    out: list[str] = []
    seen: set[str] = set()
    for part in _SPLIT_RE.split(s):
        item = " ".join(part.split())
        if not item:
            continue
        key = fold(item)
        if key in seen:
            continue
        seen.add(key)
        out.append(item)
    return tuple(out)


# --- Dates and times --------------------------------------------------------------------------

_SERIAL_EPOCH = datetime(1899, 12, 30)
# Plausible serial dates when a number arrives without being asked for as a date: 1954..2119.
_SERIAL_MIN, _SERIAL_MAX = 20000, 80000

# Google Forms (es-AR): "19/6/2025 9:05:33", "19/06/2025 09:05", "19/06/2025". Precompiled fast path.
_DMY_RE = re.compile(
    r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})"
    r"(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,6}))?)?"
    r"\s*(?:(a|p)\.?\s*m\.?)?\s*(?:hs?\.?|horas?)?)?",
    re.IGNORECASE,
)
# A time of day without a date: "9:05", "09:05:10", "9.05 hs", "9 h", "9h30", "9:05 p. m.".
_TIME_RE = re.compile(
    r"(\d{1,2})(?:(?:[:.]|\s*h\s*)(\d{2}))?(?:[:.](\d{2}))?"
    r"\s*(?:(a|p)\.?\s*m\.?)?\s*(hs?\.?|horas?|hrs?\.?)?",
    re.IGNORECASE,
)
_ISO_START_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SERIAL_STR_RE = re.compile(r"\d+(?:[.,]\d+)?")


def _bad_date(value: object) -> ParseError:
    return ParseError(X.FECHA_NO_RECONOCIDA, value, valor=_show(value))


def _impossible(value: object, order: str = X.ORDEN_DMA) -> ParseError:
    return ParseError(X.FECHA_INEXISTENTE, value, valor=_show(value), orden=Said.of(order))


def _needs_date(value: object) -> ParseError:
    return ParseError(X.HORA_SIN_FECHA, value, valor=_show(value))


def _hour12(hour: int, ampm: str | None) -> int:
    if not ampm:
        return hour
    if not 1 <= hour <= 12:
        raise ValueError("hour out of range for a.m./p.m.")
    if ampm.lower() == "a":
        return 0 if hour == 12 else hour
    return 12 if hour == 12 else hour + 12


def _from_serial(number: float, tz: ZoneInfo, default_date: date | None, original: object) -> datetime:
    """Sheets serial: days since 1899-12-30 in the Sheet's wall clock; the fraction is the time."""
    if not math.isfinite(number) or number < 0:
        raise _bad_date(original)
    if number < 1:
        if default_date is None:
            raise _needs_date(original)
        seconds = round(number * 86400)
        base = datetime(default_date.year, default_date.month, default_date.day)
        return (base + timedelta(seconds=seconds)).replace(tzinfo=tz)
    # Round to the second: serial fractions carry float noise (09:05:32.999999).
    try:
        naive = _SERIAL_EPOCH + timedelta(seconds=round(number * 86400))
    except OverflowError:
        raise _bad_date(original) from None
    return naive.replace(tzinfo=tz)


def parse_datetime(
    value: object,
    tz: ZoneInfo,
    *,
    serial: bool = False,
    default_date: date | None = None,
) -> datetime:
    """A cell as an aware datetime in ``tz``. Day-first always; naive values are ``tz`` wall clock.

    ``serial=True`` says the source sent numbers as Sheets serials (days since 1899-12-30);
    without it a number is still read as a serial when it lies in 20000..80000 (1954..2119).
    Text is what someone typed: it is read as a serial only in that range, never because of the flag.
    Bare times ("9:05", "9.05 hs", serial fractions < 1) fall on ``default_date``.

    >>> tz = ZoneInfo("America/Argentina/Mendoza")
    >>> parse_datetime("19/6/2025 9:05:33", tz).isoformat()
    '2025-06-19T09:05:33-03:00'
    >>> parse_datetime("5/6/2025", tz).date()  # day first: 5 June
    datetime.date(2025, 6, 5)
    >>> parse_datetime("2025-06-19T12:05:33Z", tz).isoformat()
    '2025-06-19T09:05:33-03:00'
    >>> parse_datetime(45827.375, tz).isoformat()
    '2025-06-19T09:00:00-03:00'
    >>> parse_datetime("9.05 hs", tz, default_date=date(2025, 6, 19)).isoformat()
    '2025-06-19T09:05:00-03:00'
    """
    if isinstance(value, str):
        s = value.strip()
        m = _DMY_RE.fullmatch(s)
        if m is not None:
            d, mo, y, hh, mi, ss, frac, ampm = m.groups()
            year = int(y)
            if len(y) == 2:
                year += 2000
            try:
                if hh is None:
                    return datetime(year, int(mo), int(d), tzinfo=tz)
                micro = int(frac.ljust(6, "0")) if frac else 0
                return datetime(
                    year, int(mo), int(d), _hour12(int(hh), ampm), int(mi), int(ss) if ss else 0, micro, tzinfo=tz
                )
            except ValueError:
                raise _impossible(value) from None
        return _parse_datetime_text(s, value, tz, default_date)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=tz)
        return value.astimezone(tz)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=tz)
    if isinstance(value, time):
        if default_date is None:
            raise _needs_date(value)
        return datetime.combine(default_date, value.replace(tzinfo=None)).replace(tzinfo=tz)
    if value is None or _is_blank_float(value):
        raise ParseError(X.FECHA_VACIA, value)
    if isinstance(value, bool):
        raise _bad_date(value)
    if isinstance(value, (int, float, Decimal)):
        number = float(value)
        # A fraction below 1 is a time-only cell; _from_serial asks for default_date if missing.
        if serial or _SERIAL_MIN < number < _SERIAL_MAX or 0 <= number < 1:
            return _from_serial(number, tz, default_date, value)
        raise _bad_date(value)
    raise _bad_date(value)


def _parse_datetime_text(s: str, original: object, tz: ZoneInfo, default_date: date | None) -> datetime:
    """Slow path for text that is not a Forms stamp: ISO 8601, bare times, serials as text."""
    if not s:
        raise ParseError(X.FECHA_VACIA, original)
    if _ISO_START_RE.match(s):
        try:
            parsed = datetime.fromisoformat(s)
        except ValueError:
            # Well-shaped but impossible (2025-02-31) vs. garbage after a date.
            try:
                date.fromisoformat(s[:10])
            except ValueError:
                raise _impossible(original, X.ORDEN_AMD) from None
            raise _bad_date(original) from None
        return parsed.replace(tzinfo=tz) if parsed.tzinfo is None else parsed.astimezone(tz)
    if _SERIAL_STR_RE.fullmatch(s) and ("." in s or "," in s or len(s) >= 5):
        number = float(s.replace(",", "."))
        # Real serials arrive as numbers; text is what someone typed, so "9.30" and "0.30" are
        # times even when serial=True. Only a plausible serial date ("45827.375") is read as one.
        if _SERIAL_MIN < number < _SERIAL_MAX:
            return _from_serial(number, tz, default_date, original)
    m = _TIME_RE.fullmatch(s)
    # A bare "9" is a number, not a time: ask for a separator or an "h" suffix.
    if m is not None and (m.group(2) is not None or m.group(5) is not None):
        if default_date is None:
            raise _needs_date(original)
        hh, mi, ss, ampm, _ = m.groups()
        try:
            return datetime(
                default_date.year,
                default_date.month,
                default_date.day,
                _hour12(int(hh), ampm),
                int(mi) if mi else 0,
                int(ss) if ss else 0,
                tzinfo=tz,
            )
        except ValueError:
            raise ParseError(X.HORA_INEXISTENTE, original, valor=_show(original)) from None
    raise _bad_date(original)


# --- Numbers ----------------------------------------------------------------------------------

# Currency markers recognised around an amount (folded with str.casefold, spaces removed).
# A bare "$" is deliberately absent: it is ARS, UYU, CLP, MXN... and the Moneda column decides.
_CURRENCY_MARKERS: dict[str, str] = {
    **{k: v for k, v in CURRENCY_SYMBOLS.items() if k != "$"},
    "u$d": "USD",
    "us": "USD",
    "dolares": "USD",
    "dólares": "USD",
    "dolar": "USD",
    "dólar": "USD",
    "dólares estadounidenses": "USD",
    "reales": "BRL",
    "reais": "BRL",
    "real": "BRL",
    "euros": "EUR",
    "euro": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "cop": "COP",
    "mxn": "MXN",
    "clp$": "CLP",
    "gs.": "PYG",
    "₲": "PYG",
    "s/.": "PEN",
    "bs.": "BOB",
    "$ar": "ARS",
    "$ars": "ARS",
    "pesos": "",  # recognised, but as ambiguous as "$"
    "$": "",
}
_NUMBER_BODY_RE = re.compile(r"\d(?:[\d.,' \u00a0\u202f]*\d)?")
_GROUPED_RE = {
    ".": re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+"),
    ",": re.compile(r"[1-9]\d{0,2}(?:,\d{3})+"),
    " ": re.compile(r"[1-9]\d{0,2}(?: \d{3})+"),
    "'": re.compile(r"[1-9]\d{0,2}(?:'\d{3})+"),
}


def _bad_number(value: object) -> ParseError:
    return ParseError(X.NUMERO_NO_RECONOCIDO, value, valor=_show(value))


def _split_amount(value: object) -> tuple[str, str, str, str]:
    """(sign, body, marker, original) of a text amount; body keeps only digits and separators."""
    s = value if isinstance(value, str) else str(value)
    s = s.strip()
    if not s:
        raise ParseError(X.NUMERO_VACIO, value)
    m = _NUMBER_BODY_RE.search(s)
    if m is None:
        raise _bad_number(value)
    before, body, after = s[: m.start()], m.group(), s[m.end() :]
    negative = False
    # Accounting negative "(1.500)" and es-AR "no cents" suffix "$ 1.500.-".
    if "(" in before and ")" in after:
        negative = True
        before, after = before.replace("(", "", 1), after.replace(")", "", 1)
    for suffix in (".-", ",-", ",--", ".--"):
        if after.rstrip().endswith(suffix):
            after = after.rstrip()[: -len(suffix)]
            break
    before = before.strip()
    # Signs may sit either side of a currency marker: "-$ 150", "$ -150", "USD -3".
    while before and before[-1] in "-+−":
        negative ^= before[-1] in "-−"
        before = before[:-1].strip()
    while before and before[0] in "-+−":
        negative ^= before[0] in "-−"
        before = before[1:].strip()
    marker = (before + " " + after.strip()).strip()
    key = " ".join(marker.casefold().split())
    if key and key not in _CURRENCY_MARKERS:
        key = key.replace(" ", "")
        if key not in _CURRENCY_MARKERS:
            raise _bad_number(value)
    currency = _CURRENCY_MARKERS.get(key, "") if key else ""
    return ("-" if negative else ""), body, currency, s


def _number_from_body(body: str, original: object, *, comma_thousands: bool, dot_thousands: bool) -> float:
    for space in ("\u00a0", "\u202f"):
        body = body.replace(space, " ")
    if " " in body or "'" in body:
        sep = " " if " " in body else "'"
        head, _, tail = _rpartition_decimal(body)
        if not _GROUPED_RE[sep].fullmatch(head):
            raise _bad_number(original)
        body = head.replace(sep, "") + ("." + tail if tail else "")
        return float(body)
    has_dot, has_comma = "." in body, "," in body
    if has_dot and has_comma:
        # Both: the last one is the decimal mark, the other groups thousands.
        dec = "." if body.rfind(".") > body.rfind(",") else ","
        thousands = "," if dec == "." else "."
        head, _, tail = body.rpartition(dec)
        if dec in head or not _GROUPED_RE[thousands].fullmatch(head):
            raise _bad_number(original)
        return float(head.replace(thousands, "") + "." + tail)
    for sep, as_thousands in ((".", dot_thousands), (",", comma_thousands)):
        if sep not in body:
            continue
        if body.count(sep) > 1:
            if not _GROUPED_RE[sep].fullmatch(body):
                raise _bad_number(original)
            return float(body.replace(sep, ""))
        if as_thousands and _GROUPED_RE[sep].fullmatch(body):
            return float(body.replace(sep, ""))
        return float(body.replace(sep, "."))
    return float(body)


def _rpartition_decimal(body: str) -> tuple[str, str, str]:
    """Split "1 234,50" into ("1 234", ",", "50"); no decimal part gives (body, "", "")."""
    for dec in (",", "."):
        if dec in body:
            head, sep, tail = body.rpartition(dec)
            if "," in head or "." in head:
                break
            return head, sep, tail
    return body, "", ""


def _parse_amount(value: object, *, comma_thousands: bool, dot_thousands: bool = True) -> tuple[float, str]:
    if value is None or _is_blank_float(value):
        raise ParseError(X.NUMERO_VACIO, value)
    if isinstance(value, bool):
        raise _bad_number(value)
    if isinstance(value, (int, float, Decimal)):
        number = float(value)
        if not math.isfinite(number):
            raise _bad_number(value)
        return number, ""
    sign, body, currency, _ = _split_amount(value)
    number = _number_from_body(body, value, comma_thousands=comma_thousands, dot_thousands=dot_thousands)
    return (-number if sign else number), currency


def parse_number(value: object) -> float:
    """An es-AR number (or an unambiguous en-US one) as a float; currency markers are dropped.

    >>> parse_number("1.234.567,50")
    1234567.5
    >>> parse_number("$ 150.000")
    150000.0
    >>> parse_number("12,5")
    12.5
    >>> parse_number("1.234")  # es-AR thousands
    1234.0
    >>> parse_number("1,200.00")
    1200.0
    >>> parse_number("(1.500)")
    -1500.0
    """
    return _parse_amount(value, comma_thousands=False)[0]


def parse_decimal(value: object) -> float:
    """Like :func:`parse_number`, but a lone dot or comma is always the decimal mark (coordinates).

    >>> parse_decimal("-32.889")
    -32.889
    >>> parse_decimal("-68,845")
    -68.845
    >>> parse_decimal("1.234,5")
    1234.5
    """
    return _parse_amount(value, comma_thousands=False, dot_thousands=False)[0]


def parse_money(value: object) -> tuple[float, str | None]:
    """An amount and the currency written next to it (ISO code), or None when none or only ``$``.

    A bare ``$`` (or "pesos") is ambiguous between ARS, UYU, CLP, MXN...: the Moneda column decides.

    >>> parse_money("USD 1,200.00")
    (1200.0, 'USD')
    >>> parse_money("US$ 300")
    (300.0, 'USD')
    >>> parse_money("$ 150.000")
    (150000.0, None)
    >>> parse_money("R$ 2.500,00")
    (2500.0, 'BRL')
    >>> parse_money("150.000 ARS")
    (150000.0, 'ARS')
    >>> parse_money("USD 1,200")  # money never has three decimals
    (1200.0, 'USD')
    """
    number, currency = _parse_amount(value, comma_thousands=True)
    return number, (currency or None)


def parse_int(value: object) -> int:
    """A whole number (capacities, counts); refuses fractions.

    >>> parse_int("60")
    60
    >>> parse_int(" +2 ")
    2
    >>> parse_int("1.200")
    1200
    """
    number = parse_number(value)
    if not number.is_integer():
        raise ParseError(X.ENTERO, value, valor=_show(value))
    return int(number)


# The Evento tab's optional target arrival curve: "9:00=150; 10:00=300; 11:30=400".
META_LLEGADAS = "meta_acreditados"
_META_PART = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*=\s*(\d[\d.]*)\s*$")


def parse_meta(value: object) -> tuple[list[tuple[time, int]], list[str]]:
    """Target check-ins by time of day, in time order, and the parts that could not be read.

    >>> parse_meta("9:00=150; 10:00 = 300;11.30=1.400; mediodía=500")
    ([(datetime.time(9, 0), 150), (datetime.time(10, 0), 300), (datetime.time(11, 30), 1400)], ['mediodía=500'])
    """
    good: list[tuple[time, int]] = []
    bad: list[str] = []
    for part in (x.strip() for x in re.split(r"[;\n]", text(value)) if x.strip()):
        m = _META_PART.match(part)
        if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
            good.append((time(int(m.group(1)), int(m.group(2))), int(m.group(3).replace(".", ""))))
        else:
            bad.append(part)
    return sorted(good), bad
