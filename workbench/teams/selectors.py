from django.shortcuts import get_object_or_404

from workbench.teams.models import Team


def team_for_member(user, slug: str) -> Team:
    """The team with this slug if the user belongs to it; 404 otherwise, so a team's existence does not leak."""
    return get_object_or_404(Team.objects.filter(memberships__user=user), slug=slug)
