"""Notification pages and the team's activity feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from workbench import caching
from workbench.notifications import selectors, services
from workbench.notifications.forms import PreferenceForm
from workbench.teams.selectors import team_for_member


def feed_lines(entries, *, show_canvas: bool):
    """The lines of a feed (the team's activity, a canvas's timeline), each kept once rendered."""
    return caching.kept_lines(
        "review/partials/entry.html",
        entries,
        lambda entry: caching.feed_entry_key(entry, show_canvas=show_canvas),
        lambda entry: {"e": entry, "show_canvas": show_canvas},
    )


@login_required
@require_GET
def notifications(request):
    show = "all" if request.GET.get("show") == "all" else "unread"
    page = selectors.notifications_for(request.user, show=show, page=request.GET.get("page"))
    return render(request, "review/notifications.html", {"page": page, "show": show})


@login_required
@require_POST
def notification_open(request, notification_pk):
    notification = selectors.notification_of(request.user, notification_pk)
    services.mark_read(user=request.user, notification_ids=[notification.pk])
    url = notification.url if url_has_allowed_host_and_scheme(notification.url, None) else reverse("notifications:list")
    return redirect(url)


@login_required
@require_POST
def notifications_read(request):
    count = services.mark_read(user=request.user)
    messages.success(request, f"Marked {count} notification{'s' if count != 1 else ''} as read.")
    return redirect("notifications:list")


@login_required
def notification_settings(request):
    current = selectors.emails_on(request.user)
    form = PreferenceForm(request.POST if request.method == "POST" else None, initial={"email": current})
    if request.method == "POST" and form.is_valid():
        services.set_email_preference(user=request.user, email=form.cleaned_data["email"])
        messages.success(
            request,
            "Review e-mails are on."
            if form.cleaned_data["email"]
            else "Review e-mails are off. The list here still shows them.",
        )
        return redirect("notifications:settings")
    return render(request, "review/notification_settings.html", {"form": form, "email_on": current})


@login_required
@require_GET
def activity(request, slug):
    team = team_for_member(request.user, slug)
    if not request.user.has_perm("review.view_activity", team):
        raise PermissionDenied
    feed = selectors.team_activity(team, page=request.GET.get("page"))
    feed_html = feed_lines(feed.entries, show_canvas=True)
    return render(request, "review/activity.html", {"team": team, "feed": feed, "feed_html": feed_html})
