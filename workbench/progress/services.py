"""Every write of the progress app: measurements and their history, the team's settings, action marks, decisions
on shared levers and actors. Each write that touches several rows is one transaction."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from workbench.progress import csvfile
from workbench.progress.models import (
    ActionMark,
    Measurement,
    MeasurementChange,
    PortfolioStamp,
    ProgressSettings,
    SharedName,
)

Action = MeasurementChange.Action


class PeriodTaken(ValueError):
    """The metric has a value for that year or date already: change that one instead."""


def touch(team_id: int) -> None:
    """Note that the team's progress changed (in the caller's transaction): its portfolio is drawn again."""
    if not PortfolioStamp.objects.filter(team_id=team_id).update(version=F("version") + 1):
        PortfolioStamp.objects.get_or_create(team_id=team_id)
        PortfolioStamp.objects.filter(team_id=team_id).update(version=F("version") + 1)


def settings_for(canvas) -> ProgressSettings:
    """The canvas's progress settings, or the defaults (unsaved) when the team never changed them."""
    try:
        return canvas.progress_settings
    except ProgressSettings.DoesNotExist:
        return ProgressSettings(canvas=canvas)


def save_settings(
    *, canvas, user, tolerance: int, show_on_share_links: bool, note: str | None = None
) -> ProgressSettings:
    defaults = {"tolerance": tolerance, "show_on_share_links": show_on_share_links, "updated_by": user}
    if note is not None:
        defaults["note"] = note
    settings, _ = ProgressSettings.objects.update_or_create(canvas=canvas, defaults=defaults)
    touch(canvas.team_id)
    canvas.progress_settings = settings
    return settings


def _taken(canvas, metric, year, date, *, other_than=None):
    found = Measurement.objects.live().filter(canvas=canvas, metric=metric, year=year, date=date)
    if other_than is not None:
        found = found.exclude(pk=other_than.pk)
    return found.exists()


@transaction.atomic
def record_measurement(
    *, canvas, user, metric: str, year: int, date: dt.date | None, value: float, source: str = "", note: str = ""
) -> Measurement:
    """A new value of a metric, with the history entry that says who recorded it."""
    if _taken(canvas, metric, year, date):
        raise PeriodTaken(f"a value for {date.isoformat() if date else year} is recorded already")
    try:
        with transaction.atomic():
            measurement = Measurement.objects.create(
                canvas=canvas,
                metric=metric,
                year=year,
                date=date,
                value=value,
                source=source.strip(),
                note=note.strip(),
                entered_by=user,
            )
    except IntegrityError:  # someone recorded the same period a moment ago
        raise PeriodTaken(f"a value for {date.isoformat() if date else year} is recorded already") from None
    MeasurementChange.objects.create(
        measurement=measurement, canvas=canvas, action=Action.RECORDED, after=measurement.snapshot(), by=user
    )
    touch(canvas.team_id)
    return measurement


@transaction.atomic
def change_measurement(
    *, measurement: Measurement, user, year: int, date: dt.date | None, value: float, source: str, note: str
) -> Measurement:
    """Change a value; the history keeps what it was."""
    if _taken(measurement.canvas_id, measurement.metric, year, date, other_than=measurement):
        raise PeriodTaken(f"a value for {date.isoformat() if date else year} is recorded already")
    before = measurement.snapshot()
    measurement.year, measurement.date, measurement.value = year, date, value
    measurement.source, measurement.note = source.strip(), note.strip()
    if measurement.snapshot() == before:
        return measurement
    try:
        with transaction.atomic():
            measurement.save()
    except IntegrityError:  # someone recorded that period a moment ago
        raise PeriodTaken(f"a value for {date.isoformat() if date else year} is recorded already") from None
    MeasurementChange.objects.create(
        measurement=measurement,
        canvas_id=measurement.canvas_id,
        action=Action.CHANGED,
        before=before,
        after=measurement.snapshot(),
        by=user,
    )
    touch(measurement.canvas.team_id)
    return measurement


@transaction.atomic
def delete_measurement(*, measurement: Measurement, user) -> None:
    """Take a value off the charts; it stays in the history, marked deleted."""
    measurement.deleted_at = timezone.now()
    measurement.deleted_by = user
    measurement.save(update_fields=["deleted_at", "deleted_by"])
    MeasurementChange.objects.create(
        measurement=measurement,
        canvas_id=measurement.canvas_id,
        action=Action.DELETED,
        before=measurement.snapshot(),
        by=user,
    )
    touch(measurement.canvas.team_id)


@transaction.atomic
def import_rows(*, canvas, user, rows: list[csvfile.Row]) -> dict[str, int]:
    """Store every row of a checked CSV file: a new value, or a change of the value recorded for that period.

    Called with rows csvfile.read() accepted, so the whole file is stored or, on any error, none of it.
    """
    existing = {
        (m.metric, m.year, m.date): m for m in Measurement.objects.live().filter(canvas=canvas).select_for_update()
    }
    counts = {"added": 0, "changed": 0, "unchanged": 0}
    changes = []
    for row in rows:
        found = existing.get((row.metric, row.year, row.date))
        if found is None:
            created = Measurement.objects.create(
                canvas=canvas,
                metric=row.metric,
                year=row.year,
                date=row.date,
                value=row.value,
                source=row.source,
                note=row.note,
                entered_by=user,
            )
            changes.append(
                MeasurementChange(
                    measurement=created, canvas=canvas, action=Action.IMPORTED, after=created.snapshot(), by=user
                )
            )
            counts["added"] += 1
            continue
        before = found.snapshot()
        found.value, found.source, found.note = row.value, row.source, row.note
        if found.snapshot() == before:
            counts["unchanged"] += 1
            continue
        found.save(update_fields=["value", "source", "note"])
        changes.append(
            MeasurementChange(
                measurement=found, canvas=canvas, action=Action.IMPORTED, before=before, after=found.snapshot(), by=user
            )
        )
        counts["changed"] += 1
    MeasurementChange.objects.bulk_create(changes)
    touch(canvas.team_id)
    return counts


def mark_action(*, canvas, user, key: str, text: str, done: bool, on: dt.date | None) -> ActionMark:
    """Mark a near-term action done (on a day) or not done (due on a day, or with no date)."""
    with transaction.atomic():
        mark, _ = ActionMark.objects.update_or_create(
            canvas=canvas, key=key, defaults={"text": text, "done": done, "on": on, "by": user}
        )
        touch(canvas.team_id)
    return mark


def decide_shared_name(*, team, user, kind: str, key: str, same: bool | None) -> None:
    """Confirm that levers or actors of several missions with the same normalised name are one (or are not);
    None takes the decision back."""
    with transaction.atomic():
        if same is None:
            SharedName.objects.filter(team=team, kind=kind, key=key).delete()
        else:
            SharedName.objects.update_or_create(team=team, kind=kind, key=key, defaults={"same": same, "by": user})
        touch(team.pk)
