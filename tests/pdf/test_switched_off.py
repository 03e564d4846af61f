"""The one-pager says which checker rules the team switched off, with their reasons, and never cuts the list off."""

import pytest
from django.urls import reverse

from tests.pdf.conftest import page_texts, pdf_text
from tests.pdf.documents import typical_document
from workbench.canvases import services as canvas_services
from workbench.checker import REGISTRY, check
from workbench.pdf.render import render_one_pager_output
from workbench.pdf.services import checker_verdict


@pytest.mark.urls("tests.pdf.urls")
def test_the_canvas_pdf_counts_the_rules_switched_off_and_lists_them_with_their_reasons(client_for, people):
    canvas = canvas_services.create_canvas(team=people["team"], user=people["owner"], document=typical_document())
    found = {f.rule for f in check(canvas.document).findings}
    assert "budget-stated" not in found  # switched off while it finds nothing: it still counts, and is still listed
    canvas_services.waive_rule(
        canvas=canvas, user=people["editor"], rule="story-told", reason="Told at the launch event.", base_revision=1
    )
    canvas_services.waive_rule(
        canvas=canvas, user=people["editor"], rule="budget-stated", reason="The cabinet sets it.", base_revision=2
    )
    canvas.refresh_from_db()
    report = check(canvas.document)

    text = pdf_text(client_for("viewer").get(reverse("pdf:canvas", kwargs={"pk": canvas.pk})).content)

    assert f"readiness {report.readiness}/100, 2 rules switched off" in text  # the running footer
    assert (
        "2 rules switched off: story-told (Told at the launch event.), budget-stated (The cabinet sets it.) · "
        "Each counts as half met towards readiness." in text
    )


def test_a_pdf_without_waivers_says_nothing_about_them(meta):
    text = pdf_text(render_one_pager_output(typical_document(), meta=meta, layout="a4").pdf)
    assert "switched off" not in text


def test_a_long_list_of_rules_switched_off_is_never_cut_off():
    document = typical_document()
    rules = [rule.id for rule in REGISTRY if rule.severity != "error" and rule.id != "waiver-valid"][:30]
    reason = " ".join(["the board agreed this exception at its meeting"] * 18) + "."
    document["waivers"] = [
        {"rule": rule, "reason": f"Reason {n} for {rule}: {reason}"} for n, rule in enumerate(rules, start=1)
    ]
    meta = {"team": "Northfield housing team", "revision": 3, "revision_date": None, **checker_verdict(document)}

    result = render_one_pager_output(document, meta=meta, layout="a4")

    # Too long for one page: it goes on to the next one, and the first page says so.
    assert result.pages >= 2
    assert "Continues on page 2" in page_texts(result.pdf)[0]
    text = pdf_text(result.pdf)
    assert f"{len(rules)} rules switched off:" in text
    for n, rule in enumerate(rules, start=1):
        assert f"{rule} (Reason {n} for " in text
    # Every reason to its last word (a page break may fall inside one, with the page footer in between).
    assert text.split().count("exception") == 18 * len(rules)
    assert text.count("at its meeting.)") == len(rules)
    assert "Each counts as half met towards readiness." in text
