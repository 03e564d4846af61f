"""Teams, memberships and invitations: the writes, each in one transaction."""

from __future__ import annotations

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from workbench.mailing.services import send_mail_after_commit
from workbench.teams.models import Invitation, Membership, Role, Team


class LastOwner(Exception):
    """The change would leave a team with no owner."""

    message = "A team must keep at least one owner. Make someone else an owner first."


class NotInvited(Exception):
    """The person accepting is not the one the invitation was sent to."""


def unique_slug(name: str) -> str:
    base = slugify(name)[:50] or "team"
    slug, n = base, 2
    while Team.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


@transaction.atomic
def create_team(*, name: str, user) -> Team:
    """A new team with its creator as owner."""
    team = Team.objects.create(name=name.strip(), slug=unique_slug(name))
    Membership.objects.create(team=team, user=user, role=Role.OWNER)
    return team


def invite_member(*, team: Team, email: str, role: str, invited_by, accept_url_for) -> Invitation:
    """Record an invitation and e-mail its link; accept_url_for(invitation) gives the full address.

    An address with an open invitation to the team keeps that one invitation: it takes the new role and is sent
    again, so no two open links offer different roles."""
    email = email.strip().lower()
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().filter(team=team, email=email, accepted_at__isnull=True)
        invitation = invitation.first()
        if invitation is None:
            invitation = Invitation.objects.create(team=team, email=email, role=role, invited_by=invited_by)
        else:
            invitation.role, invitation.invited_by = role, invited_by
            invitation.save(update_fields=["role", "invited_by"])
    context = {"invitation": invitation, "url": accept_url_for(invitation), "inviter": invited_by}
    send_mail_after_commit(
        subject=f"You are invited to join {team.name} on Mission Workbench",
        message=render_to_string("teams/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
        team=team,
    )
    return invitation


def is_invited(invitation: Invitation, user) -> bool:
    """Whether this person holds the address the invitation was sent to."""
    return bool(user.email) and user.email.strip().lower() == invitation.email


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user) -> Membership:
    """Make the user a member with the invited role (an existing member keeps the higher of the two).

    Only the person at the invited address may accept: a forwarded or leaked link is not an invitation."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not is_invited(invitation, user):
        raise NotInvited
    rank = [Role.VIEWER, Role.REVIEWER, Role.EDITOR, Role.OWNER]
    membership, created = Membership.objects.get_or_create(
        team=invitation.team, user=user, defaults={"role": invitation.role}
    )
    if not created and rank.index(invitation.role) > rank.index(membership.role):
        membership.role = invitation.role
        membership.save(update_fields=["role"])
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


def _owners_left_without(membership: Membership) -> int:
    # Lock the other owners' rows (PostgreSQL refuses FOR UPDATE on a COUNT), then count them.
    others = (
        Membership.objects.select_for_update()
        .filter(team_id=membership.team_id, role=Role.OWNER)
        .exclude(pk=membership.pk)
        .values_list("pk", flat=True)
    )
    return len(list(others))


@transaction.atomic
def change_role(*, membership: Membership, role: str) -> Membership:
    """Give a member another role; the last owner cannot step down."""
    if membership.role == Role.OWNER and role != Role.OWNER and _owners_left_without(membership) == 0:
        raise LastOwner
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def remove_member(*, membership: Membership) -> None:
    """Take a person out of the team; the last owner cannot be removed."""
    if membership.role == Role.OWNER and _owners_left_without(membership) == 0:
        raise LastOwner
    membership.delete()
