"""En vivo's arrival chart as one inline SVG (issue 14), drawn here like the Mapa (ui.svg_map).

Plotly cost a quarter of every En vivo redraw on the server (Streamlit hashes the whole figure for
its element id, then serialises it, for each viewer) and a 4.7 MB chunk in the browser. The chart
it drew is simple: bars per 15 minutes on the left axis, the cumulative line on the right one, the
registered total and the organisers' target as references, and the "now" line.

Every label is written beside what it names, in that thing's colour: no legend to decode. The
"now" time sits on the time axis (hour labels it would touch are left out), the total's label
above its line at the right, and the tallest bar stays below that label's band.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from .svg_map import text_width

BARS, LINE, TARGET, INK, GRID = "#4fc3f7", "#ffb74d", "#cfd8dc", "#f2f4f8", "#2a3142"
BACKGROUND = "#0e1117"  # the dark theme's, behind the image
BAR_FILL = 0.92  # share of its slot a bar covers: a hair of space tells the slots apart


@dataclass(frozen=True)
class Words:
    """The chart's text, already in the viewer's language."""

    bars: str  # "Llegadas": the bars and their axis (the heading says per how long)
    line: str  # "Acumulado"
    total: str  # "Inscriptos 453"; empty: no registered total to show
    target: str  # "Meta"
    now: str  # "ahora 11:15", over the "now" line
    now_short: str  # "11:15", on the time axis when the title row has no room over the line
    number: Callable[[int], str]


@dataclass(frozen=True)
class Curve:
    """What the chart shows, in the event's local time (naive datetimes)."""

    start: datetime  # the axis
    end: datetime
    slot: timedelta
    bars: tuple[tuple[datetime, int], ...]  # slot start, arrivals in it
    line: tuple[tuple[datetime, int], ...]  # the cumulative count at each slot's end (the last: now)
    target: tuple[tuple[datetime, int], ...]
    total: int | None
    now: datetime | None  # None once the day is over: no "now" line off the day

    @property
    def step(self) -> timedelta:
        return hour_step(self.end - self.start)


def curve(
    franjas: Sequence[tuple[datetime, int, int]],
    total: int | None,
    target: Sequence[tuple[datetime, int]],
    now: datetime,
) -> Curve:
    """The chart's content from (slot start, arrivals, cumulative) in local naive time: at least two
    hours of axis (with the doors just open the bars are not smeared over minutes), and after the
    forum day an axis that ends with the day (a look weeks later once drew months of ticks).

    >>> from datetime import datetime as d
    >>> c = curve([(d(2025, 6, 19, 8), 2, 2), (d(2025, 6, 19, 8, 15), 1, 3)], 5, [], d(2025, 6, 19, 8, 20))
    >>> c.start, c.end, c.line[-1], c.now
    (datetime.datetime(2025, 6, 19, 8, 0), datetime.datetime(2025, 6, 19, 10, 0), (datetime.datetime(2025, 6, 19, 8, 20), 3), datetime.datetime(2025, 6, 19, 8, 20))
    """
    slot = franjas[1][0] - franjas[0][0] if len(franjas) > 1 else timedelta(minutes=15)
    start, day_end = franjas[0][0], franjas[-1][0] + slot
    shown_now = min(now, day_end)
    end = max(shown_now + slot, start + timedelta(hours=2), *(at for at, _ in target))
    first_arrivals, first_total = franjas[0][1], franjas[0][2]
    return Curve(
        start=start,
        end=end,
        slot=slot,
        bars=tuple((s, n) for s, n, _ in franjas),
        line=((start, first_total - first_arrivals), *((min(s + slot, shown_now), acc) for s, _, acc in franjas)),
        target=tuple(sorted(target)),
        total=total or None,
        now=None if now > day_end else shown_now,
    )


def nice_step(top: float, ticks: int = 5) -> int:
    """A whole, round tick step so that 0..top shows at most ``ticks`` labels (never "1 1 1 0 0 0").

    >>> [nice_step(n) for n in (0, 3, 8, 37, 452)]
    [1, 1, 2, 10, 100]
    """
    raw = max(1.0, top / ticks)
    magnitude = 10 ** (len(str(int(raw))) - 1)
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)


def hour_step(span: timedelta) -> timedelta:
    """About five axis labels, whatever the span: never "08:00" six times, and never thousands of
    ticks (a fixed 4 h step over a year-long axis froze the wall's browser for minutes).

    >>> [str(hour_step(timedelta(hours=h))) for h in (2, 10, 20, 24 * 30)]
    ['0:30:00', '2:00:00', '4:00:00', '6 days, 0:00:00']
    """
    for minutes in (30, 60, 120, 180, 240):
        if span <= timedelta(minutes=minutes * 5):
            return timedelta(minutes=minutes)
    return timedelta(days=max(1, math.ceil(span / timedelta(days=5))))


@dataclass(frozen=True)
class Axis:
    """A count axis from 0: its top and the values labelled on it."""

    top: float
    ticks: tuple[int, ...]


def count_axis(highest: float, room: int, *, headroom: float) -> Axis:
    """0..``highest`` × ``headroom`` with at most ``room`` whole labels.

    >>> count_axis(84, 4, headroom=1.2)
    Axis(top=100.8, ticks=(0, 50, 100))
    """
    top = max(highest, 5) * headroom
    step = nice_step(top, max(2, room))
    return Axis(top, tuple(range(0, int(top) + 1, step)))


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in SVG units


def svg(c: Curve, words: Words, *, width: float, height: float, font: float) -> str:
    """The chart as an SVG document of ``width`` × ``height`` units whose text is ``font`` units.

    One count axis, the bars' (blue, like its title); the cumulative line needs none: it is read
    against the registered total's line and says its own value at its end."""
    f = font
    top, bottom = f * 1.8, height - f * 1.5  # a row for the title and "now"; a row for the times
    plot_h = bottom - top
    # The line's scale puts the highest of total, target and count a line and a half under the top,
    # so that the total's label fits above its line; the tallest bar stays under that band.
    band = max(0.5, 1 - f * 1.5 / plot_h)
    highest = max(c.line[-1][1], c.total or 0, *(n for _, n in c.target), 5)
    line_top = highest / band
    bars_axis = count_axis(max((n for _, n in c.bars), default=0), int(plot_h // (f * 1.6)), headroom=1.05 / band)
    x0 = max(text_width(words.number(v), f) for v in bars_axis.ticks) + f * 0.4
    x1 = width - f * 0.3
    span = (c.end - c.start).total_seconds()

    def x(at: datetime) -> float:
        return x0 + (at - c.start).total_seconds() / span * (x1 - x0)

    def y_bar(v: float) -> float:
        return bottom - v / bars_axis.top * plot_h

    def y_line(v: float) -> float:
        return bottom - v / line_top * plot_h

    thin, stroke = max(1.0, f / 16), max(3.0, f / 7)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'width="{width:.0f}" height="{height:.0f}" font-family="sans-serif">',
        _text(0, f * 1.05, words.bars, f, BARS, "start"),
    ]
    for v in bars_axis.ticks:
        out.append(_hline(x0, x1, y_bar(v), GRID, thin))
        out.append(_text(x0 - f * 0.3, y_bar(v) + f * 0.35, words.number(v), f, BARS, "end"))
    bars: list[Box] = []  # what a label inside the plot had better not cover
    labels: list[Box] = []  # what it must not cover
    bar_w = c.slot.total_seconds() / span * (x1 - x0)
    for at, n in c.bars:
        if n:
            bx, h = x(at) + bar_w * (1 - BAR_FILL) / 2, n / bars_axis.top * plot_h
            out.append(
                f'<rect x="{bx:.1f}" y="{bottom - h:.1f}" width="{bar_w * BAR_FILL:.1f}" height="{h:.1f}" fill="{BARS}"/>'
            )
            bars.append((bx, bottom - h, bx + bar_w * BAR_FILL, bottom))
    now_x = None if c.now is None else x(c.now)
    if c.total:
        ty, tw = y_line(c.total), text_width(words.total, f)
        out.append(_hline(x0, x1, ty, LINE, stroke / 2, dash=f"{f * 0.4:.0f} {f * 0.3:.0f}"))
        # Its label ends at the right, or before the "now" line when that line would cross it.
        right = now_x - f * 0.3 if now_x is not None and x1 - tw - f <= now_x < x1 and now_x - tw >= x0 else x1
        out.append(_text(right, ty - f * 0.25, words.total, f, LINE, "end", halo=True))
        labels.append((right - tw, ty - f * 1.05, right, ty))
    if c.target:
        points = [(x(at), y_line(v)) for at, v in c.target]
        out.append(_polyline(points, TARGET, stroke * 0.75, dash=f"{f * 0.15:.0f} {f * 0.25:.0f}"))
        out.extend(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="{f / 5:.1f}" fill="{TARGET}"/>' for px, py in points)
        out.append(_label_near(points[-1], words.target, f, TARGET, (bars, labels), (x0, top, x1, bottom)))
    line = [(x(at), y_line(v)) for at, v in c.line]
    out.append(_polyline(line, LINE, stroke))
    out.append(
        _label_near(
            line[-1], f"{words.line} {words.number(c.line[-1][1])}", f, LINE, (bars, labels), (x0, top, x1, bottom)
        )
    )
    if now_x is not None:
        out.append(_vline(now_x, top - f * 0.3, bottom, INK, stroke * 0.8, dash=f"{f * 0.15:.0f} {f * 0.2:.0f}"))
    out.append(_hline(x0, x1, bottom, INK, thin))
    # "ahora HH:MM" over its line in the title row when it fits there, else the time alone, in bold,
    # on the time axis (at the doors' opening the line is under the title).
    now_w = text_width(words.now, f)
    lo, hi = text_width(words.bars, f) + f + now_w / 2, width - now_w / 2  # its centre's room there
    now_cx = None if now_x is None or lo > hi else min(max(now_x, lo), hi)
    if now_x is not None and now_cx is not None and abs(now_cx - now_x) <= now_w / 2:
        out.append(_text(now_cx, f * 1.05, words.now, f, INK, "middle", bold=True))
        now_on_axis = None
    else:
        now_on_axis = now_x
    times = _time_labels(c, x, f, words.now_short, width, now_on_axis)
    out.extend(_text(tx, height - f * 0.35, text, f, INK, "middle", bold) for tx, text, bold in times)
    out.append("</svg>")
    return "".join(out)


def _time_labels(
    c: Curve, x: Callable[[datetime], float], f: float, now_word: str, width: float, now_x: float | None
) -> list[tuple[float, str, bool]]:
    """(x, text, bold) for the time axis: the "now" time first when it goes there (bold, kept inside
    the chart), then the hour labels that touch neither it nor each other nor the edges."""
    fmt = "%H:%M" if c.step < timedelta(days=1) else "%d/%m"
    # The step grows until two labels fit side by side (the wall's big text over a narrow column).
    step, label_w = c.step, text_width(c.start.strftime(fmt), f) + f * 0.4
    while x(c.start + step) - x(c.start) < label_w and step < c.end - c.start:
        step *= 2
    out: list[tuple[float, str, bool]] = []
    taken: list[tuple[float, float]] = []
    if now_x is not None:
        w = text_width(now_word, f)
        cx = min(max(now_x, w / 2), width - w / 2)
        out.append((cx, now_word, True))
        taken.append((cx - w / 2, cx + w / 2))
    at = c.start
    while at <= c.end:
        w = text_width(at.strftime(fmt), f)
        box = (x(at) - w / 2 - f * 0.2, x(at) + w / 2 + f * 0.2)
        if box[0] >= -f * 0.2 and box[1] <= width + f * 0.2 and not any(a < box[1] and box[0] < b for a, b in taken):
            out.append((x(at), at.strftime(fmt), False))
            taken.append(box)
        at += step
    return out


def _label_near(
    point: tuple[float, float], text: str, f: float, colour: str, taken: tuple[list[Box], list[Box]], plot: Box
) -> str:
    """``text`` beside the end of a line: of a few places around it that stay inside the plot, the
    first that covers no bar and no other label, else the one that covers least."""
    px, py = point
    w = text_width(text, f)
    places = [(px - f * 0.3, py - f * dy, anchor) for dy in (0.5, -1.2, 1.6) for anchor in ("end", "start")]

    def box(tx: float, ty: float, anchor: str) -> Box:
        left = tx - w if anchor == "end" else tx + f * 0.6
        return (left, ty - f * 0.8, left + w, ty + f * 0.2)

    def inside(b: Box) -> bool:
        return plot[0] <= b[0] and b[2] <= plot[2] and plot[1] <= b[1] and b[3] <= plot[3]

    def overlap(b: Box, others: list[Box]) -> float:
        return sum(
            max(0.0, min(b[2], c) - max(b[0], a)) * max(0.0, min(b[3], e) - max(b[1], d)) for a, d, c, e in others
        )

    def covered(b: Box) -> float:  # over a bar the halo keeps it legible; over a label nothing does
        return overlap(b, taken[0]) + 10 * overlap(b, taken[1])

    fits = [p for p in places if inside(box(*p))] or places
    tx, ty, anchor = min(fits, key=lambda p: covered(box(*p)))  # the first clear one, else the least covered
    b = box(tx, ty, anchor)
    taken[1].append(b)
    return _text(b[0], ty, text, f, colour, "start", halo=True)


def _hline(x0: float, x1: float, y: float, colour: str, width: float, dash: str | None = None) -> str:
    return _polyline([(x0, y), (x1, y)], colour, width, dash)


def _vline(x: float, y0: float, y1: float, colour: str, width: float, dash: str | None = None) -> str:
    return _polyline([(x, y0), (x, y1)], colour, width, dash)


def _polyline(points: Sequence[tuple[float, float]], colour: str, width: float, dash: str | None = None) -> str:
    pts = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
    return (
        f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="{width:.1f}" '
        f'stroke-linejoin="round"' + (f' stroke-dasharray="{dash}"' if dash else "") + "/>"
    )


def _text(
    x: float, y: float, text: str, font: float, colour: str, anchor: str, bold: bool = False, halo: bool = False
) -> str:
    """A line of text; ``halo``: outlined in the background's colour, legible over bars and lines."""
    extra = ' font-weight="700"' if bold else ""
    if halo:
        extra += f' stroke="{BACKGROUND}" stroke-width="{font * 0.18:.1f}" paint-order="stroke" stroke-linejoin="round"'
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{font:.0f}" fill="{colour}" text-anchor="{anchor}"{extra}>'
        f"{html.escape(text)}</text>"
    )
