"""Offline geocoding: accuracy on real spellings, ambiguity, Ciudades overrides, Problems, the CLI."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from foro_data import geo
from foro_data.__main__ import geocodificar, split_line
from foro_data.model import CiudadOverride
from tests.geo_cases import CAPITALS, CASES, MENDOZA

ROOT = Path(__file__).resolve().parent.parent


def km(match: geo.GeoMatch, lat: float, lon: float) -> float:
    return geo.km((match.lat, match.lon), (lat, lon))


# --- Accuracy -----------------------------------------------------------------------------------


def test_share_within_30_km_of_the_truth():
    misses = []
    for c in CASES:
        m = geo.resolve(c.ciudad, c.provincia, c.pais)
        if m.lat is None or km(m, c.lat, c.lon) > 30:
            where = (
                "sin resolver" if m.lat is None else f"{m.nombre} ({m.region}, {m.pais}) a {km(m, c.lat, c.lon):.0f} km"
            )
            misses.append(f"{c.ciudad!r}, {c.provincia!r}, {c.pais!r} → {where}")
    share = 1 - len(misses) / len(CASES)
    assert share >= 0.97, f"{share:.1%} dentro de 30 km; fallos:\n" + "\n".join(misses)


def test_the_case_set_is_large_and_covers_the_region():
    assert len(CASES) >= 150
    departments = {
        "Capital",
        "Godoy Cruz",
        "Guaymallén",
        "Las Heras",
        "Luján de Cuyo",
        "Maipú",
        "Lavalle",
        "San Martín",
        "Junín",
        "Rivadavia",
        "Santa Rosa",
        "La Paz",
        "Tupungato",
        "Tunuyán",
        "San Carlos",
        "San Rafael",
        "General Alvear",
        "Malargüe",
    }
    assert len(departments) == 18
    assert departments <= {c.ciudad for c in MENDOZA}
    typed = {c.ciudad for c in CASES}
    assert set(CAPITALS.values()) <= typed


def test_every_mendoza_department_lands_in_mendoza():
    for c in MENDOZA:
        m = geo.resolve(c.ciudad, c.provincia, c.pais)
        assert m.lat is not None, c
        assert km(m, c.lat, c.lon) < 15, (c, m)


@pytest.mark.parametrize("code,capital", sorted(CAPITALS.items()))
def test_mercociudades_capitals_without_hints(code, capital):
    m = geo.resolve(capital)
    assert m.pais == code, m
    assert m.confianza > 0.5


def test_demo_cities_all_land_and_agree_across_spellings():
    demo = pytest.importorskip("foro_data.demo_data")
    for spec in demo.CITIES:
        ref = geo.resolve(spec.spellings[0], spec.provincia[0], spec.pais)
        assert ref.lat is not None, spec.name
        for spelling in spec.spellings:
            for provincia in spec.provincia:
                m = geo.resolve(spelling, provincia, spec.pais)
                assert m.lat is not None, (spelling, provincia)
                assert km(m, ref.lat, ref.lon) < 30, (spelling, provincia, m)


# --- Reading what people type -------------------------------------------------------------------


@pytest.mark.parametrize(
    "ciudad,provincia,pais,nombre,code",
    [
        ("Montevideo - UY", "", "", "Montevideo", "UY"),
        ("Asunción (Paraguay)", "", "", "Asunción", "PY"),
        ("Rosario, Santa Fe", "", "", "Rosario", "AR"),
        ("Maipú, Chile", "", "", "Maipú", "CL"),
        ("CABA", "", "", "Buenos Aires", "AR"),
        ("Ciudad Autónoma de Buenos Aires", "", "", "Buenos Aires", "AR"),
        ("Cap. Fed.", "", "", "Buenos Aires", "AR"),
        ("Gral. San Martín", "Mendoza", "", "San Martín", "AR"),
        ("Porto Alegre - RS", "", "", "Porto Alegre", "BR"),  # RS is the state, not Serbia
        ("Recife", "PE", "", "Recife", "BR"),  # PE is Pernambuco, not Peru
        ("Salto", "", "Uruguai", "Salto", "UY"),  # country in Portuguese
        ("Santa Cruz", "", "BOL", "Santa Cruz de la Sierra", "BO"),  # ISO alpha-3
        ("Guaymallen", "", "", "Guaymallén", "AR"),  # supplement: absent from GeoNames' cities500
    ],
)
def test_forms_people_type(ciudad, provincia, pais, nombre, code):
    m = geo.resolve(ciudad, provincia, pais)
    assert (m.nombre, m.pais) == (nombre, code)


def test_typos_are_fixed_only_inside_the_hinted_country():
    assert geo.resolve("Guaymalen", "Mendoza", "Argentina").nombre == "Guaymallén"
    fixed = geo.resolve("Montevido", "", "Uruguay")
    assert fixed.nombre == "Montevideo" and fixed.confianza < 0.9
    # The same typo with another country named: not looked for elsewhere.
    assert geo.resolve("Montevido", "", "Chile").lat is None


def test_short_names_are_not_guessed():
    assert geo.resolve("Xq", "", "Argentina").lat is None


def test_mendoza_departments_have_a_population():
    gaz = geo.gazetteer()
    for name in ("godoy cruz", "maipu", "las heras", "lujan de cuyo", "guaymallen"):
        places = [gaz.place(i) for i in gaz.lookup(name) if gaz.place(i).admin1 == "AR.13"]
        assert places and all(p.poblacion > 0 for p in places), name


def test_gazetteer_is_loaded_once():
    assert geo.gazetteer() is geo.gazetteer()
    assert len(geo.gazetteer()) > 50_000


# --- Ambiguity ----------------------------------------------------------------------------------


def test_maipu_without_hint_prefers_mendoza_and_is_flagged():
    m = geo.resolve("Maipú")
    assert (m.pais, m.region) == ("AR", "Mendoza")
    assert m.ambigua
    assert any(alt[2] == "CL" for alt in m.alternativas)
    assert m.confianza < 0.7


@pytest.mark.parametrize(
    "provincia,pais,code,lat",
    [("", "Chile", "CL", -33.51), ("Mendoza", "", "AR", -32.98), ("Región Metropolitana", "", "CL", -33.51)],
)
def test_maipu_with_a_hint_is_not_ambiguous(provincia, pais, code, lat):
    m = geo.resolve("Maipú", provincia, pais)
    assert m.pais == code and not m.ambigua
    assert abs(m.lat - lat) < 0.1


def test_san_martin_everywhere():
    plain = geo.resolve("San Martín")
    assert plain.ambigua and len(plain.alternativas) >= 2
    assert plain.region == "Mendoza"  # the forum's region wins the tie
    assert not geo.resolve("San Martín", "Mendoza", "Argentina").ambigua
    bsas = geo.resolve("San Martín", "Buenos Aires", "Argentina")
    assert bsas.region == "Buenos Aires" and abs(bsas.lat - -34.57) < 0.1


def test_a_big_city_elsewhere_beats_a_small_namesake_in_the_region():
    m = geo.resolve("La Paz")
    assert m.pais == "BO" and m.ambigua


def test_a_country_that_does_not_have_the_city_lowers_confidence():
    m = geo.resolve("Montevideo", "", "Argentina")
    assert m.pais == "UY" and m.confianza < 0.8


# --- Overrides, points, Problems ----------------------------------------------------------------


class Row:
    def __init__(self, row: int, ciudad: str, provincia: str = "", pais: str = "") -> None:
        self.row, self.ciudad, self.provincia, self.pais = row, ciudad, provincia, pais


def test_ciudades_override_wins_over_the_gazetteer():
    overrides = [
        CiudadOverride(2, "Maipú", "", "CL", -33.5, -70.75),
        CiudadOverride(3, "Barrio Inventado", "Mendoza", "AR", -32.95, -68.80),
    ]
    rows = [
        Row(5, "maipu", "", "Chile"),
        Row(6, "Maipú", "Mendoza", "AR"),
        Row(7, "Barrio Inventado", "Mendoza", "AR"),
        Row(8, "Barrio Inventado", "Córdoba", "AR"),
    ]
    out = geo.resolve_many(rows, overrides)
    assert (out[0].lat, out[0].lon, out[0].clave, out[0].confianza) == (-33.5, -70.75, "ciudades:2", 1.0)
    assert out[1].region == "Mendoza" and out[1].clave.startswith("gn:")  # country differs: not overridden
    assert (out[2].lat, out[2].nombre) == (-32.95, "Barrio Inventado")
    assert out[3].lat is None  # province differs
    assert [p.kind for p in geo.geo_problems(out, rows)] == ["ciudad_no_encontrada"]


def test_unresolved_entry_is_a_problem_never_dropped():
    rows = [Row(4, "Ciudad Que No Existe", "", "Argentina"), Row(9, "Godoy Cruz", "Mendoza", "AR"), Row(11, "")]
    results = geo.resolve_many(rows)
    assert len(results) == 3
    assert results[0].lat is None and results[0].lon is None and results[0].pais == "AR"
    problems = geo.geo_problems(results, rows)
    assert [(p.kind, p.tab, p.row, p.column) for p in problems] == [
        ("ciudad_no_encontrada", "Inscripciones", 4, "ciudad"),
        ("ciudad_no_encontrada", "Inscripciones", 11, "ciudad"),
    ]
    assert problems[0].reason == (
        "No se encontró la ciudad «Ciudad Que No Existe» en el nomenclador; "
        "agréguela en la pestaña Ciudades con lat y lon."
    )
    assert problems[0].value == "Ciudad Que No Existe"


def test_ambiguous_entry_is_a_problem_naming_the_choice_and_the_alternatives():
    rows = [Row(3, "Maipú")]
    (p,) = geo.geo_problems(geo.resolve_many(rows), rows)
    assert p.kind == "ciudad_ambigua" and p.row == 3 and p.column == "ciudad" and p.severity == "aviso"
    assert "Maipú (Mendoza, AR)" in p.reason and "Región Metropolitana de Santiago, CL" in p.reason


def test_city_points_group_identical_entries_only():
    rows = [
        Row(2, "Godoy Cruz", "Mendoza", "AR"),
        Row(3, "godoy cruz", "mendoza", "Argentina"),
        Row(4, "Maipú", "", "Chile"),
        Row(5, "Nowhere Town"),
    ]
    points = geo.city_points(rows)
    assert [p.indices for p in points] == [(0, 1), (2,), (3,)]
    assert points[0].match.nombre == "Godoy Cruz" and points[1].match.pais == "CL"
    assert points[2].match.lat is None


# --- CLI ----------------------------------------------------------------------------------------

CLI_INPUT = "Rosario, Santa Fe, Argentina\nMontevideo - UY\n\nMaipú, Chile\nCiudad Que No Existe\n"


def test_geocodificar_round_trip():
    out = io.StringIO()
    assert geocodificar(io.StringIO(CLI_INPUT), out) == 0
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [set(d) for d in lines] == [{"entrada", "lat", "lon", "nombre", "pais", "confianza", "ambigua"}] * 4
    assert [d["pais"] for d in lines[:3]] == ["AR", "UY", "CL"]
    assert lines[0]["entrada"] == "Rosario, Santa Fe, Argentina" and abs(lines[0]["lat"] - -32.94) < 0.1
    assert lines[3]["lat"] is None and lines[3]["lon"] is None and lines[3]["ambigua"] is False


def test_geocodificar_from_the_command_line():
    proc = subprocess.run(
        [sys.executable, "-m", "foro_data", "geocodificar"],
        input=CLI_INPUT,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(lines) == 4 and lines[1]["nombre"] == "Montevideo"


def test_split_line():
    assert split_line("Rosario, Santa Fe, Argentina") == ("Rosario", "Santa Fe", "Argentina")
    assert split_line("Montevideo - UY") == ("Montevideo - UY", "", "")
    assert split_line("Maipú, Chile") == ("Maipú", "Chile", "")


# --- Issue 16: the kinds of miss on partner cities ------------------------------------------------
# Coordinates below are the municipal seats, written from general knowledge (not from foro_data/data).


@pytest.mark.parametrize(
    "ciudad,provincia,pais,lat,lon",
    [
        ("Tres de Febrero", "Buenos Aires", "Argentina", -34.60, -58.56),  # seat: Caseros
        ("Partido de General Pueyrredón", "", "", -38.00, -57.56),  # seat: Mar del Plata
        ("Municipio de La Matanza", "", "Argentina", -34.67, -58.56),  # seat: San Justo
        ("Partido de Malvinas Argentinas", "Buenos Aires", "", -34.49, -58.70),  # seat: Los Polvorines
        ("Intendencia de Flores", "", "Uruguay", -33.52, -56.90),  # seat: Trinidad
    ],
)
def test_a_municipality_lands_on_its_seat(ciudad, provincia, pais, lat, lon):
    m = geo.resolve(ciudad, provincia, pais)
    assert m.lat is not None and km(m, lat, lon) < 15, m


def test_town_comma_municipality_reads_the_municipality_as_a_hint():
    m = geo.resolve("Banfield, Lomas de Zamora")
    assert (m.nombre, m.pais) == ("Banfield", "AR") and km(m, -34.74, -58.39) < 10
    # A town that is not in that municipality: the hint is ignored, and the confidence says so.
    assert geo.resolve("Banfield, General Pueyrredón").confianza < geo.resolve("Banfield").confianza


def test_a_municipality_is_named_as_typed_and_merges_with_its_seat():
    partido = geo.resolve("Partido de General Pueyrredón", "Buenos Aires", "Argentina")
    seat = geo.resolve("Mar del Plata", "Buenos Aires", "Argentina")
    assert partido.nombre == "General Pueyrredón" and seat.nombre == "Mar del Plata"
    assert partido.clave == seat.clave  # one bubble on the map


@pytest.mark.parametrize("ciudad", ["La Matanza", "Tres de Febrero", "Malvinas Argentinas", "San Isidro", "Ayacucho"])
def test_the_country_typed_is_never_left_while_it_has_the_place(ciudad):
    # Each name is also a bigger or same-named place elsewhere (Peru, the Philippines...).
    assert geo.resolve(ciudad, "", "Argentina").pais == "AR"
    assert geo.resolve(f"{ciudad}, Argentina").pais == "AR"
    assert geo.resolve(f"{ciudad} (Argentina)").pais == "AR"


def test_a_member_city_wins_a_tie_with_a_bigger_namesake():
    san_justo = geo.resolve("San Justo")  # Santa Fe (Mercociudades) vs La Matanza's seat (Buenos Aires)
    assert san_justo.region == "Santa Fe" and not san_justo.ambigua
    assert "Mercociudades" in san_justo.redes and san_justo.alternativas
    ayacucho = geo.resolve("Ayacucho", "", "Argentina")
    assert ayacucho.region == "Buenos Aires" and "Mercociudades" in ayacucho.redes
    assert geo.resolve("Escobedo").region == "Nuevo León"  # the network's short name of General Escobedo
    # The typed province still wins over membership.
    assert geo.resolve("San Justo", "Buenos Aires").region == "Buenos Aires"


def test_a_tie_between_places_that_are_not_members_stays_ambiguous():
    m = geo.resolve("Rawson", "", "Argentina")  # San Juan and Chubut, neither a listed member
    assert m.ambigua and {alt[1] for alt in m.alternativas} & {"Chubut", "San Juan"}


def test_member_list_has_sources_and_every_row_is_placed():
    from foro_data.geo import redes, resolver

    rows = redes.miembros()
    assert {m.red for m in rows} == {"Mercociudades", "Peace in Our Cities"}
    assert all(m.fuente for m in rows)
    placed = resolver.members()
    for m in rows:
        match = geo.resolve(m.oficial or m.ciudad, m.provincia, m.pais)
        assert match.pais == m.pais and m.red in match.redes, m
    assert geo.redes_de(geo.resolve("Godoy Cruz", "Mendoza").clave) == ("Peace in Our Cities",)
    assert len(placed.por_lugar) == len({(m.ciudad, m.pais) for m in rows})


@pytest.mark.parametrize(
    "ciudad,provincia,nombre,code",
    [
        ("MDZ", "", "Mendoza", "AR"),  # airport-style city code
        ("GRU", "", "São Paulo", "BR"),
        ("San Pablo", "", "São Paulo", "BR"),  # Spanish exonym of a Brazilian city
        ("Puerto Alegre", "", "Porto Alegre", "BR"),
        ("Río IV", "Córdoba", "Río Cuarto", "AR"),  # Roman numeral
        ("Rio 4to", "", "Río Cuarto", "AR"),  # ordinal
        ("9 de Julio", "Buenos Aires", "Nueve de Julio", "AR"),  # digits for a number word
        ("V. Carlos Paz", "", "Villa Carlos Paz", "AR"),  # V. for Villa
        ("va maria", "Córdoba", "Villa María", "AR"),  # "Va." lower case without the dot
        ("gral alvear", "Mendoza", "General Alvear", "AR"),
        ("pte roque saenz pena", "Chaco", "Presidencia Roque Sáenz Peña", "AR"),
        ("sta fe", "", "Santa Fe", "AR"),
        ("Pelotas/RS", "", "Pelotas", "BR"),  # state suffix
        ("Pelotas - RS", "", "Pelotas", "BR"),
        ("Mendoza capital", "", "Mendoza", "AR"),
    ],
)
def test_nicknames_abbreviations_and_numbers(ciudad, provincia, nombre, code):
    m = geo.resolve(ciudad, provincia)
    assert (m.nombre, m.pais) == (nombre, code), m


def test_the_alias_table_is_cited_and_every_alias_resolves():
    from foro_data.geo import text

    lines = [ln for ln in text.ALIAS_FILE.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    assert len(lines) == len(text.aliases())  # no alias written twice
    for line in lines:
        alias, _name, admin, kind, source = line.split("\t")
        assert kind in {"sigla", "aeropuerto", "apodo", "exonimo", "region"} and source in {"iata", "uso", "rae"}, line
        m = geo.resolve(alias)
        assert m.lat is not None, alias
        if admin:
            assert geo.gazetteer().region_name(admin) == m.region, (alias, m)


def test_typo_search_uses_rapidfuzz_and_stays_in_the_country():
    assert geo.resolve("Floranopolis", "", "Brasil").nombre == "Florianópolis"
    assert geo.resolve("Cochabanba", "", "Bolivia").pais == "BO"
    assert geo.resolve("Floranopolis", "", "Chile").lat is None


def test_resolve_is_cached_per_typed_entry():
    geo.resolve.cache_clear()
    geo.resolve("Rosario", "Santa Fe", "Argentina")
    geo.resolve("Rosario", "Santa Fe", "Argentina")
    info = geo.resolve.cache_info()
    assert (info.hits, info.misses) == (1, 1)


# --- The map frames what is there ------------------------------------------------------------------


def test_map_frame_is_the_region_when_everything_is_regional_and_grows_for_partners_abroad():
    from ui.components import REGION_LAT, REGION_LON, WORLD_LON, map_frame

    regional = [geo.resolve(c) for c in ("Godoy Cruz", "Montevideo", "Asunción", "Bogotá")]
    assert map_frame([m.lat for m in regional], [m.lon for m in regional]) == (REGION_LON, REGION_LAT)
    durban = geo.resolve("Durban", "", "Sudáfrica")
    lon, lat = map_frame([m.lat for m in regional] + [durban.lat], [m.lon for m in regional] + [durban.lon])
    assert lon[0] <= REGION_LON[0] and lon[1] > durban.lon and lat[0] < durban.lat < lat[1]
    amman = geo.resolve("Amman", "", "Jordania")
    assert map_frame([-32.9, amman.lat], [-68.8, amman.lon])[0][1] > amman.lon
    assert map_frame([-32.9, 35.7], [-68.8, 139.7])[0] == WORLD_LON  # Tokyo: the whole world


# --- The frozen outside evaluation set --------------------------------------------------------------


def _eval_rows():
    import csv

    path = ROOT / "tests" / "geo_eval.tsv"
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"))


def test_outside_evaluation_set_meets_the_goals():
    """tests/geo_eval.tsv was written by rule (tools/build_geo_eval.py) before tuning; see docs/geo.md."""
    rows = _eval_rows()
    assert len(rows) >= 300
    ok = confident_wrong = 0
    for r in rows:
        m = geo.resolve(r["ciudad"], r["provincia"], r["pais"])
        if m.lat is not None and km(m, float(r["lat"]), float(r["lon"])) <= 30:
            ok += 1
        elif m.lat is not None and not m.ambigua:
            confident_wrong += 1
    assert ok / len(rows) >= 0.97
    assert confident_wrong / len(rows) <= 0.005


@pytest.mark.parametrize(
    "typed, nombre, pais",
    [("Lomza", "Łomża", "PL"), ("Kirikkale", "Kırıkkale", "TR"), ("Tromso", "Tromsø", "NO"), ("LÓDZ", "Łódź", "PL")],
)
def test_letters_without_accents_fold_to_ascii_so_typing_them_plain_is_exact(typed, nombre, pais):
    # "Ł", "ı", "ø" do not decompose; folding spells them in ASCII, so these are exact matches
    # (confidence 1.0), not typo guesses.
    m = geo.resolve(typed)
    assert (m.nombre, m.pais, m.confianza) == (nombre, pais, 1.0)
