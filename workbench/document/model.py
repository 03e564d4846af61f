"""Names, choices and defaults of the mission canvas document (schema "mission-canvas/1")."""

from __future__ import annotations

import copy
import re

SCHEMA_ID = "mission-canvas/1"

# The list sections in the order of the canvas, with the prefix their item ids carry.
LIST_SECTIONS = {
    "layers": "layer",
    "root_causes": "rc",
    "stakeholders": "actor",
    "opportunity_areas": "area",
    "levers": "lever",
    "metrics": "metric",
}

SECTION_TITLES = {
    "identity": "Mission",
    "layers": "Layers",
    "story": "Story",
    "root_causes": "Root causes",
    "system": "System of problems",
    "stakeholders": "Actors",
    "opportunity_areas": "Opportunity areas",
    "levers": "Tools and levers",
    "metrics": "Success metrics",
    "governance": "Governance and learning",
    "horizons": "Near term and long term",
}

# Which top-level keys each section of the canvas holds.
SECTION_KEYS = {
    "identity": ["title", "statement", "place", "population", "deadline_year", "budget"],
    "layers": ["layers"],
    "story": ["story"],
    "root_causes": ["root_causes"],
    "system": ["system"],
    "stakeholders": ["stakeholders"],
    "opportunity_areas": ["opportunity_areas"],
    "levers": ["levers"],
    "metrics": ["metrics"],
    "governance": ["governance"],
    "horizons": ["near_term", "long_term"],
}

CHOICES = {
    "layer_level": [
        ("vision", "Vision or grand challenge"),
        ("mission", "Mission"),
        ("sub_mission", "Sub-mission"),
        ("project", "Project"),
    ],
    "sector": [
        ("public_sector", "Public sector"),
        ("research", "Research and academia"),
        ("business", "Business and industry"),
        ("civil_society", "Civil society and voluntary sector"),
        ("citizens", "Citizens, residents and patients"),
        ("health_and_care", "Health and care providers"),
        ("funders", "Funders"),
    ],
    "lever_type": [
        ("funding", "Funding"),
        ("procurement", "Procurement"),
        ("regulation", "Regulation and planning"),
        ("convening", "Convening and partnerships"),
        ("data_and_infrastructure", "Data and infrastructure"),
        ("communication", "Communication"),
        ("skills", "Skills and capacity"),
        ("land_and_assets", "Land and assets"),
        ("research_and_innovation", "Research and innovation"),
    ],
    "lever_side": [("supply", "Supply side"), ("demand", "Demand side"), ("both", "Both")],
    "lever_status": [("new", "New"), ("existing", "Existing")],
    "metric_kind": [
        ("mission_outcome", "Mission outcome"),
        ("intermediate_outcome", "Intermediate outcome"),
        ("output", "Output"),
    ],
    "metric_direction": [
        ("increase", "Should go up"),
        ("decrease", "Should go down"),
        ("maintain", "Should hold steady"),
    ],
}

STORY_FIELDS = ["why_now", "who_is_affected", "what_will_change"]
GOVERNANCE_FIELDS = [
    "monitoring",
    "working_together",
    "learning_together",
    "ict_and_data",
    "financing",
    "conflicts_of_interest",
    "evaluation",
]

# Defaults for every field of a list item; normalize() fills what a document leaves out.
ITEM_DEFAULTS = {
    "layers": {"level": "", "title": "", "description": ""},
    "root_causes": {"title": "", "description": "", "evidence": {"figure": "", "source": ""}},
    "stakeholders": {"name": "", "sector": "", "role": ""},
    "opportunity_areas": {"title": "", "description": "", "root_causes": [], "initiatives": []},
    "levers": {
        "title": "",
        "description": "",
        "type": "",
        "side": "",
        "status": "",
        "owner": "",
        "opportunity_areas": [],
    },
    "metrics": {
        "name": "",
        "kind": "",
        "unit": "",
        "direction": "",
        "baseline": {"value": None, "year": None},
        "target": {"value": None, "year": None},
        "source": "",
        "measures": [],
    },
}

MISSION_TARGET = "mission"  # what metrics[].measures names when a metric measures the mission itself


def empty_document(title: str = "") -> dict:
    """A complete document with every key present and every section empty."""
    return {
        "schema": SCHEMA_ID,
        "title": title,
        "statement": "",
        "place": "",
        "population": "",
        "deadline_year": None,
        "budget": {"amount": None, "currency": "", "period": ""},
        "layers": [],
        "story": {key: "" for key in STORY_FIELDS},
        "root_causes": [],
        "system": {"description": ""},
        "stakeholders": [],
        "opportunity_areas": [],
        "levers": [],
        "metrics": [],
        "governance": {key: "" for key in GOVERNANCE_FIELDS},
        "near_term": "",
        "long_term": "",
        "citations": {},
        "waivers": [],
    }


def _fill(defaults: dict, given: dict) -> dict:
    out = copy.deepcopy(defaults)
    for key, value in given.items():
        if isinstance(out.get(key), dict) and isinstance(value, dict):
            out[key] = _fill(out[key], value)
        elif value is None and isinstance(out.get(key), dict):
            continue
        else:
            out[key] = copy.deepcopy(value)
    return out


def normalize(document: dict) -> dict:
    """The same document with every optional key present, so that equal canvases compare equal.

    Call it on a document that validate() accepted.
    """
    out = _fill(empty_document(), {k: v for k, v in document.items() if k not in LIST_SECTIONS})
    for section, defaults in ITEM_DEFAULTS.items():
        out[section] = [_fill({"id": "", **defaults}, item) for item in document.get(section) or []]
    return out


_ID_NUMBER = re.compile(r"-(\d+)$")


def new_item_id(section: str, taken: set[str]) -> str:
    """A fresh id for a new item of a list section, never one already taken in the document."""
    prefix = LIST_SECTIONS[section]
    highest = 0
    for item_id in taken:
        if item_id.startswith(prefix + "-"):
            match = _ID_NUMBER.search(item_id)
            if match:
                highest = max(highest, int(match.group(1)))
    candidate = f"{prefix}-{highest + 1}"
    while candidate in taken:
        highest += 1
        candidate = f"{prefix}-{highest + 1}"
    return candidate


def item_index(document: dict) -> dict[str, tuple[str, int, dict]]:
    """Every list item of the document by its id: (section, position, item)."""
    found = {}
    for section in LIST_SECTIONS:
        items = document.get(section)
        if not isinstance(items, list):
            continue
        for position, item in enumerate(items):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                found.setdefault(item["id"], (section, position, item))
    return found
