"""Raw tabs → Snapshot: the one pipeline every reader (live feed, CLI, tests, benchmarks) runs.

Cleaning turns cells into typed tables and Problems; geocoding then places every distinct typed
city. The Snapshot type itself only holds the result.
"""

from __future__ import annotations

from dataclasses import replace

from . import geo
from .clean import clean_workbook
from .snapshot import Fuente, Snapshot
from .sources.base import RawWorkbook


def build_snapshot(raw: RawWorkbook, fuente: Fuente) -> Snapshot:
    """The cleaned, geocoded Snapshot of one read of the workbook."""
    snap = clean_workbook(raw, fuente)
    points = tuple(geo.city_points(snap.personas, snap.ciudades))
    matches: list[geo.GeoMatch | None] = [None] * len(snap.personas)
    for point in points:
        for i in point.indices:
            matches[i] = point.match
    geo_problems = geo.geo_problems(matches, snap.personas)
    return replace(snap, problems=snap.problems + tuple(geo_problems), ubicaciones=points, version=raw.fingerprint())
