"""The review workflow: one table of transitions, each step recorded; illegal steps refused in plain words."""

import pytest
from django.urls import reverse

from workbench.canvases import services as canvases
from workbench.canvases.models import Status
from workbench.comments import services as comments
from workbench.workflow import services as workflow
from workbench.workflow.models import StateChange


def test_the_whole_way_from_draft_to_published_is_recorded(canvas, people):
    workflow.submit_for_review(canvas=canvas, user=people["editor"])
    workflow.request_changes(canvas=canvas, user=people["reviewer"], comment="Add a baseline source.")
    workflow.submit_for_review(canvas=canvas, user=people["editor"], comment="Source added.")
    workflow.approve(canvas=canvas, user=people["reviewer"])
    workflow.publish(canvas=canvas, user=people["owner"])
    canvas.refresh_from_db()
    assert canvas.status == Status.PUBLISHED
    steps = [
        (s.from_status, s.to_status, s.by.username, s.revision, s.comment)
        for s in StateChange.objects.order_by("at", "pk")
    ]
    assert steps == [
        ("draft", "in_review", "editor", 1, ""),
        ("in_review", "changes_requested", "reviewer", 1, "Add a baseline source."),
        ("changes_requested", "in_review", "editor", 1, "Source added."),
        ("in_review", "approved", "reviewer", 1, ""),
        ("approved", "published", "owner", 1, ""),
    ]


def test_an_edit_after_approval_sends_the_canvas_back_to_draft(canvas, people):
    workflow.submit_for_review(canvas=canvas, user=people["editor"])
    workflow.approve(canvas=canvas, user=people["reviewer"])
    canvases.save_canvas(
        canvas=canvas, user=people["editor"], document={**canvas.document, "near_term": "More"}, base_revision=1
    )
    canvas.refresh_from_db()
    assert canvas.status == Status.DRAFT
    with pytest.raises(workflow.TransitionError, match="the canvas is draft, and this needs it to be approved"):
        workflow.publish(canvas=canvas, user=people["owner"])


@pytest.mark.parametrize(
    ("status", "action", "message"),
    [
        ("draft", "approve", "“Approve” is not possible now: the canvas is draft, and this needs it to be in review."),
        ("draft", "publish", "“Publish” is not possible now: the canvas is draft, and this needs it to be approved."),
        (
            "in_review",
            "submit",
            "“Submit for review” is not possible now: the canvas is in review, and this needs it to be draft or "
            "changes requested.",
        ),
        ("approved", "request_changes", "the canvas is approved, and this needs it to be in review."),
        ("published", "approve", "the canvas is published, and this needs it to be in review."),
    ],
)
def test_illegal_transitions_are_refused_with_a_clear_message(canvas, people, status, action, message):
    type(canvas).objects.filter(pk=canvas.pk).update(status=status)
    canvas.refresh_from_db()
    with pytest.raises(workflow.TransitionError) as refused:
        workflow.transition(canvas=canvas, user=people["owner"], action=action, comment="x")
    assert message in str(refused.value)
    canvas.refresh_from_db()
    assert canvas.status == status
    assert not StateChange.objects.exists()


def test_the_page_refuses_an_illegal_step_and_says_why(canvas, client_for):
    client = client_for("owner")
    url = reverse("workflow:transition", kwargs={"pk": canvas.pk, "action": "publish"})
    response = client.post(url, {"comment": ""})
    assert response.status_code == 409
    assert "“Publish” is not possible now: the canvas is draft" in response.content.decode()
    assert "is not possible now" in client.get(url).content.decode()


def test_requesting_changes_needs_a_comment_kept_beside_the_field(canvas, people, client_for):
    workflow.submit_for_review(canvas=canvas, user=people["editor"])
    url = reverse("workflow:transition", kwargs={"pk": canvas.pk, "action": "request_changes"})
    response = client_for("reviewer").post(url, {"comment": "  "})
    assert response.status_code == 422
    assert "requesting changes needs a comment" in response.content.decode()
    canvas.refresh_from_db()
    assert canvas.status == Status.IN_REVIEW


def test_reviewers_decide_but_do_not_edit_and_editors_do_not_decide(canvas, people):
    assert people["reviewer"].has_perm("review.decide", canvas)
    assert not people["reviewer"].has_perm("canvases.change_canvas", canvas)
    assert not people["editor"].has_perm("review.decide", canvas)
    assert not people["editor"].has_perm("review.publish", canvas)
    assert people["owner"].has_perm("review.publish", canvas)


def test_the_canvas_page_offers_only_the_steps_one_may_take(canvas, people, client_for):
    url = reverse("canvases:detail", kwargs={"pk": canvas.pk})
    assert "Submit for review" in client_for("editor").get(url).content.decode()
    assert "Submit for review" not in client_for("reviewer").get(url).content.decode()
    workflow.submit_for_review(canvas=canvas, user=people["editor"])
    page = client_for("reviewer").get(url).content.decode()
    assert "Approve" in page and "Request changes" in page
    assert "Approve" not in client_for("editor").get(url).content.decode()


def test_the_timeline_shows_edits_and_decisions_side_by_side(canvas, people, client_for):
    workflow.submit_for_review(canvas=canvas, user=people["editor"])
    workflow.request_changes(canvas=canvas, user=people["reviewer"], comment="Name a data source.")
    canvases.save_canvas(
        canvas=canvas, user=people["editor"], document={**canvas.document, "near_term": "Now"}, base_revision=1
    )
    page = client_for("viewer").get(reverse("workflow:timeline", kwargs={"pk": canvas.pk})).content.decode()
    assert page.index("edited") < page.index("requested changes") < page.index("submitted for review")
    assert "Name a data source." in page
    assert "from revision 1" in page


def test_the_timeline_shows_the_return_to_draft_after_an_edit_of_an_approved_canvas(canvas, people, client_for):
    workflow.submit_for_review(canvas=canvas, user=people["editor"])
    workflow.approve(canvas=canvas, user=people["reviewer"])
    canvases.save_canvas(
        canvas=canvas, user=people["editor"], document={**canvas.document, "near_term": "More"}, base_revision=1
    )
    client = client_for("viewer")
    page = client.get(reverse("workflow:timeline", kwargs={"pk": canvas.pk})).content.decode()
    assert "by the edit that made revision 2" in page
    workflow.submit_for_review(canvas=canvas, user=people["editor"])
    page = client.get(reverse("workflow:timeline", kwargs={"pk": canvas.pk})).content.decode()
    assert page.count("by the edit that made revision 2") == 1
    assert "again after the edit that made revision 2" in client.get(canvas.get_absolute_url()).content.decode()


def test_an_edit_of_an_approved_canvas_records_the_return_to_draft(canvas, people):
    workflow.submit_for_review(canvas=canvas, user=people["editor"])
    workflow.approve(canvas=canvas, user=people["reviewer"])
    canvases.save_canvas(
        canvas=canvas, user=people["editor"], document={**canvas.document, "near_term": "More"}, base_revision=1
    )
    step = canvas.state_changes.order_by("-pk").first()
    assert (step.from_status, step.to_status, step.by, step.revision) == ("approved", "draft", people["editor"], 2)
    canvas.refresh_from_db()
    assert canvas.status == "draft"


# ------------------------------------------------------------------ the review, seen from the editor


def test_the_editor_shows_the_request_for_changes_and_the_open_threads(client_for, canvas, people):
    thread = comments.add_comment(
        canvas=canvas, user=people["reviewer"], body="Whose baseline is this?", section="metrics", item_id="metric-1"
    )
    resolved = comments.add_comment(canvas=canvas, user=people["reviewer"], body="Typo in the story, fixed.")
    comments.resolve_thread(thread=resolved, user=people["editor"])
    workflow.submit_for_review(canvas=canvas, user=people["editor"])
    workflow.request_changes(canvas=canvas, user=people["reviewer"], comment="Name a baseline year for each metric.")

    page = client_for("editor").get(reverse("canvases:edit", kwargs={"pk": canvas.pk})).content.decode()
    assert "Changes requested" in page and "Name a baseline year for each metric." in page
    assert "Whose baseline is this?" in page and f"#thread-{thread.pk}" in page and 'href="#edit-metrics"' in page
    assert "· Metric 1" in page and "· metric-1" not in page  # the item by its name
    assert "Typo in the story" not in page  # resolved threads are not in the way


def test_the_threads_above_the_editor_follow_every_change_of_the_comments(client_for, canvas, people):
    """The threads above the editor are kept between visits: a new, resolved or reopened thread shows at once."""
    url = reverse("canvases:edit", kwargs={"pk": canvas.pk})
    first = comments.add_comment(canvas=canvas, user=people["reviewer"], body="Whose baseline is this?")
    assert "1 open thread<" in client_for("editor").get(url).content.decode()
    second = comments.add_comment(canvas=canvas, user=people["reviewer"], body="Which wards first?")
    page = client_for("editor").get(url).content.decode()
    assert "2 open threads" in page and "Which wards first?" in page
    comments.resolve_thread(thread=first, user=people["editor"])
    page = client_for("editor").get(url).content.decode()
    assert "1 open thread<" in page and "Whose baseline is this?" not in page
    comments.resolve_thread(thread=second, user=people["editor"])
    assert 'id="editor-review"' not in client_for("editor").get(url).content.decode()
    comments.reopen_thread(thread=second, user=people["reviewer"])
    assert "Which wards first?" in client_for("editor").get(url).content.decode()


def test_the_editor_has_no_review_panel_when_nothing_is_open(client_for, canvas):
    page = client_for("editor").get(reverse("canvases:edit", kwargs={"pk": canvas.pk})).content.decode()
    assert 'id="editor-review"' not in page
