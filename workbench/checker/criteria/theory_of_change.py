"""Theory of change: root causes lead to opportunity areas, levers serve areas, metrics measure something."""

from __future__ import annotations

from workbench.checker.base import LAYERS, LINKED_INVESTMENTS, METHODOLOGY, MISSION_ON_A_PAGE, Rule, register
from workbench.checker.canvas import MISSION_TARGET


def _name(item, field="title") -> str:
    text = item.text(field).strip()
    return f"'{text[:60]}'" if text else f"Item {item.position + 1}"


@register
class RootCausesMissing(Rule):
    id = "root-causes-missing"
    criterion = "theory_of_change"
    severity = "warning"
    section = "root_causes"
    title = "The root causes are mapped"
    looks_for = "A canvas with no root causes."
    why = "A theory of change starts from why the problem exists; Camden's mission on a page maps the issues first."
    source = MISSION_ON_A_PAGE
    how_to_fix = "List the causes behind the problem, each with a figure and where it comes from."
    weight = 20

    def findings(self, canvas):
        if canvas.root_causes:
            return []
        return [self.finding("No root causes are listed yet.", "Add the main reasons the problem exists today.")]


@register
class OpportunityAreasMissing(Rule):
    id = "opportunity-areas-missing"
    criterion = "theory_of_change"
    severity = "warning"
    section = "opportunity_areas"
    title = "The opportunity areas are mapped"
    looks_for = "A canvas with no opportunity areas."
    why = "Missions need a clear method for how the goal will be reached; opportunity areas are where to act."
    source = METHODOLOGY
    how_to_fix = "Add the areas where action can change the root causes."
    weight = 20

    def findings(self, canvas):
        if canvas.opportunity_areas:
            return []
        return [
            self.finding(
                "No opportunity areas are listed yet.",
                "Add where change can happen, e.g. 'school food' or 'food on estates', with example initiatives.",
            )
        ]


@register
class AreaAddressesCause(Rule):
    id = "area-addresses-cause"
    needs = ("opportunity_areas",)
    criterion = "theory_of_change"
    severity = "warning"
    section = "opportunity_areas"
    title = "Each opportunity area addresses a root cause"
    looks_for = "An opportunity area linked to no root cause."
    why = "A theory of change links every action back to the problem it solves."
    source = METHODOLOGY
    how_to_fix = "Link each area to the root causes it addresses."
    weight = 15

    def findings(self, canvas):
        areas = canvas.opportunity_areas
        return [
            self.finding(
                f"{_name(area)} is not linked to any root cause.",
                "Choose the root causes this area works on, or add the missing cause.",
                item=area.id,
                field=area.path("root_causes"),
                share=1 / len(areas),
            )
            for area in areas
            if not area.ids("root_causes")
        ]


@register
class CauseAddressed(Rule):
    id = "cause-addressed"
    needs = ("root_causes", "opportunity_areas")
    criterion = "theory_of_change"
    severity = "advice"
    section = "root_causes"
    title = "Each root cause is addressed"
    looks_for = "A root cause that no opportunity area addresses."
    why = "A cause nobody works on is a gap in the theory of change, or a cause that does not belong."
    source = METHODOLOGY
    how_to_fix = "Link an opportunity area to it, or say why the mission leaves it aside."
    weight = 5

    def findings(self, canvas):
        if not canvas.opportunity_areas:
            return []
        addressed = {cause for area in canvas.opportunity_areas for cause in area.ids("root_causes")}
        causes = canvas.root_causes
        return [
            self.finding(
                f"No opportunity area addresses {_name(cause)}.",
                "Link an area to this cause, or note why it is out of the mission's reach.",
                item=cause.id,
                share=1 / len(causes),
            )
            for cause in causes
            if cause.id and cause.id not in addressed
        ]


@register
class CauseEvidence(Rule):
    id = "cause-evidence"
    needs = ("root_causes",)
    criterion = "theory_of_change"
    severity = "advice"
    section = "root_causes"
    title = "Each root cause has evidence"
    looks_for = "A root cause without a figure or without a source for it."
    why = "Linking investments to the goal is easier to defend when each cause rests on evidence."
    source = LINKED_INVESTMENTS
    how_to_fix = "Add a figure that shows the cause and where it comes from."
    weight = 5

    def findings(self, canvas):
        causes = canvas.root_causes
        found = []
        for cause in causes:
            evidence = cause.fields.get("evidence")
            evidence = evidence if isinstance(evidence, dict) else {}
            figure = evidence.get("figure") if isinstance(evidence.get("figure"), str) else ""
            source = evidence.get("source") if isinstance(evidence.get("source"), str) else ""
            if figure.strip() and source.strip():
                continue
            gap = "figure" if not figure.strip() else "source for its figure"
            found.append(
                self.finding(
                    f"{_name(cause)} has no {gap}.",
                    "Add the figure that shows this cause and where it comes from.",
                    item=cause.id,
                    field=cause.path("evidence"),
                    share=1 / len(causes),
                )
            )
        return found


@register
class LeverServesArea(Rule):
    id = "lever-serves-area"
    needs = ("levers",)
    criterion = "theory_of_change"
    severity = "warning"
    section = "levers"
    title = "Each lever serves an opportunity area"
    looks_for = "A lever linked to no opportunity area."
    why = "Investments must stay linked to the mission's goal; an unlinked lever may be business as usual."
    source = LINKED_INVESTMENTS
    how_to_fix = "Link each lever to the areas it works in."
    weight = 15

    def findings(self, canvas):
        levers = canvas.levers
        return [
            self.finding(
                f"{_name(lever)} is not linked to an opportunity area.",
                "Choose the areas this lever serves, or remove it if it does not serve the mission.",
                item=lever.id,
                field=lever.path("opportunity_areas"),
                share=1 / len(levers),
            )
            for lever in levers
            if not lever.ids("opportunity_areas")
        ]


@register
class LeverOwner(Rule):
    id = "lever-owner"
    needs = ("levers",)
    criterion = "theory_of_change"
    severity = "warning"
    section = "levers"
    title = "Each lever has an owner"
    looks_for = "A lever with no owner."
    why = "A theory of change must say who is responsible for what."
    source = METHODOLOGY
    how_to_fix = "Name the organisation or team that will pull each lever."
    weight = 10

    def findings(self, canvas):
        levers = canvas.levers
        return [
            self.finding(
                f"Nobody owns {_name(lever)} yet.",
                "Name the organisation or team responsible for it.",
                item=lever.id,
                field=lever.path("owner"),
                share=1 / len(levers),
            )
            for lever in levers
            if not lever.text("owner").strip()
        ]


@register
class AreaHasLever(Rule):
    id = "area-has-lever"
    needs = ("opportunity_areas", "levers")
    criterion = "theory_of_change"
    severity = "advice"
    section = "opportunity_areas"
    title = "Each opportunity area has a lever"
    looks_for = "An opportunity area that no lever serves."
    why = "An area without tools is a hope rather than a plan."
    source = METHODOLOGY
    how_to_fix = "Link a lever to it, or add one."
    weight = 5

    def findings(self, canvas):
        if not canvas.levers:
            return []
        served = {area for lever in canvas.levers for area in lever.ids("opportunity_areas")}
        areas = canvas.opportunity_areas
        return [
            self.finding(
                f"No lever works in {_name(area)}.",
                "Link an existing lever to this area or add the tool that is missing.",
                item=area.id,
                share=1 / len(areas),
            )
            for area in areas
            if area.id and area.id not in served
        ]


@register
class MetricMeasuresSomething(Rule):
    id = "metric-measures-something"
    needs = ("metrics",)
    criterion = "theory_of_change"
    severity = "warning"
    section = "metrics"
    title = "Each metric measures the mission or an area"
    looks_for = "A metric that measures neither the mission nor any opportunity area."
    why = "Every measure should show progress on part of the theory of change; otherwise it is an orphan."
    source = METHODOLOGY
    how_to_fix = "Say what each metric measures: the mission itself or one of the opportunity areas."
    weight = 10

    def findings(self, canvas):
        metrics = canvas.metrics
        return [
            self.finding(
                f"{_name(metric, 'name')} is not linked to the mission or to an opportunity area.",
                "Choose what it measures: the mission, or the area it tracks.",
                item=metric.id,
                field=metric.path("measures"),
                share=1 / len(metrics),
            )
            for metric in metrics
            if not metric.ids("measures")
        ]


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
