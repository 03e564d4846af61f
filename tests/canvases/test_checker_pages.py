"""The checker on the canvas pages: live findings in the editor, the scorecard, waivers, the rules page."""

import re

from django.urls import reverse

from tests.canvases.test_editing import editor_post
from tests.factories import full_document, make_canvas
from workbench.canvases.models import Canvas
from workbench.checker import check, rules
from workbench.document.sources import cite


def test_the_live_check_reads_unsaved_text_and_answers_with_panels_per_section(client_for, canvas):
    client = client_for("editor")
    data = editor_post(canvas.document, 1, statement="The council will explore ways to support healthier eating.")
    response = client.post(reverse("canvases:check", kwargs={"pk": canvas.pk}), data)
    assert response.status_code == 200
    page = response.content.decode()
    identity = re.search(
        r'<div id="findings-identity"[^>]*hx-swap-oob="true">(.*?)</div>\s*<div id="findings-', page, re.S
    )
    assert identity, "the identity panel is swapped out of band"
    expected = {f.message for f in check({**canvas.document, "statement": data["statement"]}).findings_for("identity")}
    assert expected and all(message.replace("'", "&#x27;") in identity.group(1) for message in expected)
    assert 'id="scorecard"' in page
    # Nothing was saved.
    assert Canvas.objects.get(pk=canvas.pk).revision_number == 1


def test_the_live_check_keeps_quiet_on_half_typed_input(client_for, canvas):
    data = editor_post(canvas.document, 1, deadline_year="20")
    response = client_for("editor").post(reverse("canvases:check", kwargs={"pk": canvas.pk}), data)
    assert response.status_code == 204


def test_the_canvas_page_shows_the_scorecard_and_findings_with_links_to_their_rules(client_for, people):
    document = full_document()
    document["governance"]["evaluation"] = ""
    canvas = make_canvas(people["team"], people["owner"], document)
    page = client_for("viewer").get(reverse("canvases:detail", kwargs={"pk": canvas.pk})).content.decode()
    report = check(canvas.document)
    assert f"Readiness <strong>{report.readiness}</strong> of 100" in page
    assert "<svg" in page
    for criterion in report.criteria.values():
        assert criterion["label"] in page
    assert f'href="{reverse("canvases:checker_rules")}#governance-evaluation"' in page
    # Viewers cannot switch rules off.
    assert "switch off for this canvas" not in page


def test_an_editor_switches_a_rule_off_with_a_reason_and_back_on(client_for, people):
    document = full_document()
    document["budget"] = {"amount": None, "currency": "", "period": ""}
    canvas = make_canvas(people["team"], people["owner"], document)
    assert "budget-stated" in {f.rule for f in check(canvas.document).findings}
    client = client_for("editor")
    url = reverse("canvases:waiver_add", kwargs={"pk": canvas.pk})
    refused = client.post(url, {"rule": "budget-stated", "reason": "", "base_revision": 1})
    assert refused.status_code == 422
    assert "Give a reason: reviewers will read it." in refused.content.decode()
    client.post(
        url, {"rule": "budget-stated", "reason": "The budget is set each year by the cabinet.", "base_revision": 1}
    )
    canvas.refresh_from_db()
    assert canvas.document["waivers"][0]["rule"] == "budget-stated"
    assert canvas.document["waivers"][0]["reason"] == "The budget is set each year by the cabinet."
    assert canvas.document["waivers"][0]["by"] == "editor"
    assert canvas.current_revision.summary == "Switched off rule budget-stated"
    page = client_for("reviewer").get(reverse("canvases:detail", kwargs={"pk": canvas.pk})).content.decode()
    assert "Rules switched off for this canvas" in page
    assert "The budget is set each year by the cabinet." in page
    assert "budget-stated" not in {f.rule for f in check(canvas.document).findings}

    client = client_for("editor")
    client.post(
        reverse("canvases:waiver_remove", kwargs={"pk": canvas.pk, "rule": "budget-stated"}), {"base_revision": 2}
    )
    canvas.refresh_from_db()
    assert canvas.document["waivers"] == []
    assert canvas.revision_number == 3


def test_a_waiver_based_on_an_old_revision_does_not_overwrite(client_for, people, canvas):
    from workbench.canvases import services

    services.save_canvas(
        canvas=canvas, user=people["owner"], document={**canvas.document, "near_term": "New"}, base_revision=1
    )
    client_for("editor").post(
        reverse("canvases:waiver_add", kwargs={"pk": canvas.pk}),
        {"rule": "budget-stated", "reason": "Set yearly by the cabinet.", "base_revision": 1},
    )
    canvas.refresh_from_db()
    assert canvas.revision_number == 2 and canvas.document["waivers"] == []


def test_the_rules_page_explains_every_rule_with_its_source(client):
    page = client.get(reverse("canvases:checker_rules")).content.decode()
    for rule in rules():
        assert f'id="{rule["anchor"]}"' in page
        # The source as a person reads it: the workshop document's title and the moment, not the file's name.
        assert str(cite(rule["source"]["file"], rule["source"]["at"])) in page.replace("</cite>", "")
        assert rule["source"]["file"] not in page
