from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from workbench.document.spec import CANVAS
from workbench.teams.models import Team

TITLE_MAX = CANVAS.section("identity").field("title").max_length


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"


# An edit to a canvas in one of these states is a new draft; the revision approved or published stays recorded.
REOPENED_BY_EDIT = (Status.APPROVED, Status.PUBLISHED)


class CanvasQuerySet(models.QuerySet):
    def live(self):
        return self.filter(deleted_at__isnull=True)

    def in_bin(self):
        return self.filter(deleted_at__isnull=False)

    def visible_to(self, user):
        """Canvases of the teams the user belongs to; everything else answers 404."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(team__memberships__user=user)

    def search(self, text: str):
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(Q(title__icontains=text) | Q(statement__icontains=text))

    def for_listing(self):
        return self.select_related("updated_by", "current_revision").only(
            "id",
            "title",
            "statement",
            "status",
            "updated_at",
            "deleted_at",
            "team_id",
            "updated_by__username",
            "updated_by__first_name",
            "updated_by__last_name",
            "current_revision__number",
        )


class Canvas(models.Model):
    """A team's mission on a page. The content lives in `document`, the latest revision's snapshot."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="canvases")
    title = models.CharField(max_length=TITLE_MAX)  # the document's title, kept for lists and search
    statement = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    document = models.JSONField()
    current_revision = models.ForeignKey("Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # The revision the reviewers approved and the one the owners published: edits after either make new draft
    # revisions, while share links keep showing the published one until it is published again.
    approved_revision = models.ForeignKey(
        "Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_revision = models.ForeignKey(
        "Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now_add=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = CanvasQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["team", "deleted_at", "-updated_at"], name="canvas_team_listing")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("canvases:detail", kwargs={"pk": self.pk})

    @property
    def revision_number(self) -> int:
        return self.current_revision.number if self.current_revision_id else 0

    @property
    def changed_since_published(self) -> bool:
        """Published once, with edits since that are not yet published."""
        return bool(self.published_revision_id) and self.published_revision_id != self.current_revision_id


class Revision(models.Model):
    """An immutable snapshot of a canvas document, made by every save."""

    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    document = models.JSONField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    summary = models.CharField(max_length=300)
    restored_from = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["canvas", "number"], name="one_revision_number_per_canvas")]

    def __str__(self):
        return f"{self.canvas_id} r{self.number}"
