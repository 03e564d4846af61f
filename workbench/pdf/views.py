"""Downloads of the one-pager: a canvas of one's own team, or a worked example.

A one-pager that is ready comes straight from storage. One that is not shows "Preparing your one-pager":
the page asks for its status every second (htmx) and starts the download when it is ready; without
JavaScript a link checks again.
"""

from __future__ import annotations

import logging

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from workbench.canvases.models import Canvas
from workbench.document import DocumentInvalid, parse
from workbench.pdf import services
from workbench.pdf.models import OnePager
from workbench.pdf.render import DEFAULT_LAYOUT, LAYOUTS

logger = logging.getLogger(__name__)
Status = OnePager.Status


def layout_asked(request) -> str | None:
    """The layout in the query (A4 unless asked otherwise), or None when it is not one we print."""
    layout = request.GET.get("layout", DEFAULT_LAYOUT)
    return layout if layout in LAYOUTS else None


def bad_layout() -> HttpResponse:
    """The answer to a layout we do not print."""
    return HttpResponseBadRequest("The layout must be a4 or a3.", content_type="text/plain; charset=utf-8")


def _pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    return response


def _current(one_pager: OnePager) -> OnePager:
    """The row as it stands, after giving back to the queue a render whose worker has died."""
    if one_pager.status == Status.RENDERING and one_pager.started_at:
        from django.utils import timezone

        if timezone.now() - one_pager.started_at > services.stale_after():
            services.recover_interrupted()
            one_pager.refresh_from_db()
    return one_pager


def preparing(request, one_pager: OnePager, *, title: str, base_url: str, layout: str, partial: bool = False):
    """The "Preparing your one-pager" page, or only its status part for htmx's poll, with the row as it stands."""
    query = f"?layout={layout}"
    context = {
        "one_pager": _current(one_pager),
        "title": title,
        "layout_name": LAYOUTS[layout],
        "download_url": base_url + query,
        "status_url": base_url + "status/" + query,
        "retry_url": base_url + "retry/" + query,
    }
    template = "pdf/preparing.html#status" if partial else "pdf/preparing.html"
    response = render(request, template, context, status=200 if partial else 202)
    response["Cache-Control"] = "no-store"
    return response


def retried(one_pager: OnePager | None, *, base_url: str, layout: str) -> HttpResponse:
    """Try a failed render once more (the "Try again" of the Preparing page), then back to the download."""
    if one_pager is not None:
        services.retry(one_pager)
    return redirect(f"{base_url}?layout={layout}")


def download(request, one_pager: OnePager | None, request_render, *, filename: str, title: str, base_url: str, layout):
    """The one-pager from storage when it is ready, otherwise the "Preparing" page (`base_url` + status/ and retry/
    answer its poll and its "Try again"). `request_render()` asks the worker for it."""
    pdf = services.read(one_pager)
    if pdf is None and (one_pager is None or one_pager.status == Status.READY):
        one_pager = request_render()  # never asked for, or its file has gone from the store: ask the worker
        pdf = services.read(one_pager)  # ready at once where tasks run in the request (tests)
    if pdf is not None:
        return _pdf_response(pdf, filename)
    return preparing(request, one_pager, title=title, base_url=base_url, layout=layout)


def _canvas(request, pk: int) -> Canvas:
    canvas = get_object_or_404(
        Canvas.objects.live().visible_to(request.user).select_related("team", "current_revision"), pk=pk
    )
    if not request.user.has_perm("canvases.view_canvas", canvas):
        raise Http404
    return canvas


@require_GET
@login_required
def canvas_pdf(request, pk: int):
    """GET /canvases/<pk>/pdf/?layout=a4|a3: the canvas's one-pager at its current revision."""
    canvas = _canvas(request, pk)
    layout = layout_asked(request)
    if layout is None:
        return bad_layout()
    revision = canvas.current_revision.number if canvas.current_revision else 0
    return download(
        request,
        services.canvas_one_pager(canvas, layout, canvas.current_revision),
        lambda: services.request_canvas(canvas, layout),
        filename=services.canvas_filename(canvas, revision=revision, layout=layout),
        title=f"{canvas.title} (revision {revision})",
        base_url=reverse("pdf:canvas", kwargs={"pk": pk}),
        layout=layout,
    )


@require_GET
@login_required
def canvas_pdf_status(request, pk: int):
    """GET /canvases/<pk>/pdf/status/: how far the one-pager of the current revision has got (htmx poll)."""
    canvas = _canvas(request, pk)
    layout = layout_asked(request)
    if layout is None:
        return bad_layout()
    one_pager = services.request_canvas(canvas, layout)
    base_url = reverse("pdf:canvas", kwargs={"pk": pk})
    return preparing(request, one_pager, title=canvas.title, base_url=base_url, layout=layout, partial=True)


@require_POST
@login_required
def canvas_pdf_retry(request, pk: int):
    """POST /canvases/<pk>/pdf/retry/: try a failed render once more."""
    canvas = _canvas(request, pk)
    layout = layout_asked(request)
    if layout is None:
        return bad_layout()
    return retried(
        services.canvas_one_pager(canvas, layout, canvas.current_revision),
        base_url=reverse("pdf:canvas", kwargs={"pk": pk}),
        layout=layout,
    )


def _example(slug: str) -> dict:
    path = services.example_path(slug)
    if path is None:
        raise Http404
    try:
        return parse(path.read_bytes())
    except DocumentInvalid as error:
        logger.error("Worked example %s is not a valid canvas document: %s", slug, error)
        raise Http404 from None


@require_GET
def example_pdf(request, slug: str):
    """GET /examples/<slug>/pdf/?layout=a4|a3: the one-pager of a worked example in seeds/.

    Worked examples are public, like their gallery: no sign-in needed.
    """
    document = _example(slug)
    layout = layout_asked(request)
    if layout is None:
        return bad_layout()
    key = services.example_key(slug, document, layout)
    return download(
        request,
        OnePager.objects.filter(key=key).first(),
        lambda: services.request_example(slug, document, layout),
        filename=services.example_filename(slug, layout=layout),
        title=document.get("title") or slug,
        base_url=reverse("pdf:example", kwargs={"slug": slug}),
        layout=layout,
    )


@require_GET
def example_pdf_status(request, slug: str):
    document = _example(slug)
    layout = layout_asked(request)
    if layout is None:
        return bad_layout()
    one_pager = services.request_example(slug, document, layout)
    base_url = reverse("pdf:example", kwargs={"slug": slug})
    title = document.get("title") or slug
    return preparing(request, one_pager, title=title, base_url=base_url, layout=layout, partial=True)


@require_POST
def example_pdf_retry(request, slug: str):
    document = _example(slug)
    layout = layout_asked(request)
    if layout is None:
        return bad_layout()
    return retried(
        OnePager.objects.filter(key=services.example_key(slug, document, layout)).first(),
        base_url=reverse("pdf:example", kwargs={"slug": slug}),
        layout=layout,
    )
