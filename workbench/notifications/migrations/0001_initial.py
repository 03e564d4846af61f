"""The review's tables as this app's models, without touching the database.

The review app made the tables (review/migrations/0001 to 0003) and the models keep their names (`db_table`) and
index names: this migration only tells Django's state that the models now belong here; review 0004
removes them from the review's state.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("canvases", "0002_published_and_approved_revisions"),
        ("review", "0003_comment_review_stamp"),
        ("comments", "0001_initial"),
        ("teams", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="NotificationPreference",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "email",
                            models.BooleanField(default=True, verbose_name="Send me review notifications by e-mail"),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="review_preference",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "review_notificationpreference",
                    },
                ),
                migrations.CreateModel(
                    name="Activity",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "verb",
                            models.CharField(
                                choices=[
                                    ("commented", "commented"),
                                    ("replied", "replied"),
                                    ("resolved", "resolved a thread"),
                                    ("reopened", "reopened a thread"),
                                    ("submitted", "submitted for review"),
                                    ("changes_requested", "requested changes"),
                                    ("approved", "approved"),
                                    ("published", "published"),
                                    ("shared", "created a share link"),
                                    ("unshared", "revoked a share link"),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("at", models.DateTimeField(auto_now_add=True)),
                        ("revision", models.PositiveIntegerField()),
                        ("text", models.CharField(blank=True, max_length=300)),
                        (
                            "actor",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "canvas",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="canvases.canvas"
                            ),
                        ),
                        (
                            "team",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="teams.team"
                            ),
                        ),
                        (
                            "thread",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="comments.comment",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "review_activity",
                        "ordering": ["-at", "-pk"],
                        "indexes": [
                            models.Index(fields=["team", "-at"], name="activity_team_at"),
                            models.Index(fields=["canvas", "-at"], name="activity_canvas_at"),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Notification",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("comment", "Comment"),
                                    ("reply", "Reply"),
                                    ("submitted", "Submitted for review"),
                                    ("decision", "Review decision"),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("text", models.CharField(max_length=300)),
                        ("url", models.CharField(max_length=300)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("read_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "canvas",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="canvases.canvas",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notifications",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "review_notification",
                        "ordering": ["-created_at", "-pk"],
                        "indexes": [models.Index(fields=["user", "read_at"], name="notification_user_unread")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
