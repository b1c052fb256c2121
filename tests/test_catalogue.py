"""The core's sentences (foro_data/catalogue): written in es, pt and en with the same placeholders,
and what a pt or en viewer of Calidad de datos and Apoyos reads is in their language."""

from __future__ import annotations

import string

import pytest

import foro_data.catalogue  # noqa: F401 - registers every family
from foro_data.demo import demo_workbook
from foro_data.errors import CATALOGUE, LANGS, Said
from foro_data.model import Problem
from tests.apptest import assert_clean, open_page, rendered

pytestmark = pytest.mark.usefixtures("demo_config")


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_sentence_is_written_in_every_language_with_the_same_placeholders(code: str) -> None:
    sentence = CATALOGUE[code]
    for lang in LANGS:
        assert getattr(sentence, lang), (code, lang)
        assert _placeholders(getattr(sentence, lang)) == _placeholders(sentence.es), (code, lang)


def test_every_problem_of_the_demo_keeps_its_sentences() -> None:
    from datetime import datetime

    from foro_data.build import build_snapshot
    from foro_data.replay import EVENT_TZ
    from foro_data.snapshot import Fuente

    snap = build_snapshot(demo_workbook(), Fuente("demo", "demo", datetime(2025, 6, 19, 12, tzinfo=EVENT_TZ)))
    assert snap.problems
    for p in snap.problems:
        assert isinstance(p.reason_said, Said), p
        assert p.reason == p.reason_in("es") and p.fix == p.fix_in("es")
        assert p.reason_in("en") != p.reason, p  # the English sentence is really another one


def _cells(at) -> set[str]:  # type: ignore[no-untyped-def]
    return {str(v) for df in at.dataframe for v in df.value.to_numpy().ravel()}


def _spanish_only(p: Problem, lang: str) -> list[str]:
    """The Spanish texts of a Problem that differ from their translation (so must not be shown)."""
    return [es for es, other in ((p.reason, p.reason_in(lang)), (p.fix, p.fix_in(lang))) if es and es != other]


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_calidad_shows_reasons_and_fixes_in_the_viewers_language(lang: str) -> None:
    at = open_page("calidad", lang=lang)
    assert_clean(at)
    snap, _ = rendered(at)
    shown = _cells(at)
    assert snap.problems
    for p in snap.problems:
        assert p.reason_in(lang) in shown, p
        for spanish in _spanish_only(p, lang):
            assert spanish not in shown, (lang, spanish)
    assert not shown & {"error: no se usó", "aviso: se usó"}


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_apoyos_shows_funding_states_and_kinds_in_the_viewers_language(lang: str) -> None:
    from foro_data import metrics
    from foro_data.errors import word_for

    at = open_page("apoyos", lang=lang)
    assert_clean(at)
    snap, _ = rendered(at)
    shown = _cells(at)
    cola = metrics.cola_apoyos(snap)
    assert cola
    for s in cola:
        assert word_for("apoyo_estado", s.apoyo.estado, lang) in shown
        assert word_for("apoyo_tipo", s.apoyo.tipo, lang) in shown
    spanish = {s.apoyo.estado for s in cola} | {s.apoyo.tipo for s in cola}
    translated = {w for w in spanish if word_for("apoyo_estado", w, lang) != w or word_for("apoyo_tipo", w, lang) != w}
    assert translated, "some state or kind differs in this language, so the test can fail"
    # A Spanish word may still appear as a cell for another reason (a name); states are whole cells.
    assert not {w for w in translated if word_for("apoyo_estado", w, lang) != w} & shown


def test_a_configuration_error_is_worded_in_the_viewers_language() -> None:
    from foro_data.config import ConfigError, config_from_dict

    with pytest.raises(ConfigError) as info:
        config_from_dict({"foro": {"fuente": "nube"}})
    assert info.value.code == "config.fuente_invalida"
    assert "no es válida" in info.value.reason and "nube" in info.value.reason
    assert info.value.reason_in("en") == '[foro] fuente = "nube" is not valid: use "demo", "archivo" or "gsheets".'


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_a_failing_source_is_explained_in_the_viewers_language(lang: str, tmp_path, monkeypatch) -> None:
    """A local workbook read once (its copy kept on disk), then gone: the server restarts on the
    saved read, the file is missing, and the stale banner and Calidad de datos say why in the
    viewer's language, with no Spanish catalogue sentence."""
    from foro_data.config import load_config
    from foro_data.live import LiveFeed
    from tests.apptest import use_config
    from tests.sheets_fixtures import forum_tabs, write_xlsx
    from ui import data
    from ui.fmt import md_escape

    book = write_xlsx(forum_tabs(), tmp_path / "foro.xlsx")
    use_config(
        monkeypatch,
        tmp_path / "secrets.toml",
        f'[foro]\nfuente = "archivo"\narchivo = "{book}"\nrefresco_segundos = 60\n[acceso]\norganizacion = "org-1"\n',
        tmp_path / "cache",
    )
    cfg = load_config()
    first = LiveFeed.from_config(cfg).wait_read()  # a good read, saved on disk
    assert first is not None and first.fuente.estado == "ok"
    book.unlink()
    feed = data.feed(cfg)  # the pages' feed: starts from the saved read
    stale = feed.wait_read()  # and its first read fails
    assert stale is not None and stale.fuente.estado == "desactualizado"
    spanish = {stale.fuente.motivo, feed.health.last_error}
    assert "No existe" in stale.fuente.motivo and "No existe" in feed.health.last_error

    at = open_page("calidad", lang=lang, clave="org-1")
    assert_clean(at)
    banner = " ".join(w.value for w in at.warning)
    assert md_escape(stale.fuente.motivo_in(lang)) in banner and md_escape(str(book)) in banner
    shown = _cells(at)
    assert feed.health.last_error_in(lang) in shown
    for text in spanish:
        assert md_escape(text) not in banner and text not in shown, (lang, text)
    for sentence in ("Mostrando la última lectura guardada", "No existe"):
        assert sentence not in banner and not any(sentence in c for c in shown), (lang, sentence)

    # The public reads the same sentence in its language, without the file's path.
    public = open_page("en_vivo", lang=lang)
    assert_clean(public)
    banner = " ".join(w.value for w in public.warning)
    assert md_escape(str(book)) not in banner and "foro\\.xlsx" not in banner
    assert md_escape(stale.fuente.motivo_in(lang).split(str(book))[0]) in banner
    assert not any(md_escape(text.split(str(book))[0]) in banner for text in spanish)
