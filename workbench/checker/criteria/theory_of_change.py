"""Theory of change: root causes lead to opportunity areas, levers serve areas, metrics measure something."""

from __future__ import annotations

from workbench.checker.base import LAYERS, LINKED_INVESTMENTS, METHODOLOGY, MISSION_ON_A_PAGE, Rule, register
from workbench.checker.canvas import MISSION_TARGET
from workbench.checker.shapes import EachItem, PartPresent, blank, declare, unlinked, unreferenced


def _name(item, field="title") -> str:
    text = item.text(field).strip()
    return f"'{text[:60]}'" if text else f"Item {item.position + 1}"


declare(
    PartPresent,
    id="root-causes-missing",
    part="root_causes",
    criterion="theory_of_change",
    severity="warning",
    section="root_causes",
    title="The root causes are mapped",
    looks_for="A canvas with no root causes.",
    why="A theory of change starts from why the problem exists; Camden's mission on a page maps the issues first.",
    source=MISSION_ON_A_PAGE,
    how_to_fix="List the causes behind the problem, each with a figure and where it comes from.",
    weight=20,
    message="No root causes are listed yet.",
    suggestion="Add the main reasons the problem exists today.",
)


declare(
    PartPresent,
    id="opportunity-areas-missing",
    part="opportunity_areas",
    criterion="theory_of_change",
    severity="warning",
    section="opportunity_areas",
    title="The opportunity areas are mapped",
    looks_for="A canvas with no opportunity areas.",
    why="Missions need a clear method for how the goal will be reached; opportunity areas are where to act.",
    source=METHODOLOGY,
    how_to_fix="Add the areas where action can change the root causes.",
    weight=20,
    message="No opportunity areas are listed yet.",
    suggestion="Add where change can happen, e.g. 'school food' or 'food on estates', with example initiatives.",
)


declare(
    EachItem,
    id="area-addresses-cause",
    items="opportunity_areas",
    lacks=unlinked("root_causes"),
    needs=("opportunity_areas",),
    criterion="theory_of_change",
    severity="warning",
    section="opportunity_areas",
    title="Each opportunity area addresses a root cause",
    looks_for="An opportunity area linked to no root cause.",
    why="A theory of change links every action back to the problem it solves.",
    source=METHODOLOGY,
    how_to_fix="Link each area to the root causes it addresses.",
    weight=15,
    message="{name} is not linked to any root cause.",
    suggestion="Choose the root causes this area works on, or add the missing cause.",
    point_at="root_causes",
)


declare(
    EachItem,
    id="cause-addressed",
    items="root_causes",
    lacks=unreferenced("opportunity_areas", "root_causes"),
    unless_empty="opportunity_areas",
    needs=("root_causes", "opportunity_areas"),
    criterion="theory_of_change",
    severity="advice",
    section="root_causes",
    title="Each root cause is addressed",
    looks_for="A root cause that no opportunity area addresses.",
    why="A cause nobody works on is a gap in the theory of change, or a cause that does not belong.",
    source=METHODOLOGY,
    how_to_fix="Link an opportunity area to it, or say why the mission leaves it aside.",
    weight=5,
    message="No opportunity area addresses {name}.",
    suggestion="Link an area to this cause, or note why it is out of the mission's reach.",
)


def _evidence_gap(cause, canvas):
    evidence = cause.fields.get("evidence")
    evidence = evidence if isinstance(evidence, dict) else {}
    figure = evidence.get("figure") if isinstance(evidence.get("figure"), str) else ""
    source = evidence.get("source") if isinstance(evidence.get("source"), str) else ""
    if figure.strip() and source.strip():
        return None
    return "figure" if not figure.strip() else "source for its figure"


declare(
    EachItem,
    id="cause-evidence",
    items="root_causes",
    lacks=_evidence_gap,
    needs=("root_causes",),
    criterion="theory_of_change",
    severity="advice",
    section="root_causes",
    title="Each root cause has evidence",
    looks_for="A root cause without a figure or without a source for it.",
    why="Linking investments to the goal is easier to defend when each cause rests on evidence.",
    source=LINKED_INVESTMENTS,
    how_to_fix="Add a figure that shows the cause and where it comes from.",
    weight=5,
    message="{name} has no {gap}.",
    suggestion="Add the figure that shows this cause and where it comes from.",
    point_at="evidence",
)


declare(
    EachItem,
    id="lever-serves-area",
    items="levers",
    lacks=unlinked("opportunity_areas"),
    needs=("levers",),
    criterion="theory_of_change",
    severity="warning",
    section="levers",
    title="Each lever serves an opportunity area",
    looks_for="A lever linked to no opportunity area.",
    why="Investments must stay linked to the mission's goal; an unlinked lever may be business as usual.",
    source=LINKED_INVESTMENTS,
    how_to_fix="Link each lever to the areas it works in.",
    weight=15,
    message="{name} is not linked to an opportunity area.",
    suggestion="Choose the areas this lever serves, or remove it if it does not serve the mission.",
    point_at="opportunity_areas",
)


declare(
    EachItem,
    id="lever-owner",
    items="levers",
    lacks=blank("owner"),
    needs=("levers",),
    criterion="theory_of_change",
    severity="warning",
    section="levers",
    title="Each lever has an owner",
    looks_for="A lever with no owner.",
    why="A theory of change must say who is responsible for what.",
    source=METHODOLOGY,
    how_to_fix="Name the organisation or team that will pull each lever.",
    weight=10,
    message="Nobody owns {name} yet.",
    suggestion="Name the organisation or team responsible for it.",
    point_at="owner",
)


declare(
    EachItem,
    id="area-has-lever",
    items="opportunity_areas",
    lacks=unreferenced("levers", "opportunity_areas"),
    unless_empty="levers",
    needs=("opportunity_areas", "levers"),
    criterion="theory_of_change",
    severity="advice",
    section="opportunity_areas",
    title="Each opportunity area has a lever",
    looks_for="An opportunity area that no lever serves.",
    why="An area without tools is a hope rather than a plan.",
    source=METHODOLOGY,
    how_to_fix="Link a lever to it, or add one.",
    weight=5,
    message="No lever works in {name}.",
    suggestion="Link an existing lever to this area or add the tool that is missing.",
)


declare(
    EachItem,
    id="metric-measures-something",
    items="metrics",
    lacks=unlinked("measures"),
    needs=("metrics",),
    criterion="theory_of_change",
    severity="warning",
    section="metrics",
    title="Each metric measures the mission or an area",
    looks_for="A metric that measures neither the mission nor any opportunity area.",
    why="Every measure should show progress on part of the theory of change; otherwise it is an orphan.",
    source=METHODOLOGY,
    how_to_fix="Say what each metric measures: the mission itself or one of the opportunity areas.",
    weight=10,
    message="{name} is not linked to the mission or to an opportunity area.",
    suggestion="Choose what it measures: the mission, or the area it tracks.",
    name_field="name",
    point_at="measures",
)


@register
class LinksResolve(Rule):
    id = "links-resolve"
    needs = ("opportunity_areas",)
    criterion = "theory_of_change"
    severity = "error"
    section = "opportunity_areas"
    title = "Every link points at an item that exists"
    looks_for = "A link to a root cause, opportunity area or 'mission' that is not on the canvas."
    why = "A broken link breaks the chain from cause to lever to metric."
    source = METHODOLOGY
    how_to_fix = "Link to an item that exists, or remove the link."
    weight = 10

    def findings(self, canvas):
        causes, areas = canvas.ids("root_causes"), canvas.ids("opportunity_areas")
        checks = [
            (canvas.opportunity_areas, "root_causes", causes, "root cause"),
            (canvas.levers, "opportunity_areas", areas, "opportunity area"),
            (canvas.metrics, "measures", areas | {MISSION_TARGET}, "opportunity area"),
        ]
        found = []
        for items, field, known, noun in checks:
            for item in items:
                for target in item.ids(field):
                    if target not in known:
                        found.append(
                            self.finding(
                                f"{_name(item, 'name' if field == 'measures' else 'title')} links to "
                                f"'{target[:40]}', but no {noun} has that id.",
                                "Pick an item that exists on this canvas, or remove the link.",
                                section=item.section,
                                item=item.id,
                                field=item.path(field),
                            )
                        )
        return found


@register
class LayersMapped(Rule):
    id = "layers-mapped"
    criterion = "theory_of_change"
    severity = "advice"
    section = "layers"
    title = "The layers above and below the mission are mapped"
    looks_for = "No layers, or layers with nothing below the mission (no sub-missions or projects)."
    why = (
        "Vision Zero pairs an ethical vision with concrete missions below it; layers show how projects add up "
        "to the goal."
    )
    source = LAYERS
    how_to_fix = "Add the vision the mission serves and the sub-missions or projects beneath it."
    weight = 5

    def findings(self, canvas):
        levels = {layer.choice("level") for layer in canvas.layers}
        if levels & {"sub_mission", "project"}:
            return []
        message = (
            "No layers are mapped yet."
            if not canvas.layers
            else "The layers show nothing below the mission: no sub-missions or projects."
        )
        return [self.finding(message, "Add at least the sub-missions or first projects that serve this mission.")]


@register
class LeversReachOutcome(Rule):
    id = "levers-reach-outcome"
    needs = ("levers", "metrics")
    criterion = "theory_of_change"
    severity = "warning"
    section = "levers"
    title = "The levers lead to an outcome someone measures"
    looks_for = (
        "Levers whose results are all outputs: no metric on the canvas measures a change for people or a place "
        "by its own name and unit, so nothing shows what the events, plans and programmes are for."
    )
    why = "A theory of change links every investment to the goal it serves; outputs with nothing above them are not."
    source = LINKED_INVESTMENTS
    how_to_fix = "Add the outcome metric the levers are meant to move, and link it to the areas they serve."
    weight = 15

    def findings(self, canvas):
        if any(canvas.counts_outcome(metric) for metric in canvas.metrics):
            return []
        return [
            self.finding(
                f"The {len(canvas.levers)} lever{'s' if len(canvas.levers) != 1 else ''} lead only to outputs: no "
                "metric above them measures what changes for people or the place.",
                "Add a metric of the change the levers serve, e.g. the share of residents who eat well, and say "
                "which areas it measures.",
            )
        ]
