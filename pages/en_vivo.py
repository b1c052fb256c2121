"""En vivo: the control-room big screen — headline figures, arrival curve, rooms, data age.

One HTML block of ours, which the pulse carries to live screens when the data moves (ui.pulse)."""

from foro_data import metrics
from ui import components as c
from ui.frame import Ctx, live_page


def screen(ctx: Ctx) -> str:
    cifras = ctx.calc(metrics.cifras, ctx.snap, ctx.as_of)
    return c.headline_block(ctx, cifras) + c.side_by_side(
        c.arrival_html(
            ctx,
            ctx.t("vivo.curva"),
            ctx.calc(metrics.curva_llegadas, ctx.snap, ctx.as_of),
            cifras.inscriptos,
            ctx.calc(metrics.meta_llegadas, ctx.snap),
        ),
        c.rooms_html(ctx, ctx.calc(metrics.ocupacion_salas, ctx.snap, ctx.as_of), per_row=3 if ctx.kiosk else 4),
    )


live_page("en_vivo", screen, big=True, carried=True)
