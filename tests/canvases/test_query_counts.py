"""The canvas pages run the same number of SQL queries however many items and revisions a canvas has."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import full_document, make_canvas
from workbench.canvases import services


def queries_for(client, url) -> int:
    """Queries of a view that renders everything afresh: cached fragments are dropped first."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def grown_canvas(people, items, revisions):
    canvas = make_canvas(people["team"], people["owner"], full_document(items=items))
    for n in range(revisions - 1):
        services.save_canvas(
            canvas=canvas,
            user=people["editor"],
            document={**canvas.document, "near_term": f"Plan {n}"},
            base_revision=canvas.revision_number,
        )
    return canvas


# Each page's queries, pinned: a change that adds one shows here and is a decision, not an accident.
# The editor's sixth reads the open review threads shown above the forms (one more while changes are requested).
QUERIES = {"canvases:detail": 8, "canvases:edit": 6, "canvases:history": 7, "canvases:compare": 6}


@pytest.mark.parametrize("view", sorted(QUERIES))
def test_canvas_pages_do_not_grow_with_items_or_revisions(client_for, people, view):
    small = grown_canvas(people, items=5, revisions=2)
    large = grown_canvas(people, items=40, revisions=30)  # 40: the most a list may hold
    client = client_for("owner")
    client.get(reverse(view, kwargs={"pk": small.pk}))  # warm the session
    counts = (
        queries_for(client, reverse(view, kwargs={"pk": small.pk})),
        queries_for(client, reverse(view, kwargs={"pk": large.pk})),
    )
    assert counts == (QUERIES[view], QUERIES[view])


def test_dashboard_does_not_grow_with_canvases(client_for, people):
    client = client_for("viewer")
    url = reverse("canvases:dashboard", kwargs={"slug": people["team"].slug})
    make_canvas(people["team"], people["owner"])
    client.get(url)
    few = queries_for(client, url)
    for n in range(15):
        make_canvas(people["team"], people["editor"], full_document(f"Mission {n}"))
    assert (few, queries_for(client, url)) == (7, 7)
