"""Share links: read-only, unguessable, revocable; through one you see one canvas and nothing else."""

import math

import pytest
from django.urls import reverse

from tests.factories import edit, make_canvas, publish
from workbench.comments.models import Comment
from workbench.sharing import services as sharing
from workbench.sharing.models import ShareLink

HOLDERS = ["share link holder", "revoked link holder"]


@pytest.fixture
def links(canvas, people):
    publish(canvas, people)
    live = sharing.create_share_link(canvas=canvas, user=people["owner"], label="Board")
    revoked = sharing.create_share_link(canvas=canvas, user=people["owner"])
    sharing.revoke_share_link(link=revoked, user=people["owner"])
    return {"share link holder": live, "revoked link holder": revoked}


def test_the_token_is_unguessable(links):
    token = links["share link holder"].token
    # URL-safe base64: 6 bits a character.
    assert len(token) * 6 >= 256
    assert math.log2(64) * len(token) >= 128
    assert ShareLink.objects.values("token").distinct().count() == 2


@pytest.mark.parametrize(
    ("role", "name", "method", "expected"),
    [
        ("share link holder", "sharing:shared", "get", 200),
        ("share link holder", "sharing:shared_pdf", "get", 200),
        ("share link holder", "sharing:shared", "post", 405),
        ("revoked link holder", "sharing:shared", "get", 404),
        ("revoked link holder", "sharing:shared_pdf", "get", 404),
    ],
)
def test_share_link_views_by_holder(client, links, role, name, method, expected):
    response = getattr(client, method)(reverse(name, kwargs={"token": links[role].token}))
    assert response.status_code == expected


@pytest.mark.parametrize("role", HOLDERS)
@pytest.mark.parametrize(
    ("name", "method", "kwargs"),
    [
        ("canvases:detail", "get", lambda c: {"pk": c.pk}),
        ("canvases:edit", "post", lambda c: {"pk": c.pk}),
        ("canvases:export", "get", lambda c: {"pk": c.pk}),
        ("comments:add", "post", lambda c: {"pk": c.pk}),
        ("comments:list", "get", lambda c: {"pk": c.pk}),
        ("workflow:timeline", "get", lambda c: {"pk": c.pk}),
        ("sharing:links", "get", lambda c: {"pk": c.pk}),
    ],
)
def test_a_holder_cannot_edit_comment_or_see_more(client, canvas, links, role, name, method, kwargs):
    client.get(reverse("sharing:shared", kwargs={"token": links[role].token}))
    response = getattr(client, method)(reverse(name, kwargs=kwargs(canvas)), {"body": "hi", "target": ""})
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert not Comment.objects.exists()


def test_the_shared_page_reads_but_offers_no_edit_or_comment(client, canvas, links):
    other = make_canvas(canvas.team, None, title="Another mission of the team")
    response = client.get(reverse("sharing:shared", kwargs={"token": links["share link holder"].token}))
    page = response.content.decode()
    assert canvas.document["statement"] in page
    assert "Metric 1" in page
    assert reverse("canvases:edit", kwargs={"pk": canvas.pk}) not in page
    assert "Add comment" not in page and 'name="body"' not in page
    assert other.title not in page and canvas.team.slug not in page
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]


def test_the_pdf_through_a_share_link(client, links):
    response = client.get(reverse("sharing:shared_pdf", kwargs={"token": links["share link holder"].token}))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_a_pdf_not_made_yet_shows_the_preparing_page_which_waits_for_the_worker_outside_the_request(
    client, links, settings
):
    from workbench.pdf import services as pdf
    from workbench.pdf.models import OnePager

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    token = links["share link holder"].token
    url = reverse("sharing:shared_pdf", kwargs={"token": token})

    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 202 and "Preparing your one-pager" in html and "Queued" in html
    assert f'hx-get="{url}status/?layout=a4"' in html
    assert page["Referrer-Policy"] == "no-referrer" and "noindex" in page["X-Robots-Tag"]
    assert page["Cache-Control"] == "private, no-store"
    one_pager = OnePager.objects.get()
    assert one_pager.revision == links["share link holder"].canvas.published_revision

    status = client.get(url + "status/", {"layout": "a4"})
    assert "Queued" in status.content.decode() and status["Referrer-Policy"] == "no-referrer"
    pdf.render(one_pager.pk)  # the worker
    assert "Ready" in client.get(url + "status/", {"layout": "a4"}).content.decode()
    assert client.get(url)["Content-Type"] == "application/pdf"

    OnePager.objects.update(status=OnePager.Status.FAILED, error="the renderer stopped")
    assert "Could not be made" in client.get(url + "status/", {"layout": "a4"}).content.decode()
    retried = client.post(url + "retry/?layout=a4")
    assert retried.status_code == 302 and retried.url == f"{url}?layout=a4"
    assert OnePager.objects.get().status == OnePager.Status.QUEUED


def test_revoking_asks_first_and_then_the_link_answers_404(client_for, canvas, people):
    publish(canvas, people)
    link = sharing.create_share_link(canvas=canvas, user=people["owner"])
    owner = client_for("owner")
    url = reverse("sharing:revoke", kwargs={"pk": canvas.pk, "link_pk": link.pk})
    assert "Revoke" in owner.get(url).content.decode()
    assert owner.get(reverse("sharing:shared", kwargs={"token": link.token})).status_code == 200
    owner.post(url)
    assert owner.get(reverse("sharing:shared", kwargs={"token": link.token})).status_code == 404


def test_a_binned_canvas_is_not_shared(client, canvas, people, links):
    from workbench.canvases import services as canvases

    canvases.move_to_bin(canvas=canvas, user=people["owner"])
    assert client.get(reverse("sharing:shared", kwargs={"token": links["share link holder"].token})).status_code == 404


def test_the_owner_sees_the_links_and_who_made_them(client_for, canvas, links):
    page = client_for("owner").get(reverse("sharing:links", kwargs={"pk": canvas.pk})).content.decode()
    assert links["share link holder"].token in page
    assert links["revoked link holder"].token not in page
    assert "Revoked" in page and "Board" in page


# ------------------------------------------------------------------ a share link shows the published revision only


def test_a_link_to_a_canvas_never_published_shows_nothing_of_it(client, canvas, people):
    link = sharing.create_share_link(canvas=canvas, user=people["owner"])
    for name in ("sharing:shared", "sharing:shared_pdf"):
        response = client.get(reverse(name, kwargs={"token": link.token}))
        page = response.content.decode(errors="replace")
        assert response.status_code == 404
        assert canvas.document["statement"] not in page and canvas.title not in page
    assert "Not published yet" in client.get(reverse("sharing:shared", kwargs={"token": link.token})).content.decode()


def test_edits_after_publication_stay_in_draft_and_the_link_keeps_the_published_revision(client, canvas, people):
    publish(canvas, people)
    published_statement = canvas.document["statement"]
    link = sharing.create_share_link(canvas=canvas, user=people["owner"])
    edit(canvas, people["editor"], title="Unreviewed title", statement="By 2030 an unreviewed draft statement.")
    assert canvas.status == "draft" and canvas.revision_number == 2 and canvas.published_revision.number == 1

    page = client.get(reverse("sharing:shared", kwargs={"token": link.token})).content.decode()
    assert published_statement in page and "published revision 1" in page
    assert "unreviewed" not in page.lower()

    response = client.get(reverse("sharing:shared_pdf", kwargs={"token": link.token}))
    assert response.content.startswith(b"%PDF")
    assert "-r1-a4.pdf" in response["Content-Disposition"]

    change = canvas.state_changes.order_by("-at").first()
    assert (change.from_status, change.to_status, change.revision) == ("published", "draft", 2)
    assert change.comment == "Edited after publication" and change.automatic


def test_the_canvas_page_says_what_is_published_and_publishing_again_moves_the_pointer(client_for, canvas, people):
    publish(canvas, people)
    link = sharing.create_share_link(canvas=canvas, user=people["owner"])
    edit(canvas, people["editor"], statement="By 2031 nobody in the borough goes hungry, a revised statement.")
    page = client_for("viewer").get(canvas.get_absolute_url()).content.decode()
    assert "Published revision 1" in page and "changes since are in draft" in page
    assert "?a=1&amp;b=2" in page

    publish(canvas, people)
    assert canvas.published_revision.number == 2 and canvas.approved_revision.number == 2
    assert (
        "By 2031 nobody"
        in client_for("anonymous").get(reverse("sharing:shared", kwargs={"token": link.token})).content.decode()
    )
    assert "Published revision" not in client_for("viewer").get(canvas.get_absolute_url()).content.decode()


def test_the_timeline_says_which_revision_each_decision_was_about(client_for, canvas, people):
    publish(canvas, people)
    edit(canvas, people["editor"], statement="By 2031 nobody in the borough goes hungry, a revised statement.")
    page = client_for("viewer").get(reverse("workflow:timeline", kwargs={"pk": canvas.pk})).content.decode()
    assert page.count("revision 1") >= 3  # submitted, approved and published at revision 1
    assert "by the edit that made revision 2" in page
