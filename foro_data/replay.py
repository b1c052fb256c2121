"""The rehearsal clock: the real time of a rehearsal mapped onto the demo forum day, so a big
screen keeps moving. Kept apart from the demo generator because the running app needs only this."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from .schema import DEFAULT_TIME_ZONE

# The demo forum day (foro_data.demo generates its Sheet).
EVENT_DATE = date(2025, 6, 19)
EVENT_TZ = ZoneInfo(DEFAULT_TIME_ZONE)
DAY_START = time(8, 0)
DAY_END = time(20, 0)


def parse_hhmm(value: object) -> time | None:
    """``"HH:MM"`` as a time, or None when it is not one.

    >>> parse_hhmm("08:30"), parse_hhmm("25:00"), parse_hhmm("ocho")
    (datetime.time(8, 30), None, None)
    """
    try:
        hh, mm = (int(x) for x in str(value).split(":"))
        return time(hh, mm)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class ReplayClock:
    """Maps the real time of a rehearsal onto the forum day, ``velocidad`` forum minutes per minute.

    The replay starts at ``inicio`` (event-local) when the real clock reads ``started_at``. The forum
    time never leaves [inicio, 20:00] of 19 June 2025. Chosen behaviour at the end of the day:
    ``al_terminar="repetir"`` (default) wraps back to ``inicio``, so an unattended rehearsal screen
    keeps moving; ``"detener"`` stays at 20:00. Before ``started_at`` the clock shows ``inicio``.

    >>> start = datetime(2026, 1, 1, 12, 0, tzinfo=ZoneInfo("UTC"))
    >>> ReplayClock(start).as_of(start + timedelta(seconds=90)).isoformat()  # 90 s x 60 = 90 min
    '2025-06-19T09:30:00-03:00'
    """

    started_at: datetime
    inicio: time = DAY_START
    velocidad: float = 60.0
    al_terminar: Literal["repetir", "detener"] = "repetir"

    def __post_init__(self) -> None:
        if self.started_at.tzinfo is None or self.started_at.utcoffset() is None:
            raise ValueError("started_at debe incluir zona horaria")
        if not self.velocidad > 0:
            raise ValueError("velocidad debe ser positiva")
        if self.inicio >= DAY_END:
            raise ValueError("inicio debe ser anterior a las 20:00")
        if self.al_terminar not in ("repetir", "detener"):
            raise ValueError("al_terminar debe ser 'repetir' o 'detener'")

    @property
    def day_start(self) -> datetime:
        return datetime.combine(EVENT_DATE, self.inicio, tzinfo=EVENT_TZ)

    @property
    def day_end(self) -> datetime:
        return datetime.combine(EVENT_DATE, DAY_END, tzinfo=EVENT_TZ)

    def as_of(self, real_now: datetime) -> datetime:
        """Forum time (aware, event time zone) shown when the real clock reads ``real_now``."""
        if real_now.tzinfo is None or real_now.utcoffset() is None:
            raise ValueError("real_now debe incluir zona horaria")
        elapsed = (real_now - self.started_at) * self.velocidad
        if elapsed <= timedelta(0):
            return self.day_start
        span = self.day_end - self.day_start
        if elapsed >= span:
            if self.al_terminar == "detener":
                return self.day_end
            elapsed = elapsed % span
        return self.day_start + elapsed
