"""The UI catalogue: every key in es/pt/en with the same placeholders; formatting per language."""

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from foro_data import schema
from ui import fmt
from ui.i18n import LANGS, catalogue, normalise_lang, t, t_opt

ROOT = Path(__file__).resolve().parent.parent


def _placeholders(s: str) -> set[str]:
    return set(re.findall(r"{(\w*)}", s))


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_every_key_has_three_languages_with_same_placeholders(key):
    texts = catalogue()[key]
    assert len(texts) == len(LANGS) == 3
    assert all(x.strip() for x in texts), key
    assert _placeholders(texts[0]) == _placeholders(texts[1]) == _placeholders(texts[2]), key


def test_every_key_used_in_the_code_exists():
    used: set[str] = set()
    for path in [ROOT / "dashboard.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+)["']""", path.read_text(encoding="utf-8")))
    missing = used - set(catalogue())
    assert not missing


def test_enumerations_are_translated():
    for r in schema.ROLES:
        assert t_opt("rol", r, "en") != r
    for g in set(schema.GENEROS.values()):
        assert t_opt("genero", g, "pt") != g
    assert t_opt("rol", "desconocido", "es") == "desconocido"


def test_language_fallback():
    assert normalise_lang("PT") == "pt"
    assert normalise_lang("en-US") == "en"
    assert normalise_lang("de") == "es"
    assert t("page.en_vivo", "xx") == "En vivo"


@pytest.mark.parametrize(
    "value, lang, decimals, expected",
    [
        (1234, "es", 0, "1.234"),
        (1234567.5, "es", 2, "1.234.567,50"),
        (1234, "pt", 0, "1.234"),
        (1234, "en", 0, "1,234"),
        (12.5, "es", 1, "12,5"),
        (0, "es", 0, "0"),
        (None, "es", 0, "—"),
    ],
)
def test_number(value, lang, decimals, expected):
    assert fmt.number(value, lang, decimals) == expected


def test_dates_and_ages():
    tz = ZoneInfo("America/Argentina/Mendoza")
    dt = datetime(2025, 6, 19, 9, 5, tzinfo=tz)
    assert fmt.day_hour(dt, "es") == "19/6 09:05"
    assert fmt.day_hour(dt, "en") == "6/19 09:05"
    assert fmt.day_hour(dt.astimezone(ZoneInfo("UTC")), "es", tz) == "19/6 09:05"
    assert fmt.percent(45.0, "es") == "45 %" and fmt.percent(45.0, "en") == "45%"
    assert fmt.money(150000, "ARS", "es") == "ARS 150.000"
    assert t("banner.actualizado", "es", edad=fmt.age(12, "es")) == "Actualizado hace 12 s"
    assert fmt.age(125, "es") == "2 min" and fmt.age(3900, "en") == "1 h 5 min"


@pytest.mark.parametrize(
    "text",
    [
        "**negrita**",
        "[x](http://evil)",
        "<script>alert(1)</script>",
        ":red[rojo]",
        "![img](http://x/y.png)",
        "# título",
        "`code`",
        "$x$",
    ],
)
def test_md_escape_leaves_no_active_markdown(text):
    escaped = fmt.md_escape(text)
    # Every special character is preceded by a backslash.
    for i, ch in enumerate(escaped):
        if ch in "*[]()<>:`$#!":
            assert escaped[i - 1] == "\\", (text, escaped)
