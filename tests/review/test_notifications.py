"""Notifications: exactly the right people hear about comments, submissions and decisions."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import make_user
from workbench.comments import services as comments
from workbench.notifications.models import Notification
from workbench.teams.models import Membership
from workbench.workflow import services as workflow


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run a write and return the addresses e-mailed once it committed, one e-mail per person."""

    def run(write):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            write()
        assert all(len(m.to) == 1 for m in mail.outbox)
        return sorted(m.to[0] for m in mail.outbox)

    return run


def test_a_new_comment_goes_to_the_canvas_editors(canvas, people, sent):
    to = sent(lambda: comments.add_comment(canvas=canvas, user=people["reviewer"], body="Hmm", item_id="metric-1"))
    assert to == ["editor@example.org", "owner@example.org"]


def test_a_reply_goes_to_the_people_in_the_thread_and_the_editors_not_the_writer(canvas, people, sent):
    second_reviewer = make_user("second")
    Membership.objects.create(team=people["team"], user=second_reviewer, role="reviewer")
    thread = comments.add_comment(canvas=canvas, user=people["reviewer"], body="Hmm", item_id="metric-1")
    comments.reply(thread=thread, user=second_reviewer, body="Agreed")
    to = sent(lambda: comments.reply(thread=thread, user=people["editor"], body="Fixed"))
    assert to == ["owner@example.org", "reviewer@example.org", "second@example.org"]
    assert "Fixed" in mail.outbox[0].body


def test_a_submission_goes_to_the_team_reviewers(canvas, people, sent):
    to = sent(lambda: workflow.submit_for_review(canvas=canvas, user=people["editor"]))
    assert to == ["reviewer@example.org"]


def test_a_decision_goes_to_the_submitter(canvas, people, sent):
    workflow.submit_for_review(canvas=canvas, user=people["editor"])
    to = sent(lambda: workflow.request_changes(canvas=canvas, user=people["reviewer"], comment="Baselines?"))
    assert to == ["editor@example.org"]
    assert "Baselines?" in mail.outbox[0].body
    workflow.submit_for_review(canvas=canvas, user=people["owner"])
    assert sent(lambda: workflow.approve(canvas=canvas, user=people["reviewer"])) == ["owner@example.org"]


def test_people_who_turned_emails_off_get_none_but_still_see_the_notification(canvas, people, sent, client_for):
    client_for("owner").post(reverse("notifications:settings"), {})  # the box left unticked
    to = sent(lambda: comments.add_comment(canvas=canvas, user=people["reviewer"], body="Hmm", section="story"))
    assert to == ["editor@example.org"]
    assert Notification.objects.filter(user=people["owner"]).count() == 1


def test_outsiders_and_former_members_hear_nothing(canvas, people, sent):
    thread = comments.add_comment(canvas=canvas, user=people["reviewer"], body="Hmm", section="story")
    Membership.objects.filter(user=people["reviewer"]).delete()
    to = sent(lambda: comments.reply(thread=thread, user=people["editor"], body="Done"))
    assert to == ["owner@example.org"]


def test_the_unread_list_and_the_count_in_the_navbar(canvas, people, client_for):
    comments.add_comment(canvas=canvas, user=people["reviewer"], body="One", section="story")
    comments.add_comment(canvas=canvas, user=people["reviewer"], body="Two", section="levers")
    client = client_for("editor")
    page = client.get(reverse("notifications:list")).content.decode()
    assert page.count(">New</span>reviewer commented on") == 2
    assert '2<span class="visually-hidden"> unread</span>' in page
    first = Notification.objects.filter(user=people["editor"]).first()
    response = client.post(reverse("notifications:open", kwargs={"notification_pk": first.pk}))
    assert response.status_code == 302 and response.url.startswith(f"/canvases/{canvas.pk}/#thread-")
    assert '1<span class="visually-hidden"> unread</span>' in client.get(reverse("notifications:list")).content.decode()
    client.post(reverse("notifications:read"))
    page = client.get(reverse("notifications:list")).content.decode()
    assert "Nothing new." in page
    assert "reviewer commented on" in client.get(reverse("notifications:list"), {"show": "all"}).content.decode()


def test_nobody_opens_another_persons_notification(canvas, people, client_for):
    comments.add_comment(canvas=canvas, user=people["reviewer"], body="One", section="story")
    theirs = Notification.objects.filter(user=people["editor"]).get()
    response = client_for("owner").post(reverse("notifications:open", kwargs={"notification_pk": theirs.pk}))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_an_approval_tells_the_owners_who_publish_and_the_person_who_submitted(canvas, people, sent):
    workflow.submit_for_review(canvas=canvas, user=people["editor"])
    to = sent(lambda: workflow.approve(canvas=canvas, user=people["reviewer"]))
    assert to == ["editor@example.org", "owner@example.org"]
    assert "ready to publish" in mail.outbox[0].subject
    assert Notification.objects.filter(user=people["owner"], kind=Notification.Kind.DECISION).exists()


def test_a_request_for_changes_goes_to_the_submitter_only(canvas, people, sent):
    workflow.submit_for_review(canvas=canvas, user=people["editor"])
    to = sent(lambda: workflow.request_changes(canvas=canvas, user=people["reviewer"], comment="Add a baseline."))
    assert to == ["editor@example.org"]


def test_e_mailed_links_and_invitation_links_use_the_same_site_address(
    canvas, people, sent, settings, client_for, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://missions.example.gov.uk"
    thread_mail = sent(lambda: comments.add_comment(canvas=canvas, user=people["reviewer"], body="Hmm"))
    assert thread_mail and "https://missions.example.gov.uk/canvases/" in mail.outbox[0].body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for("owner").post(
            reverse("teams:members", kwargs={"slug": people["team"].slug}),
            {"email": "amira@example.org", "role": "viewer"},
        )
    invitation = people["team"].invitations.get()
    assert f"https://missions.example.gov.uk{invitation.get_absolute_url()}" in mail.outbox[0].body
    assert "testserver" not in mail.outbox[0].body
