"""Raw Sheet cells → typed tables and Problems (never drops a row silently).

Every row of every known tab ends up either in a typed record or in a ``Problem`` that names the
tab, the row number as the user sees it in the Sheet, the column, the value and a reason in Spanish.
Blank rows, and title rows above the header row (the first of the first five rows that names known
columns), are the only rows skipped without a word (DESIGN.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import schema
from .catalogue.problems import Consequence as C
from .catalogue.problems import FixSentence as F
from .catalogue.problems import ParseSentence as X
from .catalogue.problems import ProblemSentence as P
from .catalogue.problems import Word as W
from .errors import Said
from .identity import Identifiers, Index, is_email
from .model import (
    Apoyo,
    CiudadOverride,
    Conteo,
    Evento,
    Partida,
    Persona,
    Problem,
    Sala,
    Scan,
    Sesion,
    TabReport,
)
from .parse import (
    META_LLEGADAS,
    ParseError,
    country_code,
    parse_datetime,
    parse_decimal,
    parse_int,
    parse_meta,
    parse_money,
    split_list,
    text,
)
from .roles import derive_role
from .schema import fold, header_key
from .snapshot import Fuente, Snapshot
from .sources.base import Cell, RawWorkbook

KNOWN_CURRENCIES = frozenset("ARS USD BRL UYU PYG CLP BOB PEN COP MXN VES EUR GBP CAD CHF JPY CNY".split())


@dataclass
class _Table:
    """One tab of the workbook with its headers resolved to canonical columns."""

    tab: schema.Tab
    title: str
    index: dict[str, int]
    rows: list[tuple[int, list[Cell]]]  # (Sheet row number, cells), blank rows removed
    header_row: int = 1  # Sheet row number of the headers

    def cell(self, cells: list[Cell], column: str) -> Cell:
        i = self.index.get(column)
        if i is None or i >= len(cells):
            return None
        return cells[i]

    def text(self, cells: list[Cell], column: str) -> str:
        return text(self.cell(cells, column))

    def has(self, column: str) -> bool:
        return column in self.index


def _costing(e: ParseError, consequence: C) -> Said:
    """The parse error followed by what it cost ("… La acreditación no se cuenta.")."""
    return Said.of(P.CON_CONSECUENCIA, detalle=e.said, consecuencia=Said.of(consequence))


@dataclass
class _Problems:
    items: list[Problem] = field(default_factory=list)

    def add(
        self,
        code: str,
        tab: str,
        row: int | None,
        column: str | None,
        value: object,
        reason: Said,
        fix: Said | None = None,
        severity: str = "error",
    ) -> None:
        self.items.append(
            Problem.of(code, tab, row, column, "" if value is None else text(value), reason, fix, severity)
        )


def _optional_time(
    t: _Table,
    cells: list[Cell],
    row: int,
    column: str,
    tz: ZoneInfo,
    serial: bool,
    problems: _Problems,
    fix: Said | None = None,
) -> datetime | None:
    """A timestamp the row can do without (registrado_en, solicitado_en): None when blank; one that
    does not parse is an "aviso" Problem and the row is still used, without it."""
    raw = t.cell(cells, column)
    if _is_blank(raw):
        return None
    try:
        return parse_datetime(raw, tz, serial=serial)
    except ParseError as e:
        problems.add("fecha_invalida", t.tab.name, row, column, raw, e.said, fix, "aviso")
        return None


def _repeated_op(problems: _Problems, tab: str, row: int, op: str, seen: dict[str, int]) -> bool:
    """True when this operation id was already applied (a retried write): the row is a notice,
    not a second count. Records a new id in ``seen``."""
    if not op:
        return False
    if op in seen:
        problems.add(
            "operacion_repetida",
            tab,
            row,
            "id_operacion",
            op,
            Said.of(P.OPERACION_REPETIDA, fila=seen[op]),
            severity="aviso",
        )
        return True
    seen[op] = row
    return False


def _is_blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _match_tabs(raw: RawWorkbook, problems: _Problems) -> dict[str, tuple[str, list[list[Cell]]]]:
    """Schema tab name -> (title as found, rows). Titles match like headers do."""
    by_key: dict[str, schema.Tab] = {}
    for tab in schema.TABS:
        for name in (tab.name, *tab.aliases):
            by_key.setdefault(header_key(name), tab)
    found: dict[str, tuple[str, list[list[Cell]]]] = {}
    for title, rows in raw.tabs.items():
        match = by_key.get(header_key(title))
        if match is None:
            continue
        tab = match
        if tab.name in found:
            problems.add(
                "pestana_repetida",
                title,
                None,
                None,
                title,
                Said.of(P.PESTANA_REPETIDA, tab=tab.name, usada=found[tab.name][0], ignorada=title),
                Said.of(F.PESTANA_REPETIDA),
                "aviso",
            )
            continue
        found[tab.name] = (title, rows)
    return found


def _table(tab: schema.Tab, title: str, rows: list[list[Cell]], problems: _Problems) -> tuple[_Table, TabReport]:
    h = tab.header_row(rows)
    header_row = rows[h] if rows else []
    sheet_row = h + 1  # as the user sees it
    match = tab.resolve(header_row)
    index = match.index
    unknown = [text(x) for x in match.unknown]
    for x, name in match.repeated:
        problems.add(
            "columna_repetida",
            tab.name,
            sheet_row,
            text(x),
            x,
            Said.of(P.COLUMNA_REPETIDA, columna=text(x), canonica=name),
            Said.of(F.COLUMNA_REPETIDA),
            "aviso",
        )
    missing = [c.name for c in tab.columns if c.name not in index]
    for c in tab.columns:
        if c.required and c.name not in index:
            problems.add(
                "columna_faltante",
                tab.name,
                sheet_row,
                c.name,
                "",
                Said.of(P.COLUMNA_FALTANTE, columna=c.name, tab=tab.name),
                Said.of(F.COLUMNA_FALTANTE, fila=sheet_row, columna=c.name),
            )
    # Rows above the header row are titles, not data.
    body = [(n + 1, list(r)) for n, r in enumerate(rows) if n > h and not all(_is_blank(c) for c in r)]
    report = TabReport(
        tab=tab.name,
        found_as=title,
        columns=tuple((name, text(header_row[i])) for name, i in index.items()),
        missing=tuple(missing),
        unknown=tuple(unknown),
        rows=len(body),
        header_row=sheet_row,
    )
    return _Table(tab, title, index, body, sheet_row), report


def _is_empty(rows: list[list[Cell]]) -> bool:
    return all(_is_blank(c) for r in rows for c in r)


def _usable(t: _Table, problems: _Problems) -> bool:
    """A tab is usable when its required columns and at least one identifying column exist."""
    if any(c.required and c.name not in t.index for c in t.tab.columns):
        return False
    if t.tab.identifying and not any(t.has(c) for c in t.tab.identifying):
        problems.add(
            "columna_faltante",
            t.tab.name,
            t.header_row,
            " / ".join(t.tab.identifying),
            "",
            Said.of(P.SIN_COLUMNA_IDENTIFICADORA, tab=t.tab.name, columnas=", ".join(t.tab.identifying)),
            Said.of(F.SIN_COLUMNA_IDENTIFICADORA, fila=t.header_row),
        )
        return False
    return True


def _reject_all(t: _Table, problems: _Problems) -> None:
    """An unusable tab still reports each of its rows, so nothing disappears without a word."""
    for row, cells in t.rows:
        problems.add(
            "pestana_inutilizable",
            t.tab.name,
            row,
            None,
            " | ".join(text(c) for c in cells if not _is_blank(c))[:200],
            Said.of(P.PESTANA_INUTILIZABLE, tab=t.tab.name),
            Said.of(F.ENCABEZADOS, fila=t.header_row),
        )


# --- Evento -----------------------------------------------------------------------------------


def _evento(t: _Table | None, problems: _Problems) -> Evento:
    values = dict(schema.EVENT_DEFAULTS)
    extra: list[tuple[str, str]] = []
    if t is not None:
        for row, cells in t.rows:
            key, value = fold(t.text(cells, "clave")).replace(" ", "_"), t.text(cells, "valor")
            if not key or not value:
                problems.add(
                    "evento_incompleto",
                    "Evento",
                    row,
                    "valor",
                    value or key,
                    Said.of(P.EVENTO_INCOMPLETO),
                    severity="aviso",
                )
            elif key in values:
                values[key] = value
            else:
                extra.append((key, value))
                if key == META_LLEGADAS:
                    for part in parse_meta(value)[1]:
                        problems.add(
                            "meta_invalida",
                            "Evento",
                            row,
                            "valor",
                            part,
                            Said.of(P.META_INVALIDA),
                            Said.of(F.META),
                            severity="aviso",
                        )
    try:
        ZoneInfo(values["zona_horaria"])
    except (ZoneInfoNotFoundError, ValueError):
        problems.add(
            "zona_horaria_invalida",
            "Evento",
            None,
            "zona_horaria",
            values["zona_horaria"],
            Said.of(P.ZONA_HORARIA_INVALIDA, zona=schema.DEFAULT_TIME_ZONE),
            Said.of(F.ZONA_HORARIA),
        )
        values["zona_horaria"] = schema.DEFAULT_TIME_ZONE
    try:
        date.fromisoformat(values["fecha"])
    except ValueError:
        try:
            values["fecha"] = parse_datetime(values["fecha"], ZoneInfo(values["zona_horaria"])).date().isoformat()
        except ParseError:
            problems.add(
                "fecha_invalida",
                "Evento",
                None,
                "fecha",
                values["fecha"],
                Said.of(P.FECHA_EVENTO, fecha=schema.EVENT_DEFAULTS["fecha"]),
                Said.of(F.FECHA_EVENTO),
            )
            values["fecha"] = schema.EVENT_DEFAULTS["fecha"]
    return Evento(values["nombre"], values["fecha"], values["zona_horaria"], values["sede"], tuple(extra))


# --- Inscripciones ----------------------------------------------------------------------------


def _genero(value: str) -> str | None:
    if not value:
        return "sin_dato"
    return schema.GENEROS.get(fold(value))


@dataclass
class _Reg:
    row: int
    # Only what the row itself says: derived values (the role category) are computed after the
    # merge, so a blank cell can never outvote a value another row gave.
    fields: dict[str, object]
    identifiers: Identifiers
    misma_persona: str = ""  # the organisers' override: rows with the same mark are one person


def _registration_rows(t: _Table, tz: ZoneInfo, serial: bool, problems: _Problems) -> list[_Reg]:
    regs: list[_Reg] = []
    for row, cells in t.rows:
        g = lambda c, cells=cells: t.text(cells, c)  # noqa: E731 - bound now: used only in this iteration
        nombre, apellido, email, documento = g("nombre"), g("apellido"), g("email"), g("documento")
        ident = g("id")
        if not (email or documento or ident or (nombre and apellido)):
            problems.add(
                "sin_identificacion",
                "Inscripciones",
                row,
                None,
                " | ".join(text(c) for c in cells if not _is_blank(c))[:200],
                Said.of(P.SIN_IDENTIFICACION),
                Said.of(F.SIN_IDENTIFICACION),
            )
            continue
        if email and not is_email(email):
            problems.add(
                "email_invalido",
                "Inscripciones",
                row,
                "email",
                email,
                Said.of(P.EMAIL_INVALIDO, email=email),
                Said.of(F.EMAIL),
                "aviso",
            )
            email = ""
        registrado_en = _optional_time(t, cells, row, "registrado_en", tz, serial, problems, Said.of(F.FECHA_HORA))
        pais_raw = g("pais")
        pais = ""
        if pais_raw:
            pais = country_code(pais_raw) or ""
            if not pais:
                problems.add(
                    "pais_desconocido",
                    "Inscripciones",
                    row,
                    "pais",
                    pais_raw,
                    Said.of(P.PAIS_DESCONOCIDO, pais=pais_raw),
                    Said.of(F.PAIS),
                    "aviso",
                )
        rol_raw, cargo = g("rol"), g("cargo")
        if (
            derive_role(rol_raw, cargo) == "otro"
            and (rol_raw or cargo)
            and fold(rol_raw or cargo) not in schema.ROLE_OTRO_WORDS
        ):
            problems.add(
                "rol_otro",
                "Inscripciones",
                row,
                "rol" if rol_raw else "cargo",
                rol_raw or cargo,
                Said.of(P.ROL_OTRO, valor=rol_raw or cargo),
                Said.of(F.ROL),
                "aviso",
            )
        genero_raw = g("genero")
        genero = _genero(genero_raw)
        if genero is None:
            problems.add(
                "genero_desconocido",
                "Inscripciones",
                row,
                "genero",
                genero_raw,
                Said.of(P.GENERO_DESCONOCIDO, genero=genero_raw),
                severity="aviso",
            )
            genero = "sin_dato"
        regs.append(
            _Reg(
                row=row,
                fields=dict(
                    id=ident,
                    registrado_en=registrado_en,
                    nombre=nombre,
                    apellido=apellido,
                    email=email,
                    documento=documento,
                    cargo=cargo,
                    rol_raw=rol_raw,
                    institucion=g("institucion"),
                    ciudad=g("ciudad"),
                    provincia=g("provincia"),
                    pais=pais,
                    pais_raw=pais_raw,
                    # "sin_dato" is what a blank says, not a value: it must not win a merge (DESIGN).
                    genero="" if genero == "sin_dato" else genero,
                    ejes=split_list(t.cell(cells, "ejes")),
                    red=split_list(t.cell(cells, "red")),
                    apoyo=g("apoyo"),
                ),
                identifiers=Identifiers.of(id=ident, email=email, documento=documento),
                misma_persona=fold(g("misma_persona")),
            )
        )
    return regs


def _identifier_fields(ids: Identifiers) -> dict[str, frozenset[str]]:
    return {"ids": ids.ids, "emails": ids.emails, "documentos": ids.documentos}


def _name_key(f: dict[str, object]) -> str | None:
    if not f["nombre"] or not f["apellido"]:
        return None
    return "|".join(fold(str(f[k])) for k in ("nombre", "apellido", "ciudad"))


NAME_RULE = Said.of(W.POR_NOMBRE)


def _merge_fields(rows: list[_Reg]) -> dict[str, object]:
    """Field by field, the latest non-blank value wins (by registration time, then row order);
    values derived from cells (the role category) are computed from the merged cells."""
    ordered = (
        sorted(
            rows,
            key=lambda r: (r.fields["registrado_en"] is not None, r.fields["registrado_en"] or datetime.min, r.row),
        )
        if any(r.fields["registrado_en"] for r in rows)
        else rows
    )
    merged: dict[str, object] = {}
    for r in ordered:
        for k, v in r.fields.items():
            if v or k not in merged:
                merged[k] = v
    stamps = [r.fields["registrado_en"] for r in rows if isinstance(r.fields["registrado_en"], datetime)]
    merged["registrado_en"] = min(stamps, default=None)
    rol_col, cargo = str(merged.pop("rol_raw")), str(merged["cargo"])
    merged["rol"] = derive_role(rol_col, cargo)
    merged["rol_raw"] = rol_col or cargo
    merged["genero"] = merged["genero"] or "sin_dato"
    return merged


class _Groups:
    """Union-find over registration rows that remembers each group's e-mails and documents, so
    the name rule can see what would contradict a merge."""

    def __init__(self, regs: list[_Reg]):
        self.parent = list(range(len(regs)))
        self.keys = {
            "email": [set(r.identifiers.emails) for r in regs],
            "documento": [set(r.identifiers.documentos) for r in regs],
        }
        # The value as typed, for the Problem: the first non-blank one of the group.
        self.typed = {c: [str(r.fields[c]) for r in regs] for c in ("email", "documento")}
        self.reason: dict[int, Said] = {}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int, why: Said) -> None:
        """Merges row i (the later one) into j's group."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        root, other = min(a, b), max(a, b)
        self.parent[other] = root
        for c, sets in self.keys.items():
            sets[root] |= sets[other]
            self.typed[c][root] = self.typed[c][root] or self.typed[c][other]
        self.reason.setdefault(i, why)

    def contradiction(self, i: int, j: int) -> tuple[str, str] | None:
        """(column, "value / value") when the two groups hold different e-mails or documents."""
        a, b = self.find(i), self.find(j)
        for c, sets in self.keys.items():
            if sets[a] and sets[b] and sets[a].isdisjoint(sets[b]):
                return c, f"{self.typed[c][b]} / {self.typed[c][a]}"
        return None


def deduplicate(regs: list[_Reg], problems: _Problems) -> list[Persona]:
    """Merge rows that are the same person.

    Same e-mail (case-folded), else same document (digits only), else same name + surname + city
    (accent-folded) — the last only when nothing contradicts it: groups holding two different
    e-mails or two different documents stay two people and are listed as ``posible_duplicado``
    for the organisers, who can mark such rows with the same value in the optional
    ``misma_persona`` column to merge them anyway. E-mail and document links are transitive. We
    prefer a false merge of two rows that share an e-mail over counting one person twice, because
    the e-mail is what the person typed and what the desk scans. Merged rows combine field by
    field, the latest non-blank value winning (see _merge_fields), and every e-mail and document
    used still identifies the person at check-in.
    """
    g = _Groups(regs)

    def link_all(key_of, why: Said) -> None:
        first: dict[str, int] = {}
        for i, r in enumerate(regs):
            for key in key_of(r):
                g.union(i, first.setdefault(key, i), why)

    link_all(lambda r: [r.misma_persona] if r.misma_persona else [], Said.of(W.POR_MARCA))
    link_all(lambda r: r.identifiers.emails, Said.of(W.POR_EMAIL))
    link_all(lambda r: r.identifiers.documentos, Said.of(W.POR_DOCUMENTO))

    # The name rule: a row joins the first earlier person of that name it does not contradict.
    by_name: dict[str, list[int]] = {}
    for i, r in enumerate(regs):
        key = _name_key(r.fields)
        if key is None:
            continue
        people = by_name.setdefault(key, [])
        joined, clash = False, None
        for j in people:
            if g.find(j) == g.find(i):
                joined = True
                break
            clash_here = g.contradiction(i, j)
            if clash_here is None:
                g.union(i, j, NAME_RULE)
                joined = True
                break
            clash = clash or (j, *clash_here)
        if joined:
            continue
        people.append(i)
        if clash is not None:
            j, column, values = clash
            f = r.fields
            what = Said.of(W.EMAIL if column == "email" else W.DOCUMENTO)
            problems.add(
                "posible_duplicado",
                "Inscripciones",
                r.row,
                column,
                values,
                Said.of(
                    P.POSIBLE_DUPLICADO,
                    fila_a=regs[j].row,
                    fila_b=r.row,
                    nombre=f["nombre"],
                    apellido=f["apellido"],
                    ciudad=f["ciudad"] or Said.of(W.SIN_CIUDAD),
                    que=what,
                    valores=values,
                ),
                Said.of(F.POSIBLE_DUPLICADO, que=what),
                "aviso",
            )

    groups: dict[int, list[int]] = {}
    for i in range(len(regs)):
        groups.setdefault(g.find(i), []).append(i)

    personas: list[Persona] = []
    for members in groups.values():
        rows = [regs[i] for i in members]
        first = rows[0]
        for i in members[1:]:
            problems.add(
                "duplicado",
                "Inscripciones",
                regs[i].row,
                None,
                regs[i].fields["email"] or regs[i].fields["documento"] or _name_key(regs[i].fields) or "",
                Said.of(P.DUPLICADO, fila=regs[i].row, primera=first.row, por=g.reason.get(i, Said.of(W.POR_OTRO))),
                Said.of(F.DUPLICADO),
                "aviso",
            )
        ids = Identifiers.union(r.identifiers for r in rows)
        if not ids.emails and not ids.documentos:
            # Said once per person, after the merge: another row of the same person may have them.
            problems.add(
                "sin_contacto",
                "Inscripciones",
                first.row,
                "email",
                "",
                Said.of(P.SIN_CONTACTO),
                Said.of(F.CONTACTO),
                "aviso",
            )
        personas.append(
            Persona(
                key=f"fila-{first.row}",
                row=first.row,
                rows=tuple(r.row for r in rows),
                **_identifier_fields(ids),  # type: ignore[arg-type]  # one dict per field group: mypy sees one type
                **_merge_fields(rows),  # type: ignore[arg-type]
            )
        )
    personas.sort(key=lambda p: p.row)
    return personas


# --- Acreditaciones -----------------------------------------------------------------------------


def _movimiento(value: str) -> str | None:
    if not value:
        return "entrada"
    return schema.MOVIMIENTOS.get(fold(value))


def _scans(t: _Table, ix: Index, tz: ZoneInfo, serial: bool, problems: _Problems) -> list[Scan]:
    scans: list[Scan] = []
    seen_ops: dict[str, int] = {}
    walkins: set[str] = set()
    cancelled: set[str] = set()
    for row, cells in t.rows:
        raw_ts = t.cell(cells, "marca_temporal")
        try:
            at = parse_datetime(raw_ts, tz, serial=serial)
        except ParseError as e:
            problems.add(
                "fecha_invalida",
                "Acreditaciones",
                row,
                "marca_temporal",
                raw_ts,
                _costing(e, C.ACREDITACION),
                Said.of(F.HORA_ACREDITACION),
            )
            continue
        ident, email, documento = t.text(cells, "id"), t.text(cells, "email"), t.text(cells, "documento")
        if not (ident or email or documento):
            problems.add(
                "sin_identificacion",
                "Acreditaciones",
                row,
                None,
                text(raw_ts),
                Said.of(P.ACREDITACION_SIN_IDENTIFICACION),
                Said.of(F.ACREDITACION_SIN_IDENTIFICACION),
            )
            continue
        mov_raw = t.text(cells, "movimiento")
        mov = _movimiento(mov_raw)
        if mov is None:
            problems.add(
                "movimiento_invalido",
                "Acreditaciones",
                row,
                "movimiento",
                mov_raw,
                Said.of(P.MOVIMIENTO_INVALIDO, movimiento=mov_raw),
            )
            continue
        op = t.text(cells, "id_operacion")
        if _repeated_op(problems, "Acreditaciones", row, op, seen_ops):
            continue
        if mov == "anulacion":
            if not op.startswith(schema.ANULA_PREFIX):
                problems.add(
                    "anulacion_invalida", "Acreditaciones", row, "id_operacion", op, Said.of(P.ANULACION_INVALIDA)
                )
            else:
                cancelled.add(op[len(schema.ANULA_PREFIX) :])
            continue
        persona, key = ix.match(ident, email, documento)
        if persona is None and key not in walkins:
            walkins.add(key)
            problems.add(
                "sin_inscripcion",
                "Acreditaciones",
                row,
                "email" if email else ("documento" if documento else "id"),
                email or documento or ident,
                Said.of(P.SIN_INSCRIPCION),
                Said.of(F.SIN_INSCRIPCION),
                "aviso",
            )
        scans.append(Scan(row, at, persona, key, t.text(cells, "punto"), mov, op))
    # Undo never deletes a row: the compensating row cancels the operation it names.
    scans = [s for s in scans if not s.id_operacion or s.id_operacion not in cancelled]
    scans.sort(key=lambda s: (s.at, s.row))
    return scans


# --- Salas, Agenda ------------------------------------------------------------------------------


def _salas(t: _Table, problems: _Problems) -> list[Sala]:
    salas: dict[str, Sala] = {}
    for row, cells in t.rows:
        name = t.text(cells, "sala")
        if not name:
            problems.add(
                "sala_sin_nombre", "Salas", row, "sala", t.text(cells, "capacidad"), Said.of(P.SALA_SIN_NOMBRE)
            )
            continue
        cap_raw = t.cell(cells, "capacidad")
        try:
            cap = parse_int(cap_raw)
            if cap < 0:
                raise ParseError(X.CAPACIDAD_NEGATIVA, cap_raw, valor=text(cap_raw))
        except ParseError as e:
            problems.add(
                "capacidad_invalida",
                "Salas",
                row,
                "capacidad",
                cap_raw,
                _costing(e, C.SALA_SIN_PORCENTAJE),
                Said.of(F.CAPACIDAD),
            )
            cap = 0
        if fold(name) in salas:
            problems.add(
                "sala_repetida", "Salas", row, "sala", name, Said.of(P.SALA_REPETIDA, sala=name), severity="aviso"
            )
            continue
        salas[fold(name)] = Sala(name, cap, t.text(cells, "piso"), t.text(cells, "ubicacion"), row)
    return list(salas.values())


def _tipo_sesion(value: str) -> str:
    key = fold(value)
    for tipo in schema.AGENDA_TIPOS:
        if key and fold(tipo).startswith(key[:5]):
            return tipo
    return value


def _agenda(t: _Table, tz: ZoneInfo, day: date, serial: bool, problems: _Problems) -> list[Sesion]:
    out: list[Sesion] = []
    for row, cells in t.rows:
        times: list[datetime] = []
        for col in ("inicio", "fin"):
            v = t.cell(cells, col)
            try:
                times.append(parse_datetime(v, tz, serial=serial, default_date=day))
            except ParseError as e:
                problems.add("fecha_invalida", "Agenda", row, col, v, _costing(e, C.SESION), Said.of(F.HORA_AGENDA))
                break
        if len(times) < 2:
            continue
        if times[1] <= times[0]:
            problems.add(
                "horario_invalido",
                "Agenda",
                row,
                "fin",
                t.cell(cells, "fin"),
                Said.of(P.HORARIO_INVALIDO),
                Said.of(F.HORARIO),
            )
            continue
        sala, actividad = t.text(cells, "sala"), t.text(cells, "actividad")
        if not sala:
            problems.add(
                "sala_sin_nombre", "Agenda", row, "sala", actividad, Said.of(P.SESION_SIN_SALA), Said.of(F.SALA)
            )
            continue
        out.append(
            Sesion(row, times[0], times[1], sala, actividad, t.text(cells, "eje"), _tipo_sesion(t.text(cells, "tipo")))
        )
    out.sort(key=lambda s: (s.inicio, s.sala))
    return out


# --- Apoyos, Presupuesto ------------------------------------------------------------------------


def _estado(value: str) -> str | None:
    key = fold(value)
    for e in schema.APOYO_ESTADOS:
        if fold(e) == key:
            return e
    return {
        "en evaluacion": "en evaluación",
        "evaluacion": "en evaluación",
        "pago": "pagado",
        "aprobada": "aprobado",
        "confirmada": "confirmado",
        "rechazada": "rechazado",
        "cancelada": "cancelado",
        "pendiente": "solicitado",
    }.get(key)


def _currency(column_value: str, detected: str | None) -> str | None:
    code = (
        schema.CURRENCY_SYMBOLS.get(column_value.strip().casefold(), column_value.strip().upper())
        if column_value
        else (detected or "")
    )
    return code if code in KNOWN_CURRENCIES else None


def _amount(
    t: _Table, cells: list[Cell], column: str, tab: str, row: int, problems: _Problems, required: bool
) -> tuple[float | None, str | None, bool]:
    """(amount, currency found inside the cell, ok)."""
    v = t.cell(cells, column)
    if _is_blank(v):
        if required:
            problems.add("monto_invalido", tab, row, column, "", Said.of(P.MONTO_FALTANTE), Said.of(F.MONTO_FALTANTE))
            return None, None, False
        return None, None, True
    try:
        amount, cur = parse_money(v)
    except ParseError as e:
        problems.add(
            "monto_invalido", tab, row, column, v, _costing(e, C.FILA if required else C.EN_BLANCO), Said.of(F.MONTO)
        )
        return None, None, not required
    return amount, cur, True


def _apoyos(t: _Table, ix: Index, tz: ZoneInfo, serial: bool, problems: _Problems) -> list[Apoyo]:
    out: list[Apoyo] = []
    for row, cells in t.rows:
        sol, cur1, ok = _amount(t, cells, "monto_solicitado", "Apoyos", row, problems, required=True)
        if not ok:
            continue
        apr, cur2, _ = _amount(t, cells, "monto_aprobado", "Apoyos", row, problems, required=False)
        pag, cur3, _ = _amount(t, cells, "monto_pagado", "Apoyos", row, problems, required=False)
        moneda_raw = t.text(cells, "moneda")
        moneda = _currency(moneda_raw, cur1 or cur2 or cur3)
        if moneda is None:
            problems.add(
                "moneda_desconocida",
                "Apoyos",
                row,
                "moneda",
                moneda_raw,
                Said.of(P.MONEDA_APOYO, moneda=moneda_raw),
                Said.of(F.MONEDA),
            )
            continue
        estado_raw = t.text(cells, "estado")
        estado = _estado(estado_raw)
        if estado is None:
            problems.add(
                "estado_desconocido",
                "Apoyos",
                row,
                "estado",
                estado_raw,
                Said.of(P.ESTADO_DESCONOCIDO, estado=estado_raw),
                Said.of(F.ESTADO, estados=", ".join(schema.APOYO_ESTADOS)),
            )
            continue
        ident, email = t.text(cells, "id"), t.text(cells, "email")
        persona, key = ix.match(ident, email, "")
        if persona is None:
            problems.add(
                "apoyo_sin_inscripcion",
                "Apoyos",
                row,
                "email" if email else "id",
                email or ident,
                Said.of(P.APOYO_SIN_INSCRIPCION),
                Said.of(F.APOYO_SIN_INSCRIPCION),
                "aviso",
            )
        solicitado_en = _optional_time(t, cells, row, "solicitado_en", tz, serial, problems)
        out.append(Apoyo(row, persona, key, solicitado_en, t.text(cells, "tipo"), sol or 0.0, apr, pag, moneda, estado))
    return out


def _presupuesto(t: _Table, problems: _Problems) -> list[Partida]:
    out: list[Partida] = []
    for row, cells in t.rows:
        monto, cur, ok = _amount(t, cells, "monto", "Presupuesto", row, problems, required=True)
        if not ok:
            continue
        moneda_raw = t.text(cells, "moneda")
        moneda = _currency(moneda_raw, cur)
        if moneda is None:
            problems.add(
                "moneda_desconocida",
                "Presupuesto",
                row,
                "moneda",
                moneda_raw,
                Said.of(P.MONEDA_PARTIDA, moneda=moneda_raw),
                Said.of(F.MONEDA),
            )
            continue
        out.append(Partida(row, moneda, t.text(cells, "tipo"), monto or 0.0))
    return out


# --- Conteos, Ciudades ----------------------------------------------------------------------------


def _conteos(t: _Table, tz: ZoneInfo, serial: bool, problems: _Problems) -> list[Conteo]:
    out: list[Conteo] = []
    seen: dict[str, int] = {}
    for row, cells in t.rows:
        ts = t.cell(cells, "marca_temporal")
        try:
            at = parse_datetime(ts, tz, serial=serial)
        except ParseError as e:
            problems.add("fecha_invalida", "Conteos", row, "marca_temporal", ts, _costing(e, C.CONTEO))
            continue
        sala = t.text(cells, "sala")
        tipo_raw = t.text(cells, "tipo")
        tipo = schema.CONTEO_TIPOS.get(fold(tipo_raw)) if tipo_raw else None
        if not sala:
            problems.add("conteo_invalido", "Conteos", row, "sala", "", Said.of(P.CONTEO_SIN_SALA), Said.of(F.SALA))
            continue
        if tipo is None:
            problems.add("conteo_invalido", "Conteos", row, "tipo", tipo_raw, Said.of(P.CONTEO_TIPO, tipo=tipo_raw))
            continue
        v = t.cell(cells, "valor")
        try:
            valor = parse_int(v)
        except ParseError as e:
            problems.add("conteo_invalido", "Conteos", row, "valor", v, _costing(e, C.CONTEO))
            continue
        if tipo == "conteo" and valor < 0:
            problems.add("conteo_invalido", "Conteos", row, "valor", v, Said.of(P.CONTEO_NEGATIVO))
            continue
        if abs(valor) > schema.MAX_PERSONAS_SALA:
            problems.add(
                "conteo_invalido", "Conteos", row, "valor", v, Said.of(P.CONTEO_GRANDE, max=schema.MAX_PERSONAS_SALA)
            )
            continue
        op = t.text(cells, "id_operacion")
        if _repeated_op(problems, "Conteos", row, op, seen):
            continue
        out.append(Conteo(row, at, sala, tipo, valor, t.text(cells, "registrado_por"), op))
    out.sort(key=lambda c: (c.at, c.row))
    return out


def _known_rooms(conteos: list[Conteo], salas: list[Sala], agenda: list[Sesion], problems: _Problems) -> list[Conteo]:
    """Tallies for rooms that exist (Salas or Agenda, matched as metrics matches them); one for a
    room nobody declared would be counted nowhere, so it is a Problem instead of a silent row.
    Without either tab there is no room to check against (that tab's own Problem says so)."""
    known = {fold(s.sala) for s in salas} | {fold(s.sala) for s in agenda}
    if not known:
        return conteos
    for c in conteos:
        if fold(c.sala) not in known:
            problems.add(
                "conteo_invalido", "Conteos", c.row, "sala", c.sala, Said.of(P.CONTEO_SALA_DESCONOCIDA, sala=c.sala)
            )
    return [c for c in conteos if fold(c.sala) in known]


def _ciudades(t: _Table, problems: _Problems) -> list[CiudadOverride]:
    out: list[CiudadOverride] = []
    for row, cells in t.rows:
        ciudad = t.text(cells, "ciudad")
        try:
            lat, lon = parse_decimal(t.cell(cells, "lat")), parse_decimal(t.cell(cells, "lon"))
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ParseError(X.COORDENADAS_FUERA, (lat, lon), lat=lat, lon=lon)
        except ParseError as e:
            problems.add(
                "coordenada_invalida",
                "Ciudades",
                row,
                "lat",
                f"{text(t.cell(cells, 'lat'))}, {text(t.cell(cells, 'lon'))}",
                _costing(e, C.CORRECCION),
                Said.of(F.COORDENADAS),
            )
            continue
        if not ciudad:
            problems.add("ciudad_vacia", "Ciudades", row, "ciudad", "", Said.of(P.CIUDAD_VACIA))
            continue
        pais_raw = t.text(cells, "pais")
        out.append(
            CiudadOverride(
                row, ciudad, t.text(cells, "provincia"), (country_code(pais_raw) or "") if pais_raw else "", lat, lon
            )
        )
    return out


# --- The whole workbook -------------------------------------------------------------------------


def clean_workbook(raw: RawWorkbook, fuente: Fuente) -> Snapshot:
    """Every known tab cleaned into one Snapshot (not yet geocoded: see :func:`foro_data.build.build_snapshot`)."""
    problems = _Problems()
    found = _match_tabs(raw, problems)
    tables: dict[str, _Table] = {}
    reports: list[TabReport] = []
    for tab in schema.TABS:
        if tab.name not in found:
            reports.append(TabReport(tab.name, None, (), tuple(tab.headers), (), 0))
            if tab.required:
                problems.add(
                    "pestana_faltante",
                    tab.name,
                    None,
                    None,
                    "",
                    Said.of(P.PESTANA_FALTANTE, tab=tab.name),
                    Said.of(F.PESTANA_FALTANTE, tab=tab.name),
                )
            continue
        title, rows = found[tab.name]
        if _is_empty(rows):
            # One notice for the whole tab: listing each of its columns as missing says nothing more.
            reports.append(TabReport(tab.name, title, (), tuple(tab.headers), (), 0))
            problems.add(
                "pestana_vacia",
                tab.name,
                None,
                None,
                title,
                Said.of(P.PESTANA_VACIA, titulo=title),
                Said.of(F.PESTANA_VACIA, encabezados=", ".join(tab.headers)),
                "error" if tab.required else "aviso",
            )
            continue
        t, report = _table(tab, title, rows, problems)
        reports.append(report)
        if _usable(t, problems):
            tables[tab.name] = t
        else:
            _reject_all(t, problems)

    evento = _evento(tables.get("Evento"), problems)
    tz = ZoneInfo(evento.zona_horaria)
    day = date.fromisoformat(evento.fecha)
    serial = raw.serial_dates

    personas = (
        deduplicate(_registration_rows(tables["Inscripciones"], tz, serial, problems), problems)
        if "Inscripciones" in tables
        else []
    )
    ix = Index.of(personas)

    def run(name: str, fn, *args):
        return fn(tables[name], *args) if name in tables else []

    salas = run("Salas", _salas, problems)
    agenda = run("Agenda", _agenda, tz, day, serial, problems)
    return Snapshot(
        fuente=fuente,
        evento=evento,
        personas=tuple(personas),
        scans=tuple(run("Acreditaciones", _scans, ix, tz, serial, problems)),
        salas=tuple(salas),
        agenda=tuple(agenda),
        apoyos=tuple(run("Apoyos", _apoyos, ix, tz, serial, problems)),
        presupuesto=tuple(run("Presupuesto", _presupuesto, problems)),
        conteos=tuple(_known_rooms(run("Conteos", _conteos, tz, serial, problems), salas, agenda, problems)),
        ciudades=tuple(run("Ciudades", _ciudades, problems)),
        problems=tuple(problems.items),
        tabs=tuple(reports),
        present_tabs=frozenset(tables),
    )
