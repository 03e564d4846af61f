"""The workflow listens to the canvases (workbench/canvases/signals.py) rather than being called by them."""

from django.dispatch import receiver

from workbench.canvases.models import Status
from workbench.canvases.signals import canvas_page_shown, editor_shown, revision_recorded
from workbench.workflow.models import StateChange
from workbench.workflow.selectors import changes_request, review_context

# Every state an edit reopens (canvases.models.REOPENED_BY_EDIT), in words.
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
def workflow_beside_the_canvas(sender, request, canvas, **kwargs):
    """The workflow's steps this viewer may take, the latest state changes and what the viewer may do."""
    return review_context(canvas, request.user)


@receiver(editor_shown)
def request_above_the_editor(sender, request, canvas, **kwargs):
    """While changes are requested, the reviewers' request sits above the editor's forms."""
    return {"review_changes_request": changes_request(canvas)}
