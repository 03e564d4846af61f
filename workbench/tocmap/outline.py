"""The map as a nested list, for screen readers and keyboard users: each column, each box in it, and what it is
linked to, both ways ("Root cause rc-2 is addressed by area-1 and area-3; area-1 is served by lever-1 …")."""

from __future__ import annotations

from collections.abc import Callable

from workbench.document.spec import CANVAS, MISSION, CanvasSpec
from workbench.tocmap.graph import READINGS, Node, TocMap


def _name(node: Node) -> str:
    if node.section == MISSION:
        return "The mission"
    return f"{node.noun.capitalize()} {node.item_id}"


def outline(tocmap: TocMap, *, href: Callable[[Node, CanvasSpec], str], spec: CanvasSpec = CANVAS) -> list[dict]:
    """Column by column: {"heading", "count", "entries": [{"name", "title", "href", "reading", "gaps",
    "relations": [{"phrase", "items": [{"name", "title", "href"}]}]}]}."""
    columns = []
    for (key, heading), layer in zip(tocmap.columns, tocmap.layers, strict=True):
        entries = []
        for node in layer:
            if node.waypoint:
                continue
            relations = [
                {
                    "phrase": phrase,
                    "items": [
                        {"name": _name(other), "title": other.title, "href": href(other, spec)} for other in others
                    ],
                }
                for phrase, others in sorted(node.links.items(), key=lambda pair: pair[1][0].column)
            ]
            entries.append(
                {
                    "name": _name(node),
                    "title": node.title,
                    "href": href(node, spec),
                    "reading": READINGS.get(node.reading, ""),
                    "gaps": [gap.label for gap in node.gaps],
                    "relations": relations,
                }
            )
        columns.append({"key": key, "heading": heading, "count": len(entries), "entries": entries})
    return columns
