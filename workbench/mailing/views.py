"""A team's outgoing e-mail, for its owners: what was sent, what is still being tried, what failed and why."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from workbench.mailing import services
from workbench.mailing.models import OutgoingMail
from workbench.teams.selectors import team_for_member

PAGE_SIZE = 25


def _owned_team(request, slug: str):
    team = team_for_member(request.user, slug)
    if not request.user.has_perm("teams.manage_members", team):
        raise PermissionDenied
    return team


@require_http_methods(["GET"])
@login_required
def outbox(request, slug: str):
    """GET /teams/<slug>/mail/: the team's e-mails, newest first, with each delivery's state."""
    team = _owned_team(request, slug)
    mails = OutgoingMail.objects.filter(team=team).order_by("-created_at", "-pk")
    page = Paginator(mails, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = {status: 0 for status in OutgoingMail.Status.values}
    for status in OutgoingMail.objects.filter(team=team).values_list("status", flat=True):
        counts[status] += 1
    return render(request, "mailing/outbox.html", {"team": team, "page": page, "counts": counts, "active": "mail"})


@require_POST
@login_required
def send_again(request, slug: str, pk: int):
    """POST /teams/<slug>/mail/<pk>/send-again/: try a failed e-mail once more."""
    team = _owned_team(request, slug)
    mail = get_object_or_404(OutgoingMail, pk=pk, team=team)
    if services.send_again(mail):
        messages.success(request, f"The e-mail to {mail.to} is being sent again.")
    else:
        messages.info(request, f"The e-mail to {mail.to} is not a failed one; nothing to do.")
    return redirect("mailing:outbox", slug=team.slug)
