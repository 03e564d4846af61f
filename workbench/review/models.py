"""Review of a canvas: comment threads, the workflow's recorded state changes, share links, notifications."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse

from workbench.canvases.models import Canvas, Status
from workbench.document import SECTION_TITLES
from workbench.teams.models import Team


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

    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="comments")
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


class StateChange(models.Model):
    """One step of the review workflow: who moved the canvas from which state to which, on which revision."""

    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="state_changes")
    from_status = models.CharField(max_length=20, choices=Status.choices)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    revision = models.PositiveIntegerField()
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["canvas", "-at"], name="statechange_canvas_at")]

    def __str__(self):
        return f"{self.canvas_id}: {self.from_status} → {self.to_status}"

    @property
    def automatic(self) -> bool:
        """The return to draft that an edit of an approved or published canvas makes (review.receivers)."""
        return self.from_status in (Status.APPROVED, Status.PUBLISHED) and self.to_status == Status.DRAFT


def new_share_token() -> str:
    # 32 random bytes: 256 bits, far beyond guessing.
    return secrets.token_urlsafe(32)


class ShareLink(models.Model):
    """A read-only link to one canvas for people outside the team; revoked links answer 404."""

    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="share_links")
    token = models.CharField(max_length=64, unique=True, default=new_share_token)
    label = models.CharField(max_length=120, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Share link {self.pk} of canvas {self.canvas_id}"

    def get_absolute_url(self):
        return reverse("review:shared", kwargs={"token": self.token})

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class Activity(models.Model):
    """What happened in a team's review, for its activity feed and a canvas's timeline.

    Edits are not repeated here: the feed reads them from the canvases' revisions.
    """

    class Verb(models.TextChoices):
        COMMENTED = "commented", "commented"
        REPLIED = "replied", "replied"
        RESOLVED = "resolved", "resolved a thread"
        REOPENED = "reopened", "reopened a thread"
        SUBMITTED = "submitted", "submitted for review"
        CHANGES_REQUESTED = "changes_requested", "requested changes"
        APPROVED = "approved", "approved"
        PUBLISHED = "published", "published"
        SHARED = "shared", "created a share link"
        UNSHARED = "unshared", "revoked a share link"

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    verb = models.CharField(max_length=20, choices=Verb.choices)
    at = models.DateTimeField(auto_now_add=True)
    revision = models.PositiveIntegerField()
    thread = models.ForeignKey(Comment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    text = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["team", "-at"], name="activity_team_at"),
            models.Index(fields=["canvas", "-at"], name="activity_canvas_at"),
        ]

    def __str__(self):
        return f"{self.actor_id} {self.verb} {self.canvas_id}"


class Notification(models.Model):
    """One line in a person's in-app list; e-mailed too unless they turned e-mails off."""

    class Kind(models.TextChoices):
        COMMENT = "comment", "Comment"
        REPLY = "reply", "Reply"
        SUBMITTED = "submitted", "Submitted for review"
        DECISION = "decision", "Review decision"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread")]

    def __str__(self):
        return f"To {self.user_id}: {self.text}"


class NotificationPreference(models.Model):
    """A person's choice about review e-mails; without a row, e-mails are on."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_preference")
    email = models.BooleanField("Send me review notifications by e-mail", default=True)

    def __str__(self):
        return f"{self.user_id}: e-mails {'on' if self.email else 'off'}"
