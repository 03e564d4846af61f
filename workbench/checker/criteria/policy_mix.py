"""Policy mix: supply-side and demand-side levers of several kinds."""

from __future__ import annotations

from workbench.checker.base import POLICY_MIX, SUPPLY_AND_DEMAND, Rule, register
from workbench.checker.shapes import EachItem, PartPresent, declare

MIN_TYPES = 3


declare(
    PartPresent,
    id="levers-missing",
    part="levers",
    criterion="policy_mix",
    severity="warning",
    section="levers",
    title="The mission has levers",
    looks_for="A canvas with no levers.",
    why="Missions combine different tools on purpose; without levers there is no plan to move the goal.",
    source=POLICY_MIX,
    how_to_fix="List the tools partners will use: funding, procurement, regulation, communication and so on.",
    weight=35,
    message="No levers are listed yet.",
    suggestion="Add the tools you will use, e.g. a grant fund, a purchasing rule, a planning policy.",
)


@register
class LeversSupplyAndDemand(Rule):
    id = "levers-supply-and-demand"
    needs = ("levers",)
    criterion = "policy_mix"
    severity = "warning"
    section = "levers"
    title = "Levers work on supply and on demand"
    looks_for = "Levers that all act on the supply side, or all on the demand side."
    why = "Missions use different kinds of support instruments, on the supply side and on the demand side."
    source = SUPPLY_AND_DEMAND
    how_to_fix = (
        "Pair what helps people provide the solution (grants, research, skills) with what creates demand for it "
        "(procurement, regulation, information for residents)."
    )
    weight = 30

    def findings(self, canvas):
        if not canvas.levers:
            return []
        sides = {lever.choice("side") for lever in canvas.levers}
        supply = bool(sides & {"supply", "both"})
        demand = bool(sides & {"demand", "both"})
        if supply and demand:
            return []
        if not supply and not demand:
            return [
                self.finding(
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
            self.finding(
                f"All levers work on the {'supply' if supply else 'demand'} side; nothing works on {missing}.",
                f"Add a {missing}-side lever, e.g. {example}.",
                share=0.7,
            )
        ]


@register
class LeversSeveralTypes(Rule):
    id = "levers-several-types"
    needs = ("levers",)
    criterion = "policy_mix"
    severity = "warning"
    section = "levers"
    title = "Levers of several kinds"
    looks_for = f"Levers of fewer than {MIN_TYPES} different types."
    why = "An intentional policy mix combines different tools and pools resources and funding."
    source = POLICY_MIX
    how_to_fix = "Add levers of other types: regulation, procurement, land and assets, communication, skills …"
    weight = 25

    def findings(self, canvas):
        if not canvas.levers:
            return []
        types = {lever.choice("type") for lever in canvas.levers} - {""}
        if len(types) >= MIN_TYPES:
            return []
        return [
            self.finding(
                f"The levers are of {len(types)} type{'s' if len(types) != 1 else ''}; a mission usually needs a mix.",
                "Add a lever of a different type, such as regulation, procurement or communication.",
                share=(MIN_TYPES - len(types)) / MIN_TYPES,
            )
        ]


def _lever_gaps(lever, canvas):
    gaps = [name for name in ("type", "side", "status") if not lever.choice(name)]
    return ", ".join(gaps) or None


declare(
    EachItem,
    id="lever-details",
    items="levers",
    lacks=_lever_gaps,
    needs=("levers",),
    criterion="policy_mix",
    severity="advice",
    section="levers",
    title="Each lever has a type, a side and a status",
    looks_for="A lever without a type, a side (supply or demand) or a status (new or existing).",
    why="The mix of tools can only be judged when each tool says what kind it is and whether it is new.",
    source=SUPPLY_AND_DEMAND,
    how_to_fix="Fill in type, side and status for every lever.",
    weight=10,
    message="{name} has no {gap}.",
    suggestion="Fill these in so the mix of tools shows on the canvas.",
    point_at="type",
)
