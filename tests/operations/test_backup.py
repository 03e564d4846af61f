"""export_team → import_team into an empty database gives back the very same team, history and all."""

import json

import pytest
from django.core.management import CommandError, call_command

from tests.factories import full_document
from workbench.canvases import services as canvases
from workbench.canvases.models import Canvas, Revision
from workbench.comments import services as comments
from workbench.comments.models import Comment
from workbench.notifications.models import Activity
from workbench.operations.backup import export_team
from workbench.sharing import services as sharing
from workbench.sharing.models import ShareLink
from workbench.teams.models import Invitation, Membership, Team
from workbench.workflow import services as workflow
from workbench.workflow.models import StateChange


@pytest.fixture
def busy_team(people, canvas):
    """A team with edits, a restore, threads with replies, a workflow, a share link and a binned canvas."""
    owner, editor, reviewer = people["owner"], people["editor"], people["reviewer"]
    canvases.save_canvas(
        canvas=canvas, user=editor, document={**canvas.document, "near_term": "Pilots"}, base_revision=1
    )
    canvases.restore_revision(canvas=canvas, user=owner, number=1)
    thread = comments.add_comment(
        canvas=canvas, user=reviewer, body="Is 50 % realistic?", section="metrics", item_id="metric-1"
    )
    comments.reply(thread=thread, user=editor, body="It matches the borough plan.")
    comments.resolve_thread(thread=thread, user=editor)
    comments.add_comment(canvas=canvas, user=reviewer, body="Whole canvas: good start.")
    workflow.submit_for_review(canvas=canvas, user=editor)
    workflow.approve(canvas=Canvas.objects.get(pk=canvas.pk), user=reviewer, comment="Ready.")
    workflow.publish(canvas=Canvas.objects.get(pk=canvas.pk), user=owner)
    # An edit after publication: revision 4 is a draft, revision 3 stays the published one.
    canvases.save_canvas(
        canvas=Canvas.objects.get(pk=canvas.pk),
        user=editor,
        document={**canvas.document, "near_term": "Pilots in two wards"},
        base_revision=3,
    )
    link = sharing.create_share_link(canvas=canvas, user=owner, label="Cabinet")
    sharing.revoke_share_link(link=link, user=owner)
    sharing.create_share_link(canvas=canvas, user=owner, label="Partners")
    binned = canvases.create_canvas(team=people["team"], user=owner, document=full_document("Old idea"))
    canvases.move_to_bin(canvas=binned, user=owner)
    Invitation.objects.create(team=people["team"], email="new@example.org", role="viewer", invited_by=owner)
    return people["team"]


def _wipe():
    for model in (Activity, Comment, StateChange, ShareLink, Revision, Canvas, Invitation, Membership, Team):
        model.objects.all().delete()


def test_round_trip_through_files_is_lossless(busy_team, tmp_path, django_user_model):
    first = tmp_path / "team.json"
    call_command("export_team", busy_team.slug, "-o", str(first))
    exported = json.loads(first.read_text())
    assert len(exported["canvases"]) == 2
    assert sum(len(c["comments"]) for c in exported["canvases"]) == 3
    _wipe()
    django_user_model.objects.all().delete()  # an empty database: people come back from the file
    call_command("import_team", str(first))
    team = Team.objects.get(slug=busy_team.slug)
    assert export_team(team) == exported
    # The restored canvas works: the reply still hangs under its thread, the share link still opens.
    reply = Comment.objects.get(body="It matches the borough plan.")
    assert reply.parent.body == "Is 50 % realistic?"
    assert ShareLink.objects.filter(revoked_at__isnull=True).count() == 1
    restored = Canvas.objects.get(title="Good food for everyone")
    assert restored.current_revision.number == 4 and restored.status == "draft"
    assert restored.published_revision.number == 3 and restored.approved_revision.number == 3


def test_a_file_from_before_published_revisions_were_named_publishes_the_current(busy_team, tmp_path):
    exported = export_team(busy_team)
    for c in exported["canvases"]:
        c.pop("approved_revision"), c.pop("published_revision")
    exported["canvases"][0]["status"] = "published"
    older = tmp_path / "older.json"
    older.write_text(json.dumps(exported))
    _wipe()
    call_command("import_team", str(older))
    canvas = Canvas.objects.get(title="Good food for everyone")
    assert canvas.published_revision == canvas.current_revision == canvas.approved_revision


def test_a_file_naming_a_published_revision_it_lacks_is_refused(busy_team, tmp_path):
    exported = export_team(busy_team)
    exported["canvases"][0]["published_revision"] = 99
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(exported))
    _wipe()
    with pytest.raises(CommandError, match="published revision 99"):
        call_command("import_team", str(bad))


def test_importing_over_an_existing_team_is_refused(busy_team, tmp_path):
    path = tmp_path / "team.json"
    call_command("export_team", busy_team.slug, "-o", str(path))
    with pytest.raises(CommandError, match="exists already"):
        call_command("import_team", str(path))


def test_a_file_that_is_not_a_team_file_is_refused(db, tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"format": "something else"}')
    with pytest.raises(CommandError, match='"format" must be "mission-workbench-team/1"'):
        call_command("import_team", str(path))
    path.write_text("{")
    with pytest.raises(CommandError, match="not a JSON file"):
        call_command("import_team", str(path))
    with pytest.raises(CommandError, match="No team has the slug"):
        call_command("export_team", "nowhere", "-o", str(path))
