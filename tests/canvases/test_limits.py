"""One set of limits (workbench/document/spec.py), enforced at every door: the import page, the command line and the
editor refuse what is past them with the field's path, and the largest canvas they allow opens, saves and prints."""

import json

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.canvases.test_editing import editor_post
from tests.canvases.test_import_export import upload
from tests.factories import full_document, make_canvas
from tests.largest import largest_document
from workbench.canvases.forms import largest_field_count
from workbench.canvases.models import Canvas, Revision
from workbench.document import validate
from workbench.document.spec import DOCUMENT_MAX_BYTES, ITEMS_MAX
from workbench.document.validation import document_size


def import_text(client, team, text: str | bytes):
    return client.post(reverse("canvases:import", kwargs={"slug": team.slug}), {"file": upload(text)})


def messages_of(response) -> list[str]:
    return [str(error) for error in response.context["errors"]]


def spoiled(spoil) -> str:
    document = full_document()
    spoil(document)
    return json.dumps(document, ensure_ascii=False)


NOT_FINITE = [
    ("NaN", "metrics[0].target.value: must be a finite number"),
    ("Infinity", "metrics[0].target.value: must be a finite number"),
    ("-Infinity", "metrics[0].target.value: must be a finite number"),
    ("1e999", "metrics[0].target.value: must be a finite number"),
    ("1e300", "metrics[0].target.value: must be a number between -1,000,000,000,000,000 and 1,000,000,000,000,000"),
]


@pytest.mark.parametrize(("number", "message"), NOT_FINITE, ids=[n for n, _ in NOT_FINITE])
def test_a_number_that_is_not_finite_is_refused_with_its_path_not_a_server_error(client_for, people, number, message):
    text = spoiled(lambda d: d["metrics"][0]["target"].update(value=12345.5)).replace("12345.5", number)
    response = import_text(client_for("editor"), people["team"], text)
    assert response.status_code == 400
    assert messages_of(response) == [message]
    assert not Canvas.objects.exists()


def test_a_number_with_thousands_of_digits_is_refused(client_for, people):
    text = spoiled(lambda d: d.update(deadline_year=2030)).replace(
        '"deadline_year": 2030', '"deadline_year": ' + "9" * 5000
    )
    response = import_text(client_for("editor"), people["team"], text)
    assert response.status_code == 400
    assert all(message.startswith("deadline_year: ") for message in messages_of(response))


@pytest.mark.parametrize("count", [ITEMS_MAX + 1, 160, 5000])
def test_a_list_longer_than_the_limit_is_refused_on_import(client_for, people, count):
    def spoil(document):
        document["root_causes"] = [{**document["root_causes"][0], "id": f"rc-{n}"} for n in range(count)]

    text = spoiled(spoil)
    response = import_text(client_for("editor"), people["team"], text)
    assert response.status_code == 400
    if len(text) > settings.CANVAS_IMPORT_MAX_BYTES:  # too large to read: the file field says so
        assert "a canvas document is at most" in response.context["form"].errors["file"][0]
    else:
        assert messages_of(response) == [f"root_causes: at most {ITEMS_MAX} items"]
    assert not Canvas.objects.exists()


def test_the_command_line_refuses_the_same_list(people, tmp_path):
    document = full_document()
    document["levers"] = [{**document["levers"][0], "id": f"lever-{n}"} for n in range(ITEMS_MAX + 1)]
    path = tmp_path / "canvas.json"
    path.write_text(json.dumps(document))
    with pytest.raises(CommandError, match=rf"levers: at most {ITEMS_MAX} items"):
        call_command("import_canvas", str(path), "--team", people["team"].slug)


DUPLICATES = [
    (lambda t: t.replace('"title": ', '"title": "An older title", "title": ', 1), "title: is given more than once"),
    (lambda t: t.replace('"story": {', '"story": {"why_now": "x", ', 1), "story.why_now: is given more than once"),
    (
        lambda t: t.replace('"evidence": {', '"evidence": {"source": "x", ', 1),
        "root_causes[0].evidence.source: is given more than once",
    ),
]


@pytest.mark.parametrize(("spoil", "message"), DUPLICATES, ids=[m.split(":")[0] for _, m in DUPLICATES])
def test_a_name_given_twice_in_one_object_is_refused_with_its_path(client_for, people, spoil, message):
    response = import_text(client_for("editor"), people["team"], spoil(json.dumps(full_document())))
    assert response.status_code == 400
    assert messages_of(response) == [message]


CHARACTERS = [
    (lambda d: d.update(title="Good\u0000food"), "title: must not contain the NUL character (\\u0000)"),
    (lambda d: d["story"].update(why_now="a\u0000b"), "story.why_now: must not contain the NUL character (\\u0000)"),
    (
        lambda d: d["citations"].update({"statement": [{"source": "x\u0000.txt"}]}),
        "citations.statement[0].source: must not contain the NUL character (\\u0000)",
    ),
    (
        lambda d: d.update(title="\u202edoof dooG"),
        "title: must not contain characters that change the direction of text (U+202A–U+202E, U+2066–U+2069, "
        "U+200E, U+200F)",
    ),
    (
        lambda d: d["stakeholders"][0].update(name="Council\u2067"),
        "stakeholders[0].name: must not contain characters that change the direction of text (U+202A–U+202E, "
        "U+2066–U+2069, U+200E, U+200F)",
    ),
    (
        lambda d: d["root_causes"][1].update(title="Cost\u200f"),
        "root_causes[1].title: must not contain characters that change the direction of text (U+202A–U+202E, "
        "U+2066–U+2069, U+200E, U+200F)",
    ),
    (
        lambda d: d["story"].update(why_now="Half a pair: \ud800"),
        "story.why_now: must be valid Unicode text (it holds half of a surrogate pair)",
    ),
]


@pytest.mark.parametrize(("spoil", "message"), CHARACTERS, ids=[m.split(":")[0] for _, m in CHARACTERS])
def test_nul_and_direction_controls_are_refused_on_import(client_for, people, spoil, message):
    document = full_document()
    spoil(document)
    response = import_text(client_for("editor"), people["team"], json.dumps(document))
    assert response.status_code == 400
    assert messages_of(response) == [message]


def test_direction_controls_are_fine_in_long_text(people):
    document = full_document()
    document["story"]["why_now"] = "Arabic and English: \u2067مرحبا\u2069 hello."
    assert validate(document) == []


def test_deep_nesting_is_refused_with_where_it_goes_too_deep(client_for, people):
    text = json.dumps(full_document()).replace('"why_now": "', '"why_now": ' + "[" * 50 + '"', 1)
    text = text.replace('meals."', 'meals."' + "]" * 50, 1)
    response = import_text(client_for("editor"), people["team"], text)
    assert response.status_code == 400
    assert messages_of(response) == ["story.why_now[0][0][0][0][0][0]: is nested too deeply (at most 8 levels)"]


def test_a_canvas_larger_than_the_limit_is_refused_naming_its_largest_part(client_for, people):
    document = largest_document(size=DOCUMENT_MAX_BYTES + 20_000)
    assert document_size(document) > DOCUMENT_MAX_BYTES
    response = import_text(client_for("editor"), people["team"], json.dumps(document))
    assert response.status_code == 400
    [message] = messages_of(response)
    size = document_size(document) // 1024
    assert message == (
        f"opportunity_areas: the canvas is {size} KB, larger than the {DOCUMENT_MAX_BYTES // 1024} KB a canvas may be; "
        "this part is the largest"
    )


def test_links_to_the_same_item_twice_are_refused(client_for, people):
    response = import_text(
        client_for("editor"), people["team"], spoiled(lambda d: d["levers"][0].update(opportunity_areas=["area-1"] * 3))
    )
    assert response.status_code == 400
    assert messages_of(response) == ["levers[0].opportunity_areas: names the same item more than once"]


# --- The editor ----------------------------------------------------------------------------------------------------


def test_the_editor_may_send_as_many_fields_as_the_largest_canvas_needs():
    assert largest_field_count() == 6_728
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS >= largest_field_count()


def test_the_largest_canvas_the_limits_allow_imports_opens_saves_and_prints(client_for, people):
    document = largest_document()
    assert validate(document) == [] and document_size(document) > DOCUMENT_MAX_BYTES - 1024
    client = client_for("editor")
    response = import_text(client, people["team"], json.dumps(document))
    assert response.status_code == 302
    canvas = Canvas.objects.get()
    edit = reverse("canvases:edit", kwargs={"pk": canvas.pk})
    assert client.get(edit).status_code == 200
    response = client.post(edit, editor_post(canvas.document, 1, statement="Every list is full."))
    assert response.status_code == 302
    canvas.refresh_from_db()
    assert canvas.revision_number == 2 and canvas.document["statement"] == "Every list is full."
    assert canvas.document["metrics"] == document["metrics"]
    response = client.get(reverse("pdf:canvas", kwargs={"pk": canvas.pk}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_a_row_past_the_limit_is_refused_and_the_typing_stays_on_the_page(client_for, people):
    canvas = make_canvas(people["team"], people["owner"], document=largest_document(size=60_000))
    data = editor_post(canvas.document, 1, statement="My new statement, typed with care.")
    data["root_causes-TOTAL_FORMS"] = ITEMS_MAX + 1
    data[f"root_causes-{ITEMS_MAX}-title"] = "One cause too many"
    response = client_for("editor").post(reverse("canvases:edit", kwargs={"pk": canvas.pk}), data)
    assert response.status_code == 422
    page = response.content.decode()
    assert "My new statement, typed with care." in page
    assert f"<code>root_causes</code>: At most {ITEMS_MAX} root causes: remove some before saving." in page
    assert Revision.objects.filter(canvas=canvas).count() == 1


EDITOR_REFUSALS = [
    ({"title": "\u202eGood food"}, "title", "change the direction of text"),
    ({"metrics-0-name": "Meals\u2066"}, "metrics[0].name", "change the direction of text"),
    ({"title": "Good\u0000food"}, "title", "Null characters are not allowed."),
    ({"metrics-0-target_value": "nan"}, "metrics[0].target.value", "Enter a number"),
    ({"metrics-0-target_value": "1e999"}, "metrics[0].target.value", "Enter a number"),
    ({"budget_amount": "1e300"}, "budget.amount", "at most 1,000,000,000,000,000"),
    (
        {"opportunity_areas-0-initiatives": "\n".join(f"Idea {n}" for n in range(11))},
        "opportunity_areas[0].initiatives",
        "At most 10 lines",
    ),
]


@pytest.mark.parametrize(("changes", "path", "words"), EDITOR_REFUSALS, ids=[p for _, p, _ in EDITOR_REFUSALS])
def test_the_editor_refuses_the_same_limits_naming_the_field(client_for, canvas, changes, path, words):
    data = editor_post(canvas.document, 1, statement="Typed before the refusal.", **changes)
    response = client_for("editor").post(reverse("canvases:edit", kwargs={"pk": canvas.pk}), data)
    assert response.status_code == 422
    refused = response.context["editor"].errors
    assert any(error["path"] == path and words in error["message"] for error in refused), refused
    assert "Typed before the refusal." in response.content.decode()
    assert Revision.objects.filter(canvas=canvas).count() == 1


def test_a_new_canvas_cannot_be_titled_with_direction_controls(client_for, people):
    response = client_for("editor").post(
        reverse("canvases:create", kwargs={"slug": people["team"].slug}), {"title": "\u202eecnatsid"}
    )
    assert response.status_code == 200
    assert "change the direction of text" in response.content.decode()
    assert not Canvas.objects.exists()


def test_the_add_button_says_when_a_list_is_full(client_for, canvas):
    url = reverse("canvases:edit_row", kwargs={"pk": canvas.pk, "section": "root_causes"})
    response = client_for("editor").get(url, {"root_causes-TOTAL_FORMS": ITEMS_MAX})
    page = response.content.decode()
    assert f"A canvas holds at most {ITEMS_MAX} root causes" in page
    assert "TOTAL_FORMS" not in page  # no row is added, and the count stays
    response = client_for("editor").get(url, {"root_causes-TOTAL_FORMS": ITEMS_MAX - 1})
    assert f'name="root_causes-{ITEMS_MAX - 1}-title"' in response.content.decode()
