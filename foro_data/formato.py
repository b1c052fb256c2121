"""Numbers and percentages in each language's style (es-AR ``1.234``, en ``1,234``): shared by the
pages (ui/fmt) and the partners' report."""

from __future__ import annotations

# Decimal and thousands separators per language.
_SEP = {"es": (",", "."), "pt": (",", "."), "en": (".", ",")}


def _seps(lang: str) -> tuple[str, str]:
    return _SEP.get(lang, _SEP["es"])


def number(value: float | int | None, lang: str, decimals: int = 0) -> str:
    """Grouped number in the language's style.

    >>> number(1234, "es"), number(1234567.5, "es", 2), number(1234, "en")
    ('1.234', '1.234.567,50', '1,234')
    """
    if value is None:
        return "—"
    dec, thou = _seps(lang)
    s = f"{value:,.{decimals}f}"
    return s.replace(",", "\x00").replace(".", dec).replace("\x00", thou)


def percent(value: float | None, lang: str, decimals: int = 0) -> str:
    """``45 %`` in Spanish and Portuguese, ``45%`` in English."""
    if value is None:
        return "—"
    n = number(value, lang, decimals)
    return f"{n}%" if lang == "en" else f"{n} %"
