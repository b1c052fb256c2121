"""country_code and country_name: es/pt/en names, long official forms, ISO codes, flags."""

from __future__ import annotations

import pytest

from foro_data.countries import countries, country_code, country_name
from foro_data.parse import country_code as country_code_from_parse

COUNTRIES = countries()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Argentina", "AR"),
        ("  argentina ", "AR"),
        ("ARGENTINA", "AR"),
        ("República Argentina", "AR"),
        ("Brasil", "BR"),
        ("Brazil", "BR"),
        ("República Federativa do Brasil", "BR"),
        ("Uruguay", "UY"),
        ("Uruguai", "UY"),
        ("República Oriental del Uruguay", "UY"),
        ("Republica Oriental del Uruguay", "UY"),
        ("Estado Plurinacional de Bolivia", "BO"),
        ("Bolivia (Estado Plurinacional de)", "BO"),
        ("Bolívia", "BO"),
        ("República Bolivariana de Venezuela", "VE"),
        ("Paraguai", "PY"),
        ("República del Paraguay", "PY"),
        ("Perú", "PE"),
        ("peru", "PE"),
        ("Colômbia", "CO"),
        ("Chile", "CL"),
        ("República de Chile", "CL"),
        ("Méjico", "MX"),
        ("Estados Unidos Mexicanos", "MX"),  # not the United States
        ("EE.UU.", "US"),
        ("EEUU", "US"),
        ("EE. UU.", "US"),
        ("Estados Unidos", "US"),
        ("Estados Unidos de América", "US"),
        ("EUA", "US"),
        ("USA", "US"),
        ("United States of America", "US"),
        ("Reino Unido", "GB"),
        ("UK", "GB"),
        ("Inglaterra", "GB"),
        ("Países Bajos", "NL"),
        ("Paises Bajos", "NL"),
        ("Holanda", "NL"),
        ("The Netherlands", "NL"),
        ("España", "ES"),
        ("Espanha", "ES"),
        ("Alemania", "DE"),
        ("República Checa", "CZ"),
        ("República Dominicana", "DO"),
        ("Dominica", "DM"),
        ("Corea, República de", "KR"),
        ("Côte d'Ivoire", "CI"),
        ("Islas Malvinas", "FK"),
        ("Guayana Francesa", "GF"),
        ("Puerto Rico", "PR"),
        ("Trinidad y Tobago", "TT"),
        ("San Vicente y las Granadinas", "VC"),
        ("Japão", "JP"),
        ("Sudáfrica", "ZA"),
        ("Nueva Zelanda", "NZ"),
        # ISO codes, any case.
        ("AR", "AR"),
        ("ar", "AR"),
        ("ARG", "AR"),
        ("br", "BR"),
        ("URY", "UY"),
        ("usa", "US"),
        # Decided: "ROU" is ISO Romania; "R.O.U." with its dots is Uruguay, as Uruguayans write it.
        ("ROU", "RO"),
        ("R.O.U.", "UY"),
        # Extra text around a known name or code.
        ("Brasil - BR", "BR"),
        ("Uruguay / UY", "UY"),
        ("Argentina.", "AR"),
        ("🇦🇷", "AR"),
        ("🇧🇷 Brasil", "BR"),
    ],
)
def test_country_code(value: str, expected: str) -> None:
    assert country_code(value) == expected


@pytest.mark.parametrize("value", [None, "", "   ", "Atlántida", "Mendoza", "ZZ", "XYZ", "-", 12])
def test_unknown_is_none(value: object) -> None:
    assert country_code(value) is None


def test_parse_re_exports_country_code() -> None:
    assert country_code_from_parse is country_code


def test_table_covers_the_americas_europe_and_more() -> None:
    codes = {row[0] for row in COUNTRIES}
    americas = set(
        "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT US UY VE".split()
    )
    europe = set(
        "AD AL AT BA BE BG BY CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MC MD ME MK MT NL NO PL PT "
        "RO RS RU SE SI SK SM UA VA XK".split()
    )
    assert americas <= codes
    assert europe <= codes
    assert len(codes) >= 120
    assert len(codes) == len(COUNTRIES)  # no duplicate rows
    assert len({row[1] for row in COUNTRIES}) == len(COUNTRIES)


@pytest.mark.parametrize("row", COUNTRIES, ids=[row[0] for row in COUNTRIES])
def test_every_name_and_code_resolves_to_its_row(row: tuple[str, ...]) -> None:
    a2, a3, es, pt, en, _extra = row
    for value in (a2, a3, a3.lower(), es, pt, en, es.upper()):
        assert country_code(value) == a2, value


@pytest.mark.parametrize(
    ("code", "lang", "expected"),
    [
        ("BR", "es", "Brasil"),
        ("BR", "en", "Brazil"),
        ("US", "es", "Estados Unidos"),
        ("NL", "pt", "Países Baixos"),
        ("NL", "en", "Netherlands"),
        ("de", "es", "Alemania"),
        ("DE", "pt-BR", "Alemanha"),
        ("DE", "fr", "Alemania"),  # unknown language falls back to Spanish
        ("ZZ", "es", "ZZ"),  # unknown code falls back to the code
        ("", "es", ""),
    ],
)
def test_country_name(code: str, lang: str, expected: str) -> None:
    assert country_name(code, lang) == expected
