"""Who may open what: every URL of the workbench × every role, in one table.

A canvas or team of another team answers 404, so that its existence does not leak; a member
without the right role gets 403; an anonymous visitor is sent to sign in.
"""

import pytest
from django.urls import get_resolver, reverse
from django.utils.timezone import now

from tests.conftest import ROLES
from workbench.canvases import services
from workbench.examples.models import Example
from workbench.examples.services import read_seed, seeds_dir
from workbench.mailing.models import OutgoingMail
from workbench.review import services as review
from workbench.review.models import Notification
from workbench.teams.models import Invitation

LOGIN = "login"
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
    ("teams:dashboard", "get", lambda c: {"slug": c["team"].slug}, expect(MEMBERS)),
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
    ("mailing:outbox", "get", lambda c: {"slug": c["team"].slug}, expect(OWNERS)),
    ("mailing:send_again", "post", lambda c: {"slug": c["team"].slug, "pk": c["mail"].pk}, expect(OWNERS, ok=302)),
    # The gallery is public. Starting from an example names the team in the form: an empty POST asks
    # to choose one (422); tests/examples/test_gallery.py has the rows with a team for every role.
    ("examples:list", "get", lambda c: {}, {r: 200 for r in ROLES}),
    ("examples:detail", "get", worked_example, {r: 200 for r in ROLES}),
    ("examples:start", "post", worked_example, {r: (LOGIN if r == "anonymous" else 422) for r in ROLES}),
    # Review. A comment belongs to the reviewer; its author's rows are in tests/review/test_permissions.py.
    ("review:comments", "get", lambda c: {"pk": c["canvas"].pk}, expect(MEMBERS)),
    ("review:comment_add", "get", lambda c: {"pk": c["canvas"].pk}, expect(COMMENTERS)),
    ("review:comment_add", "post", lambda c: {"pk": c["canvas"].pk}, expect(COMMENTERS, ok=422)),
    ("review:comment_reply", "get", lambda c: {"comment_pk": c["comment"].pk}, expect(COMMENTERS)),
    ("review:comment_reply", "post", lambda c: {"comment_pk": c["comment"].pk}, expect(COMMENTERS, ok=422)),
    (
        "review:comment_edit",
        "get",
        lambda c: {"comment_pk": c["comment"].pk},
        expect({"viewer": 403, "reviewer": 200, "editor": 403, "owner": 403}),
    ),
    (
        "review:comment_delete",
        "get",
        lambda c: {"comment_pk": c["comment"].pk},
        expect({"viewer": 403, "reviewer": 200, "editor": 403, "owner": 403}),
    ),
    ("review:thread_resolve", "post", lambda c: {"comment_pk": c["comment"].pk}, expect(COMMENTERS, ok=302)),
    ("review:thread_reopen", "post", lambda c: {"comment_pk": c["comment"].pk}, expect(COMMENTERS, ok=302)),
    ("review:transition", "get", lambda c: {"pk": c["canvas"].pk, "action": "submit"}, expect(WRITERS)),
    ("review:transition", "post", lambda c: {"pk": c["canvas"].pk, "action": "submit"}, expect(WRITERS, ok=302)),
    ("review:transition", "get", lambda c: {"pk": c["canvas"].pk, "action": "approve"}, expect(DECIDERS)),
    ("review:transition", "get", lambda c: {"pk": c["canvas"].pk, "action": "request_changes"}, expect(DECIDERS)),
    ("review:transition", "get", lambda c: {"pk": c["canvas"].pk, "action": "publish"}, expect(OWNERS)),
    ("review:timeline", "get", lambda c: {"pk": c["canvas"].pk}, expect(MEMBERS)),
    ("review:share_links", "get", lambda c: {"pk": c["canvas"].pk}, expect(OWNERS)),
    ("review:share_links", "post", lambda c: {"pk": c["canvas"].pk}, expect(OWNERS, ok=302)),
    (
        "review:share_link_revoke",
        "get",
        lambda c: {"pk": c["canvas"].pk, "link_pk": c["share_link"].pk},
        expect(OWNERS),
    ),
    # The share link is the secret: anyone holding it may read (tests/review/test_share_links.py has the holders).
    ("review:shared", "get", lambda c: {"token": c["share_link"].token}, {r: 200 for r in ROLES}),
    ("review:shared_pdf", "get", lambda c: {"token": c["share_link"].token}, {r: 200 for r in ROLES}),
    ("review:notifications", "get", lambda c: {}, SIGNED_IN),
    (
        "review:notification_open",
        "post",
        lambda c: {"notification_pk": c["notification"].pk},
        {
            **{r: 404 for r in ROLES},
            "anonymous": LOGIN,
            "editor": 302,
        },
    ),
    ("review:notifications_read", "post", lambda c: {}, {r: (LOGIN if r == "anonymous" else 302) for r in ROLES}),
    ("review:notification_settings", "get", lambda c: {}, SIGNED_IN),
    ("review:activity", "get", lambda c: {"slug": c["team"].slug}, expect(MEMBERS)),
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
    comment = review.add_comment(canvas=canvas, user=people["reviewer"], body="Is 2030 realistic?", item_id="metric-1")
    notification = Notification.objects.filter(user=people["editor"]).first()
    share_link = review.create_share_link(canvas=canvas, user=people["owner"])
    return {
        "team": team,
        "canvas": canvas,
        "comment": comment,
        "notification": notification,
        "share_link": share_link,
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
