"""The durable outbox of writes to the Sheet: one SQLite file (WAL) per Sheet under FORO_CACHE_DIR.

Each row to append is one record, keyed by a ``clave`` unique to that row (the operation id, plus
a suffix when one user action writes several rows), so enqueuing the same action twice stores it
once. States::

    pendiente ──claim──▶ enviando ──2xx / found on the Sheet──▶ enviada
        ▲                   │
        └── retry (dudosa ◀─┤ after an ambiguous failure: check the Sheet before resending)
                            └── error_permanente (reason in Spanish; ``reintentar`` puts it back)

Several threads and processes (two app servers, the CLI) share the file: a flush *claims* rows in
one ``BEGIN IMMEDIATE`` transaction with a lease (owner pid + expiry), so two flushers never send
the same row. A claim whose lease expired, or whose owner process is gone (killed mid-flush), is
taken back as *dudosa*: the append may have reached the Sheet, so the sender looks first.

Time is a parameter: every method that needs "now" takes ``now`` (wall seconds, time.time()).
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .errors import Said
from .sources import cache

PENDIENTE, ENVIANDO, ENVIADA, ERROR_PERMANENTE = "pendiente", "enviando", "enviada", "error_permanente"
LEASE_S = 120.0  # longer than any flush (timeouts are seconds), short enough to recover a crash
BUSY_TIMEOUT_MS = 15_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS filas (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    clave TEXT NOT NULL UNIQUE,
    id_operacion TEXT NOT NULL,
    tipo TEXT NOT NULL,
    pestana TEXT NOT NULL,
    valores TEXT NOT NULL,
    operacion TEXT NOT NULL,
    estado TEXT NOT NULL,
    dudosa INTEGER NOT NULL DEFAULT 0,
    intentos INTEGER NOT NULL DEFAULT 0,
    motivo TEXT NOT NULL DEFAULT '',
    codigo TEXT NOT NULL DEFAULT '',
    dueno INTEGER,
    hasta REAL,
    encolada_en REAL NOT NULL,
    enviada_en REAL
);
CREATE INDEX IF NOT EXISTS filas_estado ON filas (estado, n);
CREATE TABLE IF NOT EXISTS estado (clave TEXT PRIMARY KEY, valor TEXT NOT NULL);
"""


@dataclass(frozen=True)
class Fila:
    """One row waiting for (or done with) the Sheet."""

    n: int  # insertion order
    clave: str
    id_operacion: str
    tipo: str  # the operation kind: conteo | acreditacion | anulacion | inscripcion
    pestana: str  # canonical tab name
    valores: dict[str, Any]  # canonical column -> cell as sent (USER_ENTERED)
    operacion: dict[str, Any]  # the whole operation, for the optimistic view
    estado: str
    dudosa: bool
    intentos: int
    reason: str  # Spanish, why the last attempt failed (SQL column ``motivo``)
    code: str  # SheetsCode of that failure (SQL column ``codigo``)
    encolada_en: float
    enviada_en: float | None


@dataclass(frozen=True)
class SenderState:
    """What every sender on this outbox shares (threads, app servers, the CLI): a block, the
    back-off schedule, the last error and the warnings about the Sheet's columns. Epoch seconds."""

    bloqueo: str = ""  # a WritesCode (solo_lectura) while the Sheet refuses every write; "" otherwise
    fallas: int = 0  # consecutive failed flushes, for the back-off
    proximo_intento: float | None = None  # no flush before this (back-off)
    no_antes_de: float | None = None  # no request before this (Google's Retry-After)
    ultimo_error: tuple[Said, ...] = ()  # what the last failure said ("" when the last flush went well)
    avisos: tuple[Said, ...] = ()  # columns the Sheet lacks, a header the sender added

    def to_json(self) -> str:
        d = dataclasses.asdict(self)
        d["ultimo_error"] = [s.to_json() for s in self.ultimo_error]
        d["avisos"] = [s.to_json() for s in self.avisos]
        return json.dumps(d, ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: str) -> "SenderState":
        if not raw:
            return cls()
        d = json.loads(raw)
        for k in ("ultimo_error", "avisos"):
            d[k] = tuple(Said.from_json(v) for v in d.get(k) or ())
        return cls(**{f.name: d[f.name] for f in dataclasses.fields(cls) if f.name in d})


_STATE_KEY = "envio"


def outbox_path(sheet_key: str) -> Path:
    """One file per Sheet, beside the last-good read (``sources.cache.cache_dir``)."""
    return cache.cache_dir() / f"escrituras-{cache.key_for('gsheets', sheet_key)}.sqlite3"


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


class Outbox:
    """Thread- and process-safe: every call opens its own short connection."""

    def __init__(self, path: Path, *, lease_s: float = LEASE_S):
        self.path = Path(path)
        self.lease_s = lease_s
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode = WAL")  # readers never wait for the flusher
            db.executescript(_SCHEMA)  # idempotent; commits by itself
        finally:
            db.close()
        try:
            os.chmod(self.path, 0o600)  # personal data of walk-ins lives here until sent
        except OSError:
            pass

    @contextmanager
    def _db(self, immediate: bool = False) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA synchronous = FULL")  # an accepted action must survive a power cut
            db.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        finally:
            db.close()

    # --- writing side ----------------------------------------------------------------------

    def add(self, filas: list[tuple[str, str, str, str, dict[str, Any], dict[str, Any]]], now: float) -> int:
        """Store rows (clave, id_operacion, tipo, pestana, valores, operacion) in one transaction.

        A clave already stored is ignored (a double click is one action). Returns rows added."""
        added = 0
        with self._db(immediate=True) as db:
            for clave, op_id, tipo, pestana, valores, operacion in filas:
                cur = db.execute(
                    "INSERT OR IGNORE INTO filas (clave, id_operacion, tipo, pestana, valores, operacion, estado,"
                    " encolada_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        clave,
                        op_id,
                        tipo,
                        pestana,
                        json.dumps(valores, ensure_ascii=False),
                        json.dumps(operacion, ensure_ascii=False),
                        PENDIENTE,
                        now,
                    ),
                )
                added += cur.rowcount
        return added

    def claim(self, now: float) -> list[Fila]:
        """Take every sendable row for this process: pending ones, and stale claims (as dudosa)."""
        pid = os.getpid()
        with self._db(immediate=True) as db:
            for n, dueno, hasta in db.execute(
                "SELECT n, dueno, hasta FROM filas WHERE estado = ?", (ENVIANDO,)
            ).fetchall():
                if (hasta is not None and hasta < now) or (dueno is not None and not _pid_alive(int(dueno))):
                    # Its flusher died or hung mid-request: the append may have landed.
                    db.execute(
                        "UPDATE filas SET estado = ?, dudosa = 1, dueno = NULL, hasta = NULL WHERE n = ?",
                        (PENDIENTE, n),
                    )
            rows = db.execute(f"SELECT {_COLUMNS} FROM filas WHERE estado = ? ORDER BY n", (PENDIENTE,)).fetchall()
            if rows:
                db.execute(
                    f"UPDATE filas SET estado = ?, dueno = ?, hasta = ?, intentos = intentos + 1 "
                    f"WHERE n IN ({','.join('?' * len(rows))})",
                    (ENVIANDO, pid, now + self.lease_s, *[r[0] for r in rows]),
                )
        return [_fila(r, estado=ENVIANDO) for r in rows]

    def mark_sent(self, claves: list[str], now: float) -> None:
        self._set(
            claves,
            "estado = ?, enviada_en = ?, dudosa = 0, motivo = '', codigo = '', dueno = NULL, hasta = NULL",
            (ENVIADA, now),
        )

    def release(self, claves: list[str], reason: str, code: str, *, dudosa: bool) -> None:
        """Back to pendiente after a transient failure; ``dudosa`` when the Sheet may have it."""
        extra = ", dudosa = 1" if dudosa else ""
        self._set(
            claves, f"estado = ?, motivo = ?, codigo = ?, dueno = NULL, hasta = NULL{extra}", (PENDIENTE, reason, code)
        )

    def fail(self, claves: list[str], reason: str, code: str) -> None:
        self._set(
            claves, "estado = ?, motivo = ?, codigo = ?, dueno = NULL, hasta = NULL", (ERROR_PERMANENTE, reason, code)
        )

    def retry_failed(self) -> int:
        """error_permanente -> pendiente, once the Sheet was fixed (shared as Editor, column added).
        A row only fails on a definite refusal, so it cannot be on the Sheet already."""
        with self._db(immediate=True) as db:
            return db.execute(
                "UPDATE filas SET estado = ?, motivo = '', codigo = '' WHERE estado = ?", (PENDIENTE, ERROR_PERMANENTE)
            ).rowcount

    def _set(self, claves: list[str], assignments: str, values: tuple[Any, ...]) -> None:
        if not claves:
            return
        with self._db(immediate=True) as db:
            for i in range(0, len(claves), 500):
                chunk = claves[i : i + 500]
                db.execute(
                    f"UPDATE filas SET {assignments} WHERE clave IN ({','.join('?' * len(chunk))})", (*values, *chunk)
                )

    # --- key/value store (the sender's state lives under one key) ---------------------------

    def get_flag(self, clave: str) -> str:
        with self._db() as db:
            row = db.execute("SELECT valor FROM estado WHERE clave = ?", (clave,)).fetchone()
        return row[0] if row else ""

    def set_flag(self, clave: str, valor: str) -> None:
        with self._db(immediate=True) as db:
            if valor:
                db.execute(
                    "INSERT INTO estado (clave, valor) VALUES (?, ?) "
                    "ON CONFLICT(clave) DO UPDATE SET valor = excluded.valor",
                    (clave, valor),
                )
            else:
                db.execute("DELETE FROM estado WHERE clave = ?", (clave,))

    # --- the sender's shared state ---------------------------------------------------------

    def state(self) -> SenderState:
        return SenderState.from_json(self.get_flag(_STATE_KEY))

    def update_state(self, **changes: Any) -> SenderState:
        """Change some fields of the shared state in one transaction (no lost update between
        processes); returns the new state."""
        with self._db(immediate=True) as db:
            row = db.execute("SELECT valor FROM estado WHERE clave = ?", (_STATE_KEY,)).fetchone()
            new = dataclasses.replace(SenderState.from_json(row[0] if row else ""), **changes)
            db.execute(
                "INSERT INTO estado (clave, valor) VALUES (?, ?) "
                "ON CONFLICT(clave) DO UPDATE SET valor = excluded.valor",
                (_STATE_KEY, new.to_json()),
            )
        return new

    # --- reading side ----------------------------------------------------------------------

    def rows(self, *estados: str, since_sent: float | None = None) -> list[Fila]:
        """Rows in these states (all when none), oldest first. ``since_sent`` also keeps only
        enviada rows sent at or after that time (other states are unaffected)."""
        where: list[str] = []
        args: list[object] = []
        if estados:
            where.append(f"estado IN ({','.join('?' * len(estados))})")
            args.extend(estados)
        if since_sent is not None:
            where.append("(estado != ? OR enviada_en >= ?)")
            args.extend([ENVIADA, since_sent])
        sql = f"SELECT {_COLUMNS} FROM filas" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY n"
        with self._db() as db:
            return [_fila(r) for r in db.execute(sql, args).fetchall()]

    def counts(self) -> dict[str, int]:
        with self._db() as db:
            return {e: c for e, c in db.execute("SELECT estado, COUNT(*) FROM filas GROUP BY estado")}


_COLUMNS = (
    "n, clave, id_operacion, tipo, pestana, valores, operacion, estado, dudosa, intentos, motivo, codigo,"
    " encolada_en, enviada_en"
)


def _fila(r: tuple[Any, ...], estado: str | None = None) -> Fila:
    n, clave, op_id, tipo, pestana, valores, operacion, est, dudosa, intentos, reason, code, encolada, enviada = r
    return Fila(
        n,
        clave,
        op_id,
        tipo,
        pestana,
        json.loads(valores),
        json.loads(operacion),
        estado or est,
        bool(dudosa),
        intentos,
        reason,
        code,
        encolada,
        enviada,
    )
