"""The theory of change of a canvas as a layered graph: its columns, boxes and links, read from the canvas document.

The columns are the list sections that links join, in the order of the canvas (root causes, opportunity areas,
levers, metrics), and then the mission when a link may name it: all read from the canvas specification. A link that
skips a column (a metric measuring an opportunity area passes the levers) runs through a waypoint in each column
between, one waypoint per item it leaves from, so that the lines of one item run together. The gaps marked on
boxes are the checker's own theory-of-change findings about links, and a metric says what it counts as the
checker reads it. Pure Python, no Django; it never raises, whatever document it is handed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.checker.base import REGISTRY
from workbench.checker.canvas import Canvas
from workbench.checker.outcomes import OUTCOME, OUTPUT, UNCLEAR
from workbench.checker.shapes import EachItem
from workbench.document.spec import CANVAS, MISSION, MISSION_LABEL, CanvasSpec, Field, Section
from workbench.tocmap.layout import order_layers

CRITERION = "theory_of_change"
MISSION_RULE = "mission-metric"  # the checker's finding that no metric measures the mission itself
LINK_GAPS = ("unlinked", "unreferenced")  # the kinds of item test that are about links (checker/shapes.py)

# What a metric counts, as the map writes it beside the metric (checker: Canvas.measures, Canvas.counts_outcome).
READINGS = {
    OUTCOME: OUTCOME.capitalize(),
    OUTPUT: OUTPUT.capitalize(),
    "outcome_by_label": f"{OUTCOME.capitalize()} (by its label)",
    "output_by_label": f"{OUTPUT.capitalize()} (by its label)",
    UNCLEAR: f"{OUTCOME.capitalize()} or {OUTPUT}: {UNCLEAR}",
}


@dataclass
class Gap:
    """A link an item lacks, as a checker finding says: the rule, a short label for the box, and the finding."""

    rule: str
    label: str
    message: str


@dataclass
class Node:
    """A box of the map (an item or the mission), or a waypoint a skipping link runs through."""

    key: str
    column: int
    section: str = ""  # the list section, or MISSION
    item_id: str = ""
    position: int = -1  # place in its section's list
    title: str = ""
    noun: str = ""  # "root cause", "metric", "mission"
    gaps: list[Gap] = field(default_factory=list)
    reading: str = ""  # metrics: a key of READINGS
    waypoint: bool = False
    links: dict[str, list[Node]] = field(default_factory=dict)  # verb or inverse phrase → the nodes it joins


@dataclass
class Link:
    """One link of the document: the item holding it, the field, and the item (or the mission) it names."""

    holder: Node
    target: Node
    field: Field
    path: list[Node] = field(default_factory=list)  # left to right, waypoints included


@dataclass
class TocMap:
    """A canvas's theory of change laid out in columns, with the crossings of its order and of the document's."""

    title: str
    statement: str
    columns: list[tuple[str, str]]  # (section key or MISSION, heading)
    layers: list[list[Node]]
    links: list[Link]
    crossings: int
    document_crossings: int

    @property
    def boxes(self) -> list[Node]:
        """Every box of the map (no waypoints), column by column, in the order drawn."""
        return [node for layer in self.layers for node in layer if not node.waypoint]

    @property
    def gaps(self) -> list[Node]:
        """The boxes with a link missing."""
        return [node for node in self.boxes if node.gaps]


def link_rules():
    """The checker's theory-of-change rules about missing links, as registered (one per kind of gap)."""
    return [
        rule
        for rule in REGISTRY
        if isinstance(rule, EachItem) and rule.criterion == CRITERION and getattr(rule, "gap_kind", "") in LINK_GAPS
    ]


def _gap_label(rule, spec: CanvasSpec) -> str:
    """What a box with this gap lacks, in a few words built from the canvas spec: "Addresses no root cause",
    "No lever serves it", "Measures nothing"."""
    kind, _, argument = rule.lacks_spec.partition(":")
    if kind == "unlinked":
        link = spec.section(rule.items).field(argument)
        targets = [spec.section(t).noun for t in link.links if t != MISSION]
        if MISSION in link.links:
            return f"{link.verb} nothing yet"
        return f"{link.verb} no {' or '.join(targets)} yet"
    section, field_key = argument.split(".")
    link = spec.section(section).field(field_key)
    return f"No {spec.section(section).noun} {link.verb.lower()} it yet"


def _columns(spec: CanvasSpec) -> list[str]:
    joined = set()
    for section, link in spec.link_fields():
        joined.add(section.key)
        joined.update(link.links)
    columns = [key for key in spec.list_keys if key in joined]
    return [*columns, MISSION] if MISSION in joined else columns


def _title(section: Section, item) -> str:
    return " ".join(item.text(section.title_field).split())


def _reading(canvas: Canvas, metric) -> str:
    measured = canvas.measures(metric)
    if measured in ("outcome", "output"):
        return measured
    kind = metric.choice("kind")
    if kind in ("mission_outcome", "intermediate_outcome"):
        return "outcome_by_label"
    if kind == "output":
        return "output_by_label"
    return "unclear"


def build_map(document, *, spec: CanvasSpec = CANVAS) -> TocMap:
    """The theory-of-change map of a canvas document: columns, boxes, links, gaps and an order with few crossings."""
    canvas = Canvas(document, spec=spec)
    keys = _columns(spec)
    column_of = {key: index for index, key in enumerate(keys)}
    headings = [(key, MISSION_LABEL if key == MISSION else spec.section(key).title) for key in keys]
    layers: list[list[Node]] = [[] for _ in keys]
    nodes: dict[tuple[str, str], Node] = {}
    for key in keys:
        if key == MISSION:
            node = Node(MISSION, column_of[key], MISSION, title=canvas.statement or canvas.title, noun="mission")
            nodes[(MISSION, MISSION)] = node
            layers[column_of[key]].append(node)
            continue
        section = spec.section(key)
        for item in canvas.items[key]:
            if item.id is None or (key, item.id) in nodes:
                continue  # an item without an id, or a repeated id, cannot be linked to: the checker says so
            node = Node(
                f"{key}:{item.id}", column_of[key], key, item.id, item.position, _title(section, item), section.noun
            )
            if any(f.choices == "metric_kind" for f in section.fields):
                node.reading = _reading(canvas, item)
            nodes[(key, item.id)] = node
            layers[column_of[key]].append(node)

    links: list[Link] = []
    for section, link_field in spec.link_fields():
        for item in canvas.items[section.key]:
            holder = nodes.get((section.key, item.id or ""))
            if holder is None:
                continue
            seen = set()
            for target_id in item.ids(link_field.key):
                target = next((nodes[(t, target_id)] for t in link_field.links if (t, target_id) in nodes), None) or (
                    nodes.get((MISSION, MISSION)) if target_id == MISSION and MISSION in link_field.links else None
                )
                if target is None or target_id in seen:
                    continue  # a link to nothing on this canvas: the checker's links-resolve finding names it
                seen.add(target_id)
                links.append(Link(holder, target, link_field))

    _mark_gaps(canvas, spec, nodes)
    _mark_mission(canvas, spec, nodes)
    _name_links(links, spec)
    segments = _route(links, layers)
    ordered, crossings, given = order_layers(
        [[node.key for node in layer] for layer in layers], [(a.key, b.key) for a, b in segments]
    )
    by_key = {node.key: node for layer in layers for node in layer}
    layers = [[by_key[key] for key in layer] for layer in ordered]
    return TocMap(canvas.title, canvas.statement, headings, layers, links, crossings, given)


def _mark_gaps(canvas: Canvas, spec: CanvasSpec, nodes: dict) -> None:
    for rule in link_rules():
        if not all(canvas.has(part) for part in rule.needs):
            continue  # the checker counts the rule unmet without a finding: the rule asking for the part speaks
        label = _gap_label(rule, spec)
        for finding in rule.findings(canvas):
            node = nodes.get((rule.items, finding.item or ""))
            if node is not None:
                node.gaps.append(Gap(rule.id, label, finding.message))


def _mark_mission(canvas: Canvas, spec: CanvasSpec, nodes: dict) -> None:
    """The mission box is marked when the checker finds that no metric measures the mission itself."""
    mission = nodes.get((MISSION, MISSION))
    rule = REGISTRY.get(MISSION_RULE)
    if mission is None or rule is None:
        return
    holders = [(section, link) for section, link in spec.link_fields() if MISSION in link.links]
    for finding in rule.findings(canvas):
        label = " or ".join(f"No {section.noun} {link.verb.lower()} it yet" for section, link in holders)
        mission.gaps.append(Gap(rule.id, label, finding.message))


def _name_links(links: list[Link], spec: CanvasSpec) -> None:
    """Each box's links in words, both ways: "Addresses" → root causes, "Addressed by" → opportunity areas."""
    for link in links:
        link.holder.links.setdefault(link.field.verb, []).append(link.target)
        inverse = f"{_passive(link.field.verb)} by"
        link.target.links.setdefault(inverse, []).append(link.holder)


def _passive(verb: str) -> str:
    """ "Addresses" → "Addressed", "Serves" → "Served", "Measures" → "Measured"."""
    stem = verb[:-2] if verb.endswith("sses") else verb[:-1] if verb.endswith("s") else verb
    return stem + ("ed" if not stem.endswith("e") else "d")


def _route(links: list[Link], layers: list[list[Node]]) -> list[tuple[Node, Node]]:
    """Each link as a path from its left end to its right end, through a waypoint in every column it skips; the
    segments of all paths, one per link (links sharing a waypoint share the segment beside it)."""
    waypoints: dict[tuple[int, str], Node] = {}
    segments = []
    for link in links:
        left, right = sorted((link.holder, link.target), key=lambda node: node.column)
        path = [left]
        for column in range(left.column + 1, right.column):
            key = (column, left.key)
            if key not in waypoints:
                waypoints[key] = Node(f"via:{column}:{left.key}", column, waypoint=True, title=left.title)
                layers[column].append(waypoints[key])
            path.append(waypoints[key])
        path.append(right)
        link.path = path
        segments += list(zip(path, path[1:], strict=False))
    return segments
