"""Rows for the Calidad de datos page: Problems grouped by kind, tab reports, source health."""

from __future__ import annotations

from datetime import datetime

from foro_data import access, metrics, sede
from foro_data.errors import word_for
from foro_data.model import Problem
from foro_data.shared_read import coordinacion
from foro_data.snapshot import Snapshot

from .fmt import age, day_hour, md_escape, number
from .frame import Ctx
from .i18n import has, t


def problems_by_kind(snap: Snapshot) -> list[tuple[str, list[Problem]]]:
    """Kinds with the most problems first; rows in Sheet order inside each kind."""
    groups: dict[str, list[Problem]] = {}
    for p in snap.problems:
        groups.setdefault(p.code, []).append(p)
    out = [(k, sorted(v, key=lambda p: (p.tab, p.row or 0))) for k, v in groups.items()]
    out.sort(key=lambda kv: (-len(kv[1]), kv[0]))
    return out


def kind_label(kind: str, lang: str) -> str:
    """The kind in the viewer's language; an unknown code made readable ("x_y" -> "X y")."""
    key = f"kind.{kind}"
    text = t(key, lang) if has(key) else kind.replace("_", " ").capitalize()
    return md_escape(text)


def problem_headers(ctx: Ctx) -> list[str]:
    return [
        ctx.t(k)
        for k in ("col.pestana", "col.fila", "col.columna", "col.valor", "col.motivo", "col.arreglo", "col.gravedad")
    ]


def problem_rows(ctx: Ctx, items: list[Problem]) -> list[list[object]]:
    """One row per Problem; reason, fix and severity in the viewer's language (the catalogue)."""
    return [
        [
            p.tab,
            p.row if p.row is not None else "",
            p.column or "",
            p.value,
            p.reason_in(ctx.lang),
            p.fix_in(ctx.lang),
            word_for("gravedad", p.severity, ctx.lang),
        ]
        for p in items
    ]


def otro_lines(ctx: Ctx) -> list[str]:
    """The raw rol/cargo values counted as «otro», most typed first, as inert Markdown list items
    ("sin dato" for a blank, in the viewer's language)."""
    return [
        f"- {md_escape(ctx.t('sin_dato') if raw == metrics.SIN_DATO else raw)} · {number(n, ctx.lang)}"
        for raw, n in metrics.roles_otro(ctx.snap)
    ]


def tab_headers(ctx: Ctx) -> list[str]:
    return [ctx.t(k) for k in ("col.pestana", "col.encontrada_como", "col.filas", "col.faltan", "col.desconocidas")]


def tab_rows(ctx: Ctx) -> list[list[object]]:
    return [
        [r.tab, r.found_as or ctx.t("col.no_encontrada"), r.rows, ", ".join(r.missing), ", ".join(r.unknown)]
        for r in ctx.snap.tabs
    ]


def _when(ctx: Ctx, dt: datetime | None, now: datetime) -> str:
    if dt is None:
        return ctx.t("calidad.ninguno")
    return (
        f"{day_hour(dt, ctx.lang, ctx.snap.tz)} ({ctx.t('edad.hace', edad=age((now - dt).total_seconds(), ctx.lang))})"
    )


def health_rows(ctx: Ctx, health: object) -> list[list[str]]:
    """LiveFeed.health as label/value rows. Missing attributes show as a dash."""
    from .data import real_now

    now = real_now()
    g = lambda name: getattr(health, name, None)  # noqa: E731
    next_in = g("next_attempt_in_s")
    return [
        [ctx.t("calidad.fuente"), f"{ctx.snap.fuente.tipo} · {ctx.snap.fuente.descripcion}"],
        [ctx.t("calidad.ultima_ok"), _when(ctx, g("last_ok"), now)],
        [ctx.t("calidad.ultimo_intento"), _when(ctx, g("last_attempt"), now)],
        [ctx.t("calidad.ultimo_error"), _last_error(ctx, health) or ctx.t("calidad.ninguno")],
        [ctx.t("calidad.fallas"), number(g("consecutive_failures") or 0, ctx.lang)],
        [ctx.t("calidad.pedidos"), number(g("requests_last_minute") or 0, ctx.lang)],
        [
            ctx.t("calidad.cuota"),
            number(g("quota_per_minute"), ctx.lang) if g("quota_per_minute") else ctx.t("calidad.ninguno"),
        ],
        [ctx.t("calidad.proximo"), age(next_in, ctx.lang) if next_in is not None else ctx.t("calidad.ninguno")],
    ]


def _last_error(ctx: Ctx, health: object) -> str:
    """Why the last read failed, in the viewer's language, as the viewer's role may read it."""
    worded = getattr(health, "last_error_in", None)
    text = worded(ctx.lang) if callable(worded) else str(getattr(health, "last_error", "") or "")
    return access.reason_for(ctx.role, text, ctx.cfg.identifiers())


def venue_doors(ctx: Ctx) -> tuple[str, list[tuple[sede.Entrada, bytes]]]:
    """The base address phones should use and each role's door with its QR (PNG). Addresses that
    carry a passcode only for organisers: any other role gets the passcode-free ones."""
    import streamlit as st

    headers = st.context.headers
    host = headers.get("X-Forwarded-Host") or headers.get("Host")
    scheme = (headers.get("X-Forwarded-Proto") or "http").split(",")[0].strip()
    port = int(st.get_option("server.port") or sede.DEFAULT_PORT)
    base = sede.base_url(host, scheme=scheme, ip=sede.lan_ip(), port=port)
    doors = sede.entradas(base, ctx.cfg.acceso, con_claves=ctx.role == "organizacion")
    return base, [(e, sede.qr_png(e.url)) for e in doors]


def coordination_rows(ctx: Ctx, source: object) -> list[list[str]]:
    """How the replicas share the Sheet's read, as one row; none when this server does not try."""
    modo = coordinacion(source)
    return [] if modo is None else [[ctx.t("calidad.coordinacion"), ctx.t(f"coordinacion.{modo}")]]
