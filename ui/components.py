"""Reusable pieces of the screens: big numbers, arrival chart, room strip and cards, tables, downloads.

Sheet text goes through ``md_escape`` before any Markdown, or into ``st.text``/``st.dataframe``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from foro_data import export, metrics
from foro_data.countries import country_name

from .fmt import hour, md_escape, number, percent
from .frame import Ctx
from .i18n import t, t_opt

# Plotly: no mode bar, no logo, nothing fetched from a CDN (no topojson, no MathJax).
PLOTLY_CONFIG = {"displayModeBar": False, "displaylogo": False, "responsive": True, "scrollZoom": False}

LEVEL_EMOJI = {"normal": "🟢", "llenandose": "🟡", "lleno": "🟠", "excedido": "🔴", "sin_dato": "⚪"}
LEVEL_COLOR = {"normal": "green", "llenandose": "yellow", "lleno": "orange", "excedido": "red", "sin_dato": "gray"}
LEVEL_HEX = {"normal": "#2ecc71", "llenandose": "#f1c40f", "lleno": "#e67e22", "excedido": "#e74c3c", "sin_dato": "#7f8c8d"}

# Room cards get a thick left border in their level's colour (the container key becomes a class).
ROOM_CSS = "<style>" + "".join(
    f'[class*="st-key-nivel-{lvl}-"] {{ border-left: 0.6rem solid {hx} !important; }}' for lvl, hx in LEVEL_HEX.items()
) + "</style>"


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

def big_numbers(ctx: Ctx, c: metrics.Cifras) -> None:
    n = lambda v: number(v, ctx.lang)  # noqa: E731
    cols = st.columns(5, gap="medium")
    cols[0].metric(ctx.t("vivo.inscriptos"), n(c.inscriptos))
    cols[1].metric(
        ctx.t("vivo.acreditados"), n(c.acreditados),
        delta=ctx.t("vivo.de_inscriptos", pct=percent(c.porcentaje_acreditados, ctx.lang)),
        delta_color="off", delta_arrow="off",
    )
    cols[2].metric(ctx.t("vivo.presentes"), n(c.presentes))
    cols[3].metric(
        ctx.t("vivo.intendencias"), n(c.intendencias_acreditadas),
        delta=ctx.t("vivo.de_intendencias", n=n(c.intendencias_inscriptas)), delta_color="off", delta_arrow="off",
    )
    cols[4].metric(ctx.t("vivo.sin_inscripcion"), n(c.sin_inscripcion))


def arrival_chart(ctx: Ctx, franjas: Sequence[metrics.Franja], height: int = 380, font: int = 18) -> None:
    if not franjas:
        st.info(ctx.t("vivo.curva.vacia"))
        return
    x = [f.inicio.replace(tzinfo=None) for f in franjas]
    fig = go.Figure()
    fig.add_bar(x=x, y=[f.llegadas for f in franjas], name=ctx.t("vivo.curva.llegadas"), marker_color="#4fc3f7",
                xperiod=15 * 60 * 1000, xperiodalignment="start", hovertemplate="%{x|%H:%M} · %{y}<extra></extra>")
    fig.add_scatter(x=x, y=[f.acumulado for f in franjas], name=ctx.t("vivo.curva.acumulado"), yaxis="y2",
                    mode="lines", line=dict(color="#ffb74d", width=4), hovertemplate="%{x|%H:%M} · %{y}<extra></extra>")
    now = ctx.as_of.replace(tzinfo=None)
    fig.add_vline(x=now, line_width=3, line_dash="dot", line_color="#f2f4f8")
    fig.add_annotation(x=now, y=1, yref="paper", text=f"{ctx.t('vivo.curva.ahora')} {hour(ctx.as_of)}",
                       showarrow=False, xanchor="right", yanchor="top", font=dict(size=font, color="#f2f4f8"))
    fig.update_layout(
        height=height, margin=dict(l=10, r=10, t=40, b=10), bargap=0.1,
        legend=dict(orientation="h", y=1.12, x=0, font=dict(size=font)),
        font=dict(size=font), hovermode="x unified",
        xaxis=dict(tickformat="%H:%M", showgrid=False),
        yaxis=dict(title=dict(text=ctx.t("vivo.curva.llegadas"), font=dict(color="#4fc3f7")), rangemode="tozero"),
        yaxis2=dict(title=dict(text=ctx.t("vivo.curva.acumulado"), font=dict(color="#ffb74d")), overlaying="y",
                    side="right", rangemode="tozero", showgrid=False),
        paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)",
    )
    st.plotly_chart(fig, config=PLOTLY_CONFIG, theme=None, key="curva")


def _session_line(ctx: Ctx, o: metrics.OcupacionSala) -> tuple[str, str]:
    ahora = f"**{md_escape(ctx.t('vivo.ahora'))}:** " + (md_escape(o.sesion.actividad) if o.sesion else md_escape(ctx.t("vivo.sin_sesion")))
    despues = ""
    if o.proxima:
        despues = f"**{md_escape(ctx.t('vivo.proxima', hora=hour(o.proxima.inicio, ctx.snap.tz)))}:** {md_escape(o.proxima.actividad)}"
    return ahora, despues


def _pct_text(ctx: Ctx, o: metrics.OcupacionSala) -> str:
    return percent(o.porcentaje, ctx.lang) if o.porcentaje is not None else "—"


def room_strip(ctx: Ctx, salas: Sequence[metrics.OcupacionSala], per_row: int = 4) -> None:
    """The big screen's rooms: level colour, occupancy, current and next session."""
    if not salas:
        st.info(ctx.t("vivo.sin_salas"))
        return
    st.html(ROOM_CSS)
    for start in range(0, len(salas), per_row):
        cols = st.columns(per_row, gap="small")
        for i, o in enumerate(salas[start:start + per_row]):
            with cols[i].container(border=True, key=f"nivel-{o.nivel}-v{start + i}"):
                color = LEVEL_COLOR[o.nivel]
                st.markdown(f"#### {LEVEL_EMOJI[o.nivel]} {md_escape(o.sala)}")
                occ = number(o.ocupacion, ctx.lang) if o.ocupacion is not None else "—"
                st.markdown(
                    f"### :{color}[{md_escape(_pct_text(ctx, o))}] · {md_escape(occ)} / {md_escape(number(o.capacidad, ctx.lang))}"
                )
                ahora, despues = _session_line(ctx, o)
                with st.container(key=f"foro-sala-big-{start + i}"):
                    st.markdown(ahora)
                    if despues:
                        st.markdown(despues)


# --- Salas (phones) -------------------------------------------------------------------------------

def room_card(ctx: Ctx, o: metrics.OcupacionSala, cambio: int | None, index: int) -> None:
    """One room on a phone. The card keeps space at its foot for +1/−1 tally buttons (venue writes)."""
    with st.container(border=True, key=f"nivel-{o.nivel}-c{index}"):
        st.markdown(f"### {LEVEL_EMOJI[o.nivel]} {md_escape(o.sala)}")
        occ = number(o.ocupacion, ctx.lang) if o.ocupacion is not None else "—"
        delta = None
        if cambio:
            delta = f"{cambio:+d} " + ctx.t("salas.tendencia")
        st.metric(
            ctx.t("salas.ocupacion") + " · " + ctx.t("salas.de_capacidad", cap=number(o.capacidad, ctx.lang)),
            f"{occ} · {_pct_text(ctx, o)}",
            delta=delta, delta_color="inverse",
        )
        if o.porcentaje is not None:
            st.progress(min(1.0, max(0.0, o.porcentaje / 100.0)))
        st.markdown(f":{LEVEL_COLOR[o.nivel]}-background[{md_escape(t_opt('nivel', o.nivel, ctx.lang))}]")
        ahora, despues = _session_line(ctx, o)
        st.markdown(ahora)
        if despues:
            st.markdown(despues)
        st.caption(md_escape(ctx.t(f"salas.fuente.{o.fuente}")))


# --- Tables ---------------------------------------------------------------------------------------

def dataframe(rows: Sequence[Sequence[object]], headers: Sequence[str], height: int | None = None, key: str | None = None) -> None:
    """Sheet text in a grid: shown as text, never interpreted."""
    df = pd.DataFrame([list(r) for r in rows], columns=list(headers))
    for col in df.columns:
        kinds = {type(v) for v in df[col] if v is not None}
        if len(kinds) > 1:  # e.g. counts with "<3": one type per column for Arrow
            df[col] = df[col].map(lambda v: "" if v is None else str(v))
    kwargs = {"height": height} if height else {}
    st.dataframe(df, hide_index=True, width="stretch", key=key, **kwargs)


def downloads(ctx: Ctx, tablas: Sequence[export.Tabla], nombre: str) -> None:
    """CSV (all tables in one) and XLSX (one sheet per table), both neutralised against formulas."""
    c1, c2 = st.columns(2)
    csv_table = export.combined(list(tablas), ctx.t("col.seccion")) if len(tablas) > 1 else tablas[0]
    c1.download_button(ctx.t("socios.descargar_csv"), export.to_csv(csv_table), file_name=f"{nombre}.csv",
                       mime="text/csv", width="stretch", icon="⬇️", on_click="ignore")
    c2.download_button(ctx.t("socios.descargar_xlsx"), export.to_xlsx(tablas), file_name=f"{nombre}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", width="stretch",
                       icon="⬇️", on_click="ignore")


def when(ctx: Ctx, dt: datetime | None) -> str:
    return hour(dt, ctx.snap.tz) if dt else "—"
