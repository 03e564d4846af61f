"""Generated teams, canvases and comments at a council's scale, for benchmarks and load tests.

Everything is written with bulk inserts in batches, so 10,000 canvases with 100,000 comments take
a few minutes at most. The text is varied but plain; every canvas is a valid canvas document.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from workbench.canvases.models import Canvas, Revision, Status
from workbench.comments.models import Comment
from workbench.document import SECTION_TITLES, empty_document, normalize
from workbench.notifications.models import Activity
from workbench.teams.models import Membership, Role, Team

LOAD_PASSWORD = "load-test-password"
PLACES = [
    "Camden",
    "Leeds",
    "Bristol",
    "Glasgow",
    "Cardiff",
    "Belfast",
    "Norwich",
    "Leicester",
    "Brighton",
    "York",
    "Hackney",
    "Salford",
    "Plymouth",
    "Derby",
    "Dundee",
    "Swansea",
    "Oxford",
    "Kent",
    "Cornwall",
    "Fife",
]
TOPICS = [
    ("healthy food", "everyone eats well every day", "children eating five portions a day", "%"),
    ("warm homes", "no household lives in a cold home", "homes rated EPC C or better", "%"),
    ("clean air", "every child breathes clean air", "days over the WHO limit for PM2.5", "days"),
    (
        "safe streets",
        "no one is killed or seriously injured on our roads",
        "people killed or seriously injured",
        "people",
    ),
    ("good work", "every young person is in work, training or education", "young people not in work or education", "%"),
    ("healthy ageing", "people live five more years in good health", "healthy life expectancy", "years"),
    ("net zero", "the borough reaches net zero carbon", "carbon emissions", "kt CO2e"),
    ("early years", "every child starts school ready to learn", "children with a good level of development", "%"),
]
CAUSES = [
    "Low incomes leave little for {t}",
    "Services for {t} are hard to reach",
    "Data on {t} is scattered",
    "Housing makes {t} harder",
    "Little time and few places for {t}",
    "Funding for {t} is short-term",
    "People are not asked what {t} should look like",
    "Rules slow down work on {t}",
]
AREAS = [
    "Neighbourhood hubs for {t}",
    "Schools as anchors of {t}",
    "Shared data on {t}",
    "Local businesses leading on {t}",
    "Residents designing {t}",
    "Procurement that buys {t}",
]
LEVERS = [
    ("Grant scheme for community projects", "funding", "supply"),
    ("Council purchasing rules", "procurement", "demand"),
    ("Planning guidance", "regulation", "both"),
    ("Partnership board", "convening", "both"),
    ("Open dashboard", "data_and_infrastructure", "supply"),
    ("Campaign with residents", "communication", "demand"),
    ("Training for front-line staff", "skills", "supply"),
    ("Use of council land", "land_and_assets", "supply"),
]
COMMENTS = [
    "Where does this figure come from?",
    "Could we say who owns this?",
    "This reads well.",
    "Is the target realistic by then?",
    "Residents asked for this in the survey.",
    "Please spell out the acronym.",
    "Can we link this to a root cause?",
    "The baseline year looks old.",
    "Agreed, let us keep this.",
    "I would make this shorter.",
    "Good point, changed it.",
    "Who funds this after the pilot?",
]
SECTIONS = ["identity", "story", "root_causes", "opportunity_areas", "levers", "metrics", "governance", "horizons"]


def generated_document(rng: random.Random, n: int) -> dict:
    """One varied, valid canvas document."""
    topic, outcome, metric_name, unit = rng.choice(TOPICS)
    place = rng.choice(PLACES)
    deadline = rng.choice([2030, 2030, 2032, 2035, 2040])
    doc = empty_document(f"{topic.capitalize()} in {place} ({n})")
    doc["statement"] = rng.choice(
        [
            f"By {deadline}, {outcome} in {place}.",
            f"By {deadline}, {outcome} in {place}, and the gap between richest and poorest areas halves.",
            f"We will work to improve {topic} in {place}.",
        ]
    )
    doc.update(place=place, population=f"Residents of {place}", deadline_year=deadline)
    doc["story"] = {
        "why_now": f"Too many people in {place} miss out on {topic}.",
        "who_is_affected": "Families on low incomes most of all.",
        "what_will_change": f"By {deadline} {outcome}.",
    }
    doc["system"]["description"] = (
        f"Low incomes, poor housing and scattered services feed each other and hold back {topic}."
    )
    items = rng.randint(2, 8)
    doc["root_causes"] = [
        {
            "id": f"rc-{i}",
            "title": CAUSES[(i + n) % len(CAUSES)].format(t=topic),
            "description": "",
            "evidence": {"figure": f"{rng.randint(10, 60)} % of residents", "source": "Residents survey"},
        }
        for i in range(1, items + 1)
    ]
    doc["stakeholders"] = [
        {"id": f"actor-{i}", "name": name, "sector": sector, "role": ""}
        for i, (name, sector) in enumerate(
            [
                ("The council", "public_sector"),
                ("Local NHS", "health_and_care"),
                ("Residents' panel", "citizens"),
                ("Food bank network", "civil_society"),
                ("University", "research"),
                ("Local businesses", "business"),
            ][:items],
            1,
        )
    ]
    doc["opportunity_areas"] = [
        {
            "id": f"area-{i}",
            "title": AREAS[(i + n) % len(AREAS)].format(t=topic),
            "description": "",
            "root_causes": [f"rc-{i}"],
            "initiatives": [f"Pilot {i}"],
        }
        for i in range(1, items + 1)
    ]
    doc["levers"] = [
        {
            "id": f"lever-{i}",
            "title": LEVERS[(i + n) % len(LEVERS)][0],
            "description": "",
            "type": LEVERS[(i + n) % len(LEVERS)][1],
            "side": LEVERS[(i + n) % len(LEVERS)][2],
            "status": rng.choice(["new", "existing"]),
            "owner": "The council",
            "opportunity_areas": [f"area-{i}"],
        }
        for i in range(1, items + 1)
    ]
    baseline = rng.randint(10, 60)
    doc["metrics"] = [
        {
            "id": f"metric-{i}",
            "name": f"{metric_name.capitalize()} ({i})",
            "kind": "mission_outcome",
            "unit": unit,
            "direction": "increase",
            "baseline": {"value": baseline, "year": 2023},
            "target": {"value": baseline + 20, "year": deadline},
            "source": "Annual borough report",
            "measures": ["mission"],
        }
        for i in range(1, max(2, items // 2) + 1)
    ]
    doc["governance"]["monitoring"] = "A yearly report to the partnership board."
    doc["near_term"] = "Three neighbourhood pilots this year."
    doc["long_term"] = f"By {deadline} {outcome}."
    return normalize(doc)


def _batches(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


@transaction.atomic
def generate(*, teams: int, canvases: int, comments: int, seed: int = 1, batch: int = 1000, log=print) -> dict:
    """Write the data set; returns the counts written."""
    rng = random.Random(seed)
    User = get_user_model()
    password = make_password(LOAD_PASSWORD)
    run = timezone.now().strftime("%H%M%S")
    now = timezone.now()
    team_rows = Team.objects.bulk_create(
        [Team(name=f"{rng.choice(PLACES)} mission team {t}", slug=f"load-{run}-{t}") for t in range(teams)], batch
    )
    user_rows = User.objects.bulk_create(
        [
            User(username=f"load-{run}-{t}-{role}", email=f"load-{run}-{t}-{role}@example.org", password=password)
            for t in range(teams)
            for role in ("owner", "editor", "reviewer", "viewer")
        ],
        batch,
    )
    members = {}
    memberships = []
    for t, team in enumerate(team_rows):
        for r, role in enumerate((Role.OWNER, Role.EDITOR, Role.REVIEWER, Role.VIEWER)):
            user = user_rows[t * 4 + r]
            memberships.append(Membership(team=team, user=user, role=role))
            members.setdefault(team.pk, []).append(user)
    Membership.objects.bulk_create(memberships, batch)
    log(f"  {teams} teams, {len(user_rows)} people")

    canvas_rows, documents = [], []
    for n in range(canvases):
        team = team_rows[n % teams]
        doc = generated_document(rng, n)
        documents.append(doc)
        author = rng.choice(members[team.pk][:2])
        when = now - timedelta(days=rng.randint(0, 700), minutes=rng.randint(0, 1440))
        canvas_rows.append(
            Canvas(
                team=team,
                title=doc["title"],
                statement=doc["statement"],
                document=doc,
                status=rng.choice(list(Status.values)),
                created_by=author,
                updated_by=author,
                updated_at=when,
            )
        )
    for chunk in _batches(canvas_rows, batch):
        Canvas.objects.bulk_create(chunk, batch)
    revision_rows = []
    for canvas, doc in zip(canvas_rows, documents, strict=True):
        count = rng.choice([1, 1, 2, 3])
        for number in range(1, count + 1):
            revision_rows.append(
                Revision(
                    canvas=canvas,
                    number=number,
                    document=doc,
                    author=canvas.created_by,
                    summary="created the canvas" if number == 1 else SECTION_TITLES["story"],
                )
            )
    for chunk in _batches(revision_rows, batch):
        Revision.objects.bulk_create(chunk, batch)
    latest = {}
    for revision in revision_rows:
        latest[revision.canvas_id] = revision
    for canvas in canvas_rows:
        canvas.current_revision = latest[canvas.pk]
    for chunk in _batches(canvas_rows, batch):
        Canvas.objects.bulk_update(chunk, ["current_revision"], batch)
    log(f"  {canvases} canvases, {len(revision_rows)} revisions")

    # Comments: most canvases get a few, some get many, as in real review.
    weights = [rng.paretovariate(1.5) for _ in canvas_rows]
    targets = rng.choices(range(len(canvas_rows)), weights=weights, k=comments)
    threads, comment_rows, activity_rows = {}, [], []
    for index in targets:
        canvas, doc = canvas_rows[index], documents[index]
        reviewer = members[canvas.team_id][2]
        open_threads = threads.get(canvas.pk, [])
        if open_threads and rng.random() < 0.35:
            parent = rng.choice(open_threads)
            comment_rows.append(
                Comment(
                    canvas=canvas,
                    parent=parent,
                    section=parent.section,
                    item_id=parent.item_id,
                    revision=1,
                    author=members[canvas.team_id][1],
                    body=rng.choice(COMMENTS),
                )
            )
            continue
        section = rng.choice(SECTIONS)
        items = doc.get(section) if isinstance(doc.get(section), list) else None
        item_id = rng.choice(items)["id"] if items and rng.random() < 0.6 else ""
        thread = Comment(
            canvas=canvas,
            section=section,
            item_id=item_id,
            revision=1,
            author=reviewer,
            body=rng.choice(COMMENTS),
            resolved_at=now if rng.random() < 0.3 else None,
        )
        comment_rows.append(thread)
        threads.setdefault(canvas.pk, []).append(thread)
    thread_rows = [c for c in comment_rows if c.parent is None]
    reply_rows = [c for c in comment_rows if c.parent is not None]
    for chunk in _batches(thread_rows, batch):
        Comment.objects.bulk_create(chunk, batch)
    for reply in reply_rows:
        reply.parent_id = reply.parent.pk
    for chunk in _batches(reply_rows, batch):
        Comment.objects.bulk_create(chunk, batch)
    for thread in thread_rows:
        activity_rows.append(
            Activity(
                team_id=thread.canvas.team_id,
                canvas=thread.canvas,
                actor=thread.author,
                verb=Activity.Verb.COMMENTED,
                revision=1,
                thread=thread,
                text=thread.body[:300],
            )
        )
    for chunk in _batches(activity_rows, batch):
        Activity.objects.bulk_create(chunk, batch)
    log(f"  {len(comment_rows)} comments ({len(thread_rows)} threads), {len(activity_rows)} activities")
    return {
        "teams": teams,
        "people": len(user_rows),
        "canvases": canvases,
        "revisions": len(revision_rows),
        "comments": len(comment_rows),
    }
