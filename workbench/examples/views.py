"""The gallery of worked examples (open to everyone) and "Start from this example" (signed-in writers)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from workbench import caching
from workbench.examples import gallery, services
from workbench.examples.models import Example
from workbench.teams.models import Membership, Role, Team

WRITER_ROLES = (Role.OWNER, Role.EDITOR)


def _pdf_url(slug: str) -> str | None:
    """The PDF download of an example, once the PDF app provides it."""
    try:
        return reverse("pdf:example", kwargs={"slug": slug})
    except NoReverseMatch:
        return None


def writable_teams(user):
    """The teams where the user may add canvases (owner or editor), for the "start from" form."""
    if not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(memberships__user=user, memberships__role__in=WRITER_ROLES).order_by("name")


@require_GET
def example_list(request):
    """GET /examples/: every worked example as a card with its checker level and readiness."""
    examples = Example.objects.only("slug", "title", "document", "content_hash")
    cards = [
        {"example": e, "report": gallery.scorecard(e.document, key=caching.example_key(e))["report"]} for e in examples
    ]
    return render(request, "examples/example_list.html", {"cards": cards})


def _render_detail(request, example, *, team_error: str = "", chosen: str = "", status: int = 200):
    card = gallery.scorecard(example.document, key=caching.example_key(example))
    teams = list(writable_teams(request.user))
    context = {
        "example": example,
        "doc": example.document,
        "report": card["report"],
        # The radar chart is SVG the checker draws itself from numbers; every label in it is escaped there.
        "radar": mark_safe(card["radar"]),
        "criteria": card["criteria"],
        "counts": card["counts"],
        "finding_groups": gallery.findings_by_section(card["report"], example.document),
        "footnotes": gallery.footnotes(example.document),
        "pdf_url": _pdf_url(example.slug),
        "teams": teams,
        "team_error": team_error,
        "chosen": chosen or (teams[0].slug if len(teams) == 1 else ""),
    }
    return render(request, "examples/example_detail.html", context, status=status)


@require_GET
def example_detail(request, slug: str):
    """GET /examples/<slug>/: the one-pager, the checker's scorecard and findings, and the sources."""
    example = get_object_or_404(Example, slug=slug)
    return _render_detail(request, example)


@require_POST
@login_required
def example_start(request, slug: str):
    """POST /examples/<slug>/start/ (team=<slug>): copy the example into the team as a new draft canvas."""
    example = get_object_or_404(Example, slug=slug)
    team_slug = request.POST.get("team", "").strip()
    if not team_slug:
        return _render_detail(request, example, team_error="Choose the team the new canvas belongs to.", status=422)
    membership = Membership.objects.select_related("team").filter(team__slug=team_slug, user=request.user).first()
    if membership is None:
        raise Http404("No such team.")
    if not request.user.has_perm("teams.add_canvas", membership.team):
        raise PermissionDenied("Only the team's owners and editors may add canvases.")
    canvas = services.start_from_example(example=example, team=membership.team, user=request.user)
    messages.success(
        request,
        f"“{example.title}” is now a draft canvas in {membership.team.name}. Change anything; the example stays as it was.",
    )
    return redirect("canvases:edit", pk=canvas.pk)
