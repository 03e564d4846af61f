"""Switching checker rules off: who did it and when is the server's record; error rules stay on; every page says so."""

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests.factories import full_document, make_canvas
from workbench.canvases import services
from workbench.canvases.models import Canvas
from workbench.checker import REGISTRY, check
from workbench.document import dumps, validate
from workbench.examples.models import Example
from workbench.examples.services import load_examples

FORGED = {"by": "the-mayor", "on": "1999-01-01"}


def today() -> str:
    return timezone.localdate().isoformat()


def detail_url(canvas) -> str:
    return reverse("canvases:detail", kwargs={"pk": canvas.pk})


def waiver_url(canvas) -> str:
    return reverse("canvases:waiver_add", kwargs={"pk": canvas.pk})


def with_waivers(*waivers: dict) -> dict:
    document = full_document()
    document["waivers"] = list(waivers)
    return document


# --- Who switched a rule off, and when, is recorded by the server ------------------------------------------------------


def test_an_imported_files_waivers_are_marked_imported_by_the_person_today(client_for, people):
    document = with_waivers({"rule": "interim-milestones", "reason": "Milestones are set each year.", **FORGED})
    upload = SimpleUploadedFile("canvas.json", dumps(document).encode(), content_type="application/json")

    response = client_for("editor").post(
        reverse("canvases:import", kwargs={"slug": people["team"].slug}), {"file": upload}
    )

    assert response.status_code == 302
    canvas = Canvas.objects.get()
    assert canvas.document["waivers"] == [
        {
            "rule": "interim-milestones",
            "reason": "Milestones are set each year.",
            "by": "editor",
            "on": today(),
            "imported": True,
        }
    ]
    page = client_for("viewer").get(detail_url(canvas)).content.decode()
    assert f"imported by editor on {today()}" in page
    assert "the-mayor" not in page and "1999-01-01" not in page


def test_an_exported_canvas_with_imported_waivers_imports_again(client_for, people):
    canvas = services.import_canvas(
        team=people["team"],
        user=people["owner"],
        text=dumps(with_waivers({"rule": "budget-stated", "reason": "Set each year by the cabinet."})),
    )
    exported = client_for("editor").get(reverse("canvases:export", kwargs={"pk": canvas.pk})).content
    assert json.loads(exported)["waivers"][0]["imported"] is True

    again = services.import_canvas(team=people["team"], user=people["editor"], text=exported)

    assert again.document["waivers"][0] == {
        "rule": "budget-stated",
        "reason": "Set each year by the cabinet.",
        "by": "editor",
        "on": today(),
        "imported": True,
    }


def test_the_schema_accepts_imported_only_as_true_or_false():
    good = with_waivers({"rule": "budget-stated", "reason": "Set yearly.", "imported": True})
    bad = with_waivers({"rule": "budget-stated", "reason": "Set yearly.", "imported": "yes"})
    assert validate(good) == []
    assert [str(error) for error in validate(bad)] == ["waivers[0].imported: must be true or false"]


def test_a_canvas_started_from_an_example_marks_the_examples_waivers_as_imported(client_for, people, db):
    load_examples()
    example = Example.objects.get(slug="camden-food")
    example.document = {
        **example.document,
        "waivers": [{"rule": "budget-stated", "reason": "The budget is agreed each spring.", **FORGED}],
    }
    example.save()

    client_for("editor").post(reverse("examples:start", kwargs={"slug": example.slug}), {"team": people["team"].slug})

    canvas = Canvas.objects.get(team=people["team"])
    assert canvas.document["waivers"] == [
        {
            "rule": "budget-stated",
            "reason": "The budget is agreed each spring.",
            "by": "editor",
            "on": today(),
            "imported": True,
        }
    ]
    example.refresh_from_db()
    assert example.document["waivers"][0]["by"] == "the-mayor"  # the example itself is left alone


def test_a_save_keeps_the_stored_waivers_whatever_the_document_says(people):
    canvas = make_canvas(people["team"], people["owner"])
    services.waive_rule(
        canvas=canvas, user=people["editor"], rule="interim-milestones", reason="Set each year.", base_revision=1
    )
    canvas.refresh_from_db()
    stored = canvas.document["waivers"]
    forged = {**canvas.document, "statement": "By 2030, nobody in the borough goes hungry."}
    forged["waivers"] = [
        {"rule": "interim-milestones", "reason": "Set each year.", **FORGED},
        {"rule": "budget-stated", "reason": "Nobody asked us.", **FORGED},
    ]

    services.save_canvas(canvas=canvas, user=people["owner"], document=forged, base_revision=2)

    canvas.refresh_from_db()
    assert canvas.document["statement"] == "By 2030, nobody in the borough goes hungry."
    assert canvas.document["waivers"] == stored
    assert stored[0]["by"] == "editor" and stored[0]["on"] == today()


def test_a_save_from_the_editor_keeps_the_waivers_of_the_revision_it_saves_over(client_for, people):
    from tests.canvases.test_editing import editor_post

    canvas = make_canvas(people["team"], people["owner"])
    services.waive_rule(
        canvas=canvas, user=people["owner"], rule="budget-stated", reason="Set yearly.", base_revision=1
    )
    canvas.refresh_from_db()
    data = editor_post(canvas.document, 2, near_term="Free breakfasts in twelve schools this year.")
    data["waivers"] = json.dumps([{"rule": "interim-milestones", "reason": "We say so.", **FORGED}])

    client_for("editor").post(reverse("canvases:edit", kwargs={"pk": canvas.pk}), data)

    canvas.refresh_from_db()
    assert canvas.revision_number == 3
    assert [(w["rule"], w["by"]) for w in canvas.document["waivers"]] == [("budget-stated", "owner")]


# --- Error rules cannot be switched off ---------------------------------------------------------------------------------


ERROR_RULES = [rule.id for rule in REGISTRY if rule.severity == "error"]


def test_the_waiver_form_offers_only_warning_and_advice_rules(client_for, canvas):
    page = client_for("editor").get(waiver_url(canvas)).content.decode()
    offered = set(re.findall(r'<option value="([^"]+)"', page))
    assert "interim-milestones" in offered and "budget-stated" in offered
    assert ERROR_RULES and offered.isdisjoint(ERROR_RULES)


@pytest.mark.parametrize("rule", ERROR_RULES)
def test_switching_off_an_error_rule_is_refused_beside_the_field_and_nothing_is_saved(client_for, canvas, rule):
    response = client_for("editor").post(
        waiver_url(canvas), {"rule": rule, "reason": "We would rather not hear about it.", "base_revision": 1}
    )

    assert response.status_code == 422
    page = response.content.decode()
    assert f"The rule {rule} (“{REGISTRY.get(rule).title}”) finds a canvas that contradicts itself" in page
    assert "so it cannot be switched off" in page
    canvas.refresh_from_db()
    assert canvas.revision_number == 1 and canvas.document["waivers"] == []


def test_the_service_refuses_an_error_rule_too(people, canvas):
    with pytest.raises(services.RuleNotWaivable):
        services.waive_rule(
            canvas=canvas, user=people["owner"], rule="metric-direction", reason="Not for us.", base_revision=1
        )
    canvas.refresh_from_db()
    assert canvas.revision_number == 1


def test_error_findings_have_no_switch_off_link_and_warnings_keep_theirs(client_for, people):
    document = full_document()
    document["metrics"][0]["direction"] = "decrease"  # the target is above the baseline: the canvas contradicts itself
    canvas = make_canvas(people["team"], people["owner"], document)
    severities = {f.rule: f.severity for f in check(canvas.document).findings}
    assert severities["metric-direction"] == "error" and severities["interim-milestones"] == "warning"

    for url in (detail_url(canvas), reverse("canvases:edit", kwargs={"pk": canvas.pk})):
        page = client_for("editor").get(url).content.decode()
        assert f"{waiver_url(canvas)}?rule=interim-milestones" in page
        assert f"{waiver_url(canvas)}?rule=metric-direction" not in page


# --- Every page says which rules are switched off ---------------------------------------------------------------------


@pytest.fixture
def waived_canvas(people):
    """A canvas with two rules switched off: one that finds something today, one that finds nothing."""
    canvas = make_canvas(people["team"], people["owner"])
    findings = {f.rule for f in check(canvas.document).findings}
    assert "interim-milestones" in findings and "budget-stated" not in findings
    services.waive_rule(
        canvas=canvas,
        user=people["editor"],
        rule="interim-milestones",
        reason="Milestones are agreed each year.",
        base_revision=1,
    )
    services.waive_rule(
        canvas=canvas, user=people["owner"], rule="budget-stated", reason="The cabinet sets it.", base_revision=2
    )
    canvas.refresh_from_db()
    return canvas


def test_the_canvas_page_lists_every_rule_switched_off_even_one_that_finds_nothing(client_for, waived_canvas):
    page = client_for("editor").get(detail_url(waived_canvas)).content.decode()

    listing = page[page.index('id="rules-switched-off"') :]
    assert "Rules switched off for this canvas" in listing
    for rule, who, reason in [
        ("interim-milestones", "editor", "Milestones are agreed each year."),
        ("budget-stated", "owner", "The cabinet sets it."),
    ]:
        assert f"<code>{rule}</code>" in listing
        assert f"Reason given by {who} on {today()}: <q>{reason}</q>" in listing
        assert reverse("canvases:waiver_remove", kwargs={"pk": waived_canvas.pk, "rule": rule}) in listing
    assert "Finds nothing on this canvas at the moment." in listing  # budget-stated
    assert "Would find: Nothing marks progress before 2030" in listing  # interim-milestones
    assert listing.count("Switch back on") == 2


def test_viewers_see_the_list_but_no_switch_back_on(client_for, waived_canvas):
    page = client_for("viewer").get(detail_url(waived_canvas)).content.decode()
    assert "<code>budget-stated</code>" in page
    assert "Switch back on" not in page


def test_the_scorecard_counts_the_rules_switched_off_and_links_to_the_list(client_for, waived_canvas):
    link = f'<a class="scorecard-switched-off" href="{detail_url(waived_canvas)}#rules-switched-off">2 rules switched off</a>'
    for url in (detail_url(waived_canvas), reverse("canvases:edit", kwargs={"pk": waived_canvas.pk})):
        assert link in client_for("editor").get(url).content.decode()


def test_a_cached_canvas_page_shows_a_new_waiver_at_once(client_for, people):
    canvas = make_canvas(people["team"], people["owner"])
    client = client_for("editor")
    assert "switched off" not in client.get(detail_url(canvas)).content.decode()  # fills the page caches

    client.post(waiver_url(canvas), {"rule": "budget-stated", "reason": "The cabinet sets it.", "base_revision": 1})

    page = client.get(detail_url(canvas)).content.decode()
    assert "1 rule switched off</a>" in page
    assert "<code>budget-stated</code>" in page

    client.post(
        reverse("canvases:waiver_remove", kwargs={"pk": canvas.pk, "rule": "budget-stated"}), {"base_revision": 2}
    )
    assert "switched off</a>" not in client.get(detail_url(canvas)).content.decode()


def test_the_example_gallery_counts_an_examples_rules_switched_off(client, db):
    load_examples()
    example = Example.objects.get(slug="camden-food")
    example.document = {**example.document, "waivers": [{"rule": "budget-stated", "reason": "Agreed each spring."}]}
    example.save()
    for url in (reverse("examples:list"), example.get_absolute_url()):
        assert "1 rule switched off" in client.get(url).content.decode()
