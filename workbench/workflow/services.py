"""The review workflow: which steps lead from one state of a canvas to another, who may take them, and taking one
(recorded, told to the people it concerns). Each public function is one transaction, and says in plain words why
it refuses."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse

from workbench.canvases.models import Canvas, Status
from workbench.notifications.models import Activity, Notification
from workbench.notifications.services import display_name, members_of, notify, record_activity, team_member_ids
from workbench.pdf.services import render_ahead_on_commit
from workbench.teams.models import Role
from workbench.workflow.models import StateChange

# The longest comment a decision carries.
COMMENT_MAX = 5000


class TransitionError(Exception):
    """A step of the workflow that cannot be taken now; the message is written for the person who asked."""


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: tuple[str, ...]
    target: str
    perm: str
    verb: str
    comment_required: bool = False


# The whole workflow in one table. Editing an approved or published canvas sends it back to draft
# (canvases.services; recorded by workflow.receivers).
TRANSITIONS = {
    t.action: t
    for t in [
        Transition(
            "submit",
            "Submit for review",
            (Status.DRAFT, Status.CHANGES_REQUESTED),
            Status.IN_REVIEW,
            "review.submit",
            Activity.Verb.SUBMITTED,
        ),
        Transition(
            "request_changes",
            "Request changes",
            (Status.IN_REVIEW,),
            Status.CHANGES_REQUESTED,
            "review.decide",
            Activity.Verb.CHANGES_REQUESTED,
            comment_required=True,
        ),
        Transition("approve", "Approve", (Status.IN_REVIEW,), Status.APPROVED, "review.decide", Activity.Verb.APPROVED),
        Transition(
            "publish", "Publish", (Status.APPROVED,), Status.PUBLISHED, "review.publish", Activity.Verb.PUBLISHED
        ),
    ]
}


def refusal(transition: Transition, status: str) -> str:
    current = Status(status).label.lower()
    allowed = " or ".join(Status(s).label.lower() for s in transition.sources)
    return f"“{transition.label}” is not possible now: the canvas is {current}, and this needs it to be {allowed}."


def allowed_transitions(canvas: Canvas, user) -> list[Transition]:
    """The steps this person may take from the canvas's current state."""
    return [t for t in TRANSITIONS.values() if canvas.status in t.sources and user.has_perm(t.perm, canvas)]


@transaction.atomic
def transition(*, canvas: Canvas, user, action: str, comment: str = "") -> StateChange:
    """Move the canvas one step along the workflow, recorded with who, when and from which revision."""
    step = TRANSITIONS.get(action)
    if step is None:
        raise TransitionError("There is no such step in the review.")
    locked = Canvas.objects.select_for_update(of=("self",)).select_related("current_revision").get(pk=canvas.pk)
    if locked.status not in step.sources:
        raise TransitionError(refusal(step, locked.status))
    comment = (comment or "").strip()
    if step.comment_required and not comment:
        raise TransitionError("Say what should change: requesting changes needs a comment.")
    if len(comment) > COMMENT_MAX:
        raise TransitionError(f"Keep the comment under {COMMENT_MAX} characters.")
    change = StateChange.objects.create(
        canvas=locked,
        from_status=locked.status,
        to_status=step.target,
        by=user,
        revision=locked.revision_number,
        comment=comment,
    )
    # Approving and publishing are about the revision in front of the reviewer or owner: recorded on the canvas.
    pointers = {
        Status.APPROVED: {"approved_revision": locked.current_revision},
        Status.PUBLISHED: {"published_revision": locked.current_revision},
    }.get(step.target, {})
    Canvas.objects.filter(pk=locked.pk).update(status=step.target, **pointers)
    canvas.status = step.target
    for name, revision in pointers.items():
        setattr(canvas, name, revision)
    record_activity(locked, user, step.verb, text=comment)
    if action == "submit":
        _notify_submission(canvas=locked, actor=user)
    elif action in ("request_changes", "approve"):
        _notify_decision(canvas=locked, change=change, actor=user)
    elif action == "publish":
        render_ahead_on_commit(locked)  # the published revision's one-pager, ready for its share links
    return change


def submit_for_review(*, canvas: Canvas, user, comment: str = "") -> StateChange:
    return transition(canvas=canvas, user=user, action="submit", comment=comment)


def request_changes(*, canvas: Canvas, user, comment: str) -> StateChange:
    return transition(canvas=canvas, user=user, action="request_changes", comment=comment)


def approve(*, canvas: Canvas, user, comment: str = "") -> StateChange:
    return transition(canvas=canvas, user=user, action="approve", comment=comment)


def publish(*, canvas: Canvas, user, comment: str = "") -> StateChange:
    return transition(canvas=canvas, user=user, action="publish", comment=comment)


def _notify_submission(*, canvas: Canvas, actor) -> None:
    reviewers = [u for u in members_of(canvas, [Role.REVIEWER]) if u.pk != actor.pk]
    text = f"{display_name(actor)} submitted “{canvas.title}” for review"
    notify(
        users=reviewers,
        kind=Notification.Kind.SUBMITTED,
        canvas=canvas,
        text=text,
        url=reverse("canvases:detail", kwargs={"pk": canvas.pk}),
        subject=text,
        body=f"{text} (revision {canvas.revision_number}).",
    )


def _notify_decision(*, canvas: Canvas, change: StateChange, actor) -> None:
    submission = (
        StateChange.objects.filter(canvas=canvas, to_status=Status.IN_REVIEW)
        .select_related("by")
        .order_by("-at", "-pk")
        .first()
    )
    submitter = submission.by if submission else None
    in_team = team_member_ids(canvas)
    people = [submitter] if submitter is not None and submitter.pk in in_team else []
    if change.to_status == Status.APPROVED:
        people += members_of(canvas, [Role.OWNER])  # the owners publish what was approved
    people = [person for person in people if person.pk != actor.pk]
    if not people:
        return
    verdict = "approved" if change.to_status == Status.APPROVED else "asked for changes to"
    text = f"{display_name(actor)} {verdict} “{canvas.title}”"
    if change.to_status == Status.APPROVED:
        text += ", ready to publish"
    notify(
        users=people,
        kind=Notification.Kind.DECISION,
        canvas=canvas,
        text=text,
        url=reverse("workflow:timeline", kwargs={"pk": canvas.pk}),
        subject=text,
        body=text + (f":\n\n{change.comment}" if change.comment else "."),
    )
