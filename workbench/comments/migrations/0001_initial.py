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
                    name="Comment",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("section", models.CharField(blank=True, max_length=40)),
                        ("item_id", models.CharField(blank=True, max_length=60)),
                        ("revision", models.PositiveIntegerField()),
                        ("snapshot", models.JSONField(blank=True, null=True)),
                        ("body", models.TextField()),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("edited_at", models.DateTimeField(blank=True, null=True)),
                        ("deleted_at", models.DateTimeField(blank=True, null=True)),
                        ("resolved_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "author",
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
                                related_name="comments",
                                to="canvases.canvas",
                            ),
                        ),
                        (
                            "parent",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="replies",
                                to="comments.comment",
                            ),
                        ),
                        (
                            "resolved_by",
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
                        "db_table": "review_comment",
                        "ordering": ["created_at", "pk"],
                        "indexes": [
                            models.Index(
                                fields=["canvas", "created_at", "edited_at", "deleted_at", "resolved_at", "parent"],
                                name="comment_review_stamp",
                            ),
                            models.Index(
                                fields=["canvas", "parent", "section", "item_id", "resolved_at", "created_at"],
                                name="comment_thread_target",
                            ),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
