"""Writes of the review: each public function is one transaction, and says in plain words why it refuses."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from workbench.canvases.models import Canvas, Status
from workbench.document import SECTION_TITLES, item_index
from workbench.document.model import SECTION_KEYS
from workbench.mailing.services import queue_messages
from workbench.pdf.services import render_ahead_on_commit
from workbench.review.models import Activity, Comment, Notification, NotificationPreference, ShareLink, StateChange
from workbench.site import absolute_url
from workbench.teams.models import Membership, Role

logger = logging.getLogger(__name__)

BODY_MAX = 5000


class ReviewError(Exception):
    """A request the review cannot carry out; the message is written for the person who asked."""


# ---------------------------------------------------------------------------------------------- comments


def _target(canvas: Canvas, *, section: str, item_id: str) -> tuple[str, str, object]:
    """Check what a new thread points at and take its snapshot: (section, item id, snapshot)."""
    if item_id:
        found = item_index(canvas.document).get(item_id)
        if found is None:
            raise ReviewError("That item is no longer on the canvas; choose another one or comment on its section.")
        return found[0], item_id, found[2]
    if section:
        if section not in SECTION_TITLES:
            raise ReviewError("Choose a section of the canvas.")
        return section, "", {key: canvas.document.get(key) for key in SECTION_KEYS[section]}
    return "", "", None


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ReviewError("Write something first: the comment is empty.")
    if len(body) > BODY_MAX:
        raise ReviewError(f"Keep a comment under {BODY_MAX} characters.")
    return body


def _record(canvas: Canvas, user, verb: str, *, thread: Comment | None = None, text: str = "") -> Activity:
    return Activity.objects.create(
        team_id=canvas.team_id,
        canvas=canvas,
        actor=user,
        verb=verb,
        revision=canvas.revision_number,
        thread=thread,
        text=text[:300],
    )


@transaction.atomic
def add_comment(*, canvas: Canvas, user, body: str, section: str = "", item_id: str = "") -> Comment:
    """Start a thread on the canvas, one of its sections or one item, at the canvas's current revision."""
    body = _clean_body(body)
    section, item_id, snapshot = _target(canvas, section=section, item_id=item_id)
    comment = Comment.objects.create(
        canvas=canvas,
        section=section,
        item_id=item_id,
        revision=canvas.revision_number,
        snapshot=snapshot,
        author=user,
        body=body,
    )
    _record(canvas, user, Activity.Verb.COMMENTED, thread=comment, text=body)
    _notify_thread(canvas=canvas, thread=comment, comment=comment, actor=user)
    return comment


@transaction.atomic
def reply(*, thread: Comment, user, body: str) -> Comment:
    """Answer a thread; a reply to a resolved thread reopens it."""
    body = _clean_body(body)
    if not thread.is_thread:
        thread = thread.parent
    canvas = thread.canvas
    comment = Comment.objects.create(
        canvas=canvas,
        parent=thread,
        section=thread.section,
        item_id=thread.item_id,
        revision=canvas.revision_number,
        author=user,
        body=body,
    )
    if thread.is_resolved:
        Comment.objects.filter(pk=thread.pk).update(resolved_at=None, resolved_by=None)
    _record(canvas, user, Activity.Verb.REPLIED, thread=thread, text=body)
    _notify_thread(canvas=canvas, thread=thread, comment=comment, actor=user)
    return comment


@transaction.atomic
def edit_comment(*, comment: Comment, user, body: str) -> Comment:
    """Change the text of one's own comment; it shows as edited."""
    if comment.author_id != user.pk:
        raise ReviewError("Only the author can edit a comment.")
    if comment.deleted_at:
        raise ReviewError("This comment was deleted.")
    comment.body = _clean_body(body)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    return comment


@transaction.atomic
def delete_comment(*, comment: Comment, user) -> None:
    """Delete one's own comment. The first comment of a thread with replies leaves a marker, so the replies
    keep their context."""
    if comment.author_id != user.pk:
        raise ReviewError("Only the author can delete a comment.")
    if comment.is_thread and comment.replies.filter(deleted_at__isnull=True).exists():
        comment.body = ""
        comment.deleted_at = timezone.now()
        comment.save(update_fields=["body", "deleted_at"])
        return
    Activity.objects.filter(thread=comment).update(text="")
    comment.delete()


@transaction.atomic
def resolve_thread(*, thread: Comment, user) -> Comment:
    if not thread.is_thread:
        raise ReviewError("Resolve the thread, not one reply.")
    if thread.is_resolved:
        raise ReviewError("This thread is already resolved.")
    thread.resolved_at = timezone.now()
    thread.resolved_by = user
    thread.save(update_fields=["resolved_at", "resolved_by"])
    _record(thread.canvas, user, Activity.Verb.RESOLVED, thread=thread, text=thread.body)
    return thread


@transaction.atomic
def reopen_thread(*, thread: Comment, user) -> Comment:
    if not thread.is_thread:
        raise ReviewError("Reopen the thread, not one reply.")
    if not thread.is_resolved:
        raise ReviewError("This thread is open already.")
    thread.resolved_at = None
    thread.resolved_by = None
    thread.save(update_fields=["resolved_at", "resolved_by"])
    _record(thread.canvas, user, Activity.Verb.REOPENED, thread=thread, text=thread.body)
    return thread


# ---------------------------------------------------------------------------------------------- workflow


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: tuple[str, ...]
    target: str
    perm: str
    verb: str
    comment_required: bool = False


# The whole workflow in one table. Editing an approved canvas sends it back to draft (canvases.services).
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


def _refusal(transition: Transition, status: str) -> str:
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
        raise ReviewError("There is no such step in the review.")
    locked = Canvas.objects.select_for_update(of=("self",)).select_related("current_revision").get(pk=canvas.pk)
    if locked.status not in step.sources:
        raise ReviewError(_refusal(step, locked.status))
    comment = (comment or "").strip()
    if step.comment_required and not comment:
        raise ReviewError("Say what should change: requesting changes needs a comment.")
    if len(comment) > BODY_MAX:
        raise ReviewError(f"Keep the comment under {BODY_MAX} characters.")
    change = StateChange.objects.create(
        canvas=locked,
        from_status=locked.status,
        to_status=step.target,
        by=user,
        revision=locked.revision_number,
        comment=comment,
    )
    Canvas.objects.filter(pk=locked.pk).update(status=step.target)
    canvas.status = step.target
    _record(locked, user, step.verb, text=comment)
    if action == "submit":
        _notify_submission(canvas=locked, actor=user)
    elif action in ("request_changes", "approve"):
        _notify_decision(canvas=locked, change=change, actor=user)
    elif action == "publish":
        render_ahead_on_commit(locked)
    return change


def submit_for_review(*, canvas: Canvas, user, comment: str = "") -> StateChange:
    return transition(canvas=canvas, user=user, action="submit", comment=comment)


def request_changes(*, canvas: Canvas, user, comment: str) -> StateChange:
    return transition(canvas=canvas, user=user, action="request_changes", comment=comment)


def approve(*, canvas: Canvas, user, comment: str = "") -> StateChange:
    return transition(canvas=canvas, user=user, action="approve", comment=comment)


def publish(*, canvas: Canvas, user, comment: str = "") -> StateChange:
    return transition(canvas=canvas, user=user, action="publish", comment=comment)


# ---------------------------------------------------------------------------------------------- share links


@transaction.atomic
def create_share_link(*, canvas: Canvas, user, label: str = "") -> ShareLink:
    link = ShareLink.objects.create(canvas=canvas, created_by=user, label=(label or "").strip()[:120])
    _record(canvas, user, Activity.Verb.SHARED, text=link.label)
    return link


@transaction.atomic
def revoke_share_link(*, link: ShareLink, user) -> ShareLink:
    if link.revoked_at:
        raise ReviewError("This link was revoked already.")
    link.revoked_at = timezone.now()
    link.revoked_by = user
    link.save(update_fields=["revoked_at", "revoked_by"])
    _record(link.canvas, user, Activity.Verb.UNSHARED, text=link.label)
    return link


# ---------------------------------------------------------------------------------------------- notifications


def set_email_preference(*, user, email: bool) -> NotificationPreference:
    preference, _ = NotificationPreference.objects.update_or_create(user=user, defaults={"email": email})
    return preference


def mark_read(*, user, notification_ids=None) -> int:
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    return unread.update(read_at=timezone.now())


def _name(user) -> str:
    if user is None:
        return "Someone"
    return user.get_full_name() or user.get_username()


def notify(*, users, kind: str, canvas: Canvas, text: str, url: str, subject: str, body: str) -> list[Notification]:
    """One in-app notification per person, and an e-mail to each who has e-mails on, once the transaction commits."""
    users = {u.pk: u for u in users if u is not None}
    if not users:
        return []
    notifications = Notification.objects.bulk_create(
        [Notification(user=u, kind=kind, canvas=canvas, text=text[:300], url=url[:300]) for u in users.values()]
    )
    muted = set(NotificationPreference.objects.filter(user_id__in=users, email=False).values_list("user_id", flat=True))
    addresses = sorted(u.email for pk, u in users.items() if pk not in muted and u.email)
    if addresses:
        link = absolute_url(url)
        full_body = f"{body}\n\nOpen it: {link}\n\nYou can turn these e-mails off under Notifications → Settings.\n"
        messages = [
            EmailMessage(subject=" ".join(f"[Mission Workbench] {subject}".split())[:200], body=full_body, to=[address])
            for address in addresses
        ]
        queue_messages(messages, team_id=canvas.team_id)
    return notifications


def _send(messages) -> None:
    try:
        get_connection().send_messages(messages)
    except Exception:  # a mail server's hiccup must not undo the comment already saved
        logger.exception("Could not send %d review notification(s)", len(messages))


def _members(canvas: Canvas, roles) -> list:
    return [m.user for m in Membership.objects.filter(team_id=canvas.team_id, role__in=roles).select_related("user")]


def _notify_thread(*, canvas: Canvas, thread: Comment, comment: Comment, actor) -> None:
    participants = {c.author for c in Comment.objects.filter(pk=thread.pk).select_related("author")}
    participants |= {
        c.author for c in thread.replies.exclude(pk=comment.pk).filter(deleted_at__isnull=True).select_related("author")
    }
    editors = _members(canvas, [Role.OWNER, Role.EDITOR])
    # Only people still in the team hear about it.
    in_team = set(Membership.objects.filter(team_id=canvas.team_id).values_list("user_id", flat=True))
    people = [u for u in participants | set(editors) if u is not None and u.pk in in_team and u.pk != actor.pk]
    where = thread.section_title if thread.section else "the canvas"
    is_reply = comment.pk != thread.pk
    text = f"{_name(actor)} {'replied' if is_reply else 'commented'} on {where} of “{canvas.title}”"
    notify(
        users=people,
        kind=Notification.Kind.REPLY if is_reply else Notification.Kind.COMMENT,
        canvas=canvas,
        text=text,
        url=reverse("canvases:detail", kwargs={"pk": canvas.pk}) + f"#thread-{thread.pk}",
        subject=text,
        body=f"{text}:\n\n{comment.body}",
    )


def _notify_submission(*, canvas: Canvas, actor) -> None:
    reviewers = [u for u in _members(canvas, [Role.REVIEWER]) if u.pk != actor.pk]
    text = f"{_name(actor)} submitted “{canvas.title}” for review"
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
    in_team = set(Membership.objects.filter(team_id=canvas.team_id).values_list("user_id", flat=True))
    people = [submitter] if submitter is not None and submitter.pk in in_team else []
    if change.to_status == Status.APPROVED:
        people += _members(canvas, [Role.OWNER])  # the owners publish what was approved
    people = [person for person in people if person.pk != actor.pk]
    if not people:
        return
    verdict = "approved" if change.to_status == Status.APPROVED else "asked for changes to"
    text = f"{_name(actor)} {verdict} “{canvas.title}”"
    if change.to_status == Status.APPROVED:
        text += ", ready to publish"
    notify(
        users=people,
        kind=Notification.Kind.DECISION,
        canvas=canvas,
        text=text,
        url=reverse("review:timeline", kwargs={"pk": canvas.pk}),
        subject=text,
        body=text + (f":\n\n{change.comment}" if change.comment else "."),
    )
