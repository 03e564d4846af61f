"""Theory of change: root causes lead to opportunity areas, levers serve areas, metrics measure something."""

from __future__ import annotations

from workbench.checker.base import rule
from workbench.checker.canvas import MISSION_TARGET


def _name(item, field="title") -> str:
    text = item.text(field).strip()
    return f"'{text[:60]}'" if text else f"Item {item.position + 1}"


@rule("links-resolve")
def links_resolve(canvas, finding):
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
                        finding(
                            f"{_name(item, section.title_field)} links to '{target[:40]}', but no {noun} has that id.",
                            "Pick an item that exists on this canvas, or remove the link.",
                            section=item.section,
                            item=item.id,
                            field=item.path(field),
                        )
                    )
    return found


@rule("layers-mapped")
def layers_mapped(canvas, finding):
    levels = {layer.choice("level") for layer in canvas.layers}
    if levels & {"sub_mission", "project"}:
        return []
    message = (
        "No layers are mapped yet."
        if not canvas.layers
        else "The layers show nothing below the mission: no sub-missions or projects."
    )
    return [finding(message, "Add at least the sub-missions or first projects that serve this mission.")]


@rule("levers-reach-outcome")
def levers_reach_outcome(canvas, finding):
    if any(canvas.counts_outcome(metric) for metric in canvas.metrics):
        return []
    return [
        finding(
            f"The {len(canvas.levers)} lever{'s' if len(canvas.levers) != 1 else ''} lead only to outputs: no "
            "metric above them measures what changes for people or the place.",
            "Add a metric of the change the levers serve, e.g. the share of residents who eat well, and say "
            "which areas it measures.",
        )
    ]
