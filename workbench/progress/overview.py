"""A canvas's progress as the pages and the report show it: each metric with its values, status and chart,
outcomes apart from outputs, the near-term actions with their marks. Works from the document and rows already
read, so a page runs the same queries whatever the number of metrics or values."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.utils import timezone
from django.utils.safestring import mark_safe

from workbench import caching
from workbench.checker import check
from workbench.checker.canvas import Canvas as CheckedCanvas
from workbench.document.spec import CANVAS
from workbench.progress import track
from workbench.progress.actions import near_term_actions

OUTCOME_KINDS = ("mission_outcome", "intermediate_outcome")

METRIC = CANVAS.section("metrics").noun.capitalize()  # an unnamed metric is "Metric 2"


def measured_dates(latest: dict[str, tuple[int, dt.date | None]]) -> dict[str, dt.date]:
    """What the checker reads (check(measured=…)): each metric's latest value as a date; a year is its 1 January."""
    return {metric: date or dt.date(year, 1, 1) for metric, (year, date) in latest.items()}


def _kind_label(value: str) -> str:
    return CANVAS.choice_label("metric_kind", value) or "Kind not given"


def metric_rows(document: dict, measurements, *, tolerance: float, today: dt.date, id_prefix: str = "m") -> list[dict]:
    """Every metric of the document in canvas order, with its live values, verdict and chart."""
    checked = CheckedCanvas(document)
    by_metric: dict[str, list] = {}
    for m in measurements:
        if m.deleted_at is None:
            by_metric.setdefault(m.metric, []).append(m)
    rows = []
    for position, (raw, item) in enumerate(zip(document.get("metrics") or [], checked.metrics, strict=False), start=1):
        values = sorted(by_metric.get(raw.get("id"), []), key=lambda m: m.at)
        path = track.Path.of(raw)
        points = [track.Point(m.at, m.value) for m in values]
        latest = values[-1] if values else None
        verdict = track.judge(
            path,
            points[-1] if points else None,
            latest.year if latest else None,
            tolerance=tolerance,
            today=today,
        )
        chart = track.chart_svg(
            name=raw.get("name") or f"{METRIC} {position}",
            unit=raw.get("unit") or "",
            path=path,
            points=points,
            tolerance=tolerance,
            anchors=track.anchors(raw) if path is None else (None, None),
            id_prefix=f"{id_prefix}-{position}",
        )
        rows.append(
            {
                "id": raw.get("id") or "",
                "position": position,
                "name": raw.get("name") or f"{METRIC} {position}",
                "kind": _kind_label(raw.get("kind") or ""),
                # The team's label decides where a metric is shown; without one, its words do (as the checker reads them).
                "outcome": (raw.get("kind") in OUTCOME_KINDS) if raw.get("kind") else checked.counts_outcome(item),
                "unit": raw.get("unit") or "",
                "source": raw.get("source") or "",
                "baseline": raw.get("baseline") or {},
                "target": raw.get("target") or {},
                "values": values,
                "latest": latest,
                "verdict": verdict,
                "chart": mark_safe(chart),  # built by track.chart_svg, every text escaped there
            }
        )
    return rows


def split_rows(rows: list[dict]) -> dict:
    """Outcomes and outputs apart, and the count of each status."""
    counts = Counter(row["verdict"].status for row in rows)
    return {
        "outcomes": [row for row in rows if row["outcome"]],
        "outputs": [row for row in rows if not row["outcome"]],
        "counts": [(status, track.WORDS[status], counts[status]) for status in track.STATUS_ORDER if counts[status]],
        "judged": sum(counts[s] for s in (track.ON_TRACK, track.AHEAD, track.BEHIND, track.NO_RECENT_DATA)),
        "on_track": counts[track.ON_TRACK] + counts[track.AHEAD],
    }


def summary(document: dict, latest: dict[str, tuple[int, dt.date | None, float]], *, tolerance: float, today: dt.date):
    """How many metrics with a path are on track (or ahead), behind, without recent data: from latest values only."""
    counts = Counter()
    for raw in document.get("metrics") or []:
        path = track.Path.of(raw)
        if path is None:
            continue
        found = latest.get(raw.get("id"))
        point = track.Point(track.position(found[0], found[1]), found[2]) if found else None
        counts[track.judge(path, point, found[0] if found else None, tolerance=tolerance, today=today).status] += 1
    return {
        "judged": sum(counts.values()),
        "on_track": counts[track.ON_TRACK] + counts[track.AHEAD],
        "behind": counts[track.BEHIND],
        "no_recent_data": counts[track.NO_RECENT_DATA],
    }


def action_rows(document: dict, marks) -> list[dict]:
    """The near-term actions with their marks (done / not done and a date)."""
    by_key = {mark.key: mark for mark in marks}
    return [
        {**action, "mark": by_key.get(action["key"])} for action in near_term_actions(document.get("near_term") or "")
    ]


def canvas_progress(canvas, *, measurements, marks, settings, id_prefix="m") -> dict:
    """What the progress page, the shared page and the report show of a canvas, judged today."""
    today = timezone.localdate()
    rows = metric_rows(canvas.document, measurements, tolerance=settings.tolerance, today=today, id_prefix=id_prefix)
    latest = {}
    for m in measurements:
        if m.deleted_at is None and (m.metric not in latest or m.at > track.position(*latest[m.metric])):
            latest[m.metric] = (m.year, m.date)
    measured = measured_dates(latest)
    # The checker's view with the measurements: kept per revision and latest dates, like the canvas page's report.
    key = caching.measured_checker_key(canvas, measured, today)
    verdict = caching.kept(key, lambda: check(canvas.document, measured=measured, today=today))
    split = split_rows(rows)
    context = {
        "canvas": canvas,
        "team": canvas.team,
        "doc": canvas.document,
        "settings": settings,
        "rule": track.rule_text(settings.tolerance, today),
        "today": today,
        "rows": rows,
        **split,
        "groups": [("Outcomes", split["outcomes"]), ("Outputs", split["outputs"])],
        "actions": action_rows(canvas.document, marks),
        "checker": verdict,
        "unmeasured": [f for f in verdict.findings if f.rule == "metric-measured"],
    }
    return context
