"""The threads on the canvas page and the comment list are kept rendered between visits: every change to a
comment or to the canvas shows on the next visit, no viewer gets another's page, and the forms in a kept page
carry the viewer's own CSRF token."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from workbench.caching import CSRF_SLOT
from workbench.canvases import services as canvases
from workbench.comments import services as comments
from workbench.comments.models import Comment


def pages(canvas):
    return {
        "canvas page": reverse("canvases:detail", kwargs={"pk": canvas.pk}),
        "comment list": reverse("comments:list", kwargs={"pk": canvas.pk}) + "?state=all",
    }


def without_tokens(page: str) -> str:
    return re.sub(r"[A-Za-z0-9]{64}", "", page)  # each response masks the CSRF token afresh


def seen(client, canvas) -> dict[str, str]:
    """Both pages as the client sees them now, each read twice so the second read comes from the cache."""
    out = {}
    for name, url in pages(canvas).items():
        first = client.get(url).content.decode()
        again = client.get(url).content.decode()
        assert without_tokens(first) == without_tokens(again), name
        assert "{#" not in again and "{%" not in again, f"template syntax shows on the {name}"
        out[name] = again
    return out


def thread_html(page: str, thread_pk: int) -> str:
    match = re.search(rf'<article[^>]*id="thread-{thread_pk}".*?</article>', page, re.S)
    assert match, f"thread {thread_pk} is not on the page"
    return match.group(0)


@pytest.fixture
def reviewer(client_for):
    return client_for("reviewer")


def test_every_change_to_a_comment_shows_on_the_next_visit(canvas, people, reviewer):
    thread = comments.add_comment(canvas=canvas, user=people["editor"], body="Who owns metric one?", item_id="metric-1")
    for page in seen(reviewer, canvas).values():
        assert "Who owns metric one?" in page

    answer = comments.reply(thread=thread, user=people["owner"], body="The public health team.")
    for page in seen(reviewer, canvas).values():
        assert "The public health team." in thread_html(page, thread.pk)

    comments.edit_comment(comment=answer, user=people["owner"], body="The public health team, with schools.")
    for page in seen(reviewer, canvas).values():
        assert "with schools." in thread_html(page, thread.pk)
        assert ">edited</span>" in thread_html(page, thread.pk)

    comments.resolve_thread(thread=thread, user=people["editor"])
    for page in seen(reviewer, canvas).values():
        assert "Resolved</span>" in thread_html(page, thread.pk)

    comments.reopen_thread(thread=Comment.objects.get(pk=thread.pk), user=people["editor"])
    for page in seen(reviewer, canvas).values():
        assert "Resolved</span>" not in thread_html(page, thread.pk)

    comments.delete_comment(comment=Comment.objects.get(pk=answer.pk), user=people["owner"])
    for page in seen(reviewer, canvas).values():
        assert "The public health team" not in page

    second = comments.add_comment(canvas=canvas, user=people["editor"], body="And the baseline?", section="metrics")
    for name, page in seen(reviewer, canvas).items():
        assert "And the baseline?" in thread_html(page, second.pk), name


def test_a_new_revision_of_the_canvas_shows_on_the_kept_threads(canvas, people, reviewer):
    thread = comments.add_comment(canvas=canvas, user=people["editor"], body="Is 50 % bold?", item_id="metric-1")
    for page in seen(reviewer, canvas).values():
        assert "Changed since revision" not in thread_html(page, thread.pk)
    document = {**canvas.document, "metrics": [dict(m) for m in canvas.document["metrics"]]}
    document["metrics"][0]["name"] = "Children eating a hot meal at school"
    canvases.save_canvas(canvas=canvas, user=people["editor"], document=document, base_revision=1)
    canvas.refresh_from_db()
    for page in seen(reviewer, canvas).values():
        assert "Changed since revision 1" in thread_html(page, thread.pk)


def test_each_viewer_gets_their_own_links_and_rights(canvas, people, client_for):
    mine = comments.add_comment(canvas=canvas, user=people["reviewer"], body="My own remark.", section="story")
    edit_link = reverse("comments:edit", kwargs={"comment_pk": mine.pk})
    for page in seen(client_for("reviewer"), canvas).values():
        assert edit_link in page
        assert "Send reply" in page
    for page in seen(client_for("editor"), canvas).values():
        assert edit_link not in page  # not theirs to edit, though the reviewer's page is kept
        assert "Send reply" in page
    for page in seen(client_for("viewer"), canvas).values():
        assert edit_link not in page
        assert "Send reply" not in page  # a viewer reads the threads but has no forms


def test_forms_in_a_kept_page_carry_the_viewers_own_token(canvas, people):
    thread = comments.add_comment(canvas=canvas, user=people["editor"], body="Who owns metric one?", item_id="metric-1")
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["reviewer"])
    url = pages(canvas)["canvas page"]
    client.get(url)
    page = client.get(url).content.decode()  # from the cache
    assert CSRF_SLOT not in page
    form = re.search(
        r'<form method="post" action="([^"]*/reply/)".*?name="csrfmiddlewaretoken" value="([^"]+)"', page, re.S
    )
    assert form, "the reply form is missing"
    action, token = form.groups()
    assert action == reverse("comments:reply", kwargs={"comment_pk": thread.pk})

    response = client.post(action, {"csrfmiddlewaretoken": token, "body": "The public health team.", "next": url})
    assert response.status_code == 302
    assert thread.replies.get().body == "The public health team."

    someone_else = Client(enforce_csrf_checks=True)
    someone_else.force_login(people["editor"])
    someone_else.get(url)
    refused = someone_else.post(action, {"csrfmiddlewaretoken": token, "body": "Not mine to send."})
    assert refused.status_code == 403  # the token in the reviewer's page is the reviewer's alone
