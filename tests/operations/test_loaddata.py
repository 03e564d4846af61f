"""The generated data set: valid documents, the counts asked for, people who can sign in."""

from django.core.management import call_command
from django.db.models import F
from django.test import Client

from workbench.canvases.models import Canvas, Revision
from workbench.comments.models import Comment
from workbench.document import validate
from workbench.operations.loaddata import LOAD_PASSWORD
from workbench.teams.models import Membership, Team


def test_generate_load_data_writes_what_was_asked(db, capsys):
    call_command("generate_load_data", "--teams", "3", "--canvases", "30", "--comments", "200")
    assert Team.objects.count() == 3
    assert Canvas.objects.count() == 30
    assert Comment.objects.count() == 200
    assert Membership.objects.count() == 12
    assert all(validate(c.document) == [] for c in Canvas.objects.all())
    for canvas in Canvas.objects.select_related("current_revision"):
        assert canvas.current_revision.number == Revision.objects.filter(canvas=canvas).count()
    assert not Comment.objects.filter(parent__isnull=False).exclude(parent__canvas_id=F("canvas_id")).exists()
    owner = Membership.objects.filter(role="owner").select_related("user").first().user
    assert Client().login(username=owner.username, password=LOAD_PASSWORD)
    assert "Every generated person signs in" in capsys.readouterr().out
