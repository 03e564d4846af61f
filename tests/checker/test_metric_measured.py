"""The measurable criterion notices a metric nobody has measured a year after its baseline, from the dates the
caller passes in: the checker itself reads no database."""

import datetime as dt

from tests.checker.canvases import complete_canvas
from workbench.checker import check


def _hits(report):
    return [f for f in report.findings if f.rule == "metric-measured"]


def _baselines(document):
    return {m["id"]: m["baseline"]["year"] for m in document["metrics"]}


def test_without_measurements_the_rule_neither_finds_nor_scores():
    document = complete_canvas()
    plain = check(document)
    assert _hits(plain) == []
    assert plain.criteria["measurable"]["score"] == 100


def test_a_metric_with_no_value_a_year_after_its_baseline_is_found():
    document = complete_canvas()
    baselines = _baselines(document)
    first, year = next(iter(baselines.items()))
    later = {mid: dt.date(y + 1, 1, 1) for mid, y in baselines.items() if mid != first}
    report = check(document, measured=later, today=dt.date(year + 1, 1, 2))
    (hit,) = _hits(report)
    assert hit.item == first and hit.severity == "warning"
    assert f"since its baseline ({year})" in hit.message
    assert report.criteria["measurable"]["score"] < 100


def test_within_the_first_year_or_with_a_later_value_nothing_is_found():
    document = complete_canvas()
    baselines = _baselines(document)
    earliest = min(baselines.values())
    assert _hits(check(document, measured={}, today=dt.date(earliest, 12, 31))) == []
    measured = {mid: dt.date(y + 1, 6, 30) for mid, y in baselines.items()}
    assert _hits(check(document, measured=measured, today=dt.date(2200, 1, 1))) == []
    # A value within the baseline year itself is not a value after the baseline.
    same_year = {mid: dt.date(y, 12, 1) for mid, y in baselines.items()}
    assert len(_hits(check(document, measured=same_year, today=dt.date(2200, 1, 1)))) == len(baselines)


def test_the_rule_adds_no_credit_while_no_baseline_is_a_year_old():
    # The canvas page runs the checker without measurements; the progress page's scores must not drift from it
    # for a canvas whose baselines are all recent (or undated, as in the worked examples).
    document = complete_canvas()
    earliest = min(_baselines(document).values())
    plain = check(document)
    early = check(document, measured={}, today=dt.date(earliest, 6, 1))
    assert early.criteria == plain.criteria and early.readiness == plain.readiness
    for metric in document["metrics"]:
        metric["baseline"]["year"] = None
    assert check(document, measured={}, today=dt.date(2200, 1, 1)).criteria == check(document).criteria
