"""The theory-of-change map drawn as SVG: no script, no style attributes, no external reference.

Presentation attributes only (as the checker's radar chart), so the drawing is valid under a strict
Content-Security-Policy and WeasyPrint draws it the same way in the PDF. Every string from the canvas is escaped.
Each box is a link to its item: `href` says where (the canvas page's anchors, or the editor's fields).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from html import escape

from workbench.document.spec import CANVAS, MISSION, MISSION_SHORT, CanvasSpec, in_sentence
from workbench.tocmap.graph import READINGS, Node, TocMap
from workbench.tocmap.text import wrap

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
BOX_W = 200
COLUMN_GAP = 84
PRINT_COLUMN_GAP = 44  # on paper the drawing is scaled to the page's width: narrower gaps, larger type
MARGIN = 12
PAD = 7
TITLE_SIZE, TITLE_LINE, TITLE_LINES = 12, 15, 3
SMALL_SIZE, SMALL_LINE = 10, 13
MISSION_LINES = 10
BOX_GAP = 10
WAYPOINT_H = 4
HEAD_H = 34
LEGEND_H = 30
INNER = BOX_W - 2 * PAD

INK, MUTED, BLUE, RED, LINE = "#0b0c0c", "#505a5f", "#1d70b8", "#d4351c", "#6f777b"
FILLS = {"outcome": "#e6f4ea", "outcome_by_label": "#e6f4ea", "output": "#f3f2f1", "output_by_label": "#f3f2f1"}


def page_href(node: Node, spec: CanvasSpec = CANVAS) -> str:
    """Where a box links on a page showing the one-pager: the item's anchor, or the mission statement."""
    return "#mission-title" if node.section == MISSION else f"#item-{node.item_id}"


def editor_href(node: Node, spec: CanvasSpec = CANVAS) -> str:
    """Where a box links in the editor: the field that names the item, or the mission statement."""
    if node.section == MISSION:
        return "#id_statement"
    return f"#id_{node.section}-{node.position}-{spec.section(node.section).title_field}"


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def describe_box(node: Node) -> str:
    """The full text of a box: what it is, its whole title, what the checker reads in it and what it lacks."""
    if node.section == MISSION:
        head = f"{MISSION_SHORT}: {node.title or 'no statement yet'}"
    else:
        head = f"{node.noun.capitalize()} {node.item_id}: {node.title or 'untitled'}"
    parts = [head]
    if node.reading:
        parts.append(f"Counts as: {READINGS[node.reading]}.")
    parts += [gap.message for gap in node.gaps]
    return " ".join(parts)


class _Box:
    """A box's lines of text and its size."""

    def __init__(self, node: Node):
        self.node = node
        if node.section == MISSION:
            self.head = [MISSION_SHORT]
            self.lines, _ = wrap(node.title or "No mission statement yet.", INNER, TITLE_SIZE, max_lines=MISSION_LINES)
        else:
            head = node.item_id + (f" · {READINGS[node.reading]}" if node.reading else "")
            self.head, _ = wrap(head, INNER, SMALL_SIZE, max_lines=2)
            self.lines, _ = wrap(node.title or "(untitled)", INNER, TITLE_SIZE, max_lines=TITLE_LINES)
        self.gaps = []
        for gap in node.gaps:
            self.gaps += wrap(gap.label, INNER, SMALL_SIZE, max_lines=2)[0]
        self.height = 2 * PAD + SMALL_LINE * (len(self.head) + len(self.gaps)) + TITLE_LINE * len(self.lines)
        self.x = self.y = 0.0


def map_svg(
    tocmap: TocMap,
    *,
    href: Callable[[Node, CanvasSpec], str] | None = page_href,
    spec: CanvasSpec = CANVAS,
    title: str = "",
    id_prefix: str = "",
    column_gap: int = COLUMN_GAP,
) -> str:
    """The map as an SVG document: a title and a description, a box per item linking to it, a line per link.

    With href=None the boxes link nowhere (print, where the items' anchors are not on the same page)."""
    boxes: dict[str, _Box] = {}
    heights = []
    for layer in tocmap.layers:
        total = 0.0
        for node in layer:
            if not node.waypoint:
                boxes[node.key] = _Box(node)
            total += (boxes[node.key].height if not node.waypoint else WAYPOINT_H) + BOX_GAP
        heights.append(max(0.0, total - BOX_GAP))
    body = max([*heights, 60.0])
    width = 2 * MARGIN + len(tocmap.layers) * BOX_W + max(0, len(tocmap.layers) - 1) * column_gap
    height = HEAD_H + body + LEGEND_H + 2 * MARGIN

    centre: dict[str, tuple[float, float, float]] = {}  # node key → (left x, right x, middle y)
    for index, layer in enumerate(tocmap.layers):
        x = MARGIN + index * (BOX_W + column_gap)
        y = MARGIN + HEAD_H + (body - heights[index]) / 2
        for node in layer:
            size = boxes[node.key].height if not node.waypoint else WAYPOINT_H
            if not node.waypoint:
                boxes[node.key].x, boxes[node.key].y = x, y
            centre[node.key] = (x, x + BOX_W, y + size / 2)
            y += size + BOX_GAP

    heading = title or f"Theory of change: {tocmap.title or 'untitled canvas'}"
    if not id_prefix:
        digest = hashlib.sha1(repr((heading, [n.key for n in tocmap.boxes])).encode()).hexdigest()[:8]
        id_prefix = f"tocmap-{digest}"
    prefix = escape("".join(ch for ch in id_prefix if ch.isalnum() or ch in "-_") or "tocmap", quote=True)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_fmt(width)} {_fmt(height)}" width="{_fmt(width)}" '
        f'height="{_fmt(height)}" role="group" aria-labelledby="{prefix}-title {prefix}-desc" class="toc-map-svg" '
        f'font-family="{FONT}">',
        f'<title id="{prefix}-title">{escape(heading)}</title>',
        f'<desc id="{prefix}-desc">{escape(describe_map(tocmap))}</desc>',
    ]
    for index, (key, label) in enumerate(tocmap.columns):
        x = MARGIN + index * (BOX_W + column_gap)
        count = sum(1 for node in tocmap.layers[index] if not node.waypoint)
        text = label if key == MISSION else f"{label} ({count})"
        parts.append(
            f'<text x="{_fmt(x)}" y="{_fmt(MARGIN + 14)}" font-size="13" font-weight="bold" fill="{INK}">'
            f"{escape(text)}</text>"
        )
        if not count:
            noun = spec.section(key).noun if key != MISSION else "mission"
            y = MARGIN + HEAD_H + body / 2 - 20
            parts.append(
                f'<rect x="{_fmt(x)}" y="{_fmt(y)}" width="{BOX_W}" height="40" rx="4" fill="#ffffff" '
                f'stroke="{MUTED}" stroke-dasharray="4 3"/>'
                f'<text x="{_fmt(x + PAD)}" y="{_fmt(y + 24)}" font-size="{TITLE_SIZE}" fill="{MUTED}">'
                f"No {escape(noun)}s yet</text>"
            )

    parts.append(f'<g fill="none" stroke="{LINE}" stroke-width="1.3" stroke-opacity="0.75">')
    for link in tocmap.links:
        parts.append(f'<path d="{_path(link.path, centre)}"/>')
    parts.append("</g>")

    for box in boxes.values():
        parts.append(_box_svg(box, href(box.node, spec) if href else None))

    legend_y = MARGIN + HEAD_H + body + 22
    parts.append(
        f'<g font-size="{SMALL_SIZE + 1}" fill="{INK}">'
        f'<rect x="{MARGIN}" y="{_fmt(legend_y - 10)}" width="22" height="12" fill="#ffffff" stroke="{RED}" '
        f'stroke-width="2" stroke-dasharray="5 3"/>'
        f'<text x="{MARGIN + 28}" y="{_fmt(legend_y)}">A link is missing (the checker says which)</text>'
        f'<rect x="{MARGIN + 290}" y="{_fmt(legend_y - 10)}" width="22" height="12" fill="{FILLS["outcome"]}" '
        f'stroke="{BLUE}"/>'
        f'<text x="{MARGIN + 318}" y="{_fmt(legend_y)}">Metric of an outcome</text>'
        f'<rect x="{MARGIN + 460}" y="{_fmt(legend_y - 10)}" width="22" height="12" fill="{FILLS["output"]}" '
        f'stroke="{BLUE}"/>'
        f'<text x="{MARGIN + 488}" y="{_fmt(legend_y)}">Metric of an output</text>'
        "</g>"
    )
    parts.append("</svg>")
    return "\n".join(parts)


def _path(path: list[Node], centre: dict) -> str:
    """A line from the right edge of the leftmost box to the left edge of the rightmost, crossing each skipped
    column straight at its waypoint, with smooth bends between columns."""
    points = []
    for position, node in enumerate(path):
        left, right, y = centre[node.key]
        if position > 0:
            points.append((left, y))
        if position < len(path) - 1:
            points.append((right, y))
    x0, y0 = points[0]
    out = [f"M{_fmt(x0)} {_fmt(y0)}"]
    for index in range(1, len(points)):
        (xa, ya), (xb, yb) = points[index - 1], points[index]
        if index % 2:  # between columns: a bend
            bend = (xb - xa) / 2
            out.append(f"C{_fmt(xa + bend)} {_fmt(ya)} {_fmt(xb - bend)} {_fmt(yb)} {_fmt(xb)} {_fmt(yb)}")
        else:  # across a skipped column
            out.append(f"L{_fmt(xb)} {_fmt(yb)}")
    return "".join(out)


def _box_svg(box: _Box, target: str | None) -> str:
    node = box.node
    mission = node.section == MISSION
    fill = BLUE if mission else FILLS.get(node.reading, "#ffffff")
    ink = "#ffffff" if mission else INK
    stroke = f'stroke="{RED}" stroke-width="2" stroke-dasharray="6 3"' if node.gaps else f'stroke="{BLUE}"'
    x, y = box.x, box.y
    out = [
        f'<a href="{escape(target, quote=True)}" class="toc-map-box" data-item="{escape(node.key, quote=True)}">'
        if target is not None
        else f'<g class="toc-map-box" data-item="{escape(node.key, quote=True)}">',
        f"<title>{escape(describe_box(node))}</title>",
        f'<rect x="{_fmt(x)}" y="{_fmt(y)}" width="{BOX_W}" height="{_fmt(box.height)}" rx="4" fill="{fill}" {stroke}/>',
    ]
    line_y = y + PAD
    for text in box.head:
        line_y += SMALL_LINE
        colour = "#ffffff" if mission else MUTED
        weight = ' font-weight="bold"' if mission else ""
        out.append(
            f'<text x="{_fmt(x + PAD)}" y="{_fmt(line_y - 3)}" font-size="{SMALL_SIZE}" fill="{colour}"{weight}>'
            f"{escape(text)}</text>"
        )
    for text in box.lines:
        line_y += TITLE_LINE
        out.append(
            f'<text x="{_fmt(x + PAD)}" y="{_fmt(line_y - 4)}" font-size="{TITLE_SIZE}" fill="{ink}">{escape(text)}</text>'
        )
    for text in box.gaps:
        line_y += SMALL_LINE
        out.append(
            f'<text x="{_fmt(x + PAD)}" y="{_fmt(line_y - 3)}" font-size="{SMALL_SIZE}" font-weight="bold" '
            f'fill="{RED}">{escape(text)}</text>'
        )
    out.append("</a>" if target is not None else "</g>")
    return "".join(out)


def describe_map(tocmap: TocMap) -> str:
    """The map in one paragraph: how many boxes of each kind, how many links, and what is not linked."""
    counts = []
    for (key, label), layer in zip(tocmap.columns, tocmap.layers, strict=True):
        if key == MISSION:
            continue
        counts.append(f"{sum(1 for node in layer if not node.waypoint)} {label.lower()}")
    text = f"Columns from left to right: {', '.join(counts)}, and the mission. {len(tocmap.links)} links."
    gaps = tocmap.gaps
    if gaps:
        named = "; ".join(
            f"{node.item_id or in_sentence(MISSION_SHORT)}: {', '.join(g.label for g in node.gaps)}" for node in gaps
        )
        text += f" {len(gaps)} item{'s' if len(gaps) != 1 else ''} with a missing link: {named}."
    else:
        text += " Every item is linked."
    return text
