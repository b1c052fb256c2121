"""Writes the frozen geocoding evaluation set (tests/geo_eval.tsv, tests/geo_eval_municipios.tsv) BY RULE.

The set measures foro_data.geo from the outside, so nothing in it comes from the gazetteer
(GeoNames) or was chosen while tuning the resolver:

* Places with true coordinates ("lugares"):
  - every member city in foro_data/data/redes.tsv (the partner networks' published lists), with the
    city-centre coordinates written below from general knowledge (town hall / main square, ~1 km);
  - every city, provincial capital and airport city shipped by the PyPI package ``argentina``
    0.2.0 (MIT; coordinates and names from INDEC/IGN/ANAC, independent of GeoNames).
* Spellings: each place is typed in up to ten ways by fixed rules (official, lower case without
  accents, upper case, "city, province", "city - CC", "city (country)", one swapped pair of letters,
  Spanish abbreviations, "Municipalidad de …", bare name). The typo position comes from a hash of
  the name, so re-running gives the same file.
* Municipalities without coordinates ("municipios"): the 529 Argentine departamentos / partidos /
  comunas of INDEC (same package), typed "Partido de X" / "Departamento X" with their province. For
  these only "placed inside the right province" can be checked.

Run once, commit the output, never edit it by hand:
    .venv/bin/pip install --no-deps argentina==0.2.0
    .venv/bin/python tools/build_geo_eval.py
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "geo_eval.tsv"
OUT_MUNICIPIOS = ROOT / "tests" / "geo_eval_municipios.tsv"
REDES = ROOT / "foro_data" / "data" / "redes.tsv"

# Member cities' centres (lat, lon), written from general knowledge, NOT read from foro_data/data.
MEMBER_TRUTH: dict[tuple[str, str], tuple[float, float]] = {
    ("Abeokuta", "NG"): (7.1475, 3.3619),
    ("Bangui", "CF"): (4.3947, 18.5582),
    ("Durban", "ZA"): (-29.8587, 31.0218),
    ("Hargeisa", "SO"): (9.5600, 44.0650),
    ("Kano", "NG"): (12.0022, 8.5920),
    ("Nairobi", "KE"): (-1.2921, 36.8219),
    ("Bogotá", "CO"): (4.7110, -74.0721),
    ("Chaguanas", "TT"): (10.5168, -61.4114),
    ("Escobedo", "MX"): (25.7933, -100.3156),
    ("Godoy Cruz", "AR"): (-32.9253, -68.8450),
    ("Guadalajara", "MX"): (20.6597, -103.3496),
    ("Guayaquil", "EC"): (-2.1894, -79.8891),
    ("Niterói", "BR"): (-22.8832, -43.1034),
    ("Palmira", "CO"): (3.5394, -76.3036),
    ("Pelotas", "BR"): (-31.7654, -52.3376),
    ("Peñalolén", "CL"): (-33.4833, -70.5333),
    ("Rosario", "AR"): (-32.9442, -60.6505),
    ("Santiago de Cali", "CO"): (3.4516, -76.5320),
    ("Amman", "JO"): (31.9454, 35.9284),
    ("Tripoli", "LB"): (34.4367, 35.8497),
    ("Asunción", "PY"): (-25.2637, -57.5759),
    ("La Plata", "AR"): (-34.9214, -57.9544),
    ("Córdoba", "AR"): (-31.4201, -64.1888),
    ("Buenos Aires", "AR"): (-34.6037, -58.3816),
    ("Florianópolis", "BR"): (-27.5954, -48.5480),
    ("Porto Alegre", "BR"): (-30.0346, -51.2177),
    ("Curitiba", "BR"): (-25.4284, -49.2733),
    ("Rio de Janeiro", "BR"): (-22.9068, -43.1729),
    ("Brasília", "BR"): (-15.7939, -47.8828),
    ("Salvador", "BR"): (-12.9777, -38.5016),
    ("Montevideo", "UY"): (-34.9011, -56.1645),
    ("Ayacucho", "AR"): (-37.1500, -58.4833),
    ("Morón", "AR"): (-34.6534, -58.6198),
    ("Santa Fe", "AR"): (-31.6107, -60.6973),
    ("San Justo", "AR"): (-30.7891, -60.5917),
    ("Villa Carlos Paz", "AR"): (-31.4221, -64.4995),
    ("Villa María", "AR"): (-32.4075, -63.2402),
    ("Tandil", "AR"): (-37.3217, -59.1332),
    ("São Paulo", "BR"): (-23.5505, -46.6333),
}
COUNTRY_ES = {
    "AR": "Argentina",
    "BR": "Brasil",
    "UY": "Uruguay",
    "PY": "Paraguay",
    "CL": "Chile",
    "CO": "Colombia",
    "EC": "Ecuador",
    "MX": "México",
    "NG": "Nigeria",
    "CF": "República Centroafricana",
    "ZA": "Sudáfrica",
    "SO": "Somalia",
    "KE": "Kenia",
    "TT": "Trinidad y Tobago",
    "JO": "Jordania",
    "LB": "Líbano",
}
# Spanish abbreviations people write (rule 8), longest first.
ABBREVIATIONS = (
    ("Presidente ", "Pte. "),
    ("General ", "Gral. "),
    ("Santiago ", "Stgo. "),
    ("Santa ", "Sta. "),
    ("Puerto ", "Pto. "),
    ("Villa ", "V. "),
    ("San ", "S. "),
)


def _strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _typo(name: str) -> str | None:
    """Swap one adjacent pair of letters inside the longest word (never the first letter)."""
    word = max(name.split(), key=len)
    if len(word) < 6:
        return None
    n = int(hashlib.sha1(name.encode()).hexdigest(), 16) % (len(word) - 3) + 1
    swapped = word[:n] + word[n + 1] + word[n] + word[n + 2 :]
    return name.replace(word, swapped, 1) if swapped != word else None


def spellings(name: str, provincia: str, cc: str) -> list[tuple[str, str, str, str]]:
    """(regla, ciudad, provincia, pais) for one place, by the fixed rules."""
    pais = COUNTRY_ES.get(cc, cc)
    out = [
        ("oficial", name, provincia, pais),
        ("minusculas_sin_tildes", _strip_accents(name).lower(), "", pais),
        ("mayusculas", name.upper(), provincia, ""),
        ("ciudad_coma_provincia", f"{name}, {provincia}" if provincia else f"{name}, {pais}", "", ""),
        ("ciudad_guion_codigo", f"{name} - {cc}", "", ""),
        ("ciudad_parentesis_pais", f"{name} ({pais})", "", ""),
        ("municipalidad_de", f"Municipalidad de {name}", "", pais),
        ("solo_nombre", name, "", ""),
    ]
    typo = _typo(name)
    if typo:
        out.append(("error_de_tipeo", typo, provincia, pais))
    for full, short in ABBREVIATIONS:
        if (name + " ").startswith(full):
            out.append(("abreviatura", short + name[len(full) :], provincia, pais))
            break
    return out


def _package_data(name: str) -> Path:
    spec = importlib.util.find_spec("argentina")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("Falta el paquete 'argentina'; vea el encabezado de tools/build_geo_eval.py.")
    return Path(next(iter(spec.submodule_search_locations)), "data", name)


def _rows(name: str) -> list[dict[str, str]]:
    with open(_package_data(name), encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def places() -> list[tuple[str, str, str, str, float, float]]:
    """(grupo, nombre, provincia, CC, lat, lon), members first, de-duplicated by (name, CC)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for line in REDES.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        _red, ciudad, provincia, cc, *_rest = line.split("\t")
        if (ciudad, cc) not in seen:
            seen.add((ciudad, cc))
            lat, lon = MEMBER_TRUTH[(ciudad, cc)]
            out.append(("socios", ciudad, provincia, cc, lat, lon))
    argentine = [(r["nombre"], r["provincia_nombre"], r["lat"], r["lon"]) for r in _rows("ciudades.csv")]
    argentine += [(r["capital"], r["nombre"], r["capital_lat"], r["capital_lon"]) for r in _rows("provincias.csv")]
    argentine += [(r["ciudad"], r["provincia_nombre"], r["lat"], r["lon"]) for r in _rows("aeropuertos.csv")]
    for nombre, provincia, lat_text, lon_text in argentine:
        if (nombre, "AR") not in seen:
            seen.add((nombre, "AR"))
            out.append(("argentina", nombre, provincia, "AR", float(lat_text), float(lon_text)))
    return out


def municipios() -> list[tuple[str, str, str, str]]:
    """(regla, ciudad, provincia, pais) for every INDEC department, typed the way its category reads."""
    out = []
    for r in _rows("departamentos.csv"):
        nombre, provincia = r["nombre"], r["provincia_nombre"]
        if provincia == "Ciudad Autónoma de Buenos Aires":
            continue  # its "Comuna 1..15" are districts of one city, not municipalities
        prefix = "Partido de" if provincia == "Buenos Aires" else "Departamento"
        out.append(("municipio", f"{prefix} {nombre}", provincia, "Argentina"))
    return out


def main() -> None:
    rows = []
    for grupo, nombre, provincia, cc, lat, lon in places():
        for regla, ciudad, prov, pais in spellings(nombre, provincia, cc):
            rows.append((grupo, regla, ciudad, prov, pais, f"{lat:.4f}", f"{lon:.4f}", f"{nombre} ({cc})"))
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("# Generated by tools/build_geo_eval.py; frozen before tuning. Do not edit by hand.\n")
        fh.write("grupo\tregla\tciudad\tprovincia\tpais\tlat\tlon\tlugar\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    mun = municipios()
    with open(OUT_MUNICIPIOS, "w", encoding="utf-8", newline="") as fh:
        fh.write("# Generated by tools/build_geo_eval.py from INDEC's departments (PyPI argentina 0.2.0).\n")
        fh.write("regla\tciudad\tprovincia\tpais\n")
        for fila in mun:
            fh.write("\t".join(fila) + "\n")
    print(
        f"{OUT.relative_to(ROOT)}: {len(rows)} escrituras de {len(places())} lugares; "
        f"{OUT_MUNICIPIOS.relative_to(ROOT)}: {len(mun)} municipios"
    )


if __name__ == "__main__":
    main()
