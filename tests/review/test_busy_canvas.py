"""A canvas under heavy review: the canvas page and the comment list load only the threads they show, and
show exactly the threads that reading every comment in page order would have picked."""

import itertools

from django.urls import reverse

from tests.factories import full_document, make_canvas
from workbench.canvases import services as canvases
from workbench.comments import services as comments
from workbench.comments.models import Comment
from workbench.comments.selectors import (
    PANEL_THREADS,
    comment_panel,
    filtered_threads,
    share_out,
    threads_by_pk,
    threads_of,
)
from workbench.comments.views import THREADS_PER_PAGE


def busy_canvas(people):
    """Threads spread over items, sections and the whole canvas, some resolved, two items later removed."""
    canvas = make_canvas(people["team"], people["owner"], document=full_document(items=4))
    targets = [
        {"item_id": "metric-3"},
        {"item_id": "metric-1"},
        {"item_id": "metric-4"},
        {"item_id": "lever-2"},
        {"section": "story"},
        {},
        {"item_id": "rc-1"},
        {"item_id": "metric-2"},
    ]
    authors = itertools.cycle([people["reviewer"], people["editor"], people["owner"]])
    for i, target in zip(range(150), itertools.cycle(targets)):
        # Uneven spread: some targets get one thread in a round, others three.
        for _ in range(1 + (i * 7) % 3):
            thread = comments.add_comment(canvas=canvas, user=next(authors), body=f"Thread {i}", **target)
            if i % 4 == 0:
                comments.resolve_thread(thread=thread, user=people["editor"])
            if i % 6 == 0:
                comments.reply(thread=thread, user=next(authors), body=f"Reply to {i}")
    # Removing two metrics leaves their threads at the end of the section, mixed by age.
    document = {
        **canvas.document,
        "metrics": [m for m in canvas.document["metrics"] if m["id"] in {"metric-1", "metric-4"}],
    }
    canvases.save_canvas(canvas=canvas, user=people["editor"], document=document, base_revision=canvas.revision_number)
    canvas.refresh_from_db()
    return canvas


def test_the_canvas_page_picks_the_first_threads_of_each_section_as_a_full_read_would(people):
    canvas = busy_canvas(people)
    everything = threads_of(canvas)
    context = comment_panel(canvas)
    expected = {}
    for thread in everything:
        group = expected.setdefault(thread.comment.section, {"open": [], "resolved": []})
        group["resolved" if thread.is_resolved else "open"].append(thread.pk)
    assert [g.key for g in context["review_threads"]] == list(expected)  # sections in page order
    counts = {(k, r): len(g["resolved" if r else "open"]) for k, g in expected.items() for r in (False, True)}
    shares = share_out(counts, list(expected))
    assert sum(shares.values()) == PANEL_THREADS
    for group in context["review_threads"]:
        want = expected[group.key]
        assert [t.pk for t in group.open] == want["open"][: shares[group.key, False]], group.key
        assert [t.pk for t in group.resolved] == want["resolved"][: shares[group.key, True]], group.key
        assert (group.open_count, group.resolved_count) == (len(want["open"]), len(want["resolved"]))
    # The removed metrics' threads are counted in their section but not as threads on an item of the page.
    assert sum(len(g["open"]) for g in expected.values()) == context["review_open_count"]
    open_on_items = {}
    for thread in everything:
        if thread.comment.item_id and thread.state != "removed" and not thread.is_resolved:
            open_on_items[thread.comment.item_id] = open_on_items.get(thread.comment.item_id, 0) + 1
    assert context["review_item_counts"] == open_on_items
    assert "metric-3" not in open_on_items and open_on_items["metric-4"] > 0
    # Replies come with the threads shown.
    shown = {t.pk: t for g in context["review_threads"] for t in [*g.open, *g.resolved]}
    for thread in everything:
        if thread.pk in shown:
            assert [r.pk for r in shown[thread.pk].replies] == [r.pk for r in thread.replies]


def test_the_panel_shares_its_threads_across_sections_open_ones_first():
    counts = {("", False): 1, ("story", False): 9, ("story", True): 4, ("metrics", False): 0, ("metrics", True): 3}
    shares = share_out(counts, ["", "story", "metrics"], budget=8)
    assert shares == {
        ("", False): 1,
        ("", True): 0,
        ("story", False): 7,
        ("story", True): 0,
        ("metrics", False): 0,
        ("metrics", True): 0,
    }
    shares = share_out(counts, ["", "story", "metrics"], budget=14)
    assert shares == {
        ("", False): 1,
        ("", True): 0,
        ("story", False): 9,
        ("story", True): 2,
        ("metrics", False): 0,
        ("metrics", True): 2,
    }
    assert share_out({("story", False): 2, ("story", True): 1}, ["story"], budget=8) == {
        ("story", False): 2,
        ("story", True): 1,
    }


def test_the_comment_list_pages_through_threads_in_page_order(people, client_for):
    canvas = busy_canvas(people)
    everything = threads_of(canvas)
    assert filtered_threads(canvas, state="all") == [t.pk for t in everything]
    assert filtered_threads(canvas, state="open") == [t.pk for t in everything if not t.is_resolved]
    assert filtered_threads(canvas, state="resolved", section="metrics") == [
        t.pk for t in everything if t.is_resolved and t.comment.section == "metrics"
    ]
    assert filtered_threads(canvas, state="all", section="canvas") == [
        t.pk for t in everything if not t.comment.section
    ]
    by_reply = people["editor"].username
    assert filtered_threads(canvas, state="all", author=by_reply) == [
        t.pk for t in everything if any(c.author == people["editor"] for c in [t.comment, *t.replies])
    ]
    n = THREADS_PER_PAGE
    second = filtered_threads(canvas, state="open")[n : 2 * n]
    assert [t.pk for t in threads_by_pk(canvas, second)] == second

    page = client_for("viewer").get(reverse("comments:list", kwargs={"pk": canvas.pk}), {"page": 2})
    assert page.status_code == 200
    assert [t.pk for t in page.context["page"].object_list] == second
    assert f'id="thread-{second[0]}"' in page.content.decode()
    assert Comment.objects.filter(canvas=canvas).count() > 300
