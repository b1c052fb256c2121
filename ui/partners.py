"""Partner tables: suppressed breakdowns as rows for the screen and for the downloads."""

from __future__ import annotations

from foro_data import export, metrics

from .components import label
from .fmt import percent
from .frame import Ctx

# (metrics campo, title key, column key), in the order the page shows them.
SECCIONES: tuple[tuple[str, str, str], ...] = (
    ("pais", "socios.por_pais", "col.pais"),
    ("red", "socios.por_red", "col.red"),
    ("rol", "socios.por_rol", "col.rol"),
    ("ejes", "socios.por_eje", "col.eje"),
)


def _tabla(ctx: Ctx, titulo: str, columna: str, campo: str, filas: list[metrics.FilaSocios]) -> export.Tabla:
    return export.Tabla(
        titulo,
        (columna, ctx.t("col.inscriptos"), ctx.t("col.acreditados"), ctx.t("col.asistencia")),
        tuple(
            (label(ctx, campo, f.clave), f.inscriptos, f.acreditados,
             percent(f.asistencia, ctx.lang) if f.asistencia is not None else "—")
            for f in filas
        ),
    )


def tablas(ctx: Ctx) -> list[export.Tabla]:
    """Every partner table (already suppressed by metrics): what the page shows and downloads."""
    out = [
        _tabla(ctx, ctx.t(titulo), ctx.t(col), campo, metrics.tabla_socios(ctx.snap, ctx.as_of, campo))
        for campo, titulo, col in SECCIONES
    ]
    out.append(_tabla(ctx, ctx.t("socios.paridad"), ctx.t("col.genero"), "genero",
                      metrics.paridad_intendencias(ctx.snap, ctx.as_of)))
    return out
