"""Who may open what: every URL of the workbench × every role, in one table.

A canvas or team of another team answers 404, so that its existence does not leak; a member
without the right role gets 403; an anonymous visitor is sent to sign in.
"""

import pytest
from django.urls import get_resolver, reverse
from django.utils.timezone import now

from tests.conftest import ROLES
from tests.factories import edit, make_canvas, publish
from workbench.canvases import services
from workbench.comments import services as comments
from workbench.examples.models import Example
from workbench.examples.services import read_seed, seeds_dir
from workbench.mailing.models import OutgoingMail
from workbench.notifications.models import Notification
from workbench.progress import services as progress
from workbench.sharing import services as sharing
from workbench.teams.models import Invitation

# The one-pager's rows ask who may download it: each distinct one-pager is laid out once per test process.
pytestmark = pytest.mark.usefixtures("same_html_same_pdf")

LOGIN = "login"
DRAFT_STATEMENT = "By 2031 a draft statement that was never reviewed nor published."
MEMBERS = {"viewer": 200, "reviewer": 200, "editor": 200, "owner": 200}
WRITERS = {"viewer": 403, "reviewer": 403, "editor": 200, "owner": 200}
OWNERS = {"viewer": 403, "reviewer": 403, "editor": 403, "owner": 200}
COMMENTERS = {"viewer": 403, "reviewer": 200, "editor": 200, "owner": 200}
DECIDERS = {"viewer": 403, "reviewer": 200, "editor": 403, "owner": 403}
SIGNED_IN = {r: (LOGIN if r == "anonymous" else 200) for r in ROLES}


def worked_example(context) -> dict:
    """The kwargs of an example's URLs; the example is loaded from its seed file the first time it is asked for."""
    path = seeds_dir() / "camden-food.json"
    document = read_seed(path)
    example, _ = Example.objects.get_or_create(
        slug=path.stem,
        defaults={"title": document["title"], "source_file": path.name, "document": document, "loaded_at": now()},
    )
    return {"slug": example.slug}


def expect(members, *, anonymous=LOGIN, outsider=404, ok=200):
    table = {"anonymous": anonymous, "outsider": outsider}
    table.update({role: (ok if code == 200 else code) for role, code in members.items()})
    return table


# name, method, how to build the URL's kwargs, what each role gets
MATRIX = [
    ("teams:home", "get", lambda c: {}, {r: (LOGIN if r == "anonymous" else 200) for r in ROLES}),
    ("teams:create", "get", lambda c: {}, {r: (LOGIN if r == "anonymous" else 200) for r in ROLES}),
    ("canvases:dashboard", "get", lambda c: {"slug": c["team"].slug}, expect(MEMBERS)),
    ("teams:members", "get", lambda c: {"slug": c["team"].slug}, expect(MEMBERS)),
    ("teams:members", "post", lambda c: {"slug": c["team"].slug}, expect(OWNERS, ok=422)),
    (
        "teams:member_role",
        "post",
        lambda c: {"slug": c["team"].slug, "membership_id": c["viewer_membership"]},
        expect(OWNERS, ok=302),
    ),
    (
        "teams:member_remove",
        "get",
        lambda c: {"slug": c["team"].slug, "membership_id": c["viewer_membership"]},
        expect(OWNERS),
    ),
    (
        "teams:invitation_revoke",
        "post",
        lambda c: {"slug": c["team"].slug, "invitation_id": c["invitation"].pk},
        expect(OWNERS, ok=302),
    ),
    # The invitation link itself is the secret: anyone holding it may open it.
    ("teams:invitation", "get", lambda c: {"token": c["invitation"].token}, {r: 200 for r in ROLES}),
    (
        "signup",
        "get",
        lambda c: {"token": c["invitation"].token},
        {r: (200 if r == "anonymous" else 302) for r in ROLES},
    ),
    ("canvases:create", "get", lambda c: {"slug": c["team"].slug}, expect(WRITERS)),
    ("canvases:import", "get", lambda c: {"slug": c["team"].slug}, expect(WRITERS)),
    ("canvases:bin", "get", lambda c: {"slug": c["team"].slug}, expect(MEMBERS)),
    ("canvases:detail", "get", lambda c: {"pk": c["canvas"].pk}, expect(MEMBERS)),
    ("canvases:edit", "get", lambda c: {"pk": c["canvas"].pk}, expect(WRITERS)),
    ("canvases:edit_row", "get", lambda c: {"pk": c["canvas"].pk, "section": "metrics"}, expect(WRITERS)),
    ("canvases:merge", "post", lambda c: {"pk": c["canvas"].pk}, expect(WRITERS, ok=400)),
    ("canvases:history", "get", lambda c: {"pk": c["canvas"].pk}, expect(MEMBERS)),
    ("canvases:compare", "get", lambda c: {"pk": c["canvas"].pk}, expect(MEMBERS)),
    ("canvases:revision_restore", "get", lambda c: {"pk": c["canvas"].pk, "number": 1}, expect(WRITERS)),
    ("canvases:export", "get", lambda c: {"pk": c["canvas"].pk}, expect(MEMBERS)),
    ("canvases:delete", "get", lambda c: {"pk": c["canvas"].pk}, expect(WRITERS)),
    ("canvases:restore", "post", lambda c: {"pk": c["binned"].pk}, expect(WRITERS, ok=302)),
    ("canvases:purge", "get", lambda c: {"pk": c["binned"].pk}, expect(OWNERS)),
    ("canvases:check", "post", lambda c: {"pk": c["canvas"].pk}, expect(WRITERS, ok=204)),
    ("canvases:waiver_add", "get", lambda c: {"pk": c["canvas"].pk}, expect(WRITERS)),
    (
        "canvases:waiver_remove",
        "post",
        lambda c: {"pk": c["canvas"].pk, "rule": "budget-stated"},
        expect(WRITERS, ok=404),
    ),
    ("canvases:checker_rules", "get", lambda c: {}, {r: 200 for r in ROLES}),
    ("pdf:canvas", "get", lambda c: {"pk": c["canvas"].pk}, expect(MEMBERS)),
    ("pdf:example", "get", lambda c: {"slug": "camden-food"}, {r: 200 for r in ROLES}),
    ("pdf:canvas_status", "get", lambda c: {"pk": c["canvas"].pk}, expect(MEMBERS)),
    ("pdf:canvas_retry", "post", lambda c: {"pk": c["canvas"].pk}, expect(MEMBERS, ok=302)),
    ("pdf:example_status", "get", lambda c: {"slug": "camden-food"}, {r: 200 for r in ROLES}),
    ("pdf:example_retry", "post", lambda c: {"slug": "camden-food"}, {r: 302 for r in ROLES}),
    ("teams:outbox", "get", lambda c: {"slug": c["team"].slug}, expect(OWNERS)),
    ("teams:mail_send_again", "post", lambda c: {"slug": c["team"].slug, "pk": c["mail"].pk}, expect(OWNERS, ok=302)),
    # The gallery is public. Starting from an example names the team in the form: an empty POST asks
    # to choose one (422); tests/examples/test_gallery.py has the rows with a team for every role.
    ("examples:list", "get", lambda c: {}, {r: 200 for r in ROLES}),
    ("examples:detail", "get", worked_example, {r: 200 for r in ROLES}),
    ("examples:start", "post", worked_example, {r: (LOGIN if r == "anonymous" else 422) for r in ROLES}),
    # Review. A comment belongs to the reviewer; its author's rows are in tests/review/test_permissions.py.
    ("comments:list", "get", lambda c: {"pk": c["canvas"].pk}, expect(MEMBERS)),
    ("comments:add", "get", lambda c: {"pk": c["canvas"].pk}, expect(COMMENTERS)),
    ("comments:add", "post", lambda c: {"pk": c["canvas"].pk}, expect(COMMENTERS, ok=422)),
    ("comments:reply", "get", lambda c: {"comment_pk": c["comment"].pk}, expect(COMMENTERS)),
    ("comments:reply", "post", lambda c: {"comment_pk": c["comment"].pk}, expect(COMMENTERS, ok=422)),
    (
        "comments:edit",
        "get",
        lambda c: {"comment_pk": c["comment"].pk},
        expect({"viewer": 403, "reviewer": 200, "editor": 403, "owner": 403}),
    ),
    (
        "comments:delete",
        "get",
        lambda c: {"comment_pk": c["comment"].pk},
        expect({"viewer": 403, "reviewer": 200, "editor": 403, "owner": 403}),
    ),
    ("comments:resolve", "post", lambda c: {"comment_pk": c["comment"].pk}, expect(COMMENTERS, ok=302)),
    ("comments:reopen", "post", lambda c: {"comment_pk": c["comment"].pk}, expect(COMMENTERS, ok=302)),
    ("workflow:transition", "get", lambda c: {"pk": c["canvas"].pk, "action": "submit"}, expect(WRITERS)),
    ("workflow:transition", "post", lambda c: {"pk": c["canvas"].pk, "action": "submit"}, expect(WRITERS, ok=302)),
    ("workflow:transition", "get", lambda c: {"pk": c["canvas"].pk, "action": "approve"}, expect(DECIDERS)),
    ("workflow:transition", "get", lambda c: {"pk": c["canvas"].pk, "action": "request_changes"}, expect(DECIDERS)),
    ("workflow:transition", "get", lambda c: {"pk": c["canvas"].pk, "action": "publish"}, expect(OWNERS)),
    ("workflow:timeline", "get", lambda c: {"pk": c["canvas"].pk}, expect(MEMBERS)),
    ("sharing:links", "get", lambda c: {"pk": c["canvas"].pk}, expect(OWNERS)),
    ("sharing:links", "post", lambda c: {"pk": c["canvas"].pk}, expect(OWNERS, ok=302)),
    (
        "sharing:revoke",
        "get",
        lambda c: {"pk": c["canvas"].pk, "link_pk": c["share_link"].pk},
        expect(OWNERS),
    ),
    # The share link is the secret: anyone holding it may read the published revision (tests/review/
    # test_share_links.py has the holders); a link to a canvas never published shows nothing of it, to anyone.
    ("sharing:shared", "get", lambda c: {"token": c["published_link"].token}, {r: 200 for r in ROLES}),
    ("sharing:shared_pdf", "get", lambda c: {"token": c["published_link"].token}, {r: 200 for r in ROLES}),
    ("sharing:shared", "get", lambda c: {"token": c["share_link"].token}, {r: 404 for r in ROLES}),
    ("sharing:shared_pdf", "get", lambda c: {"token": c["share_link"].token}, {r: 404 for r in ROLES}),
    ("sharing:shared_pdf_status", "get", lambda c: {"token": c["published_link"].token}, {r: 200 for r in ROLES}),
    ("sharing:shared_pdf_status", "get", lambda c: {"token": c["share_link"].token}, {r: 404 for r in ROLES}),
    ("sharing:shared_pdf_retry", "post", lambda c: {"token": c["published_link"].token}, {r: 302 for r in ROLES}),
    ("sharing:shared_pdf_retry", "post", lambda c: {"token": c["share_link"].token}, {r: 404 for r in ROLES}),
    ("notifications:list", "get", lambda c: {}, SIGNED_IN),
    (
        "notifications:open",
        "post",
        lambda c: {"notification_pk": c["notification"].pk},
        {
            **{r: 404 for r in ROLES},
            "anonymous": LOGIN,
            "editor": 302,
        },
    ),
    ("notifications:read", "post", lambda c: {}, {r: (LOGIN if r == "anonymous" else 302) for r in ROLES}),
    ("notifications:settings", "get", lambda c: {}, SIGNED_IN),
    ("notifications:activity", "get", lambda c: {"slug": c["team"].slug}, expect(MEMBERS)),
    # Progress: editors and owners record, every member reads, the owner sets the tolerance and share links.
    ("progress:canvas", "get", lambda c: {"pk": c["canvas"].pk}, expect(MEMBERS)),
    ("progress:record", "post", lambda c: {"pk": c["canvas"].pk}, expect(WRITERS, ok=422)),
    ("progress:import", "post", lambda c: {"pk": c["canvas"].pk}, expect(WRITERS, ok=422)),
    ("progress:export", "get", lambda c: {"pk": c["canvas"].pk}, expect(MEMBERS)),
    ("progress:history", "get", lambda c: {"pk": c["canvas"].pk}, expect(MEMBERS)),
    ("progress:settings", "post", lambda c: {"pk": c["canvas"].pk}, expect(OWNERS, ok=422)),
    ("progress:action_mark", "post", lambda c: {"pk": c["canvas"].pk}, expect(WRITERS, ok=302)),
    ("progress:report", "get", lambda c: {"pk": c["canvas"].pk}, expect(MEMBERS)),
    (
        "progress:measurement_edit",
        "get",
        lambda c: {"pk": c["canvas"].pk, "measurement_pk": c["measurement"].pk},
        expect(WRITERS),
    ),
    (
        "progress:measurement_delete",
        "get",
        lambda c: {"pk": c["canvas"].pk, "measurement_pk": c["measurement"].pk},
        expect(WRITERS),
    ),
    ("progress:portfolio", "get", lambda c: {"slug": c["team"].slug}, expect(MEMBERS)),
    ("progress:confirm_match", "post", lambda c: {"slug": c["team"].slug}, expect(WRITERS, ok=302)),
    # A share link shows progress only when the owner ticked it: the first canvas's link does not, the second's does.
    ("progress:shared", "get", lambda c: {"token": c["share_link"].token}, {r: 404 for r in ROLES}),
    ("progress:shared", "get", lambda c: {"token": c["progress_link"].token}, {r: 200 for r in ROLES}),
    ("progress:shared_report", "get", lambda c: {"token": c["share_link"].token}, {r: 404 for r in ROLES}),
    ("progress:shared_report", "get", lambda c: {"token": c["progress_link"].token}, {r: 200 for r in ROLES}),
]

# URL names outside the workbench's own apps: Django's admin and sign-in views, tested by Django.
NOT_OURS = {
    "admin",
    "login",
    "logout",
    "password_change",
    "password_change_done",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}


@pytest.fixture
def context(people, canvas):
    team = people["team"]
    binned = services.create_canvas(team=team, user=people["owner"], title="Old idea")
    services.move_to_bin(canvas=binned, user=people["owner"])
    invitation = Invitation.objects.create(
        team=team, email="new@example.org", role="editor", invited_by=people["owner"]
    )
    comment = comments.add_comment(
        canvas=canvas, user=people["reviewer"], body="Is 2030 realistic?", item_id="metric-1"
    )
    notification = Notification.objects.filter(user=people["editor"]).first()
    share_link = sharing.create_share_link(canvas=canvas, user=people["owner"])
    # Published at revision 1, then edited: revision 2 is a draft nobody outside the team may see.
    published = publish(make_canvas(team, people["owner"], title="Published mission"), people)
    published_link = sharing.create_share_link(canvas=published, user=people["owner"])
    edit(published, people["editor"], statement=DRAFT_STATEMENT)
    measurement = progress.record_measurement(
        canvas=canvas, user=people["editor"], metric="metric-1", year=2024, date=None, value=30
    )
    shown = services.create_canvas(team=team, user=people["owner"], title="Warm homes")
    progress.save_settings(canvas=shown, user=people["owner"], tolerance=10, show_on_share_links=True)
    publish(shown, people)  # share links show published canvases only, progress included
    progress_link = sharing.create_share_link(canvas=shown, user=people["owner"])
    return {
        "team": team,
        "canvas": canvas,
        "comment": comment,
        "notification": notification,
        "share_link": share_link,
        "published_link": published_link,
        "measurement": measurement,
        "progress_link": progress_link,
        "binned": binned,
        "invitation": invitation,
        "viewer_membership": team.memberships.get(user=people["viewer"]).pk,
        "mail": OutgoingMail.objects.create(team=team, to="new@example.org", subject="Invitation", status="failed"),
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "kwargs", "expected"), MATRIX, ids=[f"{m}-{n}" for n, m, _, _ in MATRIX])
def test_role_matrix(client_for, context, role, name, method, kwargs, expected):
    client = client_for(role)
    url = reverse(name, kwargs=kwargs(context))
    response = getattr(client, method)(url)
    want = expected[role]
    if want == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    else:
        assert response.status_code == want, f"{role} {method.upper()} {url}"


def _all_url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if hasattr(pattern, "url_patterns"):
            if pattern.namespace == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _all_url_names(pattern, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_url_has_a_row_in_the_matrix():
    covered = {name for name, *_ in MATRIX}
    missing = sorted(set(_all_url_names()) - covered - NOT_OURS)
    assert not missing, f"Add these URLs to the permission matrix: {missing}"


@pytest.mark.parametrize("role", ROLES)
def test_a_share_link_never_shows_a_revision_that_was_not_published(client_for, context, role):
    client = client_for(role)
    page = client.get(reverse("sharing:shared", kwargs={"token": context["published_link"].token})).content.decode()
    assert "published revision 1" in page
    assert DRAFT_STATEMENT not in page
