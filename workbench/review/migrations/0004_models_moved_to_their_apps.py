"""The review's models now belong to comments, workflow, sharing and notifications (their 0001 migrations take
them over with the same tables). This removes them from the review's state only: no table is dropped or renamed."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0003_comment_review_stamp"),
        ("comments", "0001_initial"),
        ("workflow", "0001_initial"),
        ("sharing", "0001_initial"),
        ("notifications", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                # Activity points at Comment: it goes first.
                migrations.DeleteModel(name="Activity"),
                migrations.DeleteModel(name="Notification"),
                migrations.DeleteModel(name="NotificationPreference"),
                migrations.DeleteModel(name="ShareLink"),
                migrations.DeleteModel(name="StateChange"),
                migrations.DeleteModel(name="Comment"),
            ],
            database_operations=[],
        ),
    ]
