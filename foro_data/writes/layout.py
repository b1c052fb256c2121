"""How the outbox's rows meet the Sheet's columns: by header name, never by position; which
columns a tab cannot do without; a row that names nobody refused alone; and how a row possibly
sent already is recognised on the Sheet (the same identity rule clean uses)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..catalogue.writes import SendSentence as E
from ..errors import Said
from ..identity import IDENTIFYING, normalise
from ..outbox import Fila
from ..parse import text
from ..sources.sheets_http import SheetsCode
from .appender import TabInfo, refusal

DATE_COLUMNS = frozenset({"marca_temporal", "registrado_en"})
# Without these columns a row would be unusable or not idempotent: refuse rather than write.
REQUIRED_TO_WRITE: dict[str, tuple[str, ...]] = {
    "Conteos": ("marca_temporal", "sala", "tipo", "valor", "id_operacion"),
    "Acreditaciones": ("marca_temporal", "movimiento", "id_operacion"),
    "Inscripciones": (),
}


@dataclass(frozen=True)
class Batch:
    """Rows laid out in the Sheet's own column order, and those that cannot be."""

    matrix: list[list[Any]]
    kept: list[Fila]
    refused: list[Fila]
    avisos: list[Said]


def cell(column: str, value: Any) -> Any:
    """A value as typed by a person (USER_ENTERED): dates parse, text stays text.

    The leading apostrophe keeps text literal: "=1+1" or "+54 261…" must not become a formula
    or a number, and a document "0012345" keeps its zeros.

    >>> cell("sala", "=1+1"), cell("valor", -1), cell("marca_temporal", "2025-06-19 09:12:00")
    ("'=1+1", -1, '2025-06-19 09:12:00')
    """
    if value is None or value == "":
        return ""
    if column in DATE_COLUMNS or isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return "'" + str(value)


def reconcile_columns(tab: str) -> list[str]:
    # Inscripciones has no id_operacion: a walk-in's row is found by the id it was given,
    # else by its e-mail or document.
    return list(IDENTIFYING) if tab == "Inscripciones" else ["id_operacion"]


def already_there(fila: Fila, present: dict[str, set[str]]) -> bool:
    return any(
        text(fila.valores.get(c)) and normalise(c, fila.valores.get(c)) in values for c, values in present.items()
    )


def matrix(tab: str, info: TabInfo, rows: list[Fila]) -> Batch:
    """Rows in the Sheet's own column order.

    Raises SheetsError (permanent) when the tab lacks a column no row can do without. A row
    whose identifiers all lack a column is refused alone, not the whole batch. Other missing
    columns holding a value are reported as warnings."""
    missing = [c for c in REQUIRED_TO_WRITE.get(tab, ()) if c not in info.index]
    if missing:
        sentence = E.FALTA_ID_OPERACION if "id_operacion" in missing else E.FALTA_COLUMNA
        raise refusal(
            sentence,
            SheetsCode.COLUMNA_FALTANTE,
            pestana=info.title,
            fila=info.row,
            columnas=", ".join(f"«{c}»" for c in missing),
        )
    width = max(info.index.values()) + 1
    batch = Batch([], [], [], [])
    lost: set[str] = set()
    for r in rows:
        if tab in ("Acreditaciones", "Inscripciones") and not any(
            text(r.valores.get(c)) and c in info.index for c in IDENTIFYING
        ):
            batch.refused.append(r)
            continue
        line: list[Any] = [""] * width
        for column, value in r.valores.items():
            i = info.index.get(column)
            if i is None:
                if text(value):
                    lost.add(column)
                continue
            line[i] = cell(column, value)
        batch.matrix.append(line)
        batch.kept.append(r)
    batch.avisos.extend(Said(E.COLUMNA_PERDIDA, {"pestana": info.title, "columna": c}) for c in sorted(lost))
    return batch


def identity_refusal(info: TabInfo, fila: Fila) -> Said:
    have = ", ".join(c for c in IDENTIFYING if text(fila.valores.get(c)))
    return Said(E.SIN_COLUMNA_IDENTIDAD, {"pestana": info.title, "tiene": have, "fila": info.row})
