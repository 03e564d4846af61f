"""Adding a list section is a change to the spec: the schema, the editor, compare and merge, and the checker follow.

Each reader takes the spec as an argument (the canvas's own by default), so the test hands them a copy of the
canvas with one more section, "risks", and changes no global.
"""

from dataclasses import replace

import pytest

from workbench.canvases.forms import CanvasEditor, drop_dangling_links, item_form, link_choices
from workbench.checker.canvas import Canvas
from workbench.document import change_summary, compare_sections, remap_citations, validate
from workbench.document.model import empty_document, item_index, new_item_id, normalize
from workbench.document.spec import CANVAS, Field, Section

RISKS = Section(
    "risks",
    "Risks",
    "list",
    (
        Field("title", "line", "Risk", max_length=300, required=True),
        Field("description", "text", "What could go wrong", "And what the team would do then.", rows=2),
    ),
    item="risk",
    noun="risk",
    id_prefix="risk",
    max_items=50,
)
SPEC = CANVAS.with_section(RISKS, after="metrics")


@pytest.fixture
def document():
    document = empty_document("Warm homes for everyone", spec=SPEC)
    document["statement"] = "By 2030, no one in the borough lives in a cold home."
    document["risks"] = [
        {"id": "risk-1", "title": "Landlords refuse the works", "description": "Tenants fear rent rises."},
        {"id": "risk-2", "title": "Installers are scarce", "description": "Local colleges train too few fitters."},
    ]
    return document


def test_the_canvas_itself_is_unchanged():
    assert "risks" not in CANVAS.titles and "risks" not in CANVAS.schema()["properties"]
    assert list(SPEC.titles)[-3:] == ["risks", "governance", "horizons"]


def test_the_generated_schema_accepts_the_new_section_and_checks_its_fields(document):
    schema = SPEC.schema()
    assert schema["properties"]["risks"] == {"type": "array", "maxItems": 50, "items": {"$ref": "#/$defs/risk"}}
    assert schema["$defs"]["risk"]["properties"]["title"]["maxLength"] == 300

    assert validate(document, spec=SPEC) == []
    assert [str(e) for e in validate(document)] == ["risks: is not a field of a mission canvas document"]

    document["risks"].append({"id": "risk-3", "title": "x" * 301})
    document["risks"].append({"id": "risk-1", "title": "Twice"})
    document["risks"].append({"id": "risk-9"})
    messages = [str(error) for error in validate(document, spec=SPEC)]
    assert messages == ["risks[2].title: is too long (at most 300 characters)", "risks[4].title: is required"]
    del document["risks"][2:]
    document["risks"].append({"id": "risk-1", "title": "Twice"})
    assert [str(e) for e in validate(document, spec=SPEC)] == ['risks[2].id: "risk-1" is already the id of risks[0]']


def test_document_defaults_and_ids_know_the_new_section(document):
    assert empty_document(spec=SPEC)["risks"] == []
    assert normalize({"schema": "mission-canvas/1", "title": "T", "risks": [{"id": "r", "title": "A"}]}, spec=SPEC)[
        "risks"
    ] == [{"id": "r", "title": "A", "description": ""}]
    assert new_item_id("risks", {"risk-1", "risk-2"}, spec=SPEC) == "risk-3"
    assert item_index(document, spec=SPEC)["risk-2"][:2] == ("risks", 1)


def _post(editor: CanvasEditor) -> dict:
    """What the editor page would send back for the unchanged canvas."""
    data = {name: "" if value is None else value for name, value in editor.form.initial.items()}
    for section, formset in editor.formsets.items():
        for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[f"{section}-{name}"] = formset.management_form.initial[name]
        for form in formset.forms:
            for name, value in form.initial.items():
                data[form.add_prefix(name)] = "" if value is None else value
    return data


def test_the_editor_has_a_formset_for_the_new_section_and_saves_its_items(document):
    form = item_form("risks", SPEC)()
    assert list(form.fields) == ["item_id", "title", "description"]
    assert form.fields["title"].label == "Risk" and form.fields["title"].max_length == 300
    assert form.fields["description"].help_text == "And what the team would do then."

    editor = CanvasEditor(document, 1, spec=SPEC)
    assert [part["key"] for part in editor.parts if part.get("formset") is not None][-1] == "risks"
    assert next(part for part in editor.parts if part["key"] == "risks")["noun"] == "a risk"
    assert editor.formsets["risks"].max_num == 50

    data = _post(editor)
    data.update({"risks-TOTAL_FORMS": 3, "risks-2-title": "The grant ends early", "risks-0-DELETE": "on"})
    bound = CanvasEditor(document, 1, data=data, spec=SPEC)
    assert bound.is_valid(), (bound.form.errors, [f.errors for f in bound.formsets["risks"]])
    saved = bound.build_document()
    assert [(r["id"], r["title"]) for r in saved["risks"]] == [
        ("risk-2", "Installers are scarce"),
        ("risk-3", "The grant ends early"),
    ]
    assert validate(saved, spec=SPEC) == []

    data["risks-2-title"] = "x" * 301
    assert not CanvasEditor(document, 1, data=data, spec=SPEC).is_valid()


def test_compare_and_merge_see_changes_in_the_new_section(document):
    changed = {**document, "risks": document["risks"][1:] + [{"id": "risk-3", "title": "Prices rise"}]}
    changed["risks"][0] = {**changed["risks"][0], "title": "Installers are hard to find"}

    assert change_summary(document, changed, spec=SPEC) == "Risks: added 1, edited 1, removed 1"
    row = next(row for row in compare_sections(document, changed, spec=SPEC) if row["section"] == "risks")
    assert row["title"] == "Risks" and row["changed"]
    assert "[risk-3] Prices rise" in row["new"] and "Landlords refuse the works" in row["old"]
    assert [row["section"] for row in compare_sections(document, changed, spec=SPEC) if row["changed"]] == ["risks"]

    # A citation of the second risk follows it when the first one goes.
    document["citations"] = {"risks[1].description": [{"source": "Installers survey 2024"}]}
    assert remap_citations(document, changed, spec=SPEC) == {
        "risks[0].description": [{"source": "Installers survey 2024"}]
    }


def test_links_to_and_from_the_new_section_follow_the_spec():
    # The same section, now linked to the levers that answer each risk.
    linked = RISKS.fields + (Field("levers", "links", "Levers that answer it", links=("levers",), verb="Answered by"),)
    spec = CANVAS.with_section(replace(RISKS, fields=linked), after="metrics")
    document = empty_document("Warm homes for everyone", spec=spec)
    document["levers"] = [{"id": "lever-1", "title": "Grants"}]
    document["risks"] = [{"id": "risk-1", "title": "Prices rise", "levers": ["lever-1", "lever-9"]}]

    assert [str(e) for e in validate(document, spec=spec)] == ['risks[0].levers[1]: no lever has the id "lever-9"']
    assert link_choices(normalize(document, spec=spec), spec=spec)["levers"] == [("lever-1", "Grants")]
    cleaned = normalize(document, spec=spec)
    drop_dangling_links(cleaned, spec=spec)
    assert cleaned["risks"][0]["levers"] == ["lever-1"]
    assert item_form("risks", spec)(links=link_choices(cleaned, spec=spec)).fields["levers"].choices == [
        ("lever-1", "Grants")
    ]


def test_the_checker_reads_the_new_section(document):
    canvas = Canvas(document, spec=SPEC)

    assert [item.id for item in canvas.risks] == ["risk-1", "risk-2"]
    assert canvas.has("risks") and canvas.ids("risks") == {"risk-1", "risk-2"}
    texts = [(section, path, item) for section, path, item, _ in canvas.texts() if section == "risks"]
    assert texts == [
        ("risks", "risks[0].title", "risk-1"),
        ("risks", "risks[0].description", "risk-1"),
        ("risks", "risks[1].title", "risk-2"),
        ("risks", "risks[1].description", "risk-2"),
    ]
    # After the metrics and before the governance notes, where the spec puts it.
    sections = list(dict.fromkeys(section for section, *_ in canvas.texts()))
    assert sections == ["identity", "story", "system", "risks", "governance", "horizons"]
