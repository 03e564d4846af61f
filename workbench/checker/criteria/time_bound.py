"""Time-bound: a deadline, metric targets within it, and milestones on the way."""

from __future__ import annotations

import re

from workbench.checker.base import MILESTONES, TIME_FRAME, Rule, register


def _deadline(canvas) -> int | None:
    """The mission's deadline year: the deadline_year field, else the statement's own year."""
    return canvas.deadline_year or canvas.reading.deadline_year


@register
class DeadlineMissing(Rule):
    id = "deadline-missing"
    criterion = "time_bound"
    severity = "error"
    section = "identity"
    title = "The mission has a deadline"
    looks_for = (
        "No deadline in the statement ('by 2030', 'within a decade', 'by 2030/31', 'before this decade is out') "
        "and no deadline year. Vague time ('in the coming years', 'in the long term') does not count."
    )
    why = "Missions are concrete goals to be met within a defined time frame."
    source = TIME_FRAME
    how_to_fix = "Add a year to the statement ('By 2030, …') and set the deadline year."
    weight = 45

    def findings(self, canvas):
        if canvas.deadline_year or canvas.reading.has_deadline:
            return []
        vague = canvas.reading.vague_time
        message = (
            f"'{vague[0].lower()}' does not say when the mission should be achieved."
            if vague
            else "The mission has no deadline yet."
        )
        return [
            self.finding(
                message, "Choose a year and say it: 'By 2030, …'; then fill in the deadline year.", field="statement"
            )
        ]


@register
class StatementDeadline(Rule):
    id = "statement-deadline"
    needs = ("statement",)
    criterion = "time_bound"
    severity = "warning"
    section = "identity"
    title = "The statement says the deadline"
    looks_for = "A deadline year that is set on the canvas but missing from the statement."
    why = "The statement is what partners and residents read and repeat; the time frame belongs in it."
    source = TIME_FRAME
    how_to_fix = "Put the year in the sentence: 'By 2030, …'."
    weight = 30

    def findings(self, canvas):
        reading = canvas.reading
        if reading.empty or not canvas.deadline_year or reading.has_deadline:
            return []
        return [
            self.finding(
                f"The deadline year is {canvas.deadline_year}, but the statement itself does not say when.",
                f"Start the statement with 'By {canvas.deadline_year}, …'.",
                field="statement",
            )
        ]


@register
class DeadlineMismatch(Rule):
    id = "deadline-mismatch"
    needs = ("deadline",)
    criterion = "time_bound"
    severity = "warning"
    section = "identity"
    title = "The statement and the deadline year agree"
    looks_for = (
        "A deadline year field that matches none of the years the statement gives. A statement with a target "
        "year and a later horizon ('100 cities by 2030, so that every city can follow by 2050') agrees with "
        "either year."
    )
    why = "One mission has one time frame; two different years confuse partners about when it ends."
    source = TIME_FRAME
    how_to_fix = "Make the deadline year match the year in the statement, or change the statement."
    weight = 10

    def findings(self, canvas):
        main = canvas.reading.deadline
        if not canvas.deadline_year or main is None or main.year is None:
            return []
        if canvas.deadline_year in canvas.reading.deadline_years:
            return []
        return [
            self.finding(
                f"The statement says {main.text.strip()}, but the deadline year is {canvas.deadline_year}.",
                "Use the same year in both places.",
                field="deadline_year",
            )
        ]


@register
class DeadlineYearMissing(Rule):
    id = "deadline-year-missing"
    criterion = "time_bound"
    severity = "advice"
    section = "identity"
    title = "The deadline year is filled in"
    looks_for = "A statement with a deadline while the deadline year field is empty."
    why = "The deadline year lets the checker compare metric target years and milestones with the mission's end."
    source = TIME_FRAME
    how_to_fix = "Fill in the deadline year (for 'within a decade', the year ten years from the start)."
    weight = 5

    def findings(self, canvas):
        reading = canvas.reading
        if canvas.deadline_year or not reading.has_deadline:
            return []
        year = reading.deadline_year
        suggestion = f"Set the deadline year to {year}." if year else "Set the deadline year the statement implies."
        return [self.finding("The deadline year field is empty.", suggestion, field="deadline_year")]


@register
class MetricAfterDeadline(Rule):
    id = "metric-after-deadline"
    needs = ("deadline", "metrics")
    criterion = "time_bound"
    severity = "warning"
    section = "metrics"
    title = "Metric targets fall within the deadline"
    looks_for = (
        "A metric whose target year is after the mission's deadline, unless the statement itself names that "
        "year as the horizon the mission leads to."
    )
    why = "Targets set beyond the time frame cannot show whether the mission was met on time."
    source = TIME_FRAME
    how_to_fix = "Bring the target year to the deadline or earlier, or say why this metric runs longer."
    weight = 10

    def findings(self, canvas):
        deadline = _deadline(canvas)
        if deadline is None:
            return []
        found = []
        horizons = {d.year for d in canvas.reading.horizons}
        for metric in canvas.metrics:
            year = metric.measurement("target").year
            if year is not None and year > deadline and year not in horizons:
                name = metric.text("name").strip() or "A metric"
                found.append(
                    self.finding(
                        f"'{name[:60]}' aims at {year}, after the mission's deadline of {deadline}.",
                        f"Set a target for {deadline} or earlier; keep the later figure in the long-term view.",
                        item=metric.id,
                        field=metric.path("target.year"),
                        share=1 / len(canvas.metrics),
                    )
                )
        return found


_YEAR = re.compile(r"\b(?:19|20|21)\d\d\b")


@register
class InterimMilestones(Rule):
    id = "interim-milestones"
    needs = ("deadline",)
    criterion = "time_bound"
    severity = "warning"
    section = "metrics"
    title = "There are milestones before the deadline"
    looks_for = (
        "No metric target year before the deadline, and no sub-mission or project in the layers dated before it."
    )
    why = (
        "Long missions need milestones to steer by, as Vision Zero's five areas with milestones and Germany's "
        "ten-per-cent-per-decade target show."
    )
    source = MILESTONES
    how_to_fix = "Add an interim target year to a metric, or a dated sub-mission, halfway to the deadline."
    weight = 15

    def findings(self, canvas):
        deadline = _deadline(canvas)
        if deadline is None:
            return []
        for metric in canvas.metrics:
            year = metric.measurement("target").year
            if year is not None and year < deadline:
                return []
        for layer in canvas.layers:
            if layer.choice("level") in ("sub_mission", "project"):
                text = layer.text("title") + " " + layer.text("description")
                if any(int(y) < deadline for y in _YEAR.findall(text)):
                    return []
        return [
            self.finding(
                f"Nothing marks progress before {deadline}; without milestones it is hard to tell if the mission "
                "is on track.",
                f"Give a metric an interim target, e.g. for {max(deadline - 5, 1900)}, or add a dated sub-mission.",
            )
        ]
