"""What happened in a team's review (its activity feed) and what each person is told of it (notifications).

The tables were made by the review app and keep their names (`db_table`), so moving the models here changed no
row. An activity points at a comment thread by the string "comments.Comment": this app imports none of the apps
that record activity.
"""

from django.conf import settings
from django.db import models


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

    team = models.ForeignKey("teams.Team", on_delete=models.CASCADE, related_name="+")
    canvas = models.ForeignKey("canvases.Canvas", on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    verb = models.CharField(max_length=20, choices=Verb.choices)
    at = models.DateTimeField(auto_now_add=True)
    revision = models.PositiveIntegerField()
    thread = models.ForeignKey("comments.Comment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    text = models.CharField(max_length=300, blank=True)

    class Meta:
        db_table = "review_activity"
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
    canvas = models.ForeignKey("canvases.Canvas", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "review_notification"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread")]

    def __str__(self):
        return f"To {self.user_id}: {self.text}"


class NotificationPreference(models.Model):
    """A person's choice about review e-mails; without a row, e-mails are on."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_preference")
    email = models.BooleanField("Send me review notifications by e-mail", default=True)

    class Meta:
        db_table = "review_notificationpreference"

    def __str__(self):
        return f"{self.user_id}: e-mails {'on' if self.email else 'off'}"
