"""The last good read of a source, kept on disk so a restarted server or the CLI can show it at once.

One JSON file per source identity, in ``FORO_CACHE_DIR`` or else a per-user cache folder, written
atomically (temporary file + ``os.replace``) so a crash never leaves half a file. The file holds
personal data from the Sheet, so it is readable by its owner only.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from .base import Cell, RawWorkbook

log = logging.getLogger(__name__)

CACHE_DIR_ENV = "FORO_CACHE_DIR"
FORMAT_VERSION = 1


def cache_dir() -> Path:
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "foro-en-vivo"


def key_for(tipo: str, ubicacion: str) -> str:
    """A stable file-name-safe key for a source (``tipo`` + the Sheet key or file path).

    >>> key_for("gsheets", "1AbC") == key_for("gsheets", "1AbC")
    True
    """
    return tipo + "-" + hashlib.sha256(f"{tipo}\n{ubicacion}".encode()).hexdigest()[:12]


def path_for(key: str) -> Path:
    safe = key if re.fullmatch(r"[A-Za-z0-9_.-]{1,80}", key) else hashlib.sha256(key.encode()).hexdigest()[:24]
    return cache_dir() / f"ultima-lectura-{safe}.json"


def save(raw: RawWorkbook, leido_en: datetime, key: str) -> bool:
    """Write the read atomically. Returns False (and logs) when the disk refuses; never raises."""
    path = path_for(key)
    payload = {
        "version": FORMAT_VERSION,
        "leido_en": leido_en.isoformat(),
        "raw": encode_raw(raw),
    }
    tmp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(payload, f, ensure_ascii=False, separators=(",", ":"))
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp_name, 0o600)
        os.replace(tmp_name, path)
        return True
    except (OSError, TypeError, ValueError) as e:
        log.warning("No se pudo guardar la última lectura en %s: %s", path, e)
        if tmp_name:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
        return False


def load(key: str) -> tuple[RawWorkbook, datetime] | None:
    """The last good read and when it was read; None when absent or unreadable (never raises)."""
    path = path_for(key)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != FORMAT_VERSION:
            return None
        leido_en = datetime.fromisoformat(data["leido_en"])
        return decode_raw(data["raw"]), leido_en
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        log.warning("Se ignora la lectura guardada %s (ilegible: %s)", path, e)
        return None


def encode_raw(raw: RawWorkbook) -> dict[str, Any]:
    """The workbook as plain JSON values (also what replicas share through Redis: JSON, never
    pickle, so stored content can never run code).

    >>> decode_raw(encode_raw(RawWorkbook({"A": [["x", 1, date(2025, 6, 19)]]}, serial_dates=True)))
    RawWorkbook(tabs={'A': [['x', 1, datetime.date(2025, 6, 19)]]}, time_zone=None, locale=None, serial_dates=True, read_at=None)
    """
    return {
        "tabs": {title: [[_encode(c) for c in row] for row in rows] for title, rows in raw.tabs.items()},
        "time_zone": raw.time_zone,
        "locale": raw.locale,
        "serial_dates": raw.serial_dates,
    }


def decode_raw(r: Any) -> RawWorkbook:
    """The inverse of ``encode_raw``; ValueError, KeyError, TypeError or AttributeError on anything else."""
    tabs = {str(title): [[_decode(c) for c in row] for row in rows] for title, rows in r["tabs"].items()}
    return RawWorkbook(
        tabs=tabs,
        time_zone=r.get("time_zone"),
        locale=r.get("locale"),
        serial_dates=bool(r.get("serial_dates")),
    )


# Dates are tagged explicitly: a string that merely looks like a date must stay a string.
def _encode(cell: Cell | time) -> Any:
    if isinstance(cell, datetime):
        return {"$datetime": cell.isoformat()}
    if isinstance(cell, date):
        return {"$date": cell.isoformat()}
    if isinstance(cell, time):
        return {"$time": cell.isoformat()}
    if cell is None or isinstance(cell, (str, int, float, bool)):
        return cell
    return str(cell)


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "$datetime" in value:
            return datetime.fromisoformat(value["$datetime"])
        if "$date" in value:
            return date.fromisoformat(value["$date"])
        if "$time" in value:
            return time.fromisoformat(value["$time"])
        raise ValueError(f"unknown cell {value!r}")
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise ValueError(f"unknown cell {value!r}")
