"""Theory of change: root causes lead to opportunity areas, levers serve areas, metrics measure something."""

from __future__ import annotations

from workbench.checker.base import LAYERS, LINKED_INVESTMENTS, METHODOLOGY, Rule, register
from workbench.checker.canvas import MISSION_TARGET


def _name(item, field="title") -> str:
    text = item.text(field).strip()
    return f"'{text[:60]}'" if text else f"Item {item.position + 1}"


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
        found = []
        # The links between item kinds, as the canvas spec declares them.
        for section, link in canvas.spec.link_fields():
            targets = [target for target in link.links if target != MISSION_TARGET]
            known = set().union(*(canvas.ids(target) for target in targets)) | ({MISSION_TARGET} & set(link.links))
            noun = " or ".join(canvas.spec.section(target).noun for target in targets)
            field = link.key
            for item in canvas.items[section.key]:
                for target in item.ids(field):
                    if target not in known:
                        found.append(
                            self.finding(
                                f"{_name(item, section.title_field)} links to "
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
