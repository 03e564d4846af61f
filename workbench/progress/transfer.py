"""Measurements in files: the "measurements" part of a canvas file (export_canvas / import_canvas and the canvas
page's download and import) and of each canvas in a team file (export_team / import_team).

The part is described by measurements-1.schema.json beside this module: the values of each metric with their
source, note and who entered them, the deleted ones too, each with its history, the near-term action marks and the
team's progress settings. People are named by username and matched by username on import.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils.dateparse import parse_date, parse_datetime

from workbench.canvases.parts import Part
from workbench.progress import csvfile
from workbench.progress.models import ActionMark, Measurement, MeasurementChange, ProgressSettings
from workbench.progress.services import touch

FORMAT = "mission-workbench-measurements/1"
SCHEMA_FILE = Path(__file__).with_name("measurements-1.schema.json")


@cache
def _validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def _when(value):
    return value.isoformat() if value else None


def _name(user):
    return user.get_username() if user else None


def export_parts(canvas_ids) -> dict[int, dict]:
    """canvas id → its measurements part; four queries for any number of canvases. Canvases with nothing to carry
    are left out."""
    ids = list(canvas_ids)
    out: dict[int, dict] = {}

    def part(canvas_id):
        return out.setdefault(canvas_id, {"format": FORMAT, "values": [], "actions": []})

    history: dict[int, list] = {}
    for change in MeasurementChange.objects.filter(canvas_id__in=ids).select_related("by").order_by("at", "pk"):
        history.setdefault(change.measurement_id, []).append(
            {
                "action": change.action,
                "by": _name(change.by),
                "at": _when(change.at),
                "before": change.before,
                "after": change.after,
            }
        )
    measurements = (
        Measurement.objects.filter(canvas_id__in=ids)
        .select_related("entered_by", "deleted_by")
        .order_by("canvas_id", "metric", "year", "date", "pk")
    )
    for m in measurements:
        part(m.canvas_id)["values"].append(
            {
                "metric": m.metric,
                "when": m.when,
                "value": m.value,
                "source": m.source,
                "note": m.note,
                "entered_by": _name(m.entered_by),
                "entered_at": _when(m.entered_at),
                "deleted_at": _when(m.deleted_at),
                "deleted_by": _name(m.deleted_by),
                "history": history.get(m.pk, []),
            }
        )
    for mark in ActionMark.objects.filter(canvas_id__in=ids).select_related("by").order_by("canvas_id", "pk"):
        part(mark.canvas_id)["actions"].append(
            {"text": mark.text, "done": mark.done, "on": _when(mark.on), "by": _name(mark.by)}
        )
    for settings in ProgressSettings.objects.filter(canvas_id__in=ids):
        part(settings.canvas_id)["settings"] = {
            "tolerance": settings.tolerance,
            "show_on_share_links": settings.show_on_share_links,
            "note": settings.note,
        }
    return out


def export_part(canvas) -> dict | None:
    """The measurements part of one canvas's file, or None when the canvas has none."""
    return export_parts([canvas.pk]).get(canvas.pk)


def problems(value, document: dict) -> list[str]:
    """Everything wrong with a measurements part, each naming where; [] when it can be restored onto the document."""
    found = []
    for error in sorted(_validator().iter_errors(value), key=lambda e: list(e.absolute_path))[:20]:
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path).lstrip(".")
        found.append(f"{where or 'the part'}: {error.message}")
    if found:
        return found
    metrics = {m.get("id") for m in document.get("metrics") or []}
    live = set()
    for index, entry in enumerate(value["values"]):
        if entry["metric"] not in metrics:
            found.append(f"values[{index}].metric: no metric of the canvas has the id “{entry['metric']}”")
        try:
            year, date = csvfile.parse_when(entry["when"])
        except ValueError as error:
            found.append(f"values[{index}].when: {error}")
            continue
        if entry.get("deleted_at") is None:
            key = (entry["metric"], year, date)
            if key in live:
                found.append(f"values[{index}]: a second value of {entry['metric']} for {entry['when']}")
            live.add(key)
    return found


def restore_part(canvas, value: dict, user=None) -> None:
    """Create the measurements, their history, marks and settings of a part that problems() accepted."""
    names = {entry.get(k) for entry in value["values"] for k in ("entered_by", "deleted_by")}
    names |= {change.get("by") for entry in value["values"] for change in entry.get("history", [])}
    names |= {mark.get("by") for mark in value.get("actions", [])}
    names.discard(None)
    users = {u.get_username(): u for u in get_user_model().objects.filter(username__in=names)}

    def who(name):
        return users.get(name) if name else None

    for entry in value["values"]:
        year, date = csvfile.parse_when(entry["when"])
        measurement = Measurement.objects.create(
            canvas=canvas,
            metric=entry["metric"],
            year=year,
            date=date,
            value=entry["value"],
            source=entry.get("source", ""),
            note=entry.get("note", ""),
            # A value the file names nobody for (a worked example's) was entered by the person restoring it.
            entered_by=who(entry["entered_by"]) if entry.get("entered_by") else user,
            deleted_at=parse_datetime(entry["deleted_at"]) if entry.get("deleted_at") else None,
            deleted_by=who(entry.get("deleted_by")),
        )
        if entry.get("entered_at"):
            Measurement.objects.filter(pk=measurement.pk).update(entered_at=parse_datetime(entry["entered_at"]))
        for change in entry.get("history", []):
            created = MeasurementChange.objects.create(
                measurement=measurement,
                canvas=canvas,
                action=change["action"],
                before=change.get("before"),
                after=change.get("after"),
                by=who(change.get("by")),
            )
            if change.get("at"):
                MeasurementChange.objects.filter(pk=created.pk).update(at=parse_datetime(change["at"]))
    from workbench.progress.actions import action_key

    for mark in value.get("actions", []):
        ActionMark.objects.update_or_create(
            canvas=canvas,
            key=action_key(mark["text"]),
            defaults={
                "text": mark["text"],
                "done": mark.get("done", False),
                "on": parse_date(mark["on"]) if mark.get("on") else None,
                "by": who(mark.get("by")),
            },
        )
    if "settings" in value:
        ProgressSettings.objects.update_or_create(canvas=canvas, defaults=value["settings"])
    touch(canvas.team_id)


MEASUREMENTS_PART = Part(key="measurements", export=export_part, check=problems, restore=restore_part)
