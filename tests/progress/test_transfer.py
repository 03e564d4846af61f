"""Measurements travel with their canvas: in the canvas file (export_canvas / import_canvas) and in the team file
(export_team / import_team), deleted values and history included; the part is checked against its schema."""

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command
from jsonschema import Draft202012Validator

from workbench.canvases.models import Canvas
from workbench.operations.backup import export_team
from workbench.progress import services, transfer
from workbench.progress.actions import near_term_actions
from workbench.progress.models import ActionMark, Measurement, MeasurementChange, ProgressSettings
from workbench.teams.models import Team


@pytest.fixture
def measured(canvas, people):
    editor, owner = people["editor"], people["owner"]
    kept = services.record_measurement(
        canvas=canvas, user=editor, metric="metric-1", year=2024, date=None, value=30, source="Survey 2024"
    )
    services.change_measurement(
        measurement=kept, user=owner, year=2024, date=None, value=31.5, source="Survey 2024", note="re-weighted"
    )
    gone = services.record_measurement(
        canvas=canvas, user=editor, metric="metric-2", year=2025, date=dt.date(2025, 3, 31), value=22
    )
    services.delete_measurement(measurement=gone, user=owner)
    services.save_settings(canvas=canvas, user=owner, tolerance=15, show_on_share_links=True)
    (action,) = near_term_actions(canvas.document["near_term"])
    services.mark_action(
        canvas=canvas, user=editor, key=action["key"], text=action["text"], done=True, on=dt.date(2026, 9, 1)
    )
    return canvas


def test_the_schema_is_a_valid_json_schema_and_accepts_an_export(measured):
    schema = json.loads(transfer.SCHEMA_FILE.read_text())
    Draft202012Validator.check_schema(schema)
    part = transfer.export_part(measured)
    assert transfer.problems(part, measured.document) == []
    assert [v["when"] for v in part["values"]] == ["2024", "2025-03-31"]
    assert part["values"][1]["deleted_at"] and [h["action"] for h in part["values"][1]["history"]] == [
        "recorded",
        "deleted",
    ]


def test_canvas_file_round_trip_keeps_values_history_marks_and_settings(measured, people, tmp_path):
    path = tmp_path / "canvas.json"
    call_command("export_canvas", str(measured.pk), "-o", str(path))
    data = json.loads(path.read_text())
    assert data["schema"] == "mission-canvas/1" and data["measurements"]["format"] == transfer.FORMAT
    call_command("import_canvas", str(path), "--team", people["team"].slug)
    copy = Canvas.objects.exclude(pk=measured.pk).get(title=measured.title)
    assert transfer.export_part(copy) == transfer.export_part(measured)
    assert Measurement.objects.live().filter(canvas=copy).count() == 1
    assert MeasurementChange.objects.filter(canvas=copy).count() == 4
    assert ProgressSettings.objects.get(canvas=copy).tolerance == 15
    assert ActionMark.objects.get(canvas=copy).done


def test_a_bad_measurements_part_refuses_the_whole_file(measured, people, tmp_path):
    data = json.loads(transfer_text(measured))
    data["measurements"]["values"][0]["metric"] = "metric-99"
    data["measurements"]["values"][1]["value"] = "many"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    before = Canvas.objects.count()
    with pytest.raises(CommandError) as raised:
        call_command("import_canvas", str(path), "--team", people["team"].slug)
    assert "measurements: values[1].value: 'many' is not of type 'number'" in str(raised.value)
    data["measurements"]["values"][1]["value"] = 3
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError) as raised:
        call_command("import_canvas", str(path), "--team", people["team"].slug)
    assert "values[0].metric: no metric of the canvas has the id “metric-99”" in str(raised.value)
    assert Canvas.objects.count() == before


def transfer_text(canvas):
    from workbench.canvases.services import export_document

    return export_document(canvas)


def test_team_file_round_trip_keeps_measurements(measured, people, tmp_path, django_user_model):
    path = tmp_path / "team.json"
    call_command("export_team", people["team"].slug, "-o", str(path))
    exported = json.loads(path.read_text())
    assert exported["canvases"][0]["measurements"]["values"][0]["history"][1]["before"]["value"] == 30
    Team.objects.all().delete()
    django_user_model.objects.all().delete()
    call_command("import_team", str(path))
    team = Team.objects.get(slug=people["team"].slug)
    assert export_team(team) == exported
