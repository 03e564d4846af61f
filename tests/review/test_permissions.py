"""Rows the main matrix cannot hold: a comment's own author, and other teams' comments."""

import pytest
from django.urls import reverse

from tests.factories import make_canvas
from workbench.comments import services as comments


@pytest.mark.parametrize("author", ["reviewer", "editor", "owner"])
@pytest.mark.parametrize("name", ["comments:edit", "comments:delete"])
def test_authors_and_only_authors_change_their_comments(client_for, canvas, people, author, name):
    comment = comments.add_comment(canvas=canvas, user=people[author], body="Mine", section="story")
    for role in ["anonymous", "outsider", "viewer", "reviewer", "editor", "owner"]:
        response = client_for(role).get(reverse(name, kwargs={"comment_pk": comment.pk}))
        expected = {"anonymous": 302, "outsider": 404}.get(role, 200 if role == author else 403)
        assert response.status_code == expected, role


def test_a_member_who_became_a_viewer_no_longer_edits_their_comment(client_for, canvas, people):
    comment = comments.add_comment(canvas=canvas, user=people["reviewer"], body="Mine", section="story")
    people["team"].memberships.filter(user=people["reviewer"]).update(role="viewer")
    response = client_for("reviewer").get(reverse("comments:edit", kwargs={"comment_pk": comment.pk}))
    assert response.status_code == 403


def test_another_teams_comment_answers_404(client_for, people):
    other = make_canvas(people["outsider"].teams.get(), people["outsider"])
    comment = comments.add_comment(canvas=other, user=people["outsider"], body="Ours", section="story")
    for name in ["comments:reply", "comments:edit", "comments:delete"]:
        assert client_for("owner").get(reverse(name, kwargs={"comment_pk": comment.pk})).status_code == 404
    response = client_for("owner").post(reverse("comments:resolve", kwargs={"comment_pk": comment.pk}))
    assert response.status_code == 404


def test_unknown_workflow_step_is_404(client_for, canvas):
    response = client_for("owner").get(reverse("workflow:transition", kwargs={"pk": canvas.pk, "action": "delete"}))
    assert response.status_code == 404
