"""Role category of a person from the ``rol`` column, else from the free-typed ``cargo``.

The tables are in :mod:`foro_data.schema` (ROLE_NOUNS, ROLE_GENERIC, ROLE_CUES…); this module only
reads a cargo with them. Chosen rule, and why: the first role noun of a cargo says what the person
is, so "Asesora del Intendente" is an adviser (local government), not a mayor, and "Profesor,
Universidad Nacional de Córdoba" is a professor, not national government. A generic noun
(secretario, director, asesor…) takes its category from the first organisation word (Ministerio
de la Nación, Municipalidad, BID…). A wrong mayor is worse than a missed one here: mayors get
priority for funding, so a word *about* a mayor must never make one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import schema
from .schema import fold

_ACTING = tuple(re.compile(p) for p in schema.ROLE_ACTING_MAYOR)
_FORMER = tuple(re.compile(p) for p in schema.ROLE_FORMER)
_NOUNS = tuple((role, re.compile(p)) for role, p in schema.ROLE_NOUNS)
_GENERIC = tuple((role, re.compile(p)) for role, p in schema.ROLE_GENERIC)
_CUES = tuple((role, re.compile(p)) for role, p in schema.ROLE_CUES)


def _first(rules: tuple[tuple[str, re.Pattern[str]], ...], key: str) -> tuple[int, int, str] | None:
    """(position, rule order, category) of the earliest match; at one position the first rule wins."""
    hits = [(m.start(), order, role) for order, (role, rx) in enumerate(rules) if (m := rx.search(key))]
    return min(hits) if hits else None


@lru_cache(maxsize=4096)
def role_of_text(value: str) -> str | None:
    """The category one value names, or None when it names none.

    >>> role_of_text("Funcionaria municipal, asesora del Intendente")
    'gobierno_local'
    >>> role_of_text("Ex intendente"), role_of_text("Vice-prefeita"), role_of_text("Intendente interino")
    (None, 'gobierno_local', 'intendencia')
    """
    key = fold(value)
    if not key:
        return None
    if key in schema.ROLE_OTRO_WORDS:
        return "otro"
    if key.replace(" ", "_") in schema.ROLES:
        return key.replace(" ", "_")
    if any(rx.search(key) for rx in _ACTING):
        return "intendencia"
    for rx in _FORMER:
        key = rx.sub(" ", key)
    noun, generic, cue = _first(_NOUNS, key), _first(_GENERIC, key), _first(_CUES, key)
    if noun and (not generic or noun[0] <= generic[0]):
        return noun[2]
    if cue:
        return cue[2]
    if generic:
        return generic[2]
    return None


def derive_role(rol: str, cargo: str) -> str:
    """Role category from ``rol``, else from ``cargo``; ``otro`` when neither names one.

    The explicit ``rol`` column is trusted first because organisers fill it on purpose; ``cargo``
    is free text typed by the person and only used when ``rol`` says nothing we recognise.

    >>> derive_role("", "Sra. Intendenta"), derive_role("Prensa", "Intendente")
    ('intendencia', 'prensa')
    >>> derive_role("", "Asesor ad honorem")
    'otro'
    """
    for value in (rol, cargo):
        role = role_of_text(value) if value else None
        if role is not None:
            return role
    return "otro"
