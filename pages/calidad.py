"""Calidad de datos: every Problem of the workbook grouped by kind, the raw values counted as role
«otro», the tabs found, the source's health, and the venue's addresses with a QR for each role."""

import streamlit as st

from ui import components as c
from ui import quality as q
from ui.data import feed
from ui.frame import Ctx, live_page


def screen(ctx: Ctx) -> None:
    st.title(ctx.t("calidad.titulo"), anchor=False)
    groups = q.problems_by_kind(ctx.snap)
    otro = q.otro_lines(ctx)
    problems, roles, tabs, health, venue = st.tabs(
        [
            f"{ctx.t('calidad.problemas')} ({len(ctx.snap.problems)})",
            f"{ctx.t('calidad.rol_otro')} ({len(otro)})",
            ctx.t("calidad.pestanas"),
            ctx.t("calidad.salud"),
            ctx.t("calidad.sede"),
        ]
    )
    with problems:
        if not groups:
            st.success(ctx.t("calidad.sin_problemas"))
        st.caption(ctx.t("calidad.n_problemas", n=len(ctx.snap.problems), k=len(groups)))
        for kind, items in groups:
            with st.expander(f"{q.kind_label(kind, ctx.lang)} ({len(items)})", expanded=len(groups) == 1):
                c.dataframe(q.problem_rows(ctx, items), q.problem_headers(ctx), key=f"problemas-{kind}")
    with roles:
        st.caption(ctx.t("calidad.rol_otro.nota"))
        if otro:
            st.markdown("\n".join(otro))
        else:
            st.info(ctx.t("calidad.rol_otro.vacio"))
    with tabs:
        c.dataframe(q.tab_rows(ctx), q.tab_headers(ctx), key="pestanas")
    with health:
        f = feed(ctx.cfg)
        rows = q.health_rows(ctx, f.health) + q.coordination_rows(ctx, f.source)
        c.dataframe(rows, [ctx.t("calidad.salud"), ctx.t("col.valor")], key="salud")
    with venue:
        base, doors = q.venue_doors(ctx)
        st.caption(ctx.t("sede.nota"))
        if base.startswith("http://127."):
            st.warning(ctx.t("sede.sin_red"))
        for door, png in doors:
            with st.container(border=True):
                qr, text = st.columns([1, 4], vertical_alignment="center")
                qr.image(png, width=180)
                text.markdown(f"**{ctx.t(f'sede.rol.{door.rol}')}**")
                text.code(door.url, language=None, wrap_lines=True)
                if door.lleva_clave:
                    text.warning(ctx.t("sede.aviso_clave", rol=ctx.t(f"acceso.{door.rol}")))


live_page("calidad", screen)
