"""Reads of share links."""

from django.shortcuts import get_object_or_404

from workbench.sharing.models import ShareLink


def share_link_for(token: str) -> ShareLink:
    """The live share link with this token and its canvas; 404 for anything else, revoked links included."""
    return get_object_or_404(
        ShareLink.objects.select_related("canvas__team", "canvas__published_revision"),
        token=token,
        revoked_at__isnull=True,
        canvas__deleted_at__isnull=True,
    )


def share_links_of(canvas):
    """Every link of a canvas, newest first, with who made and who revoked it."""
    return canvas.share_links.select_related("created_by", "revoked_by")


def live_share_link(canvas, pk: int) -> ShareLink:
    """A link of this canvas that still works; 404 for another canvas's link or a revoked one."""
    return get_object_or_404(canvas.share_links, pk=pk, revoked_at__isnull=True)
