"""Short and long term: what happens in the next twelve months and what has changed by the deadline."""

from __future__ import annotations

import re

from workbench.checker.base import URGENCY_AND_LONG_VIEW, Rule, register
from workbench.checker.language import words
from workbench.checker.shapes import PartPresent, declare

_WHEN = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|"
    r"autumn|winter|(?:19|20|21)\d\d|this\s+year|next\s+year|months?|weeks?|quarter|q[1-4]|first\s+year|"
    r"by\s+the\s+end\s+of)\b",
    re.IGNORECASE,
)


declare(
    PartPresent,
    id="near-term-missing",
    part="near_term",
    criterion="short_and_long_term",
    severity="warning",
    section="horizons",
    title="The near term is described",
    looks_for="An empty near-term field.",
    why="Missions balance urgent needs today (food poverty now) with long-term change; both need a plan.",
    source=URGENCY_AND_LONG_VIEW,
    how_to_fix="Say what happens in the next twelve months and who does it.",
    weight=40,
    message="Nothing says what happens in the next twelve months.",
    suggestion="List the first actions, e.g. 'open two community kitchens by March'.",
    point_at="near_term",
)


declare(
    PartPresent,
    id="long-term-missing",
    part="long_term",
    criterion="short_and_long_term",
    severity="warning",
    section="horizons",
    title="The long term is described",
    looks_for="An empty long-term field.",
    why="Quick results must not crowd out the systemic change a mission is for.",
    source=URGENCY_AND_LONG_VIEW,
    how_to_fix="Describe what will be different by the deadline, for people and for the system.",
    weight=40,
    message="Nothing says what will have changed by the deadline.",
    suggestion="Describe the lasting change, e.g. how residents eat, shop and grow food by 2030.",
    point_at="long_term",
)


@register
class NearTermDated(Rule):
    id = "near-term-dated"
    needs = ("near_term",)
    criterion = "short_and_long_term"
    severity = "advice"
    section = "horizons"
    title = "The near-term actions have dates"
    looks_for = "A near-term description with no month, year or number of months in it."
    why = "Urgency only shows when the first steps have dates."
    source = URGENCY_AND_LONG_VIEW
    how_to_fix = "Give each first action a month or a quarter."
    weight = 20

    def findings(self, canvas):
        text = canvas.near_term
        if not words(text) or _WHEN.search(text):
            return []
        return [
            self.finding(
                "The near-term actions have no dates.",
                "Add when each happens, e.g. 'by June' or 'in the first three months'.",
                field="near_term",
            )
        ]
