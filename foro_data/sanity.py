"""Whether a read that answered lost what the last good one had: a tab, or the headers of a tab.

A Sheet emptied by mistake or a renamed header still answers 200, and cleaning turns it into a
valid Snapshot with zero people. On the big screen that reads as "everyone left"; ``LiveFeed``
treats it as a failed read instead (keep the last good figures, say why), as DESIGN asks for "a
renamed or missing tab, a mangled header". Only a loss counts: a workbook broken from the first
read is shown as it is, and Calidad de datos lists its Problems.
"""

from __future__ import annotations

from .catalogue.fuente import FuenteSentence as F
from .errors import Said
from .model import Problem
from .snapshot import Snapshot

# Problems that make a whole tab unusable (clean reports every row of it as well).
_TAB_BREAKING = ("columna_faltante", "pestana_faltante", "pestana_vacia")


def usable_tabs(snap: Snapshot) -> list[str]:
    """Tabs found and readable, in the contract's order."""
    broken = {p.tab for p in snap.problems if p.code in _TAB_BREAKING}
    return [r.tab for r in snap.tabs if r.found_as is not None and r.tab not in broken]


def lost_since(previous: Snapshot, new: Snapshot) -> Said | None:
    """Why the first tab ``previous`` could read and ``new`` cannot is lost, else None."""
    now = set(usable_tabs(new))
    lost = [t for t in usable_tabs(previous) if t not in now]
    if not lost:
        return None
    tab = lost[0]
    detail = next(
        (_said(p) for p in new.problems if p.tab == tab and p.code in _TAB_BREAKING),
        Said.of(F.PESTANA_YA_NO_ESTA, tab=tab),
    )
    return Said.of(F.PESTANA_PERDIDA, tab=tab, detalle=detail)


def required_missing(snap: Snapshot) -> Said | None:
    """Why a required tab (Inscripciones) cannot be used, else None.

    Such a read is never "ok": zero inscriptos would be a figure the Sheet does not say. When an
    earlier read was good, ``lost_since`` already keeps it; on a workbook broken from the first
    read, the figures are shown marked ``desactualizado`` with this reason (and Calidad de datos
    lists why)."""
    missing = [r.tab for r in snap.tabs if r.tab == "Inscripciones" and r.tab not in snap.present_tabs]
    if not missing:
        return None
    tab = missing[0]
    detail = next((_said(p) for p in snap.problems if p.tab == tab and p.code in _TAB_BREAKING), None)
    if detail is None:
        return Said.of(F.REQUERIDA_INUSABLE, tab=tab)
    return Said.of(F.REQUERIDA_INUSABLE_POR, tab=tab, detalle=detail)


def _said(p: Problem) -> Said | str:
    """A Problem's reason unworded (a Problem built without one keeps its Spanish text)."""
    return p.reason_said or p.reason
