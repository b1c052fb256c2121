"""Offline gazetteer and resolver: free-typed city (+ province, country) → coordinates, and its Problems.

The gazetteer (``foro_data/data/gazetteer.tsv.gz``) is derived from GeoNames (CC BY 4.0) by
``tools/build_gazetteer.py``; it is loaded lazily, once per process. Modules: ``gazetteer`` (storage),
``text`` (reading what people type; the alias table is data/alias.tsv), ``resolver`` (candidates,
hints, ranking), ``redes`` (partner networks' member cities, data/redes.tsv), ``rows`` (registrations,
Ciudades overrides, Problems).

How a name is chosen when several places share it (Maipú in Mendoza and in Chile; San Martín
everywhere) — an opinionated rule, made here once:

1. What the person typed wins: the country (``pais`` column, or a country inside the text) first —
   "X, Argentina" is never placed outside Argentina while Argentina has an X (a town, a
   municipality, or a near spelling) — then the province, then a municipality ("Banfield, Lomas de
   Zamora": a town within 25 km of that municipality's seat). A hint that matches none of the
   candidates is ignored, and the confidence drops.
2. Municipalities count as places: "Tres de Febrero" or "Partido de General Pueyrredón" is the
   partido, shown under its name at its seat (Caseros, Mar del Plata).
3. A member city of the partner networks (data/redes.tsv) wins a tie with places that share its
   name: "San Justo" is the Santa Fe member, not the bigger town in Buenos Aires.
4. Otherwise the forum's region is favoured over size, but not absolutely: the score is
   ``log10(population) + bonus`` with a bonus of 2 for Mendoza province, 1 for the rest of
   Argentina and 0.5 for the other Mercociudades countries. Maipú (Mendoza) beats Maipú (Chile,
   three times bigger), but La Paz (Bolivia, two million) beats La Paz (Mendoza, ten thousand).
5. When another place more than 30 km away scores within 1.5 (a factor of ~30 in population) of the
   chosen one — or, for a member city, when the other is a member too — the choice is flagged
   ``ambigua`` and reported as a Problem with the alternatives: someone should look.

>>> r = resolve("Gral. San Martín", "Mendoza")
>>> (r.nombre, r.pais, r.region, r.ambigua)
('San Martín', 'AR', 'Mendoza', False)
>>> resolve("Montevideo - UY").pais
'UY'
>>> resolve("Ciudad Inexistente de Prueba").lat is None
True
"""

from __future__ import annotations

from .gazetteer import DATA_FILE, Gazetteer, Municipio, Place, gazetteer
from .resolver import GeoMatch, redes_de, resolve
from .rows import CityPoint, Escrito, Fila, city_points, geo_problems, resolve_many, resolve_one
from .text import km

__all__ = [
    "DATA_FILE",
    "CityPoint",
    "Escrito",
    "Fila",
    "GeoMatch",
    "Gazetteer",
    "Municipio",
    "Place",
    "city_points",
    "gazetteer",
    "geo_problems",
    "km",
    "redes_de",
    "resolve",
    "resolve_many",
    "resolve_one",
]
