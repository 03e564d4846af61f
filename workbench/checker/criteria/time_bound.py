"""Time-bound: a deadline, metric targets within it, and milestones on the way."""

from __future__ import annotations

import re

from workbench.checker.base import rule


def _deadline(canvas) -> int | None:
    """The mission's deadline year: the deadline_year field, else the statement's own year."""
    return canvas.deadline_year or canvas.reading.deadline_year


@rule("deadline-missing")
def deadline_missing(canvas, finding):
    if canvas.deadline_year or canvas.reading.has_deadline:
        return []
    vague = canvas.reading.vague_time
    message = (
        f"'{vague[0].lower()}' does not say when the mission should be achieved."
        if vague
        else "The mission has no deadline yet."
    )
    return [
        finding(message, "Choose a year and say it: 'By 2030, …'; then fill in the deadline year.", field="statement")
    ]


@rule("statement-deadline")
def statement_deadline(canvas, finding):
    reading = canvas.reading
    if reading.empty or not canvas.deadline_year or reading.has_deadline:
        return []
    return [
        finding(
            f"The deadline year is {canvas.deadline_year}, but the statement itself does not say when.",
            f"Start the statement with 'By {canvas.deadline_year}, …'.",
            field="statement",
        )
    ]


@rule("deadline-mismatch")
def deadline_mismatch(canvas, finding):
    main = canvas.reading.deadline
    if not canvas.deadline_year or main is None or main.year is None:
        return []
    if canvas.deadline_year in canvas.reading.deadline_years:
        return []
    return [
        finding(
            f"The statement says {main.text.strip()}, but the deadline year is {canvas.deadline_year}.",
            "Use the same year in both places.",
            field="deadline_year",
        )
    ]


@rule("deadline-year-missing")
def deadline_year_missing(canvas, finding):
    reading = canvas.reading
    if canvas.deadline_year or not reading.has_deadline:
        return []
    year = reading.deadline_year
    suggestion = f"Set the deadline year to {year}." if year else "Set the deadline year the statement implies."
    return [finding("The deadline year field is empty.", suggestion, field="deadline_year")]


@rule("metric-after-deadline")
def metric_after_deadline(canvas, finding):
    deadline = _deadline(canvas)
    found = []
    horizons = {d.year for d in canvas.reading.horizons}
    for metric, year in _target_years(canvas) if deadline else ():
        if year > deadline and year not in horizons:
            name = metric.text("name").strip() or "A metric"
            found.append(
                finding(
                    f"'{name[:60]}' aims at {year}, after the mission's deadline of {deadline}.",
                    f"Set a target for {deadline} or earlier; keep the later figure in the long-term view.",
                    item=metric.id,
                    field=metric.path("target.year"),
                    share=1 / len(canvas.metrics),
                )
            )
    return found


_YEAR = re.compile(r"\b(?:19|20|21)\d\d\b")


def _target_years(canvas):
    """(metric, the year of its target) for every metric whose target has a year."""
    years = ((metric, metric.measurement("target").year) for metric in canvas.metrics)
    return [(metric, year) for metric, year in years if year is not None]


@rule("interim-milestones")
def interim_milestones(canvas, finding):
    deadline = _deadline(canvas)
    if deadline is None or any(year < deadline for _, year in _target_years(canvas)):
        return []
    for layer in canvas.layers:
        if layer.choice("level") in ("sub_mission", "project"):
            text = layer.text("title") + " " + layer.text("description")
            if any(int(y) < deadline for y in _YEAR.findall(text)):
                return []
    return [
        finding(
            f"Nothing marks progress before {deadline}; without milestones it is hard to tell if the mission "
            "is on track.",
            f"Give a metric an interim target, e.g. for {max(deadline - 5, 1900)}, or add a dated sub-mission.",
        )
    ]
