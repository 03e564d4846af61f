"""Not mission-washing: not business as usual renamed a mission."""

from __future__ import annotations

from workbench.checker.base import rule

SCIENCE_LEVERS = {"research_and_innovation", "data_and_infrastructure"}


@rule("statement-business-as-usual")
def statement_business_as_usual(canvas, finding):
    reading = canvas.reading
    signs = []
    if reading.output_only:
        signs.append("outputs only")
    if reading.activity_led:
        signs.append("activity wording")
    if not reading.has_quantity:
        signs.append("no target")
    if not reading.has_deadline:
        signs.append("no deadline")
    if reading.continuity:
        signs.append("continuity wording")
    if reading.council_centred and not reading.has_outcome:
        signs.append("the organisation as the subject")
    if reading.hedges:
        signs.append("hedging")
    strong_sign = (
        bool(reading.continuity) or bool(reading.council_centred and not reading.has_outcome) or reading.output_only
    )
    if len(signs) >= 3 or (len(signs) == 2 and strong_sign) or reading.output_only:
        return [
            finding(
                f"Taken together ({', '.join(signs)}), the statement reads like existing work with a new name.",
                "Describe the change residents would notice, with a figure and a year, e.g. 'By 2030, no one "
                "in the borough sleeps rough'.",
                field="statement",
                share=1.0 if len(signs) >= 3 or reading.output_only else 0.6,
            )
        ]
    return []


@rule("statement-council-centred")
def statement_council_centred(canvas, finding):
    reading = canvas.reading
    if not reading.council_centred or reading.has_outcome:
        return []
    return [
        finding(
            f"The statement starts from the organisation ('{reading.council_centred[0].strip(' .;')}') and "
            "does not say what changes for people.",
            "Put the people or the place first, e.g. 'By 2030, everyone in the borough can …'.",
            field="statement",
        )
    ]


@rule("levers-not-only-existing")
def levers_not_only_existing(canvas, finding):
    statuses = [lever.choice("status") for lever in canvas.levers]
    if "existing" not in statuses or "new" in statuses:
        return []
    return [
        finding(
            "Every lever with a status is marked as existing; nothing new is being brought in yet.",
            "Add at least one new lever, such as a fund, a purchasing rule or a partnership set up for this mission.",
        )
    ]


@rule("beyond-science")
def beyond_science(canvas, finding):
    found = []
    types = {lever.choice("type") for lever in canvas.levers} - {""}
    if types and types <= SCIENCE_LEVERS:
        found.append(
            finding(
                "All the levers are research or data; nothing yet changes how people or services behave.",
                "Add a lever of another kind, e.g. regulation, procurement, communication or skills.",
            )
        )
    sectors = [actor.choice("sector") for actor in canvas.stakeholders if actor.choice("sector")]
    if len(sectors) >= 2 and set(sectors) == {"research"}:
        found.append(
            finding(
                "Every actor listed comes from research.",
                "Add the services, businesses and residents whose behaviour the mission needs to change.",
                section="stakeholders",
            )
        )
    return found


@rule("portfolio-not-single-project")
def portfolio_not_single_project(canvas, finding):
    areas, levers = len(canvas.opportunity_areas), len(canvas.levers)
    if areas >= 2 and levers >= 2:
        return []
    parts = []
    if areas < 2:
        parts.append("no opportunity areas" if areas == 0 else "one opportunity area")
    if levers < 2:
        parts.append("no levers" if levers == 0 else "one lever")
    return [
        finding(
            f"The canvas has {' and '.join(parts)}, which looks more like a single project than a mission.",
            "Add the other places where change is needed and the tools each partner brings to them.",
            section="opportunity_areas" if areas < 2 else "levers",
        )
    ]
