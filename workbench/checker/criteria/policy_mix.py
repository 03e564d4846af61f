"""Policy mix: supply-side and demand-side levers of several kinds."""

from __future__ import annotations

from workbench.checker.base import rule

MIN_TYPES = 3


@rule("levers-supply-and-demand")
def levers_supply_and_demand(canvas, finding):
    if not canvas.levers:
        return []
    sides = {lever.choice("side") for lever in canvas.levers}
    supply = bool(sides & {"supply", "both"})
    demand = bool(sides & {"demand", "both"})
    if supply and demand:
        return []
    if not supply and not demand:
        return [
            finding(
                "None of the levers says whether it works on supply or demand.",
                "Mark each lever's side, and make sure both sides are covered.",
            )
        ]
    missing = "demand" if supply else "supply"
    example = (
        "public purchasing, standards or information that makes people choose the change"
        if missing == "demand"
        else "funding, skills or research that makes the change possible"
    )
    return [
        finding(
            f"All levers work on the {'supply' if supply else 'demand'} side; nothing works on {missing}.",
            f"Add a {missing}-side lever, e.g. {example}.",
            share=0.7,
        )
    ]


@rule("levers-several-types")
def levers_several_types(canvas, finding):
    if not canvas.levers:
        return []
    types = {lever.choice("type") for lever in canvas.levers} - {""}
    if len(types) >= MIN_TYPES:
        return []
    return [
        finding(
            f"The levers are of {len(types)} type{'s' if len(types) != 1 else ''}; a mission usually needs a mix.",
            "Add a lever of a different type, such as regulation, procurement or communication.",
            share=(MIN_TYPES - len(types)) / MIN_TYPES,
        )
    ]
