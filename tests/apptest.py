"""Helpers for the AppTest modules: the page files, opening a page as a role and language, checks
every page must pass. Fixtures are in conftest.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from foro_data import access
from ui.frame import RAISE_ENV

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = str(ROOT / "dashboard.py")
PAGE_FILES = {p.id: p.file for p in access.PAGE_REGISTRY}
EXISTING = list(access.PAGES)  # every registered page; a missing file fails instead of shrinking coverage
ROLES = access.ROLES
LANGS = ("es", "pt", "en")
TIMEOUT = 60


DEMO_TOML = '[foro]\nfuente = "demo"\ndemo_inicio = "11:00"\ndemo_velocidad = 1\n'


def use_config(env: pytest.MonkeyPatch, path: Path, text: str, cache: Path) -> None:
    """Points the app at a configuration file; ``env`` undoes it when the test (or module) ends."""
    path.write_text(text, encoding="utf-8")
    env.setenv("FORO_SECRETS", str(path))
    env.setenv("FORO_CACHE_DIR", str(cache))
    env.setenv(RAISE_ENV, "1")  # an unexpected exception must reach AppTest, not a friendly box


def open_page(page: str, role: str = "organizacion", lang: str = "es", **params: str) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    at.query_params.update({"lang": lang, **params})
    if role != "organizacion":
        at.query_params["rol"] = role
    at.run()
    if page != "en_vivo":
        at.switch_page(PAGE_FILES[page]).run()
    return at


def rendered(at: AppTest):
    return at.session_state["_snap"], at.session_state["_as_of"]


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@dataclass(frozen=True)
class Shown:
    """One of En vivo's headline figures as the page drew it (ui.components.headline_html)."""

    key: str
    label: str
    value: str
    under: str | None
    help: str | None


_CELL = re.compile(
    r'<div class="foro-cifra" data-cifra="(?P<key>\w+)"><div class="foro-cifra-etiqueta"(?: title="(?P<help>[^"]*)")?>'
    r'(?P<label>[^<]*)</div><div class="foro-cifra-valor">(?P<value>[^<]*)</div>'
    r'(?:<div class="foro-cifra-bajo">(?P<under>[^<]*)</div>)?</div>'
)


def headline(at: AppTest) -> list[Shown]:
    """En vivo's headline figures in the order shown (empty when the page drew none)."""
    block = next((h.value for h in at.get("html") if 'class="foro-cifras"' in h.value), "")
    return [
        Shown(
            m["key"],
            unescape(m["label"]),
            unescape(m["value"]),
            *(unescape(x) if x else None for x in (m["under"], m["help"])),
        )
        for m in _CELL.finditer(block)
    ]
