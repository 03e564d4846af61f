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
