"""Opening the writer from the configuration: which sources can write, and where the outbox lives."""

from __future__ import annotations

import time
from typing import Any, Callable
from zoneinfo import ZoneInfo

from ..catalogue.sheets import SheetsSentence
from ..catalogue.writes import WritesCode
from ..config import Config
from ..outbox import ENVIANDO, PENDIENTE, Outbox, outbox_path
from ..sources.base import SourceError
from ..sources.gsheets import spreadsheet_key
from ..sources.sheets_http import DEFAULT_TIMEOUT
from .appender import SheetAppender
from .operations import WritesUnavailable
from .writer import Writer


def writes_unavailable_reason(config: Config) -> WritesUnavailable | None:
    """Why this configuration cannot write (None when it can)."""
    if config.fuente == "demo":
        return WritesUnavailable(WritesCode.DEMO)
    if config.fuente == "archivo":
        return WritesUnavailable(WritesCode.ARCHIVO)
    if config.fuente != "gsheets" or not config.get("planilla") or not config.service_account:
        return WritesUnavailable(WritesCode.CONFIGURACION)
    return None


def open_writer(
    config: Config,
    *,
    tz: ZoneInfo | None = None,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    wall: Callable[[], float] = time.time,
    **kwargs: Any,
) -> Writer:
    """The writer for the configured Sheet, with its outbox under FORO_CACHE_DIR.

    Raises WritesUnavailable for the demo and for local files (with a Spanish reason)."""
    why = writes_unavailable_reason(config)
    if why is not None:
        raise why
    assert config.service_account is not None
    try:
        appender = SheetAppender(str(config.get("planilla")), config.service_account, timeout=timeout)
    except SourceError:  # a planilla value that is neither a URL nor a key
        raise WritesUnavailable(
            WritesCode.CONFIGURACION, SheetsSentence.CLAVE_ILEGIBLE, texto=str(config.get("planilla")).strip()
        ) from None
    zone = tz or ZoneInfo(str(config.get("zona_horaria")))
    return Writer(Outbox(outbox_path(appender.key)), appender, tz=zone, wall=wall, **kwargs)


def has_pending(config: Config) -> bool:
    """Whether this configuration's outbox holds rows not yet on the Sheet (pending, or claimed by
    a sender that died mid-request). Reads only the local file: no request to Google, and no
    outbox file is created for a Sheet that never had one."""
    if writes_unavailable_reason(config) is not None:
        return False
    try:
        path = outbox_path(spreadsheet_key(str(config.get("planilla"))))
    except SourceError:
        return False
    if not path.exists():
        return False
    counts = Outbox(path).counts()
    return counts.get(PENDIENTE, 0) + counts.get(ENVIANDO, 0) > 0
