"""Comment pages: the list of threads, and adding, answering, changing, deleting, resolving and reopening."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from workbench import caching
from workbench.canvases.selectors import canvas_for
from workbench.comments import selectors, services
from workbench.comments.forms import CommentForm, EditCommentForm, ReplyForm
from workbench.document import SECTION_TITLES

# Ten threads a page: with their replies, a page of a busy canvas's review still opens quickly.
THREADS_PER_PAGE = 10


def _next_or(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return default


def _thread_url(comment) -> str:
    return reverse("canvases:detail", kwargs={"pk": comment.canvas_id}) + f"#thread-{comment.parent_id or comment.pk}"


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
        except services.CommentError as error:
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
    except services.CommentError as error:
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
