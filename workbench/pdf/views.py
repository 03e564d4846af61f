"""Downloads of the one-pager: a canvas of one's own team, or a worked example."""

from __future__ import annotations

import logging

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from workbench.canvases.models import Canvas
from workbench.document import DocumentInvalid, parse
from workbench.pdf import services
from workbench.pdf.engine import RenderError
from workbench.pdf.render import DEFAULT_LAYOUT, LAYOUTS

logger = logging.getLogger(__name__)


def _layout(request) -> str | None:
    layout = request.GET.get("layout", DEFAULT_LAYOUT)
    return layout if layout in LAYOUTS else None


def _pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    return response


def _render_failed(error: RenderError) -> HttpResponse:
    logger.warning("PDF render failed: %s", error)
    return HttpResponse(
        "The PDF could not be made just now. Please try again in a minute; if it keeps failing, "
        "the canvas may be too long to lay out.",
        status=503,
        content_type="text/plain; charset=utf-8",
    )


@require_GET
@login_required
def canvas_pdf(request, pk: int):
    """GET /canvases/<pk>/pdf/?layout=a4|a3: the canvas's one-pager at its current revision."""
    canvas = get_object_or_404(
        Canvas.objects.live().visible_to(request.user).select_related("team", "current_revision"), pk=pk
    )
    if not request.user.has_perm("canvases.view_canvas", canvas):
        raise Http404
    layout = _layout(request)
    if layout is None:
        return HttpResponseBadRequest("The layout must be a4 or a3.", content_type="text/plain; charset=utf-8")
    meta = services.canvas_meta(canvas)
    try:
        pdf = services.canvas_pdf(canvas, meta=meta, layout=layout)
    except RenderError as error:
        return _render_failed(error)
    return _pdf_response(pdf, services.canvas_filename(canvas, revision=meta["revision"], layout=layout))


@require_GET
def example_pdf(request, slug: str):
    """GET /examples/<slug>/pdf/?layout=a4|a3: the one-pager of a worked example in seeds/.

    Worked examples are public, like their gallery: no sign-in needed.
    """
    path = services.example_path(slug)
    if path is None:
        raise Http404
    layout = _layout(request)
    if layout is None:
        return HttpResponseBadRequest("The layout must be a4 or a3.", content_type="text/plain; charset=utf-8")
    try:
        document = parse(path.read_bytes())
    except DocumentInvalid as error:
        logger.error("Worked example %s is not a valid canvas document: %s", slug, error)
        raise Http404 from None
    meta = services.example_meta(document)
    try:
        pdf = services.example_pdf(slug, document, meta=meta, layout=layout)
    except RenderError as error:
        return _render_failed(error)
    return _pdf_response(pdf, services.example_filename(slug, layout=layout))
