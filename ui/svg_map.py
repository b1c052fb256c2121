"""The Mapa as one inline SVG drawn here (issue 13 item 6): the country shapes from the topojson
this app ships (static/topojson), projected, simplified to what a screen can show and rounded, the
bubbles and two legends. No Plotly on this page: its 4.7 MB chunk made the page 9.6 MB.

Bubbles: area by inscriptos with a minimum radius, colour by % acreditados on a scale whose low end
is still bright on the dark land, a white outline, the biggest drawn first (small ones stay on top)
and a label for the biggest places whose label does not collide with another.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from foro_data.metrics import Lugar

TOPOJSON = Path(__file__).resolve().parent.parent / "static" / "topojson"
REGION_FILE, WORLD_FILE = "south-america_50m.json", "world_110m.json"
REGION_BOX = (-100.0, -70.0, -30.0, 25.0)  # lon0, lat0, lon1, lat1 covered by the regional file
LAND, BORDER, SEA = "#1b2230", "#5b6478", "#0e1117"
# The upper half of Viridis: its dark low end (#440154) was 1.05:1 on the land.
SCALE = ((0.0, (33, 145, 140)), (0.5, (94, 201, 98)), (1.0, (253, 231, 37)))
MIN_STEP = 1.2  # drop shape points closer than this (SVG units) to the last kept one
LABELS = 6  # at most this many places named on the map
CHAR_EM = 0.62  # width of a character, in font sizes, for placing text (measured in chromium: ~0.6)


@dataclass(frozen=True)
class Frame:
    """A Mercator view: degrees in, SVG units out."""

    lon: tuple[float, float]
    lat: tuple[float, float]
    width: float

    @staticmethod
    def _y(lat: float) -> float:
        lat = max(-85.0, min(85.0, lat))
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    @property
    def height(self) -> float:
        return round(
            self.width * (self._y(self.lat[1]) - self._y(self.lat[0])) / math.radians(self.lon[1] - self.lon[0]), 1
        )

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        x = (lon - self.lon[0]) / (self.lon[1] - self.lon[0]) * self.width
        y = (self._y(self.lat[1]) - self._y(lat)) / (self._y(self.lat[1]) - self._y(self.lat[0])) * self.height
        return x, y


@lru_cache(maxsize=2)
def _rings(name: str) -> tuple[tuple[tuple[float, float], ...], ...]:
    """Every ring of the file's ``countries`` object as (lon, lat) points (topojson decoded)."""
    data = json.loads((TOPOJSON / name).read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = data["transform"]["scale"], data["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []
    for arc in data["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices: Sequence[int]) -> tuple[tuple[float, float], ...]:
        out: list[tuple[float, float]] = []
        for i in indices:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return tuple(out)

    rings: list[tuple[tuple[float, float], ...]] = []
    for geom in data["objects"]["countries"]["geometries"]:
        polys = [geom["arcs"]] if geom.get("type") == "Polygon" else geom.get("arcs") or []
        rings.extend(ring(r) for poly in polys for r in poly)
    return tuple(rings)


def _shapes(frame: Frame) -> str:
    inside = (
        REGION_BOX[0] <= frame.lon[0]
        and frame.lon[1] <= REGION_BOX[2]
        and REGION_BOX[1] <= frame.lat[0]
        and frame.lat[1] <= REGION_BOX[3]
    )
    parts = []
    for r in _rings(REGION_FILE if inside else WORLD_FILE):
        pts = [frame.xy(lo, la) for lo, la in r]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        if max(lo for lo, _ in r) - min(lo for lo, _ in r) > 180:
            continue  # crosses the antimeridian (Fiji, Chukotka): it would draw a line across the map
        if max(xs) < 0 or min(xs) > frame.width or max(ys) < 0 or min(ys) > frame.height:
            continue  # wholly out of view
        kept = [pts[0]]
        for p in pts[1:]:
            if abs(p[0] - kept[-1][0]) + abs(p[1] - kept[-1][1]) >= MIN_STEP:
                kept.append(p)
        if len(kept) >= 3:
            parts.append("M" + "L".join(f"{x:.0f} {y:.0f}" for x, y in kept) + "Z")
    return f'<path d="{"".join(parts)}" fill="{LAND}" stroke="{BORDER}" stroke-width="0.8" stroke-linejoin="round"/>'


def colour(pct: float | None) -> str:
    """% acreditados -> fill colour.

    >>> colour(0), colour(100)
    ('#21918c', '#fde725')
    """
    t = max(0.0, min(1.0, (pct or 0.0) / 100.0))
    for (t0, c0), (t1, c1) in zip(SCALE, SCALE[1:]):
        if t <= t1:
            f = (t - t0) / (t1 - t0)
            return "#" + "".join(f"{round(a + (b - a) * f):02x}" for a, b in zip(c0, c1))
    return "#fde725"


def radius(n: int, biggest: int, r_min: float, r_max: float) -> float:
    """Area proportional to inscriptos, never under ``r_min`` (a city of 1 stays visible)."""
    return r_min + (r_max - r_min) * math.sqrt(max(0, n) / max(1, biggest))


def nice_sizes(biggest: int) -> list[int]:
    """Legend values: the biggest place, about a quarter of it and 1, rounded to 1/2/5 steps.

    >>> nice_sizes(180), nice_sizes(3), nice_sizes(1)
    ([100, 20, 1], [3, 1], [1])
    """

    def nice(v: float) -> int:  # the largest 1/2/5 step not above v: no legend circle outgrows the map's
        p = 10 ** math.floor(math.log10(max(1.0, v)))
        return int(max(m * p for m in (1, 2, 5) if m * p <= v))

    top = nice(biggest) if biggest > 10 else biggest
    return sorted({top, *([nice(top / 4)] if top >= 20 else []), 1}, reverse=True)


@dataclass(frozen=True)
class Text:
    size_label: str  # "Tamaño: inscriptos"
    colour_label: str  # "% acreditados"
    label: Callable[[Lugar], str]


def svg(
    puntos: Sequence[Lugar],
    frame: Frame,
    words: Text,
    *,
    font: float,
    r_min: float,
    r_max: float,
    side: float | None = None,
    labels: int = LABELS,
) -> str:
    """The whole map as an SVG document (Sheet text escaped): legends under it, or, with ``side``,
    in a strip of that width on its right (the wall: its height is what a 1280×720 screen lacks)."""
    w, h = frame.width, frame.height
    biggest = max(p.inscriptos for p in puntos)
    if side is None:
        band = font * 2.2 + 2 * r_max + 8  # the legends: a title line, then the biggest size circle
        legends, vw, vh = _legends(frame, band, biggest, words, font, r_min, r_max), w, h + band
    else:
        legends, need = _side_legends(w, side, biggest, words, font, r_min, r_max)
        vw, vh = w + side, max(h, need)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {vw:.0f} {vh:.0f}" role="img" '
        f'width="{vw:.0f}" height="{vh:.0f}" font-family="sans-serif">',
        f'<rect width="{w:.0f}" height="{h:.0f}" fill="{SEA}"/>',
        _shapes(frame),
    ]
    placed = sorted(puntos, key=lambda p: -p.inscriptos)
    for p in placed:  # biggest first: the small ones are drawn over them and stay visible
        x, y = frame.xy(p.lon, p.lat)
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius(p.inscriptos, biggest, r_min, r_max):.1f}" '
            f'fill="{colour(p.porcentaje)}" fill-opacity="0.85" stroke="#ffffff" stroke-width="1.5"/>'
        )
    out.extend(_labels(placed[:labels], frame, words, font, biggest, r_min, r_max))
    out.append(legends)
    out.append("</svg>")
    return "".join(out)


def text_width(text: str, font: float) -> float:
    """A generous estimate of a line's width (bold sans-serif runs about 0.62 em a character)."""
    return CHAR_EM * font * len(text)


def _labels(
    places: Sequence[Lugar], frame: Frame, words: Text, font: float, biggest: int, r_min: float, r_max: float
) -> list[str]:
    """A name for each of the biggest places whose line fits inside the map beside its bubble
    without touching another name; a place with no free line stays unnamed."""
    w, h = frame.width, frame.height
    boxes: list[tuple[float, float, float, float]] = []
    out = []
    for p in places:
        x, y = frame.xy(p.lon, p.lat)
        text = words.label(p)
        r = radius(p.inscriptos, biggest, r_min, r_max)
        bw, bh = text_width(text, font), font * 1.1
        left = x + r + 3 + bw > w  # no room on the right: write it on the left
        x0 = x - r - 3 - bw if left else x + r + 3
        if x0 < 0:
            continue  # wider than the map on either side
        # Crowded places (a metropolitan area) get their labels stacked beside the bubble.
        for dy in (0.0, -1.2, 1.2, -2.4, 2.4, -3.6, 3.6):
            ly = y + dy * font
            box = (x0, ly - bh / 2, x0 + bw, ly + bh / 2)
            if box[1] < 0 or box[3] > h:
                continue
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes):
                break
        else:
            continue  # no free line near it
        boxes.append(box)
        out.append(
            f'<text x="{x0:.0f}" y="{ly + font * 0.35:.0f}" font-size="{font:.0f}" fill="#f2f4f8" '
            f'font-weight="600" stroke="{SEA}" stroke-width="{font / 4:.1f}" paint-order="stroke">'
            f"{html.escape(text)}</text>"
        )
    return out


def wrap(text: str, width: float, font: float) -> list[str]:
    """Words to lines no wider than ``width`` (a single longer word keeps its own line).

    >>> wrap("Tamaño: inscriptos", 210, 30), wrap("% acreditados", 210, 30)
    (['Tamaño:', 'inscriptos'], ['% acreditados'])
    """
    lines: list[str] = []
    for word in text.split():
        glue = bool(lines) and not any(ch.isalnum() for ch in lines[-1])  # "%" never stands alone
        if lines and (glue or text_width(f"{lines[-1]} {word}", font) <= width):
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _side_legends(
    x0: float, width: float, biggest: int, words: Text, font: float, r_min: float, r_max: float
) -> tuple[str, float]:
    """Both legends stacked in a strip right of the map; (SVG, height used)."""
    pad, line = font * 0.4, font * 1.15
    x0 += pad
    width -= pad
    out: list[str] = []
    y = 0.0

    def title(text: str) -> None:
        nonlocal y
        for part in wrap(text, width, font):
            y += line
            out.append(
                f'<text x="{x0:.0f}" y="{y - font * 0.25:.0f}" font-size="{font:.0f}" fill="#f2f4f8">'
                f"{html.escape(part)}</text>"
            )

    title(words.size_label)
    x, row_top, row_h = x0, y + 6, 0.0
    for v in nice_sizes(biggest):
        r = radius(v, biggest, r_min, r_max)
        step = 2 * r + 4 + text_width(str(v), font)
        if x > x0 and x + step > x0 + width:  # the row is full: the next size goes under it
            x, row_top, row_h = x0, row_top + row_h + 6, 0.0
        cy = row_top + max(r, font / 2)
        out.append(
            f'<circle cx="{x + r:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="none" stroke="#f2f4f8" stroke-width="1.5"/>'
            f'<text x="{x + 2 * r + 4:.0f}" y="{cy + font * 0.35:.0f}" font-size="{font:.0f}" '
            f'fill="#f2f4f8">{v}</text>'
        )
        row_h = max(row_h, 2 * max(r, font / 2))
        x += step + font * 0.5
    y = row_top + row_h + font * 0.6
    out.append(
        '<defs><linearGradient id="foro-acr">'
        + "".join(f'<stop offset="{t * 100:.0f}%" stop-color="{colour(t * 100)}"/>' for t, _ in SCALE)
        + "</linearGradient></defs>"
    )
    title(words.colour_label)
    out.append(
        f'<rect x="{x0:.0f}" y="{y + 6:.0f}" width="{width:.0f}" height="{font * 0.9:.0f}" fill="url(#foro-acr)"/>'
    )
    y += 6 + font * 0.9 + line
    for t, anchor in ((0, "start"), (100, "end")):  # no middle mark: "50 %" would touch both ends
        out.append(
            f'<text x="{x0 + width * t / 100:.0f}" y="{y - font * 0.25:.0f}" font-size="{font:.0f}" '
            f'fill="#f2f4f8" text-anchor="{anchor}">{t} %</text>'
        )
    return "".join(out), y + pad


def _legends(frame: Frame, band: float, biggest: int, words: Text, font: float, r_min: float, r_max: float) -> str:
    w, top = frame.width, frame.height
    out = [
        f'<text x="8" y="{top + font * 1.3:.0f}" font-size="{font:.0f}" fill="#f2f4f8">'
        f"{html.escape(words.size_label)}</text>"
    ]
    x = 8.0
    for v in nice_sizes(biggest):
        r = radius(v, biggest, r_min, r_max)
        cy = top + font * 1.9 + r_max
        out.append(
            f'<circle cx="{x + r:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="none" stroke="#f2f4f8" stroke-width="1.5"/>'
            f'<text x="{x + 2 * r + 4:.0f}" y="{cy + font * 0.35:.0f}" font-size="{font:.0f}" '
            f'fill="#f2f4f8">{v}</text>'
        )
        x += 2 * r + 12 + 0.6 * font * len(str(v))
    gx, gw = w * 0.55, w * 0.42
    out.append(
        '<defs><linearGradient id="foro-acr">'
        + "".join(f'<stop offset="{t * 100:.0f}%" stop-color="{colour(t * 100)}"/>' for t, _ in SCALE)
        + "</linearGradient></defs>"
    )
    out.append(
        f'<text x="{gx:.0f}" y="{top + font * 1.3:.0f}" font-size="{font:.0f}" fill="#f2f4f8">'
        f"{html.escape(words.colour_label)}</text>"
        f'<rect x="{gx:.0f}" y="{top + font * 1.8:.0f}" width="{gw:.0f}" height="{font * 0.9:.0f}" '
        f'fill="url(#foro-acr)"/>'
    )
    for t, anchor in ((0, "start"), (50, "middle"), (100, "end")):
        out.append(
            f'<text x="{gx + gw * t / 100:.0f}" y="{top + font * 3.9:.0f}" font-size="{font:.0f}" '
            f'fill="#f2f4f8" text-anchor="{anchor}">{t} %</text>'
        )
    return "".join(out)
