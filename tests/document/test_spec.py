"""The canvas spec is the one declaration: the committed schema file and the editor's forms are made from it."""

import json
from pathlib import Path

import pytest

from workbench.canvases.forms import CanvasEditor, NewCanvasForm, item_form
from workbench.document import validate
from workbench.document.spec import CANVAS, SCHEMA_FILE, TEXT_MAX, schema_text

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted((ROOT / "seeds").glob("*.json")) + sorted((ROOT / "tests/checker/corpus").glob("*/*.json"))


def test_the_committed_schema_file_is_the_one_the_spec_generates():
    committed = SCHEMA_FILE.read_text(encoding="utf-8")

    assert json.loads(committed) == CANVAS.schema()
    assert committed == schema_text(), "run: python -m workbench.document"


def test_the_schema_names_every_section_field_and_choice_of_the_spec():
    schema = CANVAS.schema()

    assert list(schema["properties"]) == ["schema", *CANVAS.top_level, "citations", "waivers"]
    for section in CANVAS.list_sections:
        item = schema["$defs"][section.item]
        assert list(item["properties"]) == ["id", *(field.key for field in section.fields)]
    assert schema["$defs"]["lever"]["properties"]["type"]["enum"] == ["", *dict(CANVAS.choice_pairs("lever_type"))]
    assert (
        schema["$defs"]["metric"]["properties"]["name"]["maxLength"]
        == CANVAS.section("metrics").field("name").max_length
    )


@pytest.mark.parametrize("path", DOCUMENTS, ids=[f"{p.parent.name}/{p.stem}" for p in DOCUMENTS])
def test_worked_examples_and_corpus_documents_are_valid_under_the_generated_schema(path):
    document = json.loads(path.read_text(encoding="utf-8"))
    if "schema" not in document:
        pytest.skip("not a canvas document")

    assert validate(document) == []


def _form_fields():
    editor = CanvasEditor(CANVAS.empty_document("A mission"), 1)
    yield from editor.form.fields.items()
    for section in CANVAS.list_keys:
        yield from item_form(section)().fields.items()


def test_the_editor_takes_its_labels_limits_and_choices_from_the_spec():
    editor = CanvasEditor(CANVAS.empty_document("A mission"), 1)
    fields = editor.form.fields

    assert fields["title"].label == "Title" and fields["title"].max_length == 200 and fields["title"].required
    assert fields["story_what_will_change"].label == CANVAS.label("story.what_will_change") == "What will be different"
    assert fields["budget_currency"].max_length == CANVAS.section("identity").field("budget").fields[1].max_length
    assert fields["governance_evaluation"].help_text == CANVAS.section("governance").field("evaluation").help

    metric = item_form("metrics")().fields
    assert metric["target_year"].label == CANVAS.label("metrics.target.year") == "Target year"
    assert metric["name"].max_length == 500
    assert [value for value, _ in metric["direction"].choices] == ["", "increase", "decrease", "maintain"]
    assert metric["direction"].choices[1][1] == "Should go up"
    assert item_form("opportunity_areas")().fields["initiatives"].line_max == 500
    assert NewCanvasForm().fields["title"].max_length == 200


def test_every_text_field_of_the_editor_is_as_long_as_the_schema_allows():
    schema = json.dumps(CANVAS.schema())
    for name, field in _form_fields():
        max_length = getattr(field, "max_length", None)
        if max_length is not None and name != "item_id":
            assert max_length == TEXT_MAX or f'"maxLength": {max_length}' in schema, name


def test_the_schema_command_reports_a_file_that_matches(capsys):
    from workbench.document.__main__ import main

    assert main(["--check"]) == 0
    assert "matches the canvas spec" in capsys.readouterr().out
