"""Writes of the activity feed and the notifications, for the apps of the review that record and tell."""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage
from django.utils import timezone

from workbench.canvases.models import Canvas
from workbench.mailing.services import queue_messages
from workbench.notifications.models import Activity, Notification, NotificationPreference
from workbench.site import absolute_url
from workbench.teams.models import Membership

logger = logging.getLogger(__name__)


def record_activity(canvas: Canvas, user, verb: str, *, thread=None, text: str = "") -> Activity:
    """One line of the team's feed and the canvas's timeline, at the canvas's current revision."""
    return Activity.objects.create(
        team_id=canvas.team_id,
        canvas=canvas,
        actor=user,
        verb=verb,
        revision=canvas.revision_number,
        thread=thread,
        text=text[:300],
    )


def forget_thread_text(thread) -> None:
    """A deleted comment's words leave the feed too; the lines stay, saying who did what."""
    Activity.objects.filter(thread=thread).update(text="")


def set_email_preference(*, user, email: bool) -> NotificationPreference:
    preference, _ = NotificationPreference.objects.update_or_create(user=user, defaults={"email": email})
    return preference


def mark_read(*, user, notification_ids=None) -> int:
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    return unread.update(read_at=timezone.now())


def display_name(user) -> str:
    """A person as a notification names them."""
    if user is None:
        return "Someone"
    return user.get_full_name() or user.get_username()


def members_of(canvas: Canvas, roles) -> list:
    """The people of the canvas's team who hold one of these roles."""
    return [m.user for m in Membership.objects.filter(team_id=canvas.team_id, role__in=roles).select_related("user")]


def team_member_ids(canvas: Canvas) -> set[int]:
    """Everyone still in the canvas's team: only they hear about it."""
    return set(Membership.objects.filter(team_id=canvas.team_id).values_list("user_id", flat=True))


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
        queue_messages(messages, team_id=canvas.team_id)  # sent by a task after the commit, retried
    return notifications
