"""Read-only links to a canvas for people outside its team.

The table was made by the review app and keeps its name (`db_table`), so moving the model here changed no row.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse


def new_share_token() -> str:
    # 32 random bytes: 256 bits, far beyond guessing.
    return secrets.token_urlsafe(32)


class ShareLink(models.Model):
    """A read-only link to one canvas for people outside the team; revoked links answer 404."""

    canvas = models.ForeignKey("canvases.Canvas", on_delete=models.CASCADE, related_name="share_links")
    token = models.CharField(max_length=64, unique=True, default=new_share_token)
    label = models.CharField(max_length=120, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        db_table = "review_sharelink"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Share link {self.pk} of canvas {self.canvas_id}"

    def get_absolute_url(self):
        return reverse("sharing:shared", kwargs={"token": self.token})

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
