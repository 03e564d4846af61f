"""The repeated kinds of rule, as shapes filled from a table: a part is present, each item passes one test.

A rule of one of these kinds is a row of data (its id, wording, weight and what it asks) given to declare();
only rules that judge something particular (the statement above all) are classes of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from workbench.checker.base import Rule, register
from workbench.checker.canvas import Canvas, Item


def item_name(item: Item, field: str = "title") -> str:
    """An item as a finding names it: its title quoted, or its position."""
    text = item.text(field).strip()
    return f"'{text[:60]}'" if text else f"Item {item.position + 1}"


class PartPresent(Rule):
    """A part of the canvas is filled in (see Canvas.has); rules that need the part wait for this one."""

    part: ClassVar[str]
    message: ClassVar[str]
    suggestion: ClassVar[str]
    point_at: ClassVar[str | None] = None  # the field a finding points at

    def findings(self, canvas):
        if canvas.has(self.part):
            return []
        return [self.finding(self.message, self.suggestion, field=self.point_at)]


class EachItem(Rule):
    """Every item of one list section passes one test; each item that fails costs its share of the rule.

    `lacks(item, canvas)` returns None when the item passes, else the words that fill `{gap}` in the message.
    """

    items: ClassVar[str]
    lacks: ClassVar[Callable[[Item, Canvas], str | None]]
    message: ClassVar[str]  # may use {name} and {gap}
    suggestion: ClassVar[str]
    name_field: ClassVar[str] = "title"
    point_at: ClassVar[str | None] = None  # the item's field a finding points at
    unless_empty: ClassVar[str | None] = None  # a section that must have items for the test to mean anything

    def findings(self, canvas):
        if self.unless_empty and not getattr(canvas, self.unless_empty):
            return []
        items = getattr(canvas, self.items)
        found = []
        for item in items:
            gap = type(self).lacks(item, canvas)
            if gap is None:
                continue
            found.append(
                self.finding(
                    self.message.format(name=item_name(item, self.name_field), gap=gap),
                    self.suggestion,
                    item=item.id,
                    field=item.path(self.point_at) if self.point_at else None,
                    share=1 / len(items),
                )
            )
        return found


def declare(shape: type[Rule], **row) -> type[Rule]:
    """Register a rule of one of the shapes above from a row of data."""
    name = "".join(part.capitalize() for part in row["id"].split("-"))
    if "lacks" in row:
        row["lacks"] = staticmethod(row["lacks"])
    return register(type(name, (shape,), row))


def blank(field: str) -> Callable[[Item, Canvas], str | None]:
    """A test for EachItem: the item's text or choice field is empty."""
    return lambda item, canvas: None if item.text(field).strip() else field


def unlinked(field: str) -> Callable[[Item, Canvas], str | None]:
    """A test for EachItem: the item links to nothing through `field`."""
    return lambda item, canvas: None if item.ids(field) else field


def unreferenced(section: str, field: str) -> Callable[[Item, Canvas], str | None]:
    """A test for EachItem: no item of `section` links to this item through `field`."""

    def test(item, canvas):
        key = ("linked", section, field)
        if key not in canvas.memo:
            canvas.memo[key] = {target for other in getattr(canvas, section) for target in other.ids(field)}
        return None if not item.id or item.id in canvas.memo[key] else section

    return test
