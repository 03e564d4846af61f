"""Comment threads on a canvas, one of its sections or one item.

The table was made by the review app and keeps its name (`db_table`) and index names, so moving the model here
changed no row.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from workbench.document import SECTION_TITLES


class CommentQuerySet(models.QuerySet):
    def live(self):
        return self.filter(deleted_at__isnull=True)

    def threads(self):
        return self.filter(parent__isnull=True)


class Comment(models.Model):
    """A comment on the whole canvas, one section or one item; a reply when it has a parent.

    The first comment of a thread keeps what it pointed at as it stood when written (`snapshot`), so the
    thread can say later that the item changed since, and show how.
    """

    canvas = models.ForeignKey("canvases.Canvas", on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    section = models.CharField(max_length=40, blank=True)
    item_id = models.CharField(max_length=60, blank=True)
    revision = models.PositiveIntegerField()
    snapshot = models.JSONField(null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        db_table = "review_comment"
        ordering = ["created_at", "pk"]
        indexes = [
            # Comments of a canvas by age, and with them every time the review stamp reads: the stamp that keys
            # the canvas page's kept threads comes from this index alone (selectors.review_stamp).
            models.Index(
                fields=["canvas", "created_at", "edited_at", "deleted_at", "resolved_at", "parent"],
                name="comment_review_stamp",
            ),
            # The canvas page counts threads by what they point at and picks the first of each without reading
            # the comments themselves: both stay quick on a canvas with a thousand comments.
            models.Index(
                fields=["canvas", "parent", "section", "item_id", "resolved_at", "created_at"],
                name="comment_thread_target",
            ),
        ]

    def __str__(self):
        return f"Comment {self.pk} on canvas {self.canvas_id}"

    def get_absolute_url(self):
        return reverse("canvases:detail", kwargs={"pk": self.canvas_id}) + f"#thread-{self.parent_id or self.pk}"

    @property
    def is_thread(self) -> bool:
        return self.parent_id is None

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None

    @property
    def section_title(self) -> str:
        return SECTION_TITLES.get(self.section, "Whole canvas")
