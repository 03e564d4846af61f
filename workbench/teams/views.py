from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from workbench.mailing import services as mailing
from workbench.mailing.models import OutgoingMail
from workbench.site import absolute_url
from workbench.teams import services
from workbench.teams.forms import InvitationForm, RoleForm, TeamForm
from workbench.teams.models import ROLE_HELP, Invitation, Membership
from workbench.teams.rules import forget_roles
from workbench.teams.selectors import team_for_member


@login_required
def home(request):
    memberships = (
        Membership.objects.filter(user=request.user)
        .select_related("team")
        .annotate(canvas_count=Count("team__canvases", filter=Q(team__canvases__deleted_at__isnull=True)))
        .order_by("team__name")
    )
    return render(request, "teams/home.html", {"memberships": memberships, "form": TeamForm()})


@login_required
def team_create(request):
    form = TeamForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        team = services.create_team(name=form.cleaned_data["name"], user=request.user)
        messages.success(request, f"Team “{team.name}” created. You are its owner.")
        return redirect(team)
    return render(request, "teams/team_form.html", {"form": form})


@login_required
def members(request, slug):
    team = team_for_member(request.user, slug)
    can_manage = request.user.has_perm("teams.manage_members", team)
    form = InvitationForm(request.POST if request.method == "POST" else None, team=team)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            invitation = services.invite_member(
                team=team,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
                accept_url_for=lambda inv: absolute_url(inv.get_absolute_url(), request),
            )
            messages.success(
                request, f"Invitation sent to {invitation.email} as {invitation.get_role_display().lower()}."
            )
            return redirect("teams:members", slug=team.slug)
    memberships = team.memberships.select_related("user").order_by("user__username")
    invitations = team.invitations.filter(accepted_at__isnull=True).select_related("invited_by") if can_manage else []
    return render(
        request,
        "teams/members.html",
        {
            "team": team,
            "memberships": memberships,
            "invitations": invitations,
            "form": form,
            "can_manage": can_manage,
            "role_help": ROLE_HELP,
            "role_form": RoleForm(),
        },
        status=422 if form.errors else 200,
    )


def _managed_membership(request, slug, membership_id):
    team = team_for_member(request.user, slug)
    if not request.user.has_perm("teams.manage_members", team):
        raise PermissionDenied
    return team, get_object_or_404(team.memberships.select_related("user"), pk=membership_id)


@login_required
@require_POST
def member_role(request, slug, membership_id):
    team, membership = _managed_membership(request, slug, membership_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose one of the roles in the list.")
    else:
        try:
            services.change_role(membership=membership, role=form.cleaned_data["role"])
            messages.success(request, f"{membership.user.username} is now {membership.get_role_display().lower()}.")
        except services.LastOwner as error:
            messages.error(request, error.message)
    forget_roles(request.user)
    return redirect("teams:members", slug=team.slug)


@login_required
def member_remove(request, slug, membership_id):
    team, membership = _managed_membership(request, slug, membership_id)
    if request.method == "POST":
        try:
            services.remove_member(membership=membership)
        except services.LastOwner as error:
            messages.error(request, error.message)
            return redirect("teams:members", slug=team.slug)
        messages.success(request, f"{membership.user.username} was removed from the team.")
        if membership.user_id == request.user.pk:
            return redirect("teams:home")
        return redirect("teams:members", slug=team.slug)
    return render(request, "teams/member_remove.html", {"team": team, "membership": membership})


@login_required
@require_POST
def invitation_revoke(request, slug, invitation_id):
    team = team_for_member(request.user, slug)
    if not request.user.has_perm("teams.manage_members", team):
        raise PermissionDenied
    invitation = get_object_or_404(team.invitations.filter(accepted_at__isnull=True), pk=invitation_id)
    invitation.delete()
    messages.success(request, f"The invitation to {invitation.email} no longer works.")
    return redirect("teams:members", slug=team.slug)


def invitation(request, token):
    invitation = get_object_or_404(Invitation.objects.select_related("team", "invited_by"), token=token)
    if not invitation.is_pending:
        if request.user.is_authenticated and invitation.team.memberships.filter(user=request.user).exists():
            return redirect(invitation.team)
        return render(request, "teams/invitation_used.html", {"invitation": invitation}, status=410)
    someone_else = request.user.is_authenticated and not services.is_invited(invitation, request.user)
    if request.method == "POST" and request.user.is_authenticated and not someone_else:
        services.accept_invitation(invitation=invitation, user=request.user)
        messages.success(request, f"Welcome to {invitation.team.name}.")
        return redirect(invitation.team)
    return render(
        request,
        "teams/invitation.html",
        {
            "invitation": invitation,
            "someone_else": someone_else,
            "login_url": f"{reverse('login')}?next={invitation.get_absolute_url()}",
            "signup_url": reverse("signup", kwargs={"token": invitation.token}),
        },
        status=403 if someone_else and request.method == "POST" else 200,
    )


# ---------------------------------------------------------------------------------------------- e-mail
# A team's outgoing e-mail, for its owners: what was sent, what is still being tried, what failed and why.

MAIL_PER_PAGE = 25


def _mail_team(request, slug: str):
    team = team_for_member(request.user, slug)
    if not request.user.has_perm("teams.manage_members", team):
        raise PermissionDenied
    return team


@require_http_methods(["GET"])
@login_required
def outbox(request, slug: str):
    """GET /teams/<slug>/mail/: the team's e-mails, newest first, with each delivery's state."""
    team = _mail_team(request, slug)
    mails = OutgoingMail.objects.filter(team=team).order_by("-created_at", "-pk")
    page = Paginator(mails, MAIL_PER_PAGE).get_page(request.GET.get("page"))
    counts = {status: 0 for status in OutgoingMail.Status.values}
    for status in OutgoingMail.objects.filter(team=team).values_list("status", flat=True):
        counts[status] += 1
    return render(request, "mailing/outbox.html", {"team": team, "page": page, "counts": counts, "active": "mail"})


@require_POST
@login_required
def mail_send_again(request, slug: str, pk: int):
    """POST /teams/<slug>/mail/<pk>/send-again/: try a failed e-mail once more."""
    team = _mail_team(request, slug)
    mail = get_object_or_404(OutgoingMail, pk=pk, team=team)
    if mailing.send_again(mail):
        messages.success(request, f"The e-mail to {mail.to} is being sent again.")
    else:
        messages.info(request, f"The e-mail to {mail.to} is not a failed one; nothing to do.")
    return redirect("teams:outbox", slug=team.slug)
