"""Partner tables and take-aways for the Socios page: what foro_data.informe computes, as the
page shows it. Suppression is metrics' policy; nothing is counted here."""

from __future__ import annotations

from collections.abc import Callable

from foro_data import export, metrics
from foro_data.informe import descargas, textos
from foro_data.informe.contenido import texto_celda

from .frame import Ctx

FORMATOS_INFORME = ("PDF", "HTML")
FORMATOS_TABLAS = ("XLSX", "CSV")
MIME = {
    "PDF": "application/pdf",
    "HTML": "text/html",
    "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "CSV": "text/csv",
}


def tablas(ctx: Ctx, red: str = "") -> list[export.Tabla]:
    """Every partner table (protected by metrics): what the page shows and the downloads carry."""
    return descargas.tablas(ctx.snap, ctx.as_of, ctx.lang, red, sesiones=False)


def filas_visibles(tabla: export.Tabla, lang: str) -> list[tuple[str, ...]]:
    """Rows as the screen prints them: "82 %", "1.234", "<3"."""
    fmts = tabla.formatos or ("",) * len(tabla.encabezados)
    return [tuple(texto_celda(v, f, lang) for v, f in zip(fila, fmts)) for fila in tabla.filas]


def vista(tabla: export.Tabla, lang: str) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """(headers, rows) for the screen. The city table reads phone-first: "Godoy Cruz ★", then
    the counts, the country last (the downloads keep the member mark in a column of its own)."""
    filas = filas_visibles(tabla, lang)
    if tabla.titulo != textos.t("por_ciudad", lang):
        return tabla.encabezados, filas
    pais, ciudad, _, *cuentas = tabla.encabezados
    return (ciudad, *cuentas, pais), [(f"{f[1]} {f[2]}".strip(), *f[3:], f[0]) for f in filas]


def redes(ctx: Ctx) -> list[str]:
    """Networks a report can be made for: those shown in the partner table by network."""
    fila = metrics.cuadro_socios(ctx.snap, ctx.as_of, "red").filas
    return [f.clave for f in fila if f.clave not in (metrics.SIN_DATO, metrics.OTRAS)]


def informe(ctx: Ctx, formato: str, red: str) -> tuple[Callable[[], bytes], str]:
    """The report, made only when the button is clicked (a callable), and its file name."""
    from foro_data import informe as inf

    snap, as_of, lang = ctx.snap, ctx.as_of, ctx.lang
    ext = formato.lower()
    name = f"{descargas.nombre_archivo(snap, as_of, lang, 'informe')}.{ext}"
    return (lambda: inf.generar(snap, as_of, ext, lang, red)), name


def archivo_tablas(ctx: Ctx, formato: str, red: str) -> tuple[Callable[[], bytes], str]:
    snap, as_of, lang = ctx.snap, ctx.as_of, ctx.lang
    name = f"{descargas.nombre_archivo(snap, as_of, lang, 'tablas')}.{formato.lower()}"
    make = descargas.xlsx if formato == "XLSX" else descargas.csv
    return (lambda: make(snap, as_of, lang, red)), name
