"""The dashboard's table keeps each canvas's row rendered under a key of everything the row shows."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from workbench.canvases import services as canvases
from workbench.canvases.models import Canvas
from workbench.workflow import services as workflow


def row_of(page: str, canvas) -> str:
    match = re.search(rf'<tr>\s*<td><a class="fw-semibold" href="/canvases/{canvas.pk}/">.*?</tr>', page, re.S)
    assert match, "the canvas has no row"
    return match.group(0)


def test_a_row_shows_every_change_of_its_canvas_on_the_next_visit(client_for, canvas, people):
    client = client_for("viewer")
    url = reverse("canvases:dashboard", kwargs={"slug": people["team"].slug})
    # An edit time whose words ("2 hours ago") stay the same between two visits, however slow the machine.
    Canvas.objects.filter(pk=canvas.pk).update(updated_at=timezone.now() - timedelta(hours=2))
    first = row_of(client.get(url).content.decode(), canvas)
    assert "Good food for everyone" in first and "Draft" in first and "owner" in first
    assert row_of(client.get(url).content.decode(), canvas) == first  # the kept row

    workflow.submit_for_review(canvas=canvas, user=people["editor"])  # changes the status, not the edit time
    assert "In review" in row_of(client.get(url).content.decode(), canvas)

    canvases.save_canvas(
        canvas=canvas,
        user=people["editor"],
        document={**canvas.document, "title": "Hot meals for all"},
        base_revision=1,
    )
    row = row_of(client.get(url).content.decode(), Canvas.objects.get(pk=canvas.pk))
    assert "Hot meals for all" in row and ">2</td>" in row  # the new title and revision

    people["editor"].first_name, people["editor"].last_name = "Esme", "Editor"
    people["editor"].save()
    assert "Esme Editor" in row_of(client.get(url).content.decode(), canvas)

    Canvas.objects.filter(pk=canvas.pk).update(updated_at=timezone.now() - timedelta(days=3))
    assert "3\xa0days ago" in row_of(client.get(url).content.decode(), canvas)  # an older edit time, in words
