"""Writing from the venue: room tallies and check-ins appended to the Sheet, idempotent, through a
durable outbox. One job per module:

* ``operations`` — what may be written: validated, immutable operations (pure);
* ``appender`` — the HTTP to the Sheet (titles, headers, appends), classified by ``sources.sheets_http``;
* ``writer`` — the outbox-first sender: flush, background thread, scheduled back-off, exactly once;
* ``pending`` — the venue's actions the Snapshot does not show yet, as records ``metrics`` counts;
* ``open`` — opening a writer from the configuration.

Concurrency (see the README, «Escribir desde la sede»): tallies are append-only (a delta or an
absolute headcount, never a read-modify-write of a total), so two coordinators on one room both
count; two desks accrediting one person write two ``entrada`` rows and *acreditados* are distinct
people.
"""

from .appender import SheetAppender
from .open import has_pending, open_writer, writes_unavailable_reason
from .operations import (
    UNDO_WINDOW,
    AccreditOp,
    InvalidOperation,
    Operation,
    TallyOp,
    UndoOp,
    WalkInOp,
    WritesUnavailable,
    may_undo,
    validate_walk_in,
)
from .pending import (
    PendingOp,
    anuladas,
    as_conteos,
    as_scans,
    not_yet_read,
    pending_check_ins,
    tally_with_pending,
    unseen,
    visible_ids,
)
from .writer import SOLO_LECTURA, FlushReport, PendingSummary, Writer

__all__ = [
    "AccreditOp",
    "FlushReport",
    "InvalidOperation",
    "Operation",
    "PendingOp",
    "PendingSummary",
    "SOLO_LECTURA",
    "SheetAppender",
    "TallyOp",
    "UNDO_WINDOW",
    "UndoOp",
    "WalkInOp",
    "Writer",
    "WritesUnavailable",
    "anuladas",
    "as_conteos",
    "as_scans",
    "has_pending",
    "may_undo",
    "not_yet_read",
    "open_writer",
    "pending_check_ins",
    "tally_with_pending",
    "unseen",
    "validate_walk_in",
    "visible_ids",
    "writes_unavailable_reason",
]
