"""The map as a nested list, for screen readers and keyboard users: each column, each box in it, and what it is
linked to, both ways ("Root cause rc-2. Addressed by: area-1, area-3"; "area-1 … Served by: lever-1, lever-4").

Built here as escaped HTML rather than in a template loop: the largest canvas has thousands of links, and the list
is redrawn with every answer of the live checker.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from workbench.document.spec import CANVAS, MISSION, MISSION_SHORT, CanvasSpec, in_sentence
from workbench.tocmap.graph import READINGS, Node, TocMap


def _name(node: Node) -> str:
    return MISSION_SHORT if node.section == MISSION else f"{node.noun.capitalize()} {node.item_id}"


def _short(node: Node) -> str:
    return in_sentence(MISSION_SHORT) if node.section == MISSION else node.item_id


def _link(target: str, text: str) -> str:
    return f'<a href="{escape(target, quote=True)}">{escape(text)}</a>'


def outline_html(tocmap: TocMap, *, href: Callable[[Node, CanvasSpec], str], spec: CanvasSpec = CANVAS) -> str:
    """Column by column, each box with its whole title, what the checker reads in it, what link it lacks, and the
    boxes it is linked to (by id, each a link to the item)."""
    out = ['<ul class="toc-map-outline">']
    for (_, heading), layer in zip(tocmap.columns, tocmap.layers, strict=True):
        boxes = [node for node in layer if not node.waypoint]
        out.append(f"<li>{escape(heading)} ({len(boxes)})")
        if boxes:
            out.append("<ul>")
            for node in boxes:
                text = f"{_name(node)}: {node.title or 'untitled'}"
                out.append(f"<li>{_link(href(node, spec), text)}")
                if node.reading:
                    out.append(f" ({escape(READINGS[node.reading].lower())})")
                for gap in node.gaps:
                    out.append(f'. <strong class="text-danger">{escape(gap.label)}</strong>')
                if node.links:
                    out.append("<ul>")
                    for phrase, others in sorted(node.links.items(), key=lambda pair: pair[1][0].column):
                        links = ", ".join(_link(href(other, spec), _short(other)) for other in others)
                        out.append(f"<li>{escape(phrase)}: {links}</li>")
                    out.append("</ul>")
                out.append("</li>")
            out.append("</ul>")
        out.append("</li>")
    out.append("</ul>")
    return "".join(out)
