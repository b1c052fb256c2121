"""Country names in Spanish, Portuguese and English, and ISO codes → ISO 3166 alpha-2 codes.

Names come from the libraries: display names in es/pt/en from Babel (CLDR), alpha-3 codes from
pycountry (ISO 3166-1). What stays hand-written is the project's own knowledge: which countries
win a shared spelling (the order of ``ALIASES``), the ways people here type them (EE.UU., R.O.U.,
Malvinas, long official forms), and a few display names where CLDR reads oddly on a screen.
Matching ignores case, accents, punctuation and spaces (``schema.fold``).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from babel import Locale

from foro_data.schema import fold

LANGS: tuple[str, ...] = ("es", "pt", "en")

# alpha-2 -> the project's extra spellings, separated by ";". The order is the priority when two
# countries share a spelling (first wins: "Congo" is the Republic of the Congo, not the DRC);
# countries not listed come after, from ISO 3166.
ALIASES: dict[str, str] = {
    # --- The Americas ---
    "AR": "República Argentina;Rep. Argentina;Argentine Republic",
    "BO": "Estado Plurinacional de Bolivia;República de Bolivia;Plurinational State of Bolivia",
    "BR": "República Federativa do Brasil;República Federativa del Brasil;Federative Republic of Brazil",
    "CL": "República de Chile;Republic of Chile",
    "CO": "República de Colombia",
    "EC": "República del Ecuador",
    "GY": "República Cooperativa de Guyana",
    "PY": "República del Paraguay;Paraguái",
    "PE": "República del Perú",
    "SR": "Surinam",
    "UY": "República Oriental del Uruguay;R.O.U.;Oriental Republic of Uruguay",
    "VE": "República Bolivariana de Venezuela;Bolivarian Republic of Venezuela",
    "GF": "",
    "FK": "Malvinas;Islas Falkland;Falklands",
    "MX": "Estados Unidos Mexicanos;Méjico;United Mexican States",
    "US": "EE.UU.;EEUU;EE. UU.;EUA;E.U.A.;U.S.A.;U.S.;Estados Unidos de América;Estados Unidos da América;United States of America;Norteamérica",
    "CA": "",
    "GT": "República de Guatemala",
    "BZ": "",
    "SV": "Salvador;República de El Salvador",
    "HN": "República de Honduras",
    "NI": "República de Nicaragua",
    "CR": "República de Costa Rica",
    "PA": "República de Panamá",
    "CU": "República de Cuba",
    "DO": "Rep. Dominicana;Dominicana",
    "HT": "",
    "JM": "",
    "PR": "",
    "BS": "The Bahamas",
    "BB": "",
    "TT": "Trinidad;Trinidad and Tobago",
    "AG": "Antigua and Barbuda",
    "DM": "",
    "GD": "",
    "KN": "Saint Kitts;Saint Kitts and Nevis",
    "LC": "Saint Lucia",
    "VC": "Saint Vincent and the Grenadines",
    "AW": "",
    "CW": "",
    "SX": "São Martinho (Países Baixos)",
    "MF": "San Martín (Francia);São Martinho (França);Saint Martin",
    "BQ": "Bonaire",
    "BL": "Saint Barthélemy",
    "GP": "",
    "MQ": "",
    "KY": "",
    "BM": "",
    "TC": "Turks and Caicos Islands",
    "VG": "",
    "VI": "Islas Vírgenes de los Estados Unidos",
    "AI": "",
    "MS": "",
    "PM": "Saint Pierre and Miquelon",
    "GL": "",
    # --- Europe ---
    "ES": "Reino de España",
    "PT": "República Portuguesa",
    "FR": "República Francesa",
    "IT": "República Italiana",
    "DE": "República Federal de Alemania;Deutschland",
    "GB": "UK;U.K.;Gran Bretaña;Grã-Bretanha;Great Britain;Inglaterra;England;Escocia;Escócia;Scotland;Gales;País de Gales;Wales;Irlanda del Norte;Northern Ireland",
    "IE": "Eire",
    "NL": "Holanda;Holland;The Netherlands;Nederland",
    "BE": "",
    "LU": "",
    "CH": "Schweiz;Suisse",
    "AT": "",
    "LI": "",
    "MC": "",
    "AD": "",
    "SM": "",
    "VA": "Vaticano;Santa Sede;Holy See",
    "MT": "",
    "DK": "",
    "NO": "",
    "SE": "",
    "FI": "",
    "IS": "",
    "EE": "Estónia",
    "LV": "Letónia",
    "LT": "",
    "PL": "Polónia",
    "CZ": "República Checa;República Tcheca;Czech Republic",
    "SK": "",
    "HU": "",
    "SI": "Eslovénia",
    "HR": "",
    "BA": "Bosnia;Bosnia and Herzegovina",
    "RS": "",
    "ME": "",
    "XK": "",
    "MK": "Macedonia",
    "AL": "",
    "GR": "",
    "BG": "",
    "RO": "Rumanía;Roménia",
    "MD": "República de Moldavia",
    "UA": "",
    "BY": "",
    "RU": "Federación de Rusia;Federação Russa;Russian Federation",
    "CY": "",
    "TR": "Turkey",
    "GE": "",
    "AM": "",
    "AZ": "",
    # --- Asia and the Middle East ---
    "CN": "República Popular China;People's Republic of China",
    "JP": "",
    "KR": "Corea;Coreia;República de Corea;Republic of Korea",
    "KP": "",
    "TW": "",
    "HK": "Hong Kong",
    "MN": "",
    "IN": "",
    "PK": "",
    "BD": "Bangladesh",
    "LK": "",
    "NP": "",
    "BT": "",
    "MV": "",
    "AF": "",
    "ID": "",
    "MY": "",
    "SG": "",
    "PH": "",
    "TH": "",
    "VN": "Viet Nam;Vietname",
    "KH": "",
    "LA": "",
    "MM": "Birmania;Burma;Myanmar;Mianmar",
    "BN": "",
    "TL": "East Timor;Timor Oriental",
    "KZ": "",
    "UZ": "",
    "KG": "",
    "TJ": "Tajiquistão",
    "TM": "",
    "IR": "Irão",
    "IQ": "",
    "SY": "",
    "LB": "",
    "IL": "",
    "PS": "Estado de Palestina;Palestina;Palestine",
    "JO": "",
    "SA": "Arabia Saudí",
    "AE": "EAU;UAE",
    "QA": "",
    "KW": "",
    "BH": "Bahrein",
    "OM": "",
    "YE": "",
    # --- Africa ---
    "ZA": "",
    "EG": "",
    "MA": "",
    "DZ": "",
    "TN": "",
    "LY": "",
    "NG": "",
    "GH": "",
    "SN": "",
    "CI": "Ivory Coast;Costa de Marfil",
    "CM": "",
    "KE": "",
    "ET": "",
    "TZ": "",
    "UG": "",
    "RW": "",
    "BI": "",
    "AO": "",
    "MZ": "",
    "CV": "Cape Verde",
    "GW": "",
    "ST": "São Tomé and Príncipe",
    "GQ": "",
    "GN": "",
    "CD": "RD Congo;RDC;DR Congo;República Democrática do Congo;Democratic Republic of the Congo",
    "CG": "Congo;República del Congo;Republic of the Congo",
    "CF": "",
    "GA": "",
    "TD": "",
    "NE": "",
    "ML": "",
    "BF": "",
    "BJ": "",
    "TG": "",
    "SL": "",
    "LR": "",
    "GM": "The Gambia",
    "MR": "",
    "SD": "",
    "SS": "",
    "ER": "",
    "DJ": "",
    "SO": "",
    "ZM": "",
    "ZW": "",
    "MW": "",
    "NA": "",
    "BW": "",
    "LS": "",
    "SZ": "Suazilandia;Swaziland",
    "MG": "",
    "MU": "Maurícia",
    "SC": "",
    "KM": "",
    # --- Oceania ---
    "AU": "",
    "NZ": "Aotearoa",
    "PG": "",
    "FJ": "",
    "SB": "",
    "VU": "",
    "WS": "",
    "TO": "",
    "KI": "",
    "FM": "",
    "PW": "",
    "MH": "",
    "NR": "",
    "TV": "",
}

# Where CLDR's display name is not what a screen here should say (alpha-2, lang) -> name.
DISPLAY: dict[tuple[str, str], str] = {
    **{("HK", lang): "Hong Kong" for lang in LANGS},  # not "RAE de Hong Kong (China)"
    ("CD", "pt"): "República Democrática do Congo",
    ("CD", "en"): "Democratic Republic of the Congo",  # not "Congo - Kinshasa"
    ("CG", "es"): "República del Congo",
    ("CG", "en"): "Republic of the Congo",
    ("PS", "es"): "Palestina",  # CLDR: "Territorios Palestinos"
    ("PS", "pt"): "Palestina",
    ("PS", "en"): "Palestine",
    ("CI", "es"): "Costa de Marfil",  # what Spanish speakers say; CLDR keeps the French form
}
# Kosovo has a user-assigned code that pycountry does not list.
EXTRA_CODES: dict[str, str] = {"XK": "XKX"}


@lru_cache(maxsize=1)
def countries() -> tuple[tuple[str, str, str, str, str, str], ...]:
    """(alpha-2, alpha-3, Spanish, Portuguese, English, aliases) for every country, priority order.

    >>> countries()[0][:5]
    ('AR', 'ARG', 'Argentina', 'Argentina', 'Argentina')
    """
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | EXTRA_CODES
    names = {lang: Locale.parse(lang).territories for lang in LANGS}
    order = list(ALIASES) + sorted(set(alpha3) - set(ALIASES))

    def name(a2: str, lang: str) -> str:
        return DISPLAY.get((a2, lang)) or names[lang].get(a2) or a2

    return tuple((a2, alpha3[a2], name(a2, "es"), name(a2, "pt"), name(a2, "en"), ALIASES.get(a2, "")) for a2 in order)


# Long official forms reduce to the short name once these openings are removed.
_PREFIX_RE = re.compile(
    r"^(?:the |la |el |o |a )?"
    r"(?:republica|republic|reino|kingdom|estado|state|principado|principality|gran ducado|grand duchy)"
    r"(?: (?:oriental|federativa|federal|bolivariana|plurinacional|popular|democratica|islamica|arabe))*"
    r"(?: (?:de|del|da|do|of|de la|of the))? "
)


def _keys(name: str) -> tuple[str, ...]:
    folded = fold(name)
    return (folded, folded.replace(" ", "")) if folded else ()


def _build() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    alpha2: dict[str, str] = {}
    alpha3: dict[str, str] = {}
    for a2, a3, es, pt, en, extra in countries():
        alpha2[a2.lower()] = a2
        alpha3[a3.lower()] = a2
        for name in (es, pt, en, *filter(None, extra.split(";"))):
            for key in _keys(name):
                # First row wins: keeps "Congo" on the Republic of the Congo, not the DRC alias.
                names.setdefault(key, a2)
    # ISO's usual exception and Uruguay's own abbreviation. "ROU" without dots stays ISO Romania;
    # "R.O.U." (folded to "r o u", kept with its spaces) is how Uruguayans write their country.
    alpha2.setdefault("uk", "GB")
    names.pop("rou", None)
    return names, alpha2, alpha3


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    return _build()  # on first use: loading the CLDR and ISO data costs about 0.1 s


@lru_cache(maxsize=1)
def _by_code() -> dict[str, tuple[str, str, str, str, str, str]]:
    return {row[0]: row for row in countries()}


def _flag(value: str) -> str | None:
    """A flag emoji (two regional indicator symbols) gives its alpha-2 code directly."""
    letters = [chr(ord(ch) - 0x1F1E6 + ord("A")) for ch in value if 0x1F1E6 <= ord(ch) <= 0x1F1FF]
    if len(letters) == 2:
        code = "".join(letters)
        return code if code in _by_code() or code == "UK" else None
    return None


def _lookup(folded: str) -> str | None:
    if not folded:
        return None
    names, alpha2, alpha3 = _tables()
    hit = names.get(folded)
    if hit:
        return hit
    compact = folded.replace(" ", "")
    if " " not in folded:
        if len(folded) == 2 and folded in alpha2:
            return alpha2[folded]
        if len(folded) == 3 and folded in alpha3:
            return alpha3[folded]
    elif compact in names and compact != "rou":
        # "E E U U", "R. Dominicana" spelled with odd spacing.
        return names[compact]
    stripped = _PREFIX_RE.sub("", folded)
    if stripped != folded:
        return names.get(stripped)
    return None


@lru_cache(maxsize=4096)
def _country_code(value: str) -> str | None:
    flag = _flag(value)
    if flag:
        return "GB" if flag == "UK" else flag
    hit = _lookup(fold(value))
    if hit:
        return hit
    # "Bolivia (Estado Plurinacional de)", "Corea, República de", "Uruguay - UY", "Brasil / BR".
    for part in re.split(r"[(),/]| - ", value):
        hit = _lookup(fold(part))
        if hit:
            return hit
    return None


def country_code(value: object) -> str | None:
    """ISO alpha-2 code (upper case) of a country name (es/pt/en) or ISO code; None when unknown.

    >>> country_code("República Oriental del Uruguay")
    'UY'
    >>> country_code("EE.UU.")
    'US'
    >>> country_code("holanda")
    'NL'
    >>> country_code("ARG")
    'AR'
    >>> country_code("Atlántida") is None
    True
    """
    if value is None:
        return None
    s = value if isinstance(value, str) else str(value)
    s = s.strip()
    if not s:
        return None
    return _country_code(s)


def country_name(code: str, lang: str = "es") -> str:
    """Display name of an alpha-2 code in es/pt/en; the code itself when unknown.

    >>> country_name("BR")
    'Brasil'
    >>> country_name("us", "pt")
    'Estados Unidos'
    >>> country_name("NL", "en")
    'Netherlands'
    >>> country_name("ZZ")
    'ZZ'
    """
    row = _by_code().get(code.strip().upper()) if code else None
    if row is None:
        return code
    wanted = lang[:2].lower() if lang else "es"
    return row[2 + LANGS.index(wanted if wanted in LANGS else "es")]
