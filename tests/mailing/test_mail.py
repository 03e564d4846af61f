"""E-mail leaves after the commit, by a task; a failing mail server is retried, shown to owners, never undoes the
action that caused it."""

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.urls import reverse

from workbench.mailing.models import OutgoingMail
from workbench.teams import services as team_services
from workbench.teams.models import Invitation


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused by mail.example.gov.uk:587")


def _invite(people, email="amira@example.org"):
    return team_services.invite_member(
        team=people["team"],
        email=email,
        role="viewer",
        invited_by=people["owner"],
        accept_url_for=lambda invitation: f"https://missions.example.gov.uk{invitation.get_absolute_url()}",
    )


def test_an_invitation_is_e_mailed_only_after_its_transaction_commits(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with transaction.atomic():
            _invite(people)
        assert mail.outbox == [] and OutgoingMail.objects.get().status == "queued"
    for callback in callbacks:
        callback()

    assert [m.to for m in mail.outbox] == [["amira@example.org"]]
    sent = OutgoingMail.objects.get()
    assert sent.status == "sent" and sent.attempts == 1 and sent.team == people["team"]


def test_an_action_that_is_undone_sends_no_e_mail(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            _invite(people)
            raise RuntimeError("the action failed after the invitation was written")

    assert mail.outbox == [] and not OutgoingMail.objects.exists() and not Invitation.objects.exists()


def test_a_failing_mail_server_does_not_undo_the_invitation_and_the_owner_sees_the_failure(
    settings, client_for, people, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.mailing.test_mail.RefusingBackend"
    owner = client_for("owner")
    team = people["team"]

    with django_capture_on_commit_callbacks(execute=True):
        response = owner.post(
            reverse("teams:members", kwargs={"slug": team.slug}), {"email": "amira@example.org", "role": "viewer"}
        )

    assert response.status_code == 302
    assert Invitation.objects.filter(team=team, email="amira@example.org").exists()
    failed = OutgoingMail.objects.get()
    # Tasks run at once in tests, so every retry happened already: four tries, then failed.
    assert failed.status == "failed" and failed.attempts == 4
    assert "Connection refused by mail.example.gov.uk:587" in failed.last_error

    page = owner.get(reverse("teams:outbox", kwargs={"slug": team.slug}))
    html = page.content.decode()
    assert "amira@example.org" in html and "Failed" in html and "Connection refused by mail.example.gov.uk" in html
    assert "Send again" in html

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    owner.post(reverse("teams:mail_send_again", kwargs={"slug": team.slug, "pk": failed.pk}))
    failed.refresh_from_db()
    assert failed.status == "sent" and [m.to for m in mail.outbox] == [["amira@example.org"]]


def test_a_password_reset_leaves_after_the_request_and_a_failing_mail_server_shows_no_error(
    settings, client, people, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.mailing.test_mail.RefusingBackend"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(reverse("password_reset"), {"email": people["viewer"].email})
    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    queued = OutgoingMail.objects.get()
    assert queued.status == "queued" and queued.to == people["viewer"].email and "/accounts/reset/" in queued.body

    for callback in callbacks:
        callback()  # the worker tries, and the mail server refuses every time
    queued.refresh_from_db()
    assert queued.status == "failed" and "Connection refused" in queued.last_error


def test_a_failed_send_is_retried_later_by_the_database_queue(settings, people, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    settings.EMAIL_BACKEND = "tests.mailing.test_mail.RefusingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        _invite(people)
    first = DBTaskResult.objects.get()
    assert first.run_after.year > 9000  # "as soon as possible" in django-tasks-db's terms

    from workbench.mailing import services

    services.deliver(OutgoingMail.objects.get().pk)

    mail_row = OutgoingMail.objects.get()
    assert mail_row.status == "retrying" and mail_row.attempts == 1 and mail_row.next_attempt_at is not None
    retry = DBTaskResult.objects.exclude(pk=first.pk).get()
    assert abs((retry.run_after - mail_row.next_attempt_at).total_seconds()) < 5


@pytest.mark.parametrize(("role", "status"), [("owner", 200), ("editor", 403), ("viewer", 403), ("outsider", 404)])
def test_only_owners_see_the_team_e_mail(client_for, people, role, status):
    response = client_for(role).get(reverse("teams:outbox", kwargs={"slug": people["team"].slug}))
    assert response.status_code == status
    if status == 200:
        assert "No e-mail has been sent for this team yet." in response.content.decode()
