"""Comment threads: where they point, how they fare when the canvas changes, replies, edits, resolving."""

import pytest
from django.urls import reverse

from workbench.canvases import services as canvases
from workbench.comments import services as comments
from workbench.comments.models import Comment
from workbench.comments.selectors import PANEL_THREADS, threads_of


def edit(canvas, user, change):
    document = {**canvas.document}
    change(document)
    canvases.save_canvas(canvas=canvas, user=user, document=document, base_revision=canvas.revision_number)
    canvas.refresh_from_db()


def set_metric(doc, position, **fields):
    doc["metrics"] = [dict(m) for m in doc["metrics"]]
    doc["metrics"][position].update(fields)


def only_thread(canvas):
    (thread,) = threads_of(canvas)
    return thread


def test_a_comment_records_the_revision_and_the_item_as_it_stood(canvas, people):
    comment = comments.add_comment(canvas=canvas, user=people["reviewer"], body="Is 50 % bold?", item_id="metric-1")
    assert comment.revision == canvas.revision_number == 1
    assert comment.section == "metrics"
    assert comment.snapshot["name"] == "Metric 1"


def test_a_comment_on_a_metric_survives_edits_of_other_items(canvas, people):
    comments.add_comment(canvas=canvas, user=people["reviewer"], body="Is 50 % bold?", item_id="metric-1")
    edit(canvas, people["editor"], lambda d: set_metric(d, 1, name="Metric 2, renamed"))
    edit(canvas, people["editor"], lambda d: d.update(near_term="Breakfast clubs in every school."))
    thread = only_thread(canvas)
    assert thread.state == "current"
    assert thread.changes == []
    assert thread.anchor == "item-metric-1"


def test_a_comment_is_flagged_after_an_edit_of_its_metric_and_shows_the_change(canvas, people, client_for):
    comments.add_comment(canvas=canvas, user=people["reviewer"], body="Is 50 % bold?", item_id="metric-1")
    edit(canvas, people["editor"], lambda d: set_metric(d, 0, target={"value": 90, "year": 2030}))
    thread = only_thread(canvas)
    assert thread.state == "changed"
    assert [(c.field, c.old, c.new) for c in thread.changes] == [
        ("target", "value: 50; year: 2030", "value: 90; year: 2030")
    ]
    page = client_for("viewer").get(reverse("canvases:detail", kwargs={"pk": canvas.pk})).content.decode()
    assert "Changed since revision 1" in page
    assert "value: 90; year: 2030" in page


def test_a_comment_on_a_removed_item_stays_readable(canvas, people, client_for):
    comments.add_comment(canvas=canvas, user=people["reviewer"], body="Where is this figure from?", item_id="metric-2")
    edit(canvas, people["editor"], lambda d: d.update(metrics=d["metrics"][:1]))
    thread = only_thread(canvas)
    assert thread.state == "removed"
    assert thread.target_label == "Metric 2"
    for url in [
        reverse("canvases:detail", kwargs={"pk": canvas.pk}),
        reverse("comments:list", kwargs={"pk": canvas.pk}),
    ]:
        page = client_for("viewer").get(url).content.decode()
        assert "Where is this figure from?" in page
        assert "Item removed from the canvas" in page


def test_a_comment_on_a_section_is_flagged_when_the_section_changes(canvas, people):
    comments.add_comment(canvas=canvas, user=people["reviewer"], body="Plainer words?", section="story")
    edit(canvas, people["editor"], lambda d: set_metric(d, 0, name="Renamed"))
    assert only_thread(canvas).state == "current"
    edit(canvas, people["editor"], lambda d: d.update(story={**d["story"], "why_now": "Prices doubled."}))
    thread = only_thread(canvas)
    assert thread.state == "changed"
    assert thread.changes[0].field == "why now"


def test_a_comment_on_an_item_that_is_not_there_is_refused(canvas, people):
    with pytest.raises(comments.CommentError, match="no longer on the canvas"):
        comments.add_comment(canvas=canvas, user=people["reviewer"], body="?", item_id="metric-99")


def test_reply_edit_resolve_reopen_through_the_pages(canvas, people, client_for):
    client = client_for("reviewer")
    response = client.post(
        reverse("comments:add", kwargs={"pk": canvas.pk}), {"target": "item:metric-1", "body": "Baseline year?"}
    )
    thread = Comment.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"#thread-{thread.pk}")

    client = client_for("editor")
    client.post(reverse("comments:reply", kwargs={"comment_pk": thread.pk}), {"body": "2023, from the survey."})
    client.post(reverse("comments:resolve", kwargs={"comment_pk": thread.pk}))
    thread.refresh_from_db()
    assert thread.resolved_by == people["editor"]
    assert [c.body for c in thread.replies.all()] == ["2023, from the survey."]

    client = client_for("reviewer")
    client.post(reverse("comments:edit", kwargs={"comment_pk": thread.pk}), {"body": "Which baseline year?"})
    client.post(reverse("comments:reopen", kwargs={"comment_pk": thread.pk}))
    thread.refresh_from_db()
    assert thread.body == "Which baseline year?" and thread.edited_at is not None
    assert thread.resolved_at is None


def test_an_empty_comment_keeps_the_choice_and_says_why(canvas, client_for):
    response = client_for("reviewer").post(
        reverse("comments:add", kwargs={"pk": canvas.pk}), {"target": "item:lever-2", "body": "   "}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "This field is required." in page
    assert '<option value="item:lever-2" selected>' in page
    assert not Comment.objects.exists()


def test_only_the_author_edits_or_deletes_a_comment(canvas, people, client_for):
    comment = comments.add_comment(canvas=canvas, user=people["reviewer"], body="Mine", section="levers")
    with pytest.raises(comments.CommentError):
        comments.edit_comment(comment=comment, user=people["editor"], body="Theirs")
    response = client_for("editor").post(reverse("comments:delete", kwargs={"comment_pk": comment.pk}))
    assert response.status_code == 403
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_deleting_the_first_comment_keeps_the_replies(canvas, people, client_for):
    thread = comments.add_comment(canvas=canvas, user=people["reviewer"], body="Start", section="levers")
    comments.reply(thread=thread, user=people["editor"], body="An answer")
    response = client_for("reviewer").post(reverse("comments:delete", kwargs={"comment_pk": thread.pk}))
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.deleted_at is not None and thread.body == ""
    page = client_for("viewer").get(reverse("canvases:detail", kwargs={"pk": canvas.pk})).content.decode()
    assert "This comment was deleted by its author." in page and "An answer" in page


def test_deleting_asks_first(canvas, people, client_for):
    comment = comments.add_comment(canvas=canvas, user=people["reviewer"], body="Keep?", section="levers")
    response = client_for("reviewer").get(reverse("comments:delete", kwargs={"comment_pk": comment.pk}))
    assert "Delete your comment?" in response.content.decode()
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_comment_text_is_escaped(canvas, people, client_for):
    comments.add_comment(canvas=canvas, user=people["reviewer"], body="<script>alert(1)</script>", section="story")
    page = client_for("viewer").get(reverse("canvases:detail", kwargs={"pk": canvas.pk})).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_viewers_read_comments_but_have_no_form(canvas, people, client_for):
    comments.add_comment(canvas=canvas, user=people["reviewer"], body="Readable", section="story")
    page = client_for("viewer").get(reverse("canvases:detail", kwargs={"pk": canvas.pk})).content.decode()
    assert "Readable" in page
    assert 'id="new-comment"' not in page
    assert "Reply" not in page


def test_the_canvas_page_counts_open_comments_per_section(canvas, people, client_for):
    comments.add_comment(canvas=canvas, user=people["reviewer"], body="a", item_id="metric-1")
    comments.add_comment(canvas=canvas, user=people["reviewer"], body="b", item_id="metric-2")
    resolved = comments.add_comment(canvas=canvas, user=people["reviewer"], body="c", section="story")
    comments.resolve_thread(thread=resolved, user=people["editor"])
    page = client_for("viewer").get(reverse("canvases:detail", kwargs={"pk": canvas.pk})).content.decode()
    assert 'data-review-section="section-metrics" data-review-count="2"' in page
    assert 'data-review-section="section-story" data-review-count="0"' in page
    assert "Success metrics</a>: 2 open" in page
    assert "Story</a>: 0 open, 1 resolved" in page
    assert 'data-item="item-metric-1" data-count="1"' in page


def test_the_comment_list_filters_by_state_section_and_author(canvas, people, client_for):
    comments.add_comment(canvas=canvas, user=people["reviewer"], body="Open on metrics", item_id="metric-1")
    comments.add_comment(canvas=canvas, user=people["editor"], body="Open on story by editor", section="story")
    done = comments.add_comment(canvas=canvas, user=people["reviewer"], body="Resolved on levers", section="levers")
    comments.resolve_thread(thread=done, user=people["reviewer"])
    client = client_for("viewer")
    url = reverse("comments:list", kwargs={"pk": canvas.pk})

    def bodies(**query):
        page = client.get(url, query).content.decode()
        return {b for b in ["Open on metrics", "Open on story by editor", "Resolved on levers"] if b in page}

    assert bodies() == {"Open on metrics", "Open on story by editor"}
    assert bodies(state="resolved") == {"Resolved on levers"}
    assert bodies(state="all", section="metrics") == {"Open on metrics"}
    assert bodies(state="all", author="editor") == {"Open on story by editor"}
    assert "No threads match these filters." in client.get(url, {"section": "governance"}).content.decode()


def test_a_canvas_under_heavy_review_shows_the_first_threads_and_links_to_the_rest(client_for, people, canvas):
    for n in range(25):
        comments.add_comment(canvas=canvas, user=people["reviewer"], body=f"Point {n} on the story", section="story")
    page = client_for("viewer").get(canvas.get_absolute_url()).content.decode()
    assert page.count("Point ") == PANEL_THREADS == 8
    assert "17 more threads on story in the comment list" in page
    assert f"{reverse('comments:list', kwargs={'pk': canvas.pk})}?section=story" in page
