"""Measurable: a quantified target in the statement, and metrics that can show progress towards it."""

from __future__ import annotations

import datetime

from workbench.checker.base import Rule, register, rule
from workbench.checker.canvas import MISSION_TARGET

OUTCOME_KINDS = {"mission_outcome", "intermediate_outcome"}


def _label(metric) -> str:
    name = metric.text("name").strip()
    return f"'{name[:60]}'" if name else "This metric"


@rule("statement-quantity")
def statement_quantity(canvas, finding):
    reading = canvas.reading
    if reading.output_only and reading.has_quantity:
        return [
            finding(
                "The statement's figures count outputs, so meeting them would not show that anything changed "
                "for people or the place.",
                "Put the figure on the change itself: a rate, a share of residents, a number of deaths or homes.",
                field="statement",
                share=0.7,
            )
        ]
    if reading.empty or reading.has_quantity:
        return []
    if reading.directions:
        message = (
            f"'{reading.directions[0].lower()}' gives the direction but no amount, so no one can tell when "
            "the mission has been met."
        )
    else:
        message = "The statement has no target anyone could check; a year on its own does not say how much."
    return [
        finding(
            message,
            "Add a figure or an end state, e.g. 'halve', 'to zero' or 'every household'.",
            field="statement",
        )
    ]


@rule("metric-direction")
def metric_direction(canvas, finding):
    found = []
    for metric in canvas.metrics:
        direction = metric.choice("direction")
        baseline, target = metric.measurement("baseline").value, metric.measurement("target").value
        if baseline is None or target is None:
            continue
        wrong = (direction == "increase" and target < baseline) or (direction == "decrease" and target > baseline)
        if not wrong:
            continue
        way = "go up" if direction == "increase" else "go down"
        found.append(
            finding(
                f"{_label(metric)} should {way}, but its target ({target:g}) is on the other side of its "
                f"baseline ({baseline:g}).",
                "Check the direction and the two values; one of them is probably the wrong way round.",
                item=metric.id,
                field=metric.path("direction"),
            )
        )
    return found


@rule("metric-outcome")
def metric_outcome(canvas, finding):
    if not canvas.metrics or any(canvas.counts_outcome(metric) for metric in canvas.metrics):
        return []
    if all(canvas.measures(metric) == "output" for metric in canvas.metrics):
        message = "Every metric counts outputs (things done or produced); none measures the change for people."
    elif {metric.choice("kind") for metric in canvas.metrics} <= {""}:
        message = "None of the metrics says whether it measures an outcome or an output."
    else:
        message = "All the metrics count outputs (things done), none the outcome for people."
    return [
        finding(
            message,
            "Add a metric of the change itself, e.g. 'adults who smoke (%)', 'homes below "
            "EPC band C', 'deaths per 100,000', and mark it as a mission or intermediate outcome.",
        )
    ]


@rule("metric-kind-matches")
def metric_kind_matches(canvas, finding):
    metrics = canvas.metrics
    found = []
    for metric in metrics:
        kind = metric.choice("kind")
        if kind not in OUTCOME_KINDS or canvas.measures(metric) != "output":
            continue
        label = "a mission outcome" if kind == "mission_outcome" else "an intermediate outcome"
        found.append(
            finding(
                f"{_label(metric)} is labelled {label}, but its name counts things done or produced.",
                "Mark it as an output and add the outcome it is meant to move, e.g. the share of residents "
                "who eat well rather than the cooking sessions held.",
                item=metric.id,
                field=metric.path("kind"),
                share=1 / len(metrics) if len(metrics) > 1 else 1.0,
            )
        )
    return found


@rule("mission-metric")
def mission_metric(canvas, finding):
    if not canvas.metrics or any(MISSION_TARGET in metric.ids("measures") for metric in canvas.metrics):
        return []
    return [
        finding(
            "No metric tracks the mission statement's own target.",
            "Pick the metric that shows whether the statement has come true and set it to measure the mission.",
        )
    ]


@register
class MetricMeasured(Rule):
    """A metric whose baseline is more than a year old and that has no value recorded since.

    It reads the dates the caller passes in (`check(document, measured=…)`): the latest value recorded for each
    metric. A value for a year sits at the start of that year, as on the progress charts, so a baseline of 2023
    asks for a value for 2024 or later once 2024 has begun and a year has passed.
    """

    id = "metric-measured"

    def applies(self, canvas):
        # Only where the caller keeps measurements and some baseline is a year old: elsewhere the rule would add
        # credit no canvas page without measurements could show.
        if canvas.measured is None:
            return False
        years = [metric.measurement("baseline").year for metric in canvas.metrics]
        return any(year is not None and canvas.today >= datetime.date(year + 1, 1, 1) for year in years)

    def findings(self, canvas):
        found = []
        today = canvas.today
        for metric in canvas.metrics:
            baseline = metric.measurement("baseline").year
            if baseline is None or metric.id is None:
                continue
            due = datetime.date(baseline + 1, 1, 1)
            if today < due:
                continue
            latest = canvas.measured.get(metric.id)
            if latest is not None and latest.year > baseline:
                continue
            found.append(
                self.finding(
                    f"{_label(metric)} has no value recorded since its baseline ({baseline}), and more than a year "
                    "has passed.",
                    "Record the latest figure on the canvas's progress page, with its source, so the team can see "
                    "whether the mission is moving.",
                    item=metric.id,
                    field=metric.path("baseline"),
                    share=1 / len(canvas.metrics) if len(canvas.metrics) > 1 else 1.0,
                )
            )
        return found
