"""Country names in Spanish, Portuguese and English, and ISO codes → ISO 3166 alpha-2 codes.

Hand-written table: every country and territory of the Americas, all of Europe, and the rest of
the world's sovereign states that a city forum is likely to see. Matching ignores case, accents,
punctuation and spaces (``schema.fold``). Add a country by adding one row; nothing else to mirror.
"""

from __future__ import annotations

import re
from functools import lru_cache

from foro_data.schema import fold

# (alpha-2, alpha-3, Spanish, Portuguese, English, extra aliases separated by ";")
COUNTRIES: tuple[tuple[str, str, str, str, str, str], ...] = (
    # --- The Americas ---------------------------------------------------------------------------
    ("AR", "ARG", "Argentina", "Argentina", "Argentina", "República Argentina;Rep. Argentina;Argentine Republic"),
    ("BO", "BOL", "Bolivia", "Bolívia", "Bolivia", "Estado Plurinacional de Bolivia;República de Bolivia;Plurinational State of Bolivia"),
    ("BR", "BRA", "Brasil", "Brasil", "Brazil", "República Federativa do Brasil;República Federativa del Brasil;Federative Republic of Brazil"),
    ("CL", "CHL", "Chile", "Chile", "Chile", "República de Chile;Republic of Chile"),
    ("CO", "COL", "Colombia", "Colômbia", "Colombia", "República de Colombia"),
    ("EC", "ECU", "Ecuador", "Equador", "Ecuador", "República del Ecuador"),
    ("GY", "GUY", "Guyana", "Guiana", "Guyana", "República Cooperativa de Guyana"),
    ("PY", "PRY", "Paraguay", "Paraguai", "Paraguay", "República del Paraguay;Paraguái"),
    ("PE", "PER", "Perú", "Peru", "Peru", "República del Perú"),
    ("SR", "SUR", "Surinam", "Suriname", "Suriname", "Surinam"),
    ("UY", "URY", "Uruguay", "Uruguai", "Uruguay", "República Oriental del Uruguay;R.O.U.;Oriental Republic of Uruguay"),
    ("VE", "VEN", "Venezuela", "Venezuela", "Venezuela", "República Bolivariana de Venezuela;Bolivarian Republic of Venezuela"),
    ("GF", "GUF", "Guayana Francesa", "Guiana Francesa", "French Guiana", ""),
    ("FK", "FLK", "Islas Malvinas", "Ilhas Malvinas", "Falkland Islands", "Malvinas;Islas Falkland;Falklands"),
    ("MX", "MEX", "México", "México", "Mexico", "Estados Unidos Mexicanos;Méjico;United Mexican States"),
    ("US", "USA", "Estados Unidos", "Estados Unidos", "United States", "EE.UU.;EEUU;EE. UU.;EUA;E.U.A.;U.S.A.;U.S.;Estados Unidos de América;Estados Unidos da América;United States of America;Norteamérica"),
    ("CA", "CAN", "Canadá", "Canadá", "Canada", ""),
    ("GT", "GTM", "Guatemala", "Guatemala", "Guatemala", "República de Guatemala"),
    ("BZ", "BLZ", "Belice", "Belize", "Belize", ""),
    ("SV", "SLV", "El Salvador", "El Salvador", "El Salvador", "Salvador;República de El Salvador"),
    ("HN", "HND", "Honduras", "Honduras", "Honduras", "República de Honduras"),
    ("NI", "NIC", "Nicaragua", "Nicarágua", "Nicaragua", "República de Nicaragua"),
    ("CR", "CRI", "Costa Rica", "Costa Rica", "Costa Rica", "República de Costa Rica"),
    ("PA", "PAN", "Panamá", "Panamá", "Panama", "República de Panamá"),
    ("CU", "CUB", "Cuba", "Cuba", "Cuba", "República de Cuba"),
    ("DO", "DOM", "República Dominicana", "República Dominicana", "Dominican Republic", "Rep. Dominicana;Dominicana"),
    ("HT", "HTI", "Haití", "Haiti", "Haiti", ""),
    ("JM", "JAM", "Jamaica", "Jamaica", "Jamaica", ""),
    ("PR", "PRI", "Puerto Rico", "Porto Rico", "Puerto Rico", ""),
    ("BS", "BHS", "Bahamas", "Bahamas", "Bahamas", "The Bahamas"),
    ("BB", "BRB", "Barbados", "Barbados", "Barbados", ""),
    ("TT", "TTO", "Trinidad y Tobago", "Trinidad e Tobago", "Trinidad and Tobago", "Trinidad"),
    ("AG", "ATG", "Antigua y Barbuda", "Antígua e Barbuda", "Antigua and Barbuda", ""),
    ("DM", "DMA", "Dominica", "Dominica", "Dominica", ""),
    ("GD", "GRD", "Granada", "Granada", "Grenada", ""),
    ("KN", "KNA", "San Cristóbal y Nieves", "São Cristóvão e Névis", "Saint Kitts and Nevis", "Saint Kitts"),
    ("LC", "LCA", "Santa Lucía", "Santa Lúcia", "Saint Lucia", ""),
    ("VC", "VCT", "San Vicente y las Granadinas", "São Vicente e Granadinas", "Saint Vincent and the Grenadines", ""),
    ("AW", "ABW", "Aruba", "Aruba", "Aruba", ""),
    ("CW", "CUW", "Curazao", "Curaçao", "Curaçao", ""),
    ("SX", "SXM", "Sint Maarten", "São Martinho (Países Baixos)", "Sint Maarten", ""),
    ("MF", "MAF", "San Martín (Francia)", "São Martinho (França)", "Saint Martin", ""),
    ("BQ", "BES", "Caribe Neerlandés", "Caribe Neerlandês", "Caribbean Netherlands", "Bonaire"),
    ("BL", "BLM", "San Bartolomé", "São Bartolomeu", "Saint Barthélemy", ""),
    ("GP", "GLP", "Guadalupe", "Guadalupe", "Guadeloupe", ""),
    ("MQ", "MTQ", "Martinica", "Martinica", "Martinique", ""),
    ("KY", "CYM", "Islas Caimán", "Ilhas Cayman", "Cayman Islands", ""),
    ("BM", "BMU", "Bermudas", "Bermudas", "Bermuda", ""),
    ("TC", "TCA", "Islas Turcas y Caicos", "Ilhas Turcas e Caicos", "Turks and Caicos Islands", ""),
    ("VG", "VGB", "Islas Vírgenes Británicas", "Ilhas Virgens Britânicas", "British Virgin Islands", ""),
    ("VI", "VIR", "Islas Vírgenes de los Estados Unidos", "Ilhas Virgens Americanas", "U.S. Virgin Islands", ""),
    ("AI", "AIA", "Anguila", "Anguila", "Anguilla", ""),
    ("MS", "MSR", "Montserrat", "Montserrat", "Montserrat", ""),
    ("PM", "SPM", "San Pedro y Miquelón", "São Pedro e Miquelão", "Saint Pierre and Miquelon", ""),
    ("GL", "GRL", "Groenlandia", "Groenlândia", "Greenland", ""),
    # --- Europe ---------------------------------------------------------------------------------
    ("ES", "ESP", "España", "Espanha", "Spain", "Reino de España"),
    ("PT", "PRT", "Portugal", "Portugal", "Portugal", "República Portuguesa"),
    ("FR", "FRA", "Francia", "França", "France", "República Francesa"),
    ("IT", "ITA", "Italia", "Itália", "Italy", "República Italiana"),
    ("DE", "DEU", "Alemania", "Alemanha", "Germany", "República Federal de Alemania;Deutschland"),
    ("GB", "GBR", "Reino Unido", "Reino Unido", "United Kingdom", "UK;U.K.;Gran Bretaña;Grã-Bretanha;Great Britain;Inglaterra;England;Escocia;Escócia;Scotland;Gales;País de Gales;Wales;Irlanda del Norte;Northern Ireland"),
    ("IE", "IRL", "Irlanda", "Irlanda", "Ireland", "Eire"),
    ("NL", "NLD", "Países Bajos", "Países Baixos", "Netherlands", "Holanda;Holland;The Netherlands;Nederland"),
    ("BE", "BEL", "Bélgica", "Bélgica", "Belgium", ""),
    ("LU", "LUX", "Luxemburgo", "Luxemburgo", "Luxembourg", ""),
    ("CH", "CHE", "Suiza", "Suíça", "Switzerland", "Schweiz;Suisse"),
    ("AT", "AUT", "Austria", "Áustria", "Austria", ""),
    ("LI", "LIE", "Liechtenstein", "Liechtenstein", "Liechtenstein", ""),
    ("MC", "MCO", "Mónaco", "Mônaco", "Monaco", ""),
    ("AD", "AND", "Andorra", "Andorra", "Andorra", ""),
    ("SM", "SMR", "San Marino", "San Marino", "San Marino", ""),
    ("VA", "VAT", "Ciudad del Vaticano", "Vaticano", "Vatican City", "Vaticano;Santa Sede;Holy See"),
    ("MT", "MLT", "Malta", "Malta", "Malta", ""),
    ("DK", "DNK", "Dinamarca", "Dinamarca", "Denmark", ""),
    ("NO", "NOR", "Noruega", "Noruega", "Norway", ""),
    ("SE", "SWE", "Suecia", "Suécia", "Sweden", ""),
    ("FI", "FIN", "Finlandia", "Finlândia", "Finland", ""),
    ("IS", "ISL", "Islandia", "Islândia", "Iceland", ""),
    ("EE", "EST", "Estonia", "Estônia", "Estonia", "Estónia"),
    ("LV", "LVA", "Letonia", "Letônia", "Latvia", "Letónia"),
    ("LT", "LTU", "Lituania", "Lituânia", "Lithuania", ""),
    ("PL", "POL", "Polonia", "Polônia", "Poland", "Polónia"),
    ("CZ", "CZE", "Chequia", "Tchéquia", "Czechia", "República Checa;República Tcheca;Czech Republic"),
    ("SK", "SVK", "Eslovaquia", "Eslováquia", "Slovakia", ""),
    ("HU", "HUN", "Hungría", "Hungria", "Hungary", ""),
    ("SI", "SVN", "Eslovenia", "Eslovênia", "Slovenia", "Eslovénia"),
    ("HR", "HRV", "Croacia", "Croácia", "Croatia", ""),
    ("BA", "BIH", "Bosnia y Herzegovina", "Bósnia e Herzegovina", "Bosnia and Herzegovina", "Bosnia"),
    ("RS", "SRB", "Serbia", "Sérvia", "Serbia", ""),
    ("ME", "MNE", "Montenegro", "Montenegro", "Montenegro", ""),
    ("XK", "XKX", "Kosovo", "Kosovo", "Kosovo", ""),
    ("MK", "MKD", "Macedonia del Norte", "Macedônia do Norte", "North Macedonia", "Macedonia"),
    ("AL", "ALB", "Albania", "Albânia", "Albania", ""),
    ("GR", "GRC", "Grecia", "Grécia", "Greece", ""),
    ("BG", "BGR", "Bulgaria", "Bulgária", "Bulgaria", ""),
    ("RO", "ROU", "Rumania", "Romênia", "Romania", "Rumanía;Roménia"),
    ("MD", "MDA", "Moldavia", "Moldávia", "Moldova", "República de Moldavia"),
    ("UA", "UKR", "Ucrania", "Ucrânia", "Ukraine", ""),
    ("BY", "BLR", "Bielorrusia", "Bielorrússia", "Belarus", ""),
    ("RU", "RUS", "Rusia", "Rússia", "Russia", "Federación de Rusia;Federação Russa;Russian Federation"),
    ("CY", "CYP", "Chipre", "Chipre", "Cyprus", ""),
    ("TR", "TUR", "Turquía", "Turquia", "Türkiye", "Turkey"),
    ("GE", "GEO", "Georgia", "Geórgia", "Georgia", ""),
    ("AM", "ARM", "Armenia", "Armênia", "Armenia", ""),
    ("AZ", "AZE", "Azerbaiyán", "Azerbaijão", "Azerbaijan", ""),
    # --- Asia and the Middle East ---------------------------------------------------------------
    ("CN", "CHN", "China", "China", "China", "República Popular China;People's Republic of China"),
    ("JP", "JPN", "Japón", "Japão", "Japan", ""),
    ("KR", "KOR", "Corea del Sur", "Coreia do Sul", "South Korea", "Corea;Coreia;República de Corea;Republic of Korea"),
    ("KP", "PRK", "Corea del Norte", "Coreia do Norte", "North Korea", ""),
    ("TW", "TWN", "Taiwán", "Taiwan", "Taiwan", ""),
    ("HK", "HKG", "Hong Kong", "Hong Kong", "Hong Kong", ""),
    ("MN", "MNG", "Mongolia", "Mongólia", "Mongolia", ""),
    ("IN", "IND", "India", "Índia", "India", ""),
    ("PK", "PAK", "Pakistán", "Paquistão", "Pakistan", ""),
    ("BD", "BGD", "Bangladés", "Bangladesh", "Bangladesh", "Bangladesh"),
    ("LK", "LKA", "Sri Lanka", "Sri Lanka", "Sri Lanka", ""),
    ("NP", "NPL", "Nepal", "Nepal", "Nepal", ""),
    ("BT", "BTN", "Bután", "Butão", "Bhutan", ""),
    ("MV", "MDV", "Maldivas", "Maldivas", "Maldives", ""),
    ("AF", "AFG", "Afganistán", "Afeganistão", "Afghanistan", ""),
    ("ID", "IDN", "Indonesia", "Indonésia", "Indonesia", ""),
    ("MY", "MYS", "Malasia", "Malásia", "Malaysia", ""),
    ("SG", "SGP", "Singapur", "Singapura", "Singapore", ""),
    ("PH", "PHL", "Filipinas", "Filipinas", "Philippines", ""),
    ("TH", "THA", "Tailandia", "Tailândia", "Thailand", ""),
    ("VN", "VNM", "Vietnam", "Vietnã", "Vietnam", "Viet Nam;Vietname"),
    ("KH", "KHM", "Camboya", "Camboja", "Cambodia", ""),
    ("LA", "LAO", "Laos", "Laos", "Laos", ""),
    ("MM", "MMR", "Myanmar", "Mianmar", "Myanmar", "Birmania;Burma"),
    ("BN", "BRN", "Brunéi", "Brunei", "Brunei", ""),
    ("TL", "TLS", "Timor Oriental", "Timor-Leste", "Timor-Leste", "East Timor"),
    ("KZ", "KAZ", "Kazajistán", "Cazaquistão", "Kazakhstan", ""),
    ("UZ", "UZB", "Uzbekistán", "Uzbequistão", "Uzbekistan", ""),
    ("KG", "KGZ", "Kirguistán", "Quirguistão", "Kyrgyzstan", ""),
    ("TJ", "TJK", "Tayikistán", "Tajiquistão", "Tajikistan", ""),
    ("TM", "TKM", "Turkmenistán", "Turcomenistão", "Turkmenistan", ""),
    ("IR", "IRN", "Irán", "Irã", "Iran", "Irão"),
    ("IQ", "IRQ", "Irak", "Iraque", "Iraq", ""),
    ("SY", "SYR", "Siria", "Síria", "Syria", ""),
    ("LB", "LBN", "Líbano", "Líbano", "Lebanon", ""),
    ("IL", "ISR", "Israel", "Israel", "Israel", ""),
    ("PS", "PSE", "Palestina", "Palestina", "Palestine", "Estado de Palestina"),
    ("JO", "JOR", "Jordania", "Jordânia", "Jordan", ""),
    ("SA", "SAU", "Arabia Saudita", "Arábia Saudita", "Saudi Arabia", "Arabia Saudí"),
    ("AE", "ARE", "Emiratos Árabes Unidos", "Emirados Árabes Unidos", "United Arab Emirates", "EAU;UAE"),
    ("QA", "QAT", "Catar", "Catar", "Qatar", ""),
    ("KW", "KWT", "Kuwait", "Kuwait", "Kuwait", ""),
    ("BH", "BHR", "Baréin", "Bahrein", "Bahrain", ""),
    ("OM", "OMN", "Omán", "Omã", "Oman", ""),
    ("YE", "YEM", "Yemen", "Iêmen", "Yemen", ""),
    # --- Africa ---------------------------------------------------------------------------------
    ("ZA", "ZAF", "Sudáfrica", "África do Sul", "South Africa", ""),
    ("EG", "EGY", "Egipto", "Egito", "Egypt", ""),
    ("MA", "MAR", "Marruecos", "Marrocos", "Morocco", ""),
    ("DZ", "DZA", "Argelia", "Argélia", "Algeria", ""),
    ("TN", "TUN", "Túnez", "Tunísia", "Tunisia", ""),
    ("LY", "LBY", "Libia", "Líbia", "Libya", ""),
    ("NG", "NGA", "Nigeria", "Nigéria", "Nigeria", ""),
    ("GH", "GHA", "Ghana", "Gana", "Ghana", ""),
    ("SN", "SEN", "Senegal", "Senegal", "Senegal", ""),
    ("CI", "CIV", "Costa de Marfil", "Costa do Marfim", "Côte d'Ivoire", "Ivory Coast"),
    ("CM", "CMR", "Camerún", "Camarões", "Cameroon", ""),
    ("KE", "KEN", "Kenia", "Quênia", "Kenya", ""),
    ("ET", "ETH", "Etiopía", "Etiópia", "Ethiopia", ""),
    ("TZ", "TZA", "Tanzania", "Tanzânia", "Tanzania", ""),
    ("UG", "UGA", "Uganda", "Uganda", "Uganda", ""),
    ("RW", "RWA", "Ruanda", "Ruanda", "Rwanda", ""),
    ("BI", "BDI", "Burundi", "Burundi", "Burundi", ""),
    ("AO", "AGO", "Angola", "Angola", "Angola", ""),
    ("MZ", "MOZ", "Mozambique", "Moçambique", "Mozambique", ""),
    ("CV", "CPV", "Cabo Verde", "Cabo Verde", "Cabo Verde", "Cape Verde"),
    ("GW", "GNB", "Guinea-Bisáu", "Guiné-Bissau", "Guinea-Bissau", ""),
    ("ST", "STP", "Santo Tomé y Príncipe", "São Tomé e Príncipe", "São Tomé and Príncipe", ""),
    ("GQ", "GNQ", "Guinea Ecuatorial", "Guiné Equatorial", "Equatorial Guinea", ""),
    ("GN", "GIN", "Guinea", "Guiné", "Guinea", ""),
    ("CD", "COD", "República Democrática del Congo", "República Democrática do Congo", "Democratic Republic of the Congo", "RD Congo;RDC;DR Congo"),
    ("CG", "COG", "República del Congo", "República do Congo", "Republic of the Congo", "Congo"),
    ("CF", "CAF", "República Centroafricana", "República Centro-Africana", "Central African Republic", ""),
    ("GA", "GAB", "Gabón", "Gabão", "Gabon", ""),
    ("TD", "TCD", "Chad", "Chade", "Chad", ""),
    ("NE", "NER", "Níger", "Níger", "Niger", ""),
    ("ML", "MLI", "Malí", "Mali", "Mali", ""),
    ("BF", "BFA", "Burkina Faso", "Burkina Faso", "Burkina Faso", ""),
    ("BJ", "BEN", "Benín", "Benin", "Benin", ""),
    ("TG", "TGO", "Togo", "Togo", "Togo", ""),
    ("SL", "SLE", "Sierra Leona", "Serra Leoa", "Sierra Leone", ""),
    ("LR", "LBR", "Liberia", "Libéria", "Liberia", ""),
    ("GM", "GMB", "Gambia", "Gâmbia", "Gambia", "The Gambia"),
    ("MR", "MRT", "Mauritania", "Mauritânia", "Mauritania", ""),
    ("SD", "SDN", "Sudán", "Sudão", "Sudan", ""),
    ("SS", "SSD", "Sudán del Sur", "Sudão do Sul", "South Sudan", ""),
    ("ER", "ERI", "Eritrea", "Eritreia", "Eritrea", ""),
    ("DJ", "DJI", "Yibuti", "Djibouti", "Djibouti", ""),
    ("SO", "SOM", "Somalia", "Somália", "Somalia", ""),
    ("ZM", "ZMB", "Zambia", "Zâmbia", "Zambia", ""),
    ("ZW", "ZWE", "Zimbabue", "Zimbábue", "Zimbabwe", ""),
    ("MW", "MWI", "Malaui", "Malawi", "Malawi", ""),
    ("NA", "NAM", "Namibia", "Namíbia", "Namibia", ""),
    ("BW", "BWA", "Botsuana", "Botsuana", "Botswana", ""),
    ("LS", "LSO", "Lesoto", "Lesoto", "Lesotho", ""),
    ("SZ", "SWZ", "Esuatini", "Essuatíni", "Eswatini", "Suazilandia;Swaziland"),
    ("MG", "MDG", "Madagascar", "Madagáscar", "Madagascar", ""),
    ("MU", "MUS", "Mauricio", "Maurícia", "Mauritius", ""),
    ("SC", "SYC", "Seychelles", "Seicheles", "Seychelles", ""),
    ("KM", "COM", "Comoras", "Comores", "Comoros", ""),
    # --- Oceania --------------------------------------------------------------------------------
    ("AU", "AUS", "Australia", "Austrália", "Australia", ""),
    ("NZ", "NZL", "Nueva Zelanda", "Nova Zelândia", "New Zealand", "Aotearoa"),
    ("PG", "PNG", "Papúa Nueva Guinea", "Papua-Nova Guiné", "Papua New Guinea", ""),
    ("FJ", "FJI", "Fiyi", "Fiji", "Fiji", ""),
    ("SB", "SLB", "Islas Salomón", "Ilhas Salomão", "Solomon Islands", ""),
    ("VU", "VUT", "Vanuatu", "Vanuatu", "Vanuatu", ""),
    ("WS", "WSM", "Samoa", "Samoa", "Samoa", ""),
    ("TO", "TON", "Tonga", "Tonga", "Tonga", ""),
    ("KI", "KIR", "Kiribati", "Kiribati", "Kiribati", ""),
    ("FM", "FSM", "Micronesia", "Micronésia", "Micronesia", ""),
    ("PW", "PLW", "Palaos", "Palau", "Palau", ""),
    ("MH", "MHL", "Islas Marshall", "Ilhas Marshall", "Marshall Islands", ""),
    ("NR", "NRU", "Nauru", "Nauru", "Nauru", ""),
    ("TV", "TUV", "Tuvalu", "Tuvalu", "Tuvalu", ""),
)

_LANGS = {"es": 2, "pt": 3, "en": 4}

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
    for a2, a3, es, pt, en, extra in COUNTRIES:
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


_NAMES, _ALPHA2, _ALPHA3 = _build()
_BY_CODE = {row[0]: row for row in COUNTRIES}


def _flag(value: str) -> str | None:
    """A flag emoji (two regional indicator symbols) gives its alpha-2 code directly."""
    letters = [chr(ord(ch) - 0x1F1E6 + ord("A")) for ch in value if 0x1F1E6 <= ord(ch) <= 0x1F1FF]
    if len(letters) == 2:
        code = "".join(letters)
        return code if code in _BY_CODE or code == "UK" else None
    return None


def _lookup(folded: str) -> str | None:
    if not folded:
        return None
    hit = _NAMES.get(folded)
    if hit:
        return hit
    compact = folded.replace(" ", "")
    if " " not in folded:
        if len(folded) == 2 and folded in _ALPHA2:
            return _ALPHA2[folded]
        if len(folded) == 3 and folded in _ALPHA3:
            return _ALPHA3[folded]
    elif compact in _NAMES and compact != "rou":
        # "E E U U", "R. Dominicana" spelled with odd spacing.
        return _NAMES[compact]
    stripped = _PREFIX_RE.sub("", folded)
    if stripped != folded:
        return _NAMES.get(stripped)
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
    row = _BY_CODE.get(code.strip().upper()) if code else None
    if row is None:
        return code
    return row[_LANGS.get(lang[:2].lower() if lang else "es", 2)]
