"""A rendered one-pager: which PDF it is, how far its render has got, and where the file is kept."""

from __future__ import annotations

from django.db import models


class OnePager(models.Model):
    """The PDF of one canvas revision (or one worked example) in one layout, under one set of print templates.

    One row per key (workbench/pdf/services.py makes it): the row moves queued → rendering → ready, or
    → failed with a message a person can read. A queued row that no worker has started yet may be moved
    on to a newer revision of its canvas: that is how a burst of saves renders once.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RENDERING = "rendering", "Rendering"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    key = models.CharField(max_length=64, unique=True)
    canvas = models.ForeignKey("canvases.Canvas", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    revision = models.ForeignKey("canvases.Revision", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    example_slug = models.CharField(max_length=100, blank=True)
    layout = models.CharField(max_length=2)
    template_digest = models.CharField(max_length=16)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    file_name = models.CharField(max_length=300, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    task_id = models.CharField(max_length=64, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    render_seconds = models.FloatField(null=True, blank=True)
    pages = models.PositiveSmallIntegerField(null=True, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    # The layout that fitted (an index into render.FITS) and the document's size: the canvas's next revision
    # starts from this layout when it has not shrunk (workbench/pdf/services.py, `render`).
    fit = models.PositiveSmallIntegerField(null=True, blank=True)
    document_size = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["canvas", "layout", "status"], name="onepager_canvas_layout_status"),
            models.Index(fields=["status", "started_at"], name="onepager_status_started"),
        ]

    def __str__(self):
        subject = f"canvas {self.canvas_id}" if self.canvas_id else f"example {self.example_slug}"
        return f"{subject} {self.layout}: {self.status}"
