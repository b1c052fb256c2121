"""The optimistic view's inputs: the venue's actions the Snapshot does not show yet, turned into
the records the figures are made of (``model.Conteo``, ``model.Scan``), so ``metrics`` applies the
same rules to them as to the Sheet's rows (``ocupacion_salas(…, pendientes=…)``,
``acreditado_a(…, pendientes=…, anuladas=…)``). Nothing here computes a figure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..identity import Index
from ..metrics import tally
from ..model import Conteo, Persona, Scan
from ..outbox import ERROR_PERMANENTE
from ..schema import fold
from ..snapshot import Snapshot
from .operations import AccreditOp, Operation, TallyOp, UndoOp, WalkInOp

# Actions sent this long before the Snapshot's read may still be missing from it (the read and
# the append race): keep showing them until the Snapshot has their id_operacion.
SEEN_MARGIN_S = 60.0


@dataclass(frozen=True)
class PendingOp:
    """One user action not yet (or just) on the Sheet, for the optimistic view."""

    op: Operation
    estado: str  # worst state of its rows: error_permanente > pendiente/enviando > enviada
    reason: str  # Spanish, why its last attempt failed ("" when none)
    encolada_en: float


def visible_ids(conteos: Iterable[Conteo], scans: Iterable[Scan]) -> set[str]:
    """id_operacion values a Snapshot already shows (pass ``snap.conteos, snap.scans``)."""
    return {c.id_operacion for c in conteos if c.id_operacion} | {s.id_operacion for s in scans if s.id_operacion}


def unseen(ops: Sequence[PendingOp], shown: set[str]) -> list[PendingOp]:
    """The actions the Snapshot does not show yet (failed ones excluded)."""
    return [p for p in ops if p.estado != ERROR_PERMANENTE and p.op.id_operacion not in shown]


def not_yet_read(snap: Snapshot, recent: Callable[[float], Sequence[PendingOp]]) -> list[PendingOp]:
    """This Sheet's actions (from every device and process) the Snapshot does not show yet;
    ``recent`` is ``Writer.recent``."""
    since = snap.fuente.leido_en.timestamp() - SEEN_MARGIN_S
    return unseen(recent(since), visible_ids(snap.conteos, snap.scans))


def pending_check_ins(ops: Sequence[PendingOp]) -> list[AccreditOp | WalkInOp]:
    """Check-ins not yet in the Snapshot, minus those undone (also still pending)."""
    undone = anuladas(ops)
    return [p.op for p in ops if isinstance(p.op, (AccreditOp, WalkInOp)) and p.op.id_operacion not in undone]


def anuladas(ops: Sequence[PendingOp]) -> frozenset[str]:
    """The id_operacion of check-ins undone at the venue, the undo not in the Snapshot yet."""
    return frozenset(p.op.anula for p in ops if isinstance(p.op, UndoOp))


def tally_with_pending(base: int | None, ops: Sequence[PendingOp], sala: str) -> int | None:
    """A room's occupancy with the tallies not yet in the Snapshot applied in order, by the one
    tally rule of ``metrics.tally``. ``base`` None and no tally: None."""
    mine = sorted((c for c in as_conteos(ops) if fold(c.sala) == fold(sala)), key=lambda c: c.at)
    return tally(mine, base)


def as_conteos(ops: Sequence[PendingOp]) -> list[Conteo]:
    """Tallies not on the Sheet yet, as the Conteos rows they will become (row 0: not on the Sheet)."""
    return [
        Conteo(0, o.marca_temporal, o.sala, o.tipo, o.valor, o.registrado_por, o.id_operacion)
        for o in (p.op for p in ops)
        if isinstance(o, TallyOp)
    ]


def as_scans(ops: Sequence[PendingOp], personas: Iterable[Persona]) -> list[Scan]:
    """Check-ins not on the Sheet yet, as the Acreditaciones entries they will become, matched to
    registered people by the identity rule clean uses (a walk-in matches nobody yet)."""
    index = Index.of(personas)
    out = []
    for op in pending_check_ins(ops):
        key, ident = index.match(op.id, op.email, op.documento)
        out.append(Scan(0, op.marca_temporal, key, ident, op.punto, "entrada", op.id_operacion))
    return out
