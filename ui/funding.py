"""Rows for the Apoyos page: funds per currency, the pending queue, funded people on the day."""

from __future__ import annotations

from foro_data import metrics
from foro_data.errors import word_for
from foro_data.model import Persona

from .components import label
from .fmt import day_hour, money
from .frame import Ctx


def fondos_headers(ctx: Ctx) -> list[str]:
    return [
        ctx.t(k)
        for k in ("col.moneda", "col.presupuesto", "col.comprometido", "col.pagado", "col.disponible", "col.pendiente")
    ]


def fondos_rows(ctx: Ctx, fondos: list[metrics.Fondos]) -> list[list[str]]:
    """One row per currency; amounts formatted with their own currency, never added together."""
    m = lambda v, f: money(v, f.moneda, ctx.lang)  # noqa: E731
    return [
        [f.moneda, m(f.presupuesto, f), m(f.comprometido, f), m(f.pagado, f), m(f.disponible, f), m(f.pendiente, f)]
        for f in fondos
    ]


def _persona(ctx: Ctx, p: Persona | None, identificador: str) -> list[str]:
    if p is None:
        return ["", f"{identificador} {ctx.t('persona.desconocida')}".strip(), "", "", "", ""]
    return [
        "🏛️" if p.es_intendencia else "",
        p.nombre_completo,
        p.cargo or label(ctx, "rol", p.rol),
        p.ciudad,
        label(ctx, "pais", p.pais) if p.pais else p.pais_raw,
        p.email,
    ]


def _persona_headers(ctx: Ctx) -> list[str]:
    return [ctx.t(k) for k in ("col.intendencia", "col.nombre", "col.cargo", "col.ciudad", "col.pais", "col.email")]


def _tipo(ctx: Ctx, tipo: str) -> str:
    return word_for("apoyo_tipo", tipo, ctx.lang)


def _estado(ctx: Ctx, estado: str) -> str:
    return word_for("apoyo_estado", estado, ctx.lang)


def cola_headers(ctx: Ctx) -> list[str]:
    return _persona_headers(ctx) + [
        ctx.t(k) for k in ("col.tipo_apoyo", "col.monto", "col.estado", "col.solicitado_en")
    ]


def cola_rows(ctx: Ctx, cola: list[metrics.Solicitud]) -> list[list[str]]:
    return [
        _persona(ctx, s.persona, s.apoyo.identificador)
        + [
            _tipo(ctx, s.apoyo.tipo),
            money(s.apoyo.monto_solicitado, s.apoyo.moneda, ctx.lang),
            _estado(ctx, s.apoyo.estado),
            day_hour(s.apoyo.solicitado_en, ctx.lang, ctx.snap.tz),
        ]
        for s in cola
    ]


def seguimiento_headers(ctx: Ctx) -> list[str]:
    return _persona_headers(ctx) + [
        ctx.t(k) for k in ("col.documento", "col.tipo_apoyo", "col.estado", "col.acreditado_a")
    ]


def seguimiento_rows(ctx: Ctx, items: list[metrics.Seguimiento]) -> list[list[str]]:
    return [
        _persona(ctx, s.persona, s.apoyo.identificador)
        + [
            s.persona.documento if s.persona else "",
            _tipo(ctx, s.apoyo.tipo),
            _estado(ctx, s.apoyo.estado),
            day_hour(s.acreditado_a, ctx.lang, ctx.snap.tz) if s.acreditado_a else "—",
        ]
        for s in items
    ]
