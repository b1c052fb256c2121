"""Rows for the Personas page: search results and filters, as a table and as an export."""

from __future__ import annotations

from collections.abc import Iterable

from foro_data import export, metrics
from foro_data.model import Persona

from .components import label
from .fmt import day_hour
from .frame import Ctx

# Without a query the page lists everyone; a search returns at most this many matches.
LIMITE_BUSQUEDA = 500
ACREDITADO_OPCIONES = ("todos", "si", "no")


def candidatos(ctx: Ctx, consulta: str) -> tuple[list[Persona], bool]:
    """(people, truncated): the search result, or everyone when the query is blank."""
    if not consulta.strip():
        return list(ctx.snap.personas), False
    found = metrics.buscar_personas(ctx.snap, consulta, limite=LIMITE_BUSQUEDA)
    return found, len(found) >= LIMITE_BUSQUEDA


def filtrar(
    ctx: Ctx, personas: Iterable[Persona], roles: list[str], paises: list[str], acreditado: str
) -> list[Persona]:
    out = []
    for p in personas:
        if roles and p.rol not in roles:
            continue
        if paises and p.pais not in paises:
            continue
        if acreditado != "todos":
            llego = metrics.acreditado_a(ctx.snap, p.key, ctx.as_of) is not None
            if llego != (acreditado == "si"):
                continue
        out.append(p)
    return out


def tabla(ctx: Ctx, personas: list[Persona]) -> export.Tabla:
    headers = tuple(
        ctx.t(k)
        for k in (
            "col.nombre",
            "col.acreditado_a",
            "col.rol",
            "col.cargo",
            "col.institucion",
            "col.ciudad",
            "col.pais",
            "col.email",
            "col.documento",
            "col.registrado_en",
        )
    )
    filas = tuple(
        (
            p.nombre_completo,
            day_hour(metrics.acreditado_a(ctx.snap, p.key, ctx.as_of), ctx.lang, ctx.snap.tz),
            label(ctx, "rol", p.rol),
            p.cargo,
            p.institucion,
            p.ciudad,
            label(ctx, "pais", p.pais) if p.pais else p.pais_raw,
            p.email,
            p.documento,
            day_hour(p.registrado_en, ctx.lang, ctx.snap.tz),
        )
        for p in personas
    )
    return export.Tabla(ctx.t("page.personas"), headers, filas)


def paises(ctx: Ctx) -> list[str]:
    return sorted({p.pais for p in ctx.snap.personas if p.pais}, key=lambda c: label(ctx, "pais", c))
