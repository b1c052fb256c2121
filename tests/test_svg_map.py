"""The Mapa's SVG (issue 13 item 6): one bubble per place, none too small or too dark to see on the
land, labels for the biggest places without overlaps, both legends, small enough to ship."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from foro_data.metrics import Lugar
from ui import svg_map
from ui.components import REGION_LAT, REGION_LON, widen

NS = "{http://www.w3.org/2000/svg}"


def place(i: int, n: int, acr: int, lat: float = -32.9, lon: float = -68.8) -> Lugar:
    return Lugar(f"k{i}", f"Ciudad{i}", "", "AR", lat + i * 0.05, lon + i * 0.05, n, acr)


def luminance(hex_colour: str) -> float:
    def f(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def draw(puntos: list[Lugar]) -> ET.Element:
    frame = svg_map.Frame(REGION_LON, REGION_LAT, width=600.0)
    words = svg_map.Text("Tamaño: inscriptos", "% acreditados", label=lambda p: f"{p.nombre} {p.inscriptos}")
    return ET.fromstring(svg_map.svg(puntos, frame, words, font=24.0, r_min=8.0, r_max=36.0))


def test_one_visible_bubble_per_place_even_at_zero_percent() -> None:
    puntos = [place(i, n, 0) for i, n in enumerate([1, 1, 2, 40, 200])]
    root = draw(puntos)
    bubbles = [c for c in root.iter(f"{NS}circle") if c.get("fill") != "none"]
    assert len(bubbles) == len(puntos)
    assert min(float(c.get("r", 0)) for c in bubbles) >= 8  # a city of 1 stays a dot you can see
    for c in bubbles:  # 0 % was Viridis' #440154 on the land: 1.05:1
        assert contrast(c.get("fill", ""), svg_map.LAND) >= 3.0
        assert c.get("stroke") == "#ffffff"
    # Biggest first: the small ones are drawn on top of it.
    radii = [float(c.get("r", 0)) for c in bubbles]
    assert radii == sorted(radii, reverse=True)


def test_labels_for_the_biggest_do_not_overlap_and_legends_are_there() -> None:
    puntos = [place(i, 100 - i, i) for i in range(12)]  # a crowded metropolitan area
    root = draw(puntos)
    texts = [t.text or "" for t in root.iter(f"{NS}text")]
    labels = [t for t in root.iter(f"{NS}text") if re.match(r"Ciudad\d+ \d+$", t.text or "")]
    assert "Ciudad0 100" in texts  # the biggest is named
    assert 2 <= len(labels) <= svg_map.LABELS
    ys = sorted(float(t.get("y", 0)) for t in labels)
    assert all(b - a >= 24 for a, b in zip(ys, ys[1:]))  # stacked, one line each
    assert "Tamaño: inscriptos" in texts and "% acreditados" in texts and "0 %" in texts and "100 %" in texts
    assert {"100", "20", "1"} <= set(texts)  # the size legend, in round numbers not above the biggest


def test_the_shapes_are_simplified_and_rounded() -> None:
    root = draw([place(0, 5, 1)])
    d = next(root.iter(f"{NS}path")).get("d", "")
    assert "." not in d  # whole units: no decimals shipped
    assert len(d) < 150_000


def test_the_wall_layout_keeps_labels_in_the_map_and_legends_beside_it() -> None:
    """The wall's drawing (legends in a strip on the right): every text inside the drawing, the
    places' names inside the map part and apart from each other, the legends right of the map."""
    frame = svg_map.Frame(widen(REGION_LON, REGION_LAT, 460 / 390), REGION_LAT, width=460.0)  # as ui.components
    words = svg_map.Text("Tamanho: inscritos", "% credenciados", label=lambda p: f"{p.nombre} {p.inscriptos}")
    puntos = [place(i, 100 - i, i) for i in range(12)]
    root = ET.fromstring(svg_map.svg(puntos, frame, words, font=30.0, r_min=8.0, r_max=32.0, side=230.0))
    vb = [float(v) for v in root.get("viewBox", "").split()]
    assert vb[2] == 690 and vb[3] <= 390 + 1
    texts = list(root.iter(f"{NS}text"))
    labels = [t for t in texts if re.match(r"Ciudad\d+ \d+$", t.text or "")]
    assert labels and all(float(t.get("font-size", 0)) == 30 for t in texts)
    boxes = []
    for t in labels:
        x, y = float(t.get("x", 0)), float(t.get("y", 0))
        box = (x, y - 30, x + svg_map.text_width(t.text or "", 30), y)
        assert 0 <= box[0] and box[2] <= 460 and 0 <= box[1] and box[3] <= vb[3]
        assert not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes)
        boxes.append(box)
    legend = [t for t in texts if t not in labels]
    assert {"% credenciados", "0 %", "100 %"} <= {t.text for t in legend}
    assert all(float(t.get("x", 0)) >= 460 for t in legend)
    assert all(float(t.get("y", 0)) <= vb[3] for t in legend)
