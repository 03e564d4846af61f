"""The team's activity feed: edits, comments and decisions, newest first, a page at a time."""

from django.urls import reverse

from tests.factories import make_canvas
from workbench.canvases import services as canvases
from workbench.comments import services as comments
from workbench.workflow import services as workflow


def test_edits_comments_and_decisions_newest_first(client_for, canvas, people):
    comments.add_comment(canvas=canvas, user=people["reviewer"], body="Which survey?", item_id="rc-1")
    canvases.save_canvas(
        canvas=canvas, user=people["editor"], document={**canvas.document, "near_term": "Now"}, base_revision=1
    )
    workflow.submit_for_review(canvas=canvas, user=people["editor"])
    page = (
        client_for("viewer")
        .get(reverse("notifications:activity", kwargs={"slug": people["team"].slug}))
        .content.decode()
    )
    assert page.index("submitted for review") < page.index("edited") < page.index("Which survey?")
    assert page.index("Which survey?") < page.rindex("edited")  # the first revision is the oldest line


def test_another_teams_activity_stays_out(client_for, people):
    other = make_canvas(people["outsider"].teams.get(), people["outsider"], title="A secret plan")
    comments.add_comment(canvas=other, user=people["outsider"], body="Internal remark", section="story")
    page = (
        client_for("owner")
        .get(reverse("notifications:activity", kwargs={"slug": people["team"].slug}))
        .content.decode()
    )
    assert "A secret plan" not in page and "Internal remark" not in page
    assert "Nothing has happened yet." in page


def test_the_feed_is_paginated(client_for, canvas, people):
    for n in range(30):
        comments.add_comment(canvas=canvas, user=people["reviewer"], body=f"Note {n:02d}", section="story")
    client = client_for("viewer")
    url = reverse("notifications:activity", kwargs={"slug": people["team"].slug})
    first = client.get(url).content.decode()
    assert "Note 29" in first and "Note 05" in first and "Note 04" not in first
    assert 'href="?page=2" rel="next">Older</a>' in first
    second = client.get(url, {"page": 2}).content.decode()
    assert "Note 04" in second and "Note 00" in second and "Note 29" not in second
    assert 'href="?page=1" rel="prev">Newer</a>' in second and ">Older</a>" not in second
    beyond = client.get(url, {"page": 9}).content.decode()  # an old link past the end: the last page there is
    assert "Note 04" in beyond and "Page 2" in beyond
    assert client.get(url, {"page": "last"}).content.decode().count("Note ") == 25  # nonsense: the first page


def test_a_line_shows_what_changed_since_it_was_last_shown(client_for, canvas, people):
    comment = comments.add_comment(canvas=canvas, user=people["reviewer"], body="Which survey?", section="story")
    client = client_for("viewer")
    url = reverse("notifications:activity", kwargs={"slug": people["team"].slug})
    assert "Which survey?" in client.get(url).content.decode()
    people["reviewer"].first_name, people["reviewer"].last_name = "Rosa", "Reviewer"
    people["reviewer"].save()
    comments.delete_comment(comment=comment, user=people["reviewer"])
    canvases.save_canvas(
        canvas=canvas,
        user=people["editor"],
        document={**canvas.document, "title": "Good food, renamed"},
        base_revision=1,
    )
    page = client.get(url).content.decode()
    assert "Which survey?" not in page  # the comment's text leaves the feed with the comment
    assert "Rosa Reviewer" in page
    assert page.count("Good food, renamed") >= 3  # every line names the canvas by its new title
