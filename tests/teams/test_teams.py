"""Teams: creating one, inviting colleagues with roles, changing roles, keeping an owner."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import make_user
from workbench.teams.models import Invitation, Membership, Role, Team


def test_creating_a_team_makes_the_creator_its_owner(client_for, people):
    client = client_for("outsider")
    response = client.post(reverse("teams:create"), {"name": "Camden food team"})
    team = Team.objects.get(name="Camden food team")
    assert response.url == reverse("canvases:dashboard", kwargs={"slug": "camden-food-team"})
    assert team.memberships.get().role == Role.OWNER
    # A second team of the same name gets its own address.
    client.post(reverse("teams:create"), {"name": "Camden food team"})
    assert Team.objects.filter(slug="camden-food-team-2").exists()


def test_a_team_name_needs_a_letter_or_digit(client_for, people):
    response = client_for("viewer").post(reverse("teams:create"), {"name": "  --  "})
    assert "Give the team a name with at least one letter or digit." in response.content.decode()


def test_an_owner_invites_by_email_and_the_link_creates_the_membership(
    client_for, people, client, django_capture_on_commit_callbacks
):
    owner = client_for("owner")
    team = people["team"]
    with django_capture_on_commit_callbacks(execute=True):  # the e-mail goes out once the invitation is saved
        response = owner.post(
            reverse("teams:members", kwargs={"slug": team.slug}), {"email": "Amira@Example.org", "role": "reviewer"}
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "amira@example.org"
    assert len(invitation.token) >= 43  # 32 random bytes
    assert mail.outbox[0].to == ["amira@example.org"]
    assert invitation.get_absolute_url() in mail.outbox[0].body

    # Someone with an account signs in and accepts.
    amira = make_user("amira")
    client.logout()
    client.force_login(amira)
    page = client.get(invitation.get_absolute_url()).content.decode()
    assert "Accept and join the team" in page
    client.post(invitation.get_absolute_url())
    assert Membership.objects.get(team=team, user=amira).role == Role.REVIEWER
    invitation.refresh_from_db()
    assert invitation.accepted_by == amira
    # The link works once.
    client.logout()
    assert client.get(invitation.get_absolute_url()).status_code == 410


def test_a_person_without_an_account_signs_up_through_the_invitation(client, people):
    team = people["team"]
    invitation = Invitation.objects.create(
        team=team, email="sam@example.org", role=Role.EDITOR, invited_by=people["owner"]
    )
    url = reverse("signup", kwargs={"token": invitation.token})
    assert 'value="sam@example.org"' in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "username": "sam",
            "email": "sam@example.org",
            "password1": "a long pass phrase 42",
            "password2": "a long pass phrase 42",
        },
    )
    assert response.url == reverse("canvases:dashboard", kwargs={"slug": team.slug})
    sam = get_user_model().objects.get(username="sam")
    assert Membership.objects.get(team=team, user=sam).role == Role.EDITOR
    # Signed in straight away.
    assert client.get(reverse("canvases:dashboard", kwargs={"slug": team.slug})).status_code == 200


def test_signup_errors_keep_what_was_typed(client, people):
    invitation = Invitation.objects.create(team=people["team"], email="kim@example.org", role=Role.VIEWER)
    response = client.post(
        reverse("signup", kwargs={"token": invitation.token}),
        {"username": "kim", "email": "kim@example.org", "password1": "a long pass phrase 42", "password2": "different"},
    )
    page = response.content.decode()
    assert "The two password fields didn’t match." in page
    assert 'value="kim"' in page


def test_inviting_a_member_again_is_refused_beside_the_field(client_for, people):
    response = client_for("owner").post(
        reverse("teams:members", kwargs={"slug": people["team"].slug}),
        {"email": people["editor"].email, "role": "viewer"},
    )
    assert response.status_code == 422
    assert "This person is already a member of the team." in response.content.decode()
    assert not Invitation.objects.exists()


def test_an_owner_changes_roles_but_the_team_keeps_an_owner(client_for, people):
    team = people["team"]
    owner = client_for("owner")
    editor_membership = team.memberships.get(user=people["editor"])
    owner.post(
        reverse("teams:member_role", kwargs={"slug": team.slug, "membership_id": editor_membership.pk}),
        {"role": "viewer"},
    )
    editor_membership.refresh_from_db()
    assert editor_membership.role == Role.VIEWER

    own = team.memberships.get(user=people["owner"])
    response = owner.post(
        reverse("teams:member_role", kwargs={"slug": team.slug, "membership_id": own.pk}),
        {"role": "editor"},
        follow=True,
    )
    assert "A team must keep at least one owner." in response.content.decode()
    own.refresh_from_db()
    assert own.role == Role.OWNER
    response = owner.post(
        reverse("teams:member_remove", kwargs={"slug": team.slug, "membership_id": own.pk}), follow=True
    )
    assert "A team must keep at least one owner." in response.content.decode()
    assert Membership.objects.filter(pk=own.pk).exists()


def test_an_owner_can_step_down_once_there_is_another_owner(client_for, people):
    team = people["team"]
    Membership.objects.filter(team=team, user=people["editor"]).update(role=Role.OWNER)
    own = team.memberships.get(user=people["owner"])
    client_for("owner").post(
        reverse("teams:member_role", kwargs={"slug": team.slug, "membership_id": own.pk}), {"role": "editor"}
    )
    own.refresh_from_db()
    assert own.role == Role.EDITOR


def test_removing_a_member_asks_first_then_removes(client_for, people):
    team = people["team"]
    viewer = team.memberships.get(user=people["viewer"])
    owner = client_for("owner")
    url = reverse("teams:member_remove", kwargs={"slug": team.slug, "membership_id": viewer.pk})
    assert "Remove from the team" in owner.get(url).content.decode()
    assert Membership.objects.filter(pk=viewer.pk).exists()
    owner.post(url)
    assert not Membership.objects.filter(pk=viewer.pk).exists()
    # The removed person no longer sees the team.
    assert client_for("viewer").get(reverse("canvases:dashboard", kwargs={"slug": team.slug})).status_code == 404


def test_withdrawing_an_invitation_stops_its_link(client_for, people, client):
    team = people["team"]
    invitation = Invitation.objects.create(team=team, email="x@example.org", role=Role.EDITOR)
    client_for("owner").post(
        reverse("teams:invitation_revoke", kwargs={"slug": team.slug, "invitation_id": invitation.pk})
    )
    client.logout()
    assert client.get(reverse("teams:invitation", kwargs={"token": invitation.token})).status_code == 404


def test_password_reset_sends_a_link_by_email(client, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("password_reset"), {"email": people["viewer"].email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/reset/" in mail.outbox[0].body


def test_only_the_invited_address_can_accept(client_for, people, client):
    team = people["team"]
    client_for("owner").post(
        reverse("teams:members", kwargs={"slug": team.slug}), {"email": "amira@example.org", "role": "editor"}
    )
    invitation = Invitation.objects.get()
    someone = make_user("someone")  # someone@example.org, who was forwarded the link
    client.force_login(someone)
    page = client.get(invitation.get_absolute_url()).content.decode()
    assert "Only the person it was sent to can accept it" in page
    assert "Accept and join the team" not in page
    response = client.post(invitation.get_absolute_url())
    assert response.status_code == 403
    assert not Membership.objects.filter(team=team, user=someone).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None

    amira = make_user("amira")
    client.force_login(amira)
    client.post(invitation.get_absolute_url())
    assert Membership.objects.get(team=team, user=amira).role == Role.EDITOR


def test_inviting_the_same_address_twice_keeps_one_open_invitation_with_the_latest_role(
    client_for, people, django_capture_on_commit_callbacks
):
    team = people["team"]
    owner = client_for("owner")
    url = reverse("teams:members", kwargs={"slug": team.slug})
    with django_capture_on_commit_callbacks(execute=True):
        owner.post(url, {"email": "amira@example.org", "role": "viewer"})
        response = owner.post(url, {"email": "Amira@example.org", "role": "editor"}, follow=True)
    assert "Invitation sent to amira@example.org as editor." in response.content.decode()
    invitation = Invitation.objects.get(team=team, accepted_at__isnull=True)
    assert invitation.role == Role.EDITOR
    assert len(mail.outbox) == 2 and mail.outbox[-1].to == ["amira@example.org"]


def test_signing_up_through_an_invitation_uses_the_invited_address(client, people):
    client_for_owner = Client()
    client_for_owner.force_login(people["owner"])
    client_for_owner.post(
        reverse("teams:members", kwargs={"slug": people["team"].slug}), {"email": "new@example.org", "role": "viewer"}
    )
    invitation = Invitation.objects.get()
    password = "a long enough passphrase 42"
    client.post(
        reverse("signup", kwargs={"token": invitation.token}),
        {
            "username": "newcomer",
            "email": "other@example.org",  # a changed address is ignored: the account is for the invited one
            "password1": password,
            "password2": password,
        },
    )
    user = get_user_model().objects.get(username="newcomer")
    assert user.email == "new@example.org"
    assert Membership.objects.get(team=people["team"], user=user).role == Role.VIEWER
