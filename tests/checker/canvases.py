"""Canvas documents for the checker's tests and benchmarks: one complete mission, and generated ones."""

from __future__ import annotations

import copy
import random

STATEMENT = "By 2030, no child in Northfield goes to bed hungry."


def complete_canvas(statement: str = STATEMENT, **overrides) -> dict:
    """A valid canvas that meets every rule of the checker (its statement can be swapped for another)."""
    document = {
        "schema": "mission-canvas/1",
        "title": "No child goes hungry",
        "statement": statement,
        "place": "Northfield borough",
        "population": "Children under 16 and their families",
        "deadline_year": 2030,
        "budget": {"amount": 1200000, "currency": "GBP", "period": "2025 to 2030"},
        "layers": [
            {"id": "layer-1", "level": "vision", "title": "Everyone in Northfield eats well", "description": ""},
            {"id": "layer-2", "level": "mission", "title": "No child goes hungry", "description": ""},
            {
                "id": "layer-3",
                "level": "sub_mission",
                "title": "Free breakfast in every primary school by 2027",
                "description": "",
            },
            {"id": "layer-4", "level": "project", "title": "Holiday meals on three estates", "description": ""},
        ],
        "story": {
            "why_now": "Food prices rose fast last year. More families now skip meals to pay the rent.",
            "who_is_affected": "About one child in five lives in a home that runs out of food each month.",
            "what_will_change": "Every child gets a hot meal each day, in term time and in the holidays.",
        },
        "root_causes": [
            {
                "id": "rc-1",
                "title": "Low incomes",
                "description": "Wages and benefits have not kept up with rent and food prices.",
                "evidence": {"figure": "31% of children live in poverty", "source": "End Child Poverty, 2024"},
            },
            {
                "id": "rc-2",
                "title": "No shops nearby",
                "description": "Three estates have no shop selling fresh food within a mile.",
                "evidence": {"figure": "3 estates", "source": "Council shop survey, 2024"},
            },
        ],
        "system": {"description": "Low pay, high rent and few shops push families towards cheap, poor food."},
        "stakeholders": [
            {"id": "actor-1", "name": "Northfield Council", "sector": "public_sector", "role": "Runs schools."},
            {"id": "actor-2", "name": "Northfield Food Bank", "sector": "civil_society", "role": "Gives food."},
            {"id": "actor-3", "name": "Parents' panel", "sector": "citizens", "role": "Says what works."},
            {"id": "actor-4", "name": "Local grocers", "sector": "business", "role": "Sell fresh food."},
        ],
        "opportunity_areas": [
            {
                "id": "area-1",
                "title": "School food",
                "description": "Meals at school, in term time and in the holidays.",
                "root_causes": ["rc-1"],
                "initiatives": ["Free breakfast clubs"],
            },
            {
                "id": "area-2",
                "title": "Food on estates",
                "description": "Fresh food sold where families live.",
                "root_causes": ["rc-2"],
                "initiatives": ["Weekly market stalls"],
            },
        ],
        "levers": [
            {
                "id": "lever-1",
                "title": "Breakfast club grants",
                "description": "Money for schools to open breakfast clubs.",
                "type": "funding",
                "side": "supply",
                "status": "new",
                "owner": "Council children's services",
                "opportunity_areas": ["area-1"],
            },
            {
                "id": "lever-2",
                "title": "School meals contract",
                "description": "The council buys fresh, local food for schools.",
                "type": "procurement",
                "side": "demand",
                "status": "existing",
                "owner": "Council buying team",
                "opportunity_areas": ["area-1"],
            },
            {
                "id": "lever-3",
                "title": "Market stall licences",
                "description": "Free licences for fresh food stalls on estates.",
                "type": "regulation",
                "side": "both",
                "status": "new",
                "owner": "Northfield Food Bank with the council's licensing team",
                "opportunity_areas": ["area-2"],
            },
        ],
        "metrics": [
            {
                "id": "metric-1",
                "name": "Children in homes that run out of food",
                "kind": "mission_outcome",
                "unit": "% of children",
                "direction": "decrease",
                "baseline": {"value": 20, "year": 2024},
                "target": {"value": 0, "year": 2030},
                "source": "Northfield schools survey",
                "measures": ["mission"],
            },
            {
                "id": "metric-2",
                "name": "Primary schools with a free breakfast club",
                "kind": "output",
                "unit": "schools",
                "direction": "increase",
                "baseline": {"value": 12, "year": 2024},
                "target": {"value": 45, "year": 2027},
                "source": "Council school records",
                "measures": ["area-1"],
            },
        ],
        "governance": {
            "monitoring": "The board checks the metrics every three months.",
            "working_together": "Partners sign one shared agreement and meet each month.",
            "learning_together": "Each term, partners share what worked and what did not.",
            "ict_and_data": "Schools share anonymous survey results through one dashboard.",
            "financing": "The council and two funders pool money for five years.",
            "conflicts_of_interest": "Board members say what interests they have and step aside from those decisions.",
            "evaluation": "An independent review after the first year checks the grants serve the mission.",
        },
        "near_term": "By March, open ten breakfast clubs. By the summer, run holiday meals on three estates.",
        "long_term": "By 2030, every child eats well each day, and families can buy fresh food near home.",
        "citations": {},
        "waivers": [],
    }
    document["statement"] = statement
    document.update(copy.deepcopy(overrides))
    return document


_WORDS = (
    "food school family child market estate meal garden kitchen partner resident money grant council "
    "health shop price rent fresh local weekly summer winter breakfast holiday street park library"
).split()


def generated_canvas(seed: int, items: int = 20) -> dict:
    """A valid, randomly filled canvas with `items` entries in each list section (for benchmarks)."""
    rng = random.Random(seed)

    def sentence(n=12):
        return " ".join(rng.choice(_WORDS) for _ in range(n)).capitalize() + "."

    document = complete_canvas(f"By {rng.randint(2026, 2040)}, every {rng.choice(_WORDS)} in the borough is fresh.")
    document["story"] = {key: " ".join(sentence() for _ in range(8)) for key in document["story"]}
    document["root_causes"] = [
        {
            "id": f"rc-{i}",
            "title": sentence(4),
            "description": sentence(30),
            "evidence": {"figure": f"{rng.randint(1, 90)}%", "source": sentence(3)},
        }
        for i in range(items)
    ]
    document["stakeholders"] = [
        {
            "id": f"actor-{i}",
            "name": sentence(3),
            "sector": rng.choice(["public_sector", "business", "citizens", "civil_society", "research"]),
            "role": sentence(10),
        }
        for i in range(items)
    ]
    document["opportunity_areas"] = [
        {
            "id": f"area-{i}",
            "title": sentence(4),
            "description": sentence(25),
            "root_causes": [f"rc-{rng.randrange(items)}"],
            "initiatives": [sentence(5) for _ in range(3)],
        }
        for i in range(items)
    ]
    document["levers"] = [
        {
            "id": f"lever-{i}",
            "title": sentence(4),
            "description": sentence(20),
            "type": rng.choice(["funding", "procurement", "regulation", "communication", "skills"]),
            "side": rng.choice(["supply", "demand", "both"]),
            "status": rng.choice(["new", "existing"]),
            "owner": sentence(3),
            "opportunity_areas": [f"area-{rng.randrange(items)}"],
        }
        for i in range(items)
    ]
    document["metrics"] = [
        {
            "id": f"metric-{i}",
            "name": sentence(5),
            "kind": rng.choice(["mission_outcome", "intermediate_outcome", "output"]),
            "unit": "%",
            "direction": "decrease",
            "baseline": {"value": rng.randint(50, 90), "year": 2024},
            "target": {"value": rng.randint(0, 40), "year": rng.randint(2026, 2040)},
            "source": sentence(3),
            "measures": ["mission" if i == 0 else f"area-{rng.randrange(items)}"],
        }
        for i in range(items)
    ]
    return document
