"""Writes of the comment threads: each public function is one transaction, and says in plain words why it refuses.
Each comment is recorded in the team's activity and told to the people of the thread."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from workbench.canvases.models import Canvas
from workbench.comments.models import Comment
from workbench.document import SECTION_TITLES, item_index
from workbench.document.model import SECTION_KEYS
from workbench.notifications.models import Activity, Notification
from workbench.notifications.services import (
    display_name,
    forget_thread_text,
    members_of,
    notify,
    record_activity,
    team_member_ids,
)
from workbench.teams.models import Role

BODY_MAX = 5000


class CommentError(Exception):
    """A comment that cannot be written or changed; the message is written for the person who asked."""


def _target(canvas: Canvas, *, section: str, item_id: str) -> tuple[str, str, object]:
    """Check what a new thread points at and take its snapshot: (section, item id, snapshot)."""
    if item_id:
        found = item_index(canvas.document).get(item_id)
        if found is None:
            raise CommentError("That item is no longer on the canvas; choose another one or comment on its section.")
        return found[0], item_id, found[2]
    if section:
        if section not in SECTION_TITLES:
            raise CommentError("Choose a section of the canvas.")
        return section, "", {key: canvas.document.get(key) for key in SECTION_KEYS[section]}
    return "", "", None


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise CommentError("Write something first: the comment is empty.")
    if len(body) > BODY_MAX:
        raise CommentError(f"Keep a comment under {BODY_MAX} characters.")
    return body


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
    record_activity(canvas, user, Activity.Verb.COMMENTED, thread=comment, text=body)
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
    record_activity(canvas, user, Activity.Verb.REPLIED, thread=thread, text=body)
    _notify_thread(canvas=canvas, thread=thread, comment=comment, actor=user)
    return comment


@transaction.atomic
def edit_comment(*, comment: Comment, user, body: str) -> Comment:
    """Change the text of one's own comment; it shows as edited."""
    if comment.author_id != user.pk:
        raise CommentError("Only the author can edit a comment.")
    if comment.deleted_at:
        raise CommentError("This comment was deleted.")
    comment.body = _clean_body(body)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    return comment


@transaction.atomic
def delete_comment(*, comment: Comment, user) -> None:
    """Delete one's own comment. The first comment of a thread with replies leaves a marker, so the replies
    keep their context."""
    if comment.author_id != user.pk:
        raise CommentError("Only the author can delete a comment.")
    if comment.is_thread and comment.replies.filter(deleted_at__isnull=True).exists():
        comment.body = ""
        comment.deleted_at = timezone.now()
        comment.save(update_fields=["body", "deleted_at"])
        return
    forget_thread_text(comment)
    comment.delete()


@transaction.atomic
def resolve_thread(*, thread: Comment, user) -> Comment:
    if not thread.is_thread:
        raise CommentError("Resolve the thread, not one reply.")
    if thread.is_resolved:
        raise CommentError("This thread is already resolved.")
    thread.resolved_at = timezone.now()
    thread.resolved_by = user
    thread.save(update_fields=["resolved_at", "resolved_by"])
    record_activity(thread.canvas, user, Activity.Verb.RESOLVED, thread=thread, text=thread.body)
    return thread


@transaction.atomic
def reopen_thread(*, thread: Comment, user) -> Comment:
    if not thread.is_thread:
        raise CommentError("Reopen the thread, not one reply.")
    if not thread.is_resolved:
        raise CommentError("This thread is open already.")
    thread.resolved_at = None
    thread.resolved_by = None
    thread.save(update_fields=["resolved_at", "resolved_by"])
    record_activity(thread.canvas, user, Activity.Verb.REOPENED, thread=thread, text=thread.body)
    return thread


def _notify_thread(*, canvas: Canvas, thread: Comment, comment: Comment, actor) -> None:
    participants = {c.author for c in Comment.objects.filter(pk=thread.pk).select_related("author")}
    participants |= {
        c.author for c in thread.replies.exclude(pk=comment.pk).filter(deleted_at__isnull=True).select_related("author")
    }
    editors = members_of(canvas, [Role.OWNER, Role.EDITOR])
    # Only people still in the team hear about it.
    in_team = team_member_ids(canvas)
    people = [u for u in participants | set(editors) if u is not None and u.pk in in_team and u.pk != actor.pk]
    where = thread.section_title if thread.section else "the canvas"
    is_reply = comment.pk != thread.pk
    text = f"{display_name(actor)} {'replied' if is_reply else 'commented'} on {where} of “{canvas.title}”"
    notify(
        users=people,
        kind=Notification.Kind.REPLY if is_reply else Notification.Kind.COMMENT,
        canvas=canvas,
        text=text,
        url=reverse("canvases:detail", kwargs={"pk": canvas.pk}) + f"#thread-{thread.pk}",
        subject=text,
        body=f"{text}:\n\n{comment.body}",
    )
