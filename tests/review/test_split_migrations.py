"""The review's models moved to four apps without touching a table: a database migrated before the move keeps
every comment, step, link, notification and line of activity, now read through the new apps' models."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from workbench.comments.models import Comment
from workbench.notifications.models import Activity, Notification, NotificationPreference
from workbench.sharing.models import ShareLink
from workbench.workflow.models import StateChange

BEFORE = [("review", "0003_comment_review_stamp")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_rows_written_before_the_move_are_read_by_the_new_apps(people, canvas):
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    tables_before = set(connection.introspection.table_names())
    old = _migrate(BEFORE)
    assert set(connection.introspection.table_names()) == tables_before, "going back dropped or made a table"
    owner, reviewer = people["owner"].pk, people["reviewer"].pk
    OldComment = old.get_model("review", "Comment")
    thread = OldComment.objects.create(canvas_id=canvas.pk, revision=1, author_id=reviewer, body="Whose baseline?")
    OldComment.objects.create(canvas_id=canvas.pk, parent=thread, revision=1, author_id=owner, body="The council's.")
    old.get_model("review", "StateChange").objects.create(
        canvas_id=canvas.pk, from_status="draft", to_status="in_review", by_id=owner, revision=1
    )
    old.get_model("review", "ShareLink").objects.create(
        canvas_id=canvas.pk, token="t" * 43, label="Partnership board", created_by_id=owner
    )
    old.get_model("review", "Activity").objects.create(
        team_id=canvas.team_id, canvas_id=canvas.pk, actor_id=reviewer, verb="commented", revision=1, thread=thread
    )
    old.get_model("review", "Notification").objects.create(
        user_id=owner, kind="comment", canvas_id=canvas.pk, text="A comment", url="/"
    )
    old.get_model("review", "NotificationPreference").objects.create(user_id=owner, email=False)

    _migrate(leaves)

    assert set(connection.introspection.table_names()) == tables_before, "the move dropped or made a table"
    moved = Comment.objects.get(pk=thread.pk)
    assert (moved.body, [r.body for r in moved.replies.all()]) == ("Whose baseline?", ["The council's."])
    assert StateChange.objects.get(canvas=canvas).to_status == "in_review"
    assert ShareLink.objects.get(canvas=canvas).label == "Partnership board"
    assert Activity.objects.get(canvas=canvas).thread == moved
    assert Notification.objects.get(user_id=owner).text == "A comment"
    assert NotificationPreference.objects.get(user_id=owner).email is False
