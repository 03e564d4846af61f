"""What the gallery shows of an example: its checker report, findings by section, and its sources as footnotes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.canvases.checking import checked
from workbench.checker import radar_svg
from workbench.document import LIST_SECTIONS, SECTION_TITLES, item_index

# Field names in plain words, wherever they stand in a path.
FIELD_WORDS = {
    "title": "title",
    "statement": "mission statement",
    "place": "place",
    "population": "population",
    "deadline_year": "deadline year",
    "budget": "budget",
    "amount": "amount",
    "currency": "currency",
    "period": "period",
    "story": "story",
    "why_now": "why now",
    "who_is_affected": "who is affected",
    "what_will_change": "what will be different",
    "system": "system of problems",
    "description": "description",
    "governance": "governance",
    "monitoring": "monitoring",
    "working_together": "working together",
    "learning_together": "learning together",
    "ict_and_data": "ICT and data",
    "financing": "financing",
    "conflicts_of_interest": "conflicts of interest",
    "evaluation": "early evaluation",
    "near_term": "next 12 months",
    "long_term": "long term",
    "evidence": "evidence",
    "figure": "figure",
    "source": "source",
    "baseline": "baseline",
    "target": "target",
    "value": "value",
    "year": "year",
    "root_causes": "root causes it addresses",
    "opportunity_areas": "opportunity areas it serves",
    "initiatives": "example initiatives",
    "measures": "what it measures",
    "level": "level",
    "name": "name",
    "sector": "sector",
    "role": "role",
    "type": "type",
    "side": "side",
    "status": "new or existing",
    "owner": "owner",
    "unit": "unit",
    "kind": "kind",
    "direction": "direction",
}

# Where each top-level field appears on the one-pager (templates/canvases/_one_pager.html).
ANCHORS = {
    "title": "mission-title",
    "statement": "mission-title",
    "place": "mission-title",
    "population": "mission-title",
    "deadline_year": "mission-title",
    "budget": "mission-title",
    "story": "section-story",
    "system": "section-system",
    "governance": "section-governance",
    "near_term": "section-horizons",
    "long_term": "section-horizons",
}

# The canvas's own order of top-level fields, so that footnotes read from top to bottom.
FIELD_ORDER = [
    "title",
    "statement",
    "place",
    "population",
    "deadline_year",
    "budget",
    "layers",
    "story",
    "root_causes",
    "system",
    "stakeholders",
    "opportunity_areas",
    "levers",
    "metrics",
    "governance",
    "near_term",
    "long_term",
]

_PART = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def _parts(path: str) -> list[str | int]:
    return [name or int(index) for name, index in _PART.findall(path)]


def _item_label(item: dict) -> str:
    return str(item.get("title") or item.get("name") or item.get("id") or "")


@dataclass
class Footnote:
    """One cited field of the canvas and the sources it rests on."""

    number: int
    path: str
    label: str
    anchor: str
    sources: list[dict] = field(default_factory=list)


def describe_path(document: dict, path: str) -> tuple[str, str]:
    """A cited field path in plain words, and the id of the place on the one-pager that shows it.

    "root_causes[2].evidence" → ("Root causes › “Gaps in early detection” › evidence", "item-rc-3").
    """
    parts = _parts(path)
    if not parts or not isinstance(parts[0], str):
        return path, ""
    head = parts[0]
    words: list[str] = []
    anchor = ANCHORS.get(head, f"section-{head}")
    rest = parts[1:]
    if head in LIST_SECTIONS:
        words.append(SECTION_TITLES.get(head, head))
        if rest and isinstance(rest[0], int):
            items = document.get(head) or []
            if rest[0] < len(items):
                item = items[rest[0]]
                words.append(f"“{_item_label(item)}”")
                if item.get("id"):
                    anchor = f"item-{item['id']}"
            rest = rest[1:]
        if head == "stakeholders" and anchor == f"section-{head}":
            anchor = "section-system"
    else:
        words.append(FIELD_WORDS.get(head, head.replace("_", " ")).capitalize())
    for part in rest:
        if isinstance(part, int):
            words[-1] = f"{words[-1]} {part + 1}"
        else:
            words.append(FIELD_WORDS.get(part, part.replace("_", " ")))
    return " › ".join(words), anchor


_WORD_ORDER = {name: position for position, name in enumerate(FIELD_WORDS)}


def _sort_key(path: str) -> tuple:
    parts = _parts(path) or [""]
    head = parts[0]
    order = FIELD_ORDER.index(head) if head in FIELD_ORDER else len(FIELD_ORDER)
    # Items by position, fields in the order the canvas shows them, the whole before its parts.
    rest = [part if isinstance(part, int) else _WORD_ORDER.get(part, len(_WORD_ORDER)) for part in parts[1:]]
    return (order, rest, path)


def footnotes(document: dict) -> list[Footnote]:
    """Every citation of the document as a numbered footnote, in the order the canvas reads."""
    notes = []
    citations = document.get("citations") or {}
    for number, path in enumerate(sorted(citations, key=_sort_key), start=1):
        label, anchor = describe_path(document, path)
        sources = [
            {
                "source": entry.get("source", ""),
                "at": entry.get("at", ""),
                "outside": bool(entry.get("outside")),
                "note": entry.get("note", ""),
                "is_address": str(entry.get("source", "")).startswith(("https://", "http://")),
            }
            for entry in citations[path]
        ]
        notes.append(Footnote(number=number, path=path, label=label, anchor=anchor, sources=sources))
    return notes


SECTION_ORDER = list(SECTION_TITLES)


def findings_by_section(report, document: dict) -> list[dict]:
    """The report's findings grouped by the section they point at, in canvas order, with item titles."""
    items = item_index(document)
    groups: dict[str, list[dict]] = {}
    for finding in report.findings:
        found = items.get(finding.item) if finding.item else None
        groups.setdefault(finding.section, []).append(
            {"finding": finding, "item_label": _item_label(found[2]) if found else ""}
        )
    ordered = sorted(groups, key=lambda s: SECTION_ORDER.index(s) if s in SECTION_ORDER else len(SECTION_ORDER))
    return [
        {
            "section": section,
            "title": SECTION_TITLES.get(section, section.replace("_", " ").capitalize()),
            "findings": groups[section],
        }
        for section in ordered
    ]


def scorecard(document: dict, *, key: str | None = None) -> dict:
    """The checker's verdict on an example, ready for the templates; remembered under key."""
    report = checked(document, key=key)
    return {
        "report": report,
        "radar": radar_svg(report),
        "criteria": list(report.criteria.items()),
        "counts": report.counts(),
    }
