"""Reads of the comment threads, each built with a fixed number of queries whatever the number of comments."""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from functools import reduce

from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404

from workbench.canvases.models import Canvas
from workbench.comments.models import Comment
from workbench.document import SECTION_TITLES, item_index
from workbench.document.model import LIST_SECTIONS, SECTION_KEYS
from workbench.document.spec import CANVAS, in_sentence

SECTION_ORDER = list(SECTION_TITLES)
# Where each section sits on the one-pager (the actors are drawn inside the system's box).
SECTION_ANCHORS = {key: f"section-{key}" for key in SECTION_TITLES} | {
    "identity": "mission-title",
    "stakeholders": "section-system",
}


def field_label(path: str) -> str:
    """A field of the canvas as the review names it, in the editor's words: "story.why_now" → "why now"."""
    try:
        return in_sentence(CANVAS.label(path))
    except KeyError:
        return path.rsplit(".", 1)[-1].replace("_", " ")


def _keys(fields):
    for spec_field in fields:
        yield spec_field.key
        yield from _keys(spec_field.fields)


# Fields in the order the canvas spec declares them, an item's first. PostgreSQL's jsonb keeps keys in an order of
# its own, so a stored snapshot is shown in this order, never in the order it comes back from the database.
_FIELD_ORDER = list(
    dict.fromkeys(
        key
        for section in sorted(CANVAS.sections, key=lambda section: section.kind != "list")
        for key in _keys(section.fields)
    )
)


def _in_order(keys):
    return sorted(keys, key=lambda k: (_FIELD_ORDER.index(k) if k in _FIELD_ORDER else len(_FIELD_ORDER), k))


def _show(value) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "(empty)"
    if isinstance(value, dict):
        parts = [
            f"{k.replace('_', ' ')}: {_show(value[k])}" for k in _in_order(value) if value[k] not in (None, "", [], {})
        ]
        return "; ".join(parts) or "(empty)"
    if isinstance(value, list):
        return "; ".join(_show(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a form's 90.0 is the 90 typed
    return str(value)


def _label(item: dict) -> str:
    return str(item.get("title") or item.get("name") or item.get("id") or "item")


@dataclass
class Change:
    field: str
    old: str
    new: str


def item_changes(old: dict, new: dict, section: str = "") -> list[Change]:
    """The fields of an item of a list section that differ between two versions, in words."""
    keys = _in_order({*(old or {}), *(new or {})} - {"id"})
    return [
        Change(field_label(f"{section}.{k}"), _show((old or {}).get(k)), _show((new or {}).get(k)))
        for k in keys
        if (old or {}).get(k) != (new or {}).get(k)
    ]


def section_changes(old: dict, new: dict) -> list[Change]:
    """What changed in a section: text fields one by one, list items as added, removed or changed."""
    out = []
    for key in old or {}:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if key in LIST_SECTIONS:
            was = {i.get("id"): i for i in before or [] if isinstance(i, dict)}
            now = {i.get("id"): i for i in after or [] if isinstance(i, dict)}
            for item_id, item in now.items():
                if item_id not in was:
                    out.append(Change(f"new item “{_label(item)}”", "", "added"))
                elif was[item_id] != item:
                    out.append(Change(f"item “{_label(item)}”", "", "changed"))
            out.extend(Change(f"item “{_label(i)}”", "", "removed") for k, i in was.items() if k not in now)
            if not out:
                out.append(Change("order of the items", "", "changed"))
        elif isinstance(before, dict) and isinstance(after, dict):
            out.extend(
                Change(field_label(f"{key}.{k}"), _show(before.get(k)), _show(after.get(k)))
                for k in dict.fromkeys([*before, *after])
                if before.get(k) != after.get(k)
            )
        else:
            out.append(Change(field_label(key), _show(before), _show(after)))
    return out


@dataclass
class Thread:
    """A thread as the pages show it: the first comment, its replies, and how its target fared since."""

    comment: Comment
    replies: list = field(default_factory=list)
    state: str = "current"  # current | changed | removed
    changes: list = field(default_factory=list)
    target_label: str = ""
    anchor: str = ""
    order: tuple = ()

    @property
    def pk(self):
        return self.comment.pk

    @property
    def is_resolved(self):
        return self.comment.is_resolved

    @property
    def count(self):
        return 1 + len(self.replies)


def _thread(comment: Comment, index: dict, document: dict) -> Thread:
    thread = Thread(comment=comment, order=_order(comment.section, comment.item_id, comment.created_at, index))
    if comment.item_id:
        found = index.get(comment.item_id)
        if found is None:
            thread.state = "removed"
            thread.target_label = _label(comment.snapshot or {})
            thread.anchor = SECTION_ANCHORS.get(comment.section, "")
        else:
            thread.target_label = _label(found[2])
            thread.anchor = f"item-{comment.item_id}"
            if comment.snapshot is not None and found[2] != comment.snapshot:
                thread.state = "changed"
                thread.changes = item_changes(comment.snapshot, found[2], comment.section)
    elif comment.section:
        thread.target_label = SECTION_TITLES[comment.section] if comment.section in SECTION_TITLES else "Section"
        thread.anchor = SECTION_ANCHORS.get(comment.section, "")
        if comment.snapshot is not None:
            now = {key: document.get(key) for key in SECTION_KEYS.get(comment.section, [])}
            if now != comment.snapshot:
                thread.state = "changed"
                thread.changes = section_changes(comment.snapshot, now)
    else:
        thread.target_label = "Whole canvas"
    return thread


def _section_rank(section: str) -> int:
    """The whole canvas first, then the sections in the order of the page."""
    return SECTION_ORDER.index(section) + 1 if section in SECTION_TITLES else 0


def _order(section: str, item_id: str, created_at, index: dict) -> tuple:
    """Where a thread sits on the page: by section, then by its item's place in the section, then by age."""
    if item_id:
        found = index.get(item_id)
        return (_section_rank(section), 10**6 if found is None else found[1] + 1, created_at)
    return (_section_rank(section), 0, created_at)


def _with_replies(threads: list[Thread]) -> list[Thread]:
    """Fill in the replies of these threads: one query, none when there are no threads."""
    by_pk = {thread.pk: thread for thread in threads}
    if by_pk:
        replies = Comment.objects.filter(parent_id__in=by_pk).select_related("author", "resolved_by")
        for reply in replies.order_by("created_at", "pk"):
            by_pk[reply.parent_id].replies.append(reply)
    return threads


def threads_of(canvas: Canvas, comments=None) -> list[Thread]:
    """Threads of a canvas in the order of the page, with their replies: every thread unless `comments` (first
    comments of threads) narrows them. Two queries."""
    if comments is None:
        comments = Comment.objects.threads().filter(canvas=canvas)
    document = canvas.document
    index = item_index(document)
    threads = [
        _thread(comment, index, document)
        for comment in comments.select_related("author", "resolved_by").order_by("created_at", "pk")
    ]
    threads.sort(key=lambda t: t.order)
    return _with_replies(threads)


# The canvas page shows at most this many threads in all, shared out across sections, open threads first; the
# comment list has every thread, page by page.
PANEL_THREADS = 8


@dataclass
class SectionThreads:
    key: str
    title: str
    anchor: str
    open: list
    resolved: list
    open_count: int = 0
    resolved_count: int = 0

    @property
    def hidden_count(self) -> int:
        return self.open_count + self.resolved_count - len(self.open) - len(self.resolved)


def share_out(counts: dict[tuple[str, bool], int], sections: list[str], budget: int = PANEL_THREADS) -> dict:
    """How many threads each (section, resolved) shows: one at a time to each section in page order, round
    after round, open threads before resolved ones, until the budget is spent."""
    shares = {(section, resolved): 0 for section in sections for resolved in (False, True)}
    for resolved in (False, True):
        while budget and any(shares[s, resolved] < counts.get((s, resolved), 0) for s in sections):
            for section in sections:
                if budget and shares[section, resolved] < counts.get((section, resolved), 0):
                    shares[section, resolved] += 1
                    budget -= 1
    return shares


def _shown_targets(targets: dict, shares: dict, index: dict) -> set[tuple[str, str, bool]]:
    """Which (section, item, resolved) targets hold the first threads each section shows: walk each section's
    targets in page order until its share is counted. Targets at the same place (the items removed since) mix
    their threads by age, so they are taken together."""
    places: dict[tuple, list] = {}
    for section, item_id, resolved in targets:
        place = (section, resolved, _order(section, item_id, None, index)[1])
        places.setdefault(place, []).append((section, item_id, resolved))
    shown, taken = set(), {}
    for (section, resolved, _), here in sorted(places.items(), key=lambda p: p[0][2]):
        if taken.get((section, resolved), 0) < shares[section, resolved]:
            shown.update(here)
            taken[section, resolved] = taken.get((section, resolved), 0) + sum(targets[t] for t in here)
    return shown


@dataclass(frozen=True)
class ReviewStamp:
    """The state of a canvas's comments in a few figures: any comment added, edited, deleted, resolved or
    reopened changes it. Ids only grow and an added comment is the newest, so comments that were only
    deleted since leave a smaller count: two different sets of comments never share a stamp."""

    comments: int
    open_threads: int
    resolved_threads: int
    times: tuple  # the latest time a comment was written, edited, deleted and resolved

    def __str__(self) -> str:
        return ":".join(str(part) for part in (self.comments, self.open_threads, self.resolved_threads, *self.times))


# Written out in SQL: the ORM takes longer to build this aggregate than the database takes to answer it from
# the index `comment_review_stamp`, and the stamp is read on every visit of the canvas page.
_STAMP_SQL = """
    SELECT COUNT(*),
           COUNT(CASE WHEN parent_id IS NULL AND resolved_at IS NULL THEN 1 END),
           COUNT(CASE WHEN parent_id IS NULL AND resolved_at IS NOT NULL THEN 1 END),
           MAX(created_at), MAX(edited_at), MAX(deleted_at), MAX(resolved_at)
    FROM {table} WHERE canvas_id = %s
"""


def review_stamp(canvas: Canvas) -> ReviewStamp:
    """One aggregate query over the canvas's comments, answered from an index."""
    with connection.cursor() as cursor:
        cursor.execute(_STAMP_SQL.format(table=connection.ops.quote_name(Comment._meta.db_table)), [canvas.pk])
        comments, open_threads, resolved_threads, *times = cursor.fetchone()
    return ReviewStamp(comments, open_threads, resolved_threads, tuple(times))


def comment_panel(canvas: Canvas) -> dict:
    """The threads the canvas page shows, by section with their counts, and what a new comment can point at.
    However many comments there are, it takes three queries: counts by target, the first threads of the
    targets the page shows, and their replies."""
    document = canvas.document
    index = item_index(document)
    is_resolved = Case(When(resolved_at__isnull=True, then=Value(False)), default=Value(True))
    threads = Comment.objects.threads().filter(canvas=canvas)
    targets = {
        (section, item_id, resolved): n
        for section, item_id, resolved, n in threads.order_by()
        .values_list("section", "item_id")
        .annotate(resolved=is_resolved, n=Count("pk"))
        .values_list("section", "item_id", "resolved", "n")
    }
    counts: dict[tuple[str, bool], int] = {}
    for (section, _, resolved), n in targets.items():
        counts[section, resolved] = counts.get((section, resolved), 0) + n
    sections = sorted({section for section, _ in counts}, key=_section_rank)
    groups = {
        section: SectionThreads(
            section,
            SECTION_TITLES.get(section, "Whole canvas"),
            SECTION_ANCHORS.get(section, ""),
            [],
            [],
            open_count=counts.get((section, False), 0),
            resolved_count=counts.get((section, True), 0),
        )
        for section in sections
    }
    shares = share_out(counts, sections)
    shown = _shown_targets(targets, shares, index)
    if sum(targets.values()) <= PANEL_THREADS:
        chosen = threads  # every thread fits on the page
    else:
        # Within each shown target, only its oldest threads can be among the first of its section: number them
        # with a window over the index alone, then read in full only the threads picked.
        first = (
            threads.filter(
                reduce(
                    operator.or_,
                    (Q(section=s, item_id=i, resolved_at__isnull=not resolved) for s, i, resolved in shown),
                )
            )
            .annotate(
                rank=Window(
                    RowNumber(),
                    partition_by=[F("section"), F("item_id"), is_resolved],
                    order_by=[F("created_at").asc(), F("pk").asc()],
                )
            )
            .filter(rank__lte=max(shares.values()))
        )
        chosen = Comment.objects.filter(pk__in=first.values("pk"))
    for thread in threads_of(canvas, chosen) if shown else []:
        group = groups[thread.comment.section]
        (group.resolved if thread.is_resolved else group.open).append(thread)
    for group in groups.values():
        # A canvas under heavy review stays quick to open: the page shows the first threads of each section.
        group.open = group.open[: shares.get((group.key, False), 0)]
        group.resolved = group.resolved[: shares.get((group.key, True), 0)]
    item_counts = {item_id: n for (_, item_id, resolved), n in targets.items() if item_id in index and not resolved}
    return {
        "review_threads": list(groups.values()),
        "review_open_count": sum(g.open_count for g in groups.values()),
        "review_resolved_count": sum(g.resolved_count for g in groups.values()),
        "review_item_counts": item_counts,
        "review_targets": comment_targets(document),
    }


def comment_targets(document: dict) -> list[tuple[str, list[tuple[str, str]]]]:
    """The choices of what a new comment points at, grouped as on the page: whole canvas, sections, items."""
    sections = [("", "Whole canvas")] + [(f"section:{k}", f"Section: {t}") for k, t in SECTION_TITLES.items()]
    groups = [("Canvas and sections", sections)]
    for section in LIST_SECTIONS:
        items = [
            (f"item:{i['id']}", _label(i)) for i in document.get(section) or [] if isinstance(i, dict) and i.get("id")
        ]
        if items:
            groups.append((SECTION_TITLES[section], items))
    return groups


# ---------------------------------------------------------------------------------------------- lists


def comment_for(user, pk: int) -> Comment:
    """A comment of a canvas the user's team owns (404 otherwise)."""
    queryset = Comment.objects.select_related("canvas__team", "author", "parent").filter(
        canvas__team__memberships__user=user, canvas__deleted_at__isnull=True
    )
    return get_object_or_404(queryset, pk=pk)


def filtered_threads(canvas: Canvas, *, state: str = "", section: str = "", author: str = "") -> list[int]:
    """The threads of a canvas that match the filters, in the order of the page, as primary keys: one query of
    four columns, so a list of hundreds of threads costs little before a page of them is loaded."""
    threads = Comment.objects.threads().filter(canvas=canvas)
    if state == "open":
        threads = threads.filter(resolved_at__isnull=True)
    elif state == "resolved":
        threads = threads.filter(resolved_at__isnull=False)
    if section:
        threads = threads.filter(section="" if section == "canvas" else section)
    if author:
        replied = Comment.objects.filter(parent=OuterRef("pk"), author__username=author)
        threads = threads.filter(Q(author__username=author) | Exists(replied))
    index = item_index(canvas.document)
    rows = threads.order_by("created_at", "pk").values_list("pk", "section", "item_id", "created_at")
    return [row[0] for row in sorted(rows, key=lambda row: _order(*row[1:], index))]


def threads_by_pk(canvas: Canvas, pks: list[int]) -> list[Thread]:
    """These threads of a canvas, in the order given, with their replies: two queries."""
    found = {
        thread.pk: thread for thread in threads_of(canvas, Comment.objects.threads().filter(canvas=canvas, pk__in=pks))
    }
    return [found[pk] for pk in pks if pk in found]


def comment_authors(canvas: Canvas) -> list[str]:
    return sorted(
        set(Comment.objects.filter(canvas=canvas, author__isnull=False).values_list("author__username", flat=True))
    )


EDITOR_THREADS = 12


def editor_threads(canvas: Canvas) -> dict:
    """The open threads as the editor shows them: the first EDITOR_THREADS, oldest first, and whether there are
    more. One query."""
    threads = list(
        Comment.objects.threads()
        .live()
        .filter(canvas=canvas, resolved_at__isnull=True)
        .select_related("author")
        .order_by("created_at", "pk")[: EDITOR_THREADS + 1]
    )
    items = item_index(canvas.document)
    for thread in threads:
        # The item as it is named now; an item removed since keeps its id.
        found = items.get(thread.item_id)
        thread.item_label = (
            (found[2].get("title") or found[2].get("name") or thread.item_id) if found else thread.item_id
        )
    return {"review_open_threads": threads[:EDITOR_THREADS], "review_more_threads": len(threads) > EDITOR_THREADS}
