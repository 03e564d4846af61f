"""Cross-sector and citizens: actors from several sectors, with citizens, residents or patients among them."""

from __future__ import annotations

import re

from workbench.checker.base import rule

MIN_SECTORS = 3
MIN_LEVERS_FOR_OWNERSHIP = 3
# A partner owns, funds, commits or decides; being consulted, informed or invited is not partnership.
_COMMITS = re.compile(
    r"\b(?:co-?)?(?:owns?|owned|leads?|led|leading|chairs?|chaired|funds?|funded|funding|financ(?:e|es|ed|ing)|"
    r"pays?|paid|invests?|invested|commits?|committed|decides?|decided|approves?|signs?\s+off|runs?|delivers?|"
    r"provides?|manages?|commissions?|hosts?|coordinates?|set\s+up|sets\s+up|launched|launch(?:es)?|"
    r"partners?|members?|sits?\s+on|designs?|carr(?:y|ies)\s+out|takes?\s+part|co-?produces?|propos(?:e|es|ed)|"
    r"builds?|employs?|operates?|supplies|buys?|procures?|regulates?|sets\s+(?:the\s+)?(?:rules|policy|policies))\b",
    re.IGNORECASE,
)
_ONLY_HEARD = re.compile(
    r"\b(?:consulted|informed|invited|kept\s+(?:up\s+to\s+date|informed|in\s+the\s+loop)|notified|updated|asked|"
    r"told|briefed|given\s+(?:advice|the\s+chance|updates)|gives?\s+(?:advice|views|feedback|comments)|advis(?:e|es|ory)|"
    r"comments?\s+on|sounding\s+board|observers?|receives?\s+(?:updates|newsletters|briefings)|may\s+attend|"
    r"can\s+attend|attends?|welcome\s+to|surveyed|listened\s+to|heard)\b",
    re.IGNORECASE,
)
_INTERNAL = re.compile(
    r"\b(?:team|department|directorate|service|services|unit|office|division|cabinet|officers?|portfolio|"
    r"lead\s+member|we|us|our)\b",
    re.IGNORECASE,
)
_OWNER_SPLIT = re.compile(r"\s*(?:[,;(/&]|\s[-–—]\s|\bwith\b|\bthrough\b)\s*", re.IGNORECASE)
_PEOPLE = re.compile(
    r"\b(?:residents?|citizens?|patients?|carers?|tenants?|parents?|families|young\s+people|people\s+with|"
    r"lived\s+experience|community\s+members?|service\s+users?|pupils?|students?|members\s+of\s+the\s+public)\b",
    re.IGNORECASE,
)


def _owners(canvas) -> list[str]:
    return [lever.text("owner").strip().lower() for lever in canvas.levers if lever.text("owner").strip()]


def is_partner(actor, owners: list[str]) -> bool:
    """An actor who owns or co-owns a lever, or whose role says it funds, commits, leads or decides; an actor
    whose role is only to be consulted, informed or invited is not a partner. A role that says neither counts."""
    name = actor.text("name").strip().lower()
    if name and any(name in owner or owner in name for owner in owners):
        return True
    role = actor.text("role")
    if _COMMITS.search(role):
        return True
    return not _ONLY_HEARD.search(role)


def organisations(owner: str) -> set[str]:
    """The organisations behind a lever's owner: "Northfield Council economy team" is Northfield Council, "Council
    and NHS trust" is two; a team or department named on its own is the canvas's own organisation ("")."""
    found = set()
    for segment in _OWNER_SPLIT.split(owner.strip().lower()):
        segment = segment.strip()
        if not segment:
            continue
        parts = [part.strip() for part in re.split(r"\band\b", segment)]
        if "council" in segment:
            end = segment.index("council") + len("council")
            found.add(segment[:end])
            # Words right after "council" name its department; what follows an "and" may be a co-owner.
            parts = [part.strip() for part in re.split(r"\band\b", segment[end:])][1:]
        elif _INTERNAL.search(segment):
            found.add("")  # "economy and skills team": one of the organisation's own teams
            continue
        found.update("" if _INTERNAL.search(part) else part for part in parts if part)
    return found


def partners(canvas) -> list:
    """The actors that count as partners (see is_partner), worked out once per canvas."""
    found = canvas.memo.get("partners")
    if found is None:
        owners = _owners(canvas)
        found = canvas.memo["partners"] = [actor for actor in canvas.stakeholders if is_partner(actor, owners)]
    return found


@rule("actors-several-sectors")
def actors_several_sectors(canvas, finding):
    if not canvas.stakeholders:
        return []
    sectors = {actor.choice("sector") for actor in partners(canvas)} - {""}
    if len(sectors) >= MIN_SECTORS:
        return []
    count = len(sectors)
    heard = len(canvas.stakeholders) - len(partners(canvas))
    aside = (
        f" ({heard} of the actors are only consulted, informed or invited, which is not partnership)" if heard else ""
    )
    return [
        finding(
            f"The partners come from {count} sector{'s' if count != 1 else ''}{aside}; missions need partners "
            "who own, fund or decide across sectors.",
            "Add actors from other sectors, e.g. local businesses, voluntary groups or health providers.",
            share=(MIN_SECTORS - count) / MIN_SECTORS,
        )
    ]


@rule("actors-citizens")
def actors_citizens(canvas, finding):
    if not canvas.stakeholders:
        return []
    for actor in partners(canvas):
        if actor.choice("sector") == "citizens" or _PEOPLE.search(actor.text("name") + " " + actor.text("role")):
            return []
    heard = any(actor.choice("sector") == "citizens" for actor in canvas.stakeholders)
    return [
        finding(
            "Residents are only consulted or informed; they have no part in deciding or doing."
            if heard
            else "No residents, citizens or patients are among the actors.",
            "Add the people affected as actors in their own right, e.g. a residents' panel or patient group.",
        )
    ]


@rule("levers-one-owner")
def levers_one_owner(canvas, finding):
    owners = _owners(canvas)
    if len(owners) < MIN_LEVERS_FOR_OWNERSHIP:
        return []
    named = set().union(*(organisations(owner) for owner in owners)) - {""}
    if len(named) > 1:
        return []
    who = next(iter(named)).title() if named else "one organisation's own teams"
    return [
        finding(
            f"All {len(owners)} levers with an owner belong to {who}; no partner owns any of the mission's tools.",
            "Give partners levers of their own, or name where they co-own one (e.g. 'Council and NHS trust').",
        )
    ]
