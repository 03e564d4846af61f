"""Measurements of a canvas's metrics over time, their history, and the team's settings for judging progress.

Measurements are not canvas revisions: recording a value does not change the design. They are history all the
same: a change or a deletion leaves the measurement's earlier state in MeasurementChange, and a deleted
measurement stays in the database, marked deleted, so the history page can show it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from workbench.canvases.models import Canvas
from workbench.document.spec import CANVAS, ID_MAX
from workbench.progress import csvfile, track


class ProgressSettings(models.Model):
    """How a team judges one mission's progress, and whether its share links show it."""

    canvas = models.OneToOneField(Canvas, on_delete=models.CASCADE, related_name="progress_settings")
    tolerance = models.PositiveSmallIntegerField(
        default=track.DEFAULT_TOLERANCE,
        help_text="How far from the straight path, in per cent of the planned change, still counts as on track.",
    )
    show_on_share_links = models.BooleanField(
        default=False, help_text="People holding a share link of this canvas also see its progress."
    )
    note = models.TextField(
        "About the figures",
        max_length=csvfile.NOTE_MAX,
        blank=True,
        help_text="Where the figures come from, and what is not known: shown above the metrics.",
    )
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"progress settings of canvas {self.canvas_id}"


class MeasurementQuerySet(models.QuerySet):
    def live(self):
        return self.filter(deleted_at__isnull=True)


class Measurement(models.Model):
    """One value of one metric of a canvas, for a year or on a date."""

    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="measurements")
    metric = models.CharField(max_length=ID_MAX)  # the metric's id in the canvas document
    year = models.PositiveSmallIntegerField()
    date = models.DateField(null=True, blank=True)  # when given, year is its year
    value = models.FloatField()
    source = models.CharField(max_length=csvfile.SOURCE_MAX, blank=True)
    note = models.TextField(max_length=csvfile.NOTE_MAX, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    entered_at = models.DateTimeField(auto_now_add=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = MeasurementQuerySet.as_manager()

    class Meta:
        ordering = ["metric", "year", "date"]
        indexes = [models.Index(fields=["canvas", "metric", "year"], name="measurement_by_metric")]
        constraints = [
            models.UniqueConstraint(
                fields=["canvas", "metric", "year"],
                condition=Q(deleted_at__isnull=True, date__isnull=True),
                name="one_live_value_per_metric_and_year",
            ),
            models.UniqueConstraint(
                fields=["canvas", "metric", "date"],
                condition=Q(deleted_at__isnull=True, date__isnull=False),
                name="one_live_value_per_metric_and_date",
            ),
        ]

    def __str__(self):
        return f"{self.metric} {self.when}: {self.value:g}"

    @property
    def when(self) -> str:
        """The year or the ISO date, as the pages and the CSV file write it."""
        return self.date.isoformat() if self.date else str(self.year)

    @property
    def at(self) -> float:
        return track.position(self.year, self.date)

    def snapshot(self) -> dict:
        """What a history entry keeps of this measurement."""
        return {"metric": self.metric, "when": self.when, "value": self.value, "source": self.source, "note": self.note}


class MeasurementChange(models.Model):
    """One entry of a measurement's history: who recorded, changed or deleted it, when, and the values before/after."""

    class Action(models.TextChoices):
        RECORDED = "recorded", "Recorded"
        IMPORTED = "imported", "Imported from a CSV file"
        CHANGED = "changed", "Changed"
        DELETED = "deleted", "Deleted"

    measurement = models.ForeignKey(Measurement, on_delete=models.CASCADE, related_name="changes")
    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="+")
    action = models.CharField(max_length=10, choices=Action.choices)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["canvas", "-at"], name="measurement_change_feed")]

    def __str__(self):
        return f"{self.action} {self.measurement_id}"


class ActionMark(models.Model):
    """Whether one near-term action of a canvas is done, and when; the action is named by its words."""

    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="action_marks")
    key = models.CharField(max_length=64)  # a digest of the action's words (progress.actions.action_key)
    text = models.TextField()
    done = models.BooleanField(default=False)
    on = models.DateField(null=True, blank=True)  # the day it was done, or the day it is due
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["canvas", "key"], name="one_mark_per_action")]

    def __str__(self):
        return f"{'done' if self.done else 'not done'}: {self.text[:40]}"


class SharedName(models.Model):
    """A team's decision on levers or actors of several missions whose names read alike: the same or not."""

    class Kind(models.TextChoices):
        LEVER = "lever", CANVAS.section("levers").noun.capitalize()
        ACTOR = "actor", CANVAS.section("stakeholders").noun.capitalize()

    team = models.ForeignKey("teams.Team", on_delete=models.CASCADE, related_name="shared_names")
    kind = models.CharField(max_length=5, choices=Kind.choices)
    key = models.CharField(max_length=300)  # the normalised name (progress.portfolio.normalised)
    same = models.BooleanField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team", "kind", "key"], name="one_decision_per_shared_name")]

    def __str__(self):
        return f"{self.kind} {self.key}: {'same' if self.same else 'different'}"


class PortfolioStamp(models.Model):
    """When anything of a team's progress last changed: a value, a mark, a setting, a decision on a shared name.
    Written in the same transaction as the change (progress.services), so the portfolio, kept whole, knows in one
    small query that it has to be drawn again."""

    team = models.OneToOneField("teams.Team", on_delete=models.CASCADE, primary_key=True, related_name="+")
    version = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"progress of team {self.team_id}, version {self.version}"
