"""Personas: search registrations (accent- and typo-tolerant), filter, export."""

import streamlit as st

from foro_data.schema import ROLES
from ui import components as c
from ui import people
from ui.frame import Ctx, live_page


def screen(ctx: Ctx) -> None:
    st.title(ctx.t("personas.titulo"), anchor=False)
    consulta = st.text_input(ctx.t("personas.buscar"), key="buscar")
    f1, f2, f3 = st.columns(3)
    roles = f1.multiselect(
        ctx.t("personas.filtro.rol"),
        ROLES,
        key="f_rol",
        placeholder=ctx.t("personas.elegir"),
        format_func=lambda r: c.label(ctx, "rol", r),
    )
    paises = f2.multiselect(
        ctx.t("personas.filtro.pais"),
        people.paises(ctx),
        key="f_pais",
        placeholder=ctx.t("personas.elegir"),
        format_func=lambda p: c.label(ctx, "pais", p),
    )
    acreditado = (
        f3.segmented_control(
            ctx.t("personas.filtro.acreditado"),
            people.ACREDITADO_OPCIONES,
            key="f_acr",
            default="todos",
            format_func=lambda o: ctx.t({"todos": "personas.todos", "si": "personas.si", "no": "personas.no"}[o]),
        )
        or "todos"
    )

    found, truncated = people.candidatos(ctx, consulta)
    shown = people.filtrar(ctx, found, roles, paises, acreditado)
    tabla = people.tabla(ctx, shown)
    st.caption(ctx.t("personas.n", n=len(shown)))
    if truncated:
        st.info(ctx.t("personas.limite", n=people.LIMITE_BUSQUEDA))
    c.dataframe(tabla.filas, tabla.encabezados, height=520, key="personas")
    c.downloads(ctx, [tabla], "foro-personas")


live_page("personas", screen)
