"""Reads of the activity feed and the notifications, each built with a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import CharField, F, IntegerField, TextField, Value
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404

from workbench.canvases.models import Canvas, Revision
from workbench.notifications.models import Activity, Notification, NotificationPreference


@dataclass
class Entry:
    """One line of an activity feed or a timeline."""

    kind: str
    at: object
    actor_name: str | None  # None where the person's account is gone
    canvas: object
    text: str
    revision: int
    thread_id: int | None
    canvas_url: str = ""

    @property
    def is_edit(self):
        return self.kind == "edited"

    @property
    def is_decision(self):
        return self.kind in {
            Activity.Verb.SUBMITTED,
            Activity.Verb.CHANGES_REQUESTED,
            Activity.Verb.APPROVED,
            Activity.Verb.PUBLISHED,
        }

    @property
    def verb(self):
        if self.kind == "edited":
            return "created" if self.revision == 1 else "edited"
        return Activity.Verb(self.kind).label


def _feed(revisions, activities, start: int, stop: int):
    """Rows `start` to `stop` of the edits (revisions) and review actions in one list, newest first, as one SQL
    UNION. Where the database allows it, each side is cut to its own newest `stop` rows first, so they come
    from the indexes by time instead of from a sort of everything."""
    columns = ("f_kind", "f_at", "f_actor", "f_canvas", "f_text", "f_revision", "f_thread")
    edits = (
        revisions.order_by()
        .annotate(
            f_kind=Value("edited", output_field=CharField()),
            f_at=F("created_at"),
            f_actor=F("author_id"),
            f_canvas=F("canvas_id"),
            f_text=Cast("summary", TextField()),
            f_revision=F("number"),
            f_thread=Value(None, output_field=IntegerField()),
        )
        .values_list(*columns)
    )
    actions = (
        activities.order_by()
        .annotate(
            f_kind=Cast("verb", CharField()),
            f_at=F("at"),
            f_actor=F("actor_id"),
            f_canvas=F("canvas_id"),
            f_text=Cast("text", TextField()),
            f_revision=F("revision"),
            f_thread=F("thread_id"),
        )
        .values_list(*columns)
    )
    if connection.features.supports_slicing_ordering_in_compound:
        edits, actions = edits.order_by("-created_at")[:stop], actions.order_by("-at")[:stop]
    return edits.union(actions, all=True).order_by("-f_at")[start:stop]


def _hydrate(rows) -> list[Entry]:
    from django.contrib.auth import get_user_model

    rows = list(rows)
    people = get_user_model().objects.in_bulk({r[2] for r in rows if r[2]})
    names = {pk: person.get_full_name() or person.username for pk, person in people.items()}
    canvases = Canvas.objects.only("id", "title", "team_id").in_bulk({r[3] for r in rows})
    urls = {pk: canvas.get_absolute_url() for pk, canvas in canvases.items()}  # one reverse() per canvas
    return [
        Entry(r[0], r[1], names.get(r[2]), canvases.get(r[3]), r[4] or "", r[5], r[6], urls.get(r[3], "")) for r in rows
    ]


class FeedPage:
    """A page of a feed, newest first, with links to the newer and the older page. A feed is only ever read
    from its newest end, so the page reads one row more than it shows to know whether older ones follow,
    and never counts the whole feed."""

    def __init__(self, revisions, activities, *, page: str | int | None, per_page: int):
        try:
            self.number = min(max(1, int(page or 1)), 10**6)
        except (TypeError, ValueError):
            self.number = 1
        start = (self.number - 1) * per_page
        rows = list(_feed(revisions, activities, start, start + per_page + 1))
        if not rows and self.number > 1:
            # Past the end (an old link, or canvases moved to the bin since): the last page there is.
            everything = list(_feed(revisions, activities, 0, start))
            self.number = max(1, -(-len(everything) // per_page))
            rows = everything[(self.number - 1) * per_page :]
        self.has_previous = self.number > 1
        self.has_next = len(rows) > per_page
        self.entries = _hydrate(rows[:per_page])

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def team_activity(team, *, page: str | int | None, per_page: int = 25) -> FeedPage:
    """A team's edits, comments and decisions, newest first."""
    revisions = Revision.objects.filter(canvas__team=team, canvas__deleted_at__isnull=True)
    activities = Activity.objects.filter(team=team, canvas__deleted_at__isnull=True)
    return FeedPage(revisions, activities, page=page, per_page=per_page)


def canvas_timeline(canvas: Canvas, *, page: str | int | None, per_page: int = 30) -> FeedPage:
    """A canvas's revisions and review actions, newest first."""
    return FeedPage(
        Revision.objects.filter(canvas=canvas), Activity.objects.filter(canvas=canvas), page=page, per_page=per_page
    )


def notifications_for(user, *, show: str, page) -> object:
    queryset = (
        Notification.objects.filter(user=user)
        .select_related("canvas")
        .only("id", "kind", "text", "url", "created_at", "read_at", "canvas__title")
    )
    if show != "all":
        queryset = queryset.filter(read_at__isnull=True)
    return Paginator(queryset, 20).get_page(page)


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notification_of(user, pk: int) -> Notification:
    """One of this person's notifications; 404 for anyone else's."""
    return get_object_or_404(Notification, pk=pk, user=user)


def emails_on(user) -> bool:
    """Whether review e-mails reach this person: on unless they turned them off."""
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference.email if preference else True
