"""Reading what people type: the city proper, the hints around it, and the spellings to look up.

>>> expand("gral san martin")
'general san martin'
>>> [k for k, _, _ in variants("Río IV")][:2]
['rio iv', 'rio cuarto']
>>> numbers("9 de julio"), numbers("tres de febrero")
('nueve de julio', '3 de febrero')
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..countries import country_code
from ..schema import fold
from .gazetteer import Gazetteer, Place

ALIAS_FILE = Path(__file__).resolve().parent.parent / "data" / "alias.tsv"
NEAR_SEAT_KM = 25.0  # "Banfield, Lomas de Zamora": a town this close to the municipality's seat is in it

# Token abbreviations, applied to folded text ("Gral. San Martín" → "general san martin").
ABBREVIATIONS = {
    "gral": "general",
    "grl": "general",
    "pte": "presidente",
    "pdte": "presidente",
    "sta": "santa",
    "sto": "santo",
    "sn": "san",
    "cdad": "ciudad",
    "cd": "ciudad",
    "cnel": "coronel",
    "cmte": "comandante",
    "cte": "comandante",
    "tte": "teniente",
    "ing": "ingeniero",
    "dr": "doctor",
    "pto": "puerto",
    "pta": "punta",
    "fco": "francisco",
    "mte": "monte",
    "va": "villa",
    "vla": "villa",
    "pdo": "partido",
    "gob": "gobernador",
    "sgto": "sargento",
    "cap": "capitan",
    "mcal": "mariscal",
    "nra": "nuestra",
    "sra": "senora",
    "stgo": "santiago",
    "sgo": "santiago",
    "pres": "presidente",
}
# A single letter means a word only at the start: "V. Carlos Paz", "S. Rafael" (both readings of S.).
LEADING_LETTERS = {"v": ("villa",), "s": ("san", "sao"), "g": ("general",)}
# Roman numerals and ordinals name the same places: "Río IV" / "Río Cuarto", "Río 3ro" / "Río Tercero".
ORDINALS = {
    "i": "primero",
    "ii": "segundo",
    "iii": "tercero",
    "iv": "cuarto",
    "v": "quinto",
    "vi": "sexto",
    "vii": "septimo",
    "viii": "octavo",
    "ix": "noveno",
    "x": "decimo",
    "1ro": "primero",
    "1ero": "primero",
    "2do": "segundo",
    "3ro": "tercero",
    "3ero": "tercero",
    "4to": "cuarto",
    "5to": "quinto",
    "6to": "sexto",
    "7mo": "septimo",
    "8vo": "octavo",
    "9no": "noveno",
    "10mo": "decimo",
}
# Digits and number words in dates that name places: "9 de Julio", "Tres de Febrero", "25 de Mayo".
CARDINALS = {
    "1": "uno",
    "2": "dos",
    "3": "tres",
    "4": "cuatro",
    "5": "cinco",
    "6": "seis",
    "7": "siete",
    "8": "ocho",
    "9": "nueve",
    "10": "diez",
    "11": "once",
    "12": "doce",
    "20": "veinte",
    "25": "veinticinco",
    "28": "veintiocho",
    "30": "treinta",
    "33": "treinta y tres",
}
_WORD_TO_DIGIT = {v: k for k, v in CARDINALS.items()}

PREFIXES = tuple(
    p + " "
    for p in (
        "ciudad de",
        "ciudad autonoma de",
        "municipio de",
        "municipalidad de",
        "municipalidad distrital de",
        "municipalidad provincial de",
        "municipalidad de la ciudad de",
        "i municipalidad de",
        "ilustre municipalidad de",
        "prefeitura de",
        "prefeitura municipal de",
        "prefeitura da cidade de",
        "cidade de",
        "intendencia de",
        "intendencia municipal de",
        "departamento de",
        "departamento",
        "depto",
        "dpto",
        "distrito de",
        "comuna de",
        "partido de",
        "partido de la",
        "partido del",
        "partido",
        "localidad de",
        "alcaldia de",
        "alcaldia municipal de",
        "gobierno autonomo municipal de",
        "gam de",
        "gobierno de la ciudad de",
        "municipio",
        "municipalidad",
        "comuna",
        "canton",
    )
)
SUFFIXES = tuple(" " + s for s in ("capital", "ciudad", "city", "centro", "cercado", "dc", "d c", "df", "d f"))
PROVINCE_PREFIX = re.compile(
    r"^(provincia|prov|pcia|estado|departamento|depto|dpto|region|regiao|distrito|state|province)"
    r"( (de|del|da|do|of))? "
)
# Splits "Rosario, Santa Fe", "Asunción (Paraguay)", "Montevideo - UY", "Porto Alegre/RS", "Salto-UY".
SEGMENTS = re.compile(r"\s*[,;/()\[\]|]\s*|\s+[-–—]+\s*|\s*[-–—]+\s+|(?<=[^\W\d_]{3})[-–—](?=[A-Za-z]{2,3}\s*$)")


@lru_cache(maxsize=1)
def aliases() -> dict[str, tuple[str, str]]:
    """Folded alias → (folded name to look up, province code it implies), from data/alias.tsv."""
    out: dict[str, tuple[str, str]] = {}
    with open(ALIAS_FILE, encoding="utf-8") as fh:
        for row in csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            if len(row) >= 3 and row[0].strip():
                out[fold(row[0])] = (fold(row[1]), row[2].strip())
    return out


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class Hint:
    """What one piece of text says about where: countries, first-level regions, municipalities."""

    text: str
    countries: frozenset[str] = frozenset()
    admin1: frozenset[str] = frozenset()
    municipios: frozenset[int] = frozenset()
    seats: tuple[tuple[float, float], ...] = ()  # where those municipalities sit
    strong_country: bool = False  # from the pais column, or a text that is only a country

    def matches(self, place: Place) -> bool:
        if place.pais in self.countries or place.admin1 in self.admin1 or place.municipio in self.municipios:
            return True
        return any(km((place.lat, place.lon), seat) <= NEAR_SEAT_KM for seat in self.seats)

    @property
    def empty(self) -> bool:
        return not self.countries and not self.admin1 and not self.municipios


def fold_province(text: str) -> str:
    return PROVINCE_PREFIX.sub("", fold(text))


def strip_prefixes(folded: str) -> list[str]:
    return [folded[len(p) :] for p in PREFIXES if folded.startswith(p) and len(folded) > len(p)]


def hint(text: str, gaz: Gazetteer, *, is_country_column: bool = False) -> Hint:
    """The hint a provincia/pais column, or a piece of the city text, gives."""
    cc = country_code(text)
    if is_country_column:
        return Hint(text, frozenset({cc}) if cc else frozenset(), strong_country=bool(cc))
    folded = fold(text)
    admin = gaz.admin1(folded) | gaz.admin1(fold_province(text)) if folded else set()
    alias = aliases().get(folded)
    if alias and alias[1]:
        admin.add(alias[1])
    # A two-letter code that is a Brazilian state (RS, PE, SC, PR...) is read as the state, not as
    # Serbia, Peru, the Seychelles or Puerto Rico: that is how Brazilians write it after a city.
    if len(folded) == 2 and any(a.startswith("BR.") for a in admin):
        cc = None
    municipios: set[int] = set()
    if folded and not cc and len(folded) > 3:
        for key in (folded, *strip_prefixes(folded)):
            municipios.update(gaz.municipalities(key))
    seats = tuple(
        (gaz.place(gaz.municipios[m].sede).lat, gaz.place(gaz.municipios[m].sede).lon) for m in sorted(municipios)
    )
    countries = frozenset({cc}) if cc else frozenset()
    return Hint(text, countries, frozenset(admin), frozenset(municipios), seats, strong_country=bool(cc) and not admin)


def expand(folded: str) -> str:
    """Token abbreviations written out."""
    return " ".join(ABBREVIATIONS.get(tok, tok) for tok in folded.split())


def numbers(folded: str) -> str:
    """The other way of writing a number in a place name: ordinals ↔ Roman numerals, digits ↔ words."""
    tokens = folded.split()
    out = []
    for i, tok in enumerate(tokens):
        if i > 0 and tok in ORDINALS:
            out.append(ORDINALS[tok])
        elif tok in CARDINALS:
            out.append(CARDINALS[tok])
        elif tok in _WORD_TO_DIGIT:
            out.append(_WORD_TO_DIGIT[tok])
        else:
            out.append(tok)
    return " ".join(out)


def variants(city: str) -> list[tuple[str, float, str]]:
    """(folded key, quality, implied province code) to try, best first."""
    raw = fold(city)
    out: list[tuple[str, float, str]] = []

    def add(key: str, quality: float, admin: str = "") -> None:
        key = key.strip()
        if key and all(key != k for k, _, _ in out):
            out.append((key, quality, admin))

    expanded = expand(raw)
    # A curated alias goes first: "San Pablo" typed alone is São Paulo, not the many San Pablos.
    for text in (raw, expanded):
        if text in aliases():
            name, admin = aliases()[text]
            add(name, 0.97, admin)
    add(raw, 1.0)
    add(expanded, 0.97)
    add(numbers(expanded), 0.95)
    for base in (raw, expanded):
        for rest in strip_prefixes(base):
            add(rest, 0.93)
            add(numbers(rest), 0.9)
        for suffix in SUFFIXES:
            if base.endswith(suffix):
                add(base[: -len(suffix)], 0.93)
    head, _, tail = expanded.partition(" ")
    for word in LEADING_LETTERS.get(head, ()) if tail else ():
        add(f"{word} {tail}", 0.9)
    return out


def parse(ciudad: str, provincia: str, pais: str, gaz: Gazetteer) -> tuple[str, list[Hint]]:
    """The city text proper, and the hints: pais column, provincia column, extra pieces of the text."""
    pieces = [p for p in SEGMENTS.split(ciudad.strip()) if p and p.strip()]
    city = pieces[0].strip() if pieces else ""
    hints: list[Hint] = []
    if pais.strip():
        hints.append(hint(pais, gaz, is_country_column=True))
    for text in (provincia, *pieces[1:]):
        if text.strip():
            h = hint(text.strip(), gaz)
            if not h.empty:
                hints.append(h)
    return city, hints


def peeled(city: str, gaz: Gazetteer) -> list[tuple[str, Hint]]:
    """'Godoy Cruz Mendoza', 'Salto Uruguay': a trailing province or country without a comma."""
    tokens = fold(city).split()
    out = []
    for n in (1, 2, 3):
        if len(tokens) > n:
            h = hint(" ".join(tokens[-n:]), gaz)
            if h.countries or h.admin1:  # a municipality needs its comma: "San Martín" ends in "Martín"
                out.append((" ".join(tokens[:-n]), h))
    return out
