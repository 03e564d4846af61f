"""Reads of the progress app, each in one place with a fixed number of queries."""

from __future__ import annotations

from django.db.models import F, OuterRef, Subquery, Window
from django.db.models.functions import RowNumber

from workbench.canvases.models import Canvas
from workbench.progress.models import ActionMark, Measurement, MeasurementChange, PortfolioStamp


def measurements_of(canvas):
    """Every measurement of a canvas, deleted ones too, with who entered and deleted them (one query)."""
    return list(
        Measurement.objects.filter(canvas=canvas)
        .select_related("entered_by", "deleted_by")
        .order_by("metric", "year", "date", "pk")
    )


def changes_of(canvas):
    """The canvas's measurement history, newest first, with who made each change."""
    return MeasurementChange.objects.filter(canvas=canvas).select_related("by").order_by("-at", "-pk")


def marks_of(canvas):
    return list(ActionMark.objects.filter(canvas=canvas))


def latest_values(canvas_ids) -> dict[int, dict[str, tuple]]:
    """canvas id → metric id → (year, date, value) of its latest live value; one query for any number of canvases."""
    ranked = (
        Measurement.objects.live()
        .filter(canvas_id__in=list(canvas_ids))
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("canvas_id"), F("metric")],
                order_by=[F("year").desc(), F("date").desc(nulls_last=True), F("pk").desc()],
            )
        )
        .filter(rank=1)
        .values_list("canvas_id", "metric", "year", "date", "value")
    )
    out: dict[int, dict[str, tuple]] = {}
    for canvas_id, metric, year, date, value in ranked:
        out.setdefault(canvas_id, {})[metric] = (year, date, value)
    return out


def portfolio_stamp(team) -> tuple:
    """Everything whose change changes a team's portfolio, in one small query whatever the team's size: each live
    canvas's revision, status and title, with the version of the team's progress (services.touch). A team without
    canvases has a portfolio with nothing in it, whatever its version."""
    version = PortfolioStamp.objects.filter(team=OuterRef("team")).values("version")[:1]
    return tuple(
        Canvas.objects.live()
        .filter(team=team)
        .annotate(progress_version=Subquery(version))
        .order_by("pk")
        .values_list(
            "pk", "title", "status", "current_revision__number", "current_revision__created_at", "progress_version"
        )
    )
