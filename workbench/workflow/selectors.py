"""Reads of the review workflow."""

from __future__ import annotations

from workbench.canvases.models import Canvas, Status
from workbench.workflow.models import StateChange
from workbench.workflow.services import allowed_transitions


def review_context(canvas: Canvas, user) -> dict:
    """What the canvas page shows of the review beside its threads, for this viewer: the workflow's steps, the
    latest state changes and what the viewer may do."""
    return {
        "review_transitions": allowed_transitions(canvas, user),
        "review_state_changes": list(canvas.state_changes.select_related("by")[:5]),
        "review_can_comment": user.has_perm("review.comment", canvas),
        "review_can_share": user.has_perm("review.manage_share_links", canvas),
    }


def state_changes_of(canvas: Canvas) -> list:
    return list(canvas.state_changes.select_related("by"))


def changes_request(canvas: Canvas) -> StateChange | None:
    """While changes are requested, the reviewer's request (one query); None otherwise (no query)."""
    if canvas.status != Status.CHANGES_REQUESTED:
        return None
    return (
        canvas.state_changes.filter(to_status=Status.CHANGES_REQUESTED)
        .select_related("by")
        .order_by("-at", "-pk")
        .first()
    )
