"""parse_number, parse_decimal, parse_money, parse_int, text, digits, split_list: es-AR cells as tables."""

from __future__ import annotations

from decimal import Decimal

import pytest

from foro_data.parse import (
    ParseError,
    digits,
    parse_decimal,
    parse_int,
    parse_money,
    parse_number,
    split_list,
    text,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1.234.567,50", 1234567.5),
        ("$ 150.000", 150000.0),
        ("$150.000", 150000.0),
        ("12,5", 12.5),
        ("0,25", 0.25),
        # Decided: a single dot followed by exactly three digits groups thousands (es-AR writes
        # 1.234 for one thousand two hundred thirty-four); anything else with one dot is a decimal.
        ("1.234", 1234.0),
        ("60.000", 60000.0),
        ("1.5", 1.5),
        ("1.50", 1.5),
        ("0.500", 0.5),  # a leading 0 cannot start a thousands group
        ("1234.567", 1234.567),  # nor can a four-digit group (Python/CSV-style decimals)
        # Both separators: the last one is the decimal mark.
        ("1,200.00", 1200.0),
        ("1,234,567.5", 1234567.5),
        ("1.200,00", 1200.0),
        # Decided: in parse_number a single comma is always the decimal mark, even "1,200" (= 1.2),
        # because es-AR writes decimals with a comma. parse_money reads it as 1200 (see below).
        ("1,200", 1.2),
        ("1,234,567", 1234567.0),  # several commas can only be thousands
        ("1 234 567", 1234567.0),
        ("1\u00a0234,5", 1234.5),
        ("  -3 ", -3.0),
        ("+2", 2.0),
        ("−3", -3.0),  # U+2212 minus sign
        ("-$ 150", -150.0),
        ("$ -150", -150.0),
        ("(1.500)", -1500.0),  # accounting negative
        ("$ 1.500.-", 1500.0),  # es-AR "no cents" suffix
        ("USD 1,200.00", 1200.0),
        ("1.500 pesos", 1500.0),
        ("0", 0.0),
        (60, 60.0),
        (12.5, 12.5),
        (Decimal("2.5"), 2.5),
    ],
)
def test_parse_number(value: object, expected: float) -> None:
    got = parse_number(value)
    assert got == expected
    assert isinstance(got, float)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("-32.889", -32.889),
        ("-68,845", -68.845),
        ("-32.8897", -32.8897),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        (-32.889, -32.889),
    ],
)
def test_parse_decimal_reads_a_lone_separator_as_decimal(value: object, expected: float) -> None:
    # For coordinates: parse_number("-32.889") would be -32889 (thousands), parse_decimal is not.
    assert parse_decimal(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("USD 1,200.00", (1200.0, "USD")),
        ("US$ 300", (300.0, "USD")),
        ("U$S 300", (300.0, "USD")),
        ("u$d 300", (300.0, "USD")),
        ("300 dólares", (300.0, "USD")),
        # Decided: a bare "$" is ARS, UYU, CLP, MXN... so no currency; the Moneda column decides.
        ("$ 150.000", (150000.0, None)),
        ("$150.000,50", (150000.5, None)),
        ("1.500 pesos", (1500.0, None)),
        ("R$ 2.500,00", (2500.0, "BRL")),
        ("150.000 ARS", (150000.0, "ARS")),
        ("AR$ 150.000", (150000.0, "ARS")),
        ("$U 5.000", (5000.0, "UYU")),
        ("€ 90", (90.0, "EUR")),
        ("90 EUR", (90.0, "EUR")),
        ("S/ 450", (450.0, "PEN")),
        ("Gs. 1.000.000", (1000000.0, "PYG")),
        ("CLP 80.000", (80000.0, "CLP")),
        # Decided: in money a single comma before exactly three digits groups thousands, because
        # no amount has three decimals: "USD 1,200" is twelve hundred dollars.
        ("USD 1,200", (1200.0, "USD")),
        ("1,200", (1200.0, None)),
        ("1,20", (1.2, None)),
        ("0,500", (0.5, None)),
        ("-USD 50", (-50.0, "USD")),
        (150000, (150000.0, None)),
        (1234.5, (1234.5, None)),
    ],
)
def test_parse_money(value: object, expected: tuple[float, str | None]) -> None:
    assert parse_money(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("60", 60), (" +2 ", 2), ("1.200", 1200), (45.0, 45), (7, 7), ("-3", -3), ("12,0", 12)],
)
def test_parse_int(value: object, expected: int) -> None:
    got = parse_int(value)
    assert got == expected
    assert isinstance(got, int)


@pytest.mark.parametrize(
    ("func", "value", "kind"),
    [
        (parse_number, None, "vacio"),
        (parse_number, "", "vacio"),
        (parse_number, "   ", "vacio"),
        (parse_number, float("nan"), "vacio"),
        (parse_number, "abc", "numero_invalido"),
        (parse_number, "sesenta", "numero_invalido"),
        (parse_number, "1.2.3", "numero_invalido"),  # not groups of three
        (parse_number, "1.234,5,6", "numero_invalido"),
        (parse_number, "12 5", "numero_invalido"),
        (parse_number, "45%", "numero_invalido"),
        (parse_number, "60 personas", "numero_invalido"),
        (parse_number, True, "numero_invalido"),  # a checkbox is not a number
        (parse_number, float("inf"), "numero_invalido"),
        (parse_money, "ZZZ 100", "numero_invalido"),
        (parse_int, "sesenta", "numero_invalido"),
        (parse_int, "12,5", "numero_invalido"),
        (parse_int, 2.5, "numero_invalido"),
        (parse_int, "", "vacio"),
    ],
)
def test_refusals(func: object, value: object, kind: str) -> None:
    with pytest.raises(ParseError) as info:
        func(value)  # type: ignore[operator]
    assert info.value.kind == kind
    assert info.value.args[0] == info.value.reason


@pytest.mark.parametrize(
    ("func", "value", "words"),
    [
        (parse_number, "sesenta", ("No se reconoce el número", "«sesenta»", "1.234,50")),
        (parse_int, "12,5", ("Se esperaba un número entero", "«12,5»")),
        (parse_number, "", ("Falta el número", "vacía")),
    ],
)
def test_reasons_are_spanish_and_quote_the_value(func: object, value: object, words: tuple[str, ...]) -> None:
    with pytest.raises(ParseError) as info:
        func(value)  # type: ignore[operator]
    for word in words:
        assert word in info.value.reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (float("nan"), ""),
        ("", ""),
        ("  Godoy   Cruz \n", "Godoy Cruz"),
        ("Mendoza", "Mendoza"),
        ("a\tb", "a b"),
        ("Godoy\u00a0Cruz\r\n", "Godoy Cruz"),
        (123, "123"),
        (123.0, "123"),
        (30123456.0, "30123456"),
        (12.5, "12.5"),
        (Decimal("7.00"), "7"),
    ],
)
def test_text(value: object, expected: str) -> None:
    assert text(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("30.123.456", "30123456"),
        (30123456.0, "30123456"),
        (30123456, "30123456"),
        ("DNI 30 123 456", "30123456"),
        ("123.456.789-0", "1234567890"),
        (None, ""),
        ("sin dato", ""),
    ],
)
def test_digits(value: object, expected: str) -> None:
    assert digits(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Diseño urbano, Crimen organizado; Policías", ("Diseño urbano", "Crimen organizado", "Policías")),
        ("Mercociudades | Peace in Our Cities / FLACMA", ("Mercociudades", "Peace in Our Cities", "FLACMA")),
        ("Prevención\nJuventudes\r\nGénero", ("Prevención", "Juventudes", "Género")),
        # Repeats differing only in accents or case are dropped; the first spelling is kept.
        ("Género, genero, GÉNERO ,  Juventudes", ("Género", "Juventudes")),
        (" , ;; ", ()),
        ("", ()),
        (None, ()),
        ("  Una   sola  ", ("Una sola",)),
    ],
)
def test_split_list(value: object, expected: tuple[str, ...]) -> None:
    assert split_list(value) == expected
