"""What every page shares: access check, banners (demo, data age, stale), live refresh, no tracebacks.

A page file calls ``live_page(page_id, screen)``; ``screen(ctx)`` draws the page from ``ctx``.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

import streamlit as st

from foro_data import access, metrics
from foro_data.config import Config, ConfigError, config_path
from foro_data.snapshot import Snapshot

from . import data, gate, pulse, shared
from .fmt import age, day_hour, hour, md_escape
from .i18n import t

log = logging.getLogger("foro.ui")
T = TypeVar("T")
_ROOT = Path(__file__).resolve().parent.parent

# Tests set this so an unexpected exception reaches AppTest instead of the friendly message.
RAISE_ENV = "FORO_UI_RAISE"


@dataclass(frozen=True)
class Ctx:
    """Everything a screen needs to draw itself."""

    cfg: Config
    snap: Snapshot
    as_of: datetime
    lang: str
    role: str
    kiosk: bool

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    @property
    def view(self) -> tuple[Hashable, ...]:
        """What every figure of this screen depends on: the data version, the (canonical) as-of
        instant, language, role and kiosk. Equal views draw equal screens (ui.shared)."""
        return (
            self.snap.version or f"id{id(self.snap)}",
            self.as_of.isoformat(),
            self.lang,
            self.role,
            self.kiosk,
            id(self.cfg),
        )

    def calc(self, fn: Callable[..., T], *args: Hashable) -> T:
        """``fn(*args)`` computed once per view for every viewer of the process (ui.shared).

        Pass ``ctx``, ``ctx.snap`` and ``ctx.as_of`` as they are (the view stands for them); any
        other argument must be hashable and is part of the key. Results are shared: never mutate.
        """
        key = tuple("ctx" if a is self else "snap" if a is self.snap else a for a in args)
        return shared.once(self.view, f"{fn.__module__}.{fn.__qualname__}", lambda: fn(*args), key)


_BASE_CSS = """
<style>
/* Thumb-sized controls on phones. */
.stButton button, .stDownloadButton button, .stFormSubmitButton button { min-height: 2.75rem; }
[data-testid="stMetricValue"] { font-variant-numeric: tabular-nums; }
/* The grid's own CSV download would bypass formula neutralising: our download buttons only. */
[data-testid="stElementToolbar"] button[aria-label^="Download as CSV"] { display: none !important; }
@media (max-width: 640px) {
  .block-container, [data-testid="stMainBlockContainer"] { padding-left: 0.75rem; padding-right: 0.75rem; }
}
/* The data-age line (status_line); it turns into the stale banner in the browser. */
.foro-edad { color: rgba(242, 244, 248, 0.65); font-size: 0.875rem; line-height: 1.4; min-height: 1.4em; }
.foro-edad.foro-edad-vieja { color: #1b1300; background: #ffb74d; font-weight: 700; padding: 0.35em 0.6em;
  border-radius: 0.4rem; }
/* Machinery, never seen: the script, the redraw button, the watcher. The wrapper of a keyed block
   goes too: an empty wrapper still takes the page's gap. */
.st-key-foro-motor, div:has(> .st-key-foro-motor), .st-key-foro-redibujar, .st-key-foro-vigia,
div:has(> .st-key-foro-vigia) { display: none !important; }
</style>
"""

_KIOSK_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stExpandSidebarButton"],
footer { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { padding: 1rem 2rem 0.5rem 2rem; max-width: 100%; }
/* The wall is read from five metres: nothing meant to be read under 28 px, at 1920×1080 and at
   1280×720 (a 1080p TV at 150 %). Room cards keep one line per fact, cut with an ellipsis. */
/* The map's box: ≈ 700 × 400 px on a 1280×720 wall (ui.components.WALL_MAP is drawn for it). */
.st-key-foro-mapa { flex: 0 0 auto !important; height: calc(100vh - 320px) !important; min-height: 320px; }
.st-key-foro-mapa [data-testid="stElementContainer"], .st-key-foro-mapa div:has(img) { height: 100% !important; width: 100% !important; }
.st-key-foro-mapa img { height: 100% !important; width: 100% !important; object-fit: contain; object-position: left top; }
@media (min-width: 900px) {
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li, [data-testid="stCaptionContainer"] p,
.foro-edad, [data-testid="stMetricLabel"] p, [data-testid="stMetricDelta"], [data-testid="stMetricDelta"] div,
[data-testid="stExpander"] summary p, [data-testid="stMarkdownContainer"] td, [data-testid="stMarkdownContainer"] th
  { font-size: max(28px, 1.45vw) !important; line-height: 1.25 !important; }
[data-testid="stHeading"] h1, [data-testid="stHeading"] h2, [data-testid="stHeading"] h3,
[data-testid="stMarkdownContainer"] h4, .foro-salas-titulo .foro-titulo, .foro-curva .foro-titulo { font-size: max(32px, 1.8vw) !important; }
.foro-alerta { font-size: max(30px, 1.6vw) !important; }
[data-testid="stMetricValue"] p, [data-testid="stMetricValue"] div { font-size: inherit !important; line-height: inherit !important; }
.stApp [data-testid="stMetricLabel"] p, .stApp [data-testid="stMetricLabel"] div { font-size: max(28px, 1.45vw) !important; }
.foro-cifra-etiqueta, .foro-cifra-bajo { font-size: max(28px, 1.45vw) !important; line-height: 1.25 !important; }
[class*="st-key-nivel-"] [data-testid="stVerticalBlock"] { gap: 0.3rem; }
[class*="st-key-nivel-"] [data-testid="stMarkdownContainer"] p, [class*="st-key-nivel-"] [data-testid="stCaptionContainer"] p {
  display: -webkit-box; -webkit-line-clamp: 1 !important; -webkit-box-orient: vertical; overflow: hidden; margin-bottom: 0; }
[class*="st-key-nivel-"] h3 { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
[class*="st-key-nivel-"] [data-testid="stMarkdownContainer"] h4 { font-size: max(28px, 1.5vw) !important;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
/* Figure and level pill stay on one row (the pill is cut, never the row doubled). */
[class*="st-key-nivel-"] [data-testid="stHorizontalBlock"] { flex-wrap: nowrap !important; }
[class*="st-key-nivel-"] [data-testid="stHorizontalBlock"] > [data-testid="stElementContainer"] { min-width: 0; flex-shrink: 1; }
[class*="st-key-nivel-"] [data-testid="stHorizontalBlock"] > [data-testid="stElementContainer"]:first-child { flex-shrink: 0; }
/* The room strip (ui.components.strip_html): one line per fact, cut with an ellipsis. */
.foro-sala > div { font-size: max(28px, 1.45vw) !important; line-height: 1.25 !important;
  -webkit-line-clamp: 1 !important; }
.foro-sala .foro-sala-cifra { font-size: max(36px, 2.2vw) !important; line-height: 1.15 !important; }
/* The card colour carries the level on the wall; a blue bar on a red card only confused. */
[class*="st-key-nivel-"] [data-testid="stElementContainer"]:has([data-testid="stProgress"]) { display: none !important; }
/* Shorter screens drop lines, never shrink them: first the next session, then the current one. */
/* The keyed block's wrapper goes too: an empty wrapper still takes the card's gap. */
@media (max-height: 900px) { div:has(> [class*="st-key-foro-sala-despues"]), .foro-sala-despues { display: none !important; } }
@media (max-height: 800px) { div:has(> [class*="st-key-foro-sala-big"]), div:has(> [class*="st-key-foro-sala-despues"]),
  .foro-sala-big, .foro-sala-despues { display: none !important; }
  .block-container, [data-testid="stMainBlockContainer"] { padding-top: 0.4rem !important; }
  [class*="st-key-nivel-"], .foro-sala { padding: 0.35rem 0.7rem !important; }
  .foro-salas-titulo { margin-bottom: 0.1rem !important; }
  .foro-sala .foro-sala-cifra { font-size: 30px !important; } }
/* A tall wall has room for a room's full name on two lines. */
@media (min-height: 1000px) { .foro-sala .foro-sala-nombre { -webkit-line-clamp: 2 !important; } }
}
</style>
"""

# The big screen: room cards readable from five metres on 1920×1080 (its figures: HEADLINE_CSS).
BIG_CSS = """
<style>
.foro-sala .foro-sala-nombre { font-size: clamp(1rem, 1.25vw, 1.6rem); line-height: 1.2; -webkit-line-clamp: 2; }
.foro-sala .foro-sala-cifra { font-size: clamp(1.5rem, 2.1vw, 2.7rem); line-height: 1.1; }
.foro-sala .foro-sala-big, .foro-sala .foro-sala-despues { font-size: clamp(0.85rem, 0.95vw, 1.2rem); line-height: 1.3; -webkit-line-clamp: 2; }
[data-testid="stCaptionContainer"] p { font-size: clamp(0.85rem, 1.2vw, 1.5rem); }
</style>
"""


def style(css: str) -> None:
    """Static CSS of ours (never Sheet text)."""
    st.html(css)


def _fail_safely(lang: str, exc: Exception) -> None:
    if os.environ.get(RAISE_ENV):
        raise exc
    log.exception("page failed")
    st.error(t("error.pagina", lang))


def banners(ctx: Ctx, now: datetime, limite_s: float | None = None, live: Live | None = None) -> None:
    """Demo ribbon, data age and, when the source fails, the stale banner.

    The age line is counted by the browser (``status_line``): ``limite_s`` is how long it may go
    without a new render before it turns into the "sin datos nuevos" banner (None: never).
    """
    f = ctx.snap.fuente
    if f.tipo == "demo":
        st.markdown(f":violet-background[**{md_escape(t('banner.demo', ctx.lang))}**]")
    edad = age((now - f.leido_en).total_seconds(), ctx.lang)
    if f.estado == "desactualizado":
        st.warning(
            t(
                "banner.desactualizado",
                ctx.lang,
                cuando=day_hour(f.leido_en, ctx.lang, ctx.snap.tz),
                edad=edad,
                motivo=md_escape(access.reason_for(ctx.role, f.motivo_in(ctx.lang) or "—", ctx.cfg.identifiers())),
            ),
            icon=None,
        )
    st.html(status_line(ctx, now, limite_s, live))


# Shipped with the app and inlined (no request, no CDN); see the file's header for what it does.
_EDAD_JS = (_ROOT / "static" / "foro-edad.js").read_text(encoding="utf-8")
ENGINE_KEY = "foro-motor"


def engine() -> None:
    """static/foro-edad.js, once per page run rather than in every redraw (8 KB each, times every
    viewer): it installs itself in the browser tab and reads each redraw's status line by itself."""
    with st.container(key=ENGINE_KEY):
        st.html(f"<script>{_EDAD_JS}</script>", unsafe_allow_javascript=True)


def stale_after_s(refresco_s: float) -> float:
    """How long a screen may go without new figures before it says so: two refreshes and 5 s.

    >>> stale_after_s(15)
    35.0
    """
    return 2 * float(refresco_s) + 5


@dataclass(frozen=True)
class Live:
    """How the browser keeps a live screen current (static/foro-edad.js): the pulse URL it long-polls
    (None: the watcher fragment's heartbeats instead) and the minute the screen's figures are for
    (None: an organiser's fixed time, which never turns)."""

    pulso: str | None
    minuto: str | None
    vista: str | None = None  # the view's name when the pulse carries its screens (ui.pulse.offer)


def _age_line(ctx: Ctx, now: datetime) -> tuple[str, float, str]:
    """The age line's template ("… hace {edad} · Cifras a las …"), the data's age at ``now`` in
    seconds, and the line filled with it."""
    a_las = t("banner.a_las", ctx.lang, hora=day_hour(ctx.as_of, ctx.lang))
    linea = t("banner.actualizado", ctx.lang, edad="{edad}") + " · " + a_las
    edad0 = max(0.0, (now - ctx.snap.fuente.leido_en).total_seconds())
    return linea, edad0, linea.replace("{edad}", age(edad0, ctx.lang))


def age_text(ctx: Ctx, now: datetime) -> str:
    """ "Actualizado hace 12 s · Cifras a las 19/6 11:15": the data age at ``now``."""
    return _age_line(ctx, now)[2]


def status_line(ctx: Ctx, now: datetime, limite_s: float | None, live: Live | None = None) -> str:
    """The data-age line as HTML for ``st.html``: the server's text, plus what the browser (``engine``)
    needs to keep counting (age at render, a render token, the data token, the translated
    sentences). Our text only."""
    linea, edad0, text = _age_line(ctx, now)
    datos = {
        "token": f"{now.timestamp():.3f}",
        "edad0": edad0,
        "limite": limite_s,
        "datos": pulse.data_token(ctx.snap),
        "pulso": live.pulso if live else None,
        "minuto": live.minuto if live else None,
        "vista": live.vista if live else None,
        "estado": ctx.snap.fuente.estado,
        "linea": linea,
        "sin_datos": t("banner.sin_datos_nuevos", ctx.lang, hora=hour(ctx.as_of, ctx.snap.tz)),
        "unidades": {u: t(f"edad.{u}", ctx.lang, n="{n}", m="{m}") for u in ("s", "min", "h")},
    }
    return (
        f'<div class="foro-edad" role="status" data-foro="{html.escape(json.dumps(datos), quote=True)}">'
        f'<span class="foro-edad-texto">{html.escape(text)}</span></div>'
    )


_SLIDER = "_hora_slider"


def _as_of_control(cfg: Config, snap: Snapshot, lang: str) -> None:
    """Organisers may look at any time of the forum day (rehearsal, "how was it at 10:00")."""
    with st.sidebar:
        st.markdown(f"**{md_escape(t('side.hora', lang))}**")
        choose = st.toggle(t("side.hora.elegir", lang), key="_elegir_hora", help=t("side.hora.ayuda", lang))
        if not choose:
            st.session_state.pop(data.AS_OF_CHOSEN, None)
            return
        start, end = metrics.dia_del_foro(snap)
        start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
        # A keyed slider keeps the viewer's choice across reruns; seed it once, a third into the day.
        current = st.session_state.get(_SLIDER)
        if not isinstance(current, datetime) or not start <= current <= end:
            st.session_state[_SLIDER] = start + (end - start) / 3
        picked = st.slider(
            t("side.hora", lang),
            min_value=start,
            max_value=end,
            step=timedelta(minutes=15),
            format="HH:mm",
            label_visibility="collapsed",
            key=_SLIDER,
        )
        st.session_state[data.AS_OF_CHOSEN] = picked.replace(tzinfo=snap.tz)


def _refused(page_id: str, ses: gate.Sesion) -> None:
    need = "socios" if page_id == "socios" else "organizacion"
    st.warning(t("acceso.denegado", ses.lang, rol=t(f"acceso.{need}", ses.lang)))


DRAWN = "_vista_dibujada"  # the view token of this session's last screen render
REDRAW_KEY = "foro-redibujar"  # the hidden button the browser clicks to redraw the screen
WATCH_KEY = "foro-vigia"


def safety_rerun_s(poll_s: float) -> float:
    """The screen redraws by itself this often even if no redraw request arrives (a browser
    without scripts, a lost click): slow, so that hundreds of idle viewers cost little.

    >>> safety_rerun_s(5.25), safety_rerun_s(15.75)
    (60.0, 94.5)
    """
    return max(60.0, 6 * poll_s)


def view_token(view: tuple[Hashable, ...], snap: Snapshot) -> str:
    """A short name for what a screen shows: the view plus the source's state (a failing Sheet
    must show its banner at once, although the figures stay the same)."""
    f = snap.fuente
    return hashlib.blake2b(repr((view, f.estado, f.motivo)).encode("utf-8"), digest_size=8).hexdigest()


def redraw_button() -> None:
    """Hidden (_BASE_CSS); static/foro-edad.js clicks it when the watcher says the screen is behind."""
    st.button("↻", key=REDRAW_KEY)


def heartbeat(current: str, drawn: object, snap: Snapshot, now: datetime) -> str:
    """The watcher's element: the current view token, whether this screen must redraw, and the
    age of the data now (the browser's age line restarts from it when nothing changed)."""
    datos = {
        "token": f"{now.timestamp():.3f}",
        "vista": current,
        "redibujar": current != drawn,
        "edad0": max(0.0, (now - snap.fuente.leido_en).total_seconds()),
    }
    return f'<div class="foro-latido" data-foro="{html.escape(json.dumps(datos), quote=True)}"></div>'


def carried_screen(page_id: str, screen: Callable[[Ctx], str | None], ctx: Ctx) -> str:
    """A carried page's screen (``screen`` returns our HTML), once per view for its sessions and
    the pulse, in the block static/foro-edad.js swaps."""
    return shared.once(ctx.view, f"pantalla:{page_id}", lambda: f'<div class="foro-pantalla">{screen(ctx)}</div>')


def _offer(page_id: str, screen: Callable[[Ctx], str | None], ctx: Ctx, limite_s: float, pulso: str) -> str:
    """Let the pulse carry this view's screen (ui.pulse.offer): how to draw it for a newer snapshot
    and minute. Returns the view's name, for the status line."""
    cfg, lang, role, kiosk = ctx.cfg, ctx.lang, ctx.role, ctx.kiosk

    def render(snap: Snapshot, minuto: str) -> pulse.Carried:
        later = Ctx(cfg, snap, data.as_of_of_minute(minuto, snap.tz), lang, role, kiosk)
        return pulse.Carried(
            carried_screen(page_id, screen, later),
            status_line(later, data.real_now(), limite_s, Live(pulso, minuto, vista)),
        )

    vista = pulse.offer((page_id, role, lang, kiosk, id(cfg), pulso, limite_s), render)
    return vista


def live_page(
    page_id: str,
    screen: Callable[[Ctx], str | None],
    *,
    big: bool = False,
    refresh: bool = True,
    carried: bool = False,
) -> None:
    """Draw a page: check access, then redraw ``screen`` every refresh interval with fresh data.

    ``carried``: ``screen`` returns the whole live screen as one HTML block of ours instead of
    drawing it; a live viewer's new figures then arrive with the pulse, with no run on the server
    (ui.pulse: the many-viewers page, En vivo)."""
    lang = gate.lang()
    try:
        cfg = data.config()
    except ConfigError as e:
        # No role without a config: the server path is hidden from everyone here and logged.
        log.warning("configuración inválida: %s", e)
        st.error(
            t(
                "banner.config",
                lang,
                motivo=md_escape(access.reason_for("publico", e.reason_in(lang), (str(config_path()),))),
            )
        )
        return
    ses = gate.session(cfg)
    style(_BASE_CSS)
    if ses.kiosk:
        style(_KIOSK_CSS)
    if big:
        style(BIG_CSS)
    # Second lock: the navigation already hides the page, this refuses a direct visit.
    if not access.may_open(ses.role, page_id):
        _refused(page_id, ses)
        return
    if not st.session_state.get(gate.NAV_OK):
        # Reached without dashboard.py (a fresh server's first visitor opened this URL): go
        # through the navigation, which brings the viewer back to this page.
        st.session_state[gate.GO_TO] = page_id
        st.switch_page(str(_ROOT / "dashboard.py"), query_params=gate.carried_params())
    may_choose_time = ses.role == "organizacion" and not ses.kiosk
    snap0 = _safe_snapshot(cfg, lang)
    if snap0 is not None and may_choose_time:
        _as_of_control(cfg, snap0, lang)

    if ses.kiosk and gate.rotation_seconds():
        _rotation(page_id, ses.role, gate.rotation_seconds())
    engine()

    # Issue 14: the screen fragment redraws when the browser clicks its hidden button, and slowly
    # anyway. The browser asks when the data changed (it long-polls ui.pulse, mounted by serve.py)
    # or the as-of minute turned. Without the pulse route (``streamlit run dashboard.py``) a watcher
    # fragment, run every poll interval, keeps the feed reading and sends heartbeats instead.
    poll_s = data.feed(cfg).poll_every_s
    pulso = data.pulse_url(cfg) if refresh else None

    @st.fragment(run_every=safety_rerun_s(poll_s) if refresh else None)
    def _live() -> None:
        gate.pace(cfg, "fragment")
        snap = _safe_snapshot(cfg, lang)
        if snap is None:
            st.info(t("banner.sin_datos", lang))
            return
        try:
            with shared.turn():
                started = time.perf_counter()
                ctx = Ctx(cfg, snap, data.as_of(cfg, snap, may_choose_time), lang, ses.role, ses.kiosk)
                st.session_state[DRAWN] = view_token(ctx.view, snap)
                redraw_button()
                moving = data.chosen_as_of(may_choose_time) is None
                minuto = data.minute_of(ctx.as_of) if moving else None
                limite = stale_after_s(cfg.refresco_segundos) if refresh else None
                vista = None
                if carried and pulso and minuto and limite:
                    vista = _offer(page_id, screen, ctx, limite, pulso)
                live = Live(pulso, minuto, vista) if refresh else None
                banners(ctx, data.real_now(), limite, live)
                if carried:
                    st.html(carried_screen(page_id, screen, ctx))
                else:
                    screen(ctx)
                shared.DRAW_COST.note(time.perf_counter() - started)
        except Exception as e:  # noqa: BLE001 - the page must never show a traceback
            _fail_safely(lang, e)

    _live()
    if refresh and pulso is None:

        @st.fragment(run_every=poll_s)
        def _watch() -> None:
            gate.pace(cfg, "fragment")
            snap = _safe_snapshot(cfg, lang)
            if snap is None:
                return
            try:
                view = Ctx(cfg, snap, data.as_of_now(cfg, snap, may_choose_time), lang, ses.role, ses.kiosk).view
                st.html(heartbeat(view_token(view, snap), st.session_state.get(DRAWN), snap, data.real_now()))
            except Exception as e:  # noqa: BLE001
                _fail_safely(lang, e)

        with st.container(key=WATCH_KEY, height=1, border=False):
            _watch()


# The views an unattended screen cycles through (those a role may open, in this order).
ROTATION: tuple[str, ...] = ("en_vivo", "salas", "mapa")


def rotation_target(pages: tuple[str, ...], epoch_s: float, seconds: int) -> str:
    """Which page the wall clock says to show: every screen of the venue shows the same one.

    >>> rotation_target(("en_vivo", "salas"), 35, 30)
    'salas'
    """
    return pages[int(epoch_s // seconds) % len(pages)]


def _rotation(page_id: str, role: str, seconds: int) -> None:
    pages = tuple(p for p in ROTATION if access.may_open(role, p))
    if page_id not in pages or len(pages) < 2:
        return

    @st.fragment(run_every=min(seconds, 5))
    def _tick() -> None:
        target = rotation_target(pages, data.real_now().timestamp(), seconds)
        if target != page_id:
            st.switch_page(str(_ROOT / access.PAGE_BY_ID[target].file), query_params=gate.carried_params())

    _tick()


def _safe_snapshot(cfg: Config, lang: str) -> Snapshot | None:
    try:
        return data.snapshot(cfg)
    except Exception as e:  # noqa: BLE001 - a source bug must not reach the screen
        _fail_safely(lang, e)
        return None
