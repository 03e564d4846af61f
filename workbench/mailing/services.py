"""E-mail sent by the task worker once the transaction that caused it has committed.

A message is a row first (`OutgoingMail`), written in the caller's transaction: if the action is undone, so
is the e-mail. After the commit a task delivers it; a failed delivery is retried with growing waits and,
past the last try, stays visible to the team's owners (Team → E-mail) with the mail server's answer. The
action that caused the e-mail never sees a mail server's failure.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from workbench.mailing.models import OutgoingMail

logger = logging.getLogger(__name__)
Status = OutgoingMail.Status
# Waits before the second, third and fourth try; after the fourth failure the message is marked failed.
RETRY_WAITS = (dt.timedelta(minutes=1), dt.timedelta(minutes=10), dt.timedelta(hours=1))
ATTEMPTS = len(RETRY_WAITS) + 1


def send_mail_after_commit(subject: str, message: str, from_email, recipient_list, *, team=None) -> list[OutgoingMail]:
    """Like django.core.mail.send_mail, but sent by the worker after the transaction commits, one row per address."""
    return queue_messages(
        [EmailMessage(subject=subject, body=message, from_email=from_email, to=[to]) for to in recipient_list],
        team_id=team.pk if team is not None else None,
    )


def queue_messages(messages: list[EmailMessage], *, team_id: int | None = None) -> list[OutgoingMail]:
    """Keep each message (one address each) and deliver it by a task once the transaction commits."""
    mails = OutgoingMail.objects.bulk_create(
        [
            OutgoingMail(team_id=team_id, to=address, subject=message.subject[:200], body=message.body)
            for message in messages
            for address in message.to
        ]
    )
    ids = [mail.pk for mail in mails]
    transaction.on_commit(lambda: _enqueue_all(ids))
    return mails


def _enqueue_all(ids: list[int]) -> None:
    for mail_id in ids:
        _enqueue(mail_id)


def _enqueue(mail_id: int, *, after: dt.timedelta | None = None) -> None:
    from django_tasks import default_task_backend

    from workbench.mailing.tasks import deliver

    task = deliver
    if after is not None and default_task_backend.supports_defer:
        task = deliver.using(run_after=timezone.now() + after)
    try:
        task.enqueue(mail_id)
    except Exception as error:  # the queue is down: the row stays waiting and the owner's page says why
        logger.exception("Could not queue e-mail %s", mail_id)
        OutgoingMail.objects.filter(pk=mail_id).update(last_error=f"could not be queued: {error}")


def deliver(mail_id: int) -> str:
    """Send one kept message (the delivery task). A failure is recorded and retried, never raised."""
    mail = OutgoingMail.objects.filter(pk=mail_id, status__in=(Status.QUEUED, Status.RETRYING)).first()
    if mail is None:
        return "nothing to do: sent already or gone"
    OutgoingMail.objects.filter(pk=mail.pk).update(attempts=F("attempts") + 1)
    mail.attempts += 1
    try:
        get_connection().send_messages(
            [EmailMessage(subject=mail.subject, body=mail.body, from_email=settings.DEFAULT_FROM_EMAIL, to=[mail.to])]
        )
    except Exception as error:
        reason = f"{type(error).__name__}: {error}"[:1000]
        logger.warning("E-mail %s to %s failed (try %d): %s", mail.pk, mail.to, mail.attempts, reason)
        if mail.attempts >= ATTEMPTS:
            OutgoingMail.objects.filter(pk=mail.pk).update(
                status=Status.FAILED, last_error=reason, next_attempt_at=None
            )
            return f"failed after {mail.attempts} tries: {reason}"
        wait = RETRY_WAITS[mail.attempts - 1]
        OutgoingMail.objects.filter(pk=mail.pk).update(
            status=Status.RETRYING, last_error=reason, next_attempt_at=timezone.now() + wait
        )
        _enqueue(mail.pk, after=wait)
        return f"try {mail.attempts} failed, trying again in {wait}"
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=Status.SENT, sent_at=timezone.now(), last_error="", next_attempt_at=None
    )
    return "sent"


def send_again(mail: OutgoingMail) -> bool:
    """An owner asks for a failed message to be sent once more."""
    if OutgoingMail.objects.filter(pk=mail.pk, status=Status.FAILED).update(status=Status.RETRYING, attempts=0):
        _enqueue(mail.pk)
        return True
    return False
