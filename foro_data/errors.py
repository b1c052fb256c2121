"""One error vocabulary: every refusal carries a stable ``code`` the code branches on and a
``reason`` people read, in their language.

* Codes are declared once per family, as a ``StrEnum`` in that family's catalogue module under
  ``foro_data/catalogue/`` (sources, writes, problems, …); the enum value is the code.
* Sentences live beside their codes, keyed by code, in Spanish (the default) and, where written,
  Portuguese and English. :func:`say` falls back to Spanish for a language not written yet.
* Every exception of the product derives from :class:`ForoError` and keeps the code and the
  parameters of its sentence, so a page can word it again in the viewer's language.

pretix's ``CheckInError(msg, code)`` is the model: the UI branches on the code, people read the
message.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal, get_args

Lang = Literal["es", "pt", "en"]
LANGS: tuple[str, ...] = get_args(Lang)


@dataclass(frozen=True)
class Sentence:
    """One sentence with ``{named}`` placeholders, per language; pt and en fall back to es."""

    es: str
    pt: str = ""
    en: str = ""

    def get(self, lang: str) -> str:
        written = getattr(self, lang) if lang in LANGS else ""
        return written or self.es


# code -> sentence, filled by :func:`register` from each family module in foro_data.catalogue.
CATALOGUE: dict[str, Sentence] = {}


def register(family: type[StrEnum], sentences: Mapping[StrEnum, Sentence]) -> None:
    """Adds a family's sentences; every code of the family must have one, and codes are unique
    across families (a code means one thing everywhere)."""
    missing = [c.value for c in family if c not in sentences]
    if missing:
        raise ValueError(f"{family.__name__}: codes without a sentence: {missing}")
    for code, sentence in sentences.items():
        if code.value in CATALOGUE and CATALOGUE[code.value] != sentence:
            raise ValueError(f"code {code.value!r} is declared twice with different sentences")
        CATALOGUE[code.value] = sentence


def _loaded() -> dict[str, Sentence]:
    """The catalogue with every family registered (the families import this module, so they are
    imported here on first use rather than at the top)."""
    import foro_data.catalogue  # noqa: F401

    return CATALOGUE


def say(code: str, lang: str = "es", **params: object) -> str:
    """The sentence for a code in a language, with its placeholders filled. A parameter that is
    itself a :class:`Said` (a sentence inside a sentence), or a tuple of them, is worded in the
    same language.

    >>> from foro_data import catalogue  # registers every family
    >>> say("sheets_servidor", "en", status=503)
    'Google Sheets had a server error (HTTP 503).'
    >>> say("problema.sala_repetida", "en", sala="Plenario")
    'The room «Plenario» is already listed above; the first one is used.'
    >>> say("problema.con_consecuencia", "pt", detalle=Said.of("parse.numero_vacio"),
    ...     consecuencia=Said.of("consecuencia.conteo"))
    'Falta o número: a célula está vazia. A contagem não é usada.'
    """
    sentence = CATALOGUE.get(code) or _loaded().get(code)
    if sentence is None:
        raise KeyError(f"no sentence for code {code!r}")
    worded = {k: _worded(v, lang) for k, v in params.items()}
    return sentence.get(lang).format(**worded)


def _worded(value: object, lang: str) -> object:
    """A sentence's parameter: a Said (or several, a whole reason) is worded in ``lang``."""
    if isinstance(value, Said):
        return value.in_(lang)
    if isinstance(value, tuple) and all(isinstance(v, Said) for v in value):  # () words as ""
        return words(value, lang)
    return value


def word_for(family: str, value: str, lang: str = "es") -> str:
    """The catalogue's word for a code the data holds (``gravedad``: error/aviso; ``apoyo_estado``
    and ``apoyo_tipo``: the Sheet's Spanish values, matched like every Sheet text), or the value as
    typed when the catalogue has none.

    >>> word_for("apoyo_estado", "En evaluación", "en"), word_for("apoyo_tipo", "beca", "en")
    ('under review', 'beca')
    """
    from .schema import fold

    code = f"{family}.{fold(value).replace(' ', '_')}"
    return say(code, lang) if code in _loaded() else value


class ForoError(Exception):
    """Base of every error the product raises on purpose: a code and the parameters of its
    sentence. ``reason`` is the Spanish sentence; :meth:`reason_in` words it in another language.
    """

    def __init__(self, code: str, /, **params: object):
        self.code = str(code)
        self.params = params
        super().__init__(self.reason)

    @property
    def reason(self) -> str:
        return self.reason_in("es")

    @property
    def said(self) -> "Said":
        """The sentence unworded, to carry into a Problem or another sentence."""
        return Said(self.code, dict(self.params))

    def sentences(self) -> "tuple[Said, ...]":
        """The whole reason unworded, one or more sentences: what a record keeps (the stale
        banner's reason, the sender's last error) to word later in the reader's language. An
        error whose ``code`` is a stable family code rather than a sentence's overrides this."""
        return (self.said,)

    def reason_in(self, lang: str) -> str:
        return words(self.sentences(), lang)


@dataclass(frozen=True)
class Said:
    """A sentence to word later, in the reader's language: a catalogue code and its parameters.
    What the venue's sender stores (in the outbox) and what a Problem keeps for its reason and
    fix, instead of a Spanish string. A parameter may itself be a Said (worded in the same
    language)."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict, hash=False)

    @classmethod
    def of(cls, code: str, /, **params: object) -> "Said":
        return cls(str(code), params)

    def in_(self, lang: str = "es") -> str:
        # Outboxes written before sentences named the header row lack "fila": it was row 1 then.
        return say(self.code, lang, **{"fila": 1, **self.params})

    def to_json(self) -> list[object]:
        """``[code, params]``; a parameter that is a Said (or a tuple of them) nests as
        ``{"said": …}`` (``{"saids": […]}``), so a reason about a reason survives a round trip."""
        return [str(self.code), {k: _param_to_json(v) for k, v in self.params.items()}]

    @classmethod
    def from_json(cls, value: Sequence[Any]) -> "Said":
        code, params = value
        return cls(str(code), {k: _param_from_json(v) for k, v in dict(params).items()})


def _param_to_json(value: object) -> object:
    if isinstance(value, Said):
        return {"said": value.to_json()}
    if isinstance(value, tuple) and value and all(isinstance(v, Said) for v in value):
        return {"saids": [v.to_json() for v in value]}
    return value


def _param_from_json(value: object) -> object:
    if isinstance(value, dict) and set(value) == {"said"}:
        return Said.from_json(value["said"])
    if isinstance(value, dict) and set(value) == {"saids"}:
        return tuple(Said.from_json(v) for v in value["saids"])
    return value


def words(said: "tuple[Said, ...] | list[Said]", lang: str = "es") -> str:
    """Several sentences as one text."""
    return "".join(s.in_(lang) for s in said)
