"""Share-link pages: the team's list of links, revoking one, and what a link shows outside the team."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from workbench.canvases.selectors import canvas_for
from workbench.pdf import services as pdf
from workbench.pdf import views as pdf_views
from workbench.sharing import selectors, services
from workbench.sharing.forms import ShareLinkForm


@login_required
def share_links(request, pk):
    canvas = canvas_for(request.user, pk, perm="review.manage_share_links")
    form = ShareLinkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        link = services.create_share_link(canvas=canvas, user=request.user, label=form.cleaned_data["label"])
        messages.success(request, "Share link created. Anyone with it can read and download this canvas.")
        return redirect(reverse("sharing:links", kwargs={"pk": canvas.pk}) + f"#link-{link.pk}")
    links = selectors.share_links_of(canvas)
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
    link = selectors.live_share_link(canvas, link_pk)
    if request.method == "POST":
        services.revoke_share_link(link=link, user=request.user)
        messages.success(request, "Link revoked: it now answers “not found” to anyone who opens it.")
        return redirect("sharing:links", pk=canvas.pk)
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


def _published_one_pager(view):
    """Gives the view the link's canvas, its published revision and the layout asked for; answers for it where
    there is nothing to give (a canvas never published, an unknown layout)."""

    @functools.wraps(view)
    def wrapped(request, token):
        link = selectors.share_link_for(token)
        canvas, published = link.canvas, link.canvas.published_revision
        if published is None:
            return _private(render(request, "review/shared_unpublished.html", {"canvas": canvas}, status=404))
        layout = pdf_views.layout_asked(request)
        if layout is None:
            return pdf_views.bad_layout()
        return view(request, token, canvas, published, layout)

    return wrapped


def _pdf_url(token) -> str:
    return reverse("sharing:shared_pdf", kwargs={"token": token})


@require_GET
@_published_one_pager
def shared_pdf(request, token, canvas, published, layout):
    """The published revision's one-pager: from storage when the worker has made it (it does when the canvas is
    published), otherwise the "Preparing" page, which waits for it without holding the request."""
    return _private(
        pdf_views.download(
            request,
            pdf.canvas_one_pager(canvas, layout, published),
            lambda: pdf.request_canvas(canvas, layout, published),
            filename=pdf.canvas_filename(canvas, revision=published.number, layout=layout),
            title=f"{canvas.title} (revision {published.number})",
            base_url=_pdf_url(token),
            layout=layout,
        )
    )


@require_GET
@_published_one_pager
def shared_pdf_status(request, token, canvas, published, layout):
    """How far the published revision's one-pager has got (the "Preparing" page's poll)."""
    one_pager = pdf.request_canvas(canvas, layout, published)
    return _private(
        pdf_views.preparing(
            request, one_pager, title=canvas.title, base_url=_pdf_url(token), layout=layout, partial=True
        )
    )


@require_POST
@_published_one_pager
def shared_pdf_retry(request, token, canvas, published, layout):
    """Try a failed render of the published revision's one-pager once more."""
    one_pager = pdf.canvas_one_pager(canvas, layout, published)
    return _private(pdf_views.retried(one_pager, base_url=_pdf_url(token), layout=layout))
