"""Review pages: threads, the workflow's steps, the timeline, share links, notifications, the activity feed."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from workbench import caching
from workbench.canvases.selectors import canvas_for
from workbench.document import SECTION_TITLES
from workbench.review import selectors, services
from workbench.review.forms import (
    CommentForm,
    DecisionForm,
    EditCommentForm,
    PreferenceForm,
    ReplyForm,
    ShareLinkForm,
)
from workbench.review.models import Notification, NotificationPreference
from workbench.teams.selectors import team_for_member

logger = logging.getLogger(__name__)

# Ten threads a page: with their replies, a page of a busy canvas's review still opens quickly.
THREADS_PER_PAGE = 10


def _next_or(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return default


def _thread_url(comment) -> str:
    return reverse("canvases:detail", kwargs={"pk": comment.canvas_id}) + f"#thread-{comment.parent_id or comment.pk}"


def _feed_lines(entries, *, show_canvas: bool):
    return caching.kept_lines(
        "review/partials/entry.html",
        entries,
        lambda entry: caching.feed_entry_key(entry, show_canvas=show_canvas),
        lambda entry: {"e": entry, "show_canvas": show_canvas},
    )


# ---------------------------------------------------------------------------------------------- comments


@login_required
@require_GET
def comment_list(request, pk):
    canvas = canvas_for(request.user, pk, perm="review.view")
    can_comment = request.user.has_perm("review.comment", canvas)
    full_path = request.get_full_path()
    # The filters and the page of threads render once per change of the comments, for each viewer and address.
    listing = caching.kept_fragment(
        request,
        caching.comment_list_key(
            canvas, selectors.review_stamp(canvas), request.user, can_comment=can_comment, full_path=full_path
        ),
        "review/partials/comment_listing.html",
        lambda: {**_comment_listing(request, canvas), "can_comment": can_comment, "full_path": full_path},
        caching.REVIEW_SECONDS,
    )
    return render(
        request,
        "review/comment_list.html",
        {"canvas": canvas, "team": canvas.team, "can_comment": can_comment, "listing": listing},
    )


def _comment_listing(request, canvas) -> dict:
    state = request.GET.get("state", "open")
    state = state if state in {"open", "resolved", "all"} else "open"
    section = request.GET.get("section", "")
    section = section if section in SECTION_TITLES or section == "canvas" else ""
    author = request.GET.get("author", "")
    threads = selectors.filtered_threads(canvas, state=state, section=section, author=author)
    page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = selectors.threads_by_pk(canvas, page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "canvas": canvas,
        "page": page,
        "state": state,
        "section": section,
        "author": author,
        "sections": [("canvas", "Whole canvas"), *SECTION_TITLES.items()],
        "authors": selectors.comment_authors(canvas),
        "query": query.urlencode(),
    }


@login_required
def comment_add(request, pk):
    canvas = canvas_for(request.user, pk, perm="review.comment")
    targets = selectors.comment_targets(canvas.document)
    form = CommentForm(
        request.POST if request.method == "POST" else None,
        targets=targets,
        initial={"target": request.GET.get("target", "")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            comment = services.add_comment(
                canvas=canvas, user=request.user, body=form.cleaned_data["body"], **form.target_kwargs()
            )
        except services.ReviewError as error:
            form.add_error("target", str(error))
        else:
            messages.success(request, "Comment added.")
            return redirect(_thread_url(comment))
    return render(
        request,
        "review/comment_form.html",
        {"canvas": canvas, "team": canvas.team, "form": form},
        status=422 if form.errors else 200,
    )


@login_required
def comment_reply(request, comment_pk):
    comment = selectors.comment_for(request.user, comment_pk)
    canvas = comment.canvas
    if not request.user.has_perm("review.comment", canvas):
        raise PermissionDenied
    thread = comment.parent or comment
    form = ReplyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        new = services.reply(thread=thread, user=request.user, body=form.cleaned_data["body"])
        messages.success(request, "Reply added.")
        return redirect(_next_or(request, _thread_url(new)))
    return render(
        request,
        "review/reply_form.html",
        {"canvas": canvas, "team": canvas.team, "form": form, "thread": thread},
        status=422 if form.errors else 200,
    )


@login_required
def comment_edit(request, comment_pk):
    comment = selectors.comment_for(request.user, comment_pk)
    if not request.user.has_perm("review.change_comment", comment) or comment.deleted_at:
        raise PermissionDenied
    form = EditCommentForm(request.POST if request.method == "POST" else None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        services.edit_comment(comment=comment, user=request.user, body=form.cleaned_data["body"])
        messages.success(request, "Comment changed.")
        return redirect(_next_or(request, _thread_url(comment)))
    return render(
        request,
        "review/comment_edit.html",
        {
            "canvas": comment.canvas,
            "team": comment.canvas.team,
            "form": form,
            "comment": comment,
            "next": _next_or(request, ""),
        },
        status=422 if form.errors else 200,
    )


@login_required
def comment_delete(request, comment_pk):
    comment = selectors.comment_for(request.user, comment_pk)
    if not request.user.has_perm("review.change_comment", comment) or comment.deleted_at:
        raise PermissionDenied
    canvas = comment.canvas
    if request.method == "POST":
        back = _thread_url(comment) if comment.parent_id else canvas.get_absolute_url() + "#review"
        services.delete_comment(comment=comment, user=request.user)
        messages.success(request, "Comment deleted.")
        return redirect(back)
    return render(request, "review/comment_delete.html", {"canvas": canvas, "team": canvas.team, "comment": comment})


def _thread_action(request, comment_pk, action, done: str):
    comment = selectors.comment_for(request.user, comment_pk)
    if not request.user.has_perm("review.comment", comment.canvas):
        raise PermissionDenied
    try:
        action(thread=comment, user=request.user)
    except services.ReviewError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect(_next_or(request, _thread_url(comment)))


@login_required
@require_POST
def thread_resolve(request, comment_pk):
    return _thread_action(request, comment_pk, services.resolve_thread, "Thread resolved.")


@login_required
@require_POST
def thread_reopen(request, comment_pk):
    return _thread_action(request, comment_pk, services.reopen_thread, "Thread reopened.")


# ---------------------------------------------------------------------------------------------- workflow


@login_required
def transition(request, pk, action):
    step = services.TRANSITIONS.get(action)
    if step is None:
        raise Http404("No such step in the review.")
    canvas = canvas_for(request.user, pk, perm=step.perm)
    form = DecisionForm(request.POST if request.method == "POST" else None, required=step.comment_required)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.transition(canvas=canvas, user=request.user, action=action, comment=form.cleaned_data["comment"])
        except services.ReviewError as error:
            form.add_error(None, str(error))
            status = 409
        else:
            messages.success(request, f"Done: the canvas is now {canvas.get_status_display().lower()}.")
            return redirect(canvas)
    elif form.errors:
        status = 422
    refusal = None if canvas.status in step.sources else services._refusal(step, canvas.status)
    return render(
        request,
        "review/transition_form.html",
        {"canvas": canvas, "team": canvas.team, "form": form, "step": step, "refusal": refusal},
        status=status,
    )


@login_required
@require_GET
def timeline(request, pk):
    canvas = canvas_for(request.user, pk, perm="review.view")
    feed = selectors.canvas_timeline(canvas, page=request.GET.get("page"))
    return render(
        request,
        "review/timeline.html",
        {
            "canvas": canvas,
            "team": canvas.team,
            "feed": feed,
            "feed_html": _feed_lines(feed.entries, show_canvas=False),
            "state_changes": selectors.state_changes_of(canvas),
        },
    )


# ---------------------------------------------------------------------------------------------- share links


@login_required
def share_links(request, pk):
    canvas = canvas_for(request.user, pk, perm="review.manage_share_links")
    form = ShareLinkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        link = services.create_share_link(canvas=canvas, user=request.user, label=form.cleaned_data["label"])
        messages.success(request, "Share link created. Anyone with it can read and download this canvas.")
        return redirect(reverse("review:share_links", kwargs={"pk": canvas.pk}) + f"#link-{link.pk}")
    links = canvas.share_links.select_related("created_by", "revoked_by")
    page = Paginator(links, 20).get_page(request.GET.get("page"))
    for link in page.object_list:
        link.full_url = request.build_absolute_uri(link.get_absolute_url())
    return render(
        request,
        "review/share_links.html",
        {"canvas": canvas, "team": canvas.team, "form": form, "page": page},
        status=422 if form.errors else 200,
    )


@login_required
def share_link_revoke(request, pk, link_pk):
    canvas = canvas_for(request.user, pk, perm="review.manage_share_links")
    link = get_object_or_404(canvas.share_links, pk=link_pk, revoked_at__isnull=True)
    if request.method == "POST":
        services.revoke_share_link(link=link, user=request.user)
        messages.success(request, "Link revoked: it now answers “not found” to anyone who opens it.")
        return redirect("review:share_links", pk=canvas.pk)
    return render(request, "review/share_link_revoke.html", {"canvas": canvas, "team": canvas.team, "link": link})


def _private(response):
    # The token is in the address: keep it out of referrers, search engines and shared caches.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def shared(request, token):
    """The published revision of a canvas, read-only; never a draft. Until it is published the link says so."""
    link = selectors.share_link_for(token)
    canvas, published = link.canvas, link.canvas.published_revision
    if published is None:
        return _private(render(request, "review/shared_unpublished.html", {"canvas": canvas}, status=404))
    context = {"link": link, "canvas": canvas, "published": published, "doc": published.document}
    return _private(render(request, "review/shared.html", context))


@require_GET
def shared_pdf(request, token):
    """The one-pager PDF through a share link, from the PDF app's renderer and cache."""
    from workbench.pdf import services as pdf
    from workbench.pdf.engine import RenderError
    from workbench.pdf.render import DEFAULT_LAYOUT, LAYOUTS

    link = selectors.share_link_for(token)
    canvas, published = link.canvas, link.canvas.published_revision
    if published is None:
        return _private(render(request, "review/shared_unpublished.html", {"canvas": canvas}, status=404))
    layout = request.GET.get("layout", DEFAULT_LAYOUT)
    if layout not in LAYOUTS:
        return HttpResponseBadRequest("The layout must be a4 or a3.", content_type="text/plain; charset=utf-8")
    meta = pdf.canvas_meta(canvas, published)
    try:
        data = pdf.canvas_pdf(canvas, meta=meta, layout=layout, revision=published)
    except RenderError as error:
        logger.warning("PDF render failed for a share link: %s", error)
        return HttpResponse(
            "The PDF could not be made just now. Please try again in a minute.",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(data, content_type="application/pdf")
    filename = pdf.canvas_filename(canvas, revision=meta["revision"], layout=layout)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return _private(response)


# ---------------------------------------------------------------------------------------------- notifications


@login_required
@require_GET
def notifications(request):
    show = "all" if request.GET.get("show") == "all" else "unread"
    page = selectors.notifications_for(request.user, show=show, page=request.GET.get("page"))
    return render(request, "review/notifications.html", {"page": page, "show": show})


@login_required
@require_POST
def notification_open(request, notification_pk):
    notification = get_object_or_404(Notification, pk=notification_pk, user=request.user)
    services.mark_read(user=request.user, notification_ids=[notification.pk])
    url = (
        notification.url if url_has_allowed_host_and_scheme(notification.url, None) else reverse("review:notifications")
    )
    return redirect(url)


@login_required
@require_POST
def notifications_read(request):
    count = services.mark_read(user=request.user)
    messages.success(request, f"Marked {count} notification{'s' if count != 1 else ''} as read.")
    return redirect("review:notifications")


@login_required
def notification_settings(request):
    preference = NotificationPreference.objects.filter(user=request.user).first()
    current = preference.email if preference else True
    form = PreferenceForm(request.POST if request.method == "POST" else None, initial={"email": current})
    if request.method == "POST" and form.is_valid():
        services.set_email_preference(user=request.user, email=form.cleaned_data["email"])
        messages.success(
            request,
            "Review e-mails are on."
            if form.cleaned_data["email"]
            else "Review e-mails are off. The list here still shows them.",
        )
        return redirect("review:notification_settings")
    return render(request, "review/notification_settings.html", {"form": form, "email_on": current})


# ---------------------------------------------------------------------------------------------- activity


@login_required
@require_GET
def activity(request, slug):
    team = team_for_member(request.user, slug)
    if not request.user.has_perm("review.view_activity", team):
        raise PermissionDenied
    feed = selectors.team_activity(team, page=request.GET.get("page"))
    feed_html = _feed_lines(feed.entries, show_canvas=True)
    return render(request, "review/activity.html", {"team": team, "feed": feed, "feed_html": feed_html})
