"""The first frame (ui/first_frame.py, issue 13) without a browser: which pages get one, what it
says, in which language, and that it carries aggregates only."""

from __future__ import annotations

import re
from html import unescape

import pytest

from foro_data import access, metrics
from tests.apptest import LANGS
from tests.test_privacy import assert_no_personal_data
from ui import components, data, first_frame
from ui.frame import Ctx
from ui.i18n import catalogue, t

pytestmark = pytest.mark.usefixtures("demo_config")


def text_of(html_text: str) -> str:
    """What a reader sees: the frame without its style sheets and tags."""
    body = re.sub(r"<style>.*?</style>", " ", html_text, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", body))


def public_ctx(lang: str = "es", kiosk: bool = False) -> Ctx:
    cfg = data.config()
    snap = data.snapshot(cfg)
    assert snap is not None
    return Ctx(cfg, snap, data.as_of_now(cfg, snap, False), lang, "publico", kiosk)


@pytest.mark.parametrize("page_id", access.PAGES)
def test_only_public_aggregate_pages_get_a_frame(page_id):
    page = access.PAGE_BY_ID[page_id]
    url = "/" if page_id == access.PAGES[0] else f"/{page.url_path}"
    got = first_frame.page_for(url)
    assert got == (page_id if page_id in first_frame.PAGES else None)
    assert got is None or (access.may_open("publico", got) and got not in access.PERSONAL_DATA_PAGES)


def test_en_vivo_frame_shows_the_headline_figures_and_every_room():
    ctx = public_ctx()
    html_text = first_frame.frame("en_vivo", {})
    shown = text_of(html_text)
    for cifra in components.headline(ctx, metrics.cifras(ctx.snap, ctx.as_of)):
        assert f"{cifra.label} {cifra.value}" in " ".join(shown.split())
    salas = metrics.ocupacion_salas(ctx.snap, ctx.as_of)
    assert salas, "the demo has rooms, so the test can fail"
    assert html_text.count('class="foro-sala foro-nivel-') == len(salas)
    for o in salas:
        assert o.sala in shown
    assert t("banner.demo") in shown and t("previa.cargando") in shown
    assert re.search(r"Actualizado hace \d+ s · Cifras a las", shown)


def test_salas_frame_pins_one_room_and_keeps_the_sheets_order():
    ctx = public_ctx()
    salas = metrics.ocupacion_salas(ctx.snap, ctx.as_of)
    names = re.findall(r'foro-sala-nombre"><b>[^ ]+ ([^<]+)</b>', first_frame.frame("salas", {}))
    assert [unescape(n) for n in names] == [o.sala for o in salas]
    one = first_frame.frame("salas", {"sala": salas[1].sala.upper()})
    assert one.count('class="foro-sala foro-nivel-') == 1 and salas[1].sala in unescape(one)
    # An unknown room: every room, as the page does after saying it found none.
    assert first_frame.frame("salas", {"sala": "no existe"}).count('class="foro-sala ') == len(salas)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_id", sorted(first_frame.PAGES))
def test_the_frame_carries_no_personal_data(page_id, lang):
    ctx = public_ctx(lang)
    assert ctx.snap.personas, "the demo has people, so the test can fail"
    assert_no_personal_data(text_of(first_frame.frame(page_id, {"lang": lang})), ctx.snap)


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_the_frame_speaks_the_viewers_language(lang):
    shown = text_of(first_frame.frame("en_vivo", {"lang": lang, "kiosk": "1"}))
    assert t("previa.cargando", lang) in shown and t("vivo.inscriptos", lang) in shown
    spanish = {es for es, pt, en in catalogue().values() if es not in (pt, en) and len(es) > 12}
    leaked = [s for s in spanish if s in shown]
    assert not leaked, leaked


def test_the_wall_frame_is_bigger():
    assert 'class="foro-previa-kiosk"' in first_frame.frame("en_vivo", {"kiosk": "1"})
    assert "foro-previa-kiosk" not in first_frame.frame("en_vivo", {}).split("</style>")[-1]


def test_inject_puts_the_frame_first_in_the_body_and_nothing_else():
    doc = b"<html><head></head><body><div id=root></div></body></html>"
    assert first_frame.inject(doc, "") == doc
    assert first_frame.inject(doc, "<p>x</p>") == b"<html><head></head><body><p>x</p><div id=root></div></body></html>"
