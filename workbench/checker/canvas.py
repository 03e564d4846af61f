"""A forgiving, read-only view of a canvas document for the rules.

The checker must never raise, whatever it is handed: every value is read through the helpers here,
which turn a wrong type into the empty value of the right type. A rule therefore only ever sees
strings, numbers, years, lists of ids and lists of item dicts with every field present.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from workbench.document.spec import CANVAS, MISSION, TEXT_MAX, YEAR_MAX, YEAR_MIN, CanvasSpec

MAX_TEXT = TEXT_MAX  # the schema's own limit for long text; longer input is read up to here
# Items read per list section: ten times what the editor takes, so a canvas with more is not a mission on a page.
MAX_ITEMS = 10 * max(section.max_items for section in CANVAS.list_sections)

STORY_FIELDS = tuple(field.key for field in CANVAS.section("story").fields)
GOVERNANCE_FIELDS = tuple(field.key for field in CANVAS.section("governance").fields)
MISSION_TARGET = MISSION


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
    return value if YEAR_MIN <= value <= YEAR_MAX else None


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
    """The parts of a canvas document the rules read, each of the type the rules expect.

    Every list section of the spec is an attribute holding its items (canvas.metrics), and every group section a
    dict of its texts (canvas.story); the fields rules read by name are attributes of their own (canvas.statement).
    """

    def __init__(self, document, *, spec: CanvasSpec = CANVAS, measured: Mapping | None = None, today=None):
        document = document if isinstance(document, dict) else {}
        self.spec = spec
        # What the caller knows beyond the document (the checker reads no database): the latest date a value was
        # recorded for each metric id, and the day to judge on. None when the caller keeps no measurements.
        self.measured = measured
        self.today = today
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
        self.near_term = as_text(document.get("near_term"))
        self.long_term = as_text(document.get("long_term"))
        self.groups: dict[str, dict[str, str]] = {}
        self.items: dict[str, list[Item]] = {}
        for section in spec.sections:
            if section.kind == "group":
                values = as_dict(document.get(section.key))
                self.groups[section.key] = {f.key: as_text(values.get(f.key)) for f in section.fields}
                setattr(self, section.key, self.groups[section.key])
            elif section.kind == "list":
                self.items[section.key] = _items(document, section.key)
                setattr(self, section.key, self.items[section.key])
        self.system = self.groups["system"]["description"]
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
        if part in self.items:
            return bool(self.items[part])
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
        return {item.id for item in self.items[section] if item.id}

    def texts(self):
        """Every free-text field as (section, field path, item id, text), in canvas order.

        The prose fields of the canvas spec: names, units and sources are left to the rules that read them.
        """
        for section in self.spec.sections:
            if section.kind == "list":
                for item in self.items[section.key]:
                    yield from _texts(section.key, section.fields, item.fields, item.path(), item.id)
            elif section.kind == "group":
                yield from _texts(section.key, section.fields, self.document.get(section.key), section.key, None)
            else:
                yield from _texts(section.key, section.fields, self.document, "", None)


def _texts(section: str, fields, values, base: str, item_id: str | None):
    values = as_dict(values)
    for spec_field in fields:
        path = f"{base}.{spec_field.key}" if base else spec_field.key
        if spec_field.kind == "group":
            yield from _texts(section, spec_field.fields, values.get(spec_field.key), path, item_id)
        elif not spec_field.prose:
            continue
        elif spec_field.kind in ("line", "text"):
            yield section, path, item_id, as_text(values.get(spec_field.key))
        elif spec_field.kind == "lines":
            for index, line in enumerate(as_list(values.get(spec_field.key))):
                yield section, f"{path}[{index}]", item_id, as_text(line)
