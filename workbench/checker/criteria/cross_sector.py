"""Cross-sector and citizens: actors from several sectors, with citizens, residents or patients among them."""

from __future__ import annotations

import re

from workbench.checker.base import NON_STI_ACTORS, PATIENTS, QUINTUPLE_HELIX, SILOS, Rule, register

MIN_SECTORS = 3
_PEOPLE = re.compile(
    r"\b(?:residents?|citizens?|patients?|carers?|tenants?|parents?|families|young\s+people|people\s+with|"
    r"lived\s+experience|community\s+members?|service\s+users?|pupils?|students?|members\s+of\s+the\s+public)\b",
    re.IGNORECASE,
)


@register
class ActorsMissing(Rule):
    id = "actors-missing"
    criterion = "cross_sector"
    severity = "warning"
    section = "stakeholders"
    title = "The actors are listed"
    looks_for = "A canvas with no actors."
    why = "Missions cross disciplines, sectors and policy silos; that starts with naming who takes part."
    source = SILOS
    how_to_fix = "List the organisations and groups of people who will work on the mission, with their sector."
    weight = 30

    def findings(self, canvas):
        if canvas.stakeholders:
            return []
        return [
            self.finding(
                "No actors are listed yet.",
                "Add who takes part: council services, health providers, businesses, charities, residents.",
            )
        ]


@register
class ActorsSeveralSectors(Rule):
    id = "actors-several-sectors"
    needs = ("stakeholders",)
    criterion = "cross_sector"
    severity = "warning"
    section = "stakeholders"
    title = "Actors come from several sectors"
    looks_for = f"Actors from fewer than {MIN_SECTORS} different sectors."
    why = (
        "Vision Zero Cancer moved from a triple to a quintuple helix: care, academia, industry, public "
        "authorities and citizens together."
    )
    source = QUINTUPLE_HELIX
    how_to_fix = "Add actors from sectors not yet on the canvas, such as business, civil society or funders."
    weight = 30

    def findings(self, canvas):
        if not canvas.stakeholders:
            return []
        sectors = {actor.choice("sector") for actor in canvas.stakeholders} - {""}
        if len(sectors) >= MIN_SECTORS:
            return []
        count = len(sectors)
        return [
            self.finding(
                f"The actors come from {count} sector{'s' if count != 1 else ''}; missions need partners across "
                "sectors.",
                "Add actors from other sectors, e.g. local businesses, voluntary groups or health providers.",
                share=(MIN_SECTORS - count) / MIN_SECTORS,
            )
        ]


@register
class ActorsCitizens(Rule):
    id = "actors-citizens"
    needs = ("stakeholders",)
    criterion = "cross_sector"
    severity = "warning"
    section = "stakeholders"
    title = "Citizens, residents or patients take part"
    looks_for = "No actor in the citizens sector and none whose name or role is about residents, patients or carers."
    why = (
        "Engaging people beyond science and technology, citizens above all, is one of the hardest parts of a "
        "mission; patient involvement and community-driven action make it work."
    )
    source = NON_STI_ACTORS
    how_to_fix = "Add the residents, patients or community groups affected, with the role they play."
    weight = 30

    def findings(self, canvas):
        if not canvas.stakeholders:
            return []
        for actor in canvas.stakeholders:
            if actor.choice("sector") == "citizens" or _PEOPLE.search(actor.text("name") + " " + actor.text("role")):
                return []
        return [
            self.finding(
                "No residents, citizens or patients are among the actors.",
                "Add the people affected as actors in their own right, e.g. a residents' panel or patient group.",
            )
        ]


@register
class ActorSector(Rule):
    id = "actor-sector"
    needs = ("stakeholders",)
    criterion = "cross_sector"
    severity = "advice"
    section = "stakeholders"
    title = "Each actor has a sector"
    looks_for = "An actor without a sector."
    why = "Patient and public involvement only shows on the canvas when every actor's sector is recorded."
    source = PATIENTS
    how_to_fix = "Choose the sector of each actor."
    weight = 10

    def findings(self, canvas):
        actors = canvas.stakeholders
        return [
            self.finding(
                f"'{actor.text('name').strip()[:60] or 'An actor'}' has no sector.",
                "Choose the sector that fits best, e.g. public sector, business or citizens.",
                item=actor.id,
                field=actor.path("sector"),
                share=1 / len(actors),
            )
            for actor in actors
            if not actor.choice("sector")
        ]
