"""Which person is this: how an id, an e-mail or a document is normalised, and how a check-in,
a funding request or a walk-in is matched to a registered person.

The rule, in one place (DESIGN "Inscriptos"; ``clean``, the writer's reconciliation, the desk search
and the walk-in check all call it):

* an **e-mail** identifies by its case-folded text (``Ana@Muni.gob.ar`` == ``ana@muni.gob.ar``);
* a **document** identifies by its digits, because dots, spaces and letter prefixes are typed every
  which way (``30.123.456`` == ``DNI 30123456``); a document with no digit at all (some passports)
  identifies by its folded letters without spaces (``AB CD`` == ``abcd``), unless its words only
  say there is none (``sin número``, ``N/A``): that identifies nobody, so two people who typed it
  are not one person, and the desk refuses it (:func:`is_document`);
* an **id** identifies by its folded text (``P-12`` == ``p 12``).

A value the Sheet returns with the leading apostrophe that keeps text literal (``'0012``) is the same
value without it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Persona
from .parse import digits, text
from .schema import fold

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# What people type in a document field when they have none (folded words, es/pt/en): a
# letters-only document made only of these words is no document.
_NO_DOCUMENT_WORDS = frozenset(
    "sin no tiene tengo numero nro n a s d x xx na nn sd nada ninguno ninguna falta pendiente dni ci rut cpf "
    "documento pasaporte passport none null nao possui sem tem".split()
)

# The columns that identify a person, in the order a match tries them.
IDENTIFYING = ("id", "email", "documento")


def is_email(value: str) -> bool:
    """The shape an e-mail must have to identify a person (no attempt at full RFC 5322).

    >>> is_email("ana@muni.gob.ar"), is_email("ana@muni")
    (True, False)
    """
    return bool(_EMAIL_RE.match(value))


def _literal(value: object) -> str:
    s = text(value)
    return s[1:] if s.startswith("'") else s


def norm_email(value: object) -> str:
    """
    >>> norm_email(" Ana@Muni.GOB.ar ")
    'ana@muni.gob.ar'
    """
    return _literal(value).strip().casefold()


def norm_document(value: object) -> str:
    """Digits when there are any, else the folded letters without spaces; "" for a text that
    only says there is no document.

    >>> norm_document("30.123.456"), norm_document("AB 12"), norm_document("AB CD"), norm_document(30123456.0)
    ('30123456', '12', 'abcd', '30123456')
    >>> norm_document("sin número"), norm_document("N/A"), norm_document("-")
    ('', '', '')
    """
    s = _literal(value)
    if re.search(r"\d", s):
        return digits(s)
    words = fold(s).split()
    return "" if all(w in _NO_DOCUMENT_WORDS for w in words) else "".join(words)


def is_document(value: object) -> bool:
    """Whether a typed document can identify a person: it has digits or, like some passports,
    only letters. What normalises to nothing (``"-"``, ``"sin número"``) cannot: the desk, the CLI
    and the walk-in form refuse it.

    >>> is_document("30.123.456"), is_document("AB CD"), is_document("AB 12"), is_document(" - ")
    (True, True, True, False)
    >>> is_document("sin número"), is_document("No tiene")
    (False, False)
    """
    return bool(norm_document(value))


def norm_id(value: object) -> str:
    """
    >>> norm_id(" Nº 12 "), norm_id(12.0)
    ('no 12', '12')
    """
    return fold(_literal(value))


_NORMALISERS = {"id": norm_id, "email": norm_email, "documento": norm_document}


def normalise(column: str, value: object) -> str:
    """The normalised form of a key column's value ('' for a blank one); a column that does not
    identify a person (``id_operacion``) compares as its literal text.

    >>> normalise("documento", "'0012 345"), normalise("email", "A@B.co"), normalise("id_operacion", "'x-1")
    ('0012345', 'a@b.co', 'x-1')
    """
    return _NORMALISERS.get(column, _literal)(value)


@dataclass(frozen=True)
class Identifiers:
    """Every normalised identifier a person (or a check-in) carries."""

    ids: frozenset[str] = frozenset()
    emails: frozenset[str] = frozenset()
    documentos: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *, id: object = "", email: object = "", documento: object = "") -> "Identifiers":
        """The identifiers of one row or one check-in; blanks are left out.

        >>> Identifiers.of(email="A@b.co", documento="")
        Identifiers(ids=frozenset(), emails=frozenset({'a@b.co'}), documentos=frozenset())
        """

        def one(k: str) -> frozenset[str]:
            return frozenset(filter(None, (k,)))

        return cls(one(norm_id(id)), one(norm_email(email)), one(norm_document(documento)))

    @classmethod
    def union(cls, many: Iterable["Identifiers"]) -> "Identifiers":
        many = list(many)
        return cls(
            frozenset().union(*(m.ids for m in many)),
            frozenset().union(*(m.emails for m in many)),
            frozenset().union(*(m.documentos for m in many)),
        )

    def __bool__(self) -> bool:
        return bool(self.ids or self.emails or self.documentos)

    def shares_any(self, other: "Identifiers") -> bool:
        """Whether one identifier names both (the person a check-in is about)."""
        return bool(self.ids & other.ids or self.emails & other.emails or self.documentos & other.documentos)


def identifiers_of(persona: Persona) -> Identifiers:
    """The identifiers of a registered person (after de-duplication, every row's)."""
    return Identifiers(persona.ids, persona.emails, persona.documentos)


def matches(persona: Persona, *, id: object = "", email: object = "", documento: object = "") -> bool:
    """Whether a check-in with these identifiers names this person.

    >>> from types import SimpleNamespace as P
    >>> ana = P(ids=frozenset(), emails=frozenset({"ana@b.co"}), documentos=frozenset({"abcd"}))  # a Persona's identifiers
    >>> matches(ana, documento="AB CD"), matches(ana, email="ANA@B.CO"), matches(ana, id="7")
    (True, True, False)
    """
    return identifiers_of(persona).shares_any(Identifiers.of(id=id, email=email, documento=documento))


@dataclass
class Index:
    """Every identifier every person used, for check-ins, funding requests and the desk."""

    ids: dict[str, str]
    emails: dict[str, str]
    documentos: dict[str, str]

    @classmethod
    def of(cls, personas: Iterable[Persona]) -> "Index":
        ix = cls({}, {}, {})
        for p in personas:
            for i in p.ids:
                ix.ids.setdefault(i, p.key)
            for e in p.emails:
                ix.emails.setdefault(e, p.key)
            for d in p.documentos:
                ix.documentos.setdefault(d, p.key)
        return ix

    def match(self, ident: object, email: object, documento: object) -> tuple[str | None, str]:
        """(Persona.key or None, the identifier as normalised), trying id, then e-mail, then document."""
        wanted = Identifiers.of(id=ident, email=email, documento=documento)
        for keys, table in ((wanted.ids, self.ids), (wanted.emails, self.emails), (wanted.documentos, self.documentos)):
            for k in keys:
                if k in table:
                    return table[k], k
        first = next(iter(wanted.emails or wanted.documentos or wanted.ids), "")
        return None, first


def find_persona(
    personas: Iterable[Persona], *, id: object = "", email: object = "", documento: object = ""
) -> Persona | None:
    """The registered person these identifiers name (id, then e-mail, then document), or None:
    the lookup of the CLI's ``acreditar``, the desk and the walk-in check."""
    personas = list(personas)
    key, _ = Index.of(personas).match(id, email, documento)
    return next((p for p in personas if p.key == key), None) if key is not None else None
