"""No page a partner or the public can open shows an e-mail, a document number or a surname from
the demo workbook — neither on screen nor in its downloads."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from foro_data import access, export
from foro_data.schema import fold
from tests.apptest import EXISTING, LANGS, assert_clean, headline, open_page, rendered
from ui.frame import Ctx
from ui.partners import tablas

pytestmark = pytest.mark.usefixtures("demo_config")

OUTSIDERS = ("socios", "publico", "coordinacion")


def screen_text(at: AppTest) -> str:
    """Everything the page put on screen, as text."""
    parts: list[str] = []
    for kind in ("markdown", "caption", "text", "title", "header", "subheader", "info", "warning", "success", "error"):
        parts += [str(e.value) for e in at.get(kind)]
    for m in at.metric:
        parts += [m.label, m.value, str(m.proto.delta)]
    for f in headline(at):
        parts += [f.label, f.value, f.under or "", f.help or ""]
    for d in at.dataframe:
        parts.append(d.value.to_csv(index=False))
    for b in at.get("download_button"):
        parts.append(b.label)
    return "\n".join(parts)


def secrets_of(snap) -> tuple[set[str], set[str], set[str]]:
    emails = {e for p in snap.personas for e in p.emails if e}
    docs = {d for p in snap.personas for d in p.documentos if len(d) >= 6}
    # Surnames that are not also ordinary words or places on screen (e.g. "Mendoza", "Paz").
    places = {fold(p.ciudad) for p in snap.personas} | {fold(p.provincia) for p in snap.personas}
    # ...and words of place names: the city table prints "Godoy Cruz", and Godoy is also a surname.
    places |= {w for p in snap.personas for w in fold(p.ciudad).split()}
    surnames = {p.apellido for p in snap.personas if len(p.apellido) >= 4 and fold(p.apellido) not in places}
    return emails, docs, surnames


def assert_no_personal_data(text: str, snap) -> None:
    emails, docs, surnames = secrets_of(snap)
    low = text.casefold()
    folded_words = set(fold(text).split())
    assert "@" not in text, "an e-mail-like text is on screen"
    leaked_emails = [e for e in emails if e.casefold() in low]
    assert not leaked_emails
    digits = re.sub(r"\D", " ", text).split()
    leaked_docs = [d for d in docs if d in digits]
    assert not leaked_docs
    leaked_names = [s for s in surnames if set(fold(s).split()) <= folded_words and fold(s) in fold(text)]
    assert not leaked_names, leaked_names[:5]


CASES = [(page, role) for role in OUTSIDERS for page in access.allowed_pages(role) if page in EXISTING]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page, role", CASES)
def test_outsider_pages_show_no_personal_data(page, role, lang):
    at = open_page(page, role, lang)
    assert_clean(at)
    snap, _ = rendered(at)
    assert snap.personas, "the demo has people, so the test can fail"
    assert_no_personal_data(screen_text(at), snap)


@pytest.mark.parametrize("lang", LANGS)
def test_partner_downloads_have_no_personal_data(lang):
    at = open_page("socios", "socios", lang)
    snap, as_of = rendered(at)
    assert len(at.get("download_button")) == 2
    ctx = Ctx(None, snap, as_of, lang, "socios", False)  # type: ignore[arg-type]
    todas = tablas(ctx)
    csv_text = export.to_csv(export.combined(todas)).decode("utf-8-sig")
    assert_no_personal_data(csv_text, snap)
    from io import BytesIO

    from openpyxl import load_workbook

    wb = load_workbook(BytesIO(export.to_xlsx(todas)))
    cells = "\n".join(str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row)
    assert_no_personal_data(cells, snap)


def test_the_check_catches_a_leak():
    """The privacy check itself fails on the organisers' people list."""
    at = open_page("personas")
    snap, _ = rendered(at)
    with pytest.raises(AssertionError):
        assert_no_personal_data(screen_text(at), snap)
