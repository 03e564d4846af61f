"""Canvas document files: export and import from the pages and the command line."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.factories import full_document, make_canvas
from workbench.canvases.models import Canvas
from workbench.document import normalize, parse


def upload(text: str | bytes, name="canvas.json"):
    return SimpleUploadedFile(name, text.encode() if isinstance(text, str) else text, content_type="application/json")


def test_export_then_import_from_the_pages_gives_an_equal_document(client_for, people, canvas):
    client = client_for("editor")
    response = client.get(reverse("canvases:export", kwargs={"pk": canvas.pk}))
    assert response["Content-Disposition"] == 'attachment; filename="good-food-for-everyone-r1.json"'
    exported = response.content
    response = client.post(reverse("canvases:import", kwargs={"slug": people["team"].slug}), {"file": upload(exported)})
    assert response.status_code == 302
    copy = Canvas.objects.exclude(pk=canvas.pk).get()
    assert copy.document == canvas.document
    assert copy.current_revision.summary == "Imported from canvas.json"
    assert parse(exported) == normalize(canvas.document)


def test_export_then_import_on_the_command_line_gives_an_equal_document(people, canvas, tmp_path, capsys):
    path = tmp_path / "canvas.json"
    call_command("export_canvas", str(canvas.pk), "-o", str(path))
    call_command("import_canvas", str(path), "--team", people["team"].slug)
    assert "Imported “Good food for everyone” as canvas" in capsys.readouterr().out
    copy = Canvas.objects.exclude(pk=canvas.pk).get()
    assert copy.document == canvas.document
    assert copy.created_by == people["owner"]


def test_export_to_standard_output(canvas, capsys):
    call_command("export_canvas", str(canvas.pk))
    assert json.loads(capsys.readouterr().out) == canvas.document


BAD_DOCUMENTS = [
    (lambda d: d["metrics"][1]["target"].update(year="2030s"), "metrics[1].target.year: must be a whole year"),
    (
        lambda d: d["metrics"][0]["baseline"].update(value="twenty"),
        "metrics[0].baseline.value: must be a number or empty",
    ),
    (lambda d: d.update(deadline_year=2030.5), "deadline_year: must be a whole year"),
    (lambda d: d.pop("title"), "title: is required"),
    (lambda d: d.update(schema="mission-canvas/9"), 'schema: must be "mission-canvas/1"'),
    (lambda d: d["levers"][0].update(side="sideways"), "levers[0].side: must be one of 'supply', 'demand', 'both'"),
    (
        lambda d: d["levers"][1].update(opportunity_areas=["area-99"]),
        'levers[1].opportunity_areas[0]: no opportunity area has the id "area-99"',
    ),
    (lambda d: d["root_causes"][1].update(id="rc-1"), 'root_causes[1].id: "rc-1" is already the id of root_causes[0]'),
    (lambda d: d["stakeholders"].append("a string"), "stakeholders[2]: must be a group of named fields"),
    (lambda d: d.update(colour="blue"), "colour: is not a field of a mission canvas document"),
    (
        lambda d: d["citations"].update(
            {"metrics[7].target": [{"source": "000_f67c9f7830c09c20.txt", "at": "00:44:57"}]}
        ),
        'citations["metrics[7].target"]: names no field of this document',
    ),
    (
        lambda d: d["citations"].update({"statement": [{"source": "x.txt", "at": "44:57"}]}),
        "citations.statement[0].at: must be a timestamp like 00:44:57",
    ),
]


@pytest.mark.parametrize(("spoil", "message"), BAD_DOCUMENTS, ids=[m.split(":")[0] for _, m in BAD_DOCUMENTS])
def test_a_bad_document_gets_errors_naming_the_field(client_for, people, spoil, message, tmp_path):
    document = full_document()
    spoil(document)
    text = json.dumps(document)
    response = client_for("editor").post(
        reverse("canvases:import", kwargs={"slug": people["team"].slug}), {"file": upload(text)}
    )
    assert response.status_code == 400
    assert message in [str(e) for e in response.context["errors"]]
    assert not Canvas.objects.exists()
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(CommandError) as raised:
        call_command("import_canvas", str(path), "--team", people["team"].slug)
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON: Expecting property name enclosed in double quotes at line 1, column 2"),
        (b"\xff\xfe\x00", "the file is not UTF-8 text"),
        (b"[1, 2]", "a canvas document must be a JSON object with named fields"),
        (b"[" * 100000, "the JSON is nested too deeply"),
    ],
)
def test_a_file_that_is_not_a_document_is_refused_in_plain_words(client_for, people, content, message):
    response = client_for("editor").post(
        reverse("canvases:import", kwargs={"slug": people["team"].slug}), {"file": upload(content)}
    )
    assert response.status_code == 400
    assert any(message in str(e) for e in response.context["errors"])


def test_an_oversized_file_is_refused(client_for, people, settings):
    settings.CANVAS_IMPORT_MAX_BYTES = 1000
    response = client_for("editor").post(
        reverse("canvases:import", kwargs={"slug": people["team"].slug}),
        {"file": upload(json.dumps(full_document(items=20)))},
    )
    assert response.status_code == 400
    assert "a canvas document is at most 0 KB" in response.content.decode() or "at most" in response.content.decode()
    assert not Canvas.objects.exists()


def test_command_line_errors_name_the_problem(people, tmp_path):
    with pytest.raises(CommandError, match="No team has the slug “nowhere”"):
        call_command("import_canvas", str(tmp_path / "x.json"), "--team", "nowhere")
    with pytest.raises(CommandError, match="cannot read the file"):
        call_command("import_canvas", str(tmp_path / "missing.json"), "--team", people["team"].slug)
    with pytest.raises(CommandError, match="No canvas has the id 999"):
        call_command("export_canvas", "999")


def test_viewer_can_export_but_not_import(client_for, people, canvas):
    client = client_for("viewer")
    assert client.get(reverse("canvases:export", kwargs={"pk": canvas.pk})).status_code == 200
    response = client.post(reverse("canvases:import", kwargs={"slug": people["team"].slug}), {"file": upload("{}")})
    assert response.status_code == 403


def test_imported_canvas_of_another_team_stays_invisible(client_for, people):
    other = make_canvas(people["outsider"].teams.get(), people["outsider"])
    assert client_for("owner").get(reverse("canvases:export", kwargs={"pk": other.pk})).status_code == 404
