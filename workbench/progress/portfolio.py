"""A team's portfolio: all its missions side by side, the levers and actors several of them share, and a timeline
of deadlines and milestones. A fixed number of queries whatever the number of missions and measurements; the
checker's level of each mission is kept per revision and latest measurement dates (workbench/caching.py)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.http import urlencode

from workbench import caching
from workbench.canvases.models import Canvas, Status
from workbench.checker import LEVELS, check
from workbench.document.spec import CANVAS
from workbench.progress import overview, track
from workbench.progress.actions import near_term_actions
from workbench.progress.models import ActionMark, ProgressSettings, SharedName
from workbench.progress.selectors import latest_values

LEVEL_NAMES = [name for name, _ in LEVELS]  # from the top
SORTS = {
    "title": ("Mission", lambda row: row["title"].casefold()),
    "deadline": ("Deadline", lambda row: (row["deadline"] is None, row["deadline"] or 0)),
    "status": ("Review status", lambda row: list(Status.values).index(row["status"])),
    "level": ("Checker level", lambda row: (-LEVEL_NAMES.index(row["level"]), row["readiness"])),
    "on_track": ("Metrics on track", lambda row: (row["progress"]["judged"] == 0, -_share(row["progress"]))),
}
PER_PAGE = 50
_STOP = {"the", "a", "an", "of", "and", "for", "our", "its", "their", "to", "in", "on"}


def _share(progress: dict) -> float:
    return progress["on_track"] / progress["judged"] if progress["judged"] else 0.0


def normalised(name: str) -> str:
    """A lever's or actor's name compared across missions: no case, accents, punctuation, small words or plurals."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().casefold()
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w and w not in _STOP]
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)[:300]


def _level(canvas, document, latest: dict, today: dt.date) -> tuple:
    measured = overview.measured_dates({metric: (year, date) for metric, (year, date, _) in latest.items()})
    key = caching.measured_checker_key(canvas, measured, today, what="level")
    return key, lambda: _verdict(document, measured, today)


def _verdict(document, measured, today):
    report = check(document, measured=measured, today=today)
    return (report.level, report.readiness)


PARAMS = ("q", "status", "level", "sort", "order", "page")


def choices(params) -> dict:
    """The filters and order the address asks for, each checked against what it may be."""
    return {
        "query": (params.get("q") or "").strip()[:200],
        "status": params.get("status") if params.get("status") in Status.values else "",
        "level": params.get("level") if params.get("level") in LEVEL_NAMES else "",
        "sort": params.get("sort") if params.get("sort") in SORTS else "deadline",
        "descending": params.get("order") == "desc",
        "sorts": [(key, label) for key, (label, _) in SORTS.items()],
        "statuses": Status.choices,
        "levels": LEVEL_NAMES,
    }


def build(team, *, today: dt.date, params) -> dict:
    """Everything the portfolio page shows, filtered and sorted as the address asks."""
    canvases = list(
        Canvas.objects.live()
        .filter(team=team)
        .select_related("current_revision")
        .only(
            "id",
            "title",
            "statement",
            "status",
            "document",
            "team_id",
            "current_revision__number",
            "current_revision__created_at",
        )
        .order_by("title", "pk")
    )
    ids = [c.pk for c in canvases]
    latest = latest_values(ids)
    tolerance = dict(ProgressSettings.objects.filter(canvas_id__in=ids).values_list("canvas_id", "tolerance"))
    marks = defaultdict(dict)
    for mark in ActionMark.objects.filter(canvas_id__in=ids).only("canvas_id", "key", "done", "on"):
        marks[mark.canvas_id][mark.key] = mark
    decisions = {(d.kind, d.key): d.same for d in SharedName.objects.filter(team=team)}

    # The checker's level of each mission, kept; the missing ones are worked out and kept together.
    wanted = {c.pk: _level(c, c.document, latest.get(c.pk, {}), today) for c in canvases}
    found = caching.cache.get_many([key for key, _ in wanted.values()])
    fresh = {key: compute() for key, compute in wanted.values() if key not in found}
    if fresh:
        caching.cache.set_many(fresh, caching.REVISION_SECONDS)
    levels = {**found, **fresh}

    rows, levers, actors, timeline = [], defaultdict(list), defaultdict(list), defaultdict(list)
    for canvas in canvases:
        doc = canvas.document
        level, readiness = levels[wanted[canvas.pk][0]]
        progress = overview.summary(
            doc, latest.get(canvas.pk, {}), tolerance=tolerance.get(canvas.pk, track.DEFAULT_TOLERANCE), today=today
        )
        row = {
            "pk": canvas.pk,
            "url": reverse("canvases:detail", kwargs={"pk": canvas.pk}),
            "progress_url": reverse("progress:canvas", kwargs={"pk": canvas.pk}),
            "title": canvas.title,
            "statement": canvas.statement,
            "deadline": doc.get("deadline_year"),
            "status": canvas.status,
            "status_label": Status(canvas.status).label,
            "level": level,
            "readiness": readiness,
            "progress": progress,
        }
        rows.append(row)
        for lever in doc.get("levers") or []:
            if key := normalised(lever.get("title") or ""):
                levers[key].append(
                    {
                        "canvas": row,
                        "name": lever["title"],
                        "detail": CANVAS.choice_label("lever_type", lever.get("type")),
                    }
                )
        for actor in doc.get("stakeholders") or []:
            if key := normalised(actor.get("name") or ""):
                actors[key].append(
                    {"canvas": row, "name": actor["name"], "detail": CANVAS.choice_label("sector", actor.get("sector"))}
                )
        if row["deadline"]:
            timeline[row["deadline"]].append({"canvas": row, "kind": "Deadline", "text": "The mission's deadline"})
        for metric in doc.get("metrics") or []:
            year = (metric.get("target") or {}).get("year")
            if year and year != row["deadline"]:
                value = (metric.get("target") or {}).get("value")
                target = f": {track.fmt(value)} {metric.get('unit') or ''}".rstrip() if value is not None else ""
                timeline[year].append(
                    {
                        "canvas": row,
                        "kind": CANVAS.label("metrics.target"),
                        "text": f"{metric.get('name') or 'A metric'}{target}",
                    }
                )
        for action in near_term_actions(doc.get("near_term") or ""):
            mark = marks[canvas.pk].get(action["key"])
            if mark and mark.on:
                kind = "Done" if mark.done else "Due"
                timeline[mark.on.year].append({"canvas": row, "kind": kind, "text": action["text"], "on": mark.on})

    chosen = choices(params)
    query, status, level = chosen["query"], chosen["status"], chosen["level"]
    shown = [
        row
        for row in rows
        if (not query or query.casefold() in f"{row['title']} {row['statement']}".casefold())
        and (not status or row["status"] == status)
        and (not level or row["level"] == level)
    ]
    sort, descending = chosen["sort"], chosen["descending"]
    headers = []
    for key, (label, _) in SORTS.items():
        # A column's heading sorts by it; the sorted column's heading turns the order round.
        order = "asc" if key != sort or descending else "desc"
        address = urlencode({"q": query, "status": status, "level": level, "sort": key, "order": order})
        current = ("descending" if descending else "ascending") if key == sort else ""
        headers.append({"label": label, "href": f"?{address}", "aria_sort": current})
    shown.sort(key=SORTS[sort][1], reverse=descending)
    shown_ids = {row["pk"] for row in shown}
    page = Paginator(shown, PER_PAGE).get_page(params.get("page"))

    def shared(groups: dict, kind: str) -> list[dict]:
        out = []
        for key, entries in sorted(groups.items()):
            missions = {entry["canvas"]["pk"] for entry in entries}
            if len(missions) < 2 or not missions & shown_ids:
                continue
            out.append(
                {
                    "kind": kind,
                    "key": key,
                    "entries": entries,
                    "missions": len(missions),
                    "names": sorted({entry["name"] for entry in entries}),
                    "decision": decisions.get((kind, key)),
                }
            )
        out.sort(key=lambda group: (group["decision"] is False, -group["missions"], group["key"]))
        return out

    years = [
        {"year": year, "entries": [e for e in entries if e["canvas"]["pk"] in shown_ids]}
        for year, entries in sorted(timeline.items())
    ]
    totals = {
        "missions": len(rows),
        "judged": sum(row["progress"]["judged"] for row in rows),
        "on_track": sum(row["progress"]["on_track"] for row in rows),
    }
    return {
        "page": page,
        "rows": page.object_list,
        "shown": len(shown),
        "totals": totals,
        **chosen,
        "headers": headers,
        "shared_groups": [
            ("Levers", shared(levers, "lever")),
            (CANVAS.section("stakeholders").title, shared(actors, "actor")),
        ],
        "timeline": [y for y in years if y["entries"]],
        "today": today,
    }
