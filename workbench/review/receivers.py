"""The review listens to the canvases (workbench/canvases/signals.py) rather than being called by them."""

from django.dispatch import receiver

from workbench import caching
from workbench.canvases.models import Status
from workbench.canvases.signals import canvas_page_shown, editor_shown, revision_recorded
from workbench.review.models import StateChange
from workbench.review.selectors import comment_panel, editor_review, review_context, review_stamp

EDITED_AFTER = {Status.APPROVED: "Edited after approval", Status.PUBLISHED: "Edited after publication"}


@receiver(revision_recorded)
def record_edit_after_decision(sender, canvas, revision, user, previous_status, **kwargs):
    """An approved or published canvas that is edited goes back to draft: a step of the workflow, recorded like
    the others."""
    if previous_status in EDITED_AFTER and canvas.status == Status.DRAFT:
        StateChange.objects.create(
            canvas=canvas,
            from_status=previous_status,
            to_status=Status.DRAFT,
            by=user,
            revision=revision.number,
            comment=EDITED_AFTER[previous_status],
        )


@receiver(canvas_page_shown)
def review_panel(sender, request, canvas, **kwargs):
    """The review beside the canvas: the workflow's steps, the threads and the toolbar's count of open threads."""
    review = review_context(canvas, request.user)
    stamp = review_stamp(canvas)
    # The threads render once per change of the canvas's comments and revision, for each viewer.
    comments = caching.kept_fragment(
        request,
        caching.comment_panel_key(canvas, stamp, request.user, can_comment=review["review_can_comment"]),
        "review/partials/comments_panel.html",
        lambda: {"canvas": canvas, "review_can_comment": review["review_can_comment"], **comment_panel(canvas)},
        caching.REVIEW_SECONDS,
    )
    return {**review, "review_comments": comments, "review_open_count": stamp.open_threads}


@receiver(editor_shown)
def review_above_the_editor(sender, request, canvas, **kwargs):
    """What the person editing needs of the review without leaving the editor: the reviewers' request for changes
    and the open threads, each with the section it is about."""
    return editor_review(canvas)
