"""Drafting a canvas in the editor: saves, revisions, the lost update, restore and the bin."""

import json
import re

from django.test import Client
from django.urls import reverse

from tests.factories import full_document, make_canvas
from workbench.canvases import services
from workbench.canvases.forms import CanvasEditor
from workbench.canvases.models import Canvas
from workbench.document import normalize


def editor_post(document: dict, base_revision: int, **changes) -> dict:
    """The POST data the editor page would send for this document, with some fields changed."""
    editor = CanvasEditor(document, base_revision)
    data = {}
    for name in editor.form.fields:
        value = editor.form.initial.get(name)
        data[name] = "" if value is None else value
    for section, formset in editor.formsets.items():
        management = formset.management_form
        for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[f"{section}-{name}"] = management.initial[name]
        for form in formset.forms:
            for name in form.fields:
                value = form.initial.get(name, "")
                key = form.add_prefix(name)
                if name == "DELETE":
                    continue
                if isinstance(value, list):
                    data[key] = value
                else:
                    data[key] = "" if value is None else value
    data.update(changes)
    return data


def test_saving_the_editor_makes_a_revision_with_a_summary(client_for, canvas):
    client = client_for("editor")
    data = editor_post(canvas.document, 1, statement="By 2030, no child in the borough goes hungry.")
    response = client.post(reverse("canvases:edit", kwargs={"pk": canvas.pk}), data)
    assert response.status_code == 302
    canvas.refresh_from_db()
    assert canvas.revision_number == 2
    assert canvas.document["statement"] == "By 2030, no child in the borough goes hungry."
    assert canvas.statement == canvas.document["statement"]
    assert canvas.current_revision.summary == "Statement"
    assert canvas.current_revision.author.username == "editor"


def test_adding_linking_reordering_and_removing_items(client_for, canvas):
    client = client_for("owner")
    data = editor_post(canvas.document, 1)
    # A new root cause in a third row, the two existing ones swapped, the first metric removed.
    data.update(
        {
            "root_causes-TOTAL_FORMS": 3,
            "root_causes-2-title": "Few shops sell fresh food",
            "root_causes-2-ORDER": 1,
            "root_causes-0-ORDER": 3,
            "root_causes-1-ORDER": 2,
            "metrics-0-DELETE": "on",
        }
    )
    response = client.post(reverse("canvases:edit", kwargs={"pk": canvas.pk}), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    doc = Canvas.objects.get(pk=canvas.pk).document
    assert [rc["title"] for rc in doc["root_causes"]] == ["Few shops sell fresh food", "Root cause 2", "Root cause 1"]
    assert doc["root_causes"][0]["id"] == "rc-3"
    assert [m["id"] for m in doc["metrics"]] == ["metric-2"]
    # Links keep pointing at the same items after the reorder.
    assert doc["opportunity_areas"][0]["root_causes"] == ["rc-1"]


def test_removing_an_item_drops_the_links_to_it(client_for, canvas):
    client = client_for("owner")
    data = editor_post(canvas.document, 1, **{"root_causes-0-DELETE": "on"})
    client.post(reverse("canvases:edit", kwargs={"pk": canvas.pk}), data)
    doc = Canvas.objects.get(pk=canvas.pk).document
    assert [rc["id"] for rc in doc["root_causes"]] == ["rc-2"]
    assert doc["opportunity_areas"][0]["root_causes"] == []


def test_citations_follow_their_item_when_items_move(people):
    document = full_document()
    document["citations"]["metrics[1].target"] = [{"source": "https://example.org/report", "outside": True}]
    canvas = make_canvas(people["team"], people["owner"], document)
    data = editor_post(canvas.document, 1, **{"metrics-0-DELETE": "on"})
    editor = CanvasEditor(canvas.document, 1, data=data)
    assert editor.is_valid()
    new = editor.build_document()
    assert new["citations"]["metrics[0].target"] == [{"source": "https://example.org/report", "outside": True}]
    assert "metrics[1].target" not in new["citations"]


def test_validation_messages_stand_beside_the_field_and_keep_the_text(client_for, canvas):
    client = client_for("editor")
    data = editor_post(
        canvas.document,
        1,
        statement="My carefully typed statement",
        deadline_year="next year",
        **{"metrics-0-target_year": "2O30", "metrics-0-baseline_value": "about 20"},
    )
    response = client.post(reverse("canvases:edit", kwargs={"pk": canvas.pk}), data)
    assert response.status_code == 422
    page = response.content.decode()
    assert "Enter a whole year, such as 2030." in page
    assert "Enter a number, such as 12 or 12.5, without units." in page
    assert "My carefully typed statement" in page
    assert 'value="about 20"' in page
    assert Canvas.objects.get(pk=canvas.pk).revision_number == 1


def test_a_new_row_without_a_title_asks_for_one(client_for, canvas):
    client = client_for("editor")
    data = editor_post(canvas.document, 1, **{"levers-TOTAL_FORMS": 3, "levers-2-owner": "Schools"})
    response = client.post(reverse("canvases:edit", kwargs={"pk": canvas.pk}), data)
    assert response.status_code == 422
    assert "Give the lever a title, or tick “Remove” to drop it." in response.content.decode()
    assert 'value="Schools"' in response.content.decode()


def test_an_untouched_added_row_is_ignored(client_for, canvas):
    client = client_for("editor")
    data = editor_post(canvas.document, 1, **{"levers-TOTAL_FORMS": 3})
    assert client.post(reverse("canvases:edit", kwargs={"pk": canvas.pk}), data).status_code == 302
    assert len(Canvas.objects.get(pk=canvas.pk).document["levers"]) == 2


def test_the_add_row_fragment_bumps_the_form_count(client_for, canvas):
    client = client_for("editor")
    url = reverse("canvases:edit_row", kwargs={"pk": canvas.pk, "section": "opportunity_areas"})
    response = client.get(url, {"opportunity_areas-TOTAL_FORMS": "2"})
    page = response.content.decode()
    assert 'name="opportunity_areas-2-title"' in page
    assert 'name="opportunity_areas-TOTAL_FORMS" value="3"' in page and 'hx-swap-oob="true"' in page
    # Its links offer the canvas's own root causes.
    assert "Root cause 1" in page and 'value="rc-2"' in page


def _two_editors(people):
    first, second = Client(), Client()
    first.force_login(people["owner"])
    second.force_login(people["editor"])
    return first, second


def test_changes_to_different_fields_of_one_section_both_survive_without_a_conflict(people, canvas):
    first, second = _two_editors(people)
    url = reverse("canvases:edit", kwargs={"pk": canvas.pk})
    # Both open the editor at revision 1; the owner changes Place, the editor Population.
    assert first.post(url, editor_post(canvas.document, 1, place="Camden")).status_code == 302
    response = second.post(url, editor_post(canvas.document, 1, population="Every child in Camden"), follow=True)
    assert response.redirect_chain[-1][1] == 302
    canvas.refresh_from_db()
    assert canvas.revision_number == 3
    assert (canvas.document["place"], canvas.document["population"]) == ("Camden", "Every child in Camden")
    page = response.content.decode()
    assert "owner&#x27;s change to Place or scope was kept" in page


def test_lost_update_the_second_save_gets_the_conflict_page_and_both_texts_survive(people, canvas):
    first, second = _two_editors(people)
    url = reverse("canvases:edit", kwargs={"pk": canvas.pk})
    # Both open the editor at revision 1 and change the statement; the owner also changes the story.
    first_data = editor_post(
        canvas.document,
        1,
        statement="By 2030, everyone eats well: the owner's words.",
        story_why_now="Prices doubled this year.",
    )
    second_data = editor_post(
        canvas.document, 1, statement="By 2030, no one goes hungry: the editor's words.", place="Camden"
    )
    assert first.post(url, first_data).status_code == 302
    response = second.post(url, second_data)
    assert response.status_code == 409
    page = response.content.decode()
    # Only the field both changed is asked about, with the words each added and took out.
    assert [row["conflict"].key for row in response.context["rows"]] == ["identity/statement"]
    assert "<del>everyone in </del><ins>no one goes hungry: </ins>" in page and "<ins>owner&#x27;s words.</ins>" in page
    # Each side's whole text is there to read, once the struck-out words are set aside.
    texts = re.sub(r"<del>.*?</del>|</?ins>", "", page)
    assert "By 2030, no one goes hungry: the editor&#x27;s words." in texts
    assert "By 2030, everyone eats well: the owner&#x27;s words." in texts
    assert "checked" not in page.split('name="choice-identity/statement"')[1].split(">")[0]
    canvas.refresh_from_db()
    assert canvas.revision_number == 2
    assert canvas.document["statement"] == "By 2030, everyone eats well: the owner's words."

    # Saving without a choice is refused beside the field, and the editor's version is still on the page.
    form = response.context["form"]
    hidden = {"mine": form.initial["mine"], "my_base": 1, "base_revision": 2}
    merge_url = reverse("canvases:merge", kwargs={"pk": canvas.pk})
    refused = second.post(merge_url, {**hidden, "then": "save"})
    assert refused.status_code == 422
    assert "Choose which version to keep." in refused.content.decode()
    assert refused.context["form"].initial["mine"] == form.initial["mine"]
    assert Canvas.objects.get(pk=canvas.pk).revision_number == 2

    # The editor keeps their own statement; the owner's story and the editor's place are both in.
    merge = second.post(merge_url, {**hidden, "choice-identity/statement": "mine", "then": "save"})
    assert merge.status_code == 302
    canvas.refresh_from_db()
    assert canvas.revision_number == 3
    assert canvas.document["statement"] == "By 2030, no one goes hungry: the editor's words."
    assert canvas.document["story"]["why_now"] == "Prices doubled this year."
    assert canvas.document["place"] == "Camden"
    statements = [r.document["statement"] for r in canvas.revisions.order_by("number")]
    assert "By 2030, everyone eats well: the owner's words." in statements


def test_the_conflict_page_escapes_what_people_typed(people, canvas):
    first, second = _two_editors(people)
    url = reverse("canvases:edit", kwargs={"pk": canvas.pk})
    first.post(url, editor_post(canvas.document, 1, place="<b>Camden</b>"))
    response = second.post(url, editor_post(canvas.document, 1, place="<script>alert(1)</script>"))
    page = response.content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>Camden" not in page and "&lt;b&gt;Camden&lt;/b&gt;" in page


def test_a_merge_on_top_of_yet_another_save_conflicts_again(people, canvas, client_for):
    services.save_canvas(
        canvas=canvas, user=people["owner"], document={**canvas.document, "near_term": "A"}, base_revision=1
    )
    client = client_for("editor")
    mine = json.dumps({**canvas.document, "near_term": "B"})
    # The editor was shown revision 2 ("A") against their "B"; meanwhile the owner saves "C".
    services.save_canvas(
        canvas=canvas, user=people["owner"], document={**canvas.document, "near_term": "C"}, base_revision=2
    )
    response = client.post(
        reverse("canvases:merge", kwargs={"pk": canvas.pk}),
        {"mine": mine, "my_base": 1, "base_revision": 2, "choice-horizons/near_term": "mine"},
    )
    assert response.status_code == 409
    assert [row["conflict"].key for row in response.context["rows"]] == ["horizons/near_term"]
    assert response.context["current"].number == 3
    canvas.refresh_from_db()
    assert canvas.document["near_term"] == "C"


def test_choosing_their_version_keeps_it_and_says_whose_it_was(people, canvas, client_for):
    opened = dict(canvas.document)
    services.save_canvas(
        canvas=canvas, user=people["owner"], document={**canvas.document, "near_term": "Owner's plan"}, base_revision=1
    )
    client = client_for("editor")
    response = client.post(reverse("canvases:edit", kwargs={"pk": canvas.pk}), editor_post(opened, 1, near_term="Mine"))
    assert response.status_code == 409
    assert "changed by you and by owner" in response.content.decode()
    form = response.context["form"]
    saved = client.post(
        reverse("canvases:merge", kwargs={"pk": canvas.pk}),
        {"mine": form.initial["mine"], "my_base": 1, "base_revision": 2, "choice-horizons/near_term": "theirs"},
    )
    assert saved.status_code == 302
    canvas.refresh_from_db()
    assert canvas.document["near_term"] == "Owner's plan"


def test_restoring_an_old_revision_makes_a_new_revision(client_for, people, canvas):
    original = canvas.document["statement"]
    services.save_canvas(
        canvas=canvas, user=people["owner"], document={**canvas.document, "statement": "Changed"}, base_revision=1
    )
    client = client_for("editor")
    url = reverse("canvases:revision_restore", kwargs={"pk": canvas.pk, "number": 1})
    assert "Restore revision 1?" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    canvas.refresh_from_db()
    assert canvas.revision_number == 3
    assert canvas.document["statement"] == original
    assert canvas.current_revision.restored_from == 1
    assert canvas.current_revision.summary == "Restored revision 1"
    assert canvas.revisions.count() == 3


def test_history_and_compare_show_what_changed(client_for, people, canvas):
    services.save_canvas(
        canvas=canvas, user=people["owner"], document={**canvas.document, "long_term": "Nobody hungry"}, base_revision=1
    )
    client = client_for("viewer")
    history = client.get(reverse("canvases:history", kwargs={"pk": canvas.pk})).content.decode()
    assert "Near term and long term" in history and "created the canvas" in history
    response = client.get(reverse("canvases:compare", kwargs={"pk": canvas.pk}), {"a": 1, "b": 2})
    changed = [row["section"] for row in response.context["rows"] if row["changed"]]
    assert changed == ["horizons"]
    assert "Nobody hungry" in response.content.decode()


def test_compare_with_a_revision_that_does_not_exist_says_so(client_for, canvas):
    response = client_for("viewer").get(
        reverse("canvases:compare", kwargs={"pk": canvas.pk}), {"a": 1, "b": 9}, follow=True
    )
    assert "There is no revision &#x27;9&#x27;: choose two revisions between 1 and 1." in response.content.decode()


def test_the_bin_keeps_a_deleted_canvas_until_an_owner_deletes_it_for_good(client_for, people, canvas):
    editor = client_for("editor")
    assert editor.post(reverse("canvases:delete", kwargs={"pk": canvas.pk})).status_code == 302
    dashboard = editor.get(reverse("canvases:dashboard", kwargs={"slug": people["team"].slug}))
    assert canvas not in dashboard.context["page"].object_list
    assert editor.get(reverse("canvases:detail", kwargs={"pk": canvas.pk})).status_code == 404
    assert canvas.title in editor.get(reverse("canvases:bin", kwargs={"slug": people["team"].slug})).content.decode()
    assert editor.post(reverse("canvases:restore", kwargs={"pk": canvas.pk})).status_code == 302
    assert editor.get(reverse("canvases:detail", kwargs={"pk": canvas.pk})).status_code == 200

    editor.post(reverse("canvases:delete", kwargs={"pk": canvas.pk}))
    assert editor.post(reverse("canvases:purge", kwargs={"pk": canvas.pk})).status_code == 403
    owner = client_for("owner")
    assert owner.post(reverse("canvases:purge", kwargs={"pk": canvas.pk})).status_code == 302
    assert not Canvas.objects.filter(pk=canvas.pk).exists()


def test_a_live_canvas_cannot_be_deleted_for_good(client_for, canvas):
    assert client_for("owner").post(reverse("canvases:purge", kwargs={"pk": canvas.pk})).status_code == 404


def test_dashboard_searches_titles_and_statements_and_paginates(client_for, people):
    team = people["team"]
    for n in range(23):
        doc = full_document(f"Mission {n}")
        doc["statement"] = "By 2030 every home is warm" if n == 7 else f"Statement {n}"
        make_canvas(team, people["owner"], doc)
    client = client_for("viewer")
    url = reverse("canvases:dashboard", kwargs={"slug": team.slug})
    first = client.get(url)
    assert len(first.context["page"].object_list) == 20
    assert first.context["page"].paginator.num_pages == 2
    assert [c.title for c in client.get(url, {"q": "warm"}).context["page"].object_list] == ["Mission 7"]
    assert [c.title for c in client.get(url, {"q": "mission 12"}).context["page"].object_list] == ["Mission 12"]
    assert "No canvas matches" in client.get(url, {"q": "zzz"}).content.decode()


def test_normalized_document_round_trips_through_the_editor(people):
    canvas = make_canvas(people["team"], people["owner"])
    editor = CanvasEditor(canvas.document, 1, data=editor_post(canvas.document, 1))
    assert editor.is_valid(), editor.form.errors
    assert editor.build_document() == normalize(canvas.document)


def test_a_layer_without_a_level_can_be_saved(client_for, canvas):
    data = editor_post(canvas.document, 1, **{"layers-TOTAL_FORMS": 3, "layers-2-title": "School food pilot"})
    assert client_for("editor").post(reverse("canvases:edit", kwargs={"pk": canvas.pk}), data).status_code == 302
    layer = Canvas.objects.get(pk=canvas.pk).document["layers"][-1]
    assert layer["title"] == "School food pilot" and layer["level"] == ""


def test_the_merged_version_can_be_opened_in_the_editor_before_saving(people, canvas, client_for):
    opened = dict(canvas.document)
    services.save_canvas(
        canvas=canvas, user=people["owner"], document={**canvas.document, "near_term": "Owner's plan"}, base_revision=1
    )
    client = client_for("editor")
    response = client.post(
        reverse("canvases:edit", kwargs={"pk": canvas.pk}), editor_post(opened, 1, near_term="Mine", place="Camden")
    )
    form = response.context["form"]
    editor = client.post(
        reverse("canvases:merge", kwargs={"pk": canvas.pk}),
        {
            "mine": form.initial["mine"],
            "my_base": 1,
            "base_revision": 2,
            "choice-horizons/near_term": "mine",
            "then": "edit",
        },
    )
    assert editor.status_code == 200
    assert editor.context["editor"].document["near_term"] == "Mine"
    assert editor.context["editor"].document["place"] == "Camden"
    assert editor.context["editor"].form.initial["base_revision"] == 2
    assert Canvas.objects.get(pk=canvas.pk).revision_number == 2
