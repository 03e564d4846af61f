"""The status rule: the latest value against the straight path from baseline to target, with the team's tolerance.
Boundary cases give the word the rule on the page promises."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.progress import track

TODAY = dt.date(2026, 12, 3)
# From 20 % in 2020 to 50 % in 2030: the path asks for 35 in 2025; a tolerance of 10 % of the change is ±3.
UP = track.Path(track.Point(2020, 20), track.Point(2030, 50))
DOWN = track.Path(track.Point(2020, 50), track.Point(2030, 20))
STEADY = track.Path(track.Point(2020, 80), track.Point(2030, 80))


def word(path, value, year=2025, date=None, tolerance=10, today=TODAY):
    point = track.Point(track.position(year, date), value)
    return track.judge(path, point, year, tolerance=tolerance, today=today).status


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (35, track.ON_TRACK),
        (32, track.ON_TRACK),  # exactly the tolerance below the path: still on track
        (38, track.ON_TRACK),  # exactly the tolerance above
        (31.999, track.BEHIND),
        (38.001, track.AHEAD),
    ],
)
def test_going_up(value, expected):
    assert word(UP, value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(35, track.ON_TRACK), (38, track.ON_TRACK), (38.001, track.BEHIND), (31.999, track.AHEAD)],
)
def test_going_down_behind_means_too_high(value, expected):
    assert word(DOWN, value) == expected


def test_holding_steady_is_behind_either_way_beyond_the_tolerance():
    # 10 % of the baseline: ±8.
    assert word(STEADY, 88) == track.ON_TRACK
    assert word(STEADY, 72) == track.ON_TRACK
    assert word(STEADY, 88.01) == track.BEHIND
    assert word(STEADY, 71.99) == track.BEHIND


def test_zero_tolerance_only_the_path_itself_is_on_track():
    assert word(UP, 35, tolerance=0) == track.ON_TRACK
    assert word(UP, 35.01, tolerance=0) == track.AHEAD
    assert word(UP, 34.99, tolerance=0) == track.BEHIND


def test_a_date_is_read_within_its_year():
    # 1 July 2025 is about halfway through 2025: the path asks for 36.5 there, so 33 is behind with ±3.
    assert word(UP, 33, year=2025, date=dt.date(2025, 7, 2)) == track.BEHIND
    assert word(UP, 33, year=2025) == track.ON_TRACK


def test_before_the_baseline_and_after_the_target_the_path_is_flat():
    assert UP.expected(2010) == 20 and UP.expected(2040) == 50
    assert word(UP, 50, year=2031, today=dt.date(2031, 5, 1)) == track.ON_TRACK


def test_recent_means_this_year_or_the_two_before():
    assert word(UP, 35, year=2024) != track.NO_RECENT_DATA  # 2026 − 2
    assert word(UP, 35, year=2023) == track.NO_RECENT_DATA
    assert track.judge(UP, None, None, tolerance=10, today=TODAY).status == track.NO_RECENT_DATA


def test_no_path_without_baseline_or_target_with_value_and_year():
    assert track.Path.of({"baseline": {"value": 40, "year": None}, "target": {"value": 36, "year": 2029}}) is None
    assert track.Path.of({"baseline": {"value": 1, "year": 2030}, "target": {"value": 2, "year": 2030}}) is None
    assert track.judge(None, None, None, tolerance=10, today=TODAY).status == track.NO_PATH
    assert track.Path.of({"baseline": {"value": 20, "year": 2020}, "target": {"value": 50, "year": 2030}}) == UP


@given(
    baseline=st.floats(-1e6, 1e6),
    change=st.floats(-1e6, 1e6).filter(lambda c: abs(c) > 1e-3),
    share=st.floats(0, 1),
    tolerance=st.integers(0, 100),
    offset=st.floats(-3, 3),
)
def test_the_word_follows_the_distance_from_the_path(baseline, change, share, tolerance, offset):
    path = track.Path(track.Point(2020, baseline), track.Point(2030, baseline + change))
    at = 2020 + 10 * share
    band = tolerance / 100 * abs(change)
    value = path.expected(at) + offset * band * (1 if change > 0 else -1)
    status = track.judge(
        path, track.Point(at, value), int(at), tolerance=tolerance, today=dt.date(int(at), 12, 31)
    ).status
    # The rule allows for the last digits of binary arithmetic (1e-9 of the values), as a share of the band here.
    allowance = 1e-9 * max(1.0, abs(path.expected(at)), band) / band if band else 0
    if abs(offset) < 0.999 or band == 0 and offset == 0:
        assert status == track.ON_TRACK
    elif offset > 1.001 + allowance and band > 1e-6:
        assert status == track.AHEAD
    elif offset < -1.001 - allowance and band > 1e-6:
        assert status == track.BEHIND


def test_the_chart_escapes_text_and_describes_itself():
    svg = track.chart_svg(
        name='<script>alert("x")</script> & co',
        unit="%",
        path=UP,
        points=[track.Point(2022, 25), track.Point(2024, 30)],
        tolerance=10,
        id_prefix="t",
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert '<title id="t-title">' in svg and '<desc id="t-desc">' in svg
    assert "baseline 20 in 2020, target 50 in 2030" in svg and "2022: 25; 2024: 30" in svg
    assert svg.count("<circle") == 2 and "stroke-dasharray" in svg and "style=" not in svg
    assert track.chart_svg(name="x", unit="", path=None, points=[], tolerance=10) == ""
