"""Role derivation from rol / cargo, in Spanish and Portuguese, keeping the raw value."""

import pytest

from foro_data.clean import derive_role


@pytest.mark.parametrize(
    "rol, cargo, expected",
    [
        ("", "Intendente Municipal", "intendencia"),
        ("", "Sra. Intendenta", "intendencia"),
        ("", "Alcaldesa", "intendencia"),
        ("", "alcalde de Montevideo", "intendencia"),
        ("", "Prefeito", "intendencia"),
        ("", "Prefeita Municipal", "intendencia"),
        ("", "Jefa de Gobierno", "intendencia"),
        ("", "Intendenta y presidenta de la red", "intendencia"),  # mayors win over any other word
        ("", "Secretario de Seguridad", "gobierno_local"),
        ("", "Directora de Prevención", "gobierno_local"),
        ("", "Concejal", "gobierno_local"),
        ("", "Vereadora", "gobierno_local"),
        ("", "Ministra de Seguridad", "gobierno_nacional_provincial"),
        ("", "Ministerio de Seguridad de la Provincia", "gobierno_nacional_provincial"),
        ("", "Diputado provincial", "gobierno_nacional_provincial"),
        ("", "Oficial de programas PNUD", "organismo_internacional"),
        ("", "Cónsul de Uruguay", "organismo_internacional"),
        ("", "Consultor independiente", "academia_sociedad_civil"),
        ("", "Investigadora CONICET", "academia_sociedad_civil"),
        ("", "Profesora universitaria", "academia_sociedad_civil"),
        ("", "Comisario", "policia_seguridad"),
        ("", "Policía Municipal", "policia_seguridad"),
        ("", "Periodista", "prensa"),
        ("", "Jornalista", "prensa"),
        ("", "Asesor ad honorem", "otro"),
        ("", "", "otro"),
        ("Prensa", "Intendente", "prensa"),  # the explicit rol column is trusted first
        ("categoría rara", "Concejala", "gobierno_local"),  # an unrecognised rol falls back to cargo
        ("intendencia", "", "intendencia"),  # the category key itself
    ],
)
def test_role_table(rol, cargo, expected):
    assert derive_role(rol, cargo) == expected
