"""The app's data access: the configuration, one cached feed per server, a viewer's as-of time.

Every viewer of the server shares one feed (a process-level object that a client's ``clear_cache``
message cannot drop); the feed decides how often the source is read, so 1 or 200 viewers cost the
same Sheet requests.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone, tzinfo

import streamlit as st

from foro_data.config import Config, ConfigError, config_from_dict, config_path, load_config
from foro_data.live import LiveFeed
from foro_data.per_process import PerProcess
from foro_data.replay import DAY_START, ReplayClock, parse_hhmm
from foro_data.snapshot import Snapshot

from . import pulse, shared

# Session-state keys shared with the sidebar controls and read by tests.
AS_OF_CHOSEN = "hora_elegida"  # a datetime chosen by an organiser, or absent for "now"
AS_OF_SHOWN = "_as_of"  # the as-of time of the last render (tests compare figures with it)
SNAP_SHOWN = "_snap"  # the Snapshot of the last render (a reference to the shared one)


@st.cache_resource(show_spinner=False)
def _config_cached(env_path: str, mtime: float) -> Config:
    # Keyed by path and modification time: editing secrets.toml takes effect without a restart.
    cfg = load_config()
    if cfg.path is None and not env_path:
        return _streamlit_secrets() or cfg
    return cfg


def _streamlit_secrets() -> Config | None:
    """The secrets Streamlit itself found when our file is absent: Streamlit Community Cloud keeps
    the TOML pasted in the app's settings where ``st.secrets`` reads it, not necessarily in
    .streamlit/secrets.toml. Same sections, same checks as the file."""
    try:
        if not st.secrets.load_if_toml_exists():
            return None
        data = st.secrets.to_dict()
    except (FileNotFoundError, OSError, ValueError):  # Streamlit's own parse errors are ValueErrors
        return None
    return config_from_dict(data) if data else None


def config() -> Config:
    """The configuration (raises foro_data.config.ConfigError: a code and its sentence)."""
    p = config_path()
    mtime = p.stat().st_mtime if p.exists() else 0.0
    return _config_cached(os.environ.get("FORO_SECRETS", ""), mtime)


def _cache_key(cfg: Config) -> str:
    return "|".join(
        str(x)
        for x in (
            cfg.fuente,
            cfg.get("planilla"),
            cfg.get("archivo"),
            cfg.refresco_segundos,
            cfg.path,
            cfg.get("redis_url"),
        )
    )


_FEEDS = PerProcess[LiveFeed]("feed")
_CLOCKS = PerProcess[ReplayClock]("replay")


def _feed(cache_key: str, cfg: Config) -> LiveFeed:
    # The feed names its last-good cache file on disk: one per data source (none for the demo).
    return _FEEDS.get(cache_key, lambda: LiveFeed.from_config(cfg))


def feed(cfg: Config) -> LiveFeed:
    return _feed(_cache_key(cfg), cfg)


def snapshot(cfg: Config) -> Snapshot | None:
    """The current Snapshot for every viewer (None only before the first good read)."""
    return feed(cfg).current()


def _replay_clock(cache_key: str, inicio: str, velocidad: float) -> ReplayClock:
    # Started once per server, so every screen of a rehearsal shows the same moment.
    return _CLOCKS.get(
        f"{cache_key}|{inicio}|{velocidad}",
        lambda: ReplayClock(datetime.now(timezone.utc), inicio=parse_hhmm(inicio) or DAY_START, velocidad=velocidad),
    )


def real_now() -> datetime:
    return datetime.now(timezone.utc)


def _moving_now(cfg: Config) -> tuple[datetime, float]:
    """The instant the live figures are for, and how many of its seconds pass per real second:
    the demo's replay clock, else now."""
    if cfg.is_demo:
        speed = float(cfg.get("demo_velocidad"))
        clock = _replay_clock(_cache_key(cfg), str(cfg.get("demo_inicio")), speed)
        return clock.as_of(real_now()), speed
    return real_now(), 1.0


def chosen_as_of(may_choose: bool) -> datetime | None:
    """The time an organiser chose to look at, if any (a fixed time: its figures never move)."""
    chosen = st.session_state.get(AS_OF_CHOSEN) if may_choose else None
    return chosen if isinstance(chosen, datetime) else None


def as_of_now(cfg: Config, snap: Snapshot, may_choose: bool) -> datetime:
    """The viewer's as-of time: an organiser's choice, else the demo's replay clock, else now, at
    the end of its minute so that every viewer of that minute shares its figures (ui.shared)."""
    chosen = chosen_as_of(may_choose)
    if chosen is not None:
        return chosen.astimezone(snap.tz)  # exactly the time asked for
    value, _ = _moving_now(cfg)
    return shared.canonical_as_of(value.astimezone(snap.tz))


def live_minute(cfg: Config) -> str:
    """The minute the live figures are for now (the demo's replay clock, else now), as the pulse
    and the screens name it (``minute_of``)."""
    return minute_of(_moving_now(cfg)[0])


def minute_of(as_of: datetime) -> str:
    """A minute's name, the same from any time zone.

    >>> minute_of(datetime(2025, 6, 19, 10, 42, 59, tzinfo=timezone.utc))
    '2025-06-19T10:42'
    """
    return as_of.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M")


def as_of_of_minute(minuto: str, tz: tzinfo) -> datetime:
    """The as-of instant of a minute named by ``minute_of``: what ``as_of_now`` gives during it.

    >>> from datetime import timedelta
    >>> as_of_of_minute("2025-06-19T13:42", timezone(timedelta(hours=-3))).isoformat()
    '2025-06-19T10:42:59.999999-03:00'
    """
    start = datetime.strptime(minuto, "%Y-%m-%dT%H:%M").replace(tzinfo=timezone.utc)
    return shared.canonical_as_of(start.astimezone(tz))


def pulse_url(cfg: Config) -> str | None:
    """Where this viewer's browser hears of each new read (ui.pulse); None when the server was
    started without the route (``streamlit run dashboard.py``)."""
    if not pulse.served():
        return None
    key = _cache_key(cfg)
    return pulse.listen(key, _feed(key, cfg), lambda: live_minute(cfg))


def listen_configured() -> None:
    """Makes the configured source's pulse (``pulse_url``) on a process that has drawn no page
    yet: ui.pulse calls it when a screen asks for a feed it does not know (serve.py)."""
    try:
        pulse_url(config())
    except ConfigError:  # nothing to adopt: the screen gets 404 and its page shows the config error
        pass


def as_of(cfg: Config, snap: Snapshot, may_choose: bool) -> datetime:
    """``as_of_now`` for a render: also remembered as what this viewer was shown (tests read it)."""
    value = as_of_now(cfg, snap, may_choose)
    st.session_state[AS_OF_SHOWN] = value
    st.session_state[SNAP_SHOWN] = snap
    return value
