"""Canvas documents for the PDF tests: one of typical length, and ways to make it longer or hostile."""

from __future__ import annotations

import copy

from workbench.document import validate


def typical_document() -> dict:
    """A borough's mission on a page with about as much text as teams write."""
    document = {
        "schema": "mission-canvas/1",
        "title": "Warm homes for every Northfield household",
        "statement": (
            "By 2032, no household in Northfield lives in a cold, damp home, and winter hospital "
            "admissions for breathing problems fall by half."
        ),
        "place": "London Borough of Northfield",
        "population": "All 96,000 households, first those on low incomes and in private rented homes",
        "deadline_year": 2032,
        "budget": {"amount": 42000000, "currency": "GBP", "period": "2024 to 2032"},
        "layers": [
            {"id": "layer-1", "level": "vision", "title": "A borough where everyone lives in good health"},
            {"id": "layer-2", "level": "mission", "title": "Warm homes for every household by 2032"},
            {"id": "layer-3", "level": "sub_mission", "title": "Every private rented home rated EPC C or better"},
            {"id": "layer-4", "level": "project", "title": "Street-by-street retrofit in Eastgate"},
        ],
        "story": {
            "why_now": "Energy bills doubled in two winters and damp complaints to the council tripled.",
            "who_is_affected": "Older residents, families with small children and tenants who cannot make repairs.",
            "what_will_change": "Homes stay warm for less money, and fewer people fall ill each winter.",
        },
        "root_causes": [
            {
                "id": "rc-1",
                "title": "Old, leaky housing stock",
                "description": "Most homes were built before 1919 with solid walls and single glazing.",
                "evidence": {"figure": "61% of homes rated EPC D or worse", "source": "Housing survey 2023"},
            },
            {
                "id": "rc-2",
                "title": "Landlords lack a reason to invest",
                "description": "Tenants pay the bills, so insulation saves the landlord nothing.",
                "evidence": {"figure": "", "source": ""},
            },
            {
                "id": "rc-3",
                "title": "Help is hard to find",
                "description": "Grants sit with five different bodies, each with its own form.",
                "evidence": {"figure": "1 in 5 eligible households apply", "source": "Advice centre records"},
            },
        ],
        "system": {
            "description": (
                "Cold homes, high bills and ill health feed each other: people who fall ill spend more "
                "time at home and heat less, and damp spreads."
            )
        },
        "stakeholders": [
            {"id": "actor-1", "name": "Northfield Council", "sector": "public_sector", "role": "Leads the mission"},
            {"id": "actor-2", "name": "Northfield Tenants' Union", "sector": "citizens", "role": "Tenants' voice"},
            {"id": "actor-3", "name": "City University energy lab", "sector": "research", "role": "Measures results"},
            {"id": "actor-4", "name": "Local builders' federation", "sector": "business", "role": "Retrofit work"},
            {"id": "actor-5", "name": "North Central health trust", "sector": "health_and_care", "role": ""},
            {"id": "actor-6", "name": "Warm Front charity", "sector": "civil_society", "role": "Advice at home"},
        ],
        "opportunity_areas": [
            {
                "id": "area-1",
                "title": "Retrofit at street scale",
                "description": "Insulate whole streets at once to cut the cost per home.",
                "root_causes": ["rc-1"],
                "initiatives": ["Eastgate pilot of 400 homes", "Shared scaffolding contracts"],
            },
            {
                "id": "area-2",
                "title": "Standards that bite",
                "description": "Enforce minimum energy standards in private rented homes.",
                "root_causes": ["rc-2"],
                "initiatives": ["Landlord licensing with an energy condition"],
            },
            {
                "id": "area-3",
                "title": "One front door for help",
                "description": "One phone number and one form for every grant.",
                "root_causes": ["rc-3"],
                "initiatives": [],
            },
        ],
        "levers": [
            {
                "id": "lever-1",
                "title": "Retrofit fund",
                "description": "Grants matched by landlords.",
                "type": "funding",
                "side": "supply",
                "status": "new",
                "owner": "Council housing team",
                "opportunity_areas": ["area-1"],
            },
            {
                "id": "lever-2",
                "title": "Selective licensing",
                "description": "",
                "type": "regulation",
                "side": "demand",
                "status": "existing",
                "owner": "Private housing enforcement",
                "opportunity_areas": ["area-2"],
            },
            {
                "id": "lever-3",
                "title": "Warm homes hub",
                "description": "Advisers who visit homes and fill in the forms.",
                "type": "convening",
                "side": "both",
                "status": "new",
                "owner": "Warm Front charity",
                "opportunity_areas": ["area-3"],
            },
        ],
        "metrics": [
            {
                "id": "metric-1",
                "name": "Households in fuel poverty",
                "kind": "mission_outcome",
                "unit": "% of households",
                "direction": "decrease",
                "baseline": {"value": 17.5, "year": 2023},
                "target": {"value": 0, "year": 2032},
                "source": "National fuel poverty statistics",
                "measures": ["mission"],
            },
            {
                "id": "metric-2",
                "name": "Winter admissions for breathing problems",
                "kind": "mission_outcome",
                "unit": "admissions",
                "direction": "decrease",
                "baseline": {"value": 1240, "year": 2023},
                "target": {"value": 620, "year": 2032},
                "source": "Hospital episode statistics",
                "measures": ["mission"],
            },
            {
                "id": "metric-3",
                "name": "Homes insulated",
                "kind": "output",
                "unit": "homes",
                "direction": "increase",
                "baseline": {"value": 0, "year": 2024},
                "target": {"value": 12000, "year": 2028},
                "source": "Retrofit fund records",
                "measures": ["area-1"],
            },
        ],
        "governance": {
            "monitoring": "A public dashboard updated every quarter.",
            "working_together": "A mission board of council, tenants, builders and the health trust.",
            "learning_together": "Twice a year the board reviews what worked on the pilot streets.",
            "ict_and_data": "Energy ratings and admissions joined by postcode, never by person.",
            "financing": "Council capital, national grants and landlord match funding.",
            "conflicts_of_interest": "Builders on the board do not vote on contracts.",
            "evaluation": "The university evaluates the Eastgate pilot after its first winter.",
        },
        "near_term": "Insulate 400 homes in Eastgate and open the warm homes hub.",
        "long_term": "Every home warm and affordable to heat; winter admissions halved.",
        "citations": {},
        "waivers": [],
    }
    assert validate(document) == [], validate(document)
    return document


def long_document(times: int = 3) -> dict:
    """The typical document with every list and text `times` as long; every item title is unique."""
    base = typical_document()
    document = copy.deepcopy(base)
    for section in ("layers", "root_causes", "stakeholders", "opportunity_areas", "levers", "metrics"):
        items = []
        for round_number in range(1, times + 1):
            for item in base[section]:
                copy_of = copy.deepcopy(item)
                copy_of["id"] = f"{item['id']}-{round_number}"
                title_key = "name" if section in ("stakeholders", "metrics") else "title"
                copy_of[title_key] = f"{item[title_key]} (part {round_number})"
                for link_key in ("root_causes", "opportunity_areas"):
                    if link_key in copy_of and section != link_key:
                        copy_of[link_key] = [f"{ref}-{round_number}" for ref in copy_of[link_key]]
                if section == "metrics":
                    copy_of["measures"] = [
                        ref if ref == "mission" else f"{ref}-{round_number}" for ref in copy_of["measures"]
                    ]
                items.append(copy_of)
        document[section] = items
    for group in ("story", "governance"):
        document[group] = {key: " ".join([text] * times) for key, text in base[group].items()}
    document["system"] = {"description": " ".join([base["system"]["description"]] * times)}
    document["near_term"] = " ".join([base["near_term"]] * times)
    document["long_term"] = " ".join([base["long_term"]] * times)
    assert validate(document) == [], validate(document)
    return document


def item_titles(document: dict) -> list[str]:
    """The title (or name) of every list item of a document."""
    titles = []
    for section in ("layers", "root_causes", "stakeholders", "opportunity_areas", "levers", "metrics"):
        key = "name" if section in ("stakeholders", "metrics") else "title"
        titles.extend(item[key] for item in document[section])
    return titles
