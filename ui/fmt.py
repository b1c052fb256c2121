"""Numbers, times, ages and safe Markdown per language (es-AR ``1.234``, ``19/6 09:05``). No streamlit."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, tzinfo

from foro_data.formato import number, percent  # noqa: F401  (one home for number style)

from .i18n import t


def money(value: float | None, moneda: str, lang: str) -> str:
    """Amount with its currency code; decimals only when there are cents.

    >>> money(150000, "ARS", "es"), money(99.5, "USD", "en")
    ('ARS 150.000', 'USD 99.50')
    """
    if value is None:
        return "—"
    decimals = 0 if float(value).is_integer() else 2
    return f"{moneda} {number(value, lang, decimals)}"


def hour(dt: datetime | None, tz: tzinfo | None = None) -> str:
    """``09:05`` in the event's time zone."""
    if dt is None:
        return "—"
    return (dt.astimezone(tz) if tz else dt).strftime("%H:%M")


def day_hour(dt: datetime | None, lang: str, tz: tzinfo | None = None) -> str:
    """``19/6 09:05`` (es, pt) or ``6/19 09:05`` (en)."""
    if dt is None:
        return "—"
    d = dt.astimezone(tz) if tz else dt
    if lang == "en":
        return f"{d.month}/{d.day} {d:%H:%M}"
    return f"{d.day}/{d.month} {d:%H:%M}"


def age(seconds: float, lang: str) -> str:
    """``12 s``, ``3 min``, ``1 h 5 min``."""
    s = max(0, int(seconds))
    if s < 60:
        return t("edad.s", lang, n=s)
    if s < 3600:
        return t("edad.min", lang, n=s // 60)
    return t("edad.h", lang, n=s // 3600, m=(s % 3600) // 60)


_MD_SPECIAL = set("\\`*_{}[]()#+-.!|<>~$:&=\"'")


# GFM turns "www.x", "https://x" and "a@b.c" into links even when every punctuation mark is
# escaped; an invisible word joiner after "www", the scheme or before "@" keeps them plain text.
_JOINER = "\u2060"
_NO_AUTOLINK = re.compile(r"(?i)\bwww(?=\.)|\b(?:https?|ftp|mailto|xmpp)(?=:)|[^\s@](?=@)")


def md_escape(text: object) -> str:
    """Sheet text made inert for ``st.markdown``: every Markdown/HTML character backslash-escaped.

    CommonMark allows a backslash before any ASCII punctuation, so nothing the Sheet holds can
    become a link, an image, emphasis, HTML or a Streamlit directive such as ``:red[...]``.

    >>> md_escape("**hola** <b>")
    '\\\\*\\\\*hola\\\\*\\\\* \\\\<b\\\\>'
    >>> md_escape("www.x.org a@b.co").replace("\\u2060", "|")
    'www|\\\\.x\\\\.org a|@b\\\\.co'
    """
    s = _NO_AUTOLINK.sub("\\g<0>" + _JOINER, " ".join(str(text).split()))
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in s)


def distinctive(texts: Sequence[str]) -> dict[str, str]:
    """Each text without the heading before its first colon when other texts on screen share it:
    on a wall, "Intercambio de experiencias (2ª ronda):" six times hides what tells rooms apart.

    >>> distinctive(["Intercambio: Diseño urbano", "Intercambio: Policías", "Apertura: bienvenida"])
    {'Intercambio: Diseño urbano': 'Diseño urbano', 'Intercambio: Policías': 'Policías', 'Apertura: bienvenida': 'Apertura: bienvenida'}
    """
    heads = Counter(x.partition(":")[0] for x in set(texts) if ":" in x)
    out: dict[str, str] = {}
    for x in texts:
        head, sep, tail = x.partition(":")
        out[x] = tail.strip() if sep and tail.strip() and heads[head] > 1 else x
    return out
