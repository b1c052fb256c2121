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
