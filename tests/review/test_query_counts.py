"""The review's pages run the same number of SQL queries however many comments, replies and steps there are."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from workbench.canvases import services as canvases
from workbench.comments import services as comments
from workbench.comments.models import Comment
from workbench.workflow import services as workflow


def queries_for(client, url) -> int:
    """Queries of a view that renders everything afresh: the review's cached fragments are dropped first."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def add_comments(canvas, people, n):
    """n comments: threads on items, sections and the canvas, with replies, some resolved, authors varied."""
    targets = [{"item_id": "metric-1"}, {"item_id": "lever-2"}, {"section": "story"}, {}]
    authors = [people["reviewer"], people["editor"], people["owner"]]
    thread = None
    for i in range(n):
        if i % 3 == 2 and thread is not None:
            comments.reply(thread=thread, user=authors[i % 3], body=f"Reply {i}")
            continue
        thread = comments.add_comment(canvas=canvas, user=authors[i % 3], body=f"Comment {i}", **targets[i % 4])
        if i % 5 == 0:
            comments.resolve_thread(thread=thread, user=people["editor"])


def test_the_canvas_page_runs_as_many_queries_with_200_comments_as_with_one_thread(client_for, canvas, people):
    client = client_for("reviewer")
    url = reverse("canvases:detail", kwargs={"pk": canvas.pk})
    add_comments(canvas, people, 3)  # a thread with a reply, and a second thread
    client.get(url)  # warm the session
    few = queries_for(client, url)
    add_comments(canvas, people, 197)
    workflow.submit_for_review(canvas=canvas, user=people["editor"])
    canvases.save_canvas(
        canvas=canvas, user=people["editor"], document={**canvas.document, "near_term": "x"}, base_revision=1
    )
    assert Comment.objects.filter(canvas=canvas).count() == 200
    many = queries_for(client, url)
    assert (few, many) == (10, 10)


@pytest.mark.parametrize(("view", "pinned"), [("comments:list", 10), ("workflow:timeline", 9)])
def test_comment_list_and_timeline_do_not_grow(client_for, canvas, people, view, pinned):
    client = client_for("viewer")
    url = reverse(view, kwargs={"pk": canvas.pk})
    add_comments(canvas, people, 3)
    client.get(url)
    few = queries_for(client, url)
    add_comments(canvas, people, 60)
    assert (few, queries_for(client, url)) == (pinned, pinned)


def test_activity_and_notifications_do_not_grow(client_for, canvas, people):
    client = client_for("owner")
    urls = [reverse("notifications:activity", kwargs={"slug": people["team"].slug}), reverse("notifications:list")]
    add_comments(canvas, people, 3)
    client.get(urls[0])
    few = [queries_for(client, url) for url in urls]
    add_comments(canvas, people, 60)
    assert (few, [queries_for(client, url) for url in urls]) == ([8, 5], [8, 5])
