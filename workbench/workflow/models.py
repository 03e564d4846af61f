"""The recorded steps of the review workflow. The states are the canvases' `Status` choices (the canvases need
them to know what is draft, approved and published); which steps lead from one to another is
`workflow.services.TRANSITIONS`.

The table was made by the review app and keeps its name (`db_table`), so moving the model here changed no row.
"""

from django.conf import settings
from django.db import models

from workbench.canvases.models import REOPENED_BY_EDIT, Status


class StateChange(models.Model):
    """One step of the review workflow: who moved the canvas from which state to which, on which revision."""

    canvas = models.ForeignKey("canvases.Canvas", on_delete=models.CASCADE, related_name="state_changes")
    from_status = models.CharField(max_length=20, choices=Status.choices)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    revision = models.PositiveIntegerField()
    comment = models.TextField(blank=True)

    class Meta:
        db_table = "review_statechange"
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["canvas", "-at"], name="statechange_canvas_at")]

    def __str__(self):
        return f"{self.canvas_id}: {self.from_status} → {self.to_status}"

    @property
    def automatic(self) -> bool:
        """The return to draft that an edit of an approved or published canvas makes (workflow.receivers)."""
        return self.from_status in REOPENED_BY_EDIT and self.to_status == Status.DRAFT
