"""Reusable pieces of the screens: big numbers, arrival chart, room strip and cards, tables, downloads.

Sheet text goes through ``md_escape`` before any Markdown, or into ``st.text``/``st.dataframe``.
"""

from __future__ import annotations

import base64
import html
import math
import re
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
import streamlit as st

from foro_data import export, metrics
from foro_data.countries import country_name

from . import svg_chart, svg_map
from .fmt import distinctive, hour, md_escape, number, percent
from .frame import Ctx
from .i18n import t_opt

_NUMERIC_TEXT = re.compile(r"^(<3|x|—|[A-Z]{3} )?[\d.,]*( ?%)?$")  # "x": a count hidden for partners
LEVEL_EMOJI = {"normal": "🟢", "llenandose": "🟡", "lleno": "🟠", "excedido": "🔴", "sin_dato": "⚪"}
LEVEL_COLOR = {"normal": "green", "llenandose": "yellow", "lleno": "orange", "excedido": "red", "sin_dato": "gray"}
LEVEL_HEX = {
    "normal": "#2ecc71",
    "llenandose": "#f1c40f",
    "lleno": "#e67e22",
    "excedido": "#e74c3c",
    "sin_dato": "#7f8c8d",
}

# Room cards: a thick left border in their level's colour, and for rooms that need attention the
# whole card filled, so a full room is seen from across the control room (the container key
# becomes a class). "Sin dato" is grey, never the green of an empty room.
LEVEL_FILL = {"lleno": "#7a3a06", "excedido": "#8c1c13", "sin_dato": "#23272f"}
ROOM_CSS = (
    "<style>"
    + "".join(
        f'[class*="st-key-nivel-{lvl}-"], .foro-nivel-{lvl} {{ border-left: 0.6rem solid {hx} !important;'
        + (f" background: {LEVEL_FILL[lvl]} !important; border-color: {hx} !important;" if lvl in LEVEL_FILL else "")
        + " }"
        for lvl, hx in LEVEL_HEX.items()
    )
    + """
.foro-salas { display: grid; grid-template-columns: repeat(var(--foro-por-fila), minmax(0, 1fr)); gap: 0.5rem; }
.foro-sala { border: 1px solid rgba(250, 250, 250, 0.2); border-radius: 0.5rem; padding: 0.5rem 0.9rem; min-width: 0;
  display: flex; flex-direction: column; gap: 0.1rem; }
.foro-sala > div { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 1; overflow: hidden; overflow-wrap: anywhere; }
.foro-gris { color: rgba(250, 250, 250, 0.6); }
@media (max-width: 640px) { .foro-salas { grid-template-columns: minmax(0, 1fr); } }
.foro-salas-titulo { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.3rem 0.8rem; margin: 0 0 0.5rem 0; }
.foro-salas-titulo .foro-titulo { font-size: 1.5rem; font-weight: 600; }
.foro-alerta { font-weight: 700; padding: 0.1em 0.5em; border-radius: 0.4rem; color: #fff; font-size: 1.25rem; }
.foro-alerta-excedido { background: #c0392b; }
.foro-alerta-lleno { background: #b85c0f; }
</style>"""
)


def label(ctx: Ctx, campo: str, clave: str) -> str:
    """A breakdown key as people read it: roles and genders translated, countries named."""
    if clave == metrics.SIN_DATO:
        return ctx.t("sin_dato")
    if campo == "rol":
        return t_opt("rol", clave, ctx.lang)
    if campo == "genero":
        return t_opt("genero", clave, ctx.lang)
    if campo == "pais":
        return country_name(clave, ctx.lang)
    return clave


# --- En vivo -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cifra:
    """One headline figure as shown: its label, value and the line under it (None: none)."""

    key: str  # which figure (``data-cifra``: tests and bench/load.py find it by it)
    label: str
    value: str
    under: str | None = None
    help: str | None = None


def headline(ctx: Ctx, c: metrics.Cifras) -> list[Cifra]:
    """En vivo's five headline figures, as the page and the first frame (ui.first_frame) show them."""
    n = lambda v: number(v, ctx.lang)  # noqa: E731
    # The two counts people confuse say what they are (a tooltip; the wall has nobody to hover).
    helps = {} if ctx.kiosk else {k: ctx.t(f"def.{k}") for k in ("acreditados", "presentes")}
    return [
        Cifra("inscriptos", ctx.t("vivo.inscriptos"), n(c.inscriptos)),
        Cifra(
            "acreditados",
            ctx.t("vivo.acreditados"),
            n(c.acreditados),
            ctx.t("vivo.de_inscriptos", pct=percent(c.porcentaje_acreditados, ctx.lang)),
            helps.get("acreditados"),
        ),
        Cifra("presentes", ctx.t("vivo.presentes"), n(c.presentes), None, helps.get("presentes")),
        Cifra(
            "intendencias",
            ctx.t("vivo.intendencias"),
            n(c.intendencias_acreditadas),
            ctx.t("vivo.de_intendencias", n=n(c.intendencias_inscriptas)),
        ),
        Cifra("sin_inscripcion", ctx.t("vivo.sin_inscripcion"), n(c.sin_inscripcion)),
    ]


# The headline figures' look (En vivo and the first frame): as Streamlit's metrics looked, sized for
# the big screen; two by two on a phone. The wall's ≥ 28 px rules are in ui.frame's kiosk CSS.
HEADLINE_CSS = """<style>
.foro-cifras { display: flex; gap: 0.5rem 1rem; margin: 0 0 0.75rem 0; }
.foro-cifra { flex: 1 1 0; min-width: 0; }
.foro-cifra-etiqueta { font-size: clamp(1rem, 1.45vw, 1.8rem); line-height: 1.3; color: #f2f4f8;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.foro-cifra-etiqueta[title] { text-decoration: underline dotted rgba(242, 244, 248, 0.5); cursor: help; }
.foro-cifra-valor { font-size: clamp(2.5rem, 5.2vw, 6.5rem); line-height: 1.05; font-weight: 700;
  font-variant-numeric: tabular-nums; color: #f2f4f8; white-space: nowrap; }
.foro-cifra-bajo { display: inline-block; max-width: 100%; box-sizing: border-box; margin-top: 0.3rem;
  padding: 0.05em 0.5em; border-radius: 1em; background: rgba(163, 168, 184, 0.15); color: rgba(242, 244, 248, 0.7);
  font-size: clamp(0.9rem, 1.2vw, 1.5rem); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
@media (max-width: 640px) {
  .foro-cifras { flex-wrap: wrap; }
  .foro-cifra { flex: 1 1 calc(50% - 1rem); }
}
</style>"""


def headline_block(ctx: Ctx, c: metrics.Cifras) -> str:
    """The headline figures with their style: one HTML block (issue 14: each element is a message
    and a wake of the server's event loop, per viewer and redraw). The first frame shows the same."""
    return HEADLINE_CSS + headline_html(ctx, c)


def headline_html(ctx: Ctx, c: metrics.Cifras) -> str:
    """The headline figures as one HTML block (our text only), styled by ``HEADLINE_CSS``."""
    e = html.escape
    title = lambda f: f' title="{e(f.help)}"' if f.help else ""  # noqa: E731
    cells = "".join(
        f'<div class="foro-cifra" data-cifra="{f.key}">'
        + f'<div class="foro-cifra-etiqueta"{title(f)}>{e(f.label)}</div>'
        + f'<div class="foro-cifra-valor">{e(f.value)}</div>'
        + (f'<div class="foro-cifra-bajo">{e(f.under)}</div>' if f.under else "")
        + "</div>"
        for f in headline(ctx, c)
    )
    return f'<div class="foro-cifras">{cells}</div>'


# En vivo's lower part: the arrival curve on the left, the rooms on the right, stacked on a phone
# (as Streamlit's columns did), as one element (issue 14: one message per viewer and redraw, not
# five). ``foro-aviso`` is an empty state, coloured as Streamlit's info box.
BOARD_CSS = """<style>
.foro-cifras ~ .foro-tablero { margin-top: 1.75rem; }  /* as the gap between two elements was */
.foro-tablero { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 7fr); gap: 1.5rem 4rem; align-items: start; }
@media (max-width: 640px) { .foro-tablero { grid-template-columns: minmax(0, 1fr); } }
.foro-aviso { padding: 1rem; border-radius: 0.5rem; background: rgba(61, 157, 243, 0.2); color: #c7ebff; }
</style>"""


def side_by_side(left: str, right: str) -> str:
    """Two of our HTML blocks side by side, stacked on a phone, as one block."""
    return f'{BOARD_CSS}<div class="foro-tablero"><div>{left}</div><div>{right}</div></div>'


def notice_html(text: str) -> str:
    """An empty state inside one of our HTML blocks (our text only)."""
    return f'<div class="foro-aviso" role="status">{html.escape(text)}</div>'


# The chart's heading looks like the rooms' (ROOM_CSS); the wall's size is in ui.frame's kiosk CSS.
CURVE_CSS = """<style>
.foro-curva .foro-titulo { font-size: 1.5rem; font-weight: 600; line-height: 1.3; margin: 0 0 0.5rem 0; }
.foro-curva img { display: block; width: 100%; height: auto; }
</style>"""


def arrival_html(
    ctx: Ctx,
    title: str,
    franjas: Sequence[metrics.Franja],
    total: int | None = None,
    meta: Sequence[tuple[datetime, int]] = (),
) -> str:
    """Under ``title``, arrivals per 15 minutes and cumulative, against the registered total and
    the target curve: an SVG image (st.html strips inline SVG), built and encoded once per view."""
    return ctx.calc(_arrival_html, ctx, title, tuple(franjas), total, tuple(meta))


def _arrival_html(
    ctx: Ctx, title: str, franjas: Sequence[metrics.Franja], total: int | None, meta: Sequence[tuple[datetime, int]]
) -> str:
    heading = f'<div class="foro-titulo" role="heading" aria-level="3">{html.escape(title)}</div>'
    if not franjas:
        return f'{CURVE_CSS}<div class="foro-curva">{heading}{notice_html(ctx.t("vivo.curva.vacia"))}</div>'
    uri = "data:image/svg+xml;base64," + base64.b64encode(arrival_svg(ctx, franjas, total, meta).encode()).decode()
    return f'{CURVE_CSS}<div class="foro-curva">{heading}<img src="{uri}" alt="{html.escape(title)}"></div>'


# The chart's size in SVG units; it is drawn at its column's width. A phone's column is ~360 px:
# 26-unit text ≈ 15 px. The wall's column is ≈ 480 px on a 1280×720 screen: 44-unit text ≈ 30 px
# (≥ 28 px, tests/e2e/test_wall_type), and the chart ends above the screen's bottom there.
CHART = (600.0, 400.0, 26.0)
WALL_CHART = (700.0, 480.0, 44.0)


def arrival_svg(
    ctx: Ctx, franjas: Sequence[metrics.Franja], total: int | None, meta: Sequence[tuple[datetime, int]] = ()
) -> str:
    """The arrival chart as SVG text (ui.svg_chart), in the event's local time."""
    local = lambda at: at.astimezone(ctx.snap.tz).replace(tzinfo=None)  # noqa: E731
    content = svg_chart.curve(
        [(local(f.inicio), f.llegadas, f.acumulado) for f in franjas],
        total,
        [(local(at), n) for at, n in meta],
        local(ctx.as_of),
    )
    words = svg_chart.Words(
        bars=ctx.t("vivo.curva.llegadas"),  # the heading above says "every 15 minutes"
        line=ctx.t("vivo.curva.acumulado"),
        total=f"{ctx.t('vivo.inscriptos')} {number(total, ctx.lang)}" if total else "",
        target=ctx.t("vivo.curva.meta"),
        now=f"{ctx.t('vivo.curva.ahora')} {hour(ctx.as_of, ctx.snap.tz)}",
        now_short=hour(ctx.as_of, ctx.snap.tz),
        number=lambda v: number(v, ctx.lang),
    )
    width, height, font = WALL_CHART if ctx.kiosk else CHART
    return svg_chart.svg(content, words, width=width, height=height, font=font)


def _sessions(ctx: Ctx, o: metrics.OcupacionSala, cortos: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(label, session) for now and, when there is one, next; plain text. ``cortos`` maps a session
    name to the part that tells it apart from the other rooms' (ui.fmt.distinctive)."""
    name = lambda s: (cortos or {}).get(s.actividad, s.actividad)  # noqa: E731
    lines = [(ctx.t("vivo.ahora"), name(o.sesion) if o.sesion else ctx.t("vivo.sin_sesion"))]
    if o.proxima:
        lines.append((ctx.t("vivo.proxima", hora=hour(o.proxima.inicio, ctx.snap.tz)), name(o.proxima)))
    return lines


def _session_line(ctx: Ctx, o: metrics.OcupacionSala, cortos: dict[str, str] | None = None) -> tuple[str, str]:
    """ "**Ahora:** …" and "**Después HH:MM:** …" (empty when nothing follows), as Markdown."""
    lines = [f"**{md_escape(label)}:** {md_escape(text)}" for label, text in _sessions(ctx, o, cortos)]
    return lines[0], lines[1] if len(lines) > 1 else ""


def session_names(salas: Sequence[metrics.OcupacionSala]) -> dict[str, str]:
    """The distinctive part of every session name on screen (now and next)."""
    return distinctive([s.actividad for o in salas for s in (o.sesion, o.proxima) if s is not None])


def _cap_text(ctx: Ctx, o: metrics.OcupacionSala) -> str:
    # Capacity 0 means the Salas tab gave none we could read (see Calidad de datos).
    return number(o.capacidad, ctx.lang) if o.capacidad else "—"


def _pct_text(ctx: Ctx, o: metrics.OcupacionSala) -> str:
    if o.ocupacion is None:  # no source for the session: say so in grey, never a green 0 %
        return ctx.t("nivel.sin_dato")
    return percent(o.porcentaje, ctx.lang) if o.porcentaje is not None else "—"


def _figure_html(ctx: Ctx, o: metrics.OcupacionSala) -> str:
    """ "110 % · 55/50" coloured by level; "sin dato · —/350" in grey; the capacity gap named."""
    e = html.escape
    if o.ocupacion is None:
        return f'<b class="foro-gris">{e(t_opt("nivel", "sin_dato", ctx.lang))}</b> · —/{e(_cap_text(ctx, o))}'
    occ = e(number(o.ocupacion, ctx.lang))
    if not o.capacidad:  # the reason goes on the line below ("sin capacidad cargada")
        return f'<b>{occ}</b> · <span class="foro-gris">—</span>'
    # On a filled card (lleno, excedido) the figure stays white: red on red would vanish.
    colour = "" if o.nivel in LEVEL_FILL else f' style="color: {LEVEL_HEX[o.nivel]}"'
    return f"<b{colour}>{e(_pct_text(ctx, o))}</b> · {occ}/{e(_cap_text(ctx, o))}"


def rooms_heading(ctx: Ctx, salas: Sequence[metrics.OcupacionSala]) -> None:
    """ "Salas" and, when rooms need attention, "🔴 1 sala excedida · 🟠 2 salas llenas" on the same
    line (the line is always there, so an alert never pushes the cards down)."""
    st.html(ROOM_CSS + rooms_heading_html(ctx, salas))


def rooms_heading_html(ctx: Ctx, salas: Sequence[metrics.OcupacionSala]) -> str:
    """``rooms_heading``'s line as HTML (our text only)."""
    a = metrics.alerta_salas(list(salas))
    parts = [f'<span class="foro-titulo">{html.escape(ctx.t("vivo.salas"))}</span>']
    for lvl, n, key in (("excedido", a.excedidas, "alerta.excedidas"), ("lleno", a.llenas, "alerta.llenas")):
        if n:
            text = ctx.t(f"{key}.{'1' if n == 1 else 'n'}", n=number(n, ctx.lang))
            parts.append(f'<span class="foro-alerta foro-alerta-{lvl}">{LEVEL_EMOJI[lvl]} {html.escape(text)}</span>')
    return f'<div class="foro-salas-titulo" role="heading" aria-level="3">{"".join(parts)}</div>'


def rooms_html(ctx: Ctx, salas: Sequence[metrics.OcupacionSala], per_row: int = 4) -> str:
    """The big screen's rooms under ``rooms_heading``'s line, rooms needing attention first: level
    colour, occupancy, current and next session (only the part of their names that tells them
    apart). Built once per view."""
    return ctx.calc(_rooms_html, ctx, tuple(salas), per_row)


def _rooms_html(ctx: Ctx, salas: Sequence[metrics.OcupacionSala], per_row: int) -> str:
    cards = strip_html(ctx, salas, per_row) if salas else notice_html(ctx.t("vivo.sin_salas"))
    return ROOM_CSS + rooms_heading_html(ctx, salas) + cards


def strip_html(ctx: Ctx, salas: Sequence[metrics.OcupacionSala], per_row: int, urgent_first: bool = True) -> str:
    """The room strip as one HTML block: a wall screen's redraw sends one element instead of
    about eight per room (issue 14: the per-screen cost of a redraw is what limits viewers).
    Its classes are styled by ROOM_CSS and, for the wall's sizes, ui.frame; Sheet text is HTML-escaped."""
    e = html.escape
    salas = metrics.por_urgencia(list(salas)) if urgent_first else list(salas)
    cortos = session_names(salas)
    cards = []
    for o in salas:
        lines = [f"<b>{e(label)}:</b> {e(text)}" for label, text in _sessions(ctx, o, cortos)]
        gap = "" if o.capacidad else f'<div class="foro-sala-big foro-gris">{e(ctx.t("salas.sin_capacidad"))}</div>'
        cards.append(
            f'<div class="foro-sala foro-nivel-{o.nivel}" data-nivel="{o.nivel}">'
            f'<div class="foro-sala-nombre"><b>{LEVEL_EMOJI[o.nivel]} {e(o.sala)}</b></div>'
            f'<div class="foro-sala-cifra">{_figure_html(ctx, o)}</div>'
            f'{gap}<div class="foro-sala-big">{lines[0]}</div>'
            + (f'<div class="foro-sala-despues">{lines[1]}</div>' if len(lines) > 1 else "")
            + "</div>"
        )
    return f'<div class="foro-salas" style="--foro-por-fila: {per_row}">{"".join(cards)}</div>'


# --- Salas (phones) -------------------------------------------------------------------------------


def room_card(
    ctx: Ctx,
    o: metrics.OcupacionSala,
    cambio: int | None,
    index: int,
    acciones: Callable[[metrics.OcupacionSala], None] | None = None,
    cortos: dict[str, str] | None = None,
) -> None:
    """One room on a phone. ``acciones`` draws under the room's name: the +1/−1 tally buttons and
    headcount entry (ui.tally.tally_controls) when the viewer may write tallies."""
    with st.container(border=True, key=f"nivel-{o.nivel}-c{index}"):
        st.subheader(f"{LEVEL_EMOJI[o.nivel]} {md_escape(o.sala)}", anchor=False)
        if acciones is not None:
            # Right under the room's name: nothing above the −1/+1 row changes height on a tap or
            # a refresh (the figures and the source line below do), so it stays under the thumb.
            acciones(o)
        occ = number(o.ocupacion, ctx.lang) if o.ocupacion is not None else "—"
        # A horizontal row stays a row on a 390 px phone (columns would stack).
        with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
            st.metric(
                ctx.t("salas.ocupacion"),
                f"{occ} / {_cap_text(ctx, o)}",
                delta=f"{cambio:+d}" if cambio else None,
                delta_color="off",
                delta_description=ctx.t("salas.tendencia") if cambio else None,
                label_visibility="collapsed",
                width="content",
            )
            badge = t_opt("nivel", o.nivel, ctx.lang)
            if o.ocupacion is not None:
                badge = f"{_pct_text(ctx, o)} · {badge}"
            st.markdown(
                f"#### :{LEVEL_COLOR[o.nivel]}-background[{md_escape(badge)}]",
                width="content",
            )
        # Keyed slots: on a phone their height is reserved (ui.room_picker.STEADY_CSS), so the
        # bar appearing with the first count or a shorter source line never moves the cards below.
        # The wall hides the bar (ui.frame): a slot there would only add an empty gap to each card.
        with st.container(key=f"foro-barra-c{index}") if not ctx.kiosk else nullcontext():
            if o.porcentaje is not None:
                st.progress(min(1.0, max(0.0, o.porcentaje / 100.0)))
            elif not ctx.kiosk:
                st.html("<div></div>")  # an empty container is not drawn: this keeps its slot
        ahora, despues = _session_line(ctx, o, cortos)
        # On a short wall these lines go (CSS in ui.frame); a phone keeps them as they are.
        with st.container(key=f"foro-sala-big-c{index}") if ctx.kiosk else nullcontext():
            st.markdown(ahora)
        with st.container(key=f"foro-sala-despues-c{index}") if ctx.kiosk else nullcontext():
            if despues:
                st.markdown(despues)
            with st.container(key=f"foro-fuente-c{index}"):
                st.caption(md_escape(ctx.t(f"salas.fuente.{o.fuente}")))


# --- Mapa ----------------------------------------------------------------------------------------

# The forum's region (South America and Mexico's south), the view when every city is in it.
REGION_LON, REGION_LAT = (-92.0, -28.0), (-56.0, 14.0)
WORLD_LON, WORLD_LAT = (-180.0, 180.0), (-58.0, 78.0)
# The wall's map (SVG units ≈ px on a 1280×720 wall): whole drawing, legend strip, text size.
WALL_MAP, WALL_LEGEND, WALL_FONT = (690.0, 390.0), 230.0, 30.0


def map_frame(lats: Sequence[float], lons: Sequence[float]) -> tuple[tuple[float, float], tuple[float, float]]:
    """(lon range, lat range) that shows every point: the region when all are in it, else the
    points' box with a margin (partners in Europe or Africa are drawn), the world when that is wider.

    >>> map_frame([-32.9, -34.6], [-68.8, -58.4])
    ((-92.0, -28.0), (-56.0, 14.0))
    >>> map_frame([-32.9, 40.4], [-68.8, -3.7])
    ((-102.0, 6.3), (-58.0, 50.4))
    """
    inside = all(
        REGION_LAT[0] <= la <= REGION_LAT[1] and REGION_LON[0] <= lo <= REGION_LON[1] for la, lo in zip(lats, lons)
    )
    if not lats or inside:
        return REGION_LON, REGION_LAT
    # The region stays in view: most participants are there even when one partner is far away.
    lo0, lo1 = min(*lons, REGION_LON[0]), max(*lons, REGION_LON[1])
    la0, la1 = min(*lats, REGION_LAT[0]), max(*lats, REGION_LAT[1])
    margin = 10.0
    lon = (max(WORLD_LON[0], lo0 - margin), min(WORLD_LON[1], lo1 + margin))
    lat = (max(WORLD_LAT[0], la0 - margin), min(WORLD_LAT[1], la1 + margin))
    if lon[1] - lon[0] > 250:
        return WORLD_LON, WORLD_LAT
    return (round(lon[0], 1), round(lon[1], 1)), (round(lat[0], 1), round(lat[1], 1))


def widen(lon: tuple[float, float], lat: tuple[float, float], aspect: float) -> tuple[float, float]:
    """A longitude range, around the same centre, wide enough that the Mercator frame is at least
    ``aspect`` times as wide as tall (never narrower than given, never past the world).

    >>> widen((-92.0, -28.0), (-56.0, 14.0), 1.5)
    (-121.5, 1.5)
    """
    y = lambda d: math.log(math.tan(math.pi / 4 + math.radians(d) / 2))  # noqa: E731
    need = math.degrees((y(lat[1]) - y(lat[0])) * aspect)
    if need <= lon[1] - lon[0]:
        return lon
    mid, half = (lon[0] + lon[1]) / 2, min(need, 360.0) / 2
    return round(max(-180.0, mid - half), 1), round(min(180.0, mid + half), 1)


def city_map(ctx: Ctx, puntos: Sequence[metrics.Lugar], suprimir: bool) -> None:
    """Totals, then one SVG (ui.svg_map): bubbles sized by inscriptos, coloured by share accredited,
    the biggest places named, a size and a colour legend; the shapes come from this app's
    static/topojson (never a CDN)."""
    if not puntos:
        st.info(ctx.t("sin_filas"))
        return
    shown = lambda n: metrics.suprimir(n) if suprimir else n  # noqa: E731
    total = metrics.total_mapa(puntos)
    with st.container(horizontal=True, gap="medium"):
        for label, value in (
            (ctx.t("mapa.lugares"), total.lugares),
            (ctx.t("col.inscriptos"), shown(total.inscriptos)),
            (ctx.t("col.acreditados"), shown(total.acreditados)),
        ):
            st.metric(label, number(value, ctx.lang) if isinstance(value, int) else value, width="content")
    # An image: st.html strips SVG. 600 px on a desk or phone (1 unit = 1 px there); on the wall
    # it fills the height the screen has left (CSS in ui.frame), which makes 22 units ≈ 28 px.
    with st.container(key="foro-mapa"):
        st.image(ctx.calc(map_svg, ctx, tuple(puntos), suprimir), width="stretch" if ctx.kiosk else 600)


def map_svg(ctx: Ctx, puntos: Sequence[metrics.Lugar], suprimir: bool) -> str:
    """The map as SVG text (projecting the shapes is the page's costliest step: built once per view)."""
    shown = lambda n: metrics.suprimir(n) if suprimir else n  # noqa: E731
    words = svg_map.Text(
        size_label=ctx.t("mapa.tamano"),
        colour_label=ctx.t("mapa.color"),
        label=lambda b: f"{b.nombre} {shown(b.inscriptos)}",
    )
    lon_range, lat_range = map_frame([b.lat for b in puntos], [b.lon for b in puntos])
    if ctx.kiosk:
        # The wall: a frame of the shape its box has on a 1280×720 screen (≈ 700 × 400 px, CSS in
        # ui.frame), so one SVG unit is about one pixel there and 30-unit text is ≥ 28 px on the
        # smallest wall; the legends go in a strip on the right, where a wall has room to spare.
        map_w, map_h = WALL_MAP[0] - WALL_LEGEND, WALL_MAP[1]
        lon_range = widen(lon_range, lat_range, aspect=map_w / map_h)
        frame = svg_map.Frame(lon_range, lat_range, width=map_w)
        if frame.height > map_h:  # the world is not wide enough for that shape: a narrower map
            frame = svg_map.Frame(lon_range, lat_range, width=round(map_w * map_h / frame.height, 1))
        drawing = svg_map.svg(puntos, frame, words, font=WALL_FONT, r_min=8.0, r_max=32.0, side=WALL_LEGEND)
    else:
        # 600 px on a desk or phone: one unit is one pixel.
        frame = svg_map.Frame(lon_range, lat_range, width=600.0)
        drawing = svg_map.svg(puntos, frame, words, font=24.0, r_min=8.0, r_max=36.0)
    return drawing


def light_table(rows: Sequence[Sequence[object]], headers: Sequence[str]) -> None:
    """A small table as Markdown (Sheet text escaped, counts right-aligned): on the Mapa it spares
    a phone the data grid's 1.3 MB of JavaScript (issue 13.6: the page must stay under 4 MB)."""
    numeric = [
        all(isinstance(r[i], (int, float)) or _NUMERIC_TEXT.match(str(r[i])) for r in rows) and bool(rows)
        for i in range(len(headers))
    ]
    lines = [
        "| " + " | ".join(md_escape(h) for h in headers) + " |",
        "|" + "|".join("--:" if n else ":--" for n in numeric) + "|",
    ]
    lines += ["| " + " | ".join(md_escape("" if v is None else v) for v in r) + " |" for r in rows]
    st.markdown("\n".join(lines))


def country_board(ctx: Ctx, filas: Sequence, top: int = 7) -> None:
    """The wall's numbers beside the map: the countries with most inscriptos (as many as fit a
    1280×720 wall at 28 px), then how many more."""
    rows = [
        f"| {md_escape(ctx.t('col.pais'))} | {md_escape(ctx.t('col.inscriptos'))} | {md_escape(ctx.t('col.acreditados'))} |",
        "|:--|--:|--:|",
    ]
    for f in filas[:top]:
        rows.append(
            f"| {md_escape(label(ctx, 'pais', f.clave))} | {md_escape(f.inscriptos)} | {md_escape(f.acreditados)} |"
        )
    if len(filas) > top:
        rows.append(f"| {md_escape(ctx.t('mapa.otros_paises', n=len(filas) - top))} | | |")
    st.markdown("\n".join(rows))


# --- Tables ---------------------------------------------------------------------------------------


def dataframe(
    rows: Sequence[Sequence[object]], headers: Sequence[str], height: int | None = None, key: str | None = None
) -> None:
    """Sheet text in a grid: shown as text, never interpreted."""
    df = pd.DataFrame([list(r) for r in rows], columns=list(headers))
    config = {}
    for col in df.columns:
        kinds = {type(v) for v in df[col] if v is not None}
        if len(kinds) > 1:  # e.g. counts with "<3": one type per column for Arrow
            df[col] = df[col].map(lambda v: "" if v is None else str(v))
        if len(df) and all(isinstance(v, (int, float)) or _NUMERIC_TEXT.match(str(v)) for v in df[col]):
            # Counts, "<3", "72 %", amounts: right-aligned like numbers, whatever their type.
            config[col] = st.column_config.Column(alignment="right")
    st.dataframe(df, hide_index=True, width="stretch", height=height or "auto", key=key, column_config=config or None)


def downloads(ctx: Ctx, tablas: Sequence[export.Tabla], nombre: str) -> None:
    """CSV (all tables in one) and XLSX (one sheet per table), both neutralised against formulas.
    They hold personal data: the files leave the server when this session ends (ui.expiry)."""
    from . import expiry

    expiry.note_personal_download()
    c1, c2 = st.columns(2)
    csv_table = export.combined(list(tablas), ctx.t("col.seccion")) if len(tablas) > 1 else tablas[0]
    c1.download_button(
        ctx.t("socios.descargar_csv"),
        export.to_csv(csv_table),
        file_name=f"{nombre}.csv",
        mime="text/csv",
        width="stretch",
        icon="⬇️",
        on_click="ignore",
    )
    c2.download_button(
        ctx.t("socios.descargar_xlsx"),
        export.to_xlsx(tablas),
        file_name=f"{nombre}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        width="stretch",
        icon="⬇️",
        on_click="ignore",
    )


# --- Socios: the take-away ------------------------------------------------------------------------


def network_choice(ctx: Ctx, redes: Sequence[str]) -> str:
    """Which network the report is for ("" = all partners): its member cities get a star."""
    options = ["", *redes]
    choice = st.selectbox(
        ctx.t("socios.para_red"), options, key="socios-red", format_func=lambda r: r or ctx.t("socios.todas_redes")
    )
    return choice or ""


def take_away(ctx: Ctx, red: str) -> None:
    """Two download buttons: the report (PDF/HTML, built on click) and the tables (XLSX/CSV)."""
    from . import partners

    left, right = st.columns(2, gap="medium")
    with left:
        fmt = (
            st.segmented_control(
                ctx.t("socios.formato_informe"), partners.FORMATOS_INFORME, default="PDF", key="socios-fmt-informe"
            )
            or "PDF"
        )
        make, name = partners.informe(ctx, fmt, red)
        st.download_button(
            ctx.t("socios.descargar_informe"),
            make,
            file_name=name,
            mime=partners.MIME[fmt],
            width="stretch",
            icon="📄",
            on_click="ignore",
            type="primary",
        )
    with right:
        fmt = (
            st.segmented_control(
                ctx.t("socios.formato_tablas"), partners.FORMATOS_TABLAS, default="XLSX", key="socios-fmt-tablas"
            )
            or "XLSX"
        )
        make, name = partners.archivo_tablas(ctx, fmt, red)
        st.download_button(
            ctx.t("socios.descargar_tablas"),
            make,
            file_name=name,
            mime=partners.MIME[fmt],
            width="stretch",
            icon="⬇️",
            on_click="ignore",
        )
    st.caption(ctx.t("socios.llevar_nota"))
