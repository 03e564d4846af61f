"""A forgiving, read-only view of a canvas document for the rules.

The checker must never raise, whatever it is handed: every value is read through the helpers here,
which turn a wrong type into the empty value of the right type. A rule therefore only ever sees
strings, numbers, years, lists of ids and lists of item dicts with every field present.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

MAX_TEXT = 20_000  # the schema's own limit for long text; longer input is read up to here
MAX_ITEMS = 2_000  # items read per list section; a canvas with more is not a mission on a page

STORY_FIELDS = ("why_now", "who_is_affected", "what_will_change")
GOVERNANCE_FIELDS = (
    "monitoring",
    "working_together",
    "learning_together",
    "ict_and_data",
    "financing",
    "conflicts_of_interest",
    "evaluation",
)
MISSION_TARGET = "mission"


def as_text(value) -> str:
    """The value if it is text (trimmed to MAX_TEXT), else the empty string."""
    if isinstance(value, str):
        return value[:MAX_TEXT]
    return ""


def as_number(value) -> float | None:
    """A finite int or float (never a bool), else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except (OverflowError, ValueError):
        return None
    return number if math.isfinite(number) else None


def as_year(value) -> int | None:
    """A whole year between 1900 and 2200, else None."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 1900 <= value <= 2200 else None


def as_dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def as_list(value) -> list:
    return value[:MAX_ITEMS] if isinstance(value, list) else []


def as_ids(value) -> list[str]:
    return [entry for entry in as_list(value) if isinstance(entry, str) and entry]


@dataclass
class Measurement:
    value: float | None = None
    year: int | None = None


def _measurement(value) -> Measurement:
    data = as_dict(value)
    return Measurement(as_number(data.get("value")), as_year(data.get("year")))


@dataclass
class Item:
    """One list item with every field read safely; `id` is None when the item has no usable id."""

    section: str
    position: int
    id: str | None
    fields: dict = field(default_factory=dict)

    def text(self, name: str) -> str:
        return as_text(self.fields.get(name))

    def ids(self, name: str) -> list[str]:
        return as_ids(self.fields.get(name))

    def choice(self, name: str) -> str:
        value = self.fields.get(name)
        return value.strip() if isinstance(value, str) else ""

    def measurement(self, name: str) -> Measurement:
        return _measurement(self.fields.get(name))

    def path(self, name: str | None = None) -> str:
        base = f"{self.section}[{self.position}]"
        return f"{base}.{name}" if name else base


def _items(document: dict, section: str) -> list[Item]:
    items = []
    for position, raw in enumerate(as_list(document.get(section))):
        if not isinstance(raw, dict):
            continue
        raw_id = raw.get("id")
        item_id = raw_id if isinstance(raw_id, str) and raw_id else None
        items.append(Item(section, position, item_id, raw))
    return items


class Canvas:
    """The parts of a canvas document the rules read, each of the type the rules expect."""

    def __init__(self, document):
        document = document if isinstance(document, dict) else {}
        self.document = document
        self.title = as_text(document.get("title"))
        self.statement = as_text(document.get("statement")).strip()
        self.place = as_text(document.get("place"))
        self.population = as_text(document.get("population"))
        self.deadline_year = as_year(document.get("deadline_year"))
        budget = as_dict(document.get("budget"))
        self.budget_amount = as_number(budget.get("amount"))
        self.budget_period = as_text(budget.get("period"))
        self.budget_currency = as_text(budget.get("currency")).strip().upper()
        story = as_dict(document.get("story"))
        self.story = {name: as_text(story.get(name)) for name in STORY_FIELDS}
        self.system = as_text(as_dict(document.get("system")).get("description"))
        governance = as_dict(document.get("governance"))
        self.governance = {name: as_text(governance.get(name)) for name in GOVERNANCE_FIELDS}
        self.near_term = as_text(document.get("near_term"))
        self.long_term = as_text(document.get("long_term"))
        self.layers = _items(document, "layers")
        self.root_causes = _items(document, "root_causes")
        self.stakeholders = _items(document, "stakeholders")
        self.opportunity_areas = _items(document, "opportunity_areas")
        self.levers = _items(document, "levers")
        self.metrics = _items(document, "metrics")
        self.waivers = [entry for entry in as_list(document.get("waivers")) if isinstance(entry, dict)]
        self._reading = None
        self.memo: dict = {}  # what several rules work out from the same canvas, computed once

    def measures(self, metric: Item) -> str:
        """What a metric counts by its own words: "outcome", "output" or "unclear" (see outcomes.read_metric)."""
        from workbench.checker.outcomes import read_metric

        return read_metric(metric.text("name"), metric.text("unit"))

    def counts_outcome(self, metric: Item) -> bool:
        """A metric of the change itself: its words say so, or they say nothing and its label does."""
        measured = self.measures(metric)
        return measured == "outcome" or (
            measured == "unclear" and metric.choice("kind") in ("mission_outcome", "intermediate_outcome")
        )

    @property
    def reading(self):
        """The statement as the statement reader understands it (computed once)."""
        if self._reading is None:
            from workbench.checker.statement import read_statement

            self._reading = read_statement(self.statement)
        return self._reading

    def has(self, part: str) -> bool:
        """Whether a part of the canvas a rule needs is there: a list section with items, "statement",
        "deadline" (in the statement or the deadline year), "near_term", "long_term", or "text" (a statement or a story)."""
        if part in ("layers", "root_causes", "stakeholders", "opportunity_areas", "levers", "metrics"):
            return bool(getattr(self, part))
        if part == "statement":
            return not self.reading.empty
        if part == "deadline":
            return bool(self.deadline_year or self.reading.has_deadline)
        if part in ("near_term", "long_term"):
            return bool(getattr(self, part).strip())
        if part == "text":
            return not self.reading.empty or any(text.strip() for text in self.story.values())
        return False

    def ids(self, section: str) -> set[str]:
        return {item.id for item in getattr(self, section) if item.id}

    def texts(self):
        """Every free-text field as (section, field path, item id, text), in canvas order."""
        yield "identity", "title", None, self.title
        yield "identity", "statement", None, self.statement
        yield "identity", "place", None, self.place
        yield "identity", "population", None, self.population
        yield "identity", "budget.period", None, self.budget_period
        for item in self.layers:
            yield "layers", item.path("title"), item.id, item.text("title")
            yield "layers", item.path("description"), item.id, item.text("description")
        for name in STORY_FIELDS:
            yield "story", f"story.{name}", None, self.story[name]
        for item in self.root_causes:
            yield "root_causes", item.path("title"), item.id, item.text("title")
            yield "root_causes", item.path("description"), item.id, item.text("description")
            evidence = as_dict(item.fields.get("evidence"))
            yield "root_causes", item.path("evidence.figure"), item.id, as_text(evidence.get("figure"))
        yield "system", "system.description", None, self.system
        for item in self.stakeholders:
            yield "stakeholders", item.path("role"), item.id, item.text("role")
        for item in self.opportunity_areas:
            yield "opportunity_areas", item.path("title"), item.id, item.text("title")
            yield "opportunity_areas", item.path("description"), item.id, item.text("description")
            for index, initiative in enumerate(as_list(item.fields.get("initiatives"))):
                yield "opportunity_areas", item.path(f"initiatives[{index}]"), item.id, as_text(initiative)
        for item in self.levers:
            yield "levers", item.path("title"), item.id, item.text("title")
            yield "levers", item.path("description"), item.id, item.text("description")
        for item in self.metrics:
            yield "metrics", item.path("name"), item.id, item.text("name")
        for name in GOVERNANCE_FIELDS:
            yield "governance", f"governance.{name}", None, self.governance[name]
        yield "horizons", "near_term", None, self.near_term
        yield "horizons", "long_term", None, self.long_term
