"""Plain factory functions for tests: each makes one thing with sensible defaults."""

from __future__ import annotations

import itertools

from django.contrib.auth import get_user_model

from workbench.canvases import services as canvas_services
from workbench.document import empty_document
from workbench.teams.models import Membership, Team

_counter = itertools.count(1)
PASSWORD = "correct horse battery staple"


def make_user(username: str | None = None, **fields):
    n = next(_counter)
    username = username or f"person{n}"
    fields.setdefault("email", f"{username}@example.org")
    return get_user_model().objects.create_user(username=username, password=PASSWORD, **fields)


def make_team(name: str | None = None, **members) -> Team:
    """A team; members given as role=user or role=[users]."""
    n = next(_counter)
    team = Team.objects.create(name=name or f"Team {n}", slug=f"team-{n}")
    for role, users in members.items():
        for user in users if isinstance(users, list | tuple) else [users]:
            Membership.objects.create(team=team, user=user, role=role)
    return team


def full_document(title: str = "Good food for everyone", items: int = 2) -> dict:
    """A canvas document with every section filled and `items` items in each list."""
    doc = empty_document(title)
    doc.update(
        statement="By 2030, everyone in the borough eats well every day with affordable food.",
        place="A London borough",
        population="All 210,000 residents",
        deadline_year=2030,
        budget={"amount": 1500000, "currency": "GBP", "period": "2024–2030"},
        story={
            "why_now": "Food prices rose fast and more families skip meals.",
            "who_is_affected": "Children in low-income homes most of all.",
            "what_will_change": "Every child eats a warm, healthy meal each day.",
        },
        system={"description": "Low incomes, few shops and little time feed each other."},
        governance={
            "monitoring": "A yearly report on the measures.",
            "working_together": "A partnership board meets every quarter.",
            "learning_together": "Learning sessions after each pilot.",
            "ict_and_data": "Shared data on school meals.",
            "financing": "Pooled budget from the council and the NHS.",
            "conflicts_of_interest": "Members declare interests at each meeting.",
            "evaluation": "An early evaluation after 18 months.",
        },
        near_term="Free breakfasts in ten schools this year.",
        long_term="No child in the borough goes hungry.",
    )
    doc["layers"] = [
        {"id": f"layer-{i}", "level": "project", "title": f"Project {i}", "description": ""}
        for i in range(1, items + 1)
    ]
    doc["root_causes"] = [
        {
            "id": f"rc-{i}",
            "title": f"Root cause {i}",
            "description": f"Why {i}",
            "evidence": {"figure": f"{i} in 4", "source": "Survey"},
        }
        for i in range(1, items + 1)
    ]
    doc["stakeholders"] = [
        {
            "id": f"actor-{i}",
            "name": f"Actor {i}",
            "sector": "civil_society" if i % 2 else "citizens",
            "role": "Partner",
        }
        for i in range(1, items + 1)
    ]
    doc["opportunity_areas"] = [
        {
            "id": f"area-{i}",
            "title": f"Area {i}",
            "description": "",
            "root_causes": [f"rc-{i}"],
            "initiatives": [f"Initiative {i}"],
        }
        for i in range(1, items + 1)
    ]
    doc["levers"] = [
        {
            "id": f"lever-{i}",
            "title": f"Lever {i}",
            "description": "",
            "type": "procurement",
            "side": "demand",
            "status": "new",
            "owner": "Council",
            "opportunity_areas": [f"area-{i}"],
        }
        for i in range(1, items + 1)
    ]
    doc["metrics"] = [
        {
            "id": f"metric-{i}",
            "name": f"Metric {i}",
            "kind": "mission_outcome",
            "unit": "%",
            "direction": "increase",
            "baseline": {"value": 20, "year": 2023},
            "target": {"value": 50, "year": 2030},
            "source": "Borough report",
            "measures": ["mission"],
        }
        for i in range(1, items + 1)
    ]
    doc["citations"] = {"statement": [{"source": "https://example.org/mission", "outside": True}]}
    return doc


def make_canvas(team: Team, user=None, document: dict | None = None, title: str = "Good food for everyone"):
    return canvas_services.create_canvas(team=team, user=user, document=document or full_document(title))


def publish(canvas, people):
    """Take a canvas through the review to published at its current revision: submitted by the editor, approved by
    the reviewer, published by the owner."""
    from workbench.workflow import services as workflow

    workflow.submit_for_review(canvas=canvas, user=people["editor"])
    workflow.approve(canvas=canvas, user=people["reviewer"])
    workflow.publish(canvas=canvas, user=people["owner"])
    canvas.refresh_from_db()
    return canvas


def edit(canvas, user, **fields):
    """Save a new revision of a canvas with some top-level fields of its document changed."""
    document = {**canvas.document, **fields}
    canvas_services.save_canvas(canvas=canvas, user=user, document=document, base_revision=canvas.revision_number)
    canvas.refresh_from_db()
    return canvas
