"""Writes of share links: each public function is one transaction, and says in plain words why it refuses."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from workbench.canvases.models import Canvas
from workbench.notifications.models import Activity
from workbench.notifications.services import record_activity
from workbench.sharing.models import ShareLink


class ShareLinkError(Exception):
    """A change to a share link that cannot be made; the message is written for the person who asked."""


@transaction.atomic
def create_share_link(*, canvas: Canvas, user, label: str = "") -> ShareLink:
    link = ShareLink.objects.create(canvas=canvas, created_by=user, label=(label or "").strip()[:120])
    record_activity(canvas, user, Activity.Verb.SHARED, text=link.label)
    return link


@transaction.atomic
def revoke_share_link(*, link: ShareLink, user) -> ShareLink:
    if link.revoked_at:
        raise ShareLinkError("This link was revoked already.")
    link.revoked_at = timezone.now()
    link.revoked_by = user
    link.save(update_fields=["revoked_at", "revoked_by"])
    record_activity(link.canvas, user, Activity.Verb.UNSHARED, text=link.label)
    return link
