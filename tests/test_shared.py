"""Draw once per data version (issue 14): the shared memo, and pages that compute nothing twice."""

from __future__ import annotations

import threading
import time
from datetime import datetime

import pytest

from tests.apptest import assert_clean, open_page
from ui import shared
from ui.shared import _Memo


def test_one_build_per_key_however_many_viewers_ask_at_once() -> None:
    memo, calls = _Memo(16), []

    def build() -> str:
        calls.append(1)
        time.sleep(0.05)  # slow enough that the others arrive while it runs
        return "figura"

    got: list[str] = []
    threads = [threading.Thread(target=lambda: got.append(memo.get("k", build))) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert got == ["figura"] * 20
    assert len(calls) == 1 and memo.built == 1


def test_a_failed_build_leaves_nothing_and_the_next_viewer_builds_it() -> None:
    memo = _Memo(16)

    def broken() -> str:
        raise ValueError("planilla rara")

    with pytest.raises(ValueError):
        memo.get("k", broken)
    assert memo.get("k", lambda: "bien") == "bien"


def test_the_oldest_views_go_first() -> None:
    memo = _Memo(3)
    for k in "abcd":
        memo.get(k, lambda k=k: k.upper())
    memo.get("b", lambda: "otra")  # still there: b was kept, a was dropped
    assert memo.get("a", lambda: "nueva") == "nueva"
    assert memo.get("b", lambda: "otra") == "B"


def test_every_instant_of_a_minute_shares_one_as_of() -> None:
    a = shared.canonical_as_of(datetime(2025, 6, 19, 10, 42, 0))
    b = shared.canonical_as_of(datetime(2025, 6, 19, 10, 42, 59, 10))
    assert a == b == datetime(2025, 6, 19, 10, 42, 59, 999999)
    assert shared.canonical_as_of(datetime(2025, 6, 19, 10, 43, 1)) > a


@pytest.mark.parametrize(
    "page, params", [("en_vivo", {"kiosk": "1"}), ("mapa", {"kiosk": "1"}), ("mapa", {}), ("socios", {})]
)
def test_a_second_viewer_of_the_same_view_computes_nothing(page: str, params: dict[str, str], demo_config) -> None:
    role = "socios" if page == "socios" else "publico"
    for _ in range(3):  # the demo's clock may turn a minute between the two viewers: try again
        shared.forget_all()
        first = open_page(page, role=role, **params)
        built = shared.builds_so_far()
        second = open_page(page, role=role, **params)
        if second.session_state["_as_of"] == first.session_state["_as_of"]:
            break
    else:
        pytest.fail("the minute turned between the viewers three times")
    assert_clean(first)
    assert_clean(second)
    assert built > 0, "the first viewer computed nothing through ui.shared"
    assert shared.builds_so_far() == built, "the second viewer recomputed what the first had computed"


class Clocks:
    """A process CPU clock and a wall clock the test moves by hand."""

    def __init__(self) -> None:
        self.cpu = self.wall = 0.0

    def draw(self, cpu_s: float, wall_s: float) -> None:
        self.cpu += cpu_s
        self.wall += wall_s


def test_the_line_takes_the_smaller_of_the_two_measures() -> None:
    c = Clocks()
    cost = shared.DrawCost(cpu=lambda: c.cpu, wall=lambda: c.wall)
    assert cost.per_screen_s() == shared.DrawCost.START_S
    cost.note(0.030)
    for _ in range(100):  # 12 ms of process CPU per redraw; each draw 30 ms on the wall (GIL shared)
        c.draw(0.012, 0.040)
        cost.note(0.030)
    assert cost.per_screen_s() == pytest.approx(0.012 / shared.DrawCost.BUSY, rel=1e-6)
    for _ in range(100):  # now much background work between redraws, each draw quick on the wall
        c.draw(0.050, 0.040)
        cost.note(0.008)
    assert cost.per_screen_s() == pytest.approx(0.008, rel=1e-3)  # the wall time itself


def test_a_redraw_after_a_quiet_spell_teaches_the_cpu_measure_nothing() -> None:
    c = Clocks()
    cost = shared.DrawCost(cpu=lambda: c.cpu, wall=lambda: c.wall)
    cost.note(1.0)  # a slow wall measure, so that the CPU one decides
    c.draw(0.010, 0.02)
    cost.note(1.0)
    learnt = cost.per_screen_s()
    c.draw(2.0, 60.0)  # a minute of answering pulses and pings between two lines
    cost.note(1.0)
    assert cost.per_screen_s() < 1.5 and cost.per_screen_s() == pytest.approx(learnt, rel=0.2)
