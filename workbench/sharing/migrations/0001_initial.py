"""The review's table as this app's model, without touching the database.

The review app made the table (review/migrations/0001 to 0003) and the model keeps its name (`db_table`) and
index names: this migration only tells Django's state that the model now belongs here; review 0004
removes it from the review's state.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import workbench.sharing.models


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
                    name="ShareLink",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "token",
                            models.CharField(
                                default=workbench.sharing.models.new_share_token, max_length=64, unique=True
                            ),
                        ),
                        ("label", models.CharField(blank=True, max_length=120)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("revoked_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "canvas",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="share_links",
                                to="canvases.canvas",
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "revoked_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "review_sharelink",
                        "ordering": ["-created_at", "-pk"],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
