"""The review's table as this app's model, without touching the database.

The review app made the table (review/migrations/0001 to 0003) and the model keeps its name (`db_table`) and
index names: this migration only tells Django's state that the model now belongs here; review 0004
removes it from the review's state.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("canvases", "0002_published_and_approved_revisions"),
        ("review", "0003_comment_review_stamp"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="StateChange",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "from_status",
                            models.CharField(
                                choices=[
                                    ("draft", "Draft"),
                                    ("in_review", "In review"),
                                    ("changes_requested", "Changes requested"),
                                    ("approved", "Approved"),
                                    ("published", "Published"),
                                ],
                                max_length=20,
                            ),
                        ),
                        (
                            "to_status",
                            models.CharField(
                                choices=[
                                    ("draft", "Draft"),
                                    ("in_review", "In review"),
                                    ("changes_requested", "Changes requested"),
                                    ("approved", "Approved"),
                                    ("published", "Published"),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("at", models.DateTimeField(auto_now_add=True)),
                        ("revision", models.PositiveIntegerField()),
                        ("comment", models.TextField(blank=True)),
                        (
                            "by",
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
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="state_changes",
                                to="canvases.canvas",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "review_statechange",
                        "ordering": ["-at", "-pk"],
                        "indexes": [models.Index(fields=["canvas", "-at"], name="statechange_canvas_at")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
